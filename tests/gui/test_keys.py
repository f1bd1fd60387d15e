"""Space, S, → and R answer wherever the focus is, once an edit is committed (issue 10, item 1)."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from playground.main_window import MainWindow
from playground.view_list import VIEWS, ViewSpec


def focus(qtbot, widget):
    widget.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)
    return widget


def type_and_commit(qtbot, field, text):
    """Select the field's text, type over it and press Enter, as a person would."""
    focus(qtbot, field)
    field.lineEdit().selectAll()
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def number_fields(window):
    data, model, training = (window.views[k] for k in ("data", "model", "training"))
    return {"points (spin box)": (data.points, "120", lambda s: s.settings.data.points == 120),
            "learning rate (editable list)": (training.learning_rate, "30",
                                              lambda s: s.settings.training.learning_rate == 30),
            "layer width (spin box)": (model.widths[0].box, "12",
                                       lambda s: s.settings.model.hidden[0] == 12)}


@pytest.mark.parametrize("name", ["points (spin box)", "learning rate (editable list)",
                                  "layer width (spin box)"])
def test_after_enter_in_a_field_every_training_key_answers(qtbot, window, name):
    field, text, committed = number_fields(window)[name]
    session, runner = window.session, window.runner
    type_and_commit(qtbot, field, text)
    assert committed(session)
    qtbot.waitUntil(lambda: not field.hasFocus())  # the focus went back to the canvas
    focused = QApplication.focusWidget()
    qtbot.keyClick(focused, Qt.Key.Key_Space)
    assert runner.running
    qtbot.keyClick(focused, Qt.Key.Key_Space)
    assert not runner.running
    step = session.stats.step
    qtbot.keyClick(focused, Qt.Key.Key_S)
    qtbot.keyClick(focused, Qt.Key.Key_Right)
    assert session.stats.step == step + 2
    qtbot.keyClick(focused, Qt.Key.Key_R)
    assert session.stats.step == 0


@pytest.mark.parametrize("name", ["points (spin box)", "learning rate (editable list)",
                                  "layer width (spin box)"])
def test_keys_a_number_field_cannot_take_go_to_the_window_while_it_has_focus(qtbot, window, name):
    field = number_fields(window)[name][0]
    session, runner = window.session, window.runner
    text = field.lineEdit().text()
    focus(qtbot, field)
    qtbot.keyClick(field, Qt.Key.Key_Space)
    assert runner.running
    qtbot.keyClick(field, Qt.Key.Key_Space)
    assert not runner.running
    qtbot.keyClick(field, Qt.Key.Key_S)
    assert session.stats.step == 1
    qtbot.keyClick(field, Qt.Key.Key_R)
    assert session.stats.step == 0
    assert field.lineEdit().text() == text and field.hasFocus()  # nothing typed into it


def test_digits_and_arrows_still_edit_a_field_mid_edit(qtbot, window):
    points = window.views["data"].points
    focus(qtbot, points)
    points.lineEdit().selectAll()
    qtbot.keyClicks(points, "35")
    qtbot.keyClick(points, Qt.Key.Key_Left)
    qtbot.keyClicks(points, "0")
    qtbot.keyClick(points, Qt.Key.Key_Right)  # moves the cursor: not a training step
    assert points.lineEdit().text() == "305" and window.session.stats.step == 0


def test_a_text_field_that_takes_a_space_keeps_it(qtbot, session):
    extra = ViewSpec("notes", "Notes", lambda s, c: QLineEdit(), "right")
    window = MainWindow(session, views=(*VIEWS, extra))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    notes = focus(qtbot, window.views["notes"])
    qtbot.keyClicks(notes, "a b")
    qtbot.keyClick(notes, Qt.Key.Key_Space)
    qtbot.keyClick(notes, Qt.Key.Key_S)
    assert notes.text() == "a b s" and not window.runner.running and session.stats.step == 0


def test_clicking_the_speed_slider_leaves_the_keys_to_the_window(qtbot, window):
    slider = window.speed.slider
    window.canvas.setFocus()
    qtbot.mouseClick(slider, Qt.MouseButton.LeftButton)
    assert not slider.hasFocus()
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_Right)
    assert window.session.stats.step == 1

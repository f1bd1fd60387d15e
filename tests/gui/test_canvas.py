"""The canvas as a person uses it: clicks and drags land at the plane point under the cursor."""

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

LEFT, RIGHT = Qt.MouseButton.LeftButton, Qt.MouseButton.RightButton


def click(qtbot, canvas, x, y, button=LEFT, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.mouseClick(canvas.viewport(), button, modifier, canvas.to_widget(x, y))


def drag(canvas, path, button=LEFT):
    """Press at path[0], move through the rest, release at the end (plane coordinates)."""
    viewport = canvas.viewport()
    points = [QPointF(canvas.to_widget(x, y)) for x, y in path]

    def send(kind, pos, buttons):
        global_pos = QPointF(viewport.mapToGlobal(pos.toPoint()))
        event = QMouseEvent(kind, pos, global_pos, button, buttons, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(viewport, event)

    send(QEvent.Type.MouseButtonPress, points[0], button)
    for point in points[1:]:
        send(QEvent.Type.MouseMove, point, button)
    send(QEvent.Type.MouseButtonRelease, points[-1], Qt.MouseButton.NoButton)


def last_point(session):
    return session.points[-1], session.labels[-1], session.is_test[-1]


def test_click_adds_a_point_of_the_current_class_where_clicked(qtbot, window):
    session, canvas = window.session, window.canvas
    session.set_current_class(1)
    before = len(session.points)
    click(qtbot, canvas, 0.3, -0.6)
    assert len(session.points) == before + 1
    xy, label, is_test = last_point(session)
    np.testing.assert_allclose(xy, [0.3, -0.6], atol=0.01)
    assert label == 1 and not is_test


@pytest.mark.parametrize("size", [(900, 600), (1600, 1000)])
def test_clicks_land_right_after_a_resize(qtbot, window, size):
    window.session.clear_points()
    window.resize(*size)
    qtbot.wait(50)
    click(qtbot, window.canvas, -0.77, 0.41)
    np.testing.assert_allclose(last_point(window.session)[0], [-0.77, 0.41], atol=0.01)


def test_right_click_and_shift_click_add_the_next_class(qtbot, window):
    session, canvas = window.session, window.canvas
    session.set_current_class(1)
    click(qtbot, canvas, 0.1, 0.1, RIGHT)
    assert last_point(session)[1] == 0  # wraps around: 1 -> 0 with two classes
    session.set_current_class(0)
    click(qtbot, canvas, 0.2, 0.1, modifier=Qt.KeyboardModifier.ShiftModifier)
    assert last_point(session)[1] == 1


def test_test_point_toggle_makes_hollow_test_points(qtbot, window):
    window.actions.test_points.setChecked(True)
    click(qtbot, window.canvas, 0.05, 0.95)
    assert last_point(window.session)[2]


def test_undo_and_redo_a_click(qtbot, window):
    session, undo, redo = window.session, window.actions.undo, window.actions.redo
    before = session.points.copy()
    assert not undo.isEnabled() and not redo.isEnabled()
    click(qtbot, window.canvas, 0.5, 0.5)
    assert undo.isEnabled() and undo.toolTip() == "Undo Add point"
    window.actions.undo.trigger()
    assert redo.isEnabled() and not undo.isEnabled()
    np.testing.assert_array_equal(session.points, before)
    window.actions.redo.trigger()
    np.testing.assert_allclose(session.points[-1], [0.5, 0.5], atol=0.01)


def test_ctrl_click_erases_the_point_under_the_cursor(qtbot, window):
    session = window.session
    session.clear_points()
    session.add_points([[0.2, 0.2], [-0.4, 0.3]])
    click(qtbot, window.canvas, 0.201, 0.199, modifier=Qt.KeyboardModifier.ControlModifier)
    np.testing.assert_allclose(session.points, [[-0.4, 0.3]])


def test_dragging_a_point_moves_it_in_one_undo_step(qtbot, window):
    session = window.session
    session.clear_points()
    session.add_points([[0.0, 0.0]])
    drag(window.canvas, [(0.0, 0.0), (0.2, 0.1), (0.4, 0.3), (0.5, -0.5)])
    assert len(session.points) == 1
    np.testing.assert_allclose(session.points[0], [0.5, -0.5], atol=0.01)
    assert session.undo_text() == "Move point"
    session.undo()
    np.testing.assert_allclose(session.points[0], [0.0, 0.0])
    assert session.undo_text() == "Add point"  # the whole drag was one step


def test_a_brush_stroke_is_one_undo_step(qtbot, window):
    session = window.session
    window.actions.tools["brush"].trigger()
    before = len(session.points)
    drag(window.canvas, [(-0.8, -0.8 + 0.1 * i) for i in range(12)])
    added = session.points[before:]
    assert len(added) >= 10
    assert np.all(np.abs(added[:, 0] + 0.8) < 0.4)  # sprayed around the stroke
    assert session.undo_text() == "Brush stroke"
    window.actions.undo.trigger()
    assert len(session.points) == before and not session.can_undo()


def test_erase_tool_removes_the_points_under_the_circle(qtbot, window):
    session = window.session
    session.clear_points()
    session.add_points([[0.5, 0.5], [0.52, 0.5], [-0.5, -0.5]])
    window.actions.tools["erase"].trigger()
    click(qtbot, window.canvas, 0.51, 0.5)
    np.testing.assert_allclose(session.points, [[-0.5, -0.5]])


def test_clear_all_is_undoable(qtbot, window):
    session = window.session
    count = len(session.points)
    window.actions.clear.trigger()
    assert len(session.points) == 0
    window.actions.undo.trigger()
    assert len(session.points) == count


def test_points_are_drawn_per_class_and_split(qtbot, window):
    s = window.session
    canvas = window.canvas
    drawn_train = sum(len(item.getData()[0]) for item in canvas.train_points)
    drawn_test = sum(len(item.getData()[0]) for item in canvas.test_points)
    assert drawn_train == int((~s.is_test).sum()) and drawn_test == int(s.is_test.sum())
    x, y = canvas.train_points[1].getData()
    expected = s.points[(s.labels == 1) & ~s.is_test]
    np.testing.assert_allclose(np.column_stack([x, y]), expected)


def test_overlays_draw_between_the_boundary_and_the_points_or_on_top(window):
    import pyqtgraph as pg

    canvas = window.canvas
    under, over = pg.PlotCurveItem([0, 1], [0, 1]), pg.PlotCurveItem([0, 1], [1, 0])
    canvas.add_overlay(under)
    canvas.add_overlay(over, above_points=True)
    points_z = min(item.zValue() for item in canvas.train_points + canvas.test_points)
    assert canvas.ties.zValue() < under.zValue() < points_z < over.zValue()
    assert under.scene() is canvas.scene() and not under.isEnabled()

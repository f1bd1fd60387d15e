"""The class count agrees everywhere: the Data panel, the class list, the Classes menu and keys 1-5."""

from PySide6.QtCore import Qt


def classes_menu_entries(window):
    return [a.text() for a in window.classes_menu.actions()]


def test_add_class_shows_everywhere(qtbot, window):
    data = window.views["data"]
    assert data.classes.value() == 2 and classes_menu_entries(window) == ["Class 1: A", "Class 2: B"]
    select = window.views["data"].dataset
    select.setCurrentIndex(select.findData("spiral"))
    data.add_class.click()
    assert window.session.n_classes == 3
    assert data.classes.value() == 3 and data.class_list.count() == 3
    assert classes_menu_entries(window) == ["Class 1: A", "Class 2: B", "Class 3: C"]
    assert window.actions.classes[2].isChecked()  # the new class is the current one
    data.classes.setValue(2)  # back to two generated classes
    assert window.session.n_classes == 2 and classes_menu_entries(window) == ["Class 1: A", "Class 2: B"]


def test_a_key_for_a_class_that_does_not_exist_says_so(qtbot, window):
    session = window.session
    window.canvas.setFocus()
    qtbot.keyClick(window.canvas, Qt.Key.Key_2)
    assert session.current_class == 1
    qtbot.keyClick(window.canvas, Qt.Key.Key_3)
    assert session.current_class == 1  # not silently class 2 (it was) or anything else
    assert "There is no class 3" in window.statusBar().currentMessage()
    assert window.actions.classes[1].isChecked() and not window.actions.classes[2].isChecked()

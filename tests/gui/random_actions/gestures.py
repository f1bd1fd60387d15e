"""Mouse and keyboard input as a person gives it: events sent to the widget under the pointer
or with the focus, and a way out of modal dialogs."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMimeData, QPoint, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QKeyEvent, QMouseEvent, QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDockWidget, QWidget

BUTTONS = {"left": Qt.MouseButton.LeftButton, "right": Qt.MouseButton.RightButton,
           "middle": Qt.MouseButton.MiddleButton}
MODIFIERS = {"none": Qt.KeyboardModifier.NoModifier, "shift": Qt.KeyboardModifier.ShiftModifier,
             "ctrl": Qt.KeyboardModifier.ControlModifier}


def in_sight(widget: QWidget) -> bool:
    """Whether a person can see (and so click) the widget: shown, and not in a dock behind another
    dock's tab (Qt moves such a page out of sight instead of hiding it)."""
    dock = widget.parentWidget()
    while dock is not None and not isinstance(dock, QDockWidget):
        dock = dock.parentWidget()
    return widget.isVisible() and (dock is None or not dock.visibleRegion().isEmpty())


def usable(widget: QWidget) -> bool:
    """In sight and enabled: what a person can click or type into."""
    return in_sight(widget) and widget.isEnabled()


def click(widget: QWidget, pos: QPoint, button: str = "left", modifier: str = "none") -> None:
    QTest.mouseClick(widget, BUTTONS[button], MODIFIERS[modifier], pos)


def drag(widget: QWidget, points: list[QPoint], button: str = "left", meanwhile=None) -> None:
    """Press at points[0], move through the rest, release at the last; ``meanwhile()``, if given,
    halfway (with the button still down)."""
    pressed = BUTTONS[button]

    def send(kind, pos: QPoint, buttons) -> None:
        event = QMouseEvent(kind, QPointF(pos), QPointF(widget.mapToGlobal(pos)), pressed, buttons,
                            Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(widget, event)

    send(QEvent.Type.MouseButtonPress, points[0], pressed)
    for i, point in enumerate(points[1:], start=1):
        send(QEvent.Type.MouseMove, point, pressed)
        if meanwhile is not None and i == len(points) // 2:
            meanwhile()
    send(QEvent.Type.MouseButtonRelease, points[-1], Qt.MouseButton.NoButton)


def drop(widget: QWidget, paths: list[str]) -> None:
    """Drag files from a file manager over ``widget`` and drop them there."""
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(path) for path in paths])
    where = (Qt.DropAction.CopyAction, data, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    enter = QDragEnterEvent(QPoint(10, 10), *where)
    QApplication.sendEvent(widget, enter)
    if enter.isAccepted():
        QApplication.sendEvent(widget, QDropEvent(QPointF(10, 10), *where))


def hover(widget: QWidget, pos: QPoint) -> None:
    QTest.mouseMove(widget, pos)


def wheel(widget: QWidget, pos: QPoint, steps: int) -> None:
    event = QWheelEvent(QPointF(pos), QPointF(widget.mapToGlobal(pos)), QPoint(), QPoint(0, 120 * steps),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase,
                        False)
    QApplication.sendEvent(widget, event)


def key(widget: QWidget, name: str) -> None:
    """A key as Qt names it ("Space", "Ctrl+Shift+Z"), pressed and released on ``widget``."""
    *mods, last = name.split("+") if name != "+" else ["+"]
    modifiers = Qt.KeyboardModifier.NoModifier
    for mod in mods:
        modifiers |= {"Ctrl": Qt.KeyboardModifier.ControlModifier, "Shift": Qt.KeyboardModifier.ShiftModifier,
                      "Alt": Qt.KeyboardModifier.AltModifier}[mod]
    QTest.keyClick(widget, getattr(Qt.Key, f"Key_{last}"), modifiers)


def focused(window: QWidget) -> QWidget:
    """Where typed keys go: the focused widget, else the window."""
    widget = QApplication.focusWidget()
    return widget if widget is not None and widget.window() is window else window


def type_text(field: QWidget, text: str, commit: bool = True) -> None:
    """Focus ``field`` (a line edit, spin box or editable combo), select its text, type ``text``
    over it and, if ``commit``, press Enter."""
    field.setFocus()
    edit = field.lineEdit() if hasattr(field, "lineEdit") else field
    edit.selectAll()
    for char in text:
        if char.isascii():
            QTest.keyClick(edit, char)
        else:  # (QTest types ASCII only)
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
                QApplication.sendEvent(edit, event)
    if commit:
        QTest.keyClick(edit, Qt.Key.Key_Return)


def dismiss_modal_later(tries: int = 200) -> None:
    """Close the modal dialog about to open (with its Esc: reject), as a person would; look for it
    every 10 ms, ``tries`` times."""
    dialog = QApplication.activeModalWidget()
    if dialog is not None:
        dialog.reject() if hasattr(dialog, "reject") else dialog.close()
    elif tries:
        QTimer.singleShot(10, lambda: dismiss_modal_later(tries - 1))

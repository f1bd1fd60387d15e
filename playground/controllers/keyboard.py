"""The training keys answer wherever focus is, once an edit is committed.

A text field with focus gets the keys first, so without help Space, S, R and
→ would go into a number box instead of playing, stepping and resetting. Two
rules fix that, for every field of the window (today's panels and any view
added later):

- Enter (or Return) in a field commits the edit, then hands the focus back to
  the window's main page (the canvas), where every key is a command again.
- A key the field cannot take -- Space or a letter in a number box -- is the
  window's command at once. A field that takes it (a space in a name) keeps it:
  typing always wins.

The filter is installed on each field as it gets the focus, so nothing has to
register itself.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence, QValidator
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QLineEdit, QWidget

COMMIT_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class FieldKeys(QObject):
    """Give ``keys`` (single keys, no modifier) to the window when its focused field would
    swallow them, and call ``home()`` after Enter commits an edit in a field of ``window``."""

    def __init__(self, window: QWidget, keys: list[QKeySequence], home: Callable[[], None]):
        super().__init__(window)
        self.window = window
        self.keys = {sequence[0].key() for sequence in keys if sequence.count() == 1
                     and sequence[0].keyboardModifiers() == Qt.KeyboardModifier.NoModifier}
        self.home = home
        QApplication.instance().focusChanged.connect(self._focus_changed)

    def _focus_changed(self, _old, new: QWidget | None) -> None:
        if new is not None and new.window() is self.window and _line_edit(new) is not None:
            new.installEventFilter(self)  # once: Qt keeps a filter once however often installed

    def eventFilter(self, field: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.ShortcutOverride and event.key() in self.keys \
                and event.modifiers() == Qt.KeyboardModifier.NoModifier \
                and not _takes(field, event):
            event.ignore()  # not the field's: the window's shortcut fires
            return True
        if kind == QEvent.Type.KeyPress and event.key() in COMMIT_KEYS:
            QTimer.singleShot(0, self, self.home)  # after the field has committed its edit
        return False


def _line_edit(widget: QObject) -> QLineEdit | None:
    """The text field of a line edit, spin box or editable combo box; None for other widgets."""
    return widget if isinstance(widget, QLineEdit) else widget.findChild(QLineEdit)


def _takes(field: QObject, event: QKeyEvent) -> bool:
    """Whether typing ``event``'s character into ``field`` would be accepted as (part of) an entry.

    Keys without a character (→) belong to the field while it has focus: it is mid-edit.
    A spin box holds a number, which never takes a space (Qt trims it)."""
    edit = _line_edit(field)
    if edit is None or edit.isReadOnly():
        return False
    if not event.text():
        return True
    if isinstance(field, QAbstractSpinBox) and not event.text().strip():
        return False
    validator = edit.validator()
    if validator is None:
        return True
    text, start = edit.text(), edit.cursorPosition()
    end = start
    if edit.hasSelectedText():
        start = edit.selectionStart()
        end = start + len(edit.selectedText())
    typed = text[:start] + event.text() + text[end:]
    state = validator.validate(typed, start + 1)
    state = state[0] if isinstance(state, tuple) else state
    return state != QValidator.State.Invalid

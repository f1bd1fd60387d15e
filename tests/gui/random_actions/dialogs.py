"""Scripted answers to the dialogs an action opens, so that no run waits for a person.

``Dialogs.reply`` answers the next question (a name in ``REPLIES``; a button the dialog does
not offer gives its escape button), ``Dialogs.path`` the next file dialog ("" cancels). Each
is used once, then goes back to the default. ``shown``: the warnings and notes shown.
"""

from __future__ import annotations

from contextlib import contextmanager

from PySide6.QtWidgets import QFileDialog, QMessageBox

Button = QMessageBox.StandardButton
REPLIES = {"save": Button.Save, "discard": Button.Discard, "cancel": Button.Cancel,
           "yes": Button.Yes, "no": Button.No}


class Dialogs:
    def __init__(self):
        self.reply, self.path, self.shown = "discard", "", []

    @contextmanager
    def patched(self):
        """Qt's static dialogs answered by this object while in the ``with``."""
        patches = {(QMessageBox, "question"): self._question,
                   **{(QMessageBox, kind): self._note for kind in ("warning", "information", "critical")},
                   (QFileDialog, "getOpenFileName"): self._file, (QFileDialog, "getSaveFileName"): self._file}
        saved = {target: target[0].__dict__[target[1]] for target in patches}
        for (owner, name), answer in patches.items():
            setattr(owner, name, answer)
        try:
            yield self
        finally:
            for (owner, name), original in saved.items():
                setattr(owner, name, original)

    def _question(self, parent, title, text, buttons=Button.Yes | Button.No, *args):
        wanted, self.reply = REPLIES[self.reply], "discard"
        if buttons & wanted:
            return wanted
        return Button.Cancel if buttons & Button.Cancel else Button.No

    def _note(self, parent, title, text, *args):
        self.shown.append(text)
        return Button.Ok

    def _file(self, *args, **kwargs):
        path, self.path = self.path, ""
        return path, ""

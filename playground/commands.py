"""Undo commands. A point edit keeps what it changed (``playground.point_changes``), not the
whole point set: a click on a set of 100 000 points keeps one point.

Redo runs the changes forward from the state before the edit, undo backward from the
state after it; the undo stack is the only way the points change, so each command finds
the state it left.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtGui import QUndoCommand

from playground.point_changes import Changes

MERGEABLE_ID = 1  # consecutive regenerations (a dragged noise slider) are one undo step


class EditPoints(QUndoCommand):
    """``changes`` (a ``Changes``) made through the session: ``state()`` gives the points state
    now, ``apply(state, follow)`` makes one current (``follow(index, n)``: where a point of the
    state before goes). ``done``: the changes are made already (a gesture draws them as it
    goes), so the stack's first redo leaves them."""

    def __init__(self, state, apply, changes: Changes, text: str, merge: bool = False, done: bool = False):
        super().__init__(text)
        self.state, self.apply = state, apply
        self.changes = changes
        self.merge = merge
        self._done = done

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self.apply(self.changes.forward(self.state()), partial(self.changes.follow, forward=True))

    def undo(self) -> None:
        self.apply(self.changes.backward(self.state()), partial(self.changes.follow, forward=False))

    def id(self) -> int:
        return MERGEABLE_ID if self.merge else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not (isinstance(other, EditPoints) and other.merge):
            return False
        for change in other.changes.changes:
            self.changes.append(change)
        return True

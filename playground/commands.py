"""Undo commands. A point edit stores the state before and after it, whole.

Snapshots are small (a few thousand points at most) and make every edit --
a click, a brush stroke, a regenerated dataset, a removed class -- undo the
same way, with no per-edit inverse to get wrong.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

MERGEABLE_ID = 1  # consecutive regenerations (a dragged noise slider) are one undo step


class EditPoints(QUndoCommand):
    """Replace the points state ``before`` -> ``after`` (both ``PointsState``) through ``apply``,
    the session's way of making a state current."""

    def __init__(self, apply, before, after, text: str, merge: bool = False):
        super().__init__(text)
        self.apply = apply
        self.before = before
        self.after = after
        self.merge = merge

    def redo(self) -> None:
        self.apply(self.after)

    def undo(self) -> None:
        self.apply(self.before)

    def id(self) -> int:
        return MERGEABLE_ID if self.merge else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not (isinstance(other, EditPoints) and other.merge):
            return False
        self.after = other.after
        return True

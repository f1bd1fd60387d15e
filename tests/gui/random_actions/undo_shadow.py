"""What the undo history implies the points are, kept beside the session to check it.

It watches the session's undo stack (read only: the harness looks behind the session's door
here) and records, for each command it sees pushed, the points before and after it: before
is what the history implied when it was pushed, after is what the session then held. An undo
or a redo must then give back exactly the recorded state, and between actions the points must
be the state at the stack's index: every change of the points goes through the history.

It knows nothing of how a command stores its edit (whole states or deltas); only the stack's
index, its commands (by identity) and the session's public points.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Points:
    """The points, labels, split and class names: what an edit changes."""

    points: np.ndarray
    labels: np.ndarray
    is_test: np.ndarray
    class_names: tuple[str, ...]

    @classmethod
    def of(cls, session) -> Points:
        return cls(session.points.copy(), session.labels.copy(), session.is_test.copy(), session.class_names)

    def differences(self, other: Points) -> list[str]:
        """What differs from ``other``, in words (empty when equal)."""
        found = []
        if self.class_names != other.class_names:
            found.append(f"class names {other.class_names} instead of {self.class_names}")
        for name in ("points", "labels", "is_test"):
            a, b = getattr(self, name), getattr(other, name)
            if a.shape != b.shape:
                found.append(f"{len(b)} {name} instead of {len(a)}")
            elif not np.array_equal(a, b):
                rows = np.flatnonzero((a != b).reshape(len(a), -1).any(axis=1))
                found.append(f"{name} differ at {rows[:5].tolist()}")
        return found


class UndoShadow:
    """``problems``: what went wrong at undo-stack moves since the last ``take_problems``."""

    def __init__(self, session):
        self.session = session
        self.stack = session._undo_stack
        self.before: dict = {}  # command -> Points before it
        self.after: dict = {}   # command -> Points after it
        self.base = Points.of(session)  # the state when the history is empty
        self.problems: list[str] = []
        self.index = self.stack.index()
        self.here = self.base  # what the history implied at ``index``
        self.stack.indexChanged.connect(self._moved)
        session.lesson_changed.connect(self._opened)  # (the session's "another scenario" signal)

    def implied(self, index: int | None = None) -> Points:
        """The points the history implies at ``index`` (default: the stack's index now)."""
        index = self.stack.index() if index is None else index
        if index > 0:
            return self.after[self.stack.command(index - 1)]
        return self.before[self.stack.command(0)] if self.stack.count() else self.base

    def _opened(self, _lesson) -> None:
        """Another scenario, with a history of its own (an empty one: clearing an empty stack
        says nothing)."""
        if not self.stack.count():
            self.base = self.here = Points.of(self.session)
            self.before, self.after, self.index = {}, {}, 0

    def _moved(self, index: int) -> None:
        now = Points.of(self.session)
        commands = [self.stack.command(i) for i in range(self.stack.count())]
        if not commands:  # cleared: another scenario, a history of its own
            self.base, self.before, self.after = now, {}, {}
        elif new := [c for c in commands if c not in self.after]:
            if len(new) > 1 or new[0] is not commands[index - 1]:
                self.problems.append(f"{len(new)} undo steps pushed at once, to index {index}")
            for command in new:
                self.before[command] = self.here
                self.after[command] = now
        elif index == self.index > 0 and commands[index - 1].id() != -1:  # merged into the last step
            self.after[commands[index - 1]] = now
        else:
            self._expect(now, index, f"after {'undo' if index < self.index else 'redo'}")
        self.index = index
        alive = set(commands)
        for known in (self.before, self.after):
            for command in [c for c in known if c not in alive]:
                del known[command]
        self.here = self.implied(index)

    def _expect(self, now: Points, index: int, when: str) -> None:
        wrong = self.implied(index).differences(now)
        if wrong:
            self.problems.append(f"{when} (undo index {index}, \"{self.stack.text(index - 1)}\"): "
                                 + "; ".join(wrong))

    def detach(self) -> None:
        """Stop watching, and let go of the commands (the session is about to be deleted)."""
        self.stack.indexChanged.disconnect(self._moved)
        self.session.lesson_changed.disconnect(self._opened)
        self.before.clear()
        self.after.clear()

    def take_problems(self) -> list[str]:
        """The problems so far, and whether the points now are the state at the stack's index."""
        self._expect(Points.of(self.session), self.stack.index(), "between actions")
        problems, self.problems = self.problems, []
        return problems

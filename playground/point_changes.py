"""What a point edit changed, kept small enough to undo: the difference, not the point set.

Each change turns the state before it into the state after it (``forward``) and back
(``backward``), given exactly that state; the undo stack guarantees it, since every
change of the points goes through it in order. A click keeps one point, an erased
stroke the points it took, a removed class its points and its name; only a new point
set (regenerated or imported) keeps a whole set -- the one it replaced, and its own --
and a set the generator made is kept as the generator's settings instead.

Arrays: xy (M, 2) float64, labels (M,) int (stored as uint8), is_test (M,) bool,
indices (M,) sorted positions in the larger of the two states.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, is_dataclass, replace

import numpy as np

from engine.scenario import Scenario
from engine.settings import DataSettings, Settings
from playground.points_state import PointsState


def _rows(xy, labels, is_test) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Compact copies: float64 coordinates, uint8 classes (at most 5), bool split."""
    xy = np.array(xy, dtype=np.float64).reshape(-1, 2)
    labels = np.broadcast_to(np.asarray(labels), len(xy)).astype(np.uint8)
    return xy, labels, np.broadcast_to(np.asarray(is_test, bool), len(xy)).copy()


class _Change:
    """What every change has: ``follow(index, n, forward)``, where the point at ``index`` of a state
    of ``n`` points is once the change is made (``forward``) or undone, None when it is gone (here:
    the same place); ``grows``, the points it adds (removes: negative); ``then(other)``, this change
    and the next as one change if they make one (here: they do not)."""

    grows = 0

    def follow(self, index: int, n: int, forward: bool) -> int | None:
        return index

    def then(self, other):
        return None


@dataclass(frozen=True, eq=False)
class Added(_Change):
    """M points appended at the end."""

    xy: np.ndarray
    labels: np.ndarray
    is_test: np.ndarray

    @classmethod
    def of(cls, xy, label: int, is_test: bool) -> Added:
        return cls(*_rows(xy, label, is_test))

    def forward(self, state: PointsState) -> PointsState:
        return replace(state, points=np.concatenate([state.points, self.xy]),
                       labels=np.concatenate([state.labels, self.labels.astype(int)]),
                       is_test=np.concatenate([state.is_test, self.is_test]))

    def backward(self, state: PointsState) -> PointsState:
        n = len(state.points) - len(self.xy)
        return replace(state, points=state.points[:n], labels=state.labels[:n], is_test=state.is_test[:n])

    @property
    def grows(self) -> int:
        return len(self.xy)

    def follow(self, index: int, n: int, forward: bool) -> int | None:
        return index if forward or index < n - len(self.xy) else None

    def then(self, other) -> Added | None:
        """This change followed by ``other`` as one change, if they make one (a brush stroke)."""
        if isinstance(other, Added):
            return Added(np.concatenate([self.xy, other.xy]), np.concatenate([self.labels, other.labels]),
                         np.concatenate([self.is_test, other.is_test]))
        return None


@dataclass(frozen=True, eq=False)
class Removed(_Change):
    """The points at ``indices`` (of the state before) taken out, kept here."""

    indices: np.ndarray
    xy: np.ndarray
    labels: np.ndarray
    is_test: np.ndarray

    @classmethod
    def of(cls, state: PointsState, indices) -> Removed:
        indices = np.unique(np.asarray(indices, dtype=np.intp))
        return cls(indices, *_rows(state.points[indices], state.labels[indices], state.is_test[indices]))

    def forward(self, state: PointsState) -> PointsState:
        keep = np.ones(len(state.points), bool)
        keep[self.indices] = False
        return replace(state, points=state.points[keep], labels=state.labels[keep],
                       is_test=state.is_test[keep])

    def backward(self, state: PointsState) -> PointsState:
        taken = np.zeros(len(state.points) + len(self.indices), bool)
        taken[self.indices] = True
        points, labels, is_test = (np.empty((len(taken), 2)), np.empty(len(taken), int),
                                   np.empty(len(taken), bool))
        for whole, kept, back in ((points, state.points, self.xy), (labels, state.labels, self.labels),
                                  (is_test, state.is_test, self.is_test)):
            whole[~taken], whole[taken] = kept, back
        return replace(state, points=points, labels=labels, is_test=is_test)

    @property
    def grows(self) -> int:
        return -len(self.indices)

    def follow(self, index: int, n: int, forward: bool) -> int | None:
        if not forward:  # the points put back come before it, or not
            kept = np.isin(np.arange(n + len(self.indices)), self.indices, invert=True)
            return int(np.flatnonzero(kept)[index])
        at = int(np.searchsorted(self.indices, index))
        return None if at < len(self.indices) and self.indices[at] == index else index - at


@dataclass(frozen=True, eq=False)
class Moved(_Change):
    """Point ``index`` moved from ``start`` (2,) to ``end`` (2,)."""

    index: int
    start: tuple[float, float]
    end: tuple[float, float]

    def forward(self, state: PointsState) -> PointsState:
        return self._to(state, self.end)

    def backward(self, state: PointsState) -> PointsState:
        return self._to(state, self.start)

    def _to(self, state: PointsState, xy) -> PointsState:
        points = state.points.copy()
        points[self.index] = xy
        return replace(state, points=points)

    def then(self, other) -> Moved | None:
        """One move from this start to the other's end, when it is the same point (a drag)."""
        if isinstance(other, Moved) and other.index == self.index:
            return Moved(self.index, self.start, other.end)
        return None


@dataclass(frozen=True, eq=False)
class Relabelled(_Change):
    """The classes after k moved down one (class k's points removed before: a ``Removed``)."""

    k: int

    def forward(self, state: PointsState) -> PointsState:
        return replace(state, labels=np.where(state.labels > self.k, state.labels - 1, state.labels))

    def backward(self, state: PointsState) -> PointsState:
        return replace(state, labels=np.where(state.labels >= self.k, state.labels + 1, state.labels))


@dataclass(frozen=True, eq=False)
class Stored:
    """A whole point set: its arrays, or only the generator settings that make it exactly."""

    data: DataSettings
    arrays: tuple[np.ndarray, np.ndarray, np.ndarray] | None

    @classmethod
    def of(cls, state: PointsState, made_now: bool = False) -> Stored:
        """``made_now``: the generator has just made this state (it need not be checked)."""
        if made_now or state.generated and _same_arrays(_generate(state.data), state):
            return cls(state.data, None)
        return cls(state.data, _rows(state.points, state.labels, state.is_test))

    def made(self) -> PointsState:
        """The state's points, labels and split (its names and flags: the caller's)."""
        if self.arrays is None:
            return _generate(self.data)
        xy, labels, is_test = self.arrays
        return PointsState(xy.copy(), labels.astype(int), is_test.copy(), (), self.data)


def _same_arrays(a: PointsState, b: PointsState) -> bool:
    return (np.array_equal(a.points, b.points) and np.array_equal(a.labels, b.labels)
            and np.array_equal(a.is_test, b.is_test))


def _generate(data: DataSettings) -> PointsState:
    made = Scenario.generate(Settings(data=data))
    return PointsState(made.points, made.labels, made.is_test, (), data, generated=True)


@dataclass(frozen=True, eq=False)
class Replaced(_Change):
    """A new point set (regenerated, imported), with its names, generator and flag, and the old one's."""

    before: Stored
    after: Stored
    meta_before: tuple
    meta_after: tuple

    @classmethod
    def of(cls, before: PointsState, after: PointsState, made_now: bool = False) -> Replaced:
        """``made_now``: the generator has just made ``after``."""
        return cls(Stored.of(before), Stored.of(after, made_now), meta_of(before), meta_of(after))

    def forward(self, state: PointsState) -> PointsState:
        return _with_meta(self.after.made(), self.meta_after)

    def backward(self, state: PointsState) -> PointsState:
        return _with_meta(self.before.made(), self.meta_before)

    def follow(self, index: int, n: int, forward: bool) -> None:
        return None  # a new point set: no point is the one it was

    def then(self, other) -> Replaced | None:
        """Consecutive new sets (a dragged noise slider): from the first's old set to the last's."""
        if isinstance(other, Replaced):
            return Replaced(self.before, other.after, self.meta_before, other.meta_after)
        return None


def meta_of(state: PointsState) -> tuple:
    """What a state is besides its arrays: (class names, generator settings, generated flag)."""
    return state.class_names, state.data, state.generated


def _with_meta(state: PointsState, meta: tuple) -> PointsState:
    names, data, generated = meta
    return replace(state, class_names=names, data=data, generated=generated)


@dataclass(frozen=True, eq=False)
class Labelled(_Change):
    """Class names, generator settings and the generated flag from ``before`` to ``after`` (the
    points untouched): a new class, and the flags every edit by hand changes."""

    before: tuple
    after: tuple

    def forward(self, state: PointsState) -> PointsState:
        return _with_meta(state, self.after)

    def backward(self, state: PointsState) -> PointsState:
        return _with_meta(state, self.before)


class Changes:
    """Changes made one after another (a gesture), undone in reverse; consecutive ones that make
    one change (points sprayed, a point dragged) are kept as one."""

    def __init__(self, changes=()):
        self.changes: list = []
        for change in changes:
            self.append(change)

    def append(self, change) -> None:
        joined = self.changes[-1].then(change) if self.changes else None
        if joined is None:
            self.changes.append(change)
        elif isinstance(joined, Moved) and joined.start == joined.end:  # dragged back where it was
            self.changes.pop()
        else:
            self.changes[-1] = joined

    def __bool__(self) -> bool:
        return bool(self.changes)

    def forward(self, state: PointsState) -> PointsState:
        for change in self.changes:
            state = change.forward(state)
        return state

    def backward(self, state: PointsState) -> PointsState:
        for change in reversed(self.changes):
            state = change.backward(state)
        return state

    def follow(self, index: int | None, n: int, forward: bool) -> int | None:
        """Where the point at ``index`` (None: no point) of a state of ``n`` points is once these
        changes are made (``forward``) or undone; None when it is gone."""
        for change in self.changes if forward else reversed(self.changes):
            if index is None:
                break
            index = change.follow(index, n, forward)
            n += change.grows if forward else -change.grows
        return index

    def nbytes(self) -> int:
        """The bytes of the arrays kept to undo and redo these changes."""
        return _nbytes(self.changes)


def _nbytes(value) -> int:
    if isinstance(value, np.ndarray):
        return value.nbytes
    if isinstance(value, list | tuple):
        return sum(map(_nbytes, value))
    if is_dataclass(value) and not isinstance(value, DataSettings):
        return sum(_nbytes(getattr(value, f.name)) for f in fields(value))
    return 0

"""A recorded action: its name and the values it drew, so it replays alone, in any sequence.

An action draws what it needs (a position, a choice, an index) from ``Params``. In a random
run the values come from the seeded generator and are recorded; in a replay they come back
from the record. An index into something that may have changed size in a shorter sequence
(a point, a class, a lesson) is taken modulo the size it finds, so every recorded step
still does something meaningful after the shrinker has dropped the steps before it.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Step:
    """One action as run: ``name`` in the catalogue, the ``values`` it drew, what it did."""

    name: str
    values: tuple
    description: str = ""

    def code(self) -> str:
        """The step as Python, to paste into a regression test."""
        return f"({self.name!r}, {self.values!r}),"


class Params:
    """The values an action draws: from ``rng`` (recording them) or from ``values`` (a replay)."""

    def __init__(self, rng: np.random.Generator | None = None, values: tuple = ()):
        self.rng = rng
        self.values = list(values)
        self.recorded: list = []
        self.log = None  # called with each value as it is drawn (the harness writes it down)

    def _take(self, draw):
        if self.rng is None:
            if not self.values:
                raise LookupError("the replayed step has fewer values than the action draws")
            value = self.values.pop(0)
        else:
            value = draw()
        self.recorded.append(value)
        if self.log is not None:
            self.log(value)
        return value

    def uniform(self, low: float, high: float) -> float:
        """A float in [low, high), to three decimals (readable in a printed sequence)."""
        return self._take(lambda: round(float(self.rng.uniform(low, high)), 3))

    def integer(self, low: int, high: int) -> int:
        """An int in [low, high]."""
        return self._take(lambda: int(self.rng.integers(low, high + 1)))

    def choice(self, options):
        """One of ``options`` (fixed values: strings, numbers, tuples of them)."""
        options = tuple(options)
        return self._take(lambda: options[int(self.rng.integers(len(options)))])

    def chance(self, p: float) -> bool:
        return self._take(lambda: bool(self.rng.random() < p))

    def index(self, n: int) -> int:
        """An index into something of size ``n`` (> 0) now; a replay takes the recorded one modulo n."""
        if n <= 0:
            raise ValueError("nothing to choose from")
        return self._take(lambda: int(self.rng.integers(n))) % n

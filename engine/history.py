"""Training curves with bounded memory, however long the run.

Samples are kept at least ``stride`` steps apart, except the newest, which
always reflects the latest numbers (a new sample at the same step replaces it).
When the buffer fills, every other sample is dropped and the stride doubles,
so a run of a million steps still shows its whole shape in ``capacity`` points.

A field is a number (a loss) or a vector (one value per layer); each field's
width is taken from the first sample after ``clear()``.
"""

from __future__ import annotations

import numpy as np

FIELDS = ("train_loss", "test_loss", "train_accuracy", "test_accuracy")
LAYER_FIELDS = ("grad_norms", "update_ratios", "dead_fractions")  # one value per weight layer


class History:
    """steps: (n,) int; values(field): (n,) for a number field, (n, width) for a vector field."""

    def __init__(self, capacity: int = 1024, fields: tuple[str, ...] = FIELDS + LAYER_FIELDS):
        if capacity < 4:
            raise ValueError("capacity must be at least 4")
        self.capacity = capacity
        self.fields = fields
        self._steps = np.zeros(capacity, dtype=np.int64)
        self.clear()

    def clear(self) -> None:
        self.n = 0
        self.stride = 1
        self._values: dict[str, np.ndarray] = {}  # allocated by the first sample

    def __len__(self) -> int:
        return self.n

    @property
    def steps(self) -> np.ndarray:
        return self._steps[: self.n]

    def values(self, name: str) -> np.ndarray:
        if name not in self.fields:
            raise KeyError(name)
        if not self._values:
            return np.zeros(0)
        return self._values[name][: self.n]

    def append(self, step: int, values) -> None:
        """Record ``values`` (anything with the fields as attributes) at ``step``."""
        sample = {name: getattr(values, name) for name in self.fields}
        if not self._values:
            self._values = {name: np.zeros((self.capacity, *np.shape(v))) for name, v in sample.items()}
        n = self.n
        if n and step == self._steps[n - 1]:
            row = n - 1  # the same step again (points edited between steps): replace it
        elif n >= 2 and step - self._steps[n - 2] < self.stride:
            row = n - 1  # too close to the previous kept sample: the newest moves on
        else:
            if n == self.capacity:
                self._halve()
            row = self.n
            self.n += 1
        self._steps[row] = step
        for name, value in sample.items():
            self._values[name][row] = value  # a vector of another width raises: clear() first

    def state(self) -> dict[str, np.ndarray]:
        """The samples as arrays, for a file: ``steps`` (n,), ``stride`` (), and one entry per field."""
        return {"steps": self.steps.copy(), "stride": np.array(self.stride),
                **{name: self.values(name).copy() for name in self.fields if self._values}}

    def set_state(self, state: dict[str, np.ndarray]) -> None:
        """Take back what ``state()`` returned; raises ValueError (and keeps nothing) if it does not fit."""
        steps = np.asarray(state["steps"], dtype=np.int64)
        n = len(steps)
        if n and not all(name in state for name in self.fields):
            raise ValueError("these curves lack a field")
        values = {name: np.asarray(state[name], dtype=np.float64) for name in self.fields if n}
        if steps.ndim != 1 or n > self.capacity or any(len(v) != n for v in values.values()) \
                or np.any(np.diff(steps) <= 0) or int(state["stride"]) < 1:
            raise ValueError("these curves do not fit a history")
        self.clear()
        if n:
            self._values = {name: np.zeros((self.capacity, *v.shape[1:])) for name, v in values.items()}
            for name, v in values.items():
                self._values[name][:n] = v
        self._steps[:n] = steps
        self.n, self.stride = n, int(state["stride"])

    def _halve(self) -> None:
        keep = np.r_[0 : self.n - 1 : 2, self.n - 1]
        count = len(keep)
        self._steps[:count] = self._steps[keep]
        for column in self._values.values():
            column[:count] = column[keep]
        self.n = count
        self.stride *= 2

"""Watching the loss step by step: a run that exploded, one that is unstable, one that stalled.

The trainer feeds ``observe(step, loss)`` the loss of every step (the batch it
trained on). Three verdicts, as data for the app to put into words:

- **exploded**: the loss is not finite, above ``DIVERGED_LOSS``, or
  ``DIVERGED_FACTOR`` times where the run started (at least ``DIVERGED_FLOOR``):
  the hard stop.
- **unstable**: the smoothed loss has stayed well above where the run (or the
  last change of points or settings) started for ``UNSTABLE_STEPS`` steps --
  a loss that climbs or swings wildly, what a learning rate too high does. The
  verdict stands until the next change, so a warning does not flicker.
- **stalled**: the smoothed loss has not fallen by ``STALL_PROGRESS`` over the
  last ``STALL_STEPS`` steps while still above ``STALL_LOSS``: nothing is
  being learnt (dead units, saturated layers, or a model that cannot do better).

The smoothing (an exponential moving average over about ``1 / SMOOTHING``
steps) keeps mini-batch noise from raising alarms.
"""

from __future__ import annotations

DIVERGED_LOSS = 1e4
DIVERGED_FACTOR = 100.0
DIVERGED_FLOOR = 10.0
SMOOTHING = 0.1
REFERENCE_STEPS = 5     # the mean loss of a phase's first steps is where it started
UNSTABLE_FACTOR = 1.5   # smoothed loss above 1.5 times that (plus a margin, so tiny
UNSTABLE_MARGIN = 0.05  # converged losses may wobble freely) ...
UNSTABLE_STEPS = 10     # ... for this many steps in a row
STALL_STEPS = 400
STALL_PROGRESS = 0.01   # relative
STALL_LOSS = 0.1


class LossMonitor:
    """The state of one run's loss; ``restart()`` for a new run, ``rebase()`` after a change."""

    def __init__(self):
        self.restart()

    def restart(self) -> None:
        """A new run (new weights): forget everything, including where it started."""
        self.start: float | None = None
        self.limit = DIVERGED_LOSS  # the loss above which the run has exploded (set by its start)
        self.unstable_step: int | None = None  # the first step of this run seen unstable
        self.rebase()

    def rebase(self) -> None:
        """New points or settings: the loss may jump legitimately, so judge afresh from here.

        Keeps the run's start (for the hard stop) and when it was first unstable.
        """
        self.smoothed: float | None = None
        self._first: list[float] = []  # the phase's first losses, for where it started ...
        self._high: float | None = None  # ... and the smoothed loss that is too high from there
        self._above = 0  # steps in a row above it
        self.unstable = False
        self.stalled = False
        self._since: int | None = None  # the step of the last progress ...
        self._mark = 0.0  # ... and the smoothed loss to go under for the next

    def exploded(self, loss: float) -> bool:
        return not loss <= self.limit  # also true for NaN

    def observe(self, step: int, loss: float) -> None:
        """Take the (finite, not exploded) loss of training step ``step`` (once a step: kept lean)."""
        if self.start is None:
            self.start = loss
            self.limit = min(DIVERGED_LOSS, max(DIVERGED_FACTOR * loss, DIVERGED_FLOOR))
        smoothed = loss if self.smoothed is None else self.smoothed + SMOOTHING * (loss - self.smoothed)
        self.smoothed = smoothed
        # Unstable: well above where the phase started, for UNSTABLE_STEPS steps in a row.
        if self._high is None:
            self._first.append(loss)
            if len(self._first) == REFERENCE_STEPS:  # judged from the next step on
                self._high = UNSTABLE_FACTOR * sum(self._first) / REFERENCE_STEPS + UNSTABLE_MARGIN
        elif smoothed > self._high:
            self._above += 1
            if self._above >= UNSTABLE_STEPS:
                self.unstable = True  # until the next change
                if self.unstable_step is None:
                    self.unstable_step = step
        else:
            self._above = 0
        # Stalled: no progress for STALL_STEPS steps while the loss is still high.
        if self._since is None or smoothed < self._mark:  # the first step, or progress
            self._since, self._mark = step, smoothed * (1 - STALL_PROGRESS)
            self.stalled = False
        elif step - self._since >= STALL_STEPS:
            self.stalled = smoothed > STALL_LOSS

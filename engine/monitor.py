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
        self._first: list[float] = []  # the phase's first losses ...
        self._reference: float | None = None  # ... and their mean, once there are REFERENCE_STEPS
        self._above = 0  # steps in a row above the unstable threshold
        self.unstable = False
        self.stalled = False
        self._checkpoint: tuple[int, float] | None = None

    def exploded(self, loss: float) -> bool:
        return not loss <= self.limit  # also true for NaN

    def observe(self, step: int, loss: float) -> None:
        """Take the (finite, not exploded) loss of training step ``step``."""
        if self.start is None:
            self.start = loss
            self.limit = min(DIVERGED_LOSS, max(DIVERGED_FACTOR * loss, DIVERGED_FLOOR))
        self.smoothed = loss if self.smoothed is None else self.smoothed + SMOOTHING * (loss - self.smoothed)
        if self._reference is not None:
            self._watch_stability(step)
        else:
            self._first.append(loss)
            if len(self._first) == REFERENCE_STEPS:
                self._reference = sum(self._first) / REFERENCE_STEPS
        self._watch_progress(step)

    def _watch_stability(self, step: int) -> None:
        high = self.smoothed > UNSTABLE_FACTOR * self._reference + UNSTABLE_MARGIN
        self._above = self._above + 1 if high else 0
        self.unstable = self.unstable or self._above >= UNSTABLE_STEPS  # until the next change
        if self.unstable and self.unstable_step is None:
            self.unstable_step = step

    def _watch_progress(self, step: int) -> None:
        if self._checkpoint is None:
            self._checkpoint = (step, self.smoothed)
            return
        since, then = self._checkpoint
        if self.smoothed < then * (1 - STALL_PROGRESS):
            self._checkpoint = (step, self.smoothed)  # progress: the clock starts again
            self.stalled = False
        elif step - since >= STALL_STEPS:
            self.stalled = self.smoothed > STALL_LOSS

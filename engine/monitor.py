"""Watching the loss step by step: a run that exploded, one that is unstable, one that stalled.

The trainer feeds ``observe(first_step, losses)`` the loss of every step (the
batch it trained on), a call's steps at a time. Three verdicts, as data for the
app to put into words:

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

    def observe(self, first_step: int, losses) -> None:
        """Take the (finite, not exploded) losses of training steps first_step, first_step + 1, ...

        Fed a whole call's steps at once, after them: the loop below works on local
        variables, so watching costs a training step almost nothing. Only the hard stop
        is needed between steps, and it is set by the run's first loss.
        """
        if not losses:
            return
        if self.start is None:
            self.start = losses[0]
            self.limit = min(DIVERGED_LOSS, max(DIVERGED_FACTOR * losses[0], DIVERGED_FLOOR))
        smoothed, high, above, since, mark = self.smoothed, self._high, self._above, self._since, self._mark
        unstable, stalled, unstable_step = self.unstable, self.stalled, self.unstable_step
        for step, loss in enumerate(losses, first_step):
            smoothed = loss if smoothed is None else smoothed + SMOOTHING * (loss - smoothed)
            # Unstable: well above where the phase started, for UNSTABLE_STEPS steps in a row.
            if high is None:
                self._first.append(loss)
                if len(self._first) == REFERENCE_STEPS:  # judged from the next step on
                    high = UNSTABLE_FACTOR * sum(self._first) / REFERENCE_STEPS + UNSTABLE_MARGIN
            elif smoothed > high:
                above += 1
                if above >= UNSTABLE_STEPS:
                    unstable = True  # until the next change
                    if unstable_step is None:
                        unstable_step = step
            else:
                above = 0
            # Stalled: no progress for STALL_STEPS steps while the loss is still high.
            if since is None or smoothed < mark:  # the first step, or progress
                since, mark = step, smoothed * (1 - STALL_PROGRESS)
                stalled = False
            elif step - since >= STALL_STEPS:
                stalled = smoothed > STALL_LOSS
        self.smoothed, self._high, self._above, self._since, self._mark = smoothed, high, above, since, mark
        self.unstable, self.stalled, self.unstable_step = unstable, stalled, unstable_step

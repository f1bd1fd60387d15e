"""The runner: one timer that trains in frame-sized slices.

Each tick asks the session for ``steps_per_tick`` training steps, or fewer
when a running estimate of the time per step says they would overrun the
frame's budget, so clicks and drags are answered between ticks however slow
a step is. Until there is an estimate -- at the start, and again after any
change of the points or the settings, which may make a step far slower -- a
tick takes one step, to measure. The session's single ``stats_changed`` per tick is what makes the
views redraw: at most once a frame. Slow motion ticks less often than every
frame (one step a second, for a teacher to narrate each update).

Signals
-------
running_changed(bool)   playing or paused
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QElapsedTimer, QObject, Qt, QTimer, Signal

from playground.session import Session

FRAME_MS = 16           # timer interval: up to ~60 frames a second
TRAIN_BUDGET_S = 0.008  # training time per frame, leaving the rest for drawing and input (a big
# network draws for 25-30 ms a frame: with 12 ms of training, input waited up to 70 ms)
MAX_STEPS_PER_FRAME = 500
LATE_MS = 4             # a tick this late was kept waiting by drawing, not by the timer


@dataclass(frozen=True)
class Speed:
    """``steps`` training steps every ``interval_ms`` (a frame, or longer in slow motion)."""

    steps: int
    interval_ms: int = FRAME_MS

    @property
    def slow_motion(self) -> bool:
        return self.interval_ms > FRAME_MS

    @property
    def steps_per_second(self) -> int:
        return round(1000 * self.steps / self.interval_ms)


# The speeds offered: slow motion from one step a second, then 1 to 500 steps a frame.
SPEEDS = (*(Speed(1, ms) for ms in (1000, 500, 200, 100, 33)),
          *(Speed(steps) for steps in (1, 2, 5, 10, 20, 50, 100, 200, 500)))
DEFAULT_SPEED = Speed(10)


class Runner(QObject):
    running_changed = Signal(bool)

    def __init__(self, session: Session, parent: QObject | None = None):
        super().__init__(parent)
        self.session = session
        self.steps_per_tick = DEFAULT_SPEED.steps
        self._seconds_per_step: float | None = None  # running estimate, for the budget
        self._running = False
        # Armed again after each tick, so what the tick asked for (redraws, which come from the
        # event loop) and the input waiting there go before the next one, however long it took.
        self.timer = QTimer(self, singleShot=True, timerType=Qt.TimerType.PreciseTimer)
        self.timer.timeout.connect(self._tick_and_wait)
        self._interval = FRAME_MS
        self._clock = QElapsedTimer()  # the time the ticks are due on, in ms (_now)
        self._clock.start()
        self._due = 0.0  # when the coming tick is due
        self._late = False  # whether the last tick came more than LATE_MS after it was due
        session.diverged.connect(self.pause)
        session.points_changed.connect(self._forget_pace)
        session.settings_changed.connect(self._forget_pace)

    @property
    def running(self) -> bool:
        return self._running

    @property
    def interval_ms(self) -> int:
        """Time between ticks: a frame, or longer in slow motion."""
        return self._interval

    def play(self) -> None:
        """Train continuously; after a divergence, on from the last good weights with the settings now."""
        if not self.running:
            self.session.resume()
            self._running = True
            self._late = False
            self._arm(self._now() + self._interval)
            self.running_changed.emit(True)
            if self.interval_ms > FRAME_MS:  # slow motion: the first step now, not after a pause
                self.tick()

    def pause(self) -> None:
        if self.running:
            self._running = False
            self.timer.stop()
            self.running_changed.emit(False)

    def toggle(self) -> None:
        self.pause() if self.running else self.play()

    def set_speed(self, speed: Speed) -> None:
        """Train at ``speed``: 10 steps a frame, or one step a second."""
        self.steps_per_tick = max(1, min(MAX_STEPS_PER_FRAME, speed.steps))
        self._interval = max(FRAME_MS, speed.interval_ms)
        if self.timer.isActive():  # the next tick at the new pace
            self._arm(self._now() + self._interval)

    def step_once(self) -> None:
        """One training step by hand (pauses a run first; resumes after a divergence)."""
        self.pause()
        self.session.resume()
        self.session.step(1)

    def _tick_and_wait(self) -> None:
        """A tick, then the next one an interval after this one was due: the timer's lateness
        does not add up, and a frame that took longer (a redraw of the curves, say) is caught up
        on, the next tick coming at once, after the redraws and input waiting in the event loop.
        Late twice running, the drawing cannot keep the pace: the cadence starts again from now,
        so that input is not kept waiting behind tick after tick."""
        late = self._now() > self._due + LATE_MS
        if late and self._late:
            self._due = self._now()
        self._late = late
        self.tick()
        if self.running:  # (the tick may have stopped it: a divergence)
            self._arm(self._due + self.interval_ms)

    def _arm(self, due: float) -> None:
        """The next tick at ``due`` (ms on ``_clock``), in whole milliseconds rounded down."""
        self._due = due
        self.timer.start(max(0, int(due - self._now())))

    def _now(self) -> float:
        return self._clock.nsecsElapsed() / 1e6

    def _forget_pace(self) -> None:
        self._seconds_per_step = None

    def tick(self) -> None:
        """Train for this frame: the requested steps, or as many as fit the budget (one, to measure,
        while the time a step takes is not known)."""
        steps = 1
        if self._seconds_per_step is not None:
            steps = max(1, min(self.steps_per_tick, int(TRAIN_BUDGET_S / max(self._seconds_per_step, 1e-9))))
        self.session.step(steps)
        measured = self.session.train_seconds / steps
        self._seconds_per_step = measured if self._seconds_per_step is None \
            else 0.7 * self._seconds_per_step + 0.3 * measured

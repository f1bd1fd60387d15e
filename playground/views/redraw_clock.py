"""A redraw that runs at most once every so often, always ending on the latest state.

For views whose refresh costs more than a frame is worth (maps, plot axes): a request
redraws as soon as the last redraw is ``interval_ms`` old -- in a pass of the event loop of
its own, so that input waiting since the training step is answered first -- and any number
of requests in between make one redraw.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QElapsedTimer, QObject, QTimer


class RedrawClock(QObject):
    def __init__(self, redraw: Callable[[], None], interval_ms: int, parent: QObject | None = None):
        super().__init__(parent)
        self._redraw = redraw
        self.interval_ms = interval_ms
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.redraw_now)
        self._last = QElapsedTimer()

    def request(self) -> None:
        if not self._timer.isActive():
            since = self._last.elapsed() if self._last.isValid() else self.interval_ms
            self._timer.start(max(0, self.interval_ms - since))

    def redraw_now(self) -> None:
        self._timer.stop()
        self._last.start()
        self._redraw()

    @property
    def pending(self) -> bool:
        """A redraw is waiting for its turn."""
        return self._timer.isActive()

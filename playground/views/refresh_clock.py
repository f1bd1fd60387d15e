"""A view's own clock: redraw at most every ``interval_ms``, always ending on the latest state,
and not at all while the view is hidden (it catches up when it is shown again). A view in a
dock behind another dock's tab counts as hidden: Qt moves such a page out of sight instead of
hiding it, and says so with the dock's visibilityChanged, which the clock follows.

A redraw never runs inside the signal that asked for it, even when it is due at once: it
comes from the event loop, after the input waiting there. So a training step and the
views it makes redraw are separate pieces of work, and a click is answered between them.

    clock = RefreshClock(widget, widget.refresh, interval_ms=66, words=True)
    session.stats_changed.connect(clock.request)

It watches the widget's events: shown, it catches up; with ``words``, a change of language
redraws it at once (for the words it draws).

Emits: refreshed() after each redraw.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QDockWidget, QWidget


class RefreshClock(QObject):
    refreshed = Signal()

    def __init__(self, widget: QWidget, refresh: Callable[[], None], interval_ms: int, *,
                 words: bool = False):
        super().__init__(widget)
        self.widget, self._refresh, self.interval_ms, self._words = widget, refresh, interval_ms, words
        self._stale = True
        self._last = QElapsedTimer()
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self.refresh_now)
        self._dock: QDockWidget | None = None  # the dock it watches for its tab coming to the front
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show:
            self.shown()
        elif event.type() == QEvent.Type.LanguageChange and self._words:
            self.request_now()
        return False

    @property
    def up_to_date(self) -> bool:
        """False while a change waits for its redraw (its turn, or the view to be shown)."""
        return not self._stale

    def request(self, *_) -> None:
        """Something changed: redraw as soon as the event loop comes round if the last redraw is
        old enough, else when it is."""
        self._stale = True
        if not self._in_sight():
            return
        since = self._last.elapsed() if self._last.isValid() else self.interval_ms
        if not self._timer.isActive():
            self._timer.start(max(0, self.interval_ms - since))

    def request_now(self) -> None:
        """Something changed that must show at once (new words): redraw now if in sight, else when shown."""
        self._stale = True
        if self._in_sight():
            self.refresh_now()

    def refresh_now(self) -> None:
        self._timer.stop()
        self._last.start()
        self._stale = False
        self._refresh()
        self.refreshed.emit()

    def shown(self) -> None:
        """Shown, or its dock's tab came to the front: a redraw missed while hidden is done now."""
        if self._stale:
            QTimer.singleShot(0, self, self._catch_up)  # after the show has laid the widget out

    def _catch_up(self) -> None:
        if self._stale and self._in_sight():
            self.refresh_now()

    def _in_sight(self) -> bool:
        """Shown, and not in a dock behind another dock's tab."""
        if not self.widget.isVisible():
            return False
        self._watch_dock()
        return self._dock is None or not self._dock.visibleRegion().isEmpty()

    def _watch_dock(self) -> None:
        """Find the dock holding the view, if any, and catch up whenever its tab comes to the front."""
        dock = self.widget.parentWidget()
        while dock is not None and not isinstance(dock, QDockWidget):
            dock = dock.parentWidget()
        if dock is not None and dock is not self._dock:
            self._dock = dock
            dock.visibilityChanged.connect(lambda visible: visible and self.shown())

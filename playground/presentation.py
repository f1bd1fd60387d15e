"""Presentation mode (View → Presentation Mode, F5): the window made for a classroom projector.

Entering it

- shows the window full screen (leaving returns it to how it was);
- scales the font by ``SCALE`` on top of what the window's size asks for
  (``WindowFit.set_boost``); everything that sizes itself from the font grows with it:
  panels, charts, the canvas's points, rings and lines, the network diagram;
- makes the open lesson's caption large at the top of the canvas;
- with **Hide Panels While Presenting** (Shift+F5, remembered; on at first) hides every
  dock but the curves and the network diagram (``KEEP``), so the canvas takes the room:
  a lesson has set up what the panels would change, and Shift+F5 brings them back.

F5 again, or Esc, leaves it: the docks come back as they were. While it is on, the right
of the status bar says so, with those keys (``badge``).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSettings, QSignalBlocker, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

from playground.panels.lesson_caption import LessonCaption
from playground.window_fit import WindowFit

SCALE = 1.4                              # the font, on top of the window's own scale
KEEP = ("charts", "gradients", "network")  # docks that stay when the panels are hidden
HIDE_PANELS_KEY = "presentation/hide_panels"
LEAVE_KEY = QKeySequence(Qt.Key.Key_Escape)


class Presentation(QObject):
    """``action`` (F5) enters and leaves; ``hide_panels`` (Shift+F5) chooses whether the panels go."""

    def __init__(self, window: QMainWindow, fit: WindowFit, caption: LessonCaption,
                 settings: QSettings | None = None):
        super().__init__(window)
        self.window, self.fit, self.caption = window, fit, caption
        self.settings = settings or QSettings()
        self.action = self._action("F5")
        self.hide_panels = self._action("Shift+F5")
        self.hide_panels.setChecked(self.settings.value(HIDE_PANELS_KEY, True, type=bool))
        self.action.toggled.connect(self.set_active)
        self.hide_panels.toggled.connect(self._panels_toggled)
        self._before: tuple | None = None  # (dock layout, window state) from before presenting
        self.badge = QLabel()
        self.badge.hide()
        window.statusBar().addPermanentWidget(self.badge)
        self.retranslate()

    def _action(self, key: str) -> QAction:
        action = QAction(self.window, checkable=True)
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.window.addAction(action)
        return action

    def retranslate(self) -> None:
        """The actions' and the badge's words, in the interface's language."""
        self.action.setText(self.tr("Presentation Mode"))
        self.action.setToolTip(self.tr("Large text, points and lines for a projector, full screen"))
        self.hide_panels.setText(self.tr("Hide Panels While Presenting"))
        self.hide_panels.setToolTip(self.tr("In presentation mode, keep only the canvas, the curves and "
                                            "the network diagram"))
        native = QKeySequence.SequenceFormat.NativeText
        self.badge.setText(self.tr("Presentation mode: {leave} or {escape} leaves, {panels} shows or "
                                   "hides the panels").format(leave=self.action.shortcut().toString(native),
                                                              escape=LEAVE_KEY.toString(native),
                                                              panels=self.hide_panels.shortcut().toString(native)))

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LanguageChange:  # (passed on by the window, its parent)
            self.retranslate()
        return super().event(event)

    @property
    def active(self) -> bool:
        return self._before is not None

    def set_active(self, on: bool) -> None:
        if on != self.active:
            self._enter() if on else self._leave()
        with QSignalBlocker(self.action):
            self.action.setChecked(on)

    def _enter(self) -> None:
        w = self.window
        self._before = (w.saveState(), w.windowState())
        QApplication.instance().installEventFilter(self)
        self.badge.show()
        self.fit.set_boost(SCALE)
        self.caption.set_large(True)
        if self.hide_panels.isChecked():
            self._hide_panels()
        w.actions.full_screen.setChecked(True)

    def _leave(self) -> None:
        w = self.window
        (layout, window_state), self._before = self._before, None
        QApplication.instance().removeEventFilter(self)
        self.badge.hide()
        self.fit.set_boost(1.0)
        self.caption.set_large(False)
        w.restoreState(layout)
        with QSignalBlocker(w.actions.full_screen):
            w.actions.full_screen.setChecked(bool(window_state & Qt.WindowState.WindowFullScreen))
        w.setWindowState(window_state)

    def _panels_toggled(self, hidden: bool) -> None:
        self.settings.setValue(HIDE_PANELS_KEY, hidden)
        if self.active and hidden:
            self._hide_panels()
        elif self.active:
            self.window.restoreState(self._before[0])

    def _hide_panels(self) -> None:
        for key, dock in self.window.docks.items():
            if key not in KEEP:
                dock.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Esc in this window leaves (after anything else Esc does there, such as unpinning)."""
        if event.type() == QEvent.Type.ShortcutOverride and event.key() == Qt.Key.Key_Escape \
                and event.modifiers() == Qt.KeyboardModifier.NoModifier \
                and getattr(watched, "window", lambda: None)() is self.window:
            QTimer.singleShot(0, self, lambda: self.set_active(False))
        return False

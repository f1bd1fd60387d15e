"""The status line: why training is failing and the usual remedy, else what the current tool does.

Advice comes first (a warning colour and icon): a learning rate too high
(distinct from the divergence banner, which is the hard stop), dead or
saturated units, a stalled loss, a linear model on curved data. When training
is fine the line shows the hint of the canvas tool in use.

Listens to: session.stats_changed, session.settings_changed. The advice is said again
on QEvent.LanguageChange (the window gives the hint in the new language).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStyle, QWidget

from playground.messages import training_advice
from playground.session import Session

WARNING_INK = "#8A4B00"  # dark amber: reads as a warning on the light status bar, not as an error


class StatusLine(QWidget):
    """``text`` shows the advice or the hint; ``advice`` is the advice alone ("" when none)."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.advice = ""
        self._hint = ""
        self.icon = QLabel()
        self.text = QLabel()
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.addWidget(self.icon)
        layout.addWidget(self.text, 1)
        session.stats_changed.connect(self.refresh)
        session.settings_changed.connect(self.refresh)
        self.refresh()

    def set_hint(self, hint: str) -> None:
        """What the current tool does: shown while there is no advice."""
        self._hint = hint
        self._show()

    def refresh(self, *_) -> None:
        s = self.session
        advice = training_advice(s.stats, s.model_info(), s.settings.training)
        if advice != self.advice:
            self.advice = advice
            self._show()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.refresh()
        super().changeEvent(event)

    def _show(self) -> None:
        warning = bool(self.advice)
        self.text.setText(self.advice or self._hint)
        self.text.setToolTip(self.advice)
        palette = self.text.palette()
        ink = QColor(WARNING_INK) if warning else self.palette().color(QPalette.ColorRole.WindowText)
        palette.setColor(QPalette.ColorRole.WindowText, ink)
        self.text.setPalette(palette)
        self.icon.setVisible(warning)
        if warning:
            size = self.fontMetrics().height()
            self.icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
                                .pixmap(size, size))

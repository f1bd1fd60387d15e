"""The divergence banner: a message strip laid over the top of the canvas when the loss explodes.

It floats over its parent (the canvas page) rather than taking a row of the
layout, so the plane never moves when it appears; below ``above``, another card
over the same page (the lesson caption), while that one shows. It says what happened and
what to do (lower the learning rate, then Play goes on from the last good
weights, or Reset), and hides once training is no longer diverged.

Listens to: session.diverged (show), session.stats_changed (hide when recovered).
Says its words again on QEvent.LanguageChange.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRectF
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from playground.messages import divergence
from playground.session import Session

MARGIN = 8  # pixels between the banner and the edges of what it lies over
BACKGROUND, BORDER = "#FFF3CD", "#E0B252"


class DivergenceBanner(QFrame):
    """``text`` (the message) and ``reset`` (the button) for tests."""

    def __init__(self, session: Session, parent: QWidget, above: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.above = above
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.reset = QPushButton()
        self._stats = None  # what the message is about
        self.reset.clicked.connect(session.reset)
        row = QHBoxLayout(self)
        row.addWidget(self.text, 1)
        row.addWidget(self.reset)
        self.hide()
        parent.installEventFilter(self)
        if above is not None:
            above.installEventFilter(self)
        session.diverged.connect(self.show_divergence)
        session.stats_changed.connect(self._hide_when_recovered)
        self.retranslate()

    def retranslate(self) -> None:
        self.reset.setText(self.tr("Reset"))
        if self._stats is not None:
            self.text.setText(divergence(self._stats, self.session.settings.training.learning_rate))
            if self.isVisible():
                self._place()

    def paintEvent(self, _event) -> None:
        """A pale amber card (painted, not a style sheet: those stop the window's font from reaching it)."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QColor(BORDER))
        painter.setBrush(QColor(BACKGROUND))
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4)

    def show_divergence(self, stats) -> None:
        self._stats = stats
        self.retranslate()
        self._place()
        self.show()
        self.raise_()

    def _hide_when_recovered(self, stats) -> None:
        if not stats.diverged:
            self.hide()

    def _place(self) -> None:
        """Across the top of the parent, as tall as the wrapped message needs."""
        width = self.parentWidget().width() - 2 * MARGIN
        height = self.heightForWidth(width) if self.hasHeightForWidth() else self.sizeHint().height()
        above = self.above
        shared = above is not None and above.isVisible() and above.parentWidget() is self.parentWidget()
        top = above.geometry().bottom() + 1 + MARGIN if shared else MARGIN
        self.setGeometry(MARGIN, top, width, max(height, self.minimumSizeHint().height()))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        moved = (QEvent.Type.Resize, QEvent.Type.Move, QEvent.Type.Show, QEvent.Type.Hide)
        if watched in (self.parentWidget(), self.above) and event.type() in moved and self.isVisible():
            self._place()
        return super().eventFilter(watched, event)

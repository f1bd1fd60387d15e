"""The network diagram's key: what the edge colours and widths mean in the mode shown.

Weights: a blue and a vermillion line sample, "positive" and "negative" (weights and
neuron outputs alike), and that width follows |w|. Gradient flow: one sample per gradient
class, darker and wider for larger |dL/dw| and |dL/dh|, labelled with its decade. Its words
follow the language (QEvent.LanguageChange).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QWidget

from playground import style
from playground.views import network_style as ns


class NetworkLegend(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.gradient_mode = False
        self.top = 0
        self.setMinimumHeight(self.fontMetrics().height() + 4)

    def set_mode(self, gradient_mode: bool, top: int = 0) -> None:
        """Weights, or gradient classes whose strongest ends at 10^top."""
        if (gradient_mode, top) != (self.gradient_mode, self.top):
            self.gradient_mode, self.top = gradient_mode, top
            self.updateGeometry()
            self.update()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.updateGeometry()
            self.update()
        super().changeEvent(event)

    def entries(self) -> list[tuple[str, QPen]]:
        """(label, line sample pen) in the order shown."""
        if self.gradient_mode:
            labels = ["< " + ns.power_of_ten(self.top - ns.DECADES)]
            labels += [ns.power_of_ten(self.top - ns.DECADES - 1 + k) for k in range(1, ns.DECADES + 1)]
            return [(label, QPen(QColor(colour), width))
                    for label, colour, width in zip(labels, ns.GRADIENT_COLORS, ns.WIDTHS)]
        return [(self.tr("positive"), QPen(QColor(ns.POSITIVE), 3)),
                (self.tr("negative"), QPen(QColor(ns.NEGATIVE), 3))]

    def title(self) -> str:
        if self.gradient_mode:
            return self.tr("|∂L/∂w|, |∂L/∂h| (log):")
        return self.tr("weights and outputs:")

    def note(self) -> str:
        return "" if self.gradient_mode else self.tr("width = |w|")

    def _widths(self) -> tuple[int, int, int]:
        """Pixels for the title, the line samples with their labels, and the note."""
        fm = self.fontMetrics()
        sample = 3 * fm.averageCharWidth()
        entries = sum(sample + 4 + fm.horizontalAdvance(label) + 10 for label, _ in self.entries())
        return fm.horizontalAdvance(self.title()) + 8, entries, fm.horizontalAdvance(self.note()) + 4

    def sizeHint(self) -> QSize:
        return QSize(sum(self._widths()), self.fontMetrics().height() + 4)

    def paintEvent(self, _event) -> None:
        """The samples always; the note and then the title only if the panel is wide enough."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = self.fontMetrics()
        y, sample = self.height() / 2, 3 * fm.averageCharWidth()
        baseline = y + fm.ascent() / 2 - 1
        title, entries, note = self._widths()
        show_note = title + entries + note <= self.width()
        show_title = title + entries <= self.width()
        painter.setPen(QColor(style.MUTED))
        if show_title:
            painter.drawText(QPointF(0, baseline), self.title())
        x = title if show_title else 0
        for label, pen in self.entries():
            pen.setCapStyle(Qt.PenCapStyle.FlatCap)
            painter.setPen(pen)
            painter.drawLine(QPointF(x, y), QPointF(x + sample, y))
            x += sample + 4
            painter.setPen(QColor(style.INK))
            painter.drawText(QPointF(x, baseline), label)
            x += fm.horizontalAdvance(label) + 10
        if show_note:
            painter.setPen(QColor(style.MUTED))
            painter.drawText(QPointF(x + 4, baseline), self.note())

"""Gradient charts: how each weight layer is learning, over the training steps.

Three plots against the step, one line per weight layer in the diagram's layer colours
(W1 dark ... last orange): the gradient norm |dL/dW| (log scale), the update-to-weight
ratio |dW| / |W| (log scale, with 10^-3, a common rule of thumb for a healthy rate, marked),
and the share of dead units in each ReLU layer. With six sigmoid layers the first layer's
gradient sits orders of magnitude under the last one's: vanishing gradients at a glance.

Curve items are made once (one per possible layer) and only fed data from
``session.history``; they redraw at most every REDRAW_MS while the charts are visible.

Listens to: session.stats_changed. Says its words again on QEvent.LanguageChange. Emits nothing.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from engine.settings import MAX_HIDDEN_LAYERS
from playground import messages, style
from playground.session import Session
from playground.views.charts import muted, step_plot
from playground.views.network_style import layer_colors
from playground.views.refresh_clock import RefreshClock

REDRAW_MS = 250
MAX_LAYERS = MAX_HIDDEN_LAYERS + 1
MIN_STEP_SPAN = 10
HEALTHY_RATIO = 1e-3
LINE_WIDTH = 2


class LayerKey(QWidget):
    """A line sample in each layer's colour with its name: W1, W2, ..."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.colors: list[str] = []

    def set_layers(self, n_layers: int) -> None:
        self.colors = layer_colors(n_layers)
        self.updateGeometry()
        self.update()

    def _entry_width(self, layer: int) -> int:
        fm = self.fontMetrics()
        return 2 * fm.averageCharWidth() + 3 + fm.horizontalAdvance(f"W{layer}") + 8

    def sizeHint(self) -> QSize:
        width = sum(self._entry_width(layer) for layer in range(1, len(self.colors) + 1))
        return QSize(width, self.fontMetrics().height())

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        fm = self.fontMetrics()
        y, sample = self.height() / 2, 2 * fm.averageCharWidth()
        x = 0
        for layer, colour in enumerate(self.colors, start=1):
            painter.setPen(QPen(QColor(colour), 3))
            painter.drawLine(QPointF(x, y), QPointF(x + sample, y))
            painter.setPen(QColor(style.MUTED))
            painter.drawText(QPointF(x + sample + 3, y + fm.ascent() / 2 - 1), f"W{layer}")
            x += self._entry_width(layer)


class GradientCharts(QWidget):
    """``plots[field]`` (PlotWidgets) and ``curves[field]`` (one PlotDataItem per possible layer)
    for field in ("grad_norms", "update_ratios", "dead_fractions"); ``dead_note`` says why the
    dead-unit plot is empty for other activations."""

    FIELDS = ("grad_norms", "update_ratios", "dead_fractions")

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.key = LayerKey()
        self.dead_note = QLabel()
        self.dead_note.setWordWrap(True)
        self.plots = {"grad_norms": _plot(log=True), "update_ratios": _plot(log=True),
                      "dead_fractions": _plot(log=False)}
        self.plots["dead_fractions"].setYRange(-4, 104, padding=0)
        healthy = pg.InfiniteLine(np.log10(HEALTHY_RATIO), angle=0,
                                  pen=pg.mkPen(style.MUTED, width=1, style=Qt.PenStyle.DashLine))
        self.plots["update_ratios"].addItem(healthy)
        self.curves = {field: [plot.plot(antialias=True) for _ in range(MAX_LAYERS)]
                       for field, plot in self.plots.items()}
        self._n_layers = 0
        self.clock = RefreshClock(self, self.redraw, REDRAW_MS)
        self._build_layout()
        self._apply_fonts()
        session.stats_changed.connect(self.clock.request)
        self.retranslate()
        self.redraw()

    def retranslate(self) -> None:
        captions = (self.tr("Gradient norm |∂L/∂W| (log scale)"),
                    self.tr("Update / weight ratio (log scale; dashed: 10⁻³)"),
                    self.tr("Dead ReLU units (%)"))
        for label, caption in zip(self.captions, captions):
            label.setText(caption)
        self.clock.request_now()  # the note under them

    def _build_layout(self) -> None:
        column = QVBoxLayout(self)
        column.setContentsMargins(6, 6, 6, 6)
        column.addWidget(self.key)
        self.captions = []  # one per plot: see retranslate
        for field in self.FIELDS:
            label = muted(QLabel())
            self.captions.append(label)
            label.setContentsMargins(0, 4, 0, 0)
            column.addWidget(label)
            if field == "dead_fractions":
                column.addWidget(muted(self.dead_note))
            column.addWidget(self.plots[field], 1)

    def sizeHint(self) -> QSize:
        em = self.fontMetrics().height()
        return QSize(24 * em, 28 * em)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange and hasattr(self, "plots"):
            self._apply_fonts()
        elif event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _apply_fonts(self) -> None:
        """Tick labels in this widget's font (the window's, larger on a projector)."""
        for widget in self.plots.values():
            plot = widget.getPlotItem()
            for name in ("left", "bottom"):
                plot.getAxis(name).setStyle(tickFont=self.font())
            plot.getAxis("left").setWidth(self.fontMetrics().horizontalAdvance("0.0001") + 8)

    def redraw(self) -> None:
        """Feed every layer's curve its finite history (and positive, on a log scale)."""
        info = self.session.model_info()
        n_layers = len(info.sizes) - 1
        if n_layers != self._n_layers:
            self._set_layers(n_layers)
        relu = info.activation == "relu" and n_layers > 1
        self.dead_note.setVisible(not relu)
        self.plots["dead_fractions"].setVisible(relu)
        activation = QCoreApplication.translate("Activations", messages.ACTIVATIONS[info.activation])
        self.dead_note.setText(self.tr("Only ReLU units die (output 0 for every point); the hidden "
                                       "layers here are {activation}.").format(activation=activation))
        history = self.session.history
        steps = history.steps
        for field, curves in self.curves.items():
            values = history.values(field).reshape(len(steps), -1) if len(steps) else np.zeros((0, 0))
            if field == "dead_fractions":
                values = 100 * values
            for layer, curve in enumerate(curves):
                if layer >= values.shape[1]:
                    curve.setData([], [])
                    continue
                y = values[:, layer]
                keep = np.isfinite(y) & ((y > 0) if field != "dead_fractions" else True)
                curve.setData(steps[keep], y[keep])
        first, last = (int(steps[0]), int(steps[-1])) if len(steps) else (0, 0)
        for plot in self.plots.values():
            plot.setXRange(first, max(last, first + MIN_STEP_SPAN), padding=0.02)

    def _set_layers(self, n_layers: int) -> None:
        self._n_layers = n_layers
        self.key.set_layers(n_layers)
        colors = layer_colors(n_layers)
        for curves in self.curves.values():
            for layer, curve in enumerate(curves):
                curve.setPen(pg.mkPen(colors[layer], width=LINE_WIDTH) if layer < n_layers else None)
                curve.setVisible(layer < n_layers)


def _plot(log: bool) -> pg.PlotWidget:
    """A step plot whose tick labels give way rather than overlap."""
    widget = step_plot(log)
    for name in ("left", "bottom"):
        widget.getPlotItem().getAxis(name).setStyle(hideOverlappingLabels=True)
    return widget


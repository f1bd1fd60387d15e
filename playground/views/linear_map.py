"""The linear map of a model without a non-linearity: class templates, and why depth stays linear.

A linear classifier scores class k as w_k . x + b_k: row k of W is that class's template,
drawn as bars over all its input features. A network with linear activations is the
same thing in disguise: W_L...W_2 W_1 is one matrix W (and one bias b), shown with the
largest difference between the network's scores and that one layer's on the points
(about 1e-16, computed in float64). A non-linear network has no such map, and the page
says so. ``StillLinearStatus`` is the same fact in one line, for the status bar.

Listens to: session.stats_changed, session.points_changed, session.settings_changed
(redraw on the page's own clock), and QEvent.LanguageChange (its words). Emits nothing.
"""

from __future__ import annotations

import html
import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QScrollArea, QWidget

from playground import messages, style
from playground.session import Session
from playground.views.plot_axes import style_axes
from playground.views.refresh_clock import RefreshClock

REFRESH_MS = 100
STATUS_REFRESH_MS = 250
GROUP_WIDTH = 0.8  # of the space between two features' rows, shared by the classes' bars
SUBSCRIPTS = str.maketrans("0123456789", "\u2080\u2081\u2082\u2083\u2084\u2085\u2086\u2087\u2088\u2089")


def nice_ceiling(x: float) -> float:
    """The smallest 1, 2 or 5 times a power of ten that is >= x > 0: scales that do not flicker."""
    power = 10.0 ** math.floor(math.log10(x))
    return next(step * power for step in (1, 2, 5, 10) if step * power >= x * (1 - 1e-12))


def product_name(layers: int) -> str:
    """'W\u2083\u00b7W\u2082\u00b7W\u2081' for three layers: the single matrix's factors, last first."""
    return "\u00b7".join(f"W{i}".translate(SUBSCRIPTS) for i in range(layers, 0, -1))


class TemplateBars(pg.PlotWidget):
    """Each class's weights over the model's input features: a row per feature (the first on top,
    as in the table beside it), one bar per class in the class colour. ``heights``: the (K, F)
    weights drawn now."""

    def __init__(self, parent=None):
        super().__init__(parent, background=style.BACKGROUND)
        plot = self.getPlotItem()
        plot.hideButtons()
        plot.setMenuEnabled(False)
        plot.setMouseEnabled(False, False)
        style_axes(plot, left_text=style.INK)
        plot.addItem(pg.InfiniteLine(pos=0, angle=90, pen=pg.mkPen(style.MUTED)))
        self.bars = [pg.BarGraphItem(x0=[], y=[], width=[], height=0.1, brush=color, pen=pg.mkPen("w"))
                     for color in style.CLASS_COLORS]
        for item in self.bars:
            plot.addItem(item)
        self.heights = np.zeros((0, 0))
        self._features: tuple[str, ...] = ()

    def sizeHint(self) -> QSize:
        em = self.fontMetrics().height()
        return QSize(18 * em, 12 * em)

    def show_weights(self, w: np.ndarray, features: tuple[str, ...]) -> None:
        """w: (K, F) weights of K classes over ``features``."""
        self.heights = w
        k, f = w.shape
        thickness = GROUP_WIDTH / k
        rows = f - 1 - np.arange(f)  # feature 0 on top
        for c, item in enumerate(self.bars):
            shown = c < k
            item.setVisible(shown)
            if shown:  # class 0 at the top of each group
                item.setOpts(x0=0, width=w[c], y=rows + ((k - 1) / 2 - c) * thickness, height=thickness)
        if features != self._features:
            self._features = features
            self.getPlotItem().getAxis("left").setTicks(
                [[(int(row), messages.FEATURE_LABELS[name]) for row, name in zip(rows, features)]])
        top = nice_ceiling(max(float(np.abs(w).max()), 1e-3) * 1.1)
        self.getViewBox().setRange(xRange=(-top, top), yRange=(-0.5, f - 0.5), padding=0)


class LinearMapView(QWidget):
    """Bars of W's rows and the numbers of W and b, with the 'still linear' check; or why not."""

    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self.session = session
        self.bars = TemplateBars()
        self.text = QLabel(wordWrap=True, alignment=Qt.AlignmentFlag.AlignTop)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        row = QHBoxLayout(self)
        row.setContentsMargins(4, 4, 4, 4)
        row.addWidget(self.bars, 3)
        scroll = QScrollArea(widgetResizable=True, frameShape=QFrame.Shape.NoFrame)
        scroll.setWidget(self.text)  # nine features and five classes still fit, scrolled
        row.addWidget(scroll, 2)
        self.clock = RefreshClock(self, self.refresh, REFRESH_MS, words=True)
        for signal in (session.stats_changed, session.points_changed, session.settings_changed):
            signal.connect(self.clock.request)

    def refresh(self) -> None:
        found = self.session.linear_map()
        self.bars.setVisible(found is not None)
        if found is None:
            activation = QCoreApplication.translate(
                "Activations", messages.ACTIVATIONS[self.session.settings.model.activation])
            self.text.setText(self.tr(
                "With {activation} activations the network is not one linear map: its boundary can bend, "
                "and no single template per class describes it. Choose the linear classifier or the "
                "linear activation to see the one W.").format(activation=activation))
            return
        features = self.session.settings.model.features
        self.bars.show_weights(found.W, features)
        if found.layers == 1:
            heading = self.tr("<p><b>Class templates: the rows of W</b><br>score<sub>k</sub> = "
                              "w<sub>k</sub> · x + b<sub>k</sub>; the highest score wins.</p>")
        else:
            heading = self.tr("<p><b>Still linear: W = {product}</b><br>{layers} layers with linear "
                              "activations are one layer: the same scores for every input.</p>"
                              ).format(product=product_name(found.layers), layers=found.layers)
        parts = [heading, weight_table(found.W, found.b, features, self.session.class_names)]
        if found.layers > 1:
            parts.append(self.tr("<p>Largest difference from the network's scores on the {count} points: "
                                 "{difference:.1e} (float64).</p>").format(count=len(self.session.points),
                                                                           difference=found.max_difference))
        self.text.setText("".join(parts))


def weight_table(w: np.ndarray, b: np.ndarray, features, class_names) -> str:
    """Rich text: W transposed (a row per feature, then b; a column per class, headed in its colour)."""
    def row(label: str, values) -> str:
        cells = "".join(f'<td align="right">&nbsp;&nbsp;{v:.3f}</td>' for v in values)
        return f'<tr><td style="white-space:nowrap">{label}</td>{cells}</tr>'

    head = "".join(f'<th align="right" style="color:{color}">&nbsp;{html.escape(name)}</th>'
                   for name, color in zip(class_names, style.CLASS_COLORS))
    rows = [row(messages.FEATURE_LABELS[name], w[:, i]) for i, name in enumerate(features)]
    return f'<table cellspacing="0"><tr><th></th>{head}</tr>{"".join(rows)}{row("b", b)}</table>'


class StillLinearStatus(QLabel):
    """'Still linear: W₃·W₂·W₁ = one 2×2 layer ...' while the model is a network with linear
    activations; hidden otherwise."""

    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self.session = session
        self.clock = RefreshClock(self, self.refresh, STATUS_REFRESH_MS, words=True)
        for signal in (session.stats_changed, session.settings_changed):
            signal.connect(self.clock.request)
        session.settings_changed.connect(self._show_or_hide)
        self._show_or_hide()

    def _show_or_hide(self) -> None:
        info = self.session.model_info()
        self.setVisible(info.kind == "mlp" and info.activation == "linear")

    def refresh(self) -> None:
        found = self.session.linear_map()
        if found is not None and found.layers > 1:
            self.setText(self.tr("Still linear: {product} is one {rows}×{columns} layer (largest "
                                 "difference {difference:.1e})").format(
                product=product_name(found.layers), rows=found.W.shape[0], columns=found.W.shape[1],
                difference=found.max_difference))

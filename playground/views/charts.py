"""Training charts: where training stands, as numbers and as curves.

The right-hand panel: the step and epoch, a small train/test table of loss and
accuracy, then the loss curves (log scale) and the accuracy curves (percent)
against the training step. The curve items are made once and only fed data.
The numbers follow every update; the curves are redrawn at most ten times a
second (plot axes are costly to paint, and the eye needs no more), always
ending on the latest state.

Listens to: session.stats_changed (numbers from the ``StepStats`` it carries,
curves from ``session.history``). Says its words again on QEvent.LanguageChange.
Emits nothing.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QElapsedTimer, QEvent, QPointF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from engine.history import FIELDS
from playground import style
from playground.fonts import scaled_font
from playground.session import Session
from playground.views.plot_axes import style_axes

MIN_LOSS = 1e-6               # losses are clipped here so the log scale never sees 0
MIN_LOG_SPAN = 0.7            # decades the loss axis shows at least: a flat loss still gets numbers
EMPTY_LOSS_RANGE = (-1.0, 0.2)  # log10 of 0.1 .. 1.6, before there is any loss to show
MIN_STEP_SPAN = 10            # the x axis shows at least this many steps
ACCURACY_RANGE = (-6, 106)    # percent, with a little headroom around 0..100
ACCURACY_TICKS = [[(v, str(v)) for v in (0, 25, 50, 75, 100)]]
VALUE_SCALE = 1.4             # the numbers' point size, relative to the widget's font
STEP_SCALE = 1.25
LINE_WIDTH = 2
NO_VALUE = "—"
CURVE_INTERVAL_MS = 100       # the curves redraw at most this often


WIDEST_VALUES = ("00.0000", "0.0e+00", "100.0%")  # what a value slot must hold, at most


def format_loss(value: float) -> str:
    """A loss for the table, at most 7 characters: four decimals, grouped up to 9,999,
    scientific when tiny or huge."""
    if not np.isfinite(value):
        return NO_VALUE if np.isnan(value) else "∞"
    if 0 < value < 1e-3 or value >= 1e4:
        return f"{value:.1e}"
    return f"{value:.4f}" if value < 100 else f"{value:,.0f}"


def format_accuracy(value: float) -> str:
    """An accuracy (a fraction 0..1) as a percentage."""
    return NO_VALUE if np.isnan(value) else f"{100 * value:.1f}%"


def _pen(name: str) -> pg.QtGui.QPen:
    """Train curves solid in ink, test curves dashed in the muted grey."""
    if name.startswith("train"):
        return pg.mkPen(style.INK, width=LINE_WIDTH)
    return pg.mkPen(style.MUTED, width=LINE_WIDTH, style=Qt.PenStyle.DashLine)


class LogAxis(pg.AxisItem):
    """A log axis that labels only 1, 2 and 5 per decade (0.9 beside 1 would crowd it); the loss
    plot's range (at least ``MIN_LOG_SPAN`` decades) always holds two of them."""

    def logTickStrings(self, values, scale, spacing) -> list[str]:
        """Plain numbers ('20', '0.05'), in pyqtgraph's powers of ten only when very large or small."""
        values = np.asarray(values, dtype=float)
        strings = super().logTickStrings(values, scale, spacing)
        mantissas = np.round(10 ** (values % 1))
        return ["" if m not in (1, 2, 5, 10) else f"{x:.3g}" if 1e-3 <= x < 1e5 else text
                for text, m, x in zip(strings, mantissas, 10 ** values * scale)]


class StepAxis(pg.AxisItem):
    """Steps, shortened (1500 -> 1.5k, 2000000 -> 2M); labels may overhang the ends by
    ``hideOverlappingLabels`` pixels even with a grid (where pyqtgraph ignores it)."""

    def boundingRect(self):
        overhang = self.style["hideOverlappingLabels"]
        return super().boundingRect().adjusted(-overhang, 0, overhang, 0)

    def tickStrings(self, values, scale, spacing) -> list[str]:
        return [f"{v / 1e6:g}M" if v >= 1e6 else f"{v / 1e3:g}k" if v >= 1e4 else f"{v:g}"
                for v in values]


def split_names() -> dict[str, str]:
    """"train" and "test", as the table's columns and the curves' key name them."""
    return {"train": QCoreApplication.translate("TrainingCharts", "train"),
            "test": QCoreApplication.translate("TrainingCharts", "test")}


class LineKey(QWidget):
    """One legend line for both plots: a solid sample, "train", a dashed sample, "test"."""

    def sizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        words = sum(metrics.horizontalAdvance(name + "  ") for name in split_names().values())
        return QSize(2 * self._sample() + words + 24, metrics.height())

    def _sample(self) -> int:
        return 3 * self.fontMetrics().averageCharWidth()  # a line sample: three characters long

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics, y = self.fontMetrics(), self.height() / 2
        x = self.width() - self.sizeHint().width()
        for split, name in split_names().items():
            painter.setPen(_pen(split))
            painter.drawLine(QPointF(x, y), QPointF(x + self._sample(), y))
            x += self._sample() + 4
            painter.setPen(QColor(style.MUTED))
            painter.drawText(QPointF(x, y + metrics.ascent() / 2 - 1), name)
            x += metrics.horizontalAdvance(name + "  ") + 8

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.updateGeometry()
            self.update()
        super().changeEvent(event)


class TrainingCharts(QWidget):
    """Step, epoch, loss and accuracy of the session's training, as numbers and curves.

    Attributes the app and tests may use: ``step_label``, ``epoch_label``;
    ``values[name]`` the value labels and ``curves[name]`` the ``PlotDataItem``s,
    for name in engine.history.FIELDS; ``loss_plot`` and ``accuracy_plot`` (PlotWidgets).
    """

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.step_label, self.epoch_label = QLabel(), muted(QLabel(alignment=Qt.AlignmentFlag.AlignRight))
        self.sample_note = muted(QLabel(wordWrap=True))  # shown when the figures are a sample's
        self.loss_plot = step_plot(log=True)
        self.accuracy_plot = step_plot(log=False)
        self.accuracy_plot.setYRange(*ACCURACY_RANGE, padding=0)
        self.accuracy_plot.getPlotItem().getAxis("left").setTicks(ACCURACY_TICKS)
        self.curves = {name: (self.loss_plot if name.endswith("loss") else self.accuracy_plot)
                       .plot(pen=_pen(name), antialias=True) for name in FIELDS}
        self._curve_timer = QTimer(self)
        self._curve_timer.setSingleShot(True)
        self._curve_timer.timeout.connect(self._update_curves)
        self._curves_drawn_at = QElapsedTimer()
        self._build_layout()
        self._apply_fonts()
        session.stats_changed.connect(self.refresh)
        self.retranslate()

    def retranslate(self) -> None:
        """The captions and headings in the interface's language, and the numbers with their words."""
        words = {"loss_plot": self.tr("Loss (log scale)"), "accuracy_plot": self.tr("Accuracy (%)"),
                 "loss": self.tr("Loss"), "accuracy": self.tr("Accuracy"), **split_names()}
        for key, label in self.captions.items():
            label.setText(words[key])
        self._size_counters()
        self.refresh(self.session.stats)

    def _build_layout(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        header = QHBoxLayout()
        header.addWidget(self.step_label)
        header.addWidget(self.epoch_label, 1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBaseline)
        layout.addLayout(header)
        self.captions: dict[str, QLabel] = {}  # the words around the numbers: see retranslate
        layout.addLayout(self._build_table())
        layout.addWidget(self.sample_note)
        for name, plot, key in (("loss_plot", self.loss_plot, LineKey()),
                                ("accuracy_plot", self.accuracy_plot, None)):
            row = QHBoxLayout()
            row.setContentsMargins(0, 8, 0, 0)
            row.addWidget(self._caption(name, muted(QLabel())))
            if key is not None:
                row.addWidget(key, 1)
            layout.addLayout(row)
            layout.addWidget(plot, 1)

    def _caption(self, name: str, label: QLabel) -> QLabel:
        self.captions[name] = label
        return label

    def _build_table(self) -> QGridLayout:
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setColumnStretch(0, 1)
        self.values: dict[str, QLabel] = {}
        for row, quantity in enumerate(("loss", "accuracy"), start=1):
            grid.addWidget(self._caption(quantity, QLabel()), row, 0)
        for column, split in enumerate(("train", "test"), start=1):
            heading = muted(QLabel(alignment=Qt.AlignmentFlag.AlignRight))
            grid.addWidget(self._caption(split, heading), 0, column)
            for row, quantity in enumerate(("loss", "accuracy"), start=1):
                label = QLabel(NO_VALUE, alignment=Qt.AlignmentFlag.AlignRight)
                self.values[f"{split}_{quantity}"] = label
                grid.addWidget(label, row, column)
        return grid

    def _apply_fonts(self) -> None:
        """Sizes relative to this widget's font, so a larger app font scales everything."""
        base, metrics = self.font(), self.fontMetrics()
        self.step_label.setFont(scaled_font(base, STEP_SCALE, bold=True))
        value_font = scaled_font(base, VALUE_SCALE, bold=True)
        for label in self.values.values():
            label.setFont(value_font)
            fix_size(label, WIDEST_VALUES)  # a fixed slot: a huge loss never widens the panel
        self._size_counters()
        overhang = metrics.horizontalAdvance("0000") // 2  # room for the last x tick label
        for widget in (self.loss_plot, self.accuracy_plot):
            plot = widget.getPlotItem()
            plot.layout.setContentsMargins(2, 4, overhang, 2)
            plot.getAxis("left").setStyle(tickFont=base)
            plot.getAxis("left").setWidth(metrics.horizontalAdvance("0.0001") + 8)
            plot.getAxis("bottom").setStyle(tickFont=base, hideOverlappingLabels=overhang)

    def _size_counters(self) -> None:
        """The step and epoch labels sized for the longest run, in this language and font."""
        fix_size(self.step_label, [self.tr("Step {step:,}").format(step=99_999_999)])
        fix_size(self.epoch_label, [self.tr("epoch {epoch:,.1f}").format(epoch=99_999.9)])

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._apply_fonts()
        elif event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def sizeHint(self) -> QSize:
        """About 330 x 310 pixels at the usual font size (it grows with the font): short enough
        that panels above it fit a 700-pixel window; the plots expand into any room beyond."""
        em = self.fontMetrics().height()
        return QSize(24 * em, 22 * em)

    # ------------------------------------------------------------- updating
    def refresh(self, stats) -> None:
        """Show ``stats`` (a ``StepStats``) in the table now, and the history in the plots soon."""
        self.step_label.setText(self.tr("Step {step:,}").format(step=stats.step))
        self.epoch_label.setText(self.tr("epoch {epoch:,.1f}").format(epoch=stats.epoch))
        for name, label in self.values.items():
            value = getattr(stats, name)
            label.setText(format_loss(value) if name.endswith("loss") else format_accuracy(value))
        self._show_sample(stats)
        since = self._curves_drawn_at.elapsed() if self._curves_drawn_at.isValid() else CURVE_INTERVAL_MS
        if since >= CURVE_INTERVAL_MS:
            self._update_curves()
        elif not self._curve_timer.isActive():
            self._curve_timer.start(CURVE_INTERVAL_MS - since)

    def _show_sample(self, stats) -> None:
        """Say so when a split is measured on a sample of its points (a very large one)."""
        self.sample_note.setVisible(stats.sampled)
        if stats.sampled:
            self.sample_note.setText(self.tr(
                "Measured on a fixed sample: {train} of {train_points} training points, {test} of "
                "{test_points} test points.").format(
                    train=f"{stats.measured_train:,}", train_points=f"{stats.train_points:,}",
                    test=f"{stats.measured_test:,}", test_points=f"{stats.test_points:,}"))

    @property
    def curves_up_to_date(self) -> bool:
        """False while a curve redraw is still waiting for its turn."""
        return not self._curve_timer.isActive()

    def _update_curves(self) -> None:
        """Feed each curve its finite history (an empty split draws nothing); x follows the steps."""
        self._curves_drawn_at.start()
        self._curve_timer.stop()
        history = self.session.history
        steps = history.steps
        losses = []
        for name, curve in self.curves.items():
            y = history.values(name)
            y = np.maximum(y, MIN_LOSS) if name.endswith("loss") else 100 * y
            finite = np.isfinite(y)
            curve.setData(steps[finite], y[finite])
            if name.endswith("loss"):
                losses.append(y[finite])
        self.loss_plot.setYRange(*_log_range(np.concatenate(losses)), padding=0)
        first, last = (int(steps[0]), int(steps[-1])) if len(steps) else (0, 0)
        for widget in (self.loss_plot, self.accuracy_plot):
            widget.setXRange(first, max(last, first + MIN_STEP_SPAN), padding=0.02)
            # Apply the new range now, not in the paint (which would then paint twice).
            widget.getViewBox().prepareForPaint()


def _log_range(losses: np.ndarray) -> tuple[float, float]:
    """log10 bounds for losses (n,) > 0, at least ``MIN_LOG_SPAN`` decades wide around them, so
    the axis always has ticks to label; a little headroom above and below."""
    if not len(losses):
        return EMPTY_LOSS_RANGE
    low, high = np.log10(losses.min()), np.log10(losses.max())
    pad = max(0.05 * (high - low), (MIN_LOG_SPAN - (high - low)) / 2)
    return low - pad, high + pad


def step_plot(log: bool) -> pg.PlotWidget:
    """A white, non-interactive plot against the step, with a light grid; a log y axis if ``log``."""
    widget = pg.PlotWidget(background=style.BACKGROUND,
                           axisItems={"left": LogAxis("left") if log else pg.AxisItem("left"),
                                      "bottom": StepAxis("bottom")})
    plot = widget.getPlotItem()
    plot.hideButtons()
    plot.setMenuEnabled(False)
    plot.setMouseEnabled(False, False)
    plot.setLogMode(y=log)
    plot.showGrid(x=True, y=True, alpha=0.6)
    style_axes(plot)
    return widget


def fix_size(label: QLabel, widest: Sequence[str]) -> None:
    """Size a label whose text changes every frame for the widest of its texts, once.

    Its changes then stay inside it: a label that may grow makes Qt lay out again every
    layout around it, up to the main window's, for each new text.
    """
    metrics = label.fontMetrics()
    label.setFixedSize(max(metrics.horizontalAdvance(text) for text in widest) + 2, label.sizeHint().height())


def muted(label: QLabel) -> QLabel:
    """``label`` in the muted grey (through its palette, so it still follows font changes)."""
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, QColor(style.MUTED))
    label.setPalette(palette)
    return label



"""Hidden space: the points and the input plane's grid as a hidden layer sees them (ConvNetJS style).

A layer of 2 units is shown as it is (its activations h1, h2), a wider one by the two
principal axes of the points' activations, with the share of the variance they keep.
The grid lines of the canvas's plane are pushed through the network with the points
(one pass) and drawn warped. In a last hidden layer of 2 units the output layer is a
straight-line classifier: its regions and boundary are drawn, and training pulls the
classes apart until that line separates them. A preset sets that up on XOR. A set of more
than ``SHOWN_POINTS`` points is shown by a fixed sample of them, and the note says so.

Listens to: session.stats_changed, session.points_changed (redraw on the plot's own
clock, about 15 times a second), session.settings_changed (the layers). Says its words
again on QEvent.LanguageChange. Emits nothing.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QComboBox, QLabel, QPushButton, QVBoxLayout, QWidget

from engine.spaces import affine_regions, grid_lines
from playground import style
from playground.panels.controls import quiet
from playground.session import Session
from playground.views.space_plot import REGION_RESOLUTION, SpacePlot, beside, padded

GRID_PEN = pg.mkPen("#B8B8B8", width=1)
AXES_PEN = pg.mkPen("#707070", width=1.6)
FILL, ROOM = 0.7, 0.1  # the range changes when the picture fills less than FILL of it; grows ROOM more
SHOWN_POINTS = 10_000  # a larger set is shown by a fixed sample of this many (each redraw runs them all)

# "XOR through a 2-unit layer": a 4-unit layer, then the 2-unit one the view shows. A 2-2-2 network
# cannot do it: with two tanh units the best straight line in hidden space gets about 91% of XOR.
PRESET_DATA = {"dataset": "xor"}
PRESET_MODEL = {"kind": "mlp", "hidden": (4, 2), "activation": "tanh", "features": ("x1", "x2")}
PRESET_TRAINING = {"loss": "cross_entropy", "optimizer": "sgd", "learning_rate": 0.3}


def apply_xor_preset(session: Session) -> None:
    """XOR through a 2-unit last hidden layer, one field at a time through the session."""
    for name, value in PRESET_DATA.items():
        session.set_data_field(name, value)
    for name, value in PRESET_MODEL.items():
        session.set_model_field(name, value)
    for name, value in PRESET_TRAINING.items():
        session.set_training_field(name, value)


class HiddenPlot(SpacePlot):
    """Hidden layer ``layer`` (1 = first; None: the model has none) of the session's model.
    ``space``: the ``engine.spaces.HiddenSpace`` drawn now. ``clock.refreshed`` after each redraw.
    ``titled``: a title names the layer and the variance kept (for a picture on its own)."""

    def __init__(self, session: Session, titled: bool = False, parent=None):
        super().__init__(lock_aspect=True, parent=parent)
        self.session, self.titled = session, titled
        self.layer: int | None = None
        self.space = None
        self.shown = np.zeros(0, int)  # the indices of the points drawn
        lines = grid_lines(style.PLANE)
        n = len(lines) // 2  # lines x = const, then y = const: the plane's axes are where the const is 0
        constant = np.concatenate([lines[:n, 0, 0], lines[n:, 0, 1]])
        self._on_axes = np.isclose(constant, 0.0)
        # Polylines as one path each: a NaN after every line's samples breaks it from the next.
        self._x = np.full((len(lines), lines.shape[1] + 1), np.nan)
        self._y = self._x.copy()
        plot = self.getPlotItem()
        self.grid = pg.PlotCurveItem(pen=GRID_PEN, connect="finite")
        self.grid_axes = pg.PlotCurveItem(pen=AXES_PEN, connect="finite")
        for z, item in ((2, self.grid), (3, self.grid_axes)):
            item.setZValue(z)
            plot.addItem(item)
        self._refreshing = False
        self._range: list[tuple[float, float]] | None = None  # (x, y) ranges asked of the view box
        self.getViewBox().sigRangeChanged.connect(self._range_changed)
        session.stats_changed.connect(self.clock.request)
        session.points_changed.connect(self.clock.request)

    def set_layer(self, layer: int | None) -> None:
        if layer != self.layer:
            self.layer = layer
            self.space, self._range = None, None  # a new basis (no previous one to follow), a new range
            self.clock.request()

    def refresh(self) -> None:
        n_hidden = len(self.session.model_info().sizes) - 2
        if self.layer is None or self.layer > n_hidden:  # (a new file's points come before its model)
            self.space = None
            self.show_points(np.zeros((2, 0)), np.zeros(0, int), np.zeros(0, bool))
            for item in (self.grid, self.grid_axes):
                item.setData([], [])
            self.show_regions(None, (0, 1, 0, 1))
            self.show_labels("", "", "" if self.titled else None)
            return
        previous = None if self.space is None else self.space.basis
        shown = self.shown = self.session.point_sample(SHOWN_POINTS)
        space = self.space = self.session.hidden_space(self.layer, style.PLANE, previous, shown)
        self.show_points(space.points, self.session.labels[shown], self.session.is_test[shown])
        self._x[:, :-1], self._y[:, :-1] = space.lines
        self.grid.setData(self._x[~self._on_axes].ravel(), self._y[~self._on_axes].ravel())
        self.grid_axes.setData(self._x[self._on_axes].ravel(), self._y[self._on_axes].ravel())
        self._label(space)
        self._follow(np.concatenate([space.points, space.lines.reshape(2, -1)], axis=1))
        self._draw_regions()

    def _follow(self, xy: np.ndarray) -> None:
        """Keep the range while it holds every point of xy (2, M) and they fill at least FILL of it;
        else show them with some room to grow (fewer range changes: steadier axes, less to redraw)."""
        xy = xy[:, np.isfinite(xy).all(axis=0)]
        if not xy.shape[1]:
            return
        wanted = [padded(low, high) for low, high in zip(xy.min(axis=1), xy.max(axis=1))]
        if self._range is not None and all(
                shown[0] <= low and high <= shown[1] and high - low >= FILL * (shown[1] - shown[0])
                for (low, high), shown in zip(wanted, self._range)):
            return
        self._range = [(low - ROOM * (high - low), high + ROOM * (high - low)) for low, high in wanted]
        self._refreshing = True  # the new range's regions are drawn once, by refresh
        try:
            self.getViewBox().setRange(xRange=self._range[0], yRange=self._range[1], padding=0)
        finally:
            self._refreshing = False

    def _range_changed(self) -> None:
        if not self._refreshing:  # resized
            self._draw_regions()

    def _draw_regions(self) -> None:
        """The output layer's regions over what the plot shows (when it is a line here)."""
        if self.space is None or self.space.output is None:
            self.show_regions(None, (0, 1, 0, 1))
            return
        bounds = self.visible_bounds()
        width, height = bounds[1] - bounds[0], bounds[3] - bounds[2]
        scale = REGION_RESOLUTION / max(width, height)  # square cells: the plot keeps its aspect
        shape = max(2, round(width * scale)), max(2, round(height * scale))
        self.show_regions(affine_regions(*self.space.output, bounds, shape), bounds)

    def _label(self, space) -> None:
        """Axis labels, and the title when ``titled``, for ``space`` (a ``HiddenSpace``)."""
        if space.width == 1:
            title = QCoreApplication.translate("HiddenSpace", "Layer {layer} · 1 unit: its activation")
            x_label, y_label = "h\u2081", ""
        elif space.exact:
            title = QCoreApplication.translate("HiddenSpace", "Layer {layer} · 2 units: their activations")
            x_label, y_label = "h\u2081", "h\u2082"
        else:
            title = QCoreApplication.translate(
                "HiddenSpace", "Layer {layer} · {width} units · PCA keeps {kept:.0%} of the variance")
            x_label = QCoreApplication.translate("HiddenSpace", "principal axis 1")
            y_label = QCoreApplication.translate("HiddenSpace", "principal axis 2")
        title = title.format(layer=space.layer, width=space.width, kept=space.variance_kept)
        self.show_labels(x_label, y_label, title if self.titled else None)


class HiddenSpaceView(QWidget):
    """The hidden plot, a layer chooser, what the picture shows, and the XOR preset."""

    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self.session = session
        self.plot = HiddenPlot(session)
        self.layer = QComboBox()
        self.note = QLabel(wordWrap=True, alignment=Qt.AlignmentFlag.AlignTop)
        self.grid_key = QLabel(wordWrap=True)
        self.preset = QPushButton()
        side = QVBoxLayout()
        side.addWidget(self.layer)
        side.addWidget(self.note)
        side.addWidget(self.grid_key)
        side.addStretch(1)
        side.addWidget(self.preset)
        self.setLayout(beside(self.plot, side))
        self.layer.currentIndexChanged.connect(lambda _: self._choose(self.layer.currentData()))
        self.preset.clicked.connect(self._apply_preset)
        session.settings_changed.connect(self._show_layers)
        self.plot.clock.refreshed.connect(self._show_note)
        self.retranslate()

    def retranslate(self) -> None:
        self.layer.setToolTip(self.tr("The hidden layer to look at"))
        self.grid_key.setText(self.tr("Grey lines: the input plane's grid as this layer sees it; "
                                      "darker: the axes x\u2081 = 0 and x\u2082 = 0."))
        self.preset.setText(self.tr("XOR through a 2-unit layer"))
        self.preset.setToolTip(self.tr("XOR with a 2-4-2-2 tanh network: watch the last hidden layer "
                                       "pull the classes apart"))
        self._show_layers()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _apply_preset(self) -> None:
        apply_xor_preset(self.session)
        self._choose(len(self.session.model_info().sizes) - 2)  # the 2-unit last hidden layer

    def _choose(self, layer: int | None) -> None:
        self.plot.set_layer(layer)
        with quiet(self.layer):
            self.layer.setCurrentIndex(self.layer.findData(layer))
        self._show_note()

    def _show_layers(self) -> None:
        """One entry per hidden layer; the one shown stays if it still exists, else the last."""
        widths = self.session.model_info().sizes[1:-1]
        with quiet(self.layer):
            self.layer.clear()
            for i, width in enumerate(widths, start=1):
                text = (self.tr("Layer {layer} · 1 unit") if width == 1
                        else self.tr("Layer {layer} · {width} units"))
                self.layer.addItem(text.format(layer=i, width=width), i)
        self.layer.setEnabled(bool(widths))
        chosen = self.plot.layer
        self._choose(chosen if chosen is not None and chosen <= len(widths) else (len(widths) or None))

    def _show_note(self) -> None:
        space, n_hidden = self.plot.space, len(self.session.model_info().sizes) - 2
        if not n_hidden:
            text = self.tr("A linear classifier has no hidden layer: it draws its line in the input "
                           "features themselves. The preset below adds hidden layers.")
        elif space is None:
            text = ""
        elif space.output is not None and self.session.n_classes == 2:
            text = self.tr("The layer's activations, as they are. The output layer is linear: its "
                           "boundary is a straight line here. Training pulls the classes apart until "
                           "the line separates them.")
        elif space.output is not None:
            text = self.tr("The layer's activations, as they are. The output layer is linear: its "
                           "boundaries are straight lines here. Training pulls the classes apart until "
                           "the lines separate them.")
        elif space.exact:
            text = self.tr("The layer's activations, as they are. The layers after it bend the space "
                           "again: the boundary is drawn in the last hidden layer when it has 2 units.")
        else:
            text = self.tr("{width} units do not fit in a plane: shown along the two principal axes of "
                           "the points' activations (PCA), which keep {kept:.0%} of their variance. The "
                           "boundary is drawn when the last hidden layer has 2 units."
                           ).format(width=space.width, kept=space.variance_kept)
        if space is not None and len(self.plot.shown) < len(self.session.points):
            text += " " + self.tr("Shown: a fixed sample of {shown} of the {count} points.").format(
                shown=f"{len(self.plot.shown):,}", count=f"{len(self.session.points):,}")
        self.note.setText(text)
        self.grid_key.setVisible(bool(n_hidden))

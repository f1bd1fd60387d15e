"""A small plot of the points over a model's decision regions, in some space other than the plane.

The base of the feature-space and hidden-space plots: one ImageItem for the regions
(tinted as on the canvas), one line item where classes tie, the point layers; all
made once and only fed data. Not interactive: it shows, the controls beside it choose.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLayout, QScrollArea, QWidget

from playground import style
from playground.views.boundary import colorize, tie_lines
from playground.views.plot_axes import style_axes
from playground.views.point_layers import PointLayers
from playground.views.refresh_clock import RefreshClock

REFRESH_MS = 66          # redraws at most this often: about 15 a second while training
REGION_RESOLUTION = 120  # grid cells along a regions image's longer side
PADDING = 0.06           # of the data's extent, around it


class SpacePlot(pg.PlotWidget):
    """``image`` (regions), ``ties`` (where classes tie), ``point_layers``; ``regions``: the class
    probabilities (K, ny, nx) drawn now, or None, over ``regions_bounds``. A subclass draws in
    ``refresh()``, which ``clock`` calls (``clock.request()``: something changed)."""

    def __init__(self, lock_aspect: bool, parent=None):
        super().__init__(parent, background=style.BACKGROUND)
        plot = self.getPlotItem()
        plot.hideButtons()
        plot.setMenuEnabled(False)
        plot.setMouseEnabled(False, False)
        box = self.getViewBox()
        box.setAspectLocked(lock_aspect)
        box.disableAutoRange()
        style_axes(plot)
        for name in ("left", "bottom"):
            plot.getAxis(name).enableAutoSIPrefix(False)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.ties = pg.PlotCurveItem(pen=pg.mkPen(style.INK, width=style.BOUNDARY_PEN), connect="pairs")
        for z, item in ((0, self.image), (1, self.ties)):
            item.setZValue(z)
            plot.addItem(item)
        self.point_layers = PointLayers(plot, z=10, size=style.POINT_SIZE - 2)
        self.regions: np.ndarray | None = None
        self.regions_bounds: tuple[float, float, float, float] | None = None
        self._labels: tuple[str, str, str | None] | None = None
        self.clock = RefreshClock(self, self.refresh, REFRESH_MS, words=True)  # the axes name their features

    def refresh(self) -> None:
        raise NotImplementedError

    def sizeHint(self) -> QSize:
        em = self.fontMetrics().height()
        return QSize(16 * em, 14 * em)

    def show_labels(self, bottom: str, left: str, title: str | None = None) -> None:
        """The axes' labels and, if given, a title; set only when they change (a change lays the
        plot out again and repaints its axes)."""
        if (bottom, left, title) != self._labels:
            self._labels = (bottom, left, title)
            plot = self.getPlotItem()
            plot.setLabel("bottom", bottom)
            plot.setLabel("left", left)
            if title is not None:
                plot.setTitle(title, color=style.INK)

    def show_points(self, xy: np.ndarray, labels: np.ndarray, is_test: np.ndarray) -> None:
        """xy: (2, N) coordinates of the points in this space."""
        self.point_layers.show(xy[0], xy[1], labels, is_test)

    def show_regions(self, probs: np.ndarray | None, bounds: tuple[float, float, float, float]) -> None:
        """Class probabilities (K, ny, nx) over bounds (x_min, x_max, y_min, y_max); None: no regions."""
        self.regions, self.regions_bounds = probs, bounds
        self.image.setVisible(probs is not None)
        if probs is None:
            self.ties.setData([], [])
            return
        x_min, x_max, y_min, y_max = bounds
        self.image.setImage(colorize(probs), autoLevels=False, levels=(0, 255))
        self.image.setRect(QRectF(x_min, y_min, x_max - x_min, y_max - y_min))
        self.ties.setData(*tie_lines(probs, bounds))

    def visible_bounds(self) -> tuple[float, float, float, float]:
        (x_min, x_max), (y_min, y_max) = self.getViewBox().viewRange()
        return (x_min, x_max, y_min, y_max)


def beside(plot: QWidget, side: QLayout) -> QHBoxLayout:
    """The plot, and its controls and notes to its right, scrolled when the dock is too short."""
    page = QWidget()
    page.setLayout(side)
    scroll = QScrollArea(widgetResizable=True, frameShape=QFrame.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setWidget(page)
    row = QHBoxLayout()
    row.setContentsMargins(4, 4, 4, 4)
    row.addWidget(plot, 1)
    row.addWidget(scroll, 1)
    return row


def padded(low: float, high: float) -> tuple[float, float]:
    """The range low..high with PADDING of its extent on each side (1 if it is a single value)."""
    extent = high - low if high > low else 1.0
    return low - PADDING * extent, high + PADDING * extent

"""The canvas: the plane with the decision boundary and the points on top.

Items are made once and only fed data: one ImageItem for the boundary
heatmap, one line item for where the classes tie, one scatter item per class
and split. The canvas only draws and reports gestures; a controller
(``playground.controllers.canvas_tools``) decides what they do.

Listens to: session.points_changed (redraw points), session.stats_changed
(redraw the boundary, on ``boundary_clock``: the weights or the data moved).

Emits (positions in plane coordinates (x, y), buttons and modifiers as Qt gives them):
clicked(xy, button, modifiers), drag_started(xy, button, modifiers), dragged(xy), drag_finished()
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QFont, QFontInfo, QFontMetrics
from PySide6.QtWidgets import QApplication, QGraphicsEllipseItem

from playground import style
from playground.session import Session
from playground.views.boundary import colorize, tie_lines
from playground.views.plot_axes import style_axes
from playground.views.point_layers import PointLayers
from playground.views.refresh_clock import RefreshClock

OVERLAY_Z = 1.5      # between the tie lines (1) and the points (2 and up)
OVERLAY_TOP_Z = 100  # above the points and the cursor
TICK_STEPS = (0.05, 0.1, 0.2, 0.25, 0.5, 1.0, 2.0, 5.0)  # plane units between ticks, to choose from
TICK_EMS = 5         # at least this many text heights between ticks


class PlaneAxis(pg.AxisItem):
    """An axis of the plane whose tick spacing follows the scale (plane units per pixel) and the font,
    not the axis length: with the plane's equal aspect, x and y get the same spacing."""

    def tickSpacing(self, minVal: float, maxVal: float, size: float):
        if size <= 0 or maxVal <= minVal:
            return []
        units_per_pixel = (maxVal - minVal) / size
        room = TICK_EMS * QFontMetrics(self.style["tickFont"] or QFont()).height()
        return [(next((step for step in TICK_STEPS if step >= room * units_per_pixel), TICK_STEPS[-1]), 0)]


class PlaneViewBox(pg.ViewBox):
    """A fixed, aspect-locked view of the plane that reports clicks and drags in plane coordinates."""

    clicked = Signal(object, object, object)
    drag_started = Signal(object, object, object)
    dragged = Signal(object)
    drag_finished = Signal()

    def __init__(self):
        super().__init__(enableMenu=False, lockAspect=True)
        self.setMouseEnabled(False, False)

    def mouseClickEvent(self, ev):
        ev.accept()
        self.clicked.emit(_xy(self.mapToView(ev.pos())), ev.button(), ev.modifiers())

    def mouseDragEvent(self, ev, axis=None):
        ev.accept()
        if ev.isStart():
            self.drag_started.emit(_xy(self.mapToView(ev.buttonDownPos())), ev.button(), ev.modifiers())
        self.dragged.emit(_xy(self.mapToView(ev.pos())))
        if ev.isFinish():
            self.drag_finished.emit()


class CanvasView(pg.PlotWidget):
    """The plane: boundary heatmap, tie lines and points; reports the gestures made on it."""

    clicked = Signal(object, object, object)
    drag_started = Signal(object, object, object)
    dragged = Signal(object)
    drag_finished = Signal()

    def __init__(self, session: Session, parent=None, resolution: int = style.BOUNDARY_RESOLUTION):
        self.session = session
        self.resolution = resolution
        box = PlaneViewBox()
        super().__init__(parent, viewBox=box, background=style.BACKGROUND,
                         axisItems={"left": PlaneAxis("left"), "bottom": PlaneAxis("bottom")})
        for gesture in ("clicked", "drag_started", "dragged", "drag_finished"):
            getattr(box, gesture).connect(getattr(self, gesture))
        self._image_bounds = None
        self._reach: float | None = None
        self._build_plot()
        session.points_changed.connect(self.update_points)
        # The boundary is recomputed on the next pass of the event loop (input first), once however
        # many changes asked, and only while the canvas shows.
        self.boundary_clock = RefreshClock(self, self.update_boundary, interval_ms=0)
        session.stats_changed.connect(self.boundary_clock.request)
        self.getViewBox().sigRangeChanged.connect(self.boundary_clock.request)
        self.scene().sigMouseMoved.connect(self._hover)
        self.update_points()
        self.update_boundary()

    def _build_plot(self) -> None:
        plot = self.getPlotItem()
        plot.hideButtons()
        plot.setMenuEnabled(False)
        style_axes(plot)
        x_min, x_max, y_min, y_max = style.PLANE
        box = self.getViewBox()
        box.setRange(xRange=(x_min, x_max), yRange=(y_min, y_max), padding=0)
        box.disableAutoRange()

        self.image = pg.ImageItem(axisOrder="row-major")
        self.ties = pg.PlotCurveItem(pen=pg.mkPen(style.INK, width=style.BOUNDARY_PEN), connect="pairs")
        self.cursor = QGraphicsEllipseItem()
        self.cursor.setPen(pg.mkPen(style.INK, width=1, style=Qt.PenStyle.DashLine))
        self.cursor.setVisible(False)
        for z, item in ((0, self.image), (1, self.ties), (3, self.cursor)):
            item.setZValue(z)
            item.setEnabled(False)  # drawn only: every click and drag goes to the view box
            plot.addItem(item)
        self.point_layers = PointLayers(plot, z=2)
        self.train_points, self.test_points = self.point_layers.train, self.point_layers.test
        self._apply_font()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange and hasattr(self, "ties"):  # (made in __init__)
            self._apply_font()
        super().changeEvent(event)

    def _apply_font(self) -> None:
        """Tick labels in the widget's font; points and lines grow with it too (a big screen's larger
        window font: a projector needs them bolder)."""
        for name in ("left", "bottom"):
            self.getPlotItem().getAxis(name).setStyle(tickFont=self.font())
        scale = max(1.0, QFontInfo(self.font()).pointSizeF() / QFontInfo(QApplication.font()).pointSizeF())
        for color, train, test in zip(style.CLASS_COLORS, self.train_points, self.test_points):
            train.setSize(style.POINT_SIZE * scale)
            test.setSize(style.POINT_SIZE * scale)
            test.setPen(pg.mkPen(color, width=style.TEST_POINT_PEN * scale))
        self.ties.setPen(pg.mkPen(style.INK, width=style.BOUNDARY_PEN * scale))

    # ---------------------------------------------------------------- drawing
    def update_points(self) -> None:
        points = self.session.points
        self.point_layers.show(points[:, 0], points[:, 1], self.session.labels, self.session.is_test)

    def update_boundary(self, *_) -> None:
        """Predict on a grid over the visible plane (the plane plus any margin the window adds)."""
        bounds = self.visible_bounds()
        x_min, x_max, y_min, y_max = bounds
        scale = self.resolution / max(x_max - x_min, y_max - y_min)
        shape = (max(1, round((x_max - x_min) * scale)), max(1, round((y_max - y_min) * scale)))
        probs = self.session.boundary_grid(bounds, shape)
        self.image.setImage(colorize(probs), autoLevels=False, levels=(0, 255))
        if bounds != self._image_bounds:  # the rect maps the current pixels: set after them
            self.image.setRect(QRectF(x_min, y_min, x_max - x_min, y_max - y_min))
            self._image_bounds = bounds
        self.ties.setData(*tie_lines(probs, bounds))

    def visible_bounds(self) -> tuple[float, float, float, float]:
        """(x_min, x_max, y_min, y_max) of the plane the view shows now."""
        (x_min, x_max), (y_min, y_max) = self.getViewBox().viewRange()
        return (x_min, x_max, y_min, y_max)

    def pixel_size(self) -> float:
        """Plane units per screen pixel."""
        return self.getViewBox().viewPixelSize()[0]

    def show_reach(self, radius: float | None) -> None:
        """Follow the mouse with a dashed circle of ``radius`` plane units (None: no circle)."""
        self._reach = radius
        if radius is not None:
            self.cursor.setRect(-radius, -radius, 2 * radius, 2 * radius)
        self.cursor.setVisible(False)

    def _hover(self, scene_pos) -> None:
        show = self._reach is not None and self.sceneBoundingRect().contains(scene_pos)
        self.cursor.setVisible(show)
        if show:
            self.cursor.setPos(self.getViewBox().mapSceneToView(scene_pos))

    def add_overlay(self, item, above_points: bool = False) -> None:
        """Draw another view's item on the plane, in plane coordinates: over the boundary and its
        lines but under the points, or over everything. Drawn only: gestures still go to the tools."""
        item.setZValue(OVERLAY_TOP_Z if above_points else OVERLAY_Z)
        item.setEnabled(False)
        self.getPlotItem().addItem(item)

    # ----------------------------------------------------------- geometry
    def to_widget(self, x: float, y: float) -> QPoint:
        """The viewport pixel showing plane point (x, y): for tests and tools."""
        scene = self.getViewBox().mapViewToScene(QPointF(x, y))
        return self.mapFromScene(scene)

    def boundary_image(self) -> np.ndarray:
        """The RGB heatmap currently shown, (ny, nx, 3)."""
        return self.image.image


def _xy(point: QPointF) -> tuple[float, float]:
    return point.x(), point.y()

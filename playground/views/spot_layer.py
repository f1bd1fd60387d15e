"""One layer of points drawn alike (a class's training or its test points), fed NumPy arrays.

pyqtgraph's ScatterPlotItem styles every spot on its own and looks each one up in its symbol
atlas in Python: ~40 ms per 100 000 points each time they change. Here every spot is the
same stamp, a circle of ``size`` pixels: ``setData`` keeps two arrays, and ``paint`` maps
them to the device in one NumPy expression and stamps them in one ``drawPixmapFragments``
call. The item caches its picture (``DeviceCoordinateCache``), so a frame that only changes
what lies under the points (the boundary) paints none of them again.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from pyqtgraph.Qt.internals import PrimitiveArray
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtWidgets import QGraphicsItem

FAR = 2.0**30  # device coordinates are clipped here: Qt misbehaves beyond


class SpotLayer(pg.GraphicsObject):
    """Points (x, y) in the plot's coordinates, each a circle ``size`` pixels across with ``pen`` and
    ``brush`` (whatever ``pg.mkPen`` / ``pg.mkBrush`` take)."""

    def __init__(self, size: float, pen, brush):
        super().__init__()
        self._x = self._y = np.zeros(0)
        self._has_points = False
        self._extent = QRectF()  # of the finite points
        self._bounds: QRectF | None = None  # boundingRect, until the points, style or zoom change
        self._size, self._pen, self._brush = float(size), pg.mkPen(pen), pg.mkBrush(brush)
        self._stamp: QPixmap | None = None
        self._fragments = PrimitiveArray(QPainter.PixmapFragment, 10)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    # ----------------------------------------------------------------- data
    def setData(self, x, y) -> None:
        """x, y: (N,) coordinates; non-finite ones are not drawn."""
        self._reshaped()
        self._x, self._y = np.array(x, dtype=np.float64).ravel(), np.array(y, dtype=np.float64).ravel()
        finite = np.isfinite(self._x) & np.isfinite(self._y)
        self._has_points = bool(finite.any())
        if self._has_points:
            x, y = self._x[finite], self._y[finite]
            self._extent = QRectF(x.min(), y.min(), x.max() - x.min(), y.max() - y.min())
        else:
            self._extent = QRectF()
        self.informViewBoundsChanged()
        self.update()

    def getData(self) -> tuple[np.ndarray, np.ndarray]:
        return self._x, self._y

    def size(self) -> float:
        return self._size

    def setSize(self, size: float) -> None:
        self._size = float(size)
        self._restyled()

    def setPen(self, *args, **kwargs) -> None:
        self._pen = pg.mkPen(*args, **kwargs)
        self._restyled()

    def setBrush(self, *args, **kwargs) -> None:
        self._brush = pg.mkBrush(*args, **kwargs)
        self._restyled()

    def _restyled(self) -> None:
        self._stamp = None
        self._reshaped()
        self.update()

    # ------------------------------------------------------------- geometry
    def pixelPadding(self) -> float:
        """Pixels a spot reaches beyond its centre."""
        return self._size / 2 + self._pen.widthF() + 1

    def dataBounds(self, ax: int, frac: float = 1.0, orthoRange=None):
        if not self._has_points:
            return None, None
        r = self._extent
        return (r.left(), r.right()) if ax == 0 else (r.top(), r.bottom())

    def boundingRect(self) -> QRectF:
        """The points' extent and the spots' reach around it (cached: the scene asks at every
        mouse move)."""
        if self._bounds is None:
            self._bounds = QRectF()
            if self._has_points:
                px, py = self.pixelVectors()
                pad_x = 0.0 if px is None else px.length() * self.pixelPadding()
                pad_y = 0.0 if py is None else py.length() * self.pixelPadding()
                self._bounds = self._extent.adjusted(-pad_x, -pad_y, pad_x, pad_y)
        return self._bounds

    def _reshaped(self) -> None:
        """Before the bounding rect changes."""
        self.prepareGeometryChange()
        self._bounds = None

    def viewTransformChanged(self) -> None:
        self._reshaped()  # the padding is in pixels: it changes with the zoom

    # -------------------------------------------------------------- drawing
    def _stamp_for(self, ratio: float) -> QPixmap:
        """The circle as a pixmap at ``ratio`` device pixels per pixel, made when the style changes."""
        if self._stamp is None or self._stamp.devicePixelRatio() != ratio:
            side = math.ceil(ratio * (self._size + max(math.ceil(self._pen.widthF()), 1)))
            image = QImage(side, side, QImage.Format.Format_ARGB32_Premultiplied)
            image.fill(Qt.GlobalColor.transparent)
            painter = QPainter(image)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.translate(side / 2, side / 2)
            painter.scale(ratio, ratio)
            painter.setPen(self._pen)
            painter.setBrush(self._brush)
            painter.drawEllipse(QRectF(-self._size / 2, -self._size / 2, self._size, self._size))
            painter.end()
            self._stamp = QPixmap.fromImage(image)
            self._stamp.setDevicePixelRatio(ratio)
        return self._stamp

    def paint(self, painter: QPainter, option, widget=None) -> None:
        if not len(self._x):
            return
        ratio = painter.device().devicePixelRatioF()
        stamp = self._stamp_for(ratio)
        t = painter.transform()
        x = t.m11() * self._x + t.m21() * self._y + t.dx()
        y = t.m12() * self._x + t.m22() * self._y + t.dy()
        shown = np.isfinite(x) & np.isfinite(y)
        painter.resetTransform()
        self._fragments.resize(int(shown.sum()))
        fragments = self._fragments.ndarray()
        fragments[:, 0] = np.clip(x[shown], -FAR, FAR)  # the centre of each stamp
        fragments[:, 1] = np.clip(y[shown], -FAR, FAR)
        fragments[:, 2:6] = (0, 0, stamp.width(), stamp.height())  # the stamp's whole pixmap
        fragments[:, 6:10] = (1 / ratio, 1 / ratio, 0.0, 1.0)  # scale x, y, rotation, opacity
        painter.drawPixmapFragments(*self._fragments.drawargs(), stamp)

"""Every plot's axes: light lines, muted labels, drawn from a cached image.

A plot repaints whenever anything in it changes (the canvas, every frame of training), and
each repaint replayed each axis's picture, tick labels and all: more time than the rest of
the canvas took. Cached in device pixels, an axis is drawn again only when its ticks, its
font or its size change.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtWidgets import QGraphicsItem

from playground import style


def style_axes(plot: pg.PlotItem, left_text: str = style.MUTED) -> None:
    """The left and bottom axes of ``plot``: grid-coloured lines, labels in ``left_text`` (left)
    and muted (bottom), each kept as an image between changes."""
    for name in ("left", "bottom"):
        axis = plot.getAxis(name)
        axis.setPen(pg.mkPen(style.GRID))
        axis.setTextPen(pg.mkPen(left_text if name == "left" else style.MUTED))
        axis.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

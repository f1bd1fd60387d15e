"""One neuron's map, large on the canvas: what the network diagram shows while a neuron is
hovered or pinned.

Two items lent to the canvas (``CanvasView.add_overlay``), made once: the map as an image
over the visible plane, above the boundary and under the points, in the tile's colours paled
as the boundary's tint is (``style.MAX_TINT``), so that the points stay readable on it; and
a caption in the top-left corner naming the neuron. The map is computed at the canvas's
scale (OVERLAY_RESOLUTION cells along the longer side) in one pass of the grid, when shown,
when the canvas's range changes and when the network view refreshes it.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF

from playground import style
from playground.session import Session
from playground.views import network_style as ns

OVERLAY_RESOLUTION = 120
PALE_LUT = (255 - style.MAX_TINT * (255 - ns.SIGN_LUT.astype(np.float32))).astype(np.uint8)


class NeuronOverlay:
    def __init__(self, session: Session, canvas):
        self.session, self.canvas = session, canvas
        self.neuron: tuple[int, int, str] | None = None  # column, unit, how its map is scaled
        self.image = pg.ImageItem(axisOrder="row-major")
        self.caption = pg.TextItem(color=style.INK, fill=pg.mkBrush(255, 255, 255, 215),
                                   border=pg.mkPen(style.GRID), anchor=(0, 0))
        font = self.caption.textItem.font()
        font.setBold(True)
        self.caption.setFont(font)
        canvas.add_overlay(self.image)
        canvas.add_overlay(self.caption, above_points=True)
        self.hide()
        canvas.getViewBox().sigRangeChanged.connect(self.refresh)

    @property
    def shown(self) -> bool:
        return self.neuron is not None

    def show(self, column: int, unit: int, kind: str, caption: str) -> None:
        """Draw neuron ``unit`` of ``column`` (0: the inputs), its map scaled as ``kind`` says."""
        self.neuron = (column, unit, kind)
        self.caption.setText(caption)
        self.image.setVisible(True)
        self.caption.setVisible(True)
        self.refresh()

    def hide(self) -> None:
        self.neuron = None
        self.image.setVisible(False)
        self.caption.setVisible(False)

    def refresh(self, *_) -> None:
        """Recompute the map over the plane the canvas shows now."""
        if self.neuron is None:
            return
        column, unit, kind = self.neuron
        bounds = self.canvas.visible_bounds()
        x_min, x_max, y_min, y_max = bounds
        scale = OVERLAY_RESOLUTION / max(x_max - x_min, y_max - y_min)
        shape = (max(1, round((x_max - x_min) * scale)), max(1, round((y_max - y_min) * scale)))
        maps = self.session.neuron_maps(bounds, shape)[column][unit:unit + 1]
        rgba = PALE_LUT[ns.map_levels(maps, kind)[0]]
        self.image.setImage(rgba, autoLevels=False, levels=(0, 255))
        self.image.setRect(QRectF(x_min, y_min, x_max - x_min, y_max - y_min))
        self.caption.setPos(x_min, y_max)

    def map_image(self) -> np.ndarray:
        """The RGBA map shown now, (ny, nx, 4), row 0 at the bottom of the plane."""
        return self.image.image

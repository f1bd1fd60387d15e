"""Every neuron's map in one image: the tiles of the network diagram, painted in one go.

The image has the diagram's size in pixels; each tile is a square of ``layout.tile`` pixels
at its slot, upsampled (nearest sample) from the neuron's samples x samples map, y up. The
pixel-to-sample correspondence is worked out once per layout, so a refresh is one colour
lookup and one gather for all neurons. Everything outside the tiles stays transparent.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtGui import QImage

from playground.views.network_layout import Layout
from playground.views.network_style import SIGN_LUT


class NeuronAtlas:
    """``image``: (height, width, 4) RGBA, premultiplied (the tiles are opaque); ``qimage`` shows it."""

    def __init__(self, layout: Layout, width: int, height: int, samples: int):
        self.samples = samples
        self.image = np.zeros((max(height, 1), max(width, 1), 4), np.uint8)
        self.qimage = QImage(self.image.data, self.image.shape[1], self.image.shape[0],
                             self.image.strides[0], QImage.Format.Format_RGBA8888_Premultiplied)
        slots = np.concatenate([column.slots for column in layout.columns]).astype(np.intp)
        s = layout.tile
        offsets = np.arange(s)
        sample = offsets * samples // s                      # tile pixel -> sample, along a side
        rows = slots[:, 1, None, None] + offsets[None, :, None]    # (n, s, 1)
        cols = slots[:, 0, None, None] + offsets[None, None, :]    # (n, 1, s)
        rows, cols = np.broadcast_arrays(rows, cols)
        inside = (rows < self.image.shape[0]) & (cols < self.image.shape[1]) & (rows >= 0) & (cols >= 0)
        k = np.broadcast_to(np.arange(len(slots))[:, None, None], rows.shape)
        source_row = np.broadcast_to((samples - 1 - sample)[None, :, None], rows.shape)  # y up
        source_col = np.broadcast_to(sample[None, None, :], rows.shape)
        self._destination = (rows * self.image.shape[1] + cols)[inside]
        self._source = ((k * samples + source_row) * samples + source_col)[inside]

    def paint(self, levels: np.ndarray) -> None:
        """levels (n_slots, samples, samples): SIGN_LUT indices, slot order, row 0 at y_min."""
        colours = SIGN_LUT[levels.reshape(-1)]
        self.image.reshape(-1, 4)[self._destination] = colours[self._source]

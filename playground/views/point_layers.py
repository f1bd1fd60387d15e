"""The points as every plot draws them: one spot layer per class and split, made once.

Training points are filled with the class colour, test points hollow; a view feeds
them coordinates with ``show`` (a plane, a feature plane or a hidden space).
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg

from playground import style
from playground.views.spot_layer import SpotLayer


class PointLayers:
    """``train[k]`` and ``test[k]``: the spot layers of class k (added to ``plot`` at depth ``z``
    and up: test points under training points), drawn only."""

    def __init__(self, plot: pg.PlotItem, z: float, size: float = style.POINT_SIZE):
        self.train: list[SpotLayer] = []
        self.test: list[SpotLayer] = []
        for color in style.CLASS_COLORS:
            hollow = pg.mkPen(color, width=style.TEST_POINT_PEN)
            self.test.append(SpotLayer(size, hollow, (255, 255, 255, 90)))
            self.train.append(SpotLayer(size, pg.mkPen("w", width=1.2), color))
        for i, item in enumerate([*self.test, *self.train]):
            item.setZValue(z + i / 100)
            item.setEnabled(False)
            plot.addItem(item)

    def show(self, x: np.ndarray, y: np.ndarray, labels: np.ndarray, is_test: np.ndarray) -> None:
        """Point i at (x[i], y[i]): x, y, labels, is_test all (N,)."""
        for k, (train_item, test_item) in enumerate(zip(self.train, self.test)):
            of_class = labels == k
            for item, shown in ((train_item, of_class & ~is_test), (test_item, of_class & is_test)):
                if shown.any() or item.isVisible():  # an empty layer that stays empty costs nothing
                    item.setData(x[shown], y[shown])
                    item.setVisible(bool(shown.any()))  # an empty layer still costs a paint

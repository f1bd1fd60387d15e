"""Class templates on the canvas: each class's weight vector as an arrow from the origin.

For a linear model (a linear classifier, or a network with linear activations, through
its single equivalent layer) row k of W, restricted to the x1 and x2 inputs, is class
k's template: the direction in the plane its score grows fastest. Each is drawn in the
class colour and labelled with the class; with two classes also w_B - w_A, the normal
of the boundary, drawn from the boundary when the model sees only x1 and x2. The arrows
follow training live. All arrows share one scale (1, 2 or 5 times a power of ten, named
in the caption) so the longest fits the plane.

``action`` (checkable, key T) shows and hides them. Listens to: session.stats_changed,
session.settings_changed, session.points_changed. Emits nothing.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

from playground import style
from playground.session import Session
from playground.views.canvas import CanvasView
from playground.views.linear_map import nice_ceiling

LONGEST = 1.0      # plane units: the longest arrow is drawn at most this long
SHAFT_WIDTH = 3.0
HEAD_LENGTH = 16  # pixels
HEAD = {"tipAngle": 32, "pen": None, "pxMode": True}
LABEL_FILL = pg.mkBrush(255, 255, 255, 200)
DIFFERENCE = len(style.CLASS_COLORS)  # the slot after the classes': w_B - w_A


class TemplateArrows(QObject):
    """``vectors``: the (K, 2) weight rows drawn now (x1 and x2 columns of W; none if hidden),
    ``scale``: how much they are shortened on the plane."""

    def __init__(self, session: Session, canvas: CanvasView, parent: QObject | None = None):
        super().__init__(parent)
        self.session, self.canvas = session, canvas
        self.vectors, self.scale = np.zeros((0, 2)), 1.0
        self.action = QAction(parent, checkable=True)
        self.action.setShortcut(QKeySequence("T"))
        self.action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self._name_action()
        colors = (*style.CLASS_COLORS, style.INK)  # the classes, then the difference w_B - w_A
        self.shafts = [pg.PlotCurveItem(pen=pg.mkPen(c, width=SHAFT_WIDTH)) for c in colors]
        self.shafts[-1].setPen(pg.mkPen(style.INK, width=2, style=Qt.PenStyle.DashLine))
        self.heads = [pg.ArrowItem(brush=c, **HEAD) for c in colors]
        self.labels = [pg.TextItem(color=c, fill=LABEL_FILL) for c in colors]
        self.caption = pg.TextItem(color=style.INK, fill=LABEL_FILL, anchor=(0, 1))  # bottom left: the
        # top of the plane is where the lesson caption and the divergence banner go
        self._arrows = list(zip(self.shafts, self.heads, self.labels))
        for item in (*self.shafts, *self.heads, *self.labels, self.caption):
            item.setVisible(False)
            canvas.add_overlay(item, above_points=True)
        self.action.toggled.connect(self.refresh)
        for signal in (session.stats_changed, session.settings_changed, session.points_changed):
            signal.connect(self.refresh)
        canvas.getViewBox().sigRangeChanged.connect(self._place_caption)

    def _name_action(self) -> None:
        self.action.setText(self.tr("Class templates"))
        self.action.setToolTip(self.tr("Draw each class's weight vector on the canvas (T)"))

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LanguageChange:  # (passed on by the window, its parent)
            self._name_action()
            self.refresh()
        return super().event(event)

    def refresh(self, *_) -> None:
        if not self.action.isChecked():
            if self.caption.isVisible():  # just switched off
                self._draw([])
                self.caption.setVisible(False)
            return
        found = self.session.linear_map()
        features = self.session.settings.model.features
        columns = [features.index(name) if name in features else None for name in ("x1", "x2")]
        if found is None or columns == [None, None]:
            self.vectors = np.zeros((0, 2))
            self._draw([])
            self._caption(self.tr("Class templates: for a linear model only") if found is None else
                          self.tr("Class templates: no x\u2081 or x\u2082 here (see Templates and W)"))
            return
        w = np.column_stack([found.W[:, c] if c is not None else np.zeros(len(found.W)) for c in columns])
        self.vectors = w
        longest = float(np.hypot(w[:, 0], w[:, 1]).max())
        self.scale = 1.0 if longest <= LONGEST else 1.0 / nice_ceiling(longest / LONGEST)
        names = self.session.class_names
        arrows = [(k, np.zeros(2), self.scale * w[k], names[k]) for k in range(len(w))]
        if len(w) == 2:
            difference = w[1] - w[0]
            foot = self._foot(difference, found.b[1] - found.b[0], features)
            arrows.append((DIFFERENCE, foot, foot + self.scale * difference,
                           f"{names[1]} \u2212 {names[0]}"))
        self._draw(arrows)
        self._caption(self.tr("Class templates: the rows of W for x\u2081, x\u2082") if self.scale == 1 else
                      self.tr("Class templates: the rows of W for x\u2081, x\u2082, drawn \u00d7{scale:g}")
                      .format(scale=self.scale))

    def _foot(self, normal: np.ndarray, offset: float, features) -> np.ndarray:
        """Where normal . x + offset = 0 comes nearest the origin, if the model sees only x1 and x2
        (the boundary is then that line) and it is on the plane; else the origin."""
        length2 = float(normal @ normal)
        if set(features) == {"x1", "x2"} and length2 > 0:
            foot = -offset * normal / length2
            x_min, x_max, y_min, y_max = style.PLANE
            if x_min < foot[0] < x_max and y_min < foot[1] < y_max:
                return foot
        return np.zeros(2)

    def _draw(self, arrows) -> None:
        """arrows: (slot, start, end, name) each, start and end plane points (2,); the other slots hide."""
        drawn = {slot: rest for slot, *rest in arrows}
        for slot, (shaft, head, label) in enumerate(self._arrows):
            for item in (shaft, head, label):
                item.setVisible(slot in drawn)
            if slot not in drawn:
                continue
            (x0, y0), (x1, y1), name = drawn[slot]
            shaft.setData([x0, x1], [y0, y1])
            dx, dy = x1 - x0, y1 - y0
            norm = math.hypot(dx, dy) or 1.0
            head.setStyle(angle=math.degrees(math.atan2(dy, -dx)),  # 0 points left; screen y is down
                          headLen=min(HEAD_LENGTH, 0.5 * norm / self.canvas.pixel_size()))
            head.setPos(x1, y1)
            label.setText(name)
            label.setAnchor((0.5 - 0.6 * dx / norm, 0.5 + 0.6 * dy / norm))  # beyond the tip
            label.setPos(x1, y1)

    def _caption(self, text: str) -> None:
        self.caption.setText(text)
        self.caption.setVisible(True)
        self._place_caption()

    def _place_caption(self, *_) -> None:
        x_min, _, y_min, _ = self.canvas.visible_bounds()
        self.caption.setPos(x_min, y_min)

"""What the mouse does on the canvas: add, brush, erase and move points.

Gestures arrive from the canvas in plane coordinates (it maps them); every
gesture becomes one undoable edit in the session.

- Add (default): click adds a point of the current class; right-click or
  shift-click adds one of the next class; drag a point to move it; click a
  point to select it (the backprop explorer follows the selected point).
- Brush: drag to spray points of the current class around the cursor.
- Erase: click or drag to remove the points under the circle.
- In any tool, ctrl-click on a point removes it.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt

from playground.messages import QT_TRANSLATE_NOOP
from playground.session import Session
from playground.views.canvas import CanvasView

TOOLS = ("add", "brush", "erase")
BRUSH_RADIUS = 0.08   # plane units: the brush's spray and the eraser's reach
HIT_PIXELS = 7        # how close (in pixels) a click must be to grab a point
SPRAY_PER_STEP = 2    # points sprayed each time the brush moves half its radius
# The gestures, named as undo names their edits (English; the window shows them translated).
MOVE = QT_TRANSLATE_NOOP("Edits", "Move point")
STROKE = QT_TRANSLATE_NOOP("Edits", "Brush stroke")
ERASE = QT_TRANSLATE_NOOP("Edits", "Erase points")


class CanvasTools:
    """Turns clicks and drags on ``canvas`` into session edits.

    Grabbing a point feels the same at any window size (the reach is in
    pixels); points may be placed anywhere the canvas shows.

    Listens to: canvas.clicked, canvas.drag_started, canvas.dragged, canvas.drag_finished.
    """

    def __init__(self, session: Session, canvas: CanvasView):
        self.session = session
        self.canvas = canvas
        canvas.clicked.connect(self.click)
        canvas.drag_started.connect(self.press)
        canvas.dragged.connect(self.drag)
        canvas.drag_finished.connect(self.release)
        self.tool = "add"
        self.new_points_are_test = False
        self._gesture: str | None = None
        self._moving: int | None = None
        self._last_spray: np.ndarray | None = None
        self._rng = np.random.default_rng()

    def set_tool(self, tool: str) -> None:
        """'add', 'brush' or 'erase'; the brush and the eraser show their reach on the canvas."""
        if tool not in TOOLS:
            raise ValueError(f"unknown tool {tool!r}")
        self.tool = tool
        self.canvas.show_reach(BRUSH_RADIUS if tool in ("brush", "erase") else None)

    # --------------------------------------------------------------- clicks
    def click(self, xy, button, modifiers) -> None:
        xy = np.asarray(xy, dtype=float)
        if modifiers & Qt.KeyboardModifier.ControlModifier:
            hit = self._point_under(xy)
            if hit is not None:
                self.session.remove_points([hit], QT_TRANSLATE_NOOP("Edits", "Erase point"))
            return
        if not self._inside(xy):
            return
        if self.tool == "erase":
            self.session.remove_points(self._points_within(xy), ERASE)
        elif self.tool == "brush":
            self.session.add_points(self._spray(xy), is_test=self.new_points_are_test,
                                     text=QT_TRANSLATE_NOOP("Edits", "Brush"))
        elif (hit := self._point_under(xy)) is not None:
            self.session.select_point(hit)
        else:
            shifted = button == Qt.MouseButton.RightButton or modifiers & Qt.KeyboardModifier.ShiftModifier
            label = (self.session.current_class + 1) % self.session.n_classes if shifted else None
            self.session.add_points([xy], label, is_test=self.new_points_are_test)

    # -------------------------------------------------------------- drags
    def press(self, xy, button, modifiers) -> None:
        xy = np.asarray(xy, dtype=float)
        self._gesture = None
        if button != Qt.MouseButton.LeftButton:
            return
        if self.tool == "add":
            self._moving = self._point_under(xy)
            if self._moving is None:
                return
            self._gesture = MOVE
        elif self.tool == "brush":
            self._gesture = STROKE
            self._last_spray = None
        else:
            self._gesture = ERASE
        self.session.begin_stroke(self._gesture)
        self.drag(xy)

    def drag(self, xy) -> None:
        xy = np.asarray(xy, dtype=float)
        if self._gesture == MOVE:
            self.session.stroke_move(self._moving, self._clip(xy))
        elif self._gesture == STROKE and self._inside(xy):
            self._spray_along(xy)
        elif self._gesture == ERASE:
            hits = self._points_within(xy)
            if len(hits):
                self.session.stroke_remove(hits)

    def release(self) -> None:
        if self._gesture:
            self.session.end_stroke(self._gesture)
        self._gesture = None
        self._moving = None

    # ------------------------------------------------------------ helpers
    def _point_under(self, xy) -> int | None:
        return self.session.point_near(xy, HIT_PIXELS * self.canvas.pixel_size())

    def _points_within(self, xy) -> np.ndarray:
        return self.session.points_within(xy, BRUSH_RADIUS)

    def _spray_along(self, xy) -> None:
        """Spray every half radius from the last spray to xy: even however fast the stroke."""
        if self._last_spray is None:
            stops = [xy]
        else:
            offset = xy - self._last_spray
            distance = np.hypot(*offset)
            spacing = BRUSH_RADIUS / 2
            stops = [self._last_spray + offset * (i * spacing / distance)
                     for i in range(1, int(distance // spacing) + 1)]
            if not stops:
                return
        self._last_spray = stops[-1]
        self.session.stroke_add(np.concatenate([self._spray(stop) for stop in stops]),
                                is_test=self.new_points_are_test)

    def _spray(self, xy) -> np.ndarray:
        """SPRAY_PER_STEP points scattered around xy, kept on the plane.  -> (M, 2)"""
        return self._clip(xy + self._rng.normal(scale=BRUSH_RADIUS / 2, size=(SPRAY_PER_STEP, 2)))

    def _inside(self, xy) -> bool:
        x_min, x_max, y_min, y_max = self.canvas.visible_bounds()
        return x_min <= xy[0] <= x_max and y_min <= xy[1] <= y_max

    def _clip(self, xy) -> np.ndarray:
        x_min, x_max, y_min, y_max = self.canvas.visible_bounds()
        return np.clip(xy, [x_min, y_min], [x_max, y_max])

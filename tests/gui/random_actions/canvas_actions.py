"""Actions on the canvas: clicks, drags and brush strokes on its viewport, the tools, test points.

Positions are drawn in plane units, a little beyond the plane's edges too (the canvas
shows a margin, and a click there must do no harm). Nothing happens when the canvas is out
of sight (another centre tab in front): a person cannot click it then.
"""

from __future__ import annotations

from .gestures import click, drag, focused, hover, in_sight, key, wheel
from .registry import action

REACH = 1.3  # plane units either side of the centre: past the plane's edge (1)


def _xy(p) -> tuple[float, float]:
    return p.uniform(-REACH, REACH), p.uniform(-REACH, REACH)


def _near_point(h, p) -> tuple[float, float]:
    """An existing point's position (a random one when there is none)."""
    points = h.w.session.points
    if not len(points):
        return _xy(p)
    x, y = points[p.index(len(points))]
    return float(x), float(y)


@action(8)
def canvas_click(h, p) -> str:
    x, y = _xy(p)
    button, modifier = p.choice(("left", "left", "right")), p.choice(("none", "none", "shift", "ctrl"))
    canvas = h.w.canvas
    if not in_sight(canvas):
        return "no click: the canvas is out of sight"
    click(canvas.viewport(), canvas.to_widget(x, y), button, modifier)
    return f"{modifier}-{button}-click the canvas at ({x}, {y})"


@action(4)
def canvas_click_point(h, p) -> str:
    """Click on a point: select it (add tool), erase it (ctrl, or the eraser)."""
    x, y = _near_point(h, p)
    modifier = p.choice(("none", "ctrl"))
    canvas = h.w.canvas
    if not in_sight(canvas):
        return "no click: the canvas is out of sight"
    click(canvas.viewport(), canvas.to_widget(x, y), "left", modifier)
    return f"{modifier}-click the point at ({x:.3f}, {y:.3f})"


@action(5)
def canvas_drag(h, p) -> str:
    """A drag with the current tool: from a point (moves it) or from anywhere, through a few stops."""
    start = _near_point(h, p) if p.chance(0.5) else _xy(p)
    path = [start] + [_xy(p) for _ in range(p.integer(1, 5))]
    button = p.choice(("left", "left", "right"))
    canvas = h.w.canvas
    if not in_sight(canvas):
        return "no drag: the canvas is out of sight"
    drag(canvas.viewport(), [canvas.to_widget(x, y) for x, y in path], button)
    return f"{button}-drag with the {h.w.tools.tool} tool through {len(path)} stops from {start}"


@action(4)
def brush_stroke(h, p) -> str:
    """Choose the brush and spray a stroke."""
    path = [_xy(p) for _ in range(p.integer(2, 6))]
    h.w.actions.tools["brush"].trigger()
    canvas = h.w.canvas
    if not in_sight(canvas):
        return "brush chosen; no stroke: the canvas is out of sight"
    drag(canvas.viewport(), [canvas.to_widget(x, y) for x, y in path])
    return f"brush stroke through {len(path)} stops from {path[0]}"


INTERRUPTIONS = ("Ctrl+Z", "Ctrl+Shift+Z", "Ctrl+N", "Space", "R", "S", "2", "Delete", "Escape",
                 "remove class", "add class", "wait")


@action(3)
def canvas_drag_interrupted(h, p) -> str:
    """A drag with the current tool, cut into halfway: a key (undo, play, reset, a class), a class
    added or removed, or training going on for a moment."""
    start = _near_point(h, p) if p.chance(0.5) else _xy(p)
    path = [start] + [_xy(p) for _ in range(p.integer(2, 5))]
    what = p.choice(INTERRUPTIONS)
    data = h.w.views["data"]

    def meanwhile() -> None:
        if what == "wait":
            h.wait(50)
        elif what.endswith("class"):
            (data.remove_class if what.startswith("remove") else data.add_class).click()
        else:
            key(focused(h.w), what)

    canvas = h.w.canvas
    if not in_sight(canvas):
        return "no drag: the canvas is out of sight"
    drag(canvas.viewport(), [canvas.to_widget(x, y) for x, y in path], meanwhile=meanwhile)
    return f"drag with the {h.w.tools.tool} tool through {len(path)} stops from {start}, {what} halfway"


@action(1)
def canvas_wheel(h, p) -> str:
    x, y = _xy(p)
    steps = p.choice((-3, -1, 1, 3))
    canvas = h.w.canvas
    if in_sight(canvas):
        wheel(canvas.viewport(), canvas.to_widget(x, y), steps)
    return f"wheel {steps} over the canvas at ({x}, {y})"


@action(1)
def canvas_hover(h, p) -> str:
    x, y = _xy(p)
    canvas = h.w.canvas
    if in_sight(canvas):
        hover(canvas.viewport(), canvas.to_widget(x, y))
    return f"move the mouse over the canvas to ({x}, {y})"


@action(4)
def tool(h, p) -> str:
    name = p.choice(("add", "brush", "erase"))
    h.w.actions.tools[name].trigger()
    return f"choose the {name} tool"


@action(1)
def test_points(h, p) -> str:
    h.w.actions.test_points.trigger()
    return f"Test points {'on' if h.w.actions.test_points.isChecked() else 'off'}"

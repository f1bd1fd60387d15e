"""Actions on the views: the backprop explorer's sources, steps, slider and formula; the hidden
view's layer choice and preset; the spaces' tabs and axes; the network diagram; the gradient
check; and bringing a dock's tab to the front.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint

from .gestures import click, hover, in_sight, type_text, usable
from .registry import action

FORMULAS = (("(x + y) * z", "x=-2, y=5, z=-4"), ("exp(x) / (1 + exp(x))", "x=0.5"),
            ("max(x, y) * log(y)", "x=1, y=2"), ("x ** 3", "x=1e308"), ("log(x)", "x=-1"),
            ("(x + ", "x=1"), ("x * q", "x=1"), ("", ""), ("1 / x", "x=0"), ("x", "x=nan"),
            ("sigmoid(relu(tanh(x)))", "x=1e999"), ("x" * 300, "x=1"), ("((((((((((x))))))))))", "x=2"))


@action(2)
def explorer_source(h, p) -> str:
    sources = h.w.views["backprop"].sources
    name = p.choice(tuple(sources))
    if not usable(h.w.views["backprop"]):
        return "Backprop: out of sight"
    sources[name].trigger()
    return f"Backprop: source {name}"


@action(3)
def explorer_step(h, p) -> str:
    explorer = h.w.views["backprop"]
    how = p.choice(("reset", "back", "forward", "forward", "play", "slider"))
    widget = explorer.slider if how == "slider" else getattr(explorer, f"{how}_button")
    if how == "slider":
        value = p.integer(widget.minimum() - 1, widget.maximum() + 1)
    if not usable(widget):
        return f"Backprop: {how} not available now"
    if how == "slider":
        widget.setValue(value)
        return f"Backprop: slider to {value}"
    widget.click()
    return f"Backprop: {how} (position {explorer.position})"


@action(1)
def explorer_formula(h, p) -> str:
    bar = h.w.views["backprop"].formula_bar
    formula, values = p.choice(FORMULAS)
    if not usable(bar.formula):
        return "Backprop: the formula is not available now"
    type_text(bar.formula, formula, commit=False)
    type_text(bar.values, values)
    return f"Backprop: f = {formula[:40]!r} at {values!r}"


@action(1)
def explorer_point(h, p) -> str:
    explorer = h.w.views["backprop"]
    how = p.choice(("point", "refresh", "numbers"))
    widget = {"point": explorer.point, "refresh": explorer.refresh, "numbers": explorer.numbers_button}[how]
    if how == "point":
        value = p.integer(widget.minimum(), widget.maximum() + 2)
    if not usable(widget):
        return f"Backprop: {how} not available now"
    if how == "point":
        widget.setValue(value)
        return f"Backprop: point {widget.value()}"
    widget.click()
    return f"Backprop: {how}"


@action(2)
def hidden_layer(h, p) -> str:
    hidden = h.w.views["spaces"].hidden
    preset, choice = p.chance(0.2), p.integer(0, 99)
    if not usable(hidden.preset if preset else hidden.layer):
        return "Hidden space: not available now"
    if preset:
        hidden.preset.click()
        return "Hidden space: XOR preset"
    index = choice % hidden.layer.count()
    hidden.layer.setCurrentIndex(index)
    return f"Hidden space: {hidden.layer.itemText(index)}"


@action(1)
def spaces_page(h, p) -> str:
    spaces = h.w.views["spaces"]
    how, choice = p.choice(("tab", "x axis", "y axis")), p.integer(0, 99)
    if not usable(spaces):
        return "Spaces: out of sight"
    if how == "tab":
        index = choice % spaces.count()
        spaces.setCurrentIndex(index)
        return f"Spaces: tab {spaces.tabText(index)}"
    box = spaces.features.x_axis if how == "x axis" else spaces.features.y_axis
    index = choice % box.count()
    box.setCurrentIndex(index)
    return f"Feature space: {how} {box.itemText(index)}"


@action(2)
def network_diagram(h, p) -> str:
    """Hover or click (pin) a neuron or an edge, or switch gradient flow."""
    network = h.w.views["network"]
    how = p.choice(("hover", "click", "click", "gradient flow"))
    fx, fy = p.uniform(0, 1), p.uniform(0, 1)
    if how == "gradient flow":
        if not usable(network.gradient_toggle):
            return "Network: out of sight"
        network.gradient_toggle.click()
        return f"Network: gradient flow {'on' if network.gradient_mode else 'off'}"
    diagram = network.diagram
    if not in_sight(diagram):
        return "Network: out of sight"
    pos = QPoint(int(fx * diagram.width()), int(fy * diagram.height()))
    hover(diagram, pos) if how == "hover" else click(diagram, pos)
    return f"Network: {how} at ({fx}, {fy}) of the diagram"


@action(1)
def gradient_check(h, p) -> str:
    button = h.w.views["gradient_check"].button
    if not usable(button):
        return "Gradient check: not available now"
    button.click()
    return "Gradient check: Check the gradients"


@action(2)
def dock_tab(h, p) -> str:
    """Bring a dock to the front of its tab group (a click on its tab)."""
    keys = sorted(h.w.docks)
    name = keys[p.index(len(keys))]
    h.w.docks[name].raise_()
    return f"bring the {name} dock to the front"

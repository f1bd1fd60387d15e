"""The window's views and panels, as a list: a new view plugs in with one entry here.

Each ``ViewSpec`` says how to make the widget, ``factory(session, context)``;
its title (the dock's title and its entry in the View menu); and where it goes:

    "left", "right", "bottom"   a dock in that area, below the ones listed before it
                                (or, with ``tab_with``, a tab of that view's dock)
    "centre"                    a tab beside the canvas (for views that need room)

``ViewContext`` is what the window lends a view besides the session: the
canvas (to show something large on it, such as one neuron's map) and the
runner (to pause training while a view steps through a computation).
The window builds every entry; it has no layout code of its own for them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QWidget

from playground.controllers.runner import Runner
from playground.messages import QT_TRANSLATE_NOOP
from playground.panels.data_panel import DataPanel
from playground.panels.model_panel import ModelPanel
from playground.panels.training_panel import TrainingPanel
from playground.session import Session
from playground.views.backprop_explorer import BackpropExplorer
from playground.views.canvas import CanvasView
from playground.views.charts import TrainingCharts
from playground.views.gradient_charts import GradientCharts
from playground.views.gradient_check import GradientCheckPanel
from playground.views.network import NetworkView
from playground.views.spaces import SpacesView

AREAS = ("left", "right", "bottom", "centre")


@dataclass(frozen=True)
class ViewContext:
    canvas: CanvasView
    runner: Runner


@dataclass(frozen=True)
class ViewSpec:
    """``key`` names the view for good (tests, saved window layouts); ``scrolls``: the dock
    scrolls the widget when the window is too short for it (the control panels);
    ``tab_with``: the key of a dock listed before, to share its place as tabs (it stays in front);
    ``roomy``: a centre tab that takes the bottom dock area too while it shows (``CentreRoom``)."""

    key: str
    title: str
    factory: Callable[[Session, ViewContext], QWidget]
    area: str
    visible: bool = True
    scrolls: bool = False
    tab_with: str | None = None
    roomy: bool = False

    def __post_init__(self):
        if self.area not in AREAS:
            raise ValueError(f"{self.key}: area must be one of {', '.join(AREAS)}, not {self.area!r}")
        if self.tab_with is not None and self.area == "centre":
            raise ValueError(f"{self.key}: centre views are tabs already")
        if self.roomy and self.area != "centre":
            raise ValueError(f"{self.key}: only a centre tab takes the bottom area's room")


VIEWS: tuple[ViewSpec, ...] = (
    ViewSpec("data", QT_TRANSLATE_NOOP("Views", "Data"),
             lambda session, context: DataPanel(session), "left", scrolls=True),
    ViewSpec("model", QT_TRANSLATE_NOOP("Views", "Model"),
             lambda session, context: ModelPanel(session), "left", scrolls=True),
    ViewSpec("training", QT_TRANSLATE_NOOP("Views", "Training"),
             lambda session, context: TrainingPanel(session), "right", scrolls=True),
    ViewSpec("charts", QT_TRANSLATE_NOOP("Views", "Loss and accuracy"),
             lambda session, context: TrainingCharts(session), "right"),
    ViewSpec("gradients", QT_TRANSLATE_NOOP("Views", "Gradients"),
             lambda session, context: GradientCharts(session), "right", tab_with="charts"),
    ViewSpec("network", QT_TRANSLATE_NOOP("Views", "Network"),
             lambda session, context: NetworkView(session, context.canvas, context.runner), "bottom"),
    ViewSpec("spaces", QT_TRANSLATE_NOOP("Views", "Feature and hidden space"),
             lambda session, context: SpacesView(session), "bottom", tab_with="network"),
    ViewSpec("gradient_check", QT_TRANSLATE_NOOP("Views", "Gradient check"),
             lambda session, context: GradientCheckPanel(session), "bottom", tab_with="network"),
    ViewSpec("backprop", QT_TRANSLATE_NOOP("Views", "Backprop"),
             lambda session, context: BackpropExplorer(session, context), "centre", roomy=True),
)

"""Every action the random run may take, by name (see ``registry``), from the modules below."""

from . import canvas_actions, panel_actions, view_actions, window_actions  # noqa: F401 (they register)
from .registry import CATALOGUE

__all__ = ["CATALOGUE"]

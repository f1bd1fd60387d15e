"""The action registry: ``@action(weight)`` adds a function to ``CATALOGUE`` under its name.

An action is ``act(h, p) -> str``: it does one thing a person does in the window ``h.w``
through its widgets (``h`` is the ``Harness``), drawing every choice from ``p`` (``Params``),
and says what it did in a few words. ``weight``: how often the random run picks it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Action:
    name: str
    weight: float
    act: Callable


CATALOGUE: dict[str, Action] = {}


def action(weight: float):
    def register(act: Callable) -> Callable:
        CATALOGUE[act.__name__] = Action(act.__name__, weight, act)
        return act
    return register

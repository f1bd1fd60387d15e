"""The points as one immutable value: what the session makes current, and what edits change."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from engine.datasets import MAX_CLASSES
from engine.scenario import DEFAULT_CLASS_NAMES
from engine.settings import DataSettings


@dataclass(frozen=True)
class PointsState:
    """points: (N, 2), labels: (N,) int, is_test: (N,) bool, K class names, the generator's settings,
    and whether the points are the generator's own (no edit by hand since). The arrays are never
    changed in place: an edit (``playground.point_changes``) makes a new state."""

    points: np.ndarray
    labels: np.ndarray
    is_test: np.ndarray
    class_names: tuple[str, ...]
    data: DataSettings
    generated: bool = False


def unused_class_name(names) -> str:
    """The first default class name ("A", "B", ...) not in ``names``."""
    return next(n for n in (*DEFAULT_CLASS_NAMES, *map(str, range(MAX_CLASSES + 1))) if n not in names)


def data_for_classes(data: DataSettings, class_names) -> DataSettings:
    """The generator's settings, its class count lowered to the number of names if above it
    (a scenario must name every class its generator makes)."""
    return data if data.classes <= len(class_names) else data.replace(classes=len(class_names))

"""What a point edit changes, as one immutable value: an undo step keeps the one before and after."""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from engine.datasets import MAX_CLASSES
from engine.scenario import DEFAULT_CLASS_NAMES
from engine.settings import DataSettings


@dataclass(frozen=True)
class PointsState:
    """points: (N, 2), labels: (N,) int, is_test: (N,) bool, K class names, the generator's settings,
    and whether the points are the generator's own (no edit by hand since).

    Every method returns a new state; none changes this one. Every edit is by hand.
    """

    points: np.ndarray
    labels: np.ndarray
    is_test: np.ndarray
    class_names: tuple[str, ...]
    data: DataSettings
    generated: bool = False

    def with_points(self, xy, label: int, is_test: bool) -> PointsState:
        """These points plus xy (M, 2), all of class ``label``, test points if ``is_test``."""
        xy = np.asarray(xy, dtype=float).reshape(-1, 2)
        return replace(self, generated=False, points=np.concatenate([self.points, xy]),
                       labels=np.concatenate([self.labels, np.full(len(xy), label)]),
                       is_test=np.concatenate([self.is_test, np.full(len(xy), is_test)]))

    def without(self, indices) -> PointsState:
        """These points but those at ``indices``."""
        keep = np.ones(len(self.points), bool)
        keep[np.asarray(indices, dtype=int)] = False
        return replace(self, generated=False, points=self.points[keep], labels=self.labels[keep],
                       is_test=self.is_test[keep])

    def moved(self, index: int, xy) -> PointsState:
        points = self.points.copy()
        points[index] = xy
        return replace(self, generated=False, points=points)

    def with_new_class(self) -> PointsState:
        """One more, empty class, with the first unused default name."""
        return replace(self, generated=False,
                       class_names=(*self.class_names, unused_class_name(self.class_names)))

    def without_class(self, k: int) -> PointsState:
        """Class k and its points gone; later classes move down one."""
        keep = self.labels != k
        labels = self.labels[keep]
        names = tuple(n for i, n in enumerate(self.class_names) if i != k)
        return replace(self, generated=False, points=self.points[keep],
                       labels=np.where(labels > k, labels - 1, labels),
                       is_test=self.is_test[keep], class_names=names, data=data_for_classes(self.data, names))

    def same_points(self, other: PointsState) -> bool:
        """Whether the points, labels, split and class names are equal (the generator aside)."""
        return (np.array_equal(self.points, other.points) and np.array_equal(self.labels, other.labels)
                and np.array_equal(self.is_test, other.is_test) and self.class_names == other.class_names)


def unused_class_name(names) -> str:
    """The first default class name ("A", "B", ...) not in ``names``."""
    return next(n for n in (*DEFAULT_CLASS_NAMES, *map(str, range(MAX_CLASSES + 1))) if n not in names)


def data_for_classes(data: DataSettings, class_names) -> DataSettings:
    """The generator's settings, its class count lowered to the number of names if above it
    (a scenario must name every class its generator makes)."""
    return data if data.classes <= len(class_names) else data.replace(classes=len(class_names))

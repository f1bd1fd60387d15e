"""Seeded 2D toy datasets in the square [-1, 1]^2, and the train/test split.

Every generator takes (n_points, noise, n_classes, rng) and returns
points (N, 2) float64 and labels (N,) int. Labels are decided before the noise
is added, so noise makes classes overlap instead of moving the truth. ``noise``
is the standard deviation of that jitter, in plane units.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

Generator = Callable[[int, float, int, np.random.Generator], tuple[np.ndarray, np.ndarray]]


def _per_class(n_points: int, n_classes: int) -> list[int]:
    """Split n_points as evenly as possible over the classes."""
    base, extra = divmod(n_points, n_classes)
    return [base + (k < extra) for k in range(n_classes)]


def _away_from_axes(rng, n: int) -> np.ndarray:
    """Uniform points in [-1, 1]^2 kept 0.05 clear of the axes."""
    magnitude = rng.uniform(0.05, 1.0, size=(n, 2))
    return magnitude * rng.choice([-1.0, 1.0], size=(n, 2))


def xor(n_points, noise, n_classes, rng):
    """Class 1 where x1 and x2 share a sign: no straight line separates it."""
    points = _away_from_axes(rng, n_points)
    labels = (points[:, 0] * points[:, 1] > 0).astype(int)
    return points, labels


def circles(n_points, noise, n_classes, rng):
    """Concentric rings, one per class, class 0 in the middle."""
    points, labels = [], []
    for k, n in enumerate(_per_class(n_points, n_classes)):
        inner, outer = k / n_classes, (k + 0.7) / n_classes
        radius = np.sqrt(rng.uniform(inner**2, outer**2, n))  # uniform over the ring's area
        angle = rng.uniform(0, 2 * np.pi, n)
        points.append(np.column_stack([radius * np.cos(angle), radius * np.sin(angle)]))
        labels.append(np.full(n, k))
    return np.concatenate(points), np.concatenate(labels)


def moons(n_points, noise, n_classes, rng):
    """Two interleaving half circles."""
    n0, n1 = _per_class(n_points, 2)
    t0, t1 = rng.uniform(0, np.pi, n0), rng.uniform(0, np.pi, n1)
    upper = np.column_stack([np.cos(t0), np.sin(t0)])
    lower = np.column_stack([1 - np.cos(t1), 0.5 - np.sin(t1)])
    points = (np.concatenate([upper, lower]) - [0.5, 0.25]) * 0.65
    return points, np.repeat([0, 1], [n0, n1])


def spiral(n_points, noise, n_classes, rng):
    """K interleaved spiral arms (the CS231n spiral)."""
    points, labels = [], []
    for k, n in enumerate(_per_class(n_points, n_classes)):
        radius = rng.uniform(0.05, 1.0, n)
        angle = 2 * np.pi * k / n_classes + 4.0 * radius
        points.append(np.column_stack([radius * np.sin(angle), radius * np.cos(angle)]))
        labels.append(np.full(n, k))
    return np.concatenate(points), np.concatenate(labels)


def gaussians(n_points, noise, n_classes, rng):
    """K round blobs, their centres evenly spaced on a circle."""
    points, labels = [], []
    for k, n in enumerate(_per_class(n_points, n_classes)):
        angle = 2 * np.pi * k / n_classes + np.pi / 4
        centre = 0.55 * np.array([np.cos(angle), np.sin(angle)])
        points.append(centre + 0.15 * rng.standard_normal((n, 2)))
        labels.append(np.full(n, k))
    return np.concatenate(points), np.concatenate(labels)


def linear(n_points, noise, n_classes, rng):
    """K parallel bands across a random direction: separable by straight lines."""
    points = rng.uniform(-1, 1, size=(n_points, 2))
    angle = rng.uniform(0, np.pi)
    along = points @ np.array([np.cos(angle), np.sin(angle)])
    edges = np.quantile(along, np.linspace(0, 1, n_classes + 1)[1:-1]) if n_points else []
    return points, np.searchsorted(edges, along)


def checkerboard(n_points, noise, n_classes, rng):
    """A 4 x 4 board; square (i, j) has class (i + j) mod K."""
    points = rng.uniform(-1, 1, size=(n_points, 2))
    cells = np.clip(((points + 1) * 2).astype(int), 0, 3)
    return points, (cells[:, 0] + cells[:, 1]) % n_classes


@dataclass(frozen=True)
class DatasetInfo:
    """A generator and how many classes it can make (its description is in playground.messages)."""

    generate: Generator
    min_classes: int
    max_classes: int


MAX_CLASSES = 5

DATASETS: dict[str, DatasetInfo] = {
    "xor": DatasetInfo(xor, 2, 2),
    "circles": DatasetInfo(circles, 2, MAX_CLASSES),
    "moons": DatasetInfo(moons, 2, 2),
    "spiral": DatasetInfo(spiral, 2, MAX_CLASSES),
    "gaussians": DatasetInfo(gaussians, 2, MAX_CLASSES),
    "linear": DatasetInfo(linear, 2, MAX_CLASSES),
    "checkerboard": DatasetInfo(checkerboard, 2, MAX_CLASSES),
}


def generate(name: str, n_points: int, noise: float, n_classes: int, seed: int):
    """Points (N, 2) float64 and labels (N,) int from the named generator.

    The same arguments always give the same points.
    """
    info = DATASETS[name]
    if not info.min_classes <= n_classes <= info.max_classes:
        raise ValueError(f"{name}: {n_classes} classes is outside {info.min_classes}..{info.max_classes}")
    rng = np.random.default_rng(seed)
    points, labels = info.generate(n_points, noise, n_classes, rng)
    if noise:
        points = points + noise * rng.standard_normal(points.shape)
    return np.asarray(points, dtype=np.float64).reshape(-1, 2), np.asarray(labels, dtype=int)


def split(n_points: int, test_fraction: float, seed: int, labels=None) -> np.ndarray:
    """is_test: (N,) bool with round(N * test_fraction) test points chosen at random.

    Given labels (N,), every class keeps at least one training point: a class that would
    be all test points gives its first-drawn one back to training (so a tiny dataset may
    hold out fewer points than asked).
    """
    rng = np.random.default_rng([seed, 1])
    order = rng.permutation(n_points)
    is_test = np.zeros(n_points, dtype=bool)
    is_test[order[: round(n_points * test_fraction)]] = True
    if labels is not None:
        labels = np.asarray(labels)[order]
        for k in np.unique(labels):
            drawn = order[labels == k]
            if is_test[drawn].all():
                is_test[drawn[0]] = False
    return is_test


def fixed_sample(n_points: int, most: int) -> np.ndarray:
    """Indices (M,), ascending, of at most ``most`` of n_points points: all of them, or a random
    sample that is the same every time for the same n_points (what a view or a measurement of a
    very large set uses, so it does not jump from one frame to the next)."""
    if n_points <= most:
        return np.arange(n_points)
    return np.sort(np.random.default_rng(0).choice(n_points, most, replace=False))

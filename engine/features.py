"""Input feature maps: what the model sees of a point (x1, x2).

A linear classifier draws a straight boundary in the space of its features; in
the (x1, x2) plane that boundary can curve. Circles become separable once the
model sees x1^2 and x2^2.

Points live in the square [-1, 1]^2 (give or take noise), so the sine
features use sin(pi x): one full period across the plane.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

# name -> map from coordinates (x1, x2), arrays (N,), to the feature (N,).
# The labels people read are made in playground.messages.
FEATURES: dict[str, Callable[[np.ndarray, np.ndarray], np.ndarray]] = {
    "x1": lambda x1, x2: x1,
    "x2": lambda x1, x2: x2,
    "x1^2": lambda x1, x2: x1 * x1,
    "x2^2": lambda x1, x2: x2 * x2,
    "x1x2": lambda x1, x2: x1 * x2,
    "sin_x1": lambda x1, x2: np.sin(np.pi * x1),
    "sin_x2": lambda x1, x2: np.sin(np.pi * x2),
    "r": lambda x1, x2: np.hypot(x1, x2),
    "theta": lambda x1, x2: np.arctan2(x2, x1),
}

DEFAULT_FEATURES = ("x1", "x2")


def feature_matrix(points: np.ndarray, names: Sequence[str], dtype=np.float64) -> np.ndarray:
    """points: (N, 2) -> features x batch (F, N), one row per named feature."""
    points = np.asarray(points, dtype=np.float64).reshape(-1, 2)
    x1, x2 = points[:, 0], points[:, 1]
    out = np.empty((len(names), len(points)), dtype=dtype)
    for row, name in enumerate(names):
        out[row] = FEATURES[name](x1, x2)
    return out


def grid_points(bounds: tuple[float, float, float, float], nx: int, ny: int) -> np.ndarray:
    """The centres of an nx x ny grid over bounds (x_min, x_max, y_min, y_max): (ny * nx, 2),
    row by row from y_min; point i * nx + j is (x_min + (j + 0.5) dx, y_min + (i + 0.5) dy)."""
    x_min, x_max, y_min, y_max = bounds
    xs = x_min + (np.arange(nx) + 0.5) * (x_max - x_min) / nx
    ys = y_min + (np.arange(ny) + 0.5) * (y_max - y_min) / ny
    return np.stack(np.meshgrid(xs, ys), axis=-1).reshape(-1, 2)

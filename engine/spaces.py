"""The spaces a model works in: feature space, hidden space, and the linear map it may collapse to.

Data for the views that show the lecture's first half (pure NumPy, shapes in
every docstring; nothing here draws or makes words):

- ``feature_plane``: the model's class probabilities over a plane of two features,
  when those are all the features it uses (its boundary can then be drawn there).
- ``hidden_space``: where the points and the input plane's grid lines land in a
  hidden layer -- the activations themselves for a layer of 1 or 2 units, else a
  PCA projection to 2D -- from one network pass; for the last hidden layer of 1 or
  2 units, the output layer as a straight-line classifier in those coordinates.
- ``linear_map``: the single layer (W, b) a model without a non-linearity equals,
  computed in float64, and how far its scores are from the network's.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from engine.features import feature_matrix
from engine.losses import softmax

GRID_LINES = 21     # input grid lines in each direction (x = const and y = const)
LINE_SAMPLES = 50   # points along each grid line
_RANGE_SAMPLES = 101


def grid_lines(bounds: tuple[float, float, float, float], n_lines: int = GRID_LINES,
               n_samples: int = LINE_SAMPLES) -> np.ndarray:
    """The grid of the plane bounds (x_min, x_max, y_min, y_max) as polylines (2 n_lines, n_samples, 2):
    first the lines x = const (bottom to top), then the lines y = const (left to right)."""
    x_min, x_max, y_min, y_max = bounds
    xs, ys = np.linspace(x_min, x_max, n_lines), np.linspace(y_min, y_max, n_lines)
    along_x, along_y = np.linspace(x_min, x_max, n_samples), np.linspace(y_min, y_max, n_samples)
    lines = np.empty((2 * n_lines, n_samples, 2))
    lines[:n_lines, :, 0] = xs[:, None]
    lines[:n_lines, :, 1] = along_y
    lines[n_lines:, :, 0] = along_x
    lines[n_lines:, :, 1] = ys[:, None]
    return lines


def cell_centres(bounds: tuple[float, float, float, float],
                 resolution: int | tuple[int, int]) -> tuple[np.ndarray, np.ndarray]:
    """x (nx,) and y (ny,) of the cell centres of a grid over bounds (x_min, x_max, y_min, y_max),
    resolution n or (nx, ny): cell i along x is at x_min + (i + 0.5) dx, as in ``Trainer.predict_grid``."""
    nx, ny = (resolution, resolution) if isinstance(resolution, int) else resolution
    x_min, x_max, y_min, y_max = bounds
    return (x_min + (np.arange(nx) + 0.5) * (x_max - x_min) / nx,
            y_min + (np.arange(ny) + 0.5) * (y_max - y_min) / ny)


# ------------------------------------------------------------------ feature space
def feature_range(name: str, bounds: tuple[float, float, float, float]) -> tuple[float, float]:
    """(low, high) of feature ``name`` over the plane bounds (x_min, x_max, y_min, y_max)."""
    x_min, x_max, y_min, y_max = bounds
    xs, ys = np.linspace(x_min, x_max, _RANGE_SAMPLES), np.linspace(y_min, y_max, _RANGE_SAMPLES)
    values = feature_matrix(np.stack(np.meshgrid(xs, ys), axis=-1).reshape(-1, 2), [name])[0]
    return float(values.min()), float(values.max())


def draws_in_plane(features: Sequence[str], axes: Sequence[str]) -> bool:
    """Whether a model of these input ``features`` is a function of the two ``axes`` alone."""
    return set(features) <= set(axes)


def feature_plane(model, features: Sequence[str], axes: Sequence[str],
                  bounds: tuple[float, float, float, float], resolution: int | tuple[int, int],
                  dtype=np.float32) -> np.ndarray | None:
    """Class probabilities (K, ny, nx) at the cell centres of a grid over the plane of features
    axes[0] (x) and axes[1] (y), bounds (x_min, x_max, y_min, y_max) in feature units; row i is
    y_min + (i + 0.5) dy. None when the model (inputs ``features``) uses a feature off the axes."""
    if not draws_in_plane(features, axes):
        return None
    u, v = cell_centres(bounds, resolution)
    nx, ny = len(u), len(v)
    plane = {axes[1]: np.repeat(v, nx), axes[0]: np.tile(u, ny)}  # x wins if both axes are one feature
    x = np.stack([plane[name] for name in features]).astype(dtype)
    with np.errstate(all="ignore"):
        return softmax(model.activations(x)[-1]).reshape(-1, ny, nx)


# ------------------------------------------------------------------- hidden space
@dataclass(frozen=True)
class HiddenSpace:
    """A hidden layer's view of the points and of the input grid, in 2D coordinates c = basis (h - mean).

    points: (2, N); lines: (2, L, S), polyline l is lines[:, l]; variance_kept: the share of
    the points' variance the coordinates keep (1 when exact); basis: (2, width), orthonormal
    rows; mean: (width,). ``output`` = (W (K, 2), b (K,)): the class scores W c + b as the
    output layer computes them from these coordinates, given for the last hidden layer when exact.
    """

    layer: int
    width: int
    points: np.ndarray
    lines: np.ndarray
    variance_kept: float
    basis: np.ndarray
    mean: np.ndarray
    output: tuple[np.ndarray, np.ndarray] | None

    @property
    def exact(self) -> bool:
        """The coordinates are the layer's activations themselves (1 or 2 units; one unit: c = (h, 0))."""
        return self.width <= 2


def hidden_space(model, features: Sequence[str], points: np.ndarray, lines: np.ndarray, layer: int,
                 previous: np.ndarray | None = None, dtype=np.float32) -> HiddenSpace:
    """Push points (N, 2) and grid polylines (L, S, 2) through the network in one pass and take hidden
    layer ``layer`` (1 = the first). A layer of more than 2 units is projected on the 2 principal axes
    of the points' activations (of the grid's, with fewer than 3 points); ``previous`` (2, width), the
    basis shown before, keeps each axis pointing the same way from one refresh to the next."""
    n_hidden = len(model.layers) - 1
    if not 1 <= layer <= n_hidden:
        raise ValueError(f"layer must be 1..{n_hidden}, not {layer}")
    points = np.asarray(points, dtype=np.float64).reshape(-1, 2)
    n = len(points)
    x = feature_matrix(np.concatenate([points, lines.reshape(-1, 2)]), features, dtype)
    with np.errstate(all="ignore"):
        h = model.activations(x)[layer - 1].astype(np.float64)  # (width, N + L S)
    width = h.shape[0]
    if width <= 2:
        basis, mean, kept = np.eye(2, width), np.zeros(width), 1.0
    else:
        basis, mean, kept = pca_2d(h[:, :n] if n >= 3 else h[:, n:], previous)
    c = basis @ (h - mean[:, None])
    output = None
    if layer == n_hidden and width <= 2:
        last = model.layers[-1]
        output = (last.W.data.astype(np.float64) @ basis.T, last.b.data.astype(np.float64)[:, 0])
    return HiddenSpace(layer, width, c[:, :n], c[:, n:].reshape(2, *lines.shape[:2]), kept,
                       basis, mean, output)


def pca_2d(h: np.ndarray, previous: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray, float]:
    """The two principal axes of h (D, N), D >= 2: basis (2, D) with orthonormal rows, mean (D,),
    and the share of the variance the projection basis (h - mean) keeps (1 when there is none).

    Each axis points the way of ``previous`` (2, D) when given, else so its largest component is positive.
    """
    mean = h.mean(axis=1) if h.shape[1] else np.zeros(h.shape[0])
    centred = h - mean[:, None]
    variance, axes = np.linalg.eigh(centred @ centred.T)  # ascending; (D, D): cheap for D <= 64
    basis = axes[:, :-3:-1].T.copy()
    variance = np.maximum(variance, 0.0)
    total = variance.sum()
    kept = float(variance[-2:].sum() / total) if total > 0 else 1.0
    if previous is not None and previous.shape == basis.shape:
        signs = np.sign(np.einsum("ij,ij->i", basis, previous))
    else:
        signs = np.sign(basis[np.arange(2), np.abs(basis).argmax(axis=1)])
    basis *= np.where(signs == 0, 1.0, signs)[:, None]
    return basis, mean, kept


# --------------------------------------------------------------------- still linear
@dataclass(frozen=True)
class LinearMap:
    """The one layer scores = W x + b that a model without a non-linearity is, in float64.

    W: (K, F), b: (K,); ``layers``: how many weight layers it stands for (1: a linear classifier,
    which is its own map); ``max_difference``: max |network scores - (W x + b)| over the points
    given, the network run in float64 on the same weights (0 with no points).
    """

    W: np.ndarray
    b: np.ndarray
    layers: int
    max_difference: float


def is_linear(model) -> bool:
    """A model without a non-linearity: a linear classifier, or any network with linear activations."""
    return len(model.layers) == 1 or model.activation == "linear"


def linear_map(model, x: np.ndarray) -> LinearMap | None:
    """The single equivalent layer of ``model`` and its largest score difference on inputs x (F, N);
    None for a model with a non-linear activation."""
    if not is_linear(model):
        return None
    if len(model.layers) == 1:
        w, b = model.layers[0].W.data.astype(np.float64), model.layers[0].b.data.astype(np.float64)
    else:
        w, b = model.collapsed()  # float64 products of the float32 weights, which float64 holds exactly
    x = np.asarray(x, dtype=np.float64)
    scores = x
    for layer in model.layers:  # the network itself, layer by layer, in float64
        scores = layer.W.data.astype(np.float64) @ scores + layer.b.data.astype(np.float64)
    difference = float(np.abs(scores - (w @ x + b)).max()) if x.shape[1] else 0.0
    return LinearMap(w, b[:, 0], len(model.layers), difference)


def affine_regions(w: np.ndarray, b: np.ndarray, bounds: tuple[float, float, float, float],
                   resolution: int | tuple[int, int]) -> np.ndarray:
    """Class probabilities softmax(w c + b) (K, ny, nx) at the cell centres of a grid over the 2D
    bounds (x_min, x_max, y_min, y_max); w: (K, 2), b: (K,). The regions of a linear classifier."""
    u, v = cell_centres(bounds, resolution)
    scores = w[:, 0, None, None] * u + w[:, 1, None, None] * v[:, None] + b[:, None, None]
    return softmax(scores.reshape(len(b), -1)).reshape(-1, len(v), len(u))

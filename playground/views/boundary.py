"""The decision boundary as pictures: a tinted heatmap and the lines where classes tie.

Pure NumPy, computed once per frame from ``Trainer.predict_grid``'s
probabilities (K, ny, nx); row i of the grid is y = y_min + (i + 0.5) dy.
"""

from __future__ import annotations

import numpy as np

from playground.style import CLASS_RGB, MAX_TINT


def colorize(probs: np.ndarray, max_tint: float = MAX_TINT) -> np.ndarray:
    """probs (K, ny, nx) -> RGB (ny, nx, 3) uint8.

    Hue = the winning class; saturation = confidence, from white where all
    classes tie to ``max_tint`` of the class colour where the model is certain.
    """
    k = probs.shape[0]
    winner = probs.argmax(axis=0)
    confidence = (probs.max(axis=0) - 1.0 / k) * (k / (k - 1.0))
    rgb = CLASS_RGB[winner]  # (ny, nx, 3) float32
    rgb -= 255
    rgb *= (max_tint * confidence)[..., None]
    rgb += 255
    return rgb.astype(np.uint8)


def margins(probs: np.ndarray) -> list[np.ndarray]:
    """One field per boundary family, zero exactly where two classes tie.

    Two classes: p1 - p0. More: for each class k, p_k minus the best other class;
    its zero line is the edge of class k's region.
    """
    if probs.shape[0] == 2:
        return [probs[1] - probs[0]]
    order = np.sort(probs, axis=0)
    best, second = order[-1], order[-2]
    return [p - np.where(p >= best, second, best) for p in probs]


def tie_lines(probs: np.ndarray, bounds) -> tuple[np.ndarray, np.ndarray]:
    """Segments where the winning class changes, for a line item with connect='pairs'.

    probs (K, ny, nx), bounds (x_min, x_max, y_min, y_max) -> x (2S,), y (2S,):
    segment s runs from (x[2s], y[2s]) to (x[2s+1], y[2s+1]).
    """
    parts = [zero_crossings(field) for field in margins(probs)]
    cols = np.concatenate([p[0] for p in parts])
    rows = np.concatenate([p[1] for p in parts])
    x_min, x_max, y_min, y_max = bounds
    ny, nx = probs.shape[1:]
    return (x_min + (cols + 0.5) * (x_max - x_min) / nx,
            y_min + (rows + 0.5) * (y_max - y_min) / ny)


def zero_crossings(field: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Marching squares for the level 0 of field (ny, nx), vectorised.

    Returns segment end points in grid units (column, row), two per segment.
    The edges of each cell where the sign changes are interpolated linearly; a
    cell with two crossings gets one segment, a saddle (four) gets two, split
    by the sign of its centre. Work is spent only on cells the line crosses.
    """
    positive = field > 0
    h = positive[:, :-1] != positive[:, 1:]  # horizontal edges (row i, columns j..j+1)
    v = positive[:-1, :] != positive[1:, :]  # vertical edges (column j, rows i..i+1)
    # Each cell's edges in the order bottom, right, top, left.
    crosses = np.stack([h[:-1], v[:, 1:], h[1:], v[:, :-1]])
    i, j = np.nonzero(crosses.any(axis=0))
    if not len(i):
        return np.zeros(0), np.zeros(0)
    crosses = crosses[:, i, j]  # (4, M) for the M cells the line passes
    f = field.astype(np.float64)
    bl, br, tl, tr = f[i, j], f[i, j + 1], f[i + 1, j], f[i + 1, j + 1]
    x, y = j.astype(np.float64), i.astype(np.float64)
    with np.errstate(divide="ignore", invalid="ignore"):  # only crossing edges are used
        xs = np.stack([x + bl / (bl - br), x + 1, x + tl / (tl - tr), x])
        ys = np.stack([y, y + br / (br - tr), y + 1, y + bl / (bl - tl)])
    cells = np.arange(len(i))
    saddle = crosses.all(axis=0)
    # Ordinary cells: join the first crossing edge to the last.
    first = crosses.argmax(axis=0)
    last = 3 - crosses[::-1].argmax(axis=0)
    # Saddles: if the centre differs from the bottom-left corner, that corner
    # is cut off (bottom-left, top-right); otherwise the bottom-right one is.
    centre = (bl + br + tl + tr) > 0
    cut_bottom_left = saddle & (centre != positive[i, j])
    first = np.where(saddle, 0, first)
    last = np.where(saddle, np.where(cut_bottom_left, 3, 1), last)
    start_x, start_y = xs[first, cells], ys[first, cells]
    end_x, end_y = xs[last, cells], ys[last, cells]
    if saddle.any():  # the second segment of each saddle: top edge to the other side
        s = cells[saddle]
        other = np.where(cut_bottom_left[saddle], 1, 3)
        start_x, start_y = np.r_[start_x, xs[2, s]], np.r_[start_y, ys[2, s]]
        end_x, end_y = np.r_[end_x, xs[other, s]], np.r_[end_y, ys[other, s]]
    return np.column_stack([start_x, end_x]).ravel(), np.column_stack([start_y, end_y]).ravel()

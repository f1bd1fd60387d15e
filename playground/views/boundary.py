"""The decision boundary as pictures: a tinted heatmap and the lines where classes tie.

Pure NumPy, computed once per frame from ``Trainer.predict_grid``'s
probabilities (K, ny, nx); row i of the grid is y = y_min + (i + 0.5) dy.
Both start from the class winning at each grid node: the heatmap is tinted
by its lead over the runner-up, the lines follow where it changes.
"""

from __future__ import annotations

import numpy as np

from playground.style import CLASS_RGB, MAX_TINT

# A grid cell's corners, as (row, column) offsets from its bottom-left node:
# bottom-left, bottom-right, top-left, top-right.
_CORNERS = ((0, 0), (0, 1), (1, 0), (1, 1))
# Its edges bottom, right, top, left as pairs of corners, each running left to
# right or bottom to top: the two cells sharing an edge compute the same crossing.
_EDGES = ((0, 1), (1, 3), (2, 3), (0, 2))


def colorize(probs: np.ndarray, max_tint: float = MAX_TINT) -> np.ndarray:
    """probs (K, ny, nx) -> RGB (ny, nx, 3) uint8.

    Hue = the winning class; saturation = its lead over the runner-up,
    p1 - p2: white exactly where two classes tie (so along every tie line,
    also where three meet), ``max_tint`` of the class colour where the winner
    is certain. For two classes the lead is 2 p_max - 1.
    """
    best = probs[0].copy()
    second = np.full_like(best, -np.inf)
    for p in probs[1:]:
        np.maximum(second, np.minimum(best, p), out=second)
        np.maximum(best, p, out=best)
    tint = max_tint * (best - second)
    winner = winners(probs, best)
    rgb = np.empty(winner.shape + (3,), np.uint8)
    for c in range(3):  # white minus the class colour's distance from white, scaled
        rgb[..., c] = 255 - (255 - CLASS_RGB[:, c]).take(winner) * tint
    return rgb


def winners(probs: np.ndarray, best: np.ndarray | None = None) -> np.ndarray:
    """The winning class (the first of equals), (ny, nx), for probs (K, ny, nx).

    best: probs.max(axis=0) if already known. (``argmax`` along the short
    class axis is several times slower.)
    """
    best = probs.max(axis=0) if best is None else best
    winner = np.zeros(best.shape, np.intp)
    for k in range(len(probs) - 1, -1, -1):
        np.copyto(winner, k, where=probs[k] == best)
    return winner


def tie_lines(probs: np.ndarray, bounds) -> tuple[np.ndarray, np.ndarray]:
    """Segments where the winning class changes, for a line item with connect='pairs'.

    probs (K, ny, nx), bounds (x_min, x_max, y_min, y_max) -> x (2S,), y (2S,):
    segment s runs from (x[2s], y[2s]) to (x[2s+1], y[2s+1]).
    """
    cols, rows = tie_segments(probs)
    x_min, x_max, y_min, y_max = bounds
    ny, nx = probs.shape[1:]
    return (x_min + (cols + 0.5) * (x_max - x_min) / nx,
            y_min + (rows + 0.5) * (y_max - y_min) / ny)


def tie_segments(probs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Marching squares on the winning class, vectorised; each tie is drawn once.

    probs (K, ny, nx) -> segment end points in grid units (column, row), two
    per segment. An edge between two grid nodes is crossed where the winner
    changes from a to b, at the zero of p_a - p_b interpolated linearly along
    the edge. Inside a cell the crossings are joined so the lines stay
    continuous:

    - two crossings: one segment (always the case for two classes);
    - four crossings, one class on two opposite corners and winning the
      cell's centre (a saddle): two segments cutting off the other corners;
    - otherwise three or four classes meet: a segment from every crossing to
      one junction, where the three classes tie in the cell's linear fit (the
      mean of the crossings for four classes, or if that point leaves the cell).

    Work is spent only on cells the lines pass.
    """
    labels = winners(probs)
    h = labels[:, :-1] != labels[:, 1:]  # horizontal edges crossed (row i, columns j..j+1)
    v = labels[:-1, :] != labels[1:, :]  # vertical edges crossed (column j, rows i..i+1)
    i, j = np.nonzero(h[:-1] | h[1:] | v[:, :-1] | v[:, 1:])
    if not len(i):
        return np.zeros(0), np.zeros(0)
    cells = np.arange(len(i))
    lab = np.stack([labels[i + r, j + c] for r, c in _CORNERS])  # (4, M) winner at each corner
    p = np.stack([probs[:, i + r, j + c] for r, c in _CORNERS]).astype(np.float64)  # (4, K, M)

    def diff(k, a, b):  # p_a - p_b at corner k, (M,); a, b: (M,) classes
        return p[k, a, cells] - p[k, b, cells]

    cross = np.stack([lab[a] != lab[b] for a, b in _EDGES])  # (4, M)
    t = np.empty((4, len(cells)))  # where each edge is crossed, from its first corner
    for e, (a, b) in enumerate(_EDGES):
        at_a, at_b = diff(a, lab[a], lab[b]), diff(b, lab[a], lab[b])  # >= 0, <= 0 if crossed
        with np.errstate(divide="ignore", invalid="ignore"):  # 0/0: not crossed, or tied at both ends
            t[e] = at_a / (at_a - at_b)
    t[~np.isfinite(t)] = 0.5
    x, y = j.astype(np.float64), i.astype(np.float64)
    xs = np.stack([x + t[0], x + 1, x + t[2], x])
    ys = np.stack([y, y + t[1], y + 1, y + t[3]])

    n = cross.sum(axis=0)
    two = n == 2
    # Four crossings: the class winning the centre (the mean of the corners),
    # among the corners' classes, joins its opposite corners if it holds both.
    centre = p.mean(axis=0)  # (K, M)
    centre_winner = lab[np.stack([centre[lab[k], cells] for k in range(4)]).argmax(axis=0), cells]
    four = n == 4
    join_bl_tr = four & (lab[0] == lab[3]) & (centre_winner == lab[0])  # cut off br and tl
    join_br_tl = four & (lab[1] == lab[2]) & (centre_winner == lab[1])  # cut off bl and tr
    star = ~two & ~join_bl_tr & ~join_br_tl

    first = cross.argmax(axis=0)
    last = 3 - cross[::-1].argmax(axis=0)
    starts, ends = [(first[two], cells[two])], [(last[two], cells[two])]
    for joined, cuts in ((join_bl_tr, ((0, 1), (2, 3))), (join_br_tl, ((0, 3), (1, 2)))):
        for e0, e1 in cuts:  # a cut-off corner joins its two edges
            starts.append((np.full(joined.sum(), e0), cells[joined]))
            ends.append((np.full(joined.sum(), e1), cells[joined]))
    sx = np.concatenate([xs[e, c] for e, c in starts])
    sy = np.concatenate([ys[e, c] for e, c in starts])
    ex = np.concatenate([xs[e, c] for e, c in ends])
    ey = np.concatenate([ys[e, c] for e, c in ends])
    if star.any():
        s = cells[star]
        jx, jy = _junctions(p[:, :, s], lab[:, s], cross[:, s], xs[:, s], ys[:, s], x[s], y[s])
        e, k = np.nonzero(cross[:, s])
        sx, sy = np.r_[sx, xs[e, s[k]]], np.r_[sy, ys[e, s[k]]]
        ex, ey = np.r_[ex, jx[k]], np.r_[ey, jy[k]]
    return np.column_stack([sx, ex]).ravel(), np.column_stack([sy, ey]).ravel()


def _junctions(p, lab, cross, xs, ys, x, y):
    """Where the tie lines meet inside each of S cells, in grid units: (S,), (S,).

    p (4, K, S) corner probabilities, lab (4, S) corner winners, cross (4, S)
    edges crossed, xs, ys (4, S) their crossings, x, y (S,) the cells' corners.
    With three classes a, b, c: the zero of (p_a - p_b, p_a - p_c), each fitted
    by a plane through the cell (centre value and mean slopes). Otherwise, or if
    that point is not inside the cell, the mean of the crossings.
    """
    cells = np.arange(lab.shape[1])
    s = np.sort(lab, axis=0)
    a, c = s[0], s[3]
    b = np.where(s[1] != s[0], s[1], s[2])
    three = (s[1:] != s[:-1]).sum(axis=0) == 2
    f = p[:, a, cells] - p[:, b, cells]  # (4, S) at bl, br, tl, tr
    g = p[:, a, cells] - p[:, c, cells]
    fc, gc = f.mean(axis=0), g.mean(axis=0)
    fx, gx = (f[1] - f[0] + f[3] - f[2]) / 2, (g[1] - g[0] + g[3] - g[2]) / 2
    fy, gy = (f[2] - f[0] + f[3] - f[1]) / 2, (g[2] - g[0] + g[3] - g[1]) / 2
    with np.errstate(divide="ignore", invalid="ignore"):
        det = fx * gy - fy * gx
        u = 0.5 + (gc * fy - fc * gy) / det
        v = 0.5 + (fc * gx - gc * fx) / det
    fitted = three & (u >= 0) & (u <= 1) & (v >= 0) & (v <= 1)  # False for NaN
    count = cross.sum(axis=0)
    mean_x = (xs * cross).sum(axis=0) / count
    mean_y = (ys * cross).sum(axis=0) / count
    return np.where(fitted, x + u, mean_x), np.where(fitted, y + v, mean_y)

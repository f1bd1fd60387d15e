"""Where the network diagram puts things, in widget pixels: geometry only, no Qt, no numbers.

Columns left to right: the input features, each hidden layer, the class scores, then the
loss box. A column shows its neurons as square tiles in one or more sub-columns, filled top
to bottom. The layout takes the largest tiles (up to MAX_TILE) that show every neuron; when
even MIN_TILE tiles cannot, the hidden layers show as many tiles of TRUNCATED_TILE as fit
(the view picks which: the strongest) and their ``more`` counts the rest.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

MAX_TILE, MIN_TILE, TRUNCATED_TILE = 44, 14, 20
MIN_GAP, MAX_GAP = 30, 130   # between columns, where the edges run
CLASS_DOT = 12               # the class colour's dot beside each score tile, with its space
LINK_GAP = 26                # from the class labels to the loss box
PREFER_FEWER = 0.7           # smaller tiles in fewer sub-columns, down to this share of the largest
EDGE_CAP = 256               # edges drawn between two columns at most (the view keeps the strongest)
LABEL_SPACE = 6              # pixels at least between two captions on a line


@dataclass(frozen=True)
class Metrics:
    """What the text around the tiles needs, in pixels."""

    line: int            # a line of text
    input_caption: int   # the widest input feature's label, left of its tile
    class_label: int     # the widest class name, right of its score tile
    loss_box: int        # the loss box's width


@dataclass(frozen=True)
class Column:
    """One column of tiles: ``slots`` (n, 2) the top-left (x, y) of each tile shown."""

    size: int
    slots: np.ndarray
    x: float
    width: float
    top: float
    height: float

    @property
    def more(self) -> int:
        """Neurons of this layer without a tile."""
        return self.size - len(self.slots)

    @property
    def centre_x(self) -> float:
        return self.x + self.width / 2


@dataclass(frozen=True)
class Layout:
    """``columns``: inputs, hidden layers, scores. ``header_y`` and ``footer_y``: the tops of the
    text lines above and below the tiles (the one below only when a layer is shown in part or
    two columns have more than EDGE_CAP edges between them). ``loss_box``: (x, y, width, height)."""

    tile: int
    columns: tuple[Column, ...]
    header_y: float
    footer_y: float
    class_label_x: float
    loss_box: tuple[float, float, float, float]

    def gap_centre(self, layer: int) -> float:
        """x in the middle of the edges of weight layer ``layer`` (1 = between inputs and layer 1)."""
        left, right = self.columns[layer - 1], self.columns[layer]
        return (left.x + left.width + right.x) / 2

    @property
    def link_start_x(self) -> float:
        """Where the lines from the scores to the loss box start, after the class labels."""
        return self.loss_box[0] - LINK_GAP + 6


def layout_network(sizes: tuple[int, ...], width: int, height: int, metrics: Metrics) -> Layout:
    """Lay out a network of ``sizes`` (inputs, hidden widths..., classes) in width x height pixels."""
    top = metrics.line + 6
    left = metrics.input_caption + 8
    right = CLASS_DOT + metrics.class_label + LINK_GAP + metrics.loss_box + 8
    room = width - left - right - (len(sizes) - 1) * MIN_GAP
    for bottom in (4, metrics.line + 4):  # a line below the tiles only for "+N more" or "256 of 4096"
        area = max(height - top - bottom, MIN_TILE)
        tile, blocks = _fit(sizes, area, room)
        shown = [b[0] for b in blocks]
        if shown == list(sizes) and max(a * b for a, b in zip(shown, shown[1:])) <= EDGE_CAP:
            break
    pad = _pad(tile)
    used = sum(b[1] * (tile + pad) - pad for b in blocks)
    gap = max(8.0, min(MAX_GAP, (width - left - right - used) / (len(sizes) - 1)))
    x = max(0.0, (width - left - right - used - gap * (len(sizes) - 1)) / 2) + left
    columns = []
    for size, (shown, sub_columns, rows) in zip(sizes, blocks):
        block_width, block_height = sub_columns * (tile + pad) - pad, rows * (tile + pad) - pad
        x, y = math.floor(x), math.floor(top + (area - block_height) / 2)
        k = np.arange(shown)
        slots = np.column_stack([x + (k // rows) * (tile + pad), y + (k % rows) * (tile + pad)])
        columns.append(Column(size, slots.astype(float), x, block_width, y, block_height))
        x += block_width + gap
    scores = columns[-1]
    label_x = scores.x + scores.width + 4
    box_x = label_x + CLASS_DOT + metrics.class_label + LINK_GAP
    box_height = 3 * metrics.line + 10
    box_y = scores.top + scores.height / 2 - box_height / 2
    return Layout(tile, tuple(columns), top - metrics.line - 3, top + area + 2, label_x,
                  (box_x, box_y, metrics.loss_box, box_height))


def _pad(tile: int) -> int:
    return max(3, tile // 5)


def _blocks(sizes, tile: int, area: float, cap: int | None) -> list[tuple[int, int, int]]:
    """(shown, sub-columns, rows) per column; hidden layers show at most ``cap`` sub-columns."""
    pitch = tile + _pad(tile)
    rows = max(1, int((area + _pad(tile)) // pitch))
    blocks = []
    for i, n in enumerate(sizes):
        hidden = 0 < i < len(sizes) - 1
        shown = min(n, rows * cap) if hidden and cap is not None else n
        sub_columns = math.ceil(shown / rows)
        blocks.append((shown, sub_columns, math.ceil(shown / sub_columns)))
    return blocks


def _width(blocks, tile: int) -> float:
    return sum(b[1] * (tile + _pad(tile)) - _pad(tile) for b in blocks)


def _fit(sizes, area: float, room: float) -> tuple[int, list]:
    """Tiles for every neuron in ``room`` pixels of width: the largest, unless tiles at least
    PREFER_FEWER of that size need fewer sub-columns (fewer edges run under tiles). If no
    tile from MIN_TILE up fits, the hidden layers are shown in part."""
    fits = [(tile, blocks) for tile in range(MAX_TILE, MIN_TILE - 1, -1)
            if _width(blocks := _blocks(sizes, tile, area, None), tile) <= room]
    if fits:
        largest = fits[0][0]
        near = [fit for fit in fits if fit[0] >= PREFER_FEWER * largest]
        return min(near, key=lambda fit: max(b[1] for b in fit[1]))  # first among equals: larger
    for tile in range(TRUNCATED_TILE, MIN_TILE - 1, -1):
        for cap in range(max(sizes), 0, -1):
            blocks = _blocks(sizes, tile, area, cap)
            if _width(blocks, tile) <= room:
                return tile, blocks
    return MIN_TILE, _blocks(sizes, MIN_TILE, area, 1)


def edge_segments(layout: Layout, shown: list[np.ndarray]) -> list[tuple[np.ndarray, np.ndarray]]:
    """Per weight layer l (columns l-1 -> l): segments (E, 4) as x0, y0, x1, y1, from the right
    middle of a source tile to the left middle of a target tile, and their (E, 2) (to, from)
    neuron indices. ``shown[c]``: the neuron index of each slot of column c."""
    half = layout.tile / 2
    out = []
    for source, target, frm, to in zip(layout.columns, layout.columns[1:], shown, shown[1:]):
        a, b = source.slots, target.slots
        segments = np.empty((len(b), len(a), 4))
        segments[..., 0] = a[:, 0] + layout.tile
        segments[..., 1] = a[:, 1] + half
        segments[..., 2] = b[:, :1]
        segments[..., 3] = b[:, 1:] + half
        index = np.stack(np.broadcast_arrays(np.asarray(to)[:, None], np.asarray(frm)[None, :]), axis=-1)
        out.append((segments.reshape(-1, 4), index.reshape(-1, 2)))
    return out


def tile_at(layout: Layout, x: float, y: float) -> tuple[int, int] | None:
    """(column, slot) of the tile under (x, y), or None."""
    for c, column in enumerate(layout.columns):
        inside = ((column.slots[:, 0] <= x) & (x <= column.slots[:, 0] + layout.tile)
                  & (column.slots[:, 1] <= y) & (y <= column.slots[:, 1] + layout.tile))
        if inside.any():
            return c, int(np.argmax(inside))
    return None


def nearest_segment(segments: np.ndarray, x: float, y: float, radius: float) -> int | None:
    """Index of the segment (E, 4) nearest to (x, y) within ``radius`` pixels, or None."""
    if not len(segments):
        return None
    p0, d = segments[:, :2], segments[:, 2:] - segments[:, :2]
    length2 = np.maximum((d * d).sum(axis=1), 1e-12)
    t = np.clip(((x - p0[:, 0]) * d[:, 0] + (y - p0[:, 1]) * d[:, 1]) / length2, 0.0, 1.0)
    distance = np.hypot(p0[:, 0] + t * d[:, 0] - x, p0[:, 1] + t * d[:, 1] - y)
    nearest = int(distance.argmin())
    return nearest if distance[nearest] <= radius else None


def strongest_edges(strength: np.ndarray, layer: np.ndarray, cap: int = EDGE_CAP) -> np.ndarray:
    """Indices of the edges to draw: every edge of a weight layer with at most ``cap`` edges shown,
    else its ``cap`` strongest. strength, layer: (E,) per edge (``layer``: 1 for W1...)."""
    keep = np.ones(len(strength), bool)
    for this in np.unique(layer):
        mine = np.flatnonzero(layer == this)
        if len(mine) > cap:
            weakest = np.argpartition(strength[mine], len(mine) - cap)[: len(mine) - cap]
            keep[mine[weakest]] = False
    return np.flatnonzero(keep)


def fit_labels(labels: list[tuple]) -> list[str]:
    """Texts for labels on one line, each (x centre, long, short, width(text) -> pixels, required),
    in x order: the long text if it clears its neighbours' short ones by LABEL_SPACE, else the
    short one if that does, else "" -- but a required label keeps its long text."""
    def half(text: str, width) -> float:
        return width(text) / 2 + LABEL_SPACE / 2

    texts = []
    for i, (x, long, short, width, required) in enumerate(labels):
        neighbours = [labels[j] for j in (i - 1, i + 1) if 0 <= j < len(labels)]
        room = min((abs(x - n[0]) - half(n[2], n[3]) for n in neighbours), default=np.inf)
        fits = [text for text in (long, short) if required or half(text, width) <= room]
        texts.append(fits[0] if fits else "")
    return texts

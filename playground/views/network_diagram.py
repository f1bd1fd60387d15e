"""The network drawn: neurons as tiles of their own maps, edges, captions and the loss box.

It paints, in this order: the edges, binned into a few paths (by sign and width class, or
by gradient class), never one item per edge; the lines from the scores to the loss box; one
atlas image holding every tile (``NeuronAtlas``); the tiles' rims (lit by the gradient in
gradient mode); the captions and the loss box; what is hovered or pinned. Hover and clicks
are found geometrically (``network_layout.tile_at``, ``nearest_segment``).

It is told what to show (``set_network``, ``show_state``) and reports what the mouse is on.

Emits: hovered(object), clicked(object) with ("neuron", column, unit), ("edge", layer, to,
from) -- layer 1 joins the inputs (column 0) to column 1 -- or None.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QWidget

from engine.network_state import LayerArrays
from playground import style
from playground.views import network_style as ns
from playground.views.network_layout import (
    CLASS_DOT,
    EDGE_CAP,
    Layout,
    Metrics,
    edge_segments,
    fit_labels,
    layout_network,
    nearest_segment,
    strongest_edges,
    tile_at,
)
from playground.views.neuron_atlas import NeuronAtlas

SAMPLES = 24           # samples per side of each neuron's map
HOVER_RADIUS = 5       # pixels from an edge that still hover it
RIM_WIDTH = 2.5
CROWD, MIN_THIN = 64, 0.35  # past CROWD edges between two columns, edges thin (to MIN_THIN)
RESELECT_EVERY = 20    # refreshes between new choices of a wide layer's strongest neurons


@dataclass(frozen=True)
class Captions:
    """The words around the tiles. ``columns``: a heading per column, then the loss box's, and
    ``short_columns`` the same in a word or symbol, for when a heading would run into the next;
    ``kinds``: per column, how its maps are scaled (``network_style.map_levels``): "input",
    an activation name, or "scores"."""

    columns: tuple[str, ...]
    short_columns: tuple[str, ...]
    kinds: tuple[str, ...]
    inputs: tuple[str, ...]
    classes: tuple[str, ...]
    loss: str
    widest_loss: str     # the loss box's widest value line ("L = 8.88e+88"): the box makes room for it
    more: str            # "+{count} more", below a layer shown in part
    short_more: str      # "+{count}"
    strongest: str       # "strongest {shown} of {count}", below edges drawn in part
    short_strongest: str  # "{shown}/{count}"


class NetworkDiagram(QWidget):
    hovered = Signal(object)
    clicked = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setMouseTracking(True)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)  # it paints every pixel itself
        self.setMinimumSize(240, 120)
        self.sizes: tuple[int, ...] = ()
        self.captions: Captions | None = None
        self.layout: Layout | None = None
        self.shown: list[np.ndarray] = []
        self.gradient_mode = False
        self.gradient_top = 0  # gradients are drawn in the decades up to 10^gradient_top
        self.loss_value = ""
        self.pinned: tuple | None = None
        self._hover: tuple | None = None
        self._edge_paths: list[tuple[object, QPen]] = []
        self._rims: list[tuple[list[QRectF], QPen]] = []
        self._edge_bins = np.zeros(0, np.intp)  # per edge: its bin, -1 if not drawn
        self._drawn = np.zeros(0, np.intp)      # the edges drawn: all but the weakest of crowded layers
        self._bin_pens: dict[int, QPen] = {}
        self._shows = 0
        self._state: tuple | None = None  # what show_state was last given, to redraw after a resize

    def sizeHint(self) -> QSize:
        return QSize(600, 180)

    # ------------------------------------------------------------ model
    def set_network(self, sizes: tuple[int, ...], captions: Captions) -> None:
        """A new architecture (or new words): lay it out again at the current size."""
        self.sizes, self.captions = tuple(sizes), captions
        self.pinned = self._hover = None
        self._relayout()

    def set_captions(self, captions: Captions) -> None:
        """The same network in other words (another language): laid out again, pins and hover kept."""
        self.captions = captions
        self._relayout()

    def resizeEvent(self, event) -> None:
        self._relayout()
        super().resizeEvent(event)

    def _relayout(self) -> None:
        if not self.sizes:
            return
        self.layout = layout_network(self.sizes, self.width(), self.height(), self._metrics())
        self.shown = [np.arange(len(column.slots)) for column in self.layout.columns]
        self.atlas = NeuronAtlas(self.layout, self.width(), self.height(), SAMPLES)
        self.slot_rects = [[QRectF(x, y, self.layout.tile, self.layout.tile) for x, y in column.slots]
                           for column in self.layout.columns]
        self._reselect_due = True
        self._place_edges()
        self._place_labels()
        if self._state is not None and [len(m) for m in self._state[0]] == list(self.sizes):
            self.show_state(*self._state)  # the same network at a new size: draw it again now

    def _place_labels(self) -> None:
        """The heading line (column headings and W1, W2... between them) and the "+N more" line:
        (x centre, text, colour, bold) each, shortened where the long text would collide."""
        lay, c = self.layout, self.captions
        columns = [*(column.centre_x for column in lay.columns), lay.loss_box[0] + lay.loss_box[2] / 2]
        headings = [(x, long, short, style.MUTED, False)
                    for x, long, short in zip(columns, c.columns, c.short_columns)]
        weights = [(lay.gap_centre(layer), f"W{layer}", f"W{layer}", colour, True)
                   for layer, colour in enumerate(ns.layer_colors(len(lay.columns) - 1), start=1)]
        more = [(column.centre_x, c.more.format(count=column.more), c.short_more.format(count=column.more),
                 style.MUTED, False) for column in lay.columns if column.more]
        crowded = [(lay.gap_centre(layer), c.strongest.format(shown=EDGE_CAP, count=count),
                    c.short_strongest.format(shown=EDGE_CAP, count=count), style.MUTED, False)
                   for layer, count in enumerate(self._pair_sizes, start=1) if count > EDGE_CAP]
        self._header = self._fit_labels(sorted(headings + weights))
        self._footer = self._fit_labels(sorted(more + crowded))

    def _fit_labels(self, labels: list[tuple]) -> list[tuple]:
        """(x, long, short, colour, bold) -> (x, text, colour, bold), the bold ones (W1, W2...) always
        drawn whole (``network_layout.fit_labels``)."""
        fm, bold = self.fontMetrics(), QFontMetrics(self._bold_font())
        texts = fit_labels([(x, long, short, (bold if is_bold else fm).horizontalAdvance, is_bold)
                            for x, long, short, _, is_bold in labels])
        return [(x, text, colour, is_bold) for (x, _, _, colour, is_bold), text in zip(labels, texts)]

    def _bold_font(self) -> QFont:
        font = QFont(self.font())
        font.setBold(True)
        return font

    def _metrics(self) -> Metrics:
        fm = self.fontMetrics()
        c = self.captions
        return Metrics(line=fm.height(),
                       input_caption=max(fm.horizontalAdvance(t) for t in c.inputs),
                       class_label=min(max(fm.horizontalAdvance(t) for t in c.classes),
                                       8 * fm.averageCharWidth()),
                       loss_box=max(two_lines(c.loss, fm.horizontalAdvance),
                                    fm.horizontalAdvance(c.widest_loss), 9 * fm.averageCharWidth()) + 14)

    def _place_edges(self) -> None:
        parts = edge_segments(self.layout, self.shown)  # one per weight layer: at least one
        self._segments = np.concatenate([p[0] for p in parts])
        self._edge_index = np.concatenate([p[1] for p in parts])
        self._edge_layer = np.concatenate([np.full(len(p[0]), layer) for layer, p in enumerate(parts, 1)])
        self._pair_sizes = [len(segments) for segments, _ in parts]
        busiest = min(max(self._pair_sizes), EDGE_CAP)
        self._thin = float(np.clip(np.sqrt(CROWD / busiest), MIN_THIN, 1.0))
        self._bin_pens.clear()
        self._edge_bins = np.full(len(self._segments), -1)  # none drawn until show_state
        self._drawn = np.zeros(0, np.intp)
        self._edge_paths = []

    # ------------------------------------------------------------ state
    def show_state(self, maps: list[np.ndarray], layers: tuple[LayerArrays, ...], gradient_mode: bool,
                   loss_value: str) -> None:
        """maps: every column's maps, (units, SAMPLES, SAMPLES) each (``Session.neuron_maps``);
        layers: ``Session.network_arrays()``; the loss box shows ``loss_value``."""
        if self.layout is None:
            return
        self._state = (maps, layers, gradient_mode, loss_value)
        self.gradient_mode, self.loss_value = gradient_mode, loss_value
        if self._reselect_due or self._shows % RESELECT_EVERY == 0:
            self._select_strongest(maps, layers)
        self._shows += 1
        levels = [ns.map_levels(column_maps[shown], kind)
                  for column_maps, shown, kind in zip(maps, self.shown, self.captions.kinds)]
        self.atlas.paint(np.concatenate(levels))
        self._bin_edges(layers)
        self._bin_rims(layers)
        self.update()

    def _select_strongest(self, maps, layers) -> None:
        """In a layer shown in part: its neurons that move the next layer most
        (spread of the map x size of the outgoing weights), in index order."""
        self._reselect_due = False
        changed = False
        for c, column in enumerate(self.layout.columns):
            if column.more:
                strength = maps[c].std(axis=(1, 2)) * np.linalg.norm(layers[c].weight, axis=0)
                chosen = np.sort(np.argsort(-strength, kind="stable")[: len(column.slots)])
                changed |= not np.array_equal(chosen, self.shown[c])
                self.shown[c] = chosen
        if changed:
            self._place_edges()

    def _bin_edges(self, layers) -> None:
        layer, to, frm = self._edge_layer - 1, self._edge_index[:, 0], self._edge_index[:, 1]
        weights = np.empty(len(layer))
        grads = np.empty(len(layer))
        for i, arrays in enumerate(layers):
            here = layer == i
            weights[here] = arrays.weight[to[here], frm[here]]
            grads[here] = arrays.weight_grad[to[here], frm[here]]
        if self.gradient_mode:
            self.gradient_top = ns.gradient_top([np.abs(a.weight_grad) for a in layers]
                                                + [a.output_grad for a in layers])
            bins = ns.gradient_classes(grads, self.gradient_top)
        else:
            bins = ns.weight_classes(weights) + np.where(weights < 0, len(ns.WIDTHS), 0)
        self._drawn = strongest_edges(np.abs(grads if self.gradient_mode else weights), self._edge_layer)
        self._edge_bins = np.full(len(bins), -1)
        self._edge_bins[self._drawn] = bins[self._drawn]
        self._edge_paths = []
        for b in np.flatnonzero(np.bincount(bins[self._drawn])):  # weak first: the strong drawn on top
            mine = self._segments[self._edge_bins == b]
            x, y = mine[:, [0, 2]].ravel(), mine[:, [1, 3]].ravel()
            self._edge_paths.append((pg.functions.arrayToQPath(x, y, connect="pairs"), self._bin_pen(int(b))))

    def _bin_pen(self, b: int) -> QPen:
        """Bin b's pen: weights, bins 0-4 positive and 5-9 negative by |w| class; gradients,
        bins 0-4 by decade. Thinner and paler where many edges share a layer (``_thin``). The
        colours are opaque, paled towards white: Qt strokes translucent paths 10-20 times slower."""
        key = (self.gradient_mode, b)
        if key not in self._bin_pens:
            k = b % len(ns.WIDTHS)
            if self.gradient_mode:
                colour = ns.paled(ns.GRADIENT_COLORS[k], self._thin ** 0.5)
            else:
                colour = ns.paled(ns.NEGATIVE if b >= len(ns.WIDTHS) else ns.POSITIVE,
                                  ns.WEIGHT_ALPHAS[k] / 255 * self._thin)
            pen = QPen(colour, ns.WIDTHS[k] * self._thin)
            pen.setCapStyle(Qt.PenCapStyle.FlatCap)
            self._bin_pens[key] = pen
        return self._bin_pens[key]

    def _bin_rims(self, layers) -> None:
        plain = QPen(QColor(style.GRID), 1)
        if not self.gradient_mode:
            self._rims = [([r for rects in self.slot_rects for r in rects], plain)]
            return
        self._rims = [(self.slot_rects[0], plain)]
        groups: dict[int, list[QRectF]] = {}
        for c in range(1, len(self.layout.columns)):
            classes = ns.gradient_classes(layers[c - 1].output_grad[self.shown[c]], self.gradient_top)
            for rect, k in zip(self.slot_rects[c], classes):
                groups.setdefault(int(k), []).append(rect)
        for k in sorted(groups):
            self._rims.append((groups[k], QPen(QColor(ns.GRADIENT_COLORS[k]), RIM_WIDTH)))

    def edge_pen(self, layer: int, to: int, frm: int) -> QPen | None:
        """The pen edge W_layer[to, frm] is drawn with, or None if it is not drawn."""
        e = self._edge(layer, to, frm)
        return None if e is None or self._edge_bins[e] < 0 else self._bin_pen(int(self._edge_bins[e]))

    def _edge(self, layer: int, to: int, frm: int) -> int | None:
        hit = np.flatnonzero((self._edge_layer == layer) & (self._edge_index[:, 0] == to)
                             & (self._edge_index[:, 1] == frm))
        return int(hit[0]) if len(hit) else None

    # ------------------------------------------------------------ mouse
    def target_at(self, x: float, y: float) -> tuple | None:
        """What is under widget point (x, y): a neuron, an edge or None."""
        if self.layout is None:
            return None
        tile = tile_at(self.layout, x, y)
        if tile is not None:
            column, slot = tile
            return ("neuron", column, int(self.shown[column][slot]))
        nearest = nearest_segment(self._segments[self._drawn], x, y, HOVER_RADIUS)
        if nearest is None:
            return None
        e = self._drawn[nearest]
        return ("edge", int(self._edge_layer[e]), int(self._edge_index[e, 0]), int(self._edge_index[e, 1]))

    def mouseMoveEvent(self, event) -> None:
        self._set_hover(self.target_at(event.position().x(), event.position().y()))

    def leaveEvent(self, event) -> None:
        self._set_hover(None)

    def mousePressEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit(self.target_at(event.position().x(), event.position().y()))

    def _set_hover(self, target) -> None:
        if target != self._hover:
            self._hover = target
            self.update()
            self.hovered.emit(target)

    def set_pinned(self, target) -> None:
        self.pinned = target
        self.update()

    # ------------------------------------------------------------ paint
    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(style.BACKGROUND))
        if self.layout is None:
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for path, pen in self._edge_paths:
            painter.setPen(pen)
            painter.drawPath(path)
        self._paint_loss_links(painter)
        painter.drawImage(0, 0, self.atlas.qimage)
        for rects, pen in self._rims:
            painter.setPen(pen)
            painter.drawRects(rects)
        self._paint_captions(painter)
        self._paint_loss_box(painter)
        self._paint_marks(painter)

    def _paint_loss_links(self, painter: QPainter) -> None:
        x, y, w, h = self.layout.loss_box
        painter.setPen(QPen(QColor(style.MUTED), 1))
        half = self.layout.tile / 2
        for _, slot_y in self.layout.columns[-1].slots:
            painter.drawLine(QPointF(self.layout.link_start_x, slot_y + half), QPointF(x, y + h / 2))

    def _paint_captions(self, painter: QPainter) -> None:
        lay, c, fm = self.layout, self.captions, self.fontMetrics()
        line = fm.height()
        for labels, top in ((self._header, lay.header_y), (self._footer, lay.footer_y)):
            for x, text, colour, is_bold in labels:
                painter.setFont(self._bold_font() if is_bold else self.font())
                painter.setPen(QColor(colour))
                painter.drawText(QRectF(x - 200, top, 400, line), Qt.AlignmentFlag.AlignHCenter, text)
        painter.setFont(self.font())
        half = lay.tile / 2
        painter.setPen(QColor(style.INK))
        for (x, y), text in zip(lay.columns[0].slots, c.inputs):
            painter.drawText(QRectF(0, y + half - line / 2, x - 5, line),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, text)
        room = lay.link_start_x - lay.class_label_x - CLASS_DOT - 2
        for k, ((_, y), name) in enumerate(zip(lay.columns[-1].slots, c.classes)):
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(style.CLASS_COLORS[k]))
            painter.drawEllipse(QPointF(lay.class_label_x + 4, y + half), 4, 4)
            painter.setPen(QColor(style.INK))
            painter.drawText(QRectF(lay.class_label_x + CLASS_DOT, y + half - line / 2, room, line),
                             Qt.AlignmentFlag.AlignVCenter,
                             fm.elidedText(name, Qt.TextElideMode.ElideRight, room))

    def _paint_loss_box(self, painter: QPainter) -> None:
        x, y, w, h = self.layout.loss_box
        box = QRectF(x, y, w, h)
        painter.setPen(QPen(QColor(style.INK), 1.2))
        painter.setBrush(QColor("#F4F4F4"))
        painter.drawRoundedRect(box, 6, 6)
        inner = box.adjusted(6, 4, -6, -4)
        painter.drawText(inner, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
                         | Qt.TextFlag.TextWordWrap, self.captions.loss)
        painter.drawText(inner, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom, self.loss_value)

    def _paint_marks(self, painter: QPainter) -> None:
        """The hovered edge or neuron in ink; the pinned neuron dashed."""
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for target, pen_style in ((self._hover, Qt.PenStyle.SolidLine), (self.pinned, Qt.PenStyle.DashLine)):
            if target is None:
                continue
            painter.setPen(QPen(QColor(style.INK), 2.5, pen_style))
            if target[0] == "neuron":
                rect = self._rect_of(target[1], target[2])
                if rect is not None:
                    painter.drawRect(rect.adjusted(-2, -2, 2, 2))
            else:
                e = self._edge(*target[1:])
                if e is not None:
                    x0, y0, x1, y1 = self._segments[e]
                    painter.drawLine(QPointF(x0, y0), QPointF(x1, y1))

    def _rect_of(self, column: int, unit: int) -> QRectF | None:
        slot = np.flatnonzero(self.shown[column] == unit)
        return self.slot_rects[column][int(slot[0])] if len(slot) else None


def two_lines(text: str, advance) -> int:
    """The width ``text`` needs to wrap into at most two lines at a space ("Softmax" over
    "cross-entropy"; "소프트맥스" over "교차 엔트로피"): the narrower of the ways to split it.
    ``advance(text)``: its width in pixels."""
    words = text.split()
    splits = ((" ".join(words[:i]), " ".join(words[i:])) for i in range(1, len(words)))
    return min((max(advance(first), advance(second)) for first, second in splits), default=advance(text))

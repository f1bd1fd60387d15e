"""The computational graph drawn as in the lecture's figures, and the view that shows it.

Operations are circles with their symbol (and, for add, mul, max and copy, their
pattern below); inputs are their names; each edge carries its value above in
green and, once the backward pass has gone through it, its gradient below in
red. The items are made once per graph; stepping only changes their text,
colour and visibility.

GraphScene emits: node_clicked(int)   the id of the node clicked
GraphView emits:  step_requested(int) -1 or +1 (the arrow keys), play_requested(),
                  reset_requested() (Home), when it has the keyboard focus.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsPolygonItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
)

from engine.trace import CONST, Trace
from playground import style
from playground.backprop_replay import Replay
from playground.backprop_words import TIMES, label, number, pattern, quantity
from playground.backprop_words import symbol as op_symbol
from playground.graph_layout import Layout

# Scene units: pixels at scale 1. The view never draws below MIN_SCALE, so text stays readable.
COLUMN, ROW, RADIUS = 210, 135, 30
STUB = 120          # the output's arrow, to the right of the last node
LABEL_GAP = 18      # from an edge's tail to its labels: clear of the pattern under a node
MIN_SCALE, MAX_SCALE = 0.75, 1.6  # a small graph grows on a big screen, but not without end
VALUE, GRADIENT, ACTIVE = QColor("#1B7F3B"), QColor("#C62828"), QColor("#E69F00")
FADED, LINE = QColor("#B8B8B8"), QColor("#505050")
FONT_PX = {"symbol": 26, "small_symbol": 19, "edge": 19, "leaf": 23, "caption": 17, "pattern": 16}


def _font(size: str, bold: bool = False, italic: bool = False) -> QFont:
    font = QFont()
    font.setPixelSize(FONT_PX[size])
    font.setBold(bold)
    font.setItalic(italic)
    return font


class Label(QGraphicsRectItem):
    """Text on a white patch, so that lines passing behind it do not cross the digits."""

    def __init__(self, font: QFont, color: QColor, parent: QGraphicsItem | None = None):
        super().__init__(parent)
        self.setPen(Qt.PenStyle.NoPen)
        self.setBrush(QColor(255, 255, 255, 225))
        self.text = QGraphicsSimpleTextItem(self)
        self.text.setFont(font)
        self.text.setBrush(color)
        self.anchor = QPointF()  # a point of the line: the text starts there, or is centred on it
        self.above = False       # above the line, else below it
        self.centred = False
        self.shown = True        # False: this label stays empty (another edge says the same)

    def show_text(self, text: str, color: QColor | None = None, bold: bool = False) -> None:
        self.setVisible(bool(text))
        if not text:
            return
        font = self.text.font()
        if font.bold() != bold:
            font.setBold(bold)
            self.text.setFont(font)
        if color is not None:
            self.text.setBrush(color)
        self.text.setText(text)
        box = self.text.boundingRect()
        self.setRect(box.adjusted(-3, 0, 3, 0))
        self.setPos(self.anchor - QPointF(box.width() / 2 if self.centred else 0.0,
                                          box.height() + 2 if self.above else -2))


class Edge:
    """One input of a node: the curve and its arrowhead, the value above it in green and the
    gradient below it in red.

    Both labels start just after the tail, where the curve is level and the edges leaving a
    column are a row apart. A value used more than once writes its value on one of its
    edges only (they all carry it) and its gradients half-way, where the edges have parted
    (``flipped``: above the line, for the upper of two edges into the same node, as in x * x).
    """

    def __init__(self, scene: QGraphicsScene, points: list[QPointF], shared: bool, labelled: bool,
                 flipped: bool = False):
        start, end = points[0], points[-1]
        path = QPainterPath(start)
        for a, b in zip(points, points[1:]):  # level at each point: an S between each two
            bend = max(40.0, (b.x() - a.x()) / 2)
            path.cubicTo(a + QPointF(bend, 0), b - QPointF(bend, 0), b)
        self.line = scene.addPath(path, QPen(LINE, 2.2))
        self.head = QGraphicsPolygonItem(QPolygonF([QPointF(0, 0), QPointF(-13, -6), QPointF(-13, 6)]))
        self.head.setPos(end)
        self.head.setPen(Qt.PenStyle.NoPen)
        scene.addItem(self.head)
        self.value, self.gradient = Label(_font("edge"), VALUE), Label(_font("edge"), GRADIENT)
        self.value.anchor, self.value.above = start + QPointF(LABEL_GAP, 0), True
        self.value.shown = labelled
        if shared:
            self.gradient.anchor = _point_at_x(path, (start.x() + end.x()) / 2)
            self.gradient.centred, self.gradient.above = True, flipped
        else:
            self.gradient.anchor = start + QPointF(LABEL_GAP, 0)
        for item in (self.value, self.gradient):
            item.setZValue(2)
            scene.addItem(item)

    def set_active(self, active: bool, known: bool) -> None:
        color = ACTIVE if active else (LINE if known else FADED)
        self.line.setPen(QPen(color, 3.5 if active else 2.2))
        self.head.setBrush(color)


def _point_at_x(path: QPainterPath, x: float) -> QPointF:
    """The point of a left-to-right curve whose abscissa is x (bisection on its length)."""
    low, high = 0.0, 1.0
    for _ in range(30):
        middle = (low + high) / 2
        if path.pointAtPercent(middle).x() < x:
            low = middle
        else:
            high = middle
    return path.pointAtPercent(low)


class GraphScene(QGraphicsScene):
    node_clicked = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.trace: Trace | None = None
        self.replay: Replay | None = None
        self.circles: dict[int, QGraphicsEllipseItem] = {}
        self.edges: dict[tuple[int, int], Edge] = {}  # (consumer, slot)
        self.stub: Edge | None = None

    def centre_of(self, node: int) -> QPointF:
        return self._centres[node]

    # -------------------------------------------------------------- building
    def show_graph(self, replay: Replay, layout: Layout) -> None:
        """Draw the graph ``replay`` steps through where ``layout`` says, at position 0."""
        self.clear()
        self.trace, self.replay = replay.trace, replay
        trace = replay.trace
        self.circles, self.edges = {}, {}
        self._centres = {i: QPointF(layout.column[i] * COLUMN, layout.row[i] * ROW)
                         for i in range(len(trace.nodes))}
        self._hidden = layout.hidden
        for node in trace.nodes:
            if node.is_leaf and node.id not in self._hidden:
                self._add_leaf(node)
            elif not node.is_leaf:
                self._add_operation(node)
        for node in trace.nodes:
            for slot, parent in enumerate(node.inputs):
                if parent in self._hidden:
                    continue
                uses = trace.uses[parent]
                twins = [s for c, s in uses if c == node.id]  # x * x: both inputs are one value
                passing = [QPointF(c * COLUMN, r * ROW) for c, r in layout.waypoints[node.id, slot]]
                points = [self._out_port(parent), *passing, self._in_port(node.id, slot)]
                self.edges[node.id, slot] = Edge(self, points, shared=len(uses) > 1,
                                                 labelled=uses[0] == (node.id, slot),
                                                 flipped=len(twins) > 1 and slot == twins[0])
        end = self._out_port(trace.output.id)
        self.stub = Edge(self, [end, end + QPointF(STUB, 0)], shared=False, labelled=True)
        self.setSceneRect(self.itemsBoundingRect().adjusted(-40, -40, 40, 40))
        self.show_position(0)

    def _add_leaf(self, node) -> None:
        text = QGraphicsSimpleTextItem(label(node))
        text.setFont(_font("leaf", bold=node.op != CONST))
        text.setBrush(QColor(style.INK if node.op != CONST else style.MUTED))
        box = text.boundingRect()
        right = self._out_port(node.id)
        text.setPos(right - QPointF(box.width() + 6, box.height() / 2))
        text.setData(0, node.id)
        self.addItem(text)

    def _add_operation(self, node) -> None:
        centre = self._centres[node.id]
        circle = self.addEllipse(QRectF(centre - QPointF(RADIUS, RADIUS), centre + QPointF(RADIUS, RADIUS)))
        circle.setData(0, node.id)
        circle.setZValue(1)
        symbol = QGraphicsSimpleTextItem(op_symbol(self.trace, node), circle)
        symbol.setFont(_font("symbol" if len(symbol.text()) <= 2 else "small_symbol", bold=True))
        box = symbol.boundingRect()
        symbol.setPos(centre - QPointF(box.width() / 2, box.height() / 2))
        self.circles[node.id] = circle
        if node.name:
            self._caption(label(node), centre - QPointF(0, RADIUS + 2), "caption", above=True)
        if pattern(node.op):
            self._caption(pattern(node.op), centre + QPointF(0, RADIUS + 1), "pattern", above=False)

    def _caption(self, text: str, anchor: QPointF, size: str, above: bool) -> None:
        item = self.addSimpleText(text, _font(size, italic=size == "pattern", bold=size == "caption"))
        item.setBrush(QColor(style.MUTED if size == "pattern" else style.INK))
        box = item.boundingRect()
        item.setPos(anchor - QPointF(box.width() / 2, box.height() if above else 0))
        item.setZValue(1)

    def _out_port(self, node: int) -> QPointF:
        return self._centres[node] + QPointF(RADIUS, 0)

    def _in_port(self, node: int, slot: int) -> QPointF:
        """Where input ``slot`` arrives: spread around the left of the circle, in argument order."""
        shown = [s for s, parent in enumerate(self.trace.nodes[node].inputs) if parent not in self._hidden]
        offset = (shown.index(slot) - (len(shown) - 1) / 2) * RADIUS * 0.75
        return self._centres[node] + QPointF(-(RADIUS * RADIUS - offset * offset) ** 0.5, offset)

    # -------------------------------------------------------------- stepping
    def show_position(self, position: int) -> None:
        """Values, gradients and highlights as they stand after ``position`` steps."""
        trace, replay = self.trace, self.replay
        current = replay.current(position)
        phase = replay.phase(position)
        tint = QColor({"forward": "#E6F4EA", "backward": "#FDECEA"}.get(phase, "white"))
        for node_id, circle in self.circles.items():
            known = replay.value_known(position, node_id)
            active = node_id == current
            circle.setBrush(tint if active else QColor("white"))
            circle.setPen(QPen(ACTIVE if active else (LINE if known else FADED), 4 if active else 2.2,
                               Qt.PenStyle.SolidLine if known else Qt.PenStyle.DashLine))
        for (consumer, slot), edge in self.edges.items():
            parent = trace.nodes[consumer].inputs[slot]
            self._label_edge(edge, position, parent, consumer, slot, current, phase)
        self._label_stub(position, current, phase)

    def _label_edge(self, edge: Edge, position, parent, consumer, slot, current, phase) -> None:
        replay, trace = self.replay, self.trace
        known = replay.value_known(position, parent)
        forward_now = phase == "forward" and parent == current
        shown = known and edge.value.shown
        edge.value.show_text(quantity(trace.nodes[parent].value) if shown else "", bold=forward_now)
        sent = trace.sent(consumer, slot)
        backward_now = phase == "backward" and consumer == current
        upstream_now = phase == "backward" and parent == current
        text = ""
        if sent is not None and replay.gradient_sent(position, consumer):
            text = _product_text(replay.step(position), slot, sent) if backward_now else quantity(sent)
        edge.gradient.show_text(text, ACTIVE.darker(130) if upstream_now else GRADIENT,
                                bold=upstream_now)  # a product is long: regular weight
        edge.set_active(forward_now or backward_now, known)

    def _label_stub(self, position, current, phase) -> None:
        output = self.trace.output
        known = self.replay.value_known(position, output.id)
        self.stub.value.show_text(quantity(output.value) if known else "",
                                  bold=phase == "forward" and current == output.id)
        upstream_now = phase == "backward" and current == output.id
        seed = self.replay.output_gradient_known(position)
        self.stub.gradient.show_text(quantity(output.grad) if seed else "",
                                     ACTIVE.darker(130) if upstream_now else GRADIENT, bold=upstream_now)
        self.stub.set_active(False, known)

    def mousePressEvent(self, event) -> None:
        for item in self.items(event.scenePos()):
            while item is not None and item.data(0) is None:
                item = item.parentItem()
            if item is not None:
                self.node_clicked.emit(int(item.data(0)))
                break
        super().mousePressEvent(event)


def _product_text(step, slot: int, sent) -> str:
    """'−4 × 1' over '= −4' under an input of the node being visited (one-number edges):
    upstream × local = downstream, on two lines to fit between the columns."""
    if step is None or step.local is None or sent.size != 1 or step.upstream.size != 1:
        return quantity(sent)
    local = step.local[slot]
    if getattr(local, "size", 1) != 1:
        return quantity(sent)
    return f"{number(step.upstream.item())} {TIMES} {number(float(local))}\n= {number(sent.item())}"


class GraphView(QGraphicsView):
    """Shows the scene fitted to the window, never smaller than MIN_SCALE (then it follows
    the current node); the wheel zooms, a drag pans."""

    step_requested = Signal(int)
    play_requested = Signal()
    reset_requested = Signal()

    KEYS = {Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Space, Qt.Key.Key_Home}

    def __init__(self, scene: GraphScene, parent=None):
        super().__init__(scene, parent)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setBackgroundBrush(QBrush(QColor(style.BACKGROUND)))
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.fitting = True
        self.focus: QPointF | None = None  # the current node: kept in sight

    def fit(self) -> None:
        """The whole graph, or as much of it around the current node as MIN_SCALE allows."""
        self.fitting = True
        rect = self.scene().sceneRect()
        if rect.isEmpty():
            return
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        scale = self.transform().m11()
        if not MIN_SCALE <= scale <= MAX_SCALE:
            scale = min(max(scale, MIN_SCALE), MAX_SCALE)
            self.resetTransform()
            self.scale(scale, scale)
            self.follow(self.focus)

    def follow(self, point: QPointF | None) -> None:
        """Keep ``point`` (the current node) in sight, with room around it."""
        self.focus = point
        if point is not None:
            room = QPointF(1.25 * COLUMN, ROW)
            self.ensureVisible(QRectF(point - room, point + room), 10, 10)

    def wheelEvent(self, event) -> None:
        factor = 1.15 if event.angleDelta().y() > 0 else 1 / 1.15
        self.fitting = False
        self.scale(factor, factor)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.fitting:
            self.fit()

    def event(self, event) -> bool:
        # The window's own shortcuts (Space: train, Right: a training step) yield to the graph.
        if event.type() == QEvent.Type.ShortcutOverride and event.key() in self.KEYS:
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            self.step_requested.emit(1 if key == Qt.Key.Key_Right else -1)
        elif key == Qt.Key.Key_Space:
            self.play_requested.emit()
        elif key == Qt.Key.Key_Home:
            self.reset_requested.emit()
        else:
            super().keyPressEvent(event)

"""The backprop explorer: a computational graph stepped through forward and backward, as in class.

    (x + y)·z | Neuron: gates | Neuron: σ gate | Gate patterns || The model
    f = [formula] at [values] [Show]     or     [point 3] (0.52, -0.31), class B …  [Use the current weights]
    ┌──────────────────────── the graph (values above, gradients below) ─────────────────────────┐
    Backward 2 of 5 — × mul (swaps): to x: upstream −4 × local 1 = −4 …                [Numbers]
    |◀ ◀ ▶Play ▶  ══════════════slider══════════════  step 7 of 10  [Fit]

The graph is the engine's record (``Session.trace_formula`` / ``Session.sample_trace``); this
view only replays it. Model mode follows the point selected on the canvas (a click on a point)
or in the spin box, on a copy of the weights taken when it was picked: training goes on
untouched, and is paused when the model is explored, so the graph and the boundary agree.

Listens to: session.selected_point_changed (model mode follows it), session.stats_changed and
session.settings_changed (the weights moved since the copy: offer to take them again).
Says its words again (the graph's and the step's too) on QEvent.LanguageChange.
"""

from __future__ import annotations

import html

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QEvent, QSignalBlocker, QSize, Qt, QTimer
from PySide6.QtGui import QActionGroup, QFontInfo, QFontMetrics
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QSpinBox,
    QStyle,
    QTextEdit,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from engine.expression import ExpressionError
from engine.expression_graph import LECTURE_EXAMPLES
from playground.backprop_replay import Replay
from playground.backprop_words import (
    EXAMPLE_TITLES,
    backward_lines,
    expression_message,
    forward_text,
    gate_name,
    label,
    shape_text,
)
from playground.graph_layout import layout
from playground.views.backprop_graph import GraphScene, GraphView
from playground.views.formula_bar import FormulaBar

PLAY_MS = 900  # one step per this many milliseconds when playing
TEXT_PX = 17   # the step's explanation, readable from the back of a room
EXPLANATION_LINES = 5  # its height; longer ones scroll


class BackpropExplorer(QWidget):
    def __init__(self, session, context, parent: QWidget | None = None):
        super().__init__(parent)
        self.session, self.runner = session, context.runner
        self.replay: Replay | None = None
        self.position = 0
        self._clicked: int | None = None  # the node whose numbers were asked for
        self.mode = "add_mul"
        self._stale = False
        self._traced: tuple | None = None  # the model's graph: for this point, as _traced_point keeps it
        self._error: ExpressionError | None = None  # the typed formula's mistake, while it shows
        self.timer = QTimer(self)
        self.timer.setInterval(PLAY_MS)
        self.timer.timeout.connect(self._advance)
        self._build()
        self._ring = pg.ScatterPlotItem(size=26, symbol="o", brush=None, pen=pg.mkPen("#202020", width=3))
        context.canvas.add_overlay(self._ring, above_points=True)
        session.selected_point_changed.connect(self._follow_point)
        session.stats_changed.connect(self._weights_moved)
        session.settings_changed.connect(self._weights_moved)
        session.points_changed.connect(self._show_ring)
        session.points_changed.connect(self._fit_point_range)
        self.retranslate()
        self.show_example("add_mul")

    def retranslate(self) -> None:
        """Every word in the interface's language: buttons, the graph's labels, the step explained."""
        for key, action in self.sources.items():
            action.setText(QCoreApplication.translate("Backprop", EXAMPLE_TITLES[key]) if key != "model"
                           else self.tr("The model"))
        self.sources["model"].setToolTip(self.tr("The network's graph for one point: click a point on the "
                                                 "Boundary tab, or choose its number"))
        self.point.setPrefix(self.tr("point "))
        self.refresh.setText(self.tr("Use the current weights"))
        self.numbers_button.setText(self.tr("Numbers"))
        self.numbers_button.setToolTip(self.tr("The arrays of the current step, or of the node you click"))
        for button, text, tip in (
                (self.reset_button, self.tr("Reset"), self.tr("Reset: back to the inputs (Home)")),
                (self.back_button, self.tr("Back"), self.tr("One step back (\u2190 with the graph focused)")),
                (self.forward_button, self.tr("Forward"),
                 self.tr("One step on (\u2192 with the graph focused)")),
                (self.play_button, self.tr("Pause") if self.timer.isActive() else self.tr("Play"),
                 self.tr("Play or pause: a step every second (Space with the graph focused)")),
                (self.fit_button, self.tr("Fit"), self.tr("The whole graph (the wheel zooms, a drag pans)"))):
            button.setText(text)
            button.setToolTip(tip)
        if self._traced is not None:
            self.point_info.setText(self._point_text(*self._traced))
        elif self.mode == "model":
            self.point_info.setText(self.tr("No points: add some on the Boundary tab"))
        if self._error is not None and not self.formula_bar.error.isHidden():
            self._show_error(focus=False)
        if self.replay is not None:  # the gates' patterns and the step's words
            self.scene.show_graph(self.replay, layout(self.replay.trace))
            self.scene.show_position(self.position)
            self._explain(self.position)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange and hasattr(self, "explanation"):
            self._size_explanation()
        elif event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ---------------------------------------------------------------- layout
    def _build(self) -> None:
        # A tool bar: what does not fit in a narrow window goes behind its » button.
        sources = QToolBar()
        group = QActionGroup(self)
        group.setExclusionPolicy(QActionGroup.ExclusionPolicy.ExclusiveOptional)  # a typed formula: none
        self.sources = {}
        for key in LECTURE_EXAMPLES:
            self.sources[key] = sources.addAction("", lambda key=key: self.show_example(key))
            self.sources[key].setToolTip(LECTURE_EXAMPLES[key][0])
        sources.addSeparator()
        self.sources["model"] = sources.addAction("", self.show_model)
        for action in self.sources.values():
            action.setCheckable(True)
            group.addAction(action)

        self.formula_bar = FormulaBar()
        self.formula_bar.submitted.connect(self.show_formula)
        self.model_bar = QWidget()
        self.point = QSpinBox()
        self._fit_point_range()
        self.point.valueChanged.connect(self.session.select_point)
        self.point_info = QLabel()
        self.point_info.setWordWrap(True)
        self.refresh = QPushButton()
        self.refresh.clicked.connect(self.show_model)
        row = QHBoxLayout(self.model_bar)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.point)
        row.addWidget(self.point_info, 1)
        row.addWidget(self.refresh)

        self.scene = GraphScene(self)
        self.view = GraphView(self.scene)
        self.view.setObjectName("lesson_stage")  # a lesson's caption lies over the graph, not the buttons
        self.scene.node_clicked.connect(self._show_node_numbers)
        self.view.step_requested.connect(lambda delta: self.go(self.position + delta))
        self.view.play_requested.connect(self.toggle_play)
        self.view.reset_requested.connect(lambda: self.go(0))

        self.explanation = QTextEdit(readOnly=True)  # a fixed height: the graph does not jump as it steps
        self.explanation.setFrameShape(QFrame.Shape.NoFrame)
        self.explanation.viewport().setAutoFillBackground(False)
        self._size_explanation()
        self.numbers_button = QPushButton(checkable=True)
        self.numbers_button.toggled.connect(lambda: self._explain(self.position))
        explained = QHBoxLayout()
        explained.addWidget(self.explanation, 1)
        explained.addWidget(self.numbers_button, 0, Qt.AlignmentFlag.AlignTop)

        column = QVBoxLayout(self)
        column.setContentsMargins(6, 6, 6, 6)
        column.addWidget(sources)
        column.addWidget(self.formula_bar)
        column.addWidget(self.model_bar)
        column.addWidget(self.view, 1)
        column.addLayout(explained)
        column.addLayout(self._controls())

    def _size_explanation(self) -> None:
        """TEXT_PX at the app's font size, and larger as the window's font grows (a projector)."""
        scale = max(1.0, QFontInfo(self.font()).pointSizeF() / QFontInfo(QApplication.font()).pointSizeF())
        font = self.explanation.font()
        font.setPixelSize(round(TEXT_PX * scale))
        self.explanation.setFont(font)
        self.explanation.setFixedHeight(EXPLANATION_LINES * QFontMetrics(font).lineSpacing() + 8)


    def _controls(self) -> QHBoxLayout:
        sp = QStyle.StandardPixmap
        self.reset_button = self._tool_button(sp.SP_MediaSkipBackward)
        self.back_button = self._tool_button(sp.SP_MediaSeekBackward)
        self.play_button = self._tool_button(sp.SP_MediaPlay)
        self.play_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.forward_button = self._tool_button(sp.SP_MediaSeekForward)
        self.reset_button.clicked.connect(lambda: self.go(0))
        self.back_button.clicked.connect(lambda: self.go(self.position - 1))
        self.forward_button.clicked.connect(lambda: self.go(self.position + 1))
        self.play_button.clicked.connect(self.toggle_play)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setMinimumWidth(60)
        self.slider.valueChanged.connect(self.go)
        self.where = QLabel()
        self.fit_button = QPushButton()
        self.fit_button.clicked.connect(self.view.fit)
        row = QHBoxLayout()
        for widget in (self.reset_button, self.back_button, self.play_button, self.forward_button):
            row.addWidget(widget)
        row.addWidget(self.slider, 1)
        row.addWidget(self.where)
        row.addWidget(self.fit_button)
        return row

    def _tool_button(self, icon) -> QToolButton:
        button = QToolButton()
        button.setIcon(self.style().standardIcon(icon))
        button.setIconSize(QSize(22, 22))
        return button

    # --------------------------------------------------------------- sources
    def show_example(self, key: str) -> None:
        formula, values = LECTURE_EXAMPLES[key]
        self.formula_bar.set_formula(formula, ", ".join(f"{k}={v:g}" for k, v in values.items()))
        self.show_formula(formula, self.formula_bar.values.text(), key)

    def show_formula(self, formula: str, values: str, key: str = "formula") -> None:
        """Trace a typed formula; a mistake is underlined and the graph shown before stays."""
        try:
            trace = self.session.trace_formula(formula, values)
        except ExpressionError as error:
            self._error = error
            self._show_error()
            return
        self._error = None
        self.formula_bar.clear_error()
        self._set_mode(key)
        self._show(trace)

    def _show_error(self, focus: bool = True) -> None:
        error = self._error
        self.formula_bar.show_error(error.field, error.params["start"], error.params["end"],
                                    expression_message(error), focus)

    def show_model(self) -> None:
        """The model's graph for the selected point (the first point if none is), at the current weights."""
        self.runner.pause()
        self._set_mode("model")
        n = len(self.session.points)
        if not n:
            self._traced = None
            self.point_info.setText(self.tr("No points: add some on the Boundary tab"))
            return
        index = self.session.selected_point
        if index is None:  # the first training point; it comes back through _follow_point
            training = np.flatnonzero(~self.session.is_test)
            self.session.select_point(int(training[0]) if len(training) else 0)
            return
        with QSignalBlocker(self.point):
            self.point.setValue(index)
        self._stale = False
        self.refresh.setEnabled(False)
        self._traced = self._traced_point(index)
        self.point_info.setText(self._point_text(*self._traced))
        self._show(self.session.sample_trace(index))

    def _traced_point(self, index: int) -> tuple:
        """What the words say of point ``index``, traced now: (x, y, class name, test point?, training
        step). Kept, not looked up again: the point may be gone when they are said in another language."""
        s = self.session
        x, y = s.points[index]
        return float(x), float(y), s.class_names[s.labels[index]], bool(s.is_test[index]), s.stats.step

    def _point_text(self, x: float, y: float, name: str, is_test: bool, step: int) -> str:
        """A point (``_traced_point``), traced at the weights of training ``step``."""
        if is_test:
            template = self.tr("({x:.2f}, {y:.2f}), class {name}, a test point; weights of training step "
                               "{step}. Click a point on the Boundary tab to follow another.")
        else:
            template = self.tr("({x:.2f}, {y:.2f}), class {name}, a training point; weights of training step "
                               "{step}. Click a point on the Boundary tab to follow another.")
        return template.format(x=x, y=y, name=name, step=step)

    def _set_mode(self, key: str) -> None:
        self.mode = key
        if key != "model":
            self._traced = None
        for name, action in self.sources.items():
            action.setChecked(name == key)
        self.formula_bar.setVisible(key != "model")
        self.model_bar.setVisible(key == "model")

    def _fit_point_range(self) -> None:
        """The point box offers the points there are: 0 to N - 1."""
        with QSignalBlocker(self.point):
            self.point.setRange(0, max(len(self.session.points) - 1, 0))

    def _follow_point(self, index) -> None:
        self._show_ring()
        if self.mode == "model":  # (a point that went away: the first training point instead)
            self.show_model()

    def _weights_moved(self, *_) -> None:
        if self.mode == "model" and not self._stale:
            self._stale = True
            self.refresh.setEnabled(True)

    def _show_ring(self, *_) -> None:
        index = self.session.selected_point
        if index is None or index >= len(self.session.points):
            self._ring.setData([], [])
        else:
            x, y = self.session.points[index]
            self._ring.setData([x], [y])

    # -------------------------------------------------------------- stepping
    def _show(self, trace) -> None:
        self.stop()
        self.replay = Replay(trace)
        self.scene.show_graph(self.replay, layout(trace))
        with QSignalBlocker(self.slider):
            self.slider.setRange(0, self.replay.last)
        self.position = -1  # so that go(0) redraws
        self.go(0)
        self.view.fit()

    def go(self, position: int) -> None:
        """Show the graph after ``position`` steps (clipped to the first and last)."""
        if self.replay is None:
            return
        position = int(np.clip(position, 0, self.replay.last))
        if position == self.position:
            return
        self.position = position
        self._clicked = None
        with QSignalBlocker(self.slider):
            self.slider.setValue(position)
        self.scene.show_position(position)
        self._explain(position)
        current = self.replay.current(position)
        forward = self.replay.trace.forward_order
        focus = current if current is not None else (forward[0] if forward else 0)
        self.view.follow(self.scene.centre_of(focus))
        self.back_button.setEnabled(position > 0)
        self.forward_button.setEnabled(position < self.replay.last)
        if position == self.replay.last:
            self.stop()

    def toggle_play(self) -> None:
        if self.timer.isActive():
            self.stop()
        elif self.replay is not None:
            if self.position == self.replay.last:
                self.go(0)
            self.timer.start()
            self.play_button.setText(self.tr("Pause"))
            self.play_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_MediaPause))

    def stop(self) -> None:
        self.timer.stop()
        self.play_button.setText(self.tr("Play"))
        self.play_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_MediaPlay))

    def _advance(self) -> None:
        self.go(self.position + 1)

    # ------------------------------------------------------------ explaining
    def _explain(self, position: int) -> None:
        """The step in words (or, with Numbers on, its arrays) and where it is."""
        self.where.setText(self.tr("step {p} of {n}").format(p=position, n=self.replay.last))
        current = self.replay.current(position)
        node = None if current is None else self.replay.trace.nodes[current]
        if node is not None and node.span is not None and self.mode != "model":
            self.formula_bar.highlight(*node.span, node.source)
        if self.numbers_button.isChecked():
            shown = self._clicked if self._clicked is not None else current
            self.explanation.setHtml(f"<pre>{html.escape(self._numbers(position, shown))}</pre>")
        else:
            self.explanation.setHtml(self._words(position, node))

    def _words(self, position: int, node) -> str:
        replay, trace = self.replay, self.replay.trace
        phase, k = replay.phase(position), replay.index_in_phase(position)
        if phase == "start":
            title = self.tr("The inputs")
            lines = [self.tr("Forward (\u2192) computes the graph one node at a time; then the backward "
                             "pass sends the gradient back, node by node.")]
        elif phase == "forward":
            title = self.tr("Forward {k} of {n}").format(k=k, n=replay.n_forward)
            lines = [forward_text(trace, node.id)]
        else:
            title = self.tr("Backward {k} of {n}").format(k=k, n=replay.n_backward)
            lines = backward_lines(trace, replay.step(position))
        if node is not None:
            about = node.name or node.source
            title += f" \u2014 {gate_name(node.op)}" + (f": {about}" if about else "")
        color = {"forward": "#1B7F3B", "backward": "#C62828"}.get(phase, "#202020")
        body = "<br>".join(html.escape(line) for line in lines)
        return f"<b>{html.escape(title)}</b><br><span style='color:{color}'>{body}</span>"

    def _numbers(self, position: int, node_id: int | None) -> str:
        """The arrays of node ``node_id`` (its inputs, value, and the backward step's gradients
        once they are known) -- or of the inputs, before any step."""
        replay, trace = self.replay, self.replay.trace
        if node_id is None:
            return "\n".join(_block(label(n), n.value) for n in trace.nodes if n.is_leaf)
        node = trace.nodes[node_id]
        blocks = [f"{label(node)}: {node.op}"]
        if replay.value_known(position, node_id):
            for i in node.inputs:
                blocks.append(_block(self.tr("input {name}").format(name=label(trace.nodes[i])),
                                     trace.nodes[i].value))
            blocks.append(_block(self.tr("value"), node.value))
        step = trace.step_of.get(node_id)
        if step is not None and replay.gradient_sent(position, node_id):
            blocks.append(_block(self.tr("upstream"), step.upstream))
            for slot, parent in enumerate(node.inputs):
                who = label(trace.nodes[parent])
                if step.local is not None:
                    blocks.append(_block(self.tr("local d/d {name}").format(name=who), step.local[slot]))
                blocks.append(_block(self.tr("downstream to {name}").format(name=who), step.downstream[slot]))
        elif node.grad is not None and replay.gradient_known(position, node_id):
            blocks.append(_block(self.tr("gradient"), node.grad))
        return "\n".join(blocks)

    def _show_node_numbers(self, node_id: int) -> None:
        """A click on a node: its arrays, in the explanation's place."""
        self._clicked = node_id
        if self.numbers_button.isChecked():
            self._explain(self.position)
        else:
            self.numbers_button.setChecked(True)


def _block(title: str, array) -> str:
    """'title (8×1)' over the array, indented; a column (n, 1) written as a row with a ᵀ."""
    if array is None:
        return f"{title}: -"
    array = np.asarray(array)
    column = array.ndim == 2 and array.shape[1] == 1 and array.shape[0] > 1
    text = np.array2string(array[:, 0] if column else array, precision=4, suppress_small=True,
                           max_line_width=80)
    shape = f" ({shape_text(array.shape)})" if array.ndim else ""
    return f"{title}{shape}:\n  " + (text + "\u1d40" if column else text).replace("\n", "\n  ")

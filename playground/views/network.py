"""The network panel: the diagram of the network as it trains, and what the mouse points at.

A row with the "Gradient flow" toggle and the key, the diagram (``NetworkDiagram``), and a
line naming what is under the mouse: an edge's weight, gradient and last update, or a
neuron's bias, pre-activation range and dead or saturated share. A hovered neuron's map is
drawn large on the canvas (``NeuronOverlay``); a click pins it there, a second click or Esc
unpins it. Gradient flow is switched on when training starts, unless the user chose.

Everything comes from the session's queries: ``neuron_maps`` (every column in one pass),
``network_arrays`` (weights and the last step's real gradients and update) and
``neuron_stats``. The panel redraws at most every REFRESH_MS while it is visible, and at
once when the network changes shape (``clock``, a ``RefreshClock``: its refreshed() follows
each redraw).

Listens to: session.stats_changed, runner.running_changed. Says its words again (the
diagram's captions too) on QEvent.LanguageChange. Emits nothing of its own.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from playground import messages, style
from playground.session import Session
from playground.views.network_diagram import SAMPLES, Captions, NetworkDiagram
from playground.views.network_legend import NetworkLegend
from playground.views.neuron_overlay import NeuronOverlay
from playground.views.refresh_clock import RefreshClock

REFRESH_MS = 100
NO_VALUE = "—"


def number(x: float) -> str:
    """A weight, gradient or bias for people: 3 significant digits, scientific when tiny or huge."""
    if not math.isfinite(x):
        return NO_VALUE
    return f"{x:.3g}" if x == 0 or 1e-3 <= abs(x) < 1e4 else f"{x:.2e}"


class ElidedLabel(QLabel):
    """One line of text, cut with "…" when the panel is narrower; the whole text is its tooltip."""

    def __init__(self):
        super().__init__()
        self.full_text = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

    def set_full_text(self, text: str) -> None:
        self.full_text = text
        self.setToolTip(text)
        self._elide()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        self.setText(self.fontMetrics().elidedText(self.full_text, Qt.TextElideMode.ElideRight, self.width()))


class NetworkView(QWidget):
    def __init__(self, session: Session, canvas=None, runner=None, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.gradient_toggle = QCheckBox()
        self.legend = NetworkLegend()
        self.diagram = NetworkDiagram()
        self.info = ElidedLabel()
        self.overlay = NeuronOverlay(session, canvas) if canvas is not None else None
        self.arrays: tuple = ()  # the session's network_arrays() as last drawn
        self.pinned: tuple | None = None
        self.hovered: tuple | None = None
        self._chosen_mode: bool | None = None  # what the user picked with the toggle, if anything
        self._network_key = None
        self.clock = RefreshClock(self, self.refresh, REFRESH_MS)
        self.unpin_key = QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.unpin,
                                   context=Qt.ShortcutContext.WindowShortcut)
        self.unpin_key.setEnabled(False)
        self._build_layout()
        self.gradient_toggle.clicked.connect(self._choose_mode)
        self.gradient_toggle.toggled.connect(lambda _: self._redraw(now=True))  # at once, if shown
        self.diagram.hovered.connect(self._hover)
        self.diagram.clicked.connect(self._click)
        session.stats_changed.connect(self._stats_changed)
        if runner is not None:
            runner.running_changed.connect(self._running_changed)
        self.retranslate()

    def retranslate(self) -> None:
        """The words in the interface's language: the toggle, the diagram's captions, the hovered numbers."""
        self.unpin_key.setWhatsThis(self.tr("Unpin the neuron map from the canvas"))  # (Help lists it)
        self.gradient_toggle.setText(self.tr("Gradient flow"))
        self.gradient_toggle.setToolTip(self.tr("Light the edges and neurons by the size of their "
                                                "gradient in the last training step (log scale)"))
        if not self._sync_network():  # (the first time: laid out with its words)
            self.diagram.set_captions(self._captions())
        self._show_info()
        self._show_overlay()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _build_layout(self) -> None:
        top = QHBoxLayout()
        top.setContentsMargins(6, 2, 6, 0)
        top.addWidget(self.gradient_toggle)
        top.addSpacing(12)
        top.addWidget(self.legend, 1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 2)
        column.setSpacing(2)
        column.addLayout(top)
        column.addWidget(self.diagram, 1)
        info = QHBoxLayout()
        info.setContentsMargins(6, 0, 6, 0)
        info.addWidget(self.info)
        column.addLayout(info)

    # ------------------------------------------------------------ mode
    @property
    def gradient_mode(self) -> bool:
        return self.gradient_toggle.isChecked()

    def set_gradient_mode(self, on: bool) -> None:
        self.gradient_toggle.setChecked(on)

    def _choose_mode(self, on: bool) -> None:
        self._chosen_mode = on

    def _running_changed(self, running: bool) -> None:
        if running and self._chosen_mode is None:
            self.set_gradient_mode(True)

    # ------------------------------------------------------------ refresh
    def _stats_changed(self, _stats) -> None:
        self._redraw(now=self._sync_network())  # a new shape is drawn at once

    def _redraw(self, now: bool) -> None:
        """Redraw now or on the clock if anyone can see the panel; else once it is shown."""
        if now and self.isVisible():
            self.clock.refresh_now()
        else:
            self.clock.request()

    def _sync_network(self) -> bool:
        """Lay the diagram out again if the network's shape or words changed; True if so."""
        s = self.session
        info, model = s.model_info(), s.settings.model
        key = (info.sizes, model.features, info.activation, s.settings.training.loss, s.class_names)
        if key == self._network_key:
            return False
        self._network_key = key
        self.hovered = None  # the neurons it named may be gone
        self.unpin()
        self.diagram.set_network(info.sizes, self._captions())
        return True

    def _captions(self) -> Captions:
        """The diagram's words for the session's network, in the interface's language."""
        s = self.session
        info, model = s.model_info(), s.settings.model
        activation = QCoreApplication.translate("Activations", messages.ACTIVATIONS[info.activation])
        symbol = messages.ACTIVATION_SYMBOLS[info.activation]
        hidden = len(info.sizes) - 2
        return Captions(
            columns=(self.tr("inputs"), *[activation] * hidden, self.tr("scores"), self.tr("loss")),
            short_columns=("x", *[symbol] * hidden, "s", "L"),
            kinds=("input", *[info.activation] * hidden, "scores"),
            inputs=tuple(messages.FEATURE_LABELS[f] for f in model.features),
            classes=s.class_names,
            loss=QCoreApplication.translate("Losses", messages.LOSSES[s.settings.training.loss]),
            widest_loss=self._loss_line(8.88e88),
            more=self.tr("+{count} more"), short_more="+{count}",
            strongest=self.tr("strongest {shown} of {count}"), short_strongest="{shown}/{count}")

    def _loss_line(self, loss: float) -> str:
        return self.tr("L = {loss}").format(loss=number(loss))

    def refresh(self) -> None:
        """Draw the network as it is now: maps, edges, rims, key, the hovered numbers."""
        self._sync_network()
        maps = self.session.neuron_maps(style.PLANE, SAMPLES)
        self.arrays = self.session.network_arrays()
        self.diagram.show_state(maps, self.arrays, self.gradient_mode,
                                self._loss_line(self.session.stats.train_loss))
        self.legend.set_mode(self.gradient_mode, self.diagram.gradient_top)
        self._show_info()
        if self.overlay is not None:
            self.overlay.refresh()

    # ------------------------------------------------------------ mouse
    def _hover(self, target) -> None:
        self.hovered = target
        self._show_info()
        self._show_overlay()

    def _click(self, target) -> None:
        if target is None or target[0] != "neuron":
            return
        if target == self.pinned:
            self.unpin()
        else:
            self.pinned = target
            self.unpin_key.setEnabled(True)
            self.diagram.set_pinned(target)
            self._show_overlay()

    def unpin(self) -> None:
        self.pinned = None
        self.unpin_key.setEnabled(False)
        self.diagram.set_pinned(None)
        self._show_overlay()

    def _show_overlay(self) -> None:
        """The hovered neuron's map on the canvas, else the pinned one's, else none."""
        if self.overlay is None:
            return
        target = self.hovered if self.hovered and self.hovered[0] == "neuron" else self.pinned
        if target is None:
            self.overlay.hide()
            return
        _, column, unit = target
        caption = self.neuron_name(column, unit)
        if target == self.pinned:
            caption = self.tr("{neuron} (pinned: Esc to unpin)").format(neuron=caption)
        self.overlay.show(column, unit, self.diagram.captions.kinds[column], caption)

    def neuron_name(self, column: int, unit: int) -> str:
        c = self.diagram.captions
        if column == 0:
            return self.tr("input {name}").format(name=c.inputs[unit])
        if column == len(c.kinds) - 1:
            return self.tr("score of {name}").format(name=c.classes[unit])
        return self.tr("layer {layer} #{unit}").format(layer=column, unit=unit + 1)

    def _show_info(self) -> None:
        target = self.hovered or self.pinned
        if target is None or not self.arrays:
            self.info.set_full_text(self.tr("Point at a neuron or an edge for its numbers; click a "
                                            "neuron to keep its map on the canvas."))
        elif target[0] == "edge":
            self.info.set_full_text(self.edge_text(*target[1:]))
        else:
            self.info.set_full_text(self.neuron_text(*target[1:]))

    def edge_text(self, layer: int, to: int, frm: int) -> str:
        a = self.arrays[layer - 1]
        return self.tr("W{layer}[{to},{frm}]: weight {weight}, ∂L/∂w {gradient}, last update {update} "
                       "({source} → {target})").format(
            layer=layer, to=to + 1, frm=frm + 1, source=self.neuron_name(layer - 1, frm),
            target=self.neuron_name(layer, to), weight=number(a.weight[to, frm]),
            gradient=number(a.weight_grad[to, frm]), update=number(a.weight_update[to, frm]))

    def neuron_text(self, column: int, unit: int) -> str:
        name = self.neuron_name(column, unit)
        if column == 0:
            return self.tr("{name}: the feature itself, before any weight").format(name=name)
        stats = self.session.neuron_stats()[column - 1]
        values = dict(name=name, bias=number(stats.bias[unit]), low=number(stats.pre_min[unit]),
                      high=number(stats.pre_max[unit]),
                      gradient=number(self.arrays[column - 1].output_grad[unit]))
        if not math.isnan(stats.dead[unit]):
            template = self.tr("{name}: bias {bias}, pre-activation {low} … {high}, dead (0) on "
                               "{share:.0%} of training points, |∂L/∂h| {gradient}")
            values["share"] = stats.dead[unit]
        elif not math.isnan(stats.saturated[unit]):
            template = self.tr("{name}: bias {bias}, pre-activation {low} … {high}, saturated on "
                               "{share:.0%} of training points, |∂L/∂h| {gradient}")
            values["share"] = stats.saturated[unit]
        else:
            template = self.tr("{name}: bias {bias}, pre-activation {low} … {high}, |∂L/∂h| {gradient}")
        return template.format(**values)

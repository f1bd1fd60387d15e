"""The model panel: linear classifier or MLP, layers, activation, input features.

Hidden layers are edited with a layer count and a width per layer, each typed
or stepped with − / + buttons, as in TensorFlow Playground. Each control asks
the session to change its one field; any change rebuilds the model from the
seed; the points stay.

Listens to: session.settings_changed, session.points_changed (class count).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from engine.settings import LIMITS, MAX_HIDDEN_LAYERS, ModelSettings
from playground import messages
from playground.panels.controls import PANEL_MARGINS, choice_box, form, quiet, select
from playground.session import Session

NEW_LAYER_WIDTH = 4


class Stepper(QWidget):
    """[−] [8 neurons] [+]: a whole number to type (Enter commits) or to step with the buttons.

    Calls ``on_change(value)`` once per edit; ``units`` is the (singular, plural) word after it.
    """

    def __init__(self, units: tuple[str, str], low: int, high: int, on_change):
        super().__init__()
        self.units, self.on_change = units, on_change
        self.minus, self.plus = QToolButton(text="\u2212"), QToolButton(text="+")
        self.box = QSpinBox()
        self.box.setRange(low, high)
        self.box.setButtonSymbols(QSpinBox.ButtonSymbols.NoButtons)
        self.box.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.box.setKeyboardTracking(False)  # one change per edit, not per typed digit
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.minus)
        layout.addWidget(self.box, 1)
        layout.addWidget(self.plus)
        self.minus.clicked.connect(lambda: self._change(self.box.value() - 1))
        self.plus.clicked.connect(lambda: self._change(self.box.value() + 1))
        self.box.valueChanged.connect(self._change)

    @property
    def value(self) -> int:
        return self.box.value()

    def set_value(self, value: int) -> None:
        with quiet(self.box):
            self.box.setSuffix(" " + self.units[value != 1])
            self.box.setValue(value)
        self.minus.setEnabled(value > self.box.minimum())
        self.plus.setEnabled(value < self.box.maximum())

    def _change(self, value: int) -> None:
        self.on_change(min(self.box.maximum(), max(self.box.minimum(), value)))


class ModelPanel(QWidget):
    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self.session = session
        self.linear = QRadioButton("Linear classifier")
        self.mlp = QRadioButton("Neural network (MLP)")
        self.kind = QButtonGroup(self)
        self.kind.addButton(self.linear)
        self.kind.addButton(self.mlp)
        self.layer_count = Stepper((self.tr("hidden layer"), self.tr("hidden layers")), 0, MAX_HIDDEN_LAYERS,
                                   self._set_layer_count)
        width = LIMITS["model.hidden"]
        self.widths = [Stepper((self.tr("neuron"), self.tr("neurons")), width.low, width.high,
                               lambda w, i=i: self._set_width(i, w))
                       for i in range(MAX_HIDDEN_LAYERS)]
        self.activation = choice_box(messages.ACTIVATIONS, "The non-linearity after every hidden layer")
        self.features = {name: QCheckBox(label) for name, label in messages.FEATURE_LABELS.items()}
        self.summary = QLabel()  # first: it stays in view when a short window scrolls the panel
        self.summary.setWordWrap(True)
        font = self.summary.font()
        font.setBold(True)
        self.summary.setFont(font)

        self.layers = layers = form()
        layers.addRow("Layers", self.layer_count)
        for i, stepper in enumerate(self.widths):
            layers.addRow(f"Layer {i + 1}", stepper)
        layers.addRow("Activation", self.activation)
        grid = QGridLayout()
        for i, box in enumerate(self.features.values()):
            grid.addWidget(box, i // 3, i % 3)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(*PANEL_MARGINS)
        outer.addWidget(self.summary)
        outer.addWidget(self.linear)
        outer.addWidget(self.mlp)
        outer.addLayout(layers)
        outer.addWidget(QLabel("Input features"))
        outer.addLayout(grid)

        self.kind.buttonClicked.connect(
            lambda _: session.set_model_field("kind", "linear" if self.linear.isChecked() else "mlp"))
        self.activation.currentIndexChanged.connect(
            lambda _: session.set_model_field("activation", self.activation.currentData()))
        for name, box in self.features.items():
            box.toggled.connect(lambda on, name=name: self._toggle_feature(name, on))
        session.settings_changed.connect(self.show_settings)
        session.points_changed.connect(self.show_summary)
        self.show_settings()

    @property
    def _model(self) -> ModelSettings:
        return self.session.settings.model

    # ---------------------------------------------------- widget -> session
    def _set_layer_count(self, count: int) -> None:
        hidden = self._model.hidden
        self.session.set_model_field("hidden", hidden[:count] + (NEW_LAYER_WIDTH,) * (count - len(hidden)))

    def _set_width(self, layer: int, width: int) -> None:
        hidden = list(self._model.hidden)
        hidden[layer] = width
        self.session.set_model_field("hidden", tuple(hidden))

    def _toggle_feature(self, name: str, on: bool) -> None:
        """Add or remove one feature; the others keep their order (the model's input order)."""
        features = self._model.features
        features = (*features, name) if on else tuple(f for f in features if f != name)
        if not features:  # the model needs at least one input: keep the last box ticked
            self.show_settings()
            return
        self.session.set_model_field("features", features)

    # ---------------------------------------------------- session -> widget
    def show_settings(self) -> None:
        m = self._model
        is_mlp = m.kind == "mlp"
        with quiet(self.kind, self.activation, *self.features.values()):
            self.mlp.setChecked(is_mlp)
            self.linear.setChecked(not is_mlp)
            select(self.activation, m.activation)
            for name, box in self.features.items():
                box.setChecked(name in m.features)
        self.layer_count.set_value(len(m.hidden))
        self.layer_count.setEnabled(is_mlp)
        self.activation.setEnabled(is_mlp)
        for i, stepper in enumerate(self.widths):
            shown = i < len(m.hidden)
            self.layers.setRowVisible(stepper, shown)
            stepper.setEnabled(is_mlp)
            if shown:
                stepper.set_value(m.hidden[i])
        self.show_summary()

    def show_summary(self) -> None:
        self.summary.setText(messages.model_summary(self.session.model_info()))


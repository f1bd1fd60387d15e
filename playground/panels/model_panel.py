"""The model panel: linear classifier or MLP, layers, activation, input features.

Hidden layers are edited with a layer count and a width per layer, each typed
or stepped with − / + buttons, as in TensorFlow Playground. Each control asks
the session to change its one field; any change rebuilds the model from the
seed; the points stay.

Listens to: session.settings_changed, session.points_changed (class count).
Says its words again on QEvent.LanguageChange.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
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
from playground.panels.controls import PANEL_MARGINS, choice_box, form, name_rows, quiet, rename_items, select
from playground.session import Session

NEW_LAYER_WIDTH = 4


class Stepper(QWidget):
    """[−] [8 neurons] [+]: a whole number to type (Enter commits) or to step with the buttons.

    Calls ``on_change(value)`` once per edit; ``units``: how one and how many read, around
    "{n}" ("{n} neuron", "{n} neurons"; in Korean "뉴런 {n}개" both).
    """

    def __init__(self, low: int, high: int, on_change):
        super().__init__()
        self.units, self.on_change = ("{n}", "{n}"), on_change
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

    def set_units(self, units: tuple[str, str]) -> None:
        self.units = units
        self.set_value(self.value)

    def set_value(self, value: int) -> None:
        prefix, _, suffix = self.units[value != 1].partition("{n}")
        with quiet(self.box):
            self.box.setPrefix(prefix)
            self.box.setSuffix(suffix)
            self.box.setValue(value)
        self.minus.setEnabled(value > self.box.minimum())
        self.plus.setEnabled(value < self.box.maximum())

    def _change(self, value: int) -> None:
        self.on_change(min(self.box.maximum(), max(self.box.minimum(), value)))


class ModelPanel(QWidget):
    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self.session = session
        self.linear = QRadioButton()
        self.mlp = QRadioButton()
        self.kind = QButtonGroup(self)
        self.kind.addButton(self.linear)
        self.kind.addButton(self.mlp)
        self.layer_count = Stepper(0, MAX_HIDDEN_LAYERS, self._set_layer_count)
        width = LIMITS["model.hidden"]
        self.widths = [Stepper(width.low, width.high, lambda w, i=i: self._set_width(i, w))
                       for i in range(MAX_HIDDEN_LAYERS)]
        self.activation = choice_box(messages.ACTIVATIONS)
        self.features = {name: QCheckBox(label) for name, label in messages.FEATURE_LABELS.items()}
        self.summary = QLabel()  # first: it stays in view when a short window scrolls the panel
        self.summary.setWordWrap(True)
        font = self.summary.font()
        font.setBold(True)
        self.summary.setFont(font)

        self.layers = layers = form()
        for text, field in self._rows():
            layers.addRow(text, field)
        grid = QGridLayout()
        for i, box in enumerate(self.features.values()):
            grid.addWidget(box, i // 3, i % 3)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(*PANEL_MARGINS)
        outer.addWidget(self.summary)
        outer.addWidget(self.linear)
        outer.addWidget(self.mlp)
        outer.addLayout(layers)
        self.features_heading = QLabel()
        outer.addWidget(self.features_heading)
        outer.addLayout(grid)

        self.kind.buttonClicked.connect(
            lambda _: session.set_model_field("kind", "linear" if self.linear.isChecked() else "mlp"))
        self.activation.currentIndexChanged.connect(
            lambda _: session.set_model_field("activation", self.activation.currentData()))
        for name, box in self.features.items():
            box.toggled.connect(lambda on, name=name: self._toggle_feature(name, on))
        session.settings_changed.connect(self.show_settings)
        session.points_changed.connect(self.show_summary)
        self.retranslate()
        self.show_settings()

    def _rows(self) -> list[tuple[str, QWidget]]:
        layers = [(self.tr("Layer {number}").format(number=i + 1), stepper)
                  for i, stepper in enumerate(self.widths)]
        return [(self.tr("Layers"), self.layer_count), *layers, (self.tr("Activation"), self.activation)]

    def retranslate(self) -> None:
        """Every word of the panel in the interface's language."""
        self.linear.setText(self.tr("Linear classifier"))
        self.mlp.setText(self.tr("Neural network (MLP)"))
        self.layer_count.set_units((self.tr("{n} hidden layer"), self.tr("{n} hidden layers")))
        for stepper in self.widths:
            stepper.set_units((self.tr("{n} neuron"), self.tr("{n} neurons")))
        name_rows(self.layers, self._rows())
        rename_items(self.activation, messages.named(messages.ACTIVATIONS, "Activations"))
        self.activation.setToolTip(self.tr("The non-linearity after every hidden layer"))
        self.features_heading.setText(self.tr("Input features"))
        self.show_summary()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

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


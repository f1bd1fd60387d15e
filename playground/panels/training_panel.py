"""The training panel: loss, optimizer, learning rate, batch size, penalties, seed.

Each control asks the session to change its one field. Everything but the
seed applies to a running model without resetting it; a new seed restarts
from new initial weights.

Listens to: session.settings_changed.
"""

from __future__ import annotations

import math

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDoubleValidator
from PySide6.QtWidgets import QComboBox, QWidget

from engine.settings import LIMITS, Limit
from playground import messages
from playground.panels.controls import PANEL_MARGINS, NumberBox, choice_box, form, quiet, select
from playground.session import Session

LEARNING_RATES = (0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0)
PENALTIES = (0.0, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1)


class NumberChoice(QComboBox):
    """Preset numbers to pick from, or type your own; emits ``chosen(float)`` once per edit."""

    chosen = Signal(float)

    def __init__(self, presets, limit: Limit, tooltip: str = ""):
        super().__init__()
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setToolTip(tooltip)
        self.limit = limit
        for value in presets:
            self.addItem(_number(value), value)
        validator = QDoubleValidator(limit.low, limit.high, -1, self)  # -1: any number of decimals
        validator.setNotation(QDoubleValidator.Notation.ScientificNotation)
        self.setValidator(validator)
        self.activated.connect(lambda _: self._emit())
        self.lineEdit().editingFinished.connect(self._emit)
        self.value = presets[0]

    def keyPressEvent(self, event) -> None:
        super().keyPressEvent(event)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._drop_refused_text()

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        self._drop_refused_text()

    def _drop_refused_text(self) -> None:
        """Text the validator refuses ('1e6' above the range, '+') ends no edit (no editingFinished):
        when Enter or leaving the field would end it, show the value in force again."""
        if not self.lineEdit().hasAcceptableInput():
            self.set_value(self.value)

    def set_value(self, value: float) -> None:
        """Show ``value``: its preset selected, or typed in with no preset highlighted."""
        self.value = value
        self.setCurrentIndex(self.findData(value))  # -1 (none) when it is not a preset
        self.setEditText(_number(value))

    def _emit(self) -> None:
        try:
            value = float(self.currentText())
        except ValueError:
            value = math.nan
        if not self.limit.contains(value):  # not a number, or out of range: show the last good one
            self.set_value(self.value)
            return
        if value != self.value:
            self.value = value
            self.chosen.emit(value)


class TrainingPanel(QWidget):
    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self.session = session
        self.loss = choice_box(messages.LOSSES,
                               "What the optimizer minimises (separate from the activations)")
        self.optimizer = choice_box(messages.OPTIMIZERS, "How each step moves the weights")
        self.learning_rate = NumberChoice(LEARNING_RATES, LIMITS["training.learning_rate"],
                                          "Step size: too small is slow, too large diverges")
        self.batch_size = NumberBox(LIMITS["training.batch_size"], 10,
                                    "Points per step; 'full batch' uses every training point",
                                    special="full batch")
        self.l1 = NumberChoice(PENALTIES, LIMITS["training.l1"],
                               "L1 penalty on the weights: pushes them to exactly 0")
        self.l2 = NumberChoice(PENALTIES, LIMITS["training.l2"],
                               "L2 penalty on the weights: keeps them small")
        self.seed = NumberBox(LIMITS["seed"], 1, "Seed of the initial weights (Reset returns to them)")

        layout = form()
        layout.addRow("Loss", self.loss)
        layout.addRow("Optimizer", self.optimizer)
        layout.addRow("Learning rate", self.learning_rate)
        layout.addRow("Batch size", self.batch_size)
        layout.addRow("L1", self.l1)
        layout.addRow("L2", self.l2)
        layout.addRow("Weight seed", self.seed)
        layout.setContentsMargins(*PANEL_MARGINS)
        self.setLayout(layout)

        for name, box in (("loss", self.loss), ("optimizer", self.optimizer)):
            box.currentIndexChanged.connect(
                lambda _, name=name, box=box: session.set_training_field(name, box.currentData()))
        self.batch_size.edited.connect(lambda value: session.set_training_field("batch_size", value))
        for name, number in (("learning_rate", self.learning_rate), ("l1", self.l1), ("l2", self.l2)):
            number.chosen.connect(lambda value, name=name: session.set_training_field(name, value))
        self.seed.edited.connect(session.set_seed)
        session.settings_changed.connect(self.show_settings)
        self.show_settings()

    def show_settings(self) -> None:
        t = self.session.settings.training
        with quiet(self.loss, self.optimizer, self.batch_size, self.seed,
                   self.learning_rate, self.l1, self.l2):
            select(self.loss, t.loss)
            select(self.optimizer, t.optimizer)
            self.learning_rate.set_value(t.learning_rate)
            self.batch_size.show_value(t.batch_size)
            self.l1.set_value(t.l1)
            self.l2.set_value(t.l2)
            self.seed.show_value(self.session.settings.seed)


def _number(value: float) -> str:
    """Short when that is exact ('0.3', '1e-05'), else every digit: what is shown is what is kept."""
    text = f"{value:g}"
    return text if float(text) == value else repr(value)

"""The training panel: loss, optimizer, learning rate, batch size, penalties, seed.

Each control asks the session to change its one field. Everything but the
seed applies to a running model without resetting it; a new seed restarts
from new initial weights.

Listens to: session.settings_changed. Says its words again on QEvent.LanguageChange.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QDoubleValidator
from PySide6.QtWidgets import QComboBox, QWidget

from engine.settings import LIMITS, Limit
from playground import messages
from playground.panels.controls import (
    PANEL_MARGINS,
    NumberBox,
    choice_box,
    form,
    name_rows,
    quiet,
    rename_items,
    select,
)
from playground.session import Session

LEARNING_RATES = (0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0)
PENALTIES = (0.0, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1)


class NumberChoice(QComboBox):
    """Preset numbers to pick from, or type your own; emits ``chosen(float)`` once per edit."""

    chosen = Signal(float)

    def __init__(self, presets, limit: Limit):
        super().__init__()
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
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
        self.loss = choice_box(messages.LOSSES)
        self.optimizer = choice_box(messages.OPTIMIZERS)
        self.learning_rate = NumberChoice(LEARNING_RATES, LIMITS["training.learning_rate"])
        self.batch_size = NumberBox(LIMITS["training.batch_size"], 10)
        self.l1 = NumberChoice(PENALTIES, LIMITS["training.l1"])
        self.l2 = NumberChoice(PENALTIES, LIMITS["training.l2"])
        self.seed = NumberBox(LIMITS["seed"], 1)

        self.form = layout = form()
        for text, field in self._rows():
            layout.addRow(text, field)
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
        self.retranslate()
        self.show_settings()

    def _rows(self) -> list[tuple[str, QWidget]]:
        return [(self.tr("Loss"), self.loss), (self.tr("Optimizer"), self.optimizer),
                (self.tr("Learning rate"), self.learning_rate), (self.tr("Batch size"), self.batch_size),
                (self.tr("L1"), self.l1), (self.tr("L2"), self.l2), (self.tr("Weight seed"), self.seed)]

    def retranslate(self) -> None:
        """Every word of the panel in the interface's language."""
        name_rows(self.form, self._rows())
        rename_items(self.loss, messages.named(messages.LOSSES, "Losses"))
        rename_items(self.optimizer, messages.named(messages.OPTIMIZERS, "Optimizers"))
        self.loss.setToolTip(self.tr("What the optimizer minimises (separate from the activations)"))
        self.optimizer.setToolTip(self.tr("How each step moves the weights"))
        self.learning_rate.setToolTip(self.tr("Step size: too small is slow, too large diverges"))
        self.batch_size.setToolTip(self.tr("Points per step; 'full batch' uses every training point"))
        self.batch_size.setSpecialValueText(self.tr("full batch"))
        self.l1.setToolTip(self.tr("L1 penalty on the weights: pushes them to exactly 0"))
        self.l2.setToolTip(self.tr("L2 penalty on the weights: keeps them small"))
        self.seed.setToolTip(self.tr("Seed of the initial weights (Reset returns to them)"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

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

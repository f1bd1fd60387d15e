"""Small building blocks shared by the panels."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QCoreApplication, QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QFormLayout, QMessageBox, QWidget

from engine.settings import Limit

FRACTION_DIGITS = 15  # a fractional field is kept to this many decimals: as exact as a float prints
PANEL_MARGINS = (8, 4, 8, 6)  # left, top, right, bottom: the dock's title bar is just above


@contextmanager
def quiet(*widgets: QWidget) -> Iterator[None]:
    """Update widgets from the model without their signals echoing back to it."""
    blockers = [QSignalBlocker(w) for w in widgets]
    try:
        yield
    finally:
        for blocker in blockers:
            blocker.unblock()


def choice_box(labels: dict[str, str]) -> QComboBox:
    """A combo box listing ``labels`` values, each item carrying its key as data."""
    box = QComboBox()
    for key, label in labels.items():
        box.addItem(label, key)
    return box


def select(box: QComboBox, key) -> None:
    box.setCurrentIndex(box.findData(key))


def rename_items(box: QComboBox, labels: dict[str, str], tooltips: dict[str, str] | None = None) -> None:
    """Name each item of a ``choice_box`` again (by its key), and its tooltip: a new language."""
    for i in range(box.count()):
        key = box.itemData(i)
        box.setItemText(i, labels[key])
        if tooltips is not None:
            box.setItemData(i, tooltips[key], Qt.ItemDataRole.ToolTipRole)


def name_rows(layout: QFormLayout, rows: list[tuple[str, QWidget]]) -> None:
    """The labels of a form's rows, (text, field) each: a new language."""
    for text, field in rows:
        layout.labelForField(field).setText(text)


class NumberBox(QDoubleSpinBox):
    """A spin box for one numeric settings field, ranged by the field's engine ``Limit``.

    It shows and keeps every value the field may hold: whole numbers up to 2**53
    (a seed of 4294967295, where a QSpinBox stops at 2**31 - 1), fractions with
    as many digits as they need (0.125, not 0.13). ``scale`` shows the value
    multiplied (100, with a " %" suffix, for a fraction as a percentage). Its tooltip and
    special value text ("full batch" for 0) are the panel's to set, in the interface's language.

    Emits ``edited(value)`` once per edit, in the field's own units: an int for a
    whole-number field.
    """

    edited = Signal(object)

    def __init__(self, limit: Limit, step: float, scale: float = 1.0):
        super().__init__()
        self.whole, self.scale = limit.whole, scale
        self.setDecimals(0 if limit.whole else FRACTION_DIGITS)
        self.setRange(limit.low * scale, limit.high * scale)
        self.setSingleStep(step)
        self.setKeyboardTracking(False)  # one change per edit, not per typed digit
        self.valueChanged.connect(self._value_changed)

    def _value_changed(self, _value: float) -> None:
        self.edited.emit(self.field_value())

    def field_value(self) -> int | float:
        value = self.value() / self.scale
        return round(value) if self.whole else value

    def show_value(self, value: float) -> None:
        """Show a value of the field (call it under ``quiet``)."""
        self.setValue(value * self.scale)

    def textFromValue(self, value: float) -> str:
        """The value with no trailing zeros: '0.125', '12.5', '4294967295'."""
        text = super().textFromValue(value)
        point = self.locale().decimalPoint()
        return text.rstrip("0").rstrip(point) if point in text else text


def form() -> QFormLayout:
    layout = QFormLayout()
    layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    layout.setVerticalSpacing(6)
    return layout


def may_replace_points(session, parent: QWidget) -> bool:
    """True if the points are the generator's own, or the person agreed to replace the ones placed
    by hand (as closing asks before unsaved work goes)."""
    if not session.points_edited_by_hand():
        return True
    answer = QMessageBox.question(
        parent, QCoreApplication.translate("Panels", "Replace your points?"),
        QCoreApplication.translate("Panels", "The points were placed or edited by hand. Replace them with "
                                             "generated points? (Edit → Undo brings them back.)"),
        QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel)
    return answer == QMessageBox.StandardButton.Discard

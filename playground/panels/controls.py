"""Small building blocks shared by the panels."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QFormLayout, QSpinBox, QWidget


@contextmanager
def quiet(*widgets: QWidget) -> Iterator[None]:
    """Update widgets from the model without their signals echoing back to it."""
    blockers = [QSignalBlocker(w) for w in widgets]
    try:
        yield
    finally:
        for blocker in blockers:
            blocker.unblock()


def choice_box(labels: dict[str, str], tooltip: str = "") -> QComboBox:
    """A combo box listing ``labels`` values, each item carrying its key as data."""
    box = QComboBox()
    for key, label in labels.items():
        box.addItem(label, key)
    box.setToolTip(tooltip)
    return box


def select(box: QComboBox, key) -> None:
    box.setCurrentIndex(box.findData(key))


def int_box(low: int, high: int, step: int = 1, tooltip: str = "", special: str = "") -> QSpinBox:
    box = QSpinBox()
    box.setRange(low, high)
    box.setSingleStep(step)
    box.setToolTip(tooltip)
    box.setKeyboardTracking(False)  # one change per edit, not per typed digit
    if special:
        box.setSpecialValueText(special)
    return box


def float_box(low: float, high: float, step: float, decimals: int, tooltip: str = "") -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setRange(low, high)
    box.setSingleStep(step)
    box.setDecimals(decimals)
    box.setToolTip(tooltip)
    box.setKeyboardTracking(False)
    return box


def form() -> QFormLayout:
    layout = QFormLayout()
    layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    layout.setVerticalSpacing(6)
    return layout

"""The formula a person types and the values of its variables, with the place of a mistake.

    f = [ (x + y) * z          ]  at [ x=-2, y=5, z=-4 ]  [Show]
        (x + y) * q   <- underlined, then what is wrong

Emits: submitted(formula, values) on Enter or Show. Says its words again on QEvent.LanguageChange.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget


class FormulaBar(QWidget):
    submitted = Signal(str, str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        self.formula = QLineEdit()
        self.formula.setFont(mono)
        self.values = QLineEdit()
        self.values.setFont(mono)
        self.values.setPlaceholderText("x=-2, y=5, z=-4")
        self.show_button = QPushButton()
        for edit in (self.formula, self.values):
            edit.returnPressed.connect(self.submit)
        self.show_button.clicked.connect(self.submit)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setFont(mono)
        self.error.hide()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel("f ="))
        row.addWidget(self.formula, 3)
        self.at = QLabel()
        row.addWidget(self.at)
        row.addWidget(self.values, 2)
        row.addWidget(self.show_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addLayout(row)
        column.addWidget(self.error)
        self.retranslate()

    def retranslate(self) -> None:
        self.formula.setPlaceholderText(self.tr("a formula, e.g. (x + y) * z"))
        self.formula.setToolTip(self.tr("Numbers, variables, + - * / **, parentheses and exp, log, sigmoid, "
                                        "tanh, relu, max, min"))
        self.at.setText(self.tr("at"))
        self.show_button.setText(self.tr("Show"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_formula(self, formula: str, values: str) -> None:
        for edit, text in ((self.formula, formula), (self.values, values)):
            edit.setText(text)
            edit.setCursorPosition(0)  # show the start of a long text
        self.clear_error()

    def submit(self) -> None:
        self.submitted.emit(self.formula.text(), self.values.text())

    def show_error(self, field: str, start: int, end: int, text: str, focus: bool = True) -> None:
        """Underline characters start..end of the formula (field "expression") or of the values,
        select them in their box (``focus``), and say what is wrong."""
        edit = self.formula if field == "expression" else self.values
        source = edit.text()
        marked = source[start:end] or "\u2038"  # a caret where something is missing
        shown = (html.escape(source[:start]) + '<span style="color:#C62828; text-decoration:underline; '
                 f'background:#FDECEA;">{html.escape(marked)}</span>' + html.escape(source[end:]))
        self.error.setText(f"{shown}<br><span style='color:#C62828'>{html.escape(text)}</span>")
        self.error.show()
        if focus:
            edit.setFocus()
            edit.setSelection(start, max(end - start, 0))

    def clear_error(self) -> None:
        self.error.hide()
        self.error.clear()

    def highlight(self, start: int, end: int, source: str) -> None:
        """Select the part of the formula a node computes, ``source`` at start..end (while stepping
        through its graph); nothing if the formula shown was edited since and holds other text there."""
        if self.formula.text()[start:end] == source:
            self.formula.setSelection(start, end - start)

"""The gradient check: backpropagation against numerical gradients, for every layer of the model.

One click compares, on the training points and the current weights, every
weight's backprop gradient with its centred difference: the worst relative
error per layer, pass or fail, the time each took, and how many forward
passes the numerical gradient needed -- the lecture's reason for backprop.
The check runs in a worker thread on a copy of the weights, so the window
(and training) go on meanwhile.

Listens to: session.stats_changed, session.settings_changed (the result is for older weights).
Says its words again on QEvent.LanguageChange.
Emits: finished(ModelCheck) when a check is done.
"""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QEvent, QObject, Qt, QThreadPool, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

NUMERIC_SECONDS = 1.5  # the numerical side stops after this long: big models are sampled
TOLERANCE = 1e-6
PASS, FAIL = "#1B7F3B", "#C62828"


class _Delivery(QObject):
    """Carries a worker thread's result to the window's thread (a queued signal)."""

    done = Signal(object)


class GradientCheckPanel(QWidget):
    finished = Signal(object)

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self._delivery = _Delivery(self)
        self._delivery.done.connect(self._done)
        self.button = QPushButton()
        self.button.clicked.connect(self.run)
        self.about = about = QLabel()
        about.setWordWrap(True)
        self.table = QTableWidget(0, 3)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        self.verdict = QLabel()
        self.timing = QLabel()
        self.stale = QLabel()
        self.stale.setStyleSheet("color: #6B6B6B; font-style: italic;")
        for label in (self.verdict, self.timing, self.stale):
            label.setWordWrap(True)
        self.stale.hide()
        words = QWidget()  # on the left, scrolled when the dock is short; the table of layers on the right
        column = QVBoxLayout(words)
        column.setContentsMargins(0, 0, 0, 0)
        for widget in (about, self.button, self.verdict, self.timing, self.stale):
            column.addWidget(widget)
        column.addStretch(1)
        scroll = QScrollArea(widgetResizable=True, frameShape=QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(words)
        row = QHBoxLayout(self)
        row.addWidget(scroll, 1)
        row.addWidget(self.table, 1)
        session.stats_changed.connect(self._mark_stale)
        session.settings_changed.connect(self._mark_stale)
        self.result = None
        self._no_points = False  # the last check found no points to check on
        self.retranslate()

    def retranslate(self) -> None:
        """Every word of the panel, and the result shown, in the interface's language."""
        self.button.setText(self.tr("Check the gradients"))
        self.button.setToolTip(self.tr("Numerical gradients (centred differences) against backpropagation, "
                                       "for every weight, on the training points"))
        self.about.setText(self.tr("Is backprop right? Each weight is nudged by \u00b11e\u22126 and the loss "
                                   "measured twice: slow, but sure."))
        self.table.setHorizontalHeaderLabels([self.tr("Layer"), self.tr("Worst error"), self.tr("Result")])
        self.stale.setText(self.tr("The weights have changed since: check again."))
        self._show_state()

    def _show_state(self) -> None:
        """Checking, nothing to check, or the last result."""
        if self.running:
            self.verdict.setText(self.tr("Checking…"))
        elif self._no_points:
            self.verdict.setText(self.tr("No points to check on: add some first."))
        elif self.result is not None:
            self._show(self.result)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def run(self) -> None:
        """Start a check of the current weights in a worker thread."""
        try:
            job = self.session.gradient_check_job(seconds=NUMERIC_SECONDS)
        except ValueError:
            self.result, self._no_points = None, True
            self._show_state()
            return
        self._no_points = False
        self.button.setEnabled(False)
        self._show_state()
        delivery = self._delivery

        def work() -> None:
            result = job()
            with contextlib.suppress(RuntimeError):  # the window closed meanwhile
                delivery.done.emit(result)

        QThreadPool.globalInstance().start(work)

    @property
    def running(self) -> bool:
        return not self.button.isEnabled()

    def _done(self, check) -> None:
        self.result = check
        self.button.setEnabled(True)
        self.stale.hide()
        self._show(check)
        self.finished.emit(check)

    def _show(self, check) -> None:
        self.table.setRowCount(len(check.layers))
        for row, layer in enumerate(check.layers):
            fan_out, fan_in = layer.shape
            name = self.tr("{index}: W {rows}\u00d7{cols}, b").format(index=layer.index, rows=fan_out,
                                                                      cols=fan_in)
            result = self.tr("pass") if layer.passed else self.tr("FAIL")
            for col, text in enumerate((name, f"{layer.max_error:.1e}", result)):
                item = QTableWidgetItem(text)
                if col == 2:
                    item.setForeground(Qt.GlobalColor.darkGreen if layer.passed else Qt.GlobalColor.red)
                self.table.setItem(row, col, item)
        color = PASS if check.passed else FAIL
        if check.passed:
            verdict = self.tr("Passed: every gradient agrees (relative error under {tolerance:g})").format(
                tolerance=TOLERANCE)
        else:
            verdict = self.tr("Failed: some gradients disagree")
        self.verdict.setText(f"<b style='color:{color}'>{verdict}</b>")
        lines = [
            self.tr("On {points} training points.").format(points=check.points),
            self.tr("Backpropagation: one forward and one backward pass, {ms:.2f} ms.").format(
                ms=check.analytic_seconds * 1e3),
            self.tr("Numerical: {passes} forward passes (two per weight), {ms:.0f} ms: {times:.0f}\u00d7 "
                    "slower.").format(passes=check.forward_passes, ms=check.numeric_seconds * 1e3,
                                       times=check.numeric_seconds / max(check.analytic_seconds, 1e-9)),
        ]
        if check.checked < check.entries:
            estimate = check.numeric_seconds / check.checked * check.entries
            lines.append(self.tr("Checked {checked} of the {entries} weights; all of them would take "
                                 "{passes} forward passes, about {seconds:.0f} s.").format(
                checked=check.checked, entries=check.entries, passes=2 * check.entries, seconds=estimate))
        self.timing.setText("<br>".join(lines))

    def _mark_stale(self, *_) -> None:
        if self.result is not None:
            self.stale.show()

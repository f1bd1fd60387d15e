"""The speed control on the toolbar: slow motion (1 step a second) up to 500 steps a frame.

A slider over the runner's speeds; the label beside it says the speed in a slot
as wide as its longest text, so the toolbar never shifts.

Emits ``chosen(speed)``: one of the ``speeds`` it was given (the runner's ``Speed``).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QSlider, QWidget

SLIDER_EMS = 6  # the slider's length, in lines of text: it grows with the font


class SpeedControl(QWidget):
    """"Speed", a slider and what it is set to; ``slider`` and ``label`` for tests."""

    chosen = Signal(object)

    def __init__(self, speeds, current, parent: QWidget | None = None):
        super().__init__(parent)
        self.speeds = tuple(speeds)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, len(self.speeds) - 1)
        self.slider.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # a click leaves Space and → to the window
        self.label = QLabel()
        self.title = QLabel()
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 0, 6, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.slider)
        layout.addWidget(self.label)
        self.slider.setValue(self.speeds.index(current))
        self.slider.valueChanged.connect(self._choose)
        self._choose(self.slider.value())
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Speed"))
        self.slider.setToolTip(self.tr("Training speed: slow motion in steps per second, then steps "
                                       "per frame (about 60 frames a second)"))
        self.label.setText(self.speed_text(self.speed))
        self._size_to_font()

    @property
    def speed(self):
        return self.speeds[self.slider.value()]

    def speed_text(self, speed) -> str:
        """'1 step/s', '5 steps/s', '1 step/frame', '10 steps/frame'."""
        if speed.slow_motion:
            n = speed.steps_per_second
            return self.tr("1 step/s") if n == 1 else self.tr("{n} steps/s").format(n=n)
        n = speed.steps
        return self.tr("1 step/frame") if n == 1 else self.tr("{n} steps/frame").format(n=n)

    def _choose(self, index: int) -> None:
        self.label.setText(self.speed_text(self.speeds[index]))
        self.chosen.emit(self.speeds[index])

    def _size_to_font(self) -> None:
        metrics = self.fontMetrics()
        self.slider.setFixedWidth(SLIDER_EMS * metrics.height())
        self.label.setFixedWidth(max(metrics.horizontalAdvance(self.speed_text(s)) for s in self.speeds)
                                 + metrics.averageCharWidth())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._size_to_font()
        elif event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

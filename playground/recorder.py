"""Recording a training run as an animated GIF: frames of a widget (the canvas), written by Pillow.

A timer grabs the widget ``FPS`` times a second, scaled down to at most ``MAX_SIDE``
pixels and reduced to a palette of ``COLORS`` colours at once (so a long recording
stays small in memory), until ``stop()`` or ``MAX_SECONDS``. ``save`` writes the GIF,
looping, one frame every 1 / FPS seconds; Pillow folds frames that did not change
into the one before (a paused run costs nothing).

Pillow is an optional extra: ``pip install "decision-playground[gif]"``.
``pillow_missing()`` says whether it is absent, before anything is recorded.

Signals
-------
full()      ``MAX_SECONDS`` recorded: recording stopped by itself
"""

from __future__ import annotations

import importlib.util

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget

from engine.atomic_file import write_atomic

FPS = 10
MAX_SECONDS = 60
MAX_SIDE = 480  # pixels: a frame's longer side
COLORS = 128    # palette size: enough for the boundary's soft shades to shade smoothly
INSTALL_HINT = 'pip install "decision-playground[gif]"'


def pillow_missing() -> bool:
    return importlib.util.find_spec("PIL") is None


class GifRecorder(QObject):
    full = Signal()

    def __init__(self, widget: QWidget, parent: QObject | None = None):
        super().__init__(parent)
        self.widget = widget
        self.frames = []  # PIL images, palette mode
        self.timer = QTimer(self)
        self.timer.setInterval(1000 // FPS)
        self.timer.timeout.connect(self.add_frame)

    @property
    def recording(self) -> bool:
        return self.timer.isActive()

    @property
    def seconds(self) -> float:
        return len(self.frames) / FPS

    def start(self) -> None:
        """Forget any earlier frames, grab the first one and go on grabbing."""
        self.frames = []
        self.add_frame()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def add_frame(self) -> None:
        """Grab the widget as it is now (the timer's call; tests call it too)."""
        from PIL import Image

        image = self.widget.grab().toImage()
        longer = max(image.width(), image.height())
        if longer > MAX_SIDE:  # the size rounded, not truncated as KeepAspectRatio would
            scale = MAX_SIDE / longer
            image = image.scaled(round(image.width() * scale), round(image.height() * scale),
                                 Qt.AspectRatioMode.IgnoreAspectRatio,
                                 Qt.TransformationMode.SmoothTransformation)
        image = image.convertToFormat(QImage.Format.Format_RGB888)
        rgb = Image.frombuffer("RGB", (image.width(), image.height()), bytes(image.constBits()),
                               "raw", "RGB", image.bytesPerLine(), 1)
        self.frames.append(rgb.quantize(COLORS, method=Image.Quantize.FASTOCTREE,
                                        dither=Image.Dither.NONE))
        if len(self.frames) >= MAX_SECONDS * FPS:
            self.stop()
            self.full.emit()

    def save(self, path) -> None:
        """Write the frames as a looping GIF, atomically; raises OSError (ValueError: a bad path)."""
        first, *rest = self.frames
        write_atomic(path, lambda file: first.save(file, format="GIF", save_all=True, append_images=rest,
                                                   duration=1000 // FPS, loop=0))

"""The Qt binding must not lose references: PySide6 6.12.0 does under Python 3.11.

Each emit and each setter there frees one reference to True or None, and
the app aborts ("deallocating True or False") seconds into training. The
pin in pyproject.toml keeps it out; this test says why if it ever returns.
"""

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel


class Emitter(QObject):
    fired = Signal(object)


def test_signals_and_setters_keep_their_references(qtbot):
    emitter, label = Emitter(), QLabel()
    qtbot.addWidget(label)
    emitter.fired.connect(lambda value: None)
    before = sys.getrefcount(True), sys.getrefcount(None)
    for _ in range(200):
        emitter.fired.emit(1)
        label.setText("x")
    after = sys.getrefcount(True), sys.getrefcount(None)
    assert after[0] - before[0] > -50 and after[1] - before[1] > -50, (before, after)

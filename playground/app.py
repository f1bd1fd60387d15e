"""Start the window: the QApplication, global settings and the main window."""

from __future__ import annotations

import os
import sys
import time

import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

from engine.allocator import keep_freed_memory
from playground.autosave import Autosaver
from playground.main_window import APP_NAME, MainWindow
from playground.session import Session


def create_app() -> QApplication:
    """The QApplication (made once), with the settings every window relies on."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    pg.setConfigOptions(antialias=True, imageAxisOrder="row-major")
    return app


def run(scenario_path: str | None = None) -> int:
    """Open the window (on ``scenario_path``, or the XOR demo) and run until it closes.

    A bad scenario file raises ScenarioError before any window appears.
    """
    keep_freed_memory()
    app = create_app()
    session = Session()
    if scenario_path:
        session.open(scenario_path)
    window = MainWindow(session)
    autosaver = Autosaver(session, parent=window)
    app.aboutToQuit.connect(autosaver.save_now)
    window.show()
    autosaver.offer_restore()
    if os.environ.get("PLAYGROUND_QUIT_WHEN_READY"):  # benchmarks/bench_launch.py
        window.canvas.viewport().installEventFilter(QuitWhenReady(window))
    return app.exec()


class QuitWhenReady(QObject):
    """For timing a launch: once the canvas has painted and the event loop is idle again,
    print ``ready <wall-clock seconds>`` and quit."""

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._ready)
        return False

    def _ready(self) -> None:
        print(f"ready {time.time():.6f}", flush=True)
        QApplication.quit()

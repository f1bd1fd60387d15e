"""Start the window: the QApplication, global settings and the main window."""

from __future__ import annotations

import signal
import sys

import pyqtgraph as pg
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from engine.allocator import keep_freed_memory
from playground.autosave import Autosaver
from playground.cli import INTERRUPTED
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

    A bad scenario file raises ScenarioError before any window appears. Ctrl+C in the
    terminal quits quietly with exit code 130, after the autosave (as any quit).
    """
    keep_freed_memory()
    app = create_app()
    session = Session()
    if scenario_path:
        session.open(scenario_path)
    window = MainWindow(session)
    autosaver = Autosaver(session, parent=window)
    app.aboutToQuit.connect(autosaver.save_now)
    signal.signal(signal.SIGINT, lambda *_: app.exit(INTERRUPTED))
    wake = QTimer(window)  # Python handles a signal only when it runs: let it run 4 times a second
    wake.timeout.connect(lambda: None)
    wake.start(250)
    window.show()
    autosaver.offer_restore()
    return app.exec()

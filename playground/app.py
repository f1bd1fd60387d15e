"""Start the window: the QApplication, global settings and the main window."""

from __future__ import annotations

import sys

import pyqtgraph as pg
from PySide6.QtWidgets import QApplication

from engine.allocator import keep_freed_memory
from playground import language
from playground.autosave import Autosaver
from playground.main_window import APP_NAME, MainWindow
from playground.session import Session


def create_app() -> QApplication:
    """The QApplication (made once), with the settings every window relies on."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    pg.setConfigOptions(antialias=True, imageAxisOrder="row-major")
    return app


def run(scenario_path: str | None = None, lang: str | None = None) -> int:
    """Open the window (on ``scenario_path``, or the XOR demo) and run until it closes; in the
    language ``lang`` ("en", "ko"), else the one chosen last (``playground.language``).

    A bad scenario file raises ScenarioError before any window appears.
    """
    keep_freed_memory()
    app = create_app()
    language.install(lang or language.saved())
    session = Session()
    if scenario_path:
        session.open(scenario_path)
    window = MainWindow(session)
    autosaver = Autosaver(session, parent=window)
    app.aboutToQuit.connect(autosaver.save_now)
    window.show()
    autosaver.offer_restore()
    return app.exec()

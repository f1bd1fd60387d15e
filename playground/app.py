"""Start the window: the QApplication, global settings and the main window.

The application is named once here (organization and application name
"decision-playground"), which places its settings (recent files, window layout,
presentation choices: ``~/.config/decision-playground/decision-playground.conf``
on Linux) and its autosave (``QStandardPaths.AppDataLocation``:
``~/.local/share/decision-playground/decision-playground/``). The name also
matches the desktop entry, so desktops show the app's icon for its window.
"""

from __future__ import annotations

import signal
import sys

import pyqtgraph as pg
from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from engine.allocator import keep_freed_memory
from playground import language, window_state
from playground.autosave import Autosaver
from playground.cli import INTERRUPTED
from playground.main_window import APP_NAME, MainWindow
from playground.resources import ICON, asset_path
from playground.session import Session

ID = "decision-playground"  # organization, application and desktop entry name


def create_app() -> QApplication:
    """The QApplication (made once), with the settings every window relies on."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName(ID)
    app.setApplicationName(ID)
    app.setApplicationDisplayName(APP_NAME)
    app.setDesktopFileName(ID)
    app.setWindowIcon(QIcon(str(asset_path(ICON))))
    pg.setConfigOptions(antialias=True, imageAxisOrder="row-major")
    return app


def run(scenario_path: str | None = None, lesson: str | None = None, lang: str | None = None) -> int:
    """Open the window (on ``scenario_path``, the built-in ``lesson``, or the XOR demo) and run
    until it closes. The window takes back its last size and layout. It speaks ``lang`` ("en",
    "ko"), else the language chosen last (``playground.language``).

    A bad scenario file raises ScenarioError before any window appears. Ctrl+C in the
    terminal quits quietly with exit code 130, after the autosave (as any quit).
    """
    keep_freed_memory()
    app = create_app()
    language.install(lang or language.saved())
    session = Session()
    if scenario_path:
        session.open(scenario_path)
    window = MainWindow(session)
    window_state.restore(window)
    if lesson:
        window.open_lesson(lesson)
    else:
        window.lessons.apply(session.lesson)  # a lesson file's views, over the layout taken back
    autosaver = Autosaver(session, parent=window)
    app.aboutToQuit.connect(autosaver.save_now)
    signal.signal(signal.SIGINT, lambda *_: app.exit(INTERRUPTED))
    wake = QTimer(window)  # Python handles a signal only when it runs: let it run 4 times a second
    wake.timeout.connect(lambda: None)
    wake.start(250)
    window.show()
    autosaver.offer_restore()
    return app.exec()

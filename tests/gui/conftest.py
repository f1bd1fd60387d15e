"""GUI fixtures: a real session and a real main window, offscreen."""

import pytest
from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QMessageBox

from engine.scenario import Scenario
from engine.settings import Settings
from playground.app import create_app
from playground.main_window import MainWindow
from playground.session import Session

# Settings (recent files) and app data (the autosave) go to a test folder, never the user's.
QStandardPaths.setTestModeEnabled(True)


@pytest.fixture
def session(qtbot):
    create_app()
    return Session(Scenario.generate(Settings()))


@pytest.fixture
def answers(monkeypatch):
    """Scripted replies to "save your changes?" (default: discard), and the questions asked."""
    asked, replies = [], []

    def question(parent, title, text, *args, **kwargs):
        asked.append(text)
        return replies.pop(0) if replies else QMessageBox.StandardButton.Discard

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked, replies


@pytest.fixture
def make_window(qtbot, answers):
    """make_window(session): a main window on ``session``, 1280 x 800, shown and exposed."""
    def make(session: Session) -> MainWindow:
        w = MainWindow(session)
        qtbot.addWidget(w)
        w.resize(1280, 800)
        w.show()
        qtbot.waitExposed(w)
        return w
    return make


@pytest.fixture
def window(session, make_window):
    return make_window(session)

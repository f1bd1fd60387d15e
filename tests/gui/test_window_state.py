"""The window's size and dock layout come back at the next launch; a broken saved layout is ignored."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

from playground import window_state
from playground.main_window import MainWindow
from playground.session import Session


def settings_in(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def test_the_layout_comes_back_in_a_new_window(qtbot, window, tmp_path):
    settings = settings_in(tmp_path)
    window.docks["data"].hide()
    window.resize(1100, 760)
    window_state.save(window, settings)
    again = MainWindow(Session())
    qtbot.addWidget(again)
    assert window_state.restore(again, settings)
    again.show()
    assert not again.docks["data"].isVisible() and again.docks["model"].isVisible()
    assert again.height() == 760 and again.width() < 1280  # (made to fit this test screen, 800 wide)


def test_a_broken_saved_layout_is_ignored(qtbot, window, tmp_path):
    settings = settings_in(tmp_path)
    settings.setValue(window_state.GEOMETRY_KEY, QByteArray(b"not a geometry"))
    settings.setValue(window_state.STATE_KEY, QByteArray(b"\x00\x01 not a state"))
    assert not window_state.restore(window, settings)
    assert all(dock.isVisible() for dock in window.docks.values() if dock.objectName() != "gradient_check")
    assert not window_state.restore(window, settings_in(tmp_path / "none"))  # nothing saved

"""The application's name (where its settings and autosave go) and its icon."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from playground import autosave
from playground.app import ID, create_app


def test_the_app_is_named_once_for_its_settings_and_its_autosave(qtbot):
    app = create_app()
    assert (app.organizationName(), app.applicationName(), app.desktopFileName()) == (ID, ID, ID)
    assert "Unknown Organization" not in QSettings().fileName() and ID in QSettings().fileName()
    assert autosave.default_directory().parts[-2:] == (ID, ID)


def test_the_window_icon_is_the_apps(qtbot, window):
    icon = create_app().windowIcon()
    assert not icon.isNull() and not icon.pixmap(16, 16).isNull() and not icon.pixmap(256, 256).isNull()
    assert window.windowIcon().cacheKey() == icon.cacheKey()

"""The window's size, place and dock layout, kept between runs (QSettings).

``save`` on close (the everyday layout: presentation mode is left first), ``restore``
at launch. A saved layout that Qt cannot read -- damaged, or from a version with
other docks (``STATE_VERSION``) -- is ignored, and the window opens as designed.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow

GEOMETRY_KEY = "window/geometry"
STATE_KEY = "window/state"
STATE_VERSION = 1  # raise when the docks change so much that an old layout would mislead


def save(window: QMainWindow, settings: QSettings | None = None) -> None:
    settings = settings or QSettings()
    settings.setValue(GEOMETRY_KEY, window.saveGeometry())
    settings.setValue(STATE_KEY, window.saveState(STATE_VERSION))


def restore(window: QMainWindow, settings: QSettings | None = None) -> bool:
    """Take back the saved geometry and layout; False if there were none or either could not be
    read (what Qt could not read leaves the window as it was)."""
    settings = settings or QSettings()
    geometry, state = settings.value(GEOMETRY_KEY), settings.value(STATE_KEY)
    if not isinstance(geometry, QByteArray | bytes) or not isinstance(state, QByteArray | bytes):
        return False
    restored = window.restoreGeometry(QByteArray(geometry))
    return window.restoreState(QByteArray(state), STATE_VERSION) and restored

"""Presentation mode: larger text, points and lines, the panels optionally away, and back as it was."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QFontInfo

from playground.presentation import KEEP, Presentation


@pytest.fixture
def presenting(window):
    """The window in presentation mode, panels shown; left again afterwards."""
    window.presentation.hide_panels.setChecked(False)
    yield window
    window.presentation.set_active(False)


def point_size(widget) -> float:
    return QFontInfo(widget.font()).pointSizeF()


def test_presentation_mode_enlarges_text_points_lines_and_the_caption(qtbot, window):
    window.presentation.hide_panels.setChecked(False)
    window.open_lesson("xor-hidden")
    before = {"window": point_size(window), "charts": point_size(window.views["charts"]),
              "caption": point_size(window.caption.title)}
    dot, line = window.canvas.train_points[0].size(), window.canvas.ties.opts["pen"].widthF()
    window.presentation.action.trigger()  # F5
    assert window.presentation.active and window.isFullScreen()
    after = {"window": point_size(window), "charts": point_size(window.views["charts"]),
             "caption": point_size(window.caption.title)}
    assert all(after[key] >= 1.35 * before[key] for key in before), (before, after)
    assert window.canvas.train_points[0].size() > dot and window.canvas.ties.opts["pen"].widthF() > line
    assert window.presentation.badge.isVisible()
    window.presentation.action.trigger()  # F5 again
    assert not window.presentation.active and not window.isFullScreen()
    assert point_size(window) == pytest.approx(before["window"]) and not window.presentation.badge.isVisible()
    assert window.canvas.train_points[0].size() == dot


def test_hidden_panels_leave_the_canvas_the_curves_and_the_diagram(qtbot, presenting):
    window = presenting
    window.presentation.set_active(True)
    window.presentation.hide_panels.setChecked(True)
    shown = {key for key, dock in window.docks.items() if dock.isVisible()}
    assert shown == set(KEEP) & set(window.docks) and window.canvas.isVisible()
    window.presentation.hide_panels.setChecked(False)  # back while presenting
    assert window.docks["data"].isVisible()
    window.presentation.hide_panels.setChecked(True)
    window.presentation.set_active(False)
    assert all(window.docks[key].isVisible() for key in ("data", "model", "training", "charts"))


def test_panels_are_hidden_at_first(qtbot, window, tmp_path):
    fresh = QSettings(str(tmp_path / "fresh.ini"), QSettings.Format.IniFormat)
    assert Presentation(window, window.window_fit, window.caption, fresh).hide_panels.isChecked()


def test_the_choice_to_hide_panels_is_remembered(qtbot, window):
    window.presentation.hide_panels.setChecked(True)
    window.presentation.hide_panels.setChecked(False)
    assert window.presentation.settings.value("presentation/hide_panels", type=bool) is False
    window.presentation.hide_panels.setChecked(True)
    assert window.presentation.settings.value("presentation/hide_panels", type=bool) is True
    window.presentation.hide_panels.setChecked(False)


def test_escape_leaves_presentation_mode(qtbot, presenting):
    window = presenting
    window.presentation.set_active(True)
    qtbot.keyClick(window.canvas, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.presentation.active)
    assert not window.presentation.action.isChecked() and not window.actions.full_screen.isChecked()


def test_leaving_returns_to_full_screen_if_it_was(qtbot, presenting):
    window = presenting
    window.actions.full_screen.setChecked(True)
    window.presentation.set_active(True)
    window.presentation.set_active(False)
    assert window.isFullScreen() and window.actions.full_screen.isChecked()
    window.actions.full_screen.setChecked(False)


def test_closing_while_presenting_keeps_the_everyday_layout(qtbot, presenting, monkeypatch):
    window = presenting
    saved = []
    monkeypatch.setattr("playground.window_state.save", lambda w: saved.append(w.isFullScreen()))
    window.presentation.set_active(True)
    window.close()
    assert saved == [False] and not window.presentation.active

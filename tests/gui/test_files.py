"""Files from the window: save and open round trip; nothing the user made is lost."""

import numpy as np
from PySide6.QtWidgets import QMessageBox

from engine.settings import TrainingSettings
from playground.cli import main


def warnings_shown(monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: shown.append(text))
    return shown


def test_save_then_open_restores_the_work(qtbot, window, tmp_path):
    session = window.session
    session.add_points([[0.3, 0.7]], label=1, is_test=True)
    session.set_training_settings(TrainingSettings(optimizer="adam", learning_rate=0.01))
    path = str(tmp_path / "demo.json")
    assert window.save_file_as(path)
    assert not window.isWindowModified() and window.windowTitle().startswith("demo.json")
    points = session.scenario.points.copy()
    window.session.new()
    assert window.open_file(path)
    np.testing.assert_allclose(session.scenario.points, points, atol=1e-6)
    assert session.scenario.is_test[-1] and session.settings.training.optimizer == "adam"
    assert window.training_panel.optimizer.currentData() == "adam"


def test_a_broken_file_changes_nothing_and_says_why(qtbot, window, tmp_path, monkeypatch):
    shown = warnings_shown(monkeypatch)
    session = window.session
    session.add_points([[0.1, 0.2]])
    points = session.scenario.points.copy()
    trainer = session.trainer
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "decision-playground/1", "model": {"hidden": [8, 999]}}')
    window.session.undo_stack.setClean()  # no unsaved-changes question in the way
    assert not window.open_file(str(bad))
    assert shown and "model.hidden" in shown[0] and "bad.json" in shown[0]
    np.testing.assert_array_equal(session.scenario.points, points)
    assert session.trainer is trainer


def test_unsaved_changes_are_asked_about_before_they_go(qtbot, window, answers, tmp_path):
    asked, replies = answers
    window.session.add_points([[0.5, 0.5]])
    count = len(window.session.scenario.points)
    replies.append(QMessageBox.StandardButton.Cancel)
    window.new_file()
    assert asked and len(window.session.scenario.points) == count  # cancelled: kept
    replies.append(QMessageBox.StandardButton.Discard)
    window.new_file()
    assert len(window.session.scenario.points) == 200 and not window.session.modified


def test_closing_with_unsaved_changes_can_be_cancelled(qtbot, window, answers):
    asked, replies = answers
    window.session.add_points([[0.5, 0.5]])
    replies.append(QMessageBox.StandardButton.Cancel)
    assert not window.close()
    assert window.isVisible() and len(asked) == 1


def test_a_failed_save_keeps_the_old_file_and_says_why(qtbot, window, tmp_path, monkeypatch):
    shown = warnings_shown(monkeypatch)
    assert not window.save_file_as(str(tmp_path / "missing-folder" / "x.json"))
    assert shown and "cannot save" in shown[0]
    assert window.session.path is None


def test_render_writes_the_picture(tmp_path, capsys, qtbot):
    out = tmp_path / "boundary.png"
    assert main(["render", "--dataset", "moons", "--steps", "50", "--size", "320x240",
                 "--out", str(out)]) == 0
    from PySide6.QtGui import QImage

    image = QImage(str(out))
    assert (image.width(), image.height()) == (320, 240)
    assert "saved" in capsys.readouterr().out


def test_render_refuses_bad_sizes(capsys, qtbot):
    assert main(["render", "--size", "huge", "--out", "x.png"]) == 2
    assert "--size: expected WIDTHxHEIGHT" in capsys.readouterr().err

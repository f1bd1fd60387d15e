"""Files from the window: save and open round trip; nothing the user made is lost."""

import numpy as np
from PySide6.QtWidgets import QMessageBox

from playground.cli import main


def warnings_shown(monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: shown.append(text))
    return shown


def test_save_then_open_restores_the_work(qtbot, window, tmp_path):
    session = window.session
    session.add_points([[0.3, 0.7]], label=1, is_test=True)
    session.set_training_field("optimizer", "adam")
    session.set_training_field("learning_rate", 0.01)
    path = str(tmp_path / "demo.json")
    assert window.save_file_as(path)
    assert not window.isWindowModified() and window.windowTitle().startswith("demo.json")
    points = session.points.copy()
    window.session.new()
    assert window.open_file(path)
    np.testing.assert_allclose(session.points, points, atol=1e-6)
    assert session.is_test[-1] and session.settings.training.optimizer == "adam"
    assert window.views["training"].optimizer.currentData() == "adam"


def test_a_broken_file_changes_nothing_and_says_why(qtbot, window, tmp_path, monkeypatch):
    shown = warnings_shown(monkeypatch)
    session = window.session
    session.add_points([[0.1, 0.2]])
    session.step(3)
    points = session.points.copy()
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "decision-playground/1", "model": {"hidden": [8, 999]}}')
    assert not window.open_file(str(bad))  # (the unsaved-changes question is answered Discard)
    assert shown == ["bad.json: model.hidden: must be between 1 and 64, not 999"]
    np.testing.assert_array_equal(session.points, points)
    assert session.stats.step == 3 and session.can_undo()  # the same model and edits, not a new one


def test_unsaved_changes_are_asked_about_before_they_go(qtbot, window, answers, tmp_path):
    asked, replies = answers
    window.session.add_points([[0.5, 0.5]])
    count = len(window.session.points)
    replies.append(QMessageBox.StandardButton.Cancel)
    window.new_file()
    assert asked and len(window.session.points) == count  # cancelled: kept
    replies.append(QMessageBox.StandardButton.Discard)
    window.new_file()
    assert len(window.session.points) == 200 and not window.session.modified


def test_closing_with_unsaved_changes_can_be_cancelled(qtbot, window, answers):
    asked, replies = answers
    window.session.add_points([[0.5, 0.5]])
    replies.append(QMessageBox.StandardButton.Cancel)
    assert not window.close()
    assert window.isVisible() and len(asked) == 1


def test_a_failed_save_keeps_the_old_file_and_says_why(qtbot, window, tmp_path, monkeypatch):
    shown = warnings_shown(monkeypatch)
    assert not window.save_file_as(str(tmp_path / "missing-folder" / "x.json"))
    assert shown and shown[0].startswith("cannot save ")
    assert shown[0].endswith("No such file or directory\n\nYour work is still open here: save it under "
                             "another name (File → Save As).")
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

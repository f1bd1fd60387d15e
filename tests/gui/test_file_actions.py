"""The window's files: CSV import/export, model load/save, PyTorch export, Open Recent, drops, Record."""

import numpy as np
import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, QSettings, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from engine import csv_points
from playground import recorder

GRID = (-1.5, 1.5, -1.5, 1.5)


@pytest.fixture
def shown(monkeypatch):
    """The texts of the warnings and notes shown."""
    texts = []
    for kind in ("warning", "information"):
        monkeypatch.setattr(QMessageBox, kind, lambda parent, title, text, *a: texts.append(text))
    return texts


@pytest.fixture
def files(window, tmp_path):
    window.files.settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    return window.files


def test_csv_import_is_one_undoable_edit(qtbot, window, files, tmp_path, shown):
    session = window.session
    before = session.points.copy()
    path = tmp_path / "points.csv"
    path.write_text("x,y,label,split\n0.1,0.2,cat,train\n-0.3,0.4,dog,test\n0.5,-0.6,bird,\n")
    assert files.import_csv(str(path))
    assert session.class_names == ("cat", "dog", "bird") and session.labels.tolist() == [0, 1, 2]
    assert session.is_test.tolist() == [False, True, False]
    assert window.statusBar().currentMessage() == "Imported 3 points from points.csv"
    session.undo()
    np.testing.assert_array_equal(session.points, before)
    assert session.class_names == ("A", "B") and not shown


def test_one_point_is_one_point(qtbot, window, files, tmp_path, shown):
    path = tmp_path / "one.csv"
    path.write_text("x,y,label\n0.1,0.2,0\n")
    assert files.import_csv(str(path))
    assert window.statusBar().currentMessage() == "Imported 1 point from one.csv"


def test_a_bad_csv_row_is_named_by_line_and_nothing_is_imported(qtbot, window, files, tmp_path, shown):
    session = window.session
    before = session.points.copy()
    path = tmp_path / "bad.csv"
    path.write_text("x,y,label\n0.1,0.2,A\n0.3,0.4,B\n0.5,high,A\n")
    assert not files.import_csv(str(path))
    assert shown == ['bad.csv: line 4: y must be a number, not "high"']
    np.testing.assert_array_equal(session.points, before)
    assert not session.can_undo()


def test_csv_export_round_trips(qtbot, window, files, tmp_path, shown):
    session = window.session
    session.add_points([[0.123456, -0.5]], label=1, is_test=True)
    path = tmp_path / "out.csv"
    assert files.export_csv(str(path))
    back = csv_points.load(path)
    np.testing.assert_allclose(back.points, session.points, atol=5e-7)
    np.testing.assert_array_equal(back.labels, session.labels)
    np.testing.assert_array_equal(back.is_test, session.is_test)


def test_a_saved_model_loads_back_with_the_same_predictions(qtbot, window, files, tmp_path, shown):
    session = window.session
    session.set_model_field("hidden", (6,))
    session.step(50)
    expected = session.boundary_grid(GRID, 12)
    path = tmp_path / "model.npz"
    assert files.save_model(str(path))
    session.reset()  # other weights, and another architecture
    session.set_model_field("hidden", (3, 3))
    assert files.load_model(str(path))
    assert session.settings.model.hidden == (6,) and session.stats.step == 50
    np.testing.assert_array_equal(session.boundary_grid(GRID, 12), expected)
    assert len(shown) == 1 and "The model settings were changed to match it" in shown[0]
    assert "2-6-2 MLP" in shown[0] and "2-3-3-2 MLP" in shown[0] and "features x₁, x₂" in shown[0]
    assert window.views["model"].sizeHint().isValid()  # the model panel lives on, showing the new model
    assert files.load_model(str(path)) and len(shown) == 1  # same architecture: nothing to announce
    assert window.statusBar().currentMessage().startswith("Loaded model.npz: 2-6-2 MLP")


def test_a_model_with_other_features_is_announced_too(qtbot, window, files, tmp_path, shown):
    session = window.session
    session.set_model_field("features", ("x1^2", "x2^2"))  # the same layer sizes, other inputs
    path = tmp_path / "squares.npz"
    assert files.save_model(str(path))
    session.set_model_field("features", ("x1", "x2"))
    assert files.load_model(str(path)) and session.settings.model.features == ("x1^2", "x2^2")
    assert len(shown) == 1 and "features x₁², x₂²" in shown[0] and "features x₁, x₂)" in shown[0]


def test_a_model_for_other_classes_is_refused_and_changes_nothing(qtbot, window, files, tmp_path, shown):
    session = window.session
    path = tmp_path / "model.npz"
    assert files.save_model(str(path))
    session.add_class()
    session.step(5)
    assert not files.load_model(str(path))
    assert shown == ["model.npz: classes: the model is for 2 classes but the points have 3"]
    assert session.stats.step == 5


def test_torch_export_writes_a_script(qtbot, window, files, tmp_path, shown):
    path = tmp_path / "model.py"
    assert files.export_torch(str(path))
    text = path.read_text()
    compile(text, str(path), "exec")
    assert text.startswith('"""2-8-8-2 MLP, tanh, 114 parameters, trained for 0 steps')
    assert not files.export_torch(str(tmp_path / "no-folder" / "model.py"))
    assert shown and shown[0].startswith("cannot save ") and shown[0].endswith("No such file or directory")


def test_open_recent_lists_saved_files_and_forgets_gone_ones(qtbot, window, files, tmp_path, shown):
    first, second = str(tmp_path / "first.json"), str(tmp_path / "second.json")
    assert window.save_file_as(first) and window.save_file_as(second)
    assert files.recent_files() == [second, first]
    files.recent_menu.aboutToShow.emit()
    assert [a.text() for a in files.recent_menu.actions()] == ["second.json", "first.json"]
    assert files.open_recent(first) and window.session.path == first
    assert files.recent_files() == [first, second]
    (tmp_path / "second.json").unlink()
    assert not files.open_recent(second)
    assert files.recent_files() == [first] and shown


def test_dropping_files_opens_imports_or_loads_them(qtbot, window, files, tmp_path, shown):
    session = window.session
    csv = tmp_path / "drop.csv"
    csv.write_text("x,y,label\n0.1,0.2,0\n0.3,0.4,1\n")
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(csv))])
    where = (Qt.DropAction.CopyAction, data, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    enter, drop = QDragEnterEvent(QPoint(10, 10), *where), QDropEvent(QPointF(10, 10), *where)
    QApplication.sendEvent(window, enter)  # the window says it takes files ...
    assert enter.isAccepted() and len(session.points) == 200
    QApplication.sendEvent(window, drop)  # ... and imports the CSV dropped on it
    assert drop.isAccepted() and len(session.points) == 2
    assert files.save_model(str(tmp_path / "m.npz")) and files.open_paths([str(tmp_path / "m.npz")])
    assert not files.open_paths([str(tmp_path / "picture.png")])
    assert window.statusBar().currentMessage().startswith("Drop a scenario (.json)")
    session.save(str(tmp_path / "s.json"))
    session.new()
    assert files.open_paths([str(tmp_path / "s.json")]) and len(session.points) == 2


def test_record_without_pillow_says_how_to_get_it(qtbot, window, files, monkeypatch, shown):
    monkeypatch.setattr(recorder, "pillow_missing", lambda: True)
    files.record.trigger()
    assert not files.record.isChecked() and not files.recorder.recording
    assert len(shown) == 1 and 'pip install "decision-playground[gif]"' in shown[0]


def test_a_recording_has_its_frames_at_the_canvas_size(qtbot, window, files, tmp_path, monkeypatch, shown):
    pytest.importorskip("PIL")
    from PIL import Image

    path = tmp_path / "run.gif"
    monkeypatch.setattr(files, "_ask_save", lambda *args: str(path))
    window.resize(1280, 800)
    files.record.trigger()  # starts, with a first frame
    assert files.recorder.recording
    for _ in range(11):
        window.session.step(20)  # the boundary moves between frames
        qtbot.waitUntil(lambda: window.canvas.boundary_clock.up_to_date, timeout=2000)
        files.recorder.add_frame()
    files.record.trigger()  # stops, and saves
    assert not files.recorder.recording and path.exists()
    width, height = window.canvas.width(), window.canvas.height()
    scale = min(1.0, recorder.MAX_SIDE / max(width, height))
    with Image.open(path) as gif:
        assert gif.n_frames == 12
        assert gif.size == (round(width * scale), round(height * scale))
        assert gif.info["duration"] == 1000 // recorder.FPS and gif.info["loop"] == 0
    assert path.stat().st_size < 400_000


def test_no_export_writes_over_the_open_scenario(qtbot, window, files, tmp_path, shown, monkeypatch):
    """Found by the random-action test (seed 1): Export Points (CSV) over the scenario just saved
    replaced it, while the window still said it was saved."""
    path = tmp_path / "good.json"
    assert window.save_file_as(str(path))
    saved = path.read_bytes()
    monkeypatch.setattr(files.recorder, "save", lambda p: pytest.fail("the recording was written"))
    for export in (files.export_csv, files.save_model, files.export_torch, files.save_recording):
        assert not export(str(path))
    assert path.read_bytes() == saved and not window.session.modified
    assert len(shown) == 4 and all("good.json is the file of the open scenario" in text for text in shown)
    assert files.export_csv(str(tmp_path / "points.csv"))  # any other name: written

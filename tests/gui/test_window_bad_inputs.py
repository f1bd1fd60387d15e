"""The window against bad input: a bad file is refused with a clear message and the work is
kept; whatever the window lets a person make, it can save; a save that cannot be made says so."""

from __future__ import annotations

import json
import os

import numpy as np
import pytest
from PySide6.QtWidgets import QMessageBox

from engine import model_file
from engine.input_files import MAX_FILE_POINTS
from engine.scenario import FORMAT, Scenario, load
from engine.settings import DataSettings, Settings
from playground.session import Session

posix_only = pytest.mark.skipif(os.name != "posix", reason="links and modes as on POSIX")
HEAD = '{"format": "' + FORMAT + '"'


@pytest.fixture
def shown(monkeypatch):
    """The texts of the warnings shown."""
    texts = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: texts.append(text))
    return texts


def work(session) -> tuple:
    """What the person made: points, labels, split, classes, settings, step, undo."""
    return (session.points.tobytes(), session.labels.tobytes(), session.is_test.tobytes(),
            session.class_names, session.settings, session.stats.step, session.undo_text())


def make_work(session) -> tuple:
    session.add_points([[0.1, 0.2]], label=1)
    session.step(3)
    return work(session)


def ten_million_points(path):
    path.write_bytes(HEAD.encode() + b', "points": [' + b"[0,0,0]," * 10_000_000 + b"[0,0,0]]}")


SCENARIOS = {  # a bad file, and the words that say why
    "larger than the limit": (lambda p: p.write_bytes(b"{}," * 21_000_000), "is too large (over 16 MB)"),
    "NaN": (lambda p: p.write_text(HEAD + ', "points": [[0, NaN, 0]]}'), "points[0]: x and y must be finite"),
    "inf": (lambda p: p.write_text(HEAD + ', "points": [[0, -Infinity, 0]]}'), "x and y must be finite"),
    "thousands of classes": (lambda p: p.write_text(json.dumps(
        {"format": FORMAT, "classes": [f"c{i}" for i in range(5000)]})), "classes: must be a list of 2 to 5"),
    "10^7 points": (ten_million_points, "is too large"),
    "a lone surrogate": (lambda p: p.write_text(HEAD + ', "classes": ["A", "\\ud800"]}'),
                         "classes[1]: holds a character that is not Unicode text"),
}


@pytest.mark.parametrize("name", SCENARIOS)
def test_a_bad_scenario_is_refused_and_the_work_kept(qtbot, window, tmp_path, shown, name):
    make, words = SCENARIOS[name]
    path = tmp_path / "bad.json"
    make(path)
    before = make_work(window.session)
    assert not window.open_file(str(path))
    assert len(shown) == 1 and words in shown[0] and "\n" not in shown[0]
    assert work(window.session) == before


@pytest.mark.parametrize("lines, words", [
    (["x,y,label", "0,nan,A"], "line 2: y must be finite"),
    (["x,y,label", *(f"0,0,c{i}" for i in range(5000))], "would be a class too many"),
])
def test_a_bad_csv_is_refused_and_the_work_kept(qtbot, window, tmp_path, shown, lines, words):
    path = tmp_path / "bad.csv"
    path.write_text("\n".join(lines))
    before = make_work(window.session)
    assert not window.files.import_csv(str(path))
    assert words in shown[0] and work(window.session) == before


def test_a_huge_csv_or_model_file_is_refused_and_the_work_kept(qtbot, window, tmp_path, shown):
    csv, model = tmp_path / "huge.csv", tmp_path / "huge.npz"
    csv.write_bytes(b"x,y,label\n" + b"0,0,0\n" * 10_000_000)
    with open(model, "wb") as file:
        file.truncate(model_file.MAX_NPZ_BYTES + 1)
    before = make_work(window.session)
    assert not window.files.import_csv(str(csv)) and not window.files.load_model(str(model))
    assert all("is too large" in text for text in shown) and len(shown) == 2
    assert work(window.session) == before


def test_a_model_with_inf_is_refused_and_the_weights_kept(qtbot, window, tmp_path, shown):
    path = tmp_path / "model.npz"
    model = window.session.model_file()
    model.parameters[1][0, 0] = np.nan
    model_file.save(path, model)
    before = make_work(window.session)
    weights = [w.copy() for w in window.session.model_file().parameters]
    assert not window.files.load_model(str(path))
    assert "b1: holds a number that is not finite" in shown[0] and work(window.session) == before
    assert all(np.array_equal(a, b) for a, b in zip(window.session.model_file().parameters, weights))


# ------------------------------------------------------------------- saving
@posix_only
def test_a_read_only_file_is_not_overwritten_and_the_work_stays(qtbot, window, tmp_path, shown):
    path = tmp_path / "demo.json"
    assert window.save_file_as(str(path))
    window.session.add_points([[0.5, 0.5]])
    os.chmod(path, 0o444)
    saved = path.read_text()
    assert not window.save_file()
    assert shown[0].startswith(f"{path} is read-only, so it was left as it is")
    assert "Your work is still open here" in shown[0]
    assert path.read_text() == saved and window.session.modified and window.isWindowModified()


@posix_only
def test_saving_through_a_link_updates_the_file_it_points_to(qtbot, window, tmp_path):
    target, link = tmp_path / "lessons" / "demo.json", tmp_path / "demo.json"
    target.parent.mkdir()
    link.symlink_to(target)
    window.session.add_points([[0.5, 0.5]])
    assert window.save_file_as(str(link))
    assert link.is_symlink() and len(load(target).points) == len(window.session.points)


# --------------------------------------------------------- the point limit
def full_session(qtbot, extra: int = 0) -> Session:
    n = MAX_FILE_POINTS - extra
    rng = np.random.default_rng(1)
    return Session(Scenario(rng.uniform(-1, 1, (n, 2)), rng.integers(0, 2, n), np.zeros(n, bool), ["A", "B"]))


def test_the_point_after_the_limit_is_refused_and_said(qtbot, window, tmp_path):
    """A file at the 100 000-point limit plus one click could not be saved."""
    full = full_session(qtbot)
    window.session.new(Scenario(full.points, full.labels, full.is_test, ["A", "B"]))
    with qtbot.waitSignal(window.session.points_refused) as refused:
        window.session.add_points([[0.5, 0.5]])
    assert refused.args == [MAX_FILE_POINTS] and len(window.session.points) == MAX_FILE_POINTS
    assert window.statusBar().currentMessage().startswith(f"At most {MAX_FILE_POINTS} points: no more")
    path = tmp_path / "full.json"
    assert window.save_file_as(str(path)) and len(load(path).points) == MAX_FILE_POINTS


def test_a_brush_stroke_stops_at_the_limit(qtbot):
    session = full_session(qtbot, extra=3)
    refused = []
    session.points_refused.connect(refused.append)
    session.begin_stroke()
    session.stroke_add(np.zeros((2, 2)))
    session.stroke_add(np.zeros((2, 2)))
    session.end_stroke("Brush stroke")
    assert len(session.points) == MAX_FILE_POINTS and refused == [MAX_FILE_POINTS]
    session.undo()
    assert len(session.points) == MAX_FILE_POINTS - 3


# ------------------------------------------------------- removing a class
@pytest.fixture
def spiral(qtbot):
    return Session(Scenario.generate(Settings(data=DataSettings(dataset="spiral", classes=3))))


def test_after_removing_a_class_the_work_can_be_saved_and_opened(spiral, tmp_path):
    """File > Save refused with "classes: names 2 classes but data.classes is 3"."""
    spiral.remove_class(1)
    path = str(tmp_path / "two.json")
    spiral.save(path)
    spiral.open(path)
    assert spiral.class_names == ("A", "C") and spiral.settings.data.classes == 2
    assert set(spiral.labels.tolist()) == {0, 1}


def test_after_removing_a_class_the_generator_still_works(spiral, tmp_path):
    """Regenerate raised 'classes[2]: "C" is used twice', and so did every generator change after."""
    spiral.remove_class(1)
    spiral.regenerate()
    assert spiral.class_names == ("A", "C")
    spiral.set_data_field("classes", 3)
    assert spiral.class_names == ("A", "C", "B") and spiral.labels.max() == 2
    spiral.set_data_field("noise", 0.2)
    spiral.remove_class(0)
    spiral.set_data_field("seed", 7)
    spiral.set_data_field("classes", 4)
    assert spiral.class_names == ("C", "B", "A", "D")
    spiral.save(str(tmp_path / "four.json"))
    for _ in range(6):
        spiral.undo()
        spiral.save(str(tmp_path / "back.json"))  # every state on the way back can be saved
    assert spiral.class_names == ("A", "B", "C")


# ------------------------------------------------------------ nothing to train
def test_with_every_point_held_out_the_status_line_says_there_is_nothing_to_train_on(qtbot, window):
    s = window.session
    s.new(Scenario([[0, 0], [1, 1]], [0, 1], [True, True], ["A", "B"]))
    s.step(5)
    assert s.stats.step == 0
    assert window.status_line.text.text().startswith("There are no training points to learn from")

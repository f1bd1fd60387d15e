"""What the app reads, within its stated limits: regular files only, a size limit, a JSON text's
values counted before parsing, text that is Unicode. Scenario, CSV and model files alike."""

from __future__ import annotations

import io
import json
import os
import tracemalloc
import zipfile

import numpy as np
import pytest

from engine import csv_points, model_file, snapshot
from engine.csv_points import CsvError
from engine.input_files import MAX_FILE_BYTES, MAX_JSON_VALUES, MAX_NPZ_BYTES
from engine.model_file import ModelFile, ModelFileError
from engine.scenario import FORMAT, Scenario, ScenarioError, dumps, load, loads
from engine.settings import Settings
from engine.trainer import Trainer

posix_only = pytest.mark.skipif(os.name != "posix", reason="FIFOs as on POSIX")
LOADERS = {  # each kind of file, with its coded error
    "scenario": (load, ScenarioError),
    "csv": (csv_points.load, CsvError),
    "model": (model_file.load, ModelFileError),
}


def refused(kind: str, path):
    do, error_type = LOADERS[kind]
    with pytest.raises(error_type) as caught:
        do(path)
    return caught.value


@posix_only
@pytest.mark.timeout(20)  # before, reading a FIFO waited for a writer forever
@pytest.mark.parametrize("kind", LOADERS)
def test_a_fifo_is_refused_at_once(tmp_path, kind):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    error = refused(kind, fifo)
    assert (error.code, error.params) == ("not_a_file", {"path": str(fifo)})


@pytest.mark.parametrize("kind", LOADERS)
def test_a_folder_is_not_a_file(tmp_path, kind):
    assert refused(kind, tmp_path).code == "not_a_file"


@pytest.mark.parametrize("kind, limit", [("scenario", MAX_FILE_BYTES), ("csv", MAX_FILE_BYTES),
                                         ("model", MAX_NPZ_BYTES)])
def test_a_file_over_its_limit_is_refused_by_its_size(tmp_path, kind, limit):
    path = tmp_path / "big"
    with open(path, "wb") as file:
        file.truncate(limit + 1)  # sparse: nothing written
    error = refused(kind, path)
    assert (error.code, error.params) == ("file_too_large", {"path": str(path), "megabytes": limit // 2**20})


def test_millions_of_empty_objects_are_refused_before_parsing():
    """The 63 MB file of {},{},... took 4-8 s and 1.68 GB before; the same shape within the size
    limit is refused from a count of its commas and brackets, building nothing."""
    objects = ",".join(["{}"] * (MAX_FILE_BYTES // 3 - 100))
    text = f'{{"format": "{FORMAT}", "points": [{objects}]}}'
    tracemalloc.start()
    with pytest.raises(ScenarioError) as caught:
        loads(text)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert (caught.value.code, caught.value.params["most"]) == ("too_many_values", MAX_JSON_VALUES)
    assert peak < 1_000_000  # bytes: nothing was built from the text


def test_a_file_at_the_point_limit_is_within_the_value_count():
    """The count is an overestimate, but never refuses a real file: 100 000 points, all test points."""
    n = 100_000
    scenario = Scenario(np.zeros((n, 2)), np.zeros(n, int), np.ones(n, bool), ["A", "B"])
    assert len(loads(dumps(scenario)).points) == n


@pytest.mark.parametrize("where, doc", [
    ("title", {"title": "\ud800"}),
    ("classes[1]", {"classes": ["A", "B\udfff"]}),
    ("lesson.caption.ko", {"lesson": {"title": {"en": "XOR"}, "caption": {"en": "ok", "ko": "\ud800!"}}}),
])
def test_text_that_is_not_unicode_is_refused_with_its_field(where, doc):
    """A lone surrogate, which JSON can spell, made train and render die printing it, and a class
    name could not be saved. Lesson captions are checked the same way."""
    with pytest.raises(ScenarioError) as caught:
        loads(json.dumps({"format": FORMAT, **doc}))
    assert (caught.value.field, caught.value.code) == (where, "not_unicode_text")


def model_npz(tmp_path, **changes):
    path = tmp_path / "model.npz"
    doc = {**ModelFile(Settings().model, ["A", "B"], []).settings_dict(), **changes}
    shapes = model_file.parameter_shapes(Settings().model, len(doc["classes"]))
    model_file.write_npz(path, {name: np.zeros(shape, np.float32) for name, shape in shapes}, doc)
    return path


@pytest.mark.parametrize("classes, code", [
    (["A", "\ud800"], "not_unicode_text"), (["A", "A"], "class_name_twice"),
    (["A", "x" * 5000], "bad_class_name"), ([f"c{i}" for i in range(5000)], "not_a_name_list"),
])
def test_a_model_file_checks_its_class_names_as_a_scenario_does(tmp_path, classes, code):
    assert refused("model", model_npz(tmp_path, classes=classes)).code == code


def test_a_model_with_nan_or_inf_is_refused(tmp_path):
    path = model_npz(tmp_path)
    arrays, doc = model_file.read_npz(path)
    arrays["W2"][0, 0] = np.inf
    model_file.write_npz(path, arrays, doc)
    error = refused("model", path)
    assert (error.field, error.code) == ("W2", "model_not_finite")


def test_a_small_npz_that_unpacks_huge_is_refused_before_unpacking(tmp_path):
    path = tmp_path / "bomb.npz"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        buffer = io.BytesIO()
        np.save(buffer, np.zeros(MAX_NPZ_BYTES // 8 + 1))
        archive.writestr("W1.npy", buffer.getvalue())
    assert path.stat().st_size < 1_000_000
    assert refused("model", path).code == "file_too_large"


def test_an_npz_of_thousands_of_arrays_is_refused(tmp_path):
    path = tmp_path / "many.npz"
    np.savez(path, **{f"a{i}": np.zeros(1) for i in range(model_file.MAX_ARRAYS + 1)})
    assert refused("model", path).code == "file_too_large"


def test_the_json_inside_an_npz_is_counted_too(tmp_path):
    path = model_npz(tmp_path)
    arrays, _ = model_file.read_npz(path)
    np.savez(path, **arrays, settings=np.array("[" + ",".join(["{}"] * (MAX_JSON_VALUES + 1)) + "]"))
    assert refused("model", path).code == "too_many_values"


def test_an_autosave_at_the_point_limit_loads(tmp_path):
    """Whatever the window may hold, its autosave can bring back (its JSON: 4 bytes a character)."""
    n = 100_000
    rng = np.random.default_rng(0)
    scenario = Scenario(rng.uniform(-999, 999, (n, 2)), rng.integers(0, 5, n), rng.random(n) < 0.5,
                        ["A", "B", "C", "D", "E"])
    model = ModelFile.of(Trainer.for_scenario(scenario), scenario.class_names)
    path = tmp_path / "autosave.npz"
    snapshot.save(path, snapshot.Snapshot(scenario, model.parameters, 0, 0.0))
    assert len(snapshot.load(path).scenario.points) == n


def test_a_csv_of_ten_million_points_is_refused_by_its_size(tmp_path):
    path = tmp_path / "huge.csv"
    path.write_bytes(b"x,y,label\n" + b"0,0,0\n" * 10_000_000)
    error = refused("csv", path)
    assert error.code == "file_too_large"

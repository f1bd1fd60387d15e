"""The scenario file: round trips, generated points, validation messages, atomic save."""

from __future__ import annotations

import json
import os
import stat

import numpy as np
import pytest

from engine import datasets, scenario
from engine.scenario import (
    DEFAULT_CLASS_NAMES,
    FORMAT,
    MAX_FILE_POINTS,
    Scenario,
    ScenarioError,
    dumps,
    from_json_dict,
    load,
    loads,
    save,
)
from engine.settings import DataSettings, ModelSettings, Settings, TrainingSettings

DROP = object()  # in a document change: remove the key


def base_doc() -> dict:
    """A small valid hand-made document: 4 points, 2 classes, point 1 held out."""
    return {
        "format": FORMAT,
        "title": "XOR needs a hidden layer",
        "classes": ["A", "B"],
        "points": [[0.52, -0.31, 1], [-0.2, 0.7, 0], [0.4, 0.4, 1], [-0.5, -0.5, 0]],
        "test": [1],
        "data": {"dataset": "xor", "points": 200, "noise": 0.05, "classes": 2, "seed": 0,
                 "test_fraction": 0.2},
        "model": {"kind": "mlp", "hidden": [8, 8], "activation": "tanh", "features": ["x1", "x2"]},
        "training": {"loss": "cross_entropy", "optimizer": "sgd", "learning_rate": 0.3,
                     "batch_size": 0, "l1": 0.0, "l2": 0.0},
        "seed": 0,
    }


def changed(**changes) -> str:
    """The base document as text with top-level keys replaced (or dropped with DROP)."""
    doc = base_doc()
    for key, value in changes.items():
        if value is DROP:
            del doc[key]
        else:
            doc[key] = value
    return json.dumps(doc)


def in_section(section: str, **changes) -> str:
    doc = base_doc()
    doc[section].update(changes)
    return json.dumps(doc)


def with_point(row) -> str:
    """The base document with its third point replaced by ``row``."""
    doc = base_doc()
    doc["points"][2] = row
    return json.dumps(doc)


def assert_same(a: Scenario, b: Scenario) -> None:
    np.testing.assert_allclose(b.points, a.points, rtol=0, atol=5e-7)
    np.testing.assert_array_equal(b.labels, a.labels)
    np.testing.assert_array_equal(b.is_test, a.is_test)
    assert b.class_names == a.class_names
    assert b.settings == a.settings
    assert b.title == a.title


# ---- round trips -------------------------------------------------------------------


def test_generated_scenario_round_trips():
    settings = Settings(
        data=DataSettings(dataset="spiral", points=150, noise=0.1, classes=3, seed=7,
                          test_fraction=0.3),
        model=ModelSettings(kind="mlp", hidden=(16, 4), activation="relu",
                            features=("x1", "x2", "r")),
        training=TrainingSettings(loss="hinge", optimizer="adam", learning_rate=0.01,
                                  batch_size=32, l1=0.001, l2=0.01),
        seed=5)
    original = Scenario.generate(settings, class_names=["red", "green", "blue"], title="Spirals")
    assert original.is_test.sum() == 45
    assert_same(original, loads(dumps(original)))


def test_hand_made_scenario_round_trips_through_a_file(tmp_path):
    original = Scenario(points=[[0.1234567, -0.5], [1.0, 2.0], [-0.25, 0.0]],
                        labels=[2, 0, 1], is_test=[False, True, True],
                        class_names=["고양이", "dog", "bird 🐦"], title="Pets — a title")
    path = tmp_path / "pets.json"
    save(original, path)
    loaded = load(path)
    assert_same(original, loaded)
    assert loaded.points[0, 0] == 0.123457  # rounded to 6 decimals
    assert loaded.n_classes == 3


def test_saved_file_is_readable_json_with_one_point_per_line():
    text = dumps(from_json_dict(base_doc()))
    assert '    [0.52, -0.31, 1],\n' in text
    assert '"test": [1]' in text
    doc = json.loads(text)
    assert doc["format"] == FORMAT
    assert doc["model"]["hidden"] == [8, 8]
    assert list(doc) == ["format", "title", "classes", "points", "test", "data", "model",
                         "training", "seed"]


def test_empty_scenario_round_trips():
    empty = Scenario(np.zeros((0, 2)), np.zeros(0, int), np.zeros(0, bool), ["A", "B"])
    loaded = loads(dumps(empty))
    assert loaded.points.shape == (0, 2)
    assert loaded.class_names == ["A", "B"]


def test_dumps_refuses_what_loads_would_reject():
    bad = Scenario([[np.nan, 0.0]], [0], [False], ["A", "B"])
    with pytest.raises(ScenarioError) as caught:
        dumps(bad)
    assert caught.value.field == "points[0]"


# ---- defaults and generated points -------------------------------------------------


def test_points_absent_are_generated_from_the_data_settings():
    text = changed(points=DROP, test=DROP, data={"dataset": "circles", "points": 120,
                                                 "classes": 3, "seed": 4},
                   classes=["in", "mid", "out"])
    first, second = loads(text), loads(text)
    points, labels = datasets.generate("circles", 120, 0.05, 3, 4)
    np.testing.assert_array_equal(first.points, points)
    np.testing.assert_array_equal(first.labels, labels)
    np.testing.assert_array_equal(first.is_test, datasets.split(120, 0.2, 4))
    np.testing.assert_array_equal(second.points, first.points)
    assert first.class_names == ["in", "mid", "out"]


def test_minimal_document_takes_every_default():
    loaded = loads(json.dumps({"format": FORMAT}))
    assert loaded.settings == Settings()
    assert loaded.class_names == list(DEFAULT_CLASS_NAMES[:2])
    assert len(loaded.points) == Settings().data.points
    assert loaded.title == ""


def test_default_class_names_cover_the_highest_class_drawn():
    loaded = loads(changed(classes=DROP, test=DROP,
                           points=[[0, 0, 0], [0.5, 0.5, 3]]))
    assert loaded.class_names == ["A", "B", "C", "D"]
    assert not loaded.is_test.any()  # no "test": every point trains


def test_generate_defaults_to_as_many_names_as_classes():
    s = Scenario.generate(Settings(data=DataSettings(dataset="gaussians", classes=4)))
    assert s.class_names == ["A", "B", "C", "D"]
    assert s.labels.max() == 3


def test_generate_rejects_too_few_class_names():
    with pytest.raises(ScenarioError) as caught:
        Scenario.generate(Settings(data=DataSettings(dataset="spiral", classes=3)), ["a", "b"])
    assert caught.value.field == "classes"


# ---- malformed documents -------------------------------------------------------------


def _big_int(digits: int) -> str:
    return changed().replace('"seed": 0}', '"seed": 1' + "0" * (digits - 1) + "}")


MALFORMED = [
    ("empty text", "", ""),
    ("blank text", " \n\t ", ""),
    ("truncated JSON", changed()[:100], ""),
    ("list at top level", "[1, 2]", ""),
    ("string at top level", '"hello"', ""),
    ("arrays nested 100000 deep", "[" * 100_000, ""),
    ("objects nested 100000 deep", '{"a": ' * 100_000, ""),
    ("valid JSON nested deep", changed(title=DROP)[:-1] + ', "title": ' + "[" * 5000 + "]" * 5000
     + "}", ""),
    ("missing format", changed(format=DROP), "format"),
    ("wrong format", changed(format="decision-playground/2"), "format"),
    ("format checked first", json.dumps({"colour": "red"}), "format"),
    ("unknown top-level key", changed(colour="red"), "colour"),
    ("points not a list", changed(points="1,2,0"), "points"),
    ("too many points", changed(test=DROP, points=[[0, 0, 0]] * (MAX_FILE_POINTS + 1)),
     "points"),
    ("point with 2 numbers", with_point([0.1, 0.2]), "points[2]"),
    ("point with 4 numbers", with_point([0.1, 0.2, 1, 0]), "points[2]"),
    ("point is a number", with_point(0.5), "points[2]"),
    ("point with NaN", with_point([float("nan"), 0.2, 1]), "points[2]"),
    ("point with Infinity", with_point([0.1, float("-inf"), 1]), "points[2]"),
    ("point far off the plane", with_point([1e9, 0.2, 1]), "points[2]"),
    ("point with a string", with_point(["1", 0.2, 1]), "points[2]"),
    ("point with a bool", with_point([0.1, True, 1]), "points[2]"),
    ("class is a bool", with_point([0.1, 0.2, True]), "points[2]"),
    ("class is a float", with_point([0.1, 0.2, 1.0]), "points[2]"),
    ("class out of range", with_point([0.1, 0.2, 2]), "points[2]"),
    ("negative class", with_point([0.1, 0.2, -1]), "points[2]"),
    ("class 5 without names", changed(classes=DROP, test=DROP, points=[[0, 0, 5]]),
     "points[0]"),
    ("5000-digit coordinate", with_point([0.1, 0.2, 1]).replace("0.1", "1" * 5000), "points[2]"),
    ("test not a list", changed(test=1), "test"),
    ("test out of range", changed(test=[4]), "test[0]"),
    ("test negative", changed(test=[1, -1]), "test[1]"),
    ("test duplicated", changed(test=[1, 2, 1]), "test[2]"),
    ("test is a float", changed(test=[1.0]), "test[0]"),
    ("test without points", changed(points=DROP), "test"),
    ("one class name", changed(classes=["A"]), "classes"),
    ("six class names", changed(classes=list("ABCDEF")), "classes"),
    ("classes a string", changed(classes="A,B"), "classes"),
    ("empty class name", changed(classes=["A", " "]), "classes[1]"),
    ("class name not text", changed(classes=[1, "B"]), "classes[0]"),
    ("class name too long", changed(classes=["A" * 41, "B"]), "classes[0]"),
    ("class name twice", changed(classes=["A", "A"]), "classes[1]"),
    ("fewer names than data classes",
     changed(classes=["A", "B"], data={"dataset": "spiral", "classes": 3}), "classes"),
    ("title not text", changed(title=123), "title"),
    ("title too long", changed(title="t" * 201), "title"),
    ("section not an object", changed(model=[8, 8]), "model"),
    ("unknown data key", in_section("data", colour="red"), "data.colour"),
    ("misspelled model key", in_section("model", hiden=[8]), "model.hiden"),
    ("hidden too wide", in_section("model", hidden=[8, 100]), "model.hidden"),
    ("hidden as text", in_section("model", hidden="8,8"), "model.hidden"),
    ("unknown activation", in_section("model", activation="swish"), "model.activation"),
    ("activation a list", in_section("model", activation=["tanh"]), "model.activation"),
    ("unknown feature", in_section("model", features=["x1", "z"]), "model.features"),
    ("negative learning rate", in_section("training", learning_rate=-1), "training.learning_rate"),
    ("NaN learning rate", in_section("training", learning_rate=float("nan")),
     "training.learning_rate"),
    ("learning rate as text", in_section("training", learning_rate="0.1"),
     "training.learning_rate"),
    ("unknown optimizer", in_section("training", optimizer={"sgd": 1}), "training.optimizer"),
    ("xor with 3 classes", in_section("data", classes=3), "data.classes"),
    ("unknown dataset", in_section("data", dataset="mnist"), "data.dataset"),
    ("negative seed", changed(seed=-1), "seed"),
    ("seed as text", changed(seed="0"), "seed"),
    ("400-digit seed", _big_int(400), "seed"),
    ("5000-digit seed", _big_int(5000), "seed"),
]


@pytest.mark.parametrize("text, expected_field", [case[1:] for case in MALFORMED],
                         ids=[case[0] for case in MALFORMED])
def test_malformed_document_names_the_field(text, expected_field):
    with pytest.raises(ScenarioError) as caught:
        loads(text)
    error = caught.value
    assert error.field == expected_field
    assert error.message
    assert "\n" not in str(error)
    assert str(error) == (f"{expected_field}: {error.message}" if expected_field
                          else error.message)


@pytest.mark.parametrize("text, expected", [
    ("", "empty file"),
    ("{\n\n  \"format\": }", "not valid JSON: line 3 column 13: Expecting value"),
    ("[1]", "the file must hold a JSON object, not a list"),
    ("[" * 100_000, "the file is nested too deeply"),
    (changed(format=DROP), "format: missing — is this a Decision Playground scenario?"),
    (changed(format="v2"), 'format: expected "decision-playground/1", got "v2"'),
    (with_point([0.1, 0.2]), "points[2]: must be three finite numbers [x, y, class]"),
    (in_section("model", hiden=[8]),
     "model.hiden: unknown field (expected one of kind, hidden, activation, features)"),
])
def test_messages_read_well(text, expected):
    with pytest.raises(ScenarioError) as caught:
        loads(text)
    assert str(caught.value) == expected


def test_settings_messages_are_passed_on():
    with pytest.raises(ScenarioError) as caught:
        loads(in_section("model", hidden="8,8"))
    assert str(caught.value).startswith("model.hidden: must be a list of layer widths")
    with pytest.raises(ScenarioError) as caught:
        loads(with_point([float("nan"), 0.2, 1]))
    assert "finite" in caught.value.message


def test_error_text_stays_on_one_short_line():
    doc = base_doc()
    doc["model"]["a\nb" * 1000] = 1
    with pytest.raises(ScenarioError) as caught:
        loads(json.dumps(doc))
    assert "\n" not in str(caught.value)
    assert len(str(caught.value)) < 400


# ---- files ------------------------------------------------------------------------------


def test_load_missing_file(tmp_path):
    with pytest.raises(ScenarioError) as caught:
        load(tmp_path / "nowhere.json")
    assert caught.value.field == ""
    assert "cannot read" in str(caught.value) and "nowhere.json" in str(caught.value)


def test_load_directory(tmp_path):
    with pytest.raises(ScenarioError, match="cannot read"):
        load(tmp_path)


def test_load_rejects_bytes_that_are_not_utf8(tmp_path):
    path = tmp_path / "latin1.json"
    path.write_bytes(changed(title="caf\u00e9").replace("\\u00e9", "\u00e9").encode("latin-1"))
    with pytest.raises(ScenarioError, match="not UTF-8"):
        load(path)


def test_load_accepts_a_byte_order_mark(tmp_path):
    path = tmp_path / "bom.json"
    path.write_bytes(changed().encode("utf-8-sig"))
    assert load(path).title == "XOR needs a hidden layer"


def test_load_rejects_a_file_over_the_size_limit(tmp_path, monkeypatch):
    path = tmp_path / "big.json"
    path.write_text(changed())
    monkeypatch.setattr(scenario, "MAX_FILE_BYTES", 100)
    with pytest.raises(ScenarioError, match="too large"):
        load(path)


def test_save_into_a_missing_directory(tmp_path):
    target = tmp_path / "missing" / "s.json"
    with pytest.raises(ScenarioError) as caught:
        save(from_json_dict(base_doc()), target)
    assert caught.value.field == ""
    assert str(caught.value).startswith(f"cannot save {target}")
    assert not (tmp_path / "missing").exists()


@pytest.mark.parametrize("broken", ["replace", "fsync"])
def test_failed_save_keeps_the_previous_file(tmp_path, monkeypatch, broken):
    target = tmp_path / "s.json"
    target.write_text("previous content")

    def fail(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, broken, fail)
    with pytest.raises(ScenarioError, match="No space left on device"):
        save(from_json_dict(base_doc()), target)
    assert target.read_text() == "previous content"
    assert os.listdir(tmp_path) == ["s.json"]  # no temporary file left behind


def test_save_onto_a_directory_leaves_no_temporary_file(tmp_path):
    (tmp_path / "taken").mkdir()
    with pytest.raises(ScenarioError, match="cannot save"):
        save(from_json_dict(base_doc()), tmp_path / "taken")
    assert os.listdir(tmp_path) == ["taken"]


def test_save_replaces_the_file_and_keeps_its_permissions(tmp_path):
    target = tmp_path / "s.json"
    target.write_text("previous content")
    os.chmod(target, 0o640)
    save(from_json_dict(base_doc()), target)
    assert load(target).title == "XOR needs a hidden layer"
    if os.name == "posix":
        assert stat.S_IMODE(target.stat().st_mode) == 0o640

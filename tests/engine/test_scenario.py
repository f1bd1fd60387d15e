"""The scenario file: round trips, generated points, validation messages, atomic save."""

from __future__ import annotations

import json
import os
import stat

import numpy as np
import pytest

from engine import datasets
from engine.scenario import (
    DEFAULT_CLASS_NAMES,
    FORMAT,
    MAX_FILE_BYTES,
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
    ("empty text", "", "", "empty_file"),
    ("blank text", " \n\t ", "", "empty_file"),
    ("truncated JSON", changed()[:100], "", "not_json"),
    ("list at top level", "[1, 2]", "", "not_an_object"),
    ("string at top level", '"hello"', "", "not_an_object"),
    ("arrays nested 100000 deep", "[" * 100_000, "", "nested_too_deeply"),
    ("objects nested 100000 deep", '{"a": ' * 100_000, "", "nested_too_deeply"),
    ("valid JSON nested deep", changed(title=DROP)[:-1] + ', "title": ' + "[" * 5000 + "]" * 5000
     + "}", "", "nested_too_deeply"),
    ("missing format", changed(format=DROP), "format", "missing_format"),
    ("wrong format", changed(format="decision-playground/2"), "format", "wrong_format"),
    ("format checked first", json.dumps({"colour": "red"}), "format", "missing_format"),
    ("unknown top-level key", changed(colour="red"), "colour", "unknown_field"),
    ("points not a list", changed(points="1,2,0"), "points", "not_a_point_list"),
    ("too many points", changed(test=DROP, points=[[0, 0, 0]] * (MAX_FILE_POINTS + 1)),
     "points", "too_many_points"),
    ("point with 2 numbers", with_point([0.1, 0.2]), "points[2]", "not_a_point"),
    ("point with 4 numbers", with_point([0.1, 0.2, 1, 0]), "points[2]", "not_a_point"),
    ("point is a number", with_point(0.5), "points[2]", "not_a_point"),
    ("point with NaN", with_point([float("nan"), 0.2, 1]), "points[2]", "point_off_the_plane"),
    ("point with Infinity", with_point([0.1, float("-inf"), 1]), "points[2]",
     "point_off_the_plane"),
    ("point far off the plane", with_point([1e9, 0.2, 1]), "points[2]", "point_off_the_plane"),
    ("point with a string", with_point(["1", 0.2, 1]), "points[2]", "not_a_point"),
    ("point with a bool", with_point([0.1, True, 1]), "points[2]", "not_a_point"),
    ("class is a bool", with_point([0.1, 0.2, True]), "points[2]", "not_a_point"),
    ("class is a float", with_point([0.1, 0.2, 1.0]), "points[2]", "class_not_whole"),
    ("class out of range", with_point([0.1, 0.2, 2]), "points[2]", "class_out_of_range"),
    ("negative class", with_point([0.1, 0.2, -1]), "points[2]", "class_out_of_range"),
    ("class 5 without names", changed(classes=DROP, test=DROP, points=[[0, 0, 5]]),
     "points[0]", "class_out_of_range"),
    ("5000-digit coordinate", with_point([0.1, 0.2, 1]).replace("0.1", "1" * 5000), "points[2]",
     "point_off_the_plane"),
    ("test not a list", changed(test=1), "test", "not_an_index_list"),
    ("test out of range", changed(test=[4]), "test[0]", "not_a_point_index"),
    ("test negative", changed(test=[1, -1]), "test[1]", "not_a_point_index"),
    ("test duplicated", changed(test=[1, 2, 1]), "test[2]", "test_point_twice"),
    ("test is a float", changed(test=[1.0]), "test[0]", "not_a_point_index"),
    ("test without points", changed(points=DROP), "test", "test_without_points"),
    ("one class name", changed(classes=["A"]), "classes", "not_a_name_list"),
    ("six class names", changed(classes=list("ABCDEF")), "classes", "not_a_name_list"),
    ("classes a string", changed(classes="A,B"), "classes", "not_a_name_list"),
    ("empty class name", changed(classes=["A", " "]), "classes[1]", "bad_class_name"),
    ("class name not text", changed(classes=[1, "B"]), "classes[0]", "bad_class_name"),
    ("class name too long", changed(classes=["A" * 41, "B"]), "classes[0]", "bad_class_name"),
    ("class name twice", changed(classes=["A", "A"]), "classes[1]", "class_name_twice"),
    ("fewer names than data classes",
     changed(classes=["A", "B"], data={"dataset": "spiral", "classes": 3}), "classes",
     "too_few_class_names"),
    ("title not text", changed(title=123), "title", "bad_title"),
    ("title too long", changed(title="t" * 201), "title", "bad_title"),
    ("section not an object", changed(model=[8, 8]), "model", "not_a_section"),
    ("unknown data key", in_section("data", colour="red"), "data.colour", "unknown_field"),
    ("misspelled model key", in_section("model", hiden=[8]), "model.hiden", "unknown_field"),
    ("hidden too wide", in_section("model", hidden=[8, 100]), "model.hidden",
     "outside_whole_range"),
    ("hidden as text", in_section("model", hidden="8,8"), "model.hidden", "not_width_list"),
    ("unknown activation", in_section("model", activation="swish"), "model.activation",
     "not_one_of"),
    ("activation a list", in_section("model", activation=["tanh"]), "model.activation",
     "not_a_name"),
    ("unknown feature", in_section("model", features=["x1", "z"]), "model.features",
     "unknown_feature"),
    ("negative learning rate", in_section("training", learning_rate=-1), "training.learning_rate",
     "outside_open_range"),
    ("NaN learning rate", in_section("training", learning_rate=float("nan")),
     "training.learning_rate", "not_finite"),
    ("learning rate as text", in_section("training", learning_rate="0.1"),
     "training.learning_rate", "not_number"),
    ("unknown optimizer", in_section("training", optimizer={"sgd": 1}), "training.optimizer",
     "not_a_name"),
    ("xor with 3 classes", in_section("data", classes=3), "data.classes", "fixed_class_count"),
    ("unknown dataset", in_section("data", dataset="mnist"), "data.dataset", "not_one_of"),
    ("negative seed", changed(seed=-1), "seed", "outside_whole_range"),
    ("seed as text", changed(seed="0"), "seed", "not_whole"),
    ("400-digit seed", _big_int(400), "seed", "not_whole"),
    ("5000-digit seed", _big_int(5000), "seed", "not_whole"),
]


@pytest.mark.parametrize("text, expected_field, expected_code", [case[1:] for case in MALFORMED],
                         ids=[case[0] for case in MALFORMED])
def test_malformed_document_names_the_field_and_the_code(text, expected_field, expected_code):
    with pytest.raises(ScenarioError) as caught:
        loads(text)
    error = caught.value
    assert (error.field, error.code) == (expected_field, expected_code)
    assert "\n" not in str(error)
    assert str(error).startswith(f"{expected_field}: {expected_code}" if expected_field else expected_code)


@pytest.mark.parametrize("text, field, code, params", [
    ("{\n\n  \"format\": }", "", "not_json", {"line": 3, "column": 13, "reason": "Expecting value"}),
    ("[1]", "", "not_an_object", {"found": [1]}),
    (changed(format="v2"), "format", "wrong_format", {"expected": FORMAT, "found": "v2"}),
    (with_point([0.1, 0.2, 2]), "points[2]", "class_out_of_range", {"label": 2, "high": 1}),
    (in_section("model", hiden=[8]), "model.hiden", "unknown_field",
     {"expected": ("kind", "hidden", "activation", "features")}),
    (changed(test=[1, 2, 1]), "test[2]", "test_point_twice", {"index": 1}),
])
def test_errors_carry_the_values_a_message_needs(text, field, code, params):
    with pytest.raises(ScenarioError) as caught:
        loads(text)
    assert (caught.value.field, caught.value.code, caught.value.params) == (field, code, params)


def test_settings_errors_are_passed_on_with_their_values():
    with pytest.raises(ScenarioError) as caught:
        loads(in_section("model", hidden="8,8"))
    assert (caught.value.field, caught.value.code) == ("model.hidden", "not_width_list")
    assert caught.value.params == {"found": "8,8"}
    with pytest.raises(ScenarioError) as caught:
        loads(in_section("training", l2=11))
    assert caught.value.params == {"low": 0.0, "high": 10.0, "value": 11.0}


def test_error_text_stays_on_one_short_line():
    doc = base_doc()
    doc["model"]["a\nb" * 1000] = 1
    with pytest.raises(ScenarioError) as caught:
        loads(json.dumps(doc))
    assert "\n" not in str(caught.value)
    assert len(str(caught.value)) < 400
    assert len(caught.value.field) <= 80


def test_a_huge_value_is_kept_but_summarised():
    """The error holds what the file gave (for the message); str() shows only its start."""
    points = [[0, 0, 0]] * (MAX_FILE_POINTS + 1)
    with pytest.raises(ScenarioError) as caught:
        loads(changed(test=DROP, points=points))
    assert caught.value.params == {"most": MAX_FILE_POINTS, "count": MAX_FILE_POINTS + 1}
    with pytest.raises(ScenarioError) as caught:
        loads(changed(points={"x": list(range(10_000))}))
    assert caught.value.params["found"] == {"x": list(range(10_000))}
    assert len(str(caught.value)) < 200


# ---- files ------------------------------------------------------------------------------


def test_load_missing_file(tmp_path):
    with pytest.raises(ScenarioError) as caught:
        load(tmp_path / "nowhere.json")
    assert (caught.value.field, caught.value.code) == ("", "cannot_read")
    assert caught.value.params == {"path": str(tmp_path / "nowhere.json"),
                                   "reason": "No such file or directory"}


def test_load_directory(tmp_path):
    with pytest.raises(ScenarioError) as caught:
        load(tmp_path)
    assert caught.value.code == "not_a_file"


def test_load_rejects_bytes_that_are_not_utf8(tmp_path):
    path = tmp_path / "latin1.json"
    data = changed(title="caf\u00e9").replace("\\u00e9", "\u00e9").encode("latin-1")
    path.write_bytes(data)
    with pytest.raises(ScenarioError) as caught:
        load(path)
    assert (caught.value.code, caught.value.params) == ("not_utf8", {"offset": data.index(b"\xe9")})


def test_load_accepts_a_byte_order_mark(tmp_path):
    path = tmp_path / "bom.json"
    path.write_bytes(changed().encode("utf-8-sig"))
    assert load(path).title == "XOR needs a hidden layer"


def test_load_rejects_a_file_over_the_size_limit(tmp_path):
    path = tmp_path / "big.json"
    path.write_text(changed())
    with open(path, "r+b") as file:
        file.truncate(MAX_FILE_BYTES + 1)  # sparse: no time spent writing it
    with pytest.raises(ScenarioError) as caught:
        load(path)
    assert (caught.value.code, caught.value.params["path"]) == ("file_too_large", str(path))


def test_save_into_a_missing_directory(tmp_path):
    target = tmp_path / "missing" / "s.json"
    with pytest.raises(ScenarioError) as caught:
        save(from_json_dict(base_doc()), target)
    assert (caught.value.field, caught.value.code) == ("", "cannot_save")
    assert caught.value.params["path"] == str(target)
    assert not (tmp_path / "missing").exists()


@pytest.mark.parametrize("broken", ["replace", "fsync"])
def test_failed_save_keeps_the_previous_file(tmp_path, monkeypatch, broken):
    target = tmp_path / "s.json"
    target.write_text("previous content")

    def fail(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, broken, fail)
    with pytest.raises(ScenarioError) as caught:
        save(from_json_dict(base_doc()), target)
    assert caught.value.params["reason"] == "No space left on device"
    assert target.read_text() == "previous content"
    assert os.listdir(tmp_path) == ["s.json"]  # no temporary file left behind


def test_save_onto_a_directory_leaves_no_temporary_file(tmp_path):
    (tmp_path / "taken").mkdir()
    with pytest.raises(ScenarioError) as caught:
        save(from_json_dict(base_doc()), tmp_path / "taken")
    assert caught.value.code == "cannot_save"
    assert os.listdir(tmp_path) == ["taken"]


def test_save_replaces_the_file_and_keeps_its_permissions(tmp_path):
    target = tmp_path / "s.json"
    target.write_text("previous content")
    os.chmod(target, 0o640)
    save(from_json_dict(base_doc()), target)
    assert load(target).title == "XOR needs a hidden layer"
    if os.name == "posix":
        assert stat.S_IMODE(target.stat().st_mode) == 0o640

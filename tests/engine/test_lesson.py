"""Lessons in scenario files: the fields, their round trip, their errors, and checking an outcome."""

from __future__ import annotations

import json
import math

import pytest

from engine.lesson import Bound, Expectation, Lesson, text_in
from engine.lesson_outcome import explorer_gradients, outcome
from engine.scenario import FORMAT, Scenario, ScenarioError, dumps, load, loads, save
from engine.settings import DataSettings, ModelSettings, Settings

LESSON = {
    "title": {"en": "XOR needs a hidden layer", "ko": "XOR에는 은닉층이 필요하다"},
    "caption": {"en": "One line.", "ko": "한 줄."},
    "show": ["network", "gradients"],
    "explorer": "add_mul",
    "expect": {"steps": 300, "train_accuracy": {"at_least": 0.9, "at_most": 1.0},
               "test_loss": {"above": "train_loss"}, "gradients": {"x": -4.0, "z": 3.0}},
}


def doc(**changes) -> str:
    return json.dumps({"format": FORMAT, "lesson": LESSON, **changes}, ensure_ascii=False)


def lesson_with(**changes) -> str:
    return json.dumps({"format": FORMAT, "lesson": {"title": {"en": "T"}, **changes}})


def test_a_lesson_round_trips_through_a_file(tmp_path):
    scenario = loads(doc())
    assert scenario.lesson == Lesson(
        title=LESSON["title"], caption=LESSON["caption"], show=("network", "gradients"), explorer="add_mul",
        expect=Expectation(300, (Bound("train_accuracy", at_least=0.9, at_most=1.0),
                                 Bound("test_loss", above="train_loss")), {"x": -4.0, "z": 3.0}))
    save(scenario, tmp_path / "lesson.json")
    again = load(tmp_path / "lesson.json")
    assert again.lesson == scenario.lesson
    assert json.loads(dumps(again))["lesson"] == LESSON


def test_a_file_without_a_lesson_loads_and_saves_as_before():
    scenario = loads(json.dumps({"format": FORMAT, "title": "old"}))
    assert scenario.lesson is None and "lesson" not in json.loads(dumps(scenario))


def test_a_lesson_needs_only_a_title_in_one_language():
    lesson = loads(lesson_with(title={"ko": "수업"})).lesson
    assert lesson == Lesson({"ko": "수업"}) and lesson.expect is None and lesson.show == ()


@pytest.mark.parametrize("lesson, field, code", [
    ([1], "lesson", "not_a_section"),
    ({"caption": {"en": "x"}}, "lesson.title", "lesson_without_title"),
    ({"title": {}}, "lesson.title", "not_a_text_table"),
    ({"title": {"english": "x"}}, "lesson.title.english", "bad_language"),
    ({"title": {"en": " "}}, "lesson.title.en", "bad_lesson_text"),
    ({"title": {"en": "x" * 201}}, "lesson.title.en", "bad_lesson_text"),
    ({"title": {"en": "x"}, "caption": {"ko": 3}}, "lesson.caption.ko", "bad_lesson_text"),
    ({"title": {"en": "x"}, "show": "network"}, "lesson.show", "not_a_view_list"),
    ({"title": {"en": "x"}, "show": ["a b"]}, "lesson.show[0]", "bad_view_key"),
    ({"title": {"en": "x"}, "show": ["network", "network"]}, "lesson.show[1]", "view_twice"),
    ({"title": {"en": "x"}, "explorer": "nope"}, "lesson.explorer", "not_one_of"),
    ({"title": {"en": "x"}, "colour": 1}, "lesson.colour", "unknown_field"),
    ({"title": {"en": "x"}, "expect": {"steps": 5}}, "lesson.expect", "no_outcome"),
    ({"title": {"en": "x"}, "expect": {"steps": -1, "train_loss": {"at_most": 1}}},
     "lesson.expect.steps", "outside_whole_range"),
    ({"title": {"en": "x"}, "expect": {"steps": 1.5, "train_loss": {"at_most": 1}}},
     "lesson.expect.steps", "not_whole"),
    ({"title": {"en": "x"}, "expect": {"train_loss": {}}}, "lesson.expect.train_loss", "no_bound"),
    ({"title": {"en": "x"}, "expect": {"train_loss": {"under": 1}}},
     "lesson.expect.train_loss.under", "unknown_field"),
    ({"title": {"en": "x"}, "expect": {"train_loss": {"at_most": "1"}}},
     "lesson.expect.train_loss.at_most", "not_finite_number"),
    ({"title": {"en": "x"}, "expect": {"test_loss": {"above": "loss"}}},
     "lesson.expect.test_loss.above", "not_one_of"),
    ({"title": {"en": "x"}, "expect": {"gradients": {"x": 1}}}, "lesson.expect.gradients",
     "gradients_without_explorer"),
    ({"title": {"en": "x"}, "explorer": "add_mul", "expect": {"gradients": {}}}, "lesson.expect.gradients",
     "no_gradients"),
    ({"title": {"en": "x"}, "explorer": "add_mul", "expect": {"gradients": {"w": 1}}},
     "lesson.expect.gradients.w", "not_one_of"),
])
def test_a_bad_lesson_names_the_field_and_the_code(lesson, field, code):
    with pytest.raises(ScenarioError) as caught:
        loads(json.dumps({"format": FORMAT, "lesson": lesson}))
    assert (caught.value.field, caught.value.code) == (field, code)


def test_text_in_a_language_falls_back_to_english_then_the_first():
    texts = {"ko": "수업", "en": "lesson"}
    assert text_in(texts, "ko") == text_in(texts, "ko_KR") == "수업"
    assert text_in(texts, "de") == "lesson"
    assert text_in({"ko": "수업"}, "en") == "수업" and text_in({}, "en") == ""


def xor(kind: str, **expect) -> Scenario:
    model = ModelSettings(kind=kind, hidden=(4,), activation="tanh")
    scenario = Scenario.generate(Settings(data=DataSettings(points=100), model=model))
    scenario.lesson = Lesson({"en": "XOR"}, expect=Expectation(**expect))
    return scenario


def test_an_outcome_met_and_missed():
    bounds = (Bound("train_accuracy", at_least=0.97), Bound("train_loss", at_most=0.1))
    solved = outcome(xor("mlp", steps=1500, bounds=bounds))
    stuck = outcome(xor("linear", steps=1500, bounds=bounds[:1]))
    assert solved.met and solved.measures["train_accuracy"] >= 0.97
    assert not stuck.met and [(m.what, m.bound, m.expected) for m in stuck.misses] == [
        ("train_accuracy", "at_least", 0.97)]
    assert stuck.misses[0].found == stuck.measures["train_accuracy"] < 0.7


def test_the_start_gradient_ratio_is_measured_in_the_first_step():
    deep = outcome(xor("mlp", steps=1, bounds=(Bound("start_gradient_ratio", at_least=0.0),)))
    assert 0 < deep.measures["start_gradient_ratio"] < math.inf
    assert math.isnan(outcome(xor("linear", steps=1)).measures["start_gradient_ratio"])  # one layer


def test_a_nan_measure_meets_no_bound():
    scenario = xor("mlp", steps=10, bounds=(Bound("test_loss", at_most=100.0),))
    scenario.is_test[:] = False
    assert [m.what for m in outcome(scenario).misses] == ["test_loss"]


def test_explorer_gradients_are_the_lectures():
    assert explorer_gradients("add_mul") == {"x": -4.0, "y": -4.0, "z": 3.0}
    scenario = xor("mlp", gradients={"x": -4.0, "z": 2.0})
    scenario.lesson = Lesson({"en": "f"}, explorer="add_mul", expect=scenario.lesson.expect)
    assert [(m.what, m.expected, m.found) for m in outcome(scenario).misses] == [("gradients.z", 2.0, 3.0)]

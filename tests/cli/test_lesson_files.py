"""The built-in lesson files: each loads, speaks English and Korean, and trains to the outcome it states."""

from __future__ import annotations

import re

import pytest

from engine.lesson_outcome import outcome
from playground.cli import main
from playground.lessons import lesson_files, load_lesson

LESSONS = list(lesson_files())
SENTENCE_END = re.compile(r"[.!?](?=\s|$)")
# What the lecture's lessons are about (what-the-app-must-teach.md): one lesson at least for each.
LECTURE_POINTS = {"templates", "xor-linear", "xor-hidden", "circles-features", "deep-linear",
                  "activation-relu", "activation-tanh", "activation-sigmoid", "vanishing-gradients",
                  "deep-relu", "spiral-softmax", "hinge", "cross-entropy", "overfitting", "backprop"}


def test_there_is_a_lesson_for_every_point_of_the_lecture():
    assert len(LESSONS) >= 11 and LECTURE_POINTS <= set(LESSONS)


@pytest.mark.parametrize("name", LESSONS)
def test_a_lesson_has_its_title_and_caption_in_english_and_korean(name):
    lesson = load_lesson(name).lesson
    assert set(lesson.title) == set(lesson.caption) == {"en", "ko"}
    for language in ("en", "ko"):
        assert 1 <= len(SENTENCE_END.findall(lesson.caption[language])) <= 3, (name, language)
    assert lesson.expect is not None, f"{name} states no outcome"


@pytest.mark.parametrize("name", LESSONS)
def test_a_lesson_trains_to_the_outcome_it_states(name):
    result = outcome(load_lesson(name))
    assert result.met, (name, result.misses, result.measures)


def test_the_backprop_lesson_opens_the_lectures_first_example():
    lesson = load_lesson("backprop").lesson
    assert lesson.explorer == "add_mul" and outcome(load_lesson("backprop")).gradients == {
        "x": -4.0, "y": -4.0, "z": 3.0}


@pytest.mark.parametrize("argv, words", [
    (["--lesson", "nope"], "playground: --lesson: no lesson named 'nope'; choose from templates, xor-linear"),
    (["--lesson", "hinge", "--scenario", "x.json"],
     "playground: --lesson and --scenario: open one or the other"),
])
def test_a_bad_lesson_option_is_one_line_and_code_2(capsys, argv, words):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith(words) and err.count("\n") == 1

"""What the random-action test found, each kept with the shortest sequence that showed it.

Each test replays the sequence on a fresh window (``Harness.replay``); the invariants are
checked after every step, so a test fails exactly as the random run did if the bug returns.
"""

from __future__ import annotations

import pytest

from .harness import Harness


@pytest.fixture
def harness(qtbot, monkeypatch, tmp_path) -> Harness:
    return Harness(qtbot, monkeypatch, tmp_path)


def passes(harness: Harness, steps) -> None:
    run = harness.replay(steps)
    assert run.failure is None, f"{run.failure.kind} ({run.failure.what}): {run.failure.detail}"
    assert len(run.steps) == len(steps)


@pytest.mark.parametrize("field, typed", [("l2", "1e6"), ("learning_rate", "1e999"),
                                          ("learning_rate", "1e-400"), ("learning_rate", "+")])
def test_a_refused_number_in_a_list_of_presets_gives_way_to_the_value_in_force(harness, field, typed):
    """Seeds 1, 2, 3 and 5 (300 actions): Enter after text the validator refuses (above the range,
    too small to be above 0, not a number yet) ended no edit, and the field went on showing it
    while training used the value before."""
    passes(harness, [("training_number", (field, "typed", typed))])


def test_a_class_removed_from_three_leaves_work_that_saves_and_regenerates(harness):
    """Issue 12's first finding (fixed before this test existed; found again by the random test
    when the fix was taken out): remove a class of a 3-class lesson, then save, regenerate and
    save again."""
    passes(harness, [("lesson", (10, "discard")), ("remove_class", ()),
                     ("save", ("save_as", "saved-1.json")), ("regenerate", ("discard",)),
                     ("save", ("save", "")), ("open_file", ("discard", "saved-1.json"))])

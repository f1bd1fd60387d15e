"""What the random-action test found, each kept with the shortest sequence that showed it.

Each test replays the sequence on a fresh window (``Harness.replay``); the invariants are
checked after every step, so a test fails exactly as the random run did if the bug returns.
"""

from __future__ import annotations

import pytest

from .child import run_in_child
from .harness import Harness


@pytest.fixture
def harness(qtbot, tmp_path) -> Harness:
    return Harness(tmp_path)


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


@pytest.mark.parametrize("before, cut_by", [
    (("lesson", (10, "discard")), "remove class"),
    (("canvas_click", (0.1, 0.1, "left", "none")), "Ctrl+Z"),
    (("canvas_click", (0.1, 0.1, "left", "none")), "Ctrl+N")])
def test_a_gesture_cut_into_leaves_the_history_as_it_was_made(harness, before, cut_by):
    """Seed 0 (1000 actions): a brush stroke cut into by Remove class, then Undo, gave back 3 classes
    and 100 points the history had not seen; Undo (Ctrl+Z) or New (Ctrl+N) in the middle of a stroke
    did the same. The stroke so far is now an undo step of its own, before the edit."""
    passes(harness, [before, ("tool", ("brush",)),
                     ("canvas_drag_interrupted", (False, 0.0, 0.0, 2, 0.3, 0.3, 0.5, 0.5, cut_by)),
                     ("undo_redo", ("undo", 2)), ("undo_redo", ("redo", 3))])


def test_the_explorer_says_its_words_again_after_its_point_is_gone(tmp_path):
    """Seed 0 (a replay while shrinking): the backprop explorer, following point 3, looked it up again
    to say its words in Korean after the points were regenerated down to one; the IndexError in
    changeEvent took the process down (PySide 6.11). Run in a process of its own for that reason."""
    run = run_in_child({"folder": str(tmp_path), "steps": [
        ("centre_tab", (1,)), ("explorer_source", ("model",)), ("data_number", ("points", "discard", "min")),
        ("language", ("ko",))]}, timeout=120)
    assert run.failure is None, f"{run.failure.kind}: {run.failure.detail}"


def test_stepping_a_graph_after_its_formula_was_edited_selects_nothing_that_is_not_there(harness):
    """Seed 5 (300 actions, in step 184; the explorer's Play timer stepped, so no replay repeated it,
    and this sequence was written from the message): stepping a graph after a shorter formula was
    typed (and refused) selected the traced formula's parts in the new text: "QLineEdit::setSelection:
    Invalid start position (8)"."""
    passes(harness, [("centre_tab", (1,)), ("explorer_source", ("neuron_sigmoid",)),
                     ("explorer_formula", (("x * q", "x=1"),)),
                     *[("explorer_step", ("forward",))] * 12])


def test_an_export_over_the_open_scenario_is_refused(harness):
    """Seed 1 (1000 actions, step 922): File → Export Points (CSV) (entry 6 of a fresh window's
    File menu) to the scenario file just saved wrote the CSV over it, and the window went on
    saying the scenario was saved there."""
    passes(harness, [("save", ("save_as", "good.json")), ("menu_entry", (0, 6, "discard", "good.json"))])

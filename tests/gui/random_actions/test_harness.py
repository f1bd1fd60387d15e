"""The harness itself: it fails on what it promises to fail on, and shrinks to what matters."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QObject, Signal, qWarning

from .child import CRASH, run_in_child
from .harness import Harness
from .registry import CATALOGUE, Action
from .shrink import shrink


class _Emitter(QObject):
    fired = Signal()


def _raise_in_a_slot(h, p) -> str:
    emitter = _Emitter()
    emitter.fired.connect(lambda: 1 / 0)
    emitter.fired.emit()  # the slot's exception goes to the hook, not to this caller
    return "a slot divides by zero"


def _warn(h, p) -> str:
    qWarning("something Qt did not like")
    return "a Qt warning"


def _edit_behind_the_history(h, p) -> str:
    h.w.session.begin_stroke()
    h.w.session.stroke_add([[0.5, 0.5]])  # a gesture that never ends: its point is not in the history
    return "a point added outside the undo history"


def _nothing(h, p) -> str:
    return f"nothing {p.integer(0, 9)}"


@pytest.fixture
def harness(qtbot, monkeypatch, tmp_path) -> Harness:
    for act in (_raise_in_a_slot, _warn, _edit_behind_the_history, _nothing):
        monkeypatch.setitem(CATALOGUE, act.__name__, Action(act.__name__, 0, act))
    return Harness(tmp_path)


@pytest.mark.parametrize("bad, kind, what", [
    ("_raise_in_a_slot", "exception", "ZeroDivisionError"),
    ("_warn", "qt message", "QtWarningMsg: something Qt did not like"),
    ("_edit_behind_the_history", "invariant", "undo history"),
])
def test_a_failure_is_caught_at_its_step_and_shrunk_to_it(harness, bad, kind, what):
    steps = [("_nothing", (1,)), ("canvas_click", (0.2, 0.3, "left", "none")), (bad, ()), ("_nothing", (2,))]
    run = harness.replay(steps)
    assert (run.failure.kind, run.failure.what, run.failure.step) == (kind, what, 2)
    assert len(run.steps) == 3  # the run stops at the failure
    shortest, replays = shrink(harness.replay, run.steps, run.failure)
    assert [step.name for step in shortest] == [bad] and replays > 1


def test_a_random_run_replays_as_recorded(harness):
    first = harness.run_random(seed=7, count=25)
    again = harness.replay(first.steps)
    assert first.failure is None and again.failure is None
    assert [s.values for s in again.steps] == [s.values for s in first.steps]
    assert [s.name for s in harness.run_random(seed=7, count=25).steps] == [s.name for s in first.steps]


def test_a_crash_is_reported_with_the_steps_so_far_and_shrunk_in_new_processes(tmp_path, monkeypatch):
    monkeypatch.setenv("RANDOM_ACTION_MODULES", "random_actions.crashing")

    def replay(steps):
        return run_in_child({"folder": str(tmp_path), "steps": steps}, timeout=120)

    run = replay([("canvas_click", (0.2, 0.3, "left", "none")), ("crash", (4,)), ("wait", (10,))])
    assert (run.failure.kind, run.failure.what, run.failure.step) == ("crash", CRASH, 1)
    assert [(s.name, s.values) for s in run.steps] == [("canvas_click", (0.2, 0.3, "left", "none")),
                                                       ("crash", (4,))]
    shortest, _ = shrink(replay, run.steps, run.failure)
    assert [s.name for s in shortest] == ["crash"]

"""Undo keeps what each edit changed, not the point set, and still gives back every state exactly."""

import numpy as np
import pytest

from engine.scenario import Scenario
from engine.settings import DataSettings, Settings
from playground.session import Session

BIG = Settings(data=DataSettings(dataset="spiral", points=99_000, classes=3))  # room to add points


def state(session):
    """Everything an edit may change, as plain values."""
    return (session.points.copy(), session.labels.copy(), session.is_test.copy(), session.class_names,
            session.settings.data, session.points_edited_by_hand())


def assert_same(a, b):
    assert all(np.array_equal(x, y) for x, y in zip(a[:3], b[:3]))
    assert a[3:] == b[3:]


@pytest.fixture
def big(qtbot):
    return Session(Scenario.generate(BIG))


def test_an_edit_on_a_large_set_keeps_only_its_points(big):
    big.add_points([[0.1, 0.2]])
    big.remove_points(np.arange(10))
    big.begin_stroke("Move point")
    for x in np.linspace(0, 0.5, 20):
        big.stroke_move(5, (x, 0.3))
    big.end_stroke()
    big.add_class()
    assert big.undo_memory() < 2000  # one point, ten points, one move: not 4 x 2.5 MB


def test_regenerating_generated_points_keeps_their_settings_only(big):
    before = state(big)
    big.set_data_field("noise", 0.2)
    after = state(big)
    assert big.undo_memory() == 0
    big.undo()
    assert_same(state(big), before)
    big.redo()
    assert_same(state(big), after)


def test_replacing_points_by_hand_keeps_them(big):
    big.add_points([[0.1, 0.2]])
    edited = state(big)
    big.regenerate()
    assert big.undo_memory() >= edited[0].nbytes  # the work by hand is kept whole
    big.undo()
    assert_same(state(big), edited)


def test_every_kind_of_edit_undoes_and_redoes_exactly(session):
    rng = np.random.default_rng(5)
    seen = [state(session)]
    edits = [
        lambda: session.add_points(rng.uniform(-1, 1, (3, 2)), label=1, is_test=True),
        lambda: session.remove_points(rng.choice(len(session.points), 7, replace=False)),
        lambda: session.add_class(),
        lambda: session.add_points([[0.5, 0.5]], label=2),
        lambda: session.remove_class(0),
        lambda: session.set_data_field("noise", 0.3),
        lambda: session.add_points([[0.0, 0.0]]),
        lambda: session.clear_points(),
    ]
    for edit in edits:
        edit()
        seen.append(state(session))
    for expected in reversed(seen[:-1]):
        session.undo()
        assert_same(state(session), expected)
    for expected in seen[1:]:
        session.redo()
        assert_same(state(session), expected)


def test_a_gesture_is_one_step_and_every_change_of_it_is_undone(session):
    start = state(session)
    session.begin_stroke("Brush stroke")
    session.stroke_add([[0.1, 0.1], [0.2, 0.2]])
    session.stroke_remove([0, 1, 2])
    session.stroke_move(4, (0.9, -0.9))
    session.stroke_add([[0.3, 0.3]], label=1)
    session.end_stroke()
    assert session.undo_text() == "Brush stroke"
    done = state(session)
    session.undo()
    assert_same(state(session), start)
    session.redo()
    assert_same(state(session), done)


def test_undo_in_the_middle_of_a_gesture_keeps_the_history_whole(session):
    start = state(session)
    session.begin_stroke("Brush stroke")
    session.stroke_add([[0.1, 0.1]])
    session.undo()  # the stroke so far becomes a step of its own, and is undone
    assert_same(state(session), start)
    session.stroke_add([[0.2, 0.2]])  # the gesture goes on: recorded all the same
    session.end_stroke()
    session.undo()
    assert_same(state(session), start)
    session.stroke_move(10_000, (0.0, 0.0))  # a point an undo took away: nothing happens
    assert_same(state(session), start)


def test_a_drag_back_to_where_it_started_is_no_step(session):
    xy = tuple(session.points[3])
    session.begin_stroke("Move point")
    session.stroke_move(3, (0.5, 0.5))
    session.stroke_move(3, xy)
    session.end_stroke()
    assert not session.can_undo()


def test_the_selected_point_stays_the_same_point_through_edits_undo_and_redo(session):
    xy = session.points[10].copy()
    session.select_point(10)
    session.remove_points([0, 1, 2])  # before it: it moves down three places
    assert session.selected_point == 7 and np.array_equal(session.points[7], xy)
    session.undo()
    assert session.selected_point == 10
    session.redo()
    assert session.selected_point == 7
    session.add_points([[0.5, 0.5]])  # after it: it stays
    assert session.selected_point == 7
    session.remove_points([7])  # itself: gone, and not followed by another point
    assert session.selected_point is None

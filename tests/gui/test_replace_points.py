"""A dataset switch asks before it replaces points placed by hand (issue 10, item 14)."""

import numpy as np
from PySide6.QtWidgets import QMessageBox

from playground.panels.controls import select


def test_generated_points_are_replaced_without_a_question(qtbot, window, answers):
    asked, _ = answers
    select(window.views["data"].dataset, "circles")
    assert window.session.settings.data.dataset == "circles" and asked == []


def test_points_placed_by_hand_are_replaced_only_if_the_person_agrees(qtbot, window, answers):
    asked, replies = answers
    session, data = window.session, window.views["data"]
    session.add_points([[0.5, 0.5]])
    placed = session.points.copy()
    replies.append(QMessageBox.StandardButton.Cancel)
    select(data.dataset, "spiral")
    assert len(asked) == 1 and "placed or edited by hand" in asked[0]
    np.testing.assert_array_equal(session.points, placed)  # kept
    assert session.settings.data.dataset == "xor" and data.dataset.currentData() == "xor"
    replies.append(QMessageBox.StandardButton.Cancel)
    data.noise.setValue(0.2)
    assert session.settings.data.noise == 0.05 and data.noise.value() == 0.05 and len(asked) == 2
    replies.append(QMessageBox.StandardButton.Discard)
    select(data.dataset, "spiral")
    assert session.settings.data.dataset == "spiral" and len(asked) == 3
    select(data.dataset, "moons")  # generated points now: no question
    assert session.settings.data.dataset == "moons" and len(asked) == 3


def test_undo_and_regenerate_follow_what_the_points_are(qtbot, window, answers):
    asked, replies = answers
    session, data = window.session, window.views["data"]
    session.add_points([[0.5, 0.5]])
    session.undo()  # back to the generator's points
    assert not session.points_edited_by_hand()
    session.redo()
    assert session.points_edited_by_hand()
    replies.append(QMessageBox.StandardButton.Cancel)
    data.regenerate.click()
    assert len(asked) == 1 and len(session.points) == 201
    data.regenerate.click()  # the default answer: replace
    assert len(session.points) == 200 and not session.points_edited_by_hand()


def test_a_saved_generated_scenario_opens_as_generated(qtbot, window, tmp_path):
    session = window.session
    session.save(str(tmp_path / "s.json"))
    session.open(str(tmp_path / "s.json"))
    assert not session.points_edited_by_hand()
    session.clear_points()
    session.save(str(tmp_path / "hand.json"))
    session.open(str(tmp_path / "hand.json"))
    assert session.points_edited_by_hand()

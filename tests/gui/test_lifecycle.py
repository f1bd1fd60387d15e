"""What people do at the wrong moment ends cleanly: closing while training, Play twice, the
architecture changed in the middle of a step, a class removed under the selected point, and
quitting while the autosave writes. (pytest-qt fails a test on any exception in a Qt callback.)"""

import threading

import numpy as np
import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QMessageBox

from engine import snapshot
from playground.autosave import Autosaver
from playground.main_window import MainWindow


def trained(qtbot, window, steps=20):
    window.runner.play()
    qtbot.waitUntil(lambda: window.session.stats.step >= steps, timeout=5000)


def test_closing_the_window_while_training_stops_training(qtbot, window):
    trained(qtbot, window)
    window.views["gradient_check"].run()  # a gradient check in its thread, too
    window.close()
    assert not window.isVisible() and not window.runner.running
    step = window.session.stats.step
    QThreadPool.globalInstance().waitForDone(10_000)
    qtbot.wait(100)  # any tick or delivery still queued runs now
    assert window.session.stats.step == step


def test_closing_and_deleting_the_window_while_a_check_runs_ends_cleanly(qtbot, session, answers):
    window = MainWindow(session)
    window.show()
    qtbot.waitExposed(window)
    trained(qtbot, window)
    window.views["gradient_check"].run()
    window.close()
    window.deleteLater()
    qtbot.wait(50)  # the window is gone; the check delivers into nothing
    assert QThreadPool.globalInstance().waitForDone(10_000)
    qtbot.wait(50)


def test_pressing_play_twice_plays_then_pauses(qtbot, window):
    seen = []
    window.runner.running_changed.connect(seen.append)
    window.actions.play.trigger()
    window.actions.play.trigger()
    assert seen == [True, False] and not window.runner.running
    assert window.actions.play.text() == "Play"
    window.runner.play()
    window.runner.play()  # already playing: one timer, one announcement
    assert seen == [True, False, True] and window.runner.running
    trained(qtbot, window)
    window.runner.pause()


def test_the_architecture_changed_in_the_middle_of_a_step(qtbot, window):
    session = window.session
    window.docks["spaces"].raise_()
    window.views["spaces"].setCurrentWidget(window.views["spaces"].hidden)  # its layer goes away too
    session.set_model_field("hidden", (8, 8, 8))
    window.views["spaces"].hidden.layer.setCurrentIndex(2)  # the third hidden layer
    changed = []

    def change_once(stats):
        if not changed and stats.step > 5:  # inside the step's announcement: the step is not over
            changed.append(stats.step)
            session.set_model_field("hidden", (3,))

    session.stats_changed.connect(change_once)
    trained(qtbot, window, 6)
    qtbot.waitUntil(lambda: changed and session.stats.step >= 10, timeout=5000)
    window.runner.pause()
    assert session.model_info().sizes == (2, 3, 2)
    assert session.history.steps[0] == 0 and session.history.steps[-1] == session.stats.step
    assert np.all(np.isfinite(session.boundary_grid((-1, 1, -1, 1), 8)))
    qtbot.waitUntil(lambda: window.views["spaces"].hidden.plot.clock.up_to_date, timeout=2000)


def test_a_big_network_after_a_small_one_does_not_freeze_the_first_frame(qtbot, window):
    session, runner = window.session, window.runner
    trained(qtbot, window)  # the pace of a tiny network: many steps fit a frame
    runner.pause()
    session.set_model_field("hidden", (64, 64, 64))
    step = session.stats.step
    runner.tick()
    assert session.stats.step == step + 1  # one step, to measure, not a tiny network's hundreds


def test_removing_a_class_while_its_point_is_selected(qtbot, window):
    session, explorer = window.session, window.views["backprop"]
    session.add_class()
    session.add_points([[0.1, 0.1], [0.2, 0.2]], label=2)
    chosen = len(session.points) - 1
    session.select_point(chosen)
    window.centre.setCurrentWidget(explorer)
    explorer.show_model()
    session.remove_class(2)
    assert session.n_classes == 2 and session.labels.max() == 1
    assert session.selected_point is None or session.labels[session.selected_point] < 2
    assert explorer.point.value() < len(session.points)
    session.undo()  # the class and its points come back
    assert session.n_classes == 3 and np.sum(session.labels == 2) == 2


def test_removing_a_class_keeps_a_selected_point_of_another_class(qtbot, window):
    session = window.session
    session.add_class()
    session.add_points([[0.1, 0.1]], label=2)
    session.add_points([[0.3, 0.3]], label=0)
    last = len(session.points) - 1
    session.select_point(last)
    session.remove_class(2)
    assert session.selected_point == last - 1
    assert np.allclose(session.points[last - 1], (0.3, 0.3)) and session.labels[last - 1] == 0


def slow_autosaves(monkeypatch) -> tuple[threading.Event, threading.Event]:
    """Autosave writes that wait, once begun (``writing`` set), until ``release`` is set."""
    writing, release = threading.Event(), threading.Event()
    save = snapshot.save

    def slow_save(path, taken):
        writing.set()
        release.wait(10)
        save(path, taken)

    monkeypatch.setattr(snapshot, "save", slow_save)
    return writing, release


def test_quitting_during_an_autosave_writes_it_whole(qtbot, session, tmp_path, monkeypatch):
    saver = Autosaver(session, tmp_path)
    writing, release = slow_autosaves(monkeypatch)
    session.add_points([[0.25, -0.5]], label=1)
    session.step(5)
    saver._save_in_background()  # the timer's write, now
    assert writing.wait(5)  # it is in the middle of writing
    session.step(5)  # and more work comes after it
    threading.Timer(0.2, release.set).start()
    assert saver.save_now()  # quitting: what aboutToQuit does
    restored = snapshot.load(saver.path)
    assert restored.step == session.stats.step == 10
    np.testing.assert_allclose(restored.scenario.points, session.points, atol=1e-6)


def test_quitting_while_a_write_runs_and_the_window_is_gone(qtbot, session, tmp_path, monkeypatch, caplog):
    window = MainWindow(session)
    saver = Autosaver(session, tmp_path, parent=window)
    writing, release = slow_autosaves(monkeypatch)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    session.add_points([[0.25, -0.5]], label=1)
    saver._save_in_background()
    assert writing.wait(5)
    writer = saver._writer
    window.close()
    window.deleteLater()
    qtbot.wait(50)  # the autosaver is deleted with its window while its write goes on
    release.set()
    writer.shutdown(wait=True)
    qtbot.wait(50)
    assert snapshot.load(tmp_path / "autosave.npz").scenario.points.shape == session.points.shape
    assert not [record for record in caplog.records if record.exc_info]  # no callback that failed


@pytest.fixture(autouse=True)
def _no_pool_left_running():
    yield
    QThreadPool.globalInstance().waitForDone(10_000)

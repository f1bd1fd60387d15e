"""Training from the window: play, step, reset, live changes, divergence."""

import time

import numpy as np

from playground.controllers.runner import FRAME_MS, LATE_MS, Speed

PROBE = np.array([[0.3, -0.2], [-0.7, 0.5], [0.1, 0.9]])


def outputs(session):
    """What the model computes at a few fixed points: equal exactly when the weights are."""
    return session.layer_activations(PROBE)


def test_play_lowers_the_loss_and_changes_the_boundary(qtbot, window):
    session = window.session
    loss = session.stats.train_loss
    image = window.canvas.boundary_image().copy()
    window.actions.play.trigger()
    assert window.runner.running and window.actions.play.text() == "Pause"
    qtbot.waitUntil(lambda: session.stats.step >= 60, timeout=5000)
    window.actions.play.trigger()
    assert not window.runner.running
    assert session.stats.train_loss < loss
    assert np.abs(window.canvas.boundary_image().astype(int) - image).sum() > 0
    qtbot.waitUntil(lambda: window.views["charts"].curves_up_to_date)
    assert window.views["charts"].curves["train_loss"].getOriginalDataset()[0][-1] == session.stats.step


def test_step_trains_exactly_one_step(qtbot, window):
    window.actions.step.trigger()
    window.actions.step.trigger()
    assert window.session.stats.step == 2


def test_reset_restores_the_initial_weights(qtbot, window):
    session = window.session
    initial = outputs(session)
    session.step(30)
    assert not np.array_equal(outputs(session)[-1], initial[-1])
    window.actions.reset.trigger()
    for now, then in zip(outputs(session), initial, strict=True):
        np.testing.assert_array_equal(now, then)
    assert session.stats.step == 0


def test_editing_points_while_training_keeps_the_weights(qtbot, window):
    session = window.session
    window.runner.play()
    qtbot.waitUntil(lambda: session.stats.step >= 20, timeout=5000)
    window.runner.pause()
    kept = outputs(session)
    session.add_points([[0.9, 0.9]])
    for now, then in zip(outputs(session), kept, strict=True):
        np.testing.assert_array_equal(now, then)
    assert session._trainer.n_train == int((~session.is_test).sum())  # white box: the trainer has it


def test_architecture_change_rebuilds_but_keeps_the_points(qtbot, window):
    session = window.session
    points = session.points.copy()
    session.step(10)
    session.set_model_field("hidden", (3,))
    assert session.model_info().sizes == (2, 3, 2) and session.stats.step == 0
    np.testing.assert_array_equal(session.points, points)


def test_speed_slider_from_slow_motion_to_500_steps_a_frame(qtbot, window):
    speed, runner = window.speed, window.runner
    speed.slider.setValue(speed.slider.maximum())
    assert runner.steps_per_tick == 500 and speed.label.text() == "500 steps/frame"
    speed.slider.setValue(speed.speeds.index(Speed(1)))
    assert speed.label.text() == "1 step/frame"  # one step, not "1 steps"
    speed.slider.setValue(0)  # slow motion: one step a second, for narrating single updates
    assert speed.label.text() == "1 step/s"
    assert runner.steps_per_tick == 1 and runner.interval_ms == 1000
    steps = []
    window.session.stats_changed.connect(lambda stats: steps.append(stats.step))
    window.actions.play.trigger()  # the first step at once, not a second later
    assert steps == [1]
    runner.tick()
    assert steps == [1, 2]
    window.actions.play.trigger()


def test_the_speed_label_keeps_its_width(qtbot, window):
    """The toolbar must not shift as the speed text changes ("1 step/s" to "500 steps/frame")."""
    label, widths = window.speed.label, set()
    for index in range(window.speed.slider.maximum() + 1):
        window.speed.slider.setValue(index)
        widths.add(label.width())
        assert label.fontMetrics().horizontalAdvance(label.text()) <= label.width()
    assert len(widths) == 1


def diverge(qtbot, window, rate=1e5):
    window.session.set_training_field("learning_rate", rate)
    window.runner.play()
    qtbot.waitUntil(lambda: not window.runner.running, timeout=5000)
    assert window.session.stats.diverged


def test_divergence_pauses_and_explains_over_the_canvas(qtbot, window):
    session = window.session
    canvas = window.canvas.geometry()
    diverge(qtbot, window)
    assert window.banner.isVisible()
    text = window.banner.text.text()
    assert f"at step {session.stats.step}" in text and "The learning rate (100000) is too high" in text
    assert "press Play to go on from the last good weights" in text
    assert window.canvas.geometry() == canvas  # the banner lies over the plane: nothing moves
    assert window.banner.geometry().bottom() < canvas.height() // 3
    window.banner.reset.click()
    assert not window.banner.isVisible() and not session.stats.diverged and session.stats.step == 0


def test_play_after_a_divergence_goes_on_from_the_last_good_weights(qtbot, window):
    session = window.session
    diverge(qtbot, window, rate=1000)
    stopped = session.stats
    kept = outputs(session)
    window.views["training"].learning_rate.setEditText("0.1")
    window.views["training"].learning_rate.lineEdit().editingFinished.emit()
    window.actions.play.trigger()  # on from the weights kept and the step reached, not from the start
    assert not window.banner.isVisible() and session.stats.step == stopped.step
    for now, then in zip(outputs(session), kept, strict=True):
        np.testing.assert_array_equal(now, then)
    qtbot.waitUntil(lambda: session.stats.step >= stopped.step + 20, timeout=5000)
    window.actions.play.trigger()
    assert not session.stats.diverged and session.stats.train_loss < stopped.train_loss


def test_play_with_the_rate_still_too_high_stops_again_and_says_so(qtbot, window):
    diverge(qtbot, window)
    window.banner.hide()
    window.actions.play.trigger()
    qtbot.waitUntil(lambda: not window.runner.running, timeout=5000)
    assert window.session.stats.diverged and window.banner.isVisible()


def test_keyboard_shortcuts(qtbot, window):
    from PySide6.QtCore import Qt

    window.canvas.setFocus()
    qtbot.keyClick(window.canvas, Qt.Key.Key_S)
    assert window.session.stats.step == 1
    qtbot.keyClick(window.canvas, Qt.Key.Key_Right)
    assert window.session.stats.step == 2
    qtbot.keyClick(window.canvas, Qt.Key.Key_2)
    assert window.session.current_class == 1
    qtbot.keyClick(window.canvas, Qt.Key.Key_Space)
    assert window.runner.running
    qtbot.keyClick(window.canvas, Qt.Key.Key_Space)
    assert not window.runner.running
    qtbot.keyClick(window.canvas, Qt.Key.Key_R)
    assert window.session.stats.step == 0


def test_ticks_keep_their_cadence(qtbot, window, monkeypatch):
    """The next tick is due an interval after this one was due, however long it took and
    however late the timer fired it: lateness does not add up, frame by frame, and one slow
    frame is caught up on. Late twice running, the cadence starts again from now."""
    runner = window.runner
    monkeypatch.setattr(runner, "tick", lambda: time.sleep(0.0057))  # a tick of about 5.7 ms

    def fire(late: float) -> float:
        """The tick fired ``late`` ms after it was due; returns when it was due."""
        runner._due = due = runner._now() - late
        runner._tick_and_wait()
        return due

    runner.play()
    for late in (0.0, 1.5, 3.0):  # by a timer's lateness
        due = fire(late)
        assert runner._due == due + FRAME_MS
        assert runner.timer.isActive() and runner.timer.interval() <= FRAME_MS - late - 5.7
    due = fire(LATE_MS + 8)  # kept waiting by drawing, once: caught up on, at once
    assert runner._due == due + FRAME_MS and runner.timer.interval() == 0
    fire(LATE_MS + 8)  # and again: the drawing cannot keep the pace, so the cadence starts again
    assert 0 < runner.timer.interval() <= FRAME_MS - 5.7
    runner.pause()

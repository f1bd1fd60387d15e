"""Step and epoch counters across point edits, as the charts show them (issue 10, item 4).

An epoch is the training points seen divided by the training set's size when they were
seen: it never jumps when points change, and the charts' curves end on the step shown.
"""

import pytest


def shown(window):
    """(step, epoch) as the charts' labels show them, once the curves have caught up."""
    charts = window.views["charts"]
    charts._update_curves()
    steps = charts.curves["train_loss"].getOriginalDataset()[0]
    step = int(charts.step_label.text().removeprefix("Step ").replace(",", ""))
    epoch = float(charts.epoch_label.text().removeprefix("epoch ").replace(",", ""))
    if window.session.stats.train_loss == window.session.stats.train_loss:  # a loss to draw (not NaN)
        assert steps[-1] == step  # the curves end on the step shown
    return step, epoch


def test_point_edits_never_move_the_counters(qtbot, window):
    session = window.session
    session.set_training_field("batch_size", 40)  # 160 training points: 4 steps an epoch
    session.step(8)
    assert shown(window) == (8, pytest.approx(2.0))
    session.clear_points()
    assert shown(window) == (8, pytest.approx(2.0))
    session.step(5)  # nothing to train on: nothing moves
    assert shown(window) == (8, pytest.approx(2.0))
    session.add_points([[0.1 * k - 0.6, 0.5] for k in range(12)], label=0)
    assert shown(window) == (8, pytest.approx(2.0))
    session.undo()
    assert shown(window) == (8, pytest.approx(2.0))
    session.redo()
    session.step(3)  # batches of 40 > 12 points: the whole set, one epoch a step
    assert shown(window) == (11, pytest.approx(5.0))


def test_adding_points_while_training_full_batch_counts_one_epoch_a_step(qtbot, window):
    session, runner = window.session, window.runner
    runner.play()
    qtbot.waitUntil(lambda: session.stats.step >= 20, timeout=5000)
    session.add_points([[0.9, 0.9], [0.8, -0.9]])
    qtbot.waitUntil(lambda: session.stats.step >= 40, timeout=5000)
    runner.pause()
    step, epoch = shown(window)
    assert epoch == pytest.approx(step)


def test_adding_a_class_mid_run_starts_the_counters_and_curves_again(qtbot, window):
    session, runner = window.session, window.runner
    runner.play()
    qtbot.waitUntil(lambda: session.stats.step >= 50, timeout=5000)
    window.views["data"].add_class.click()  # a new output layer: the model starts again
    assert session.stats.step == 0
    runner.pause()
    session.step(10)
    assert shown(window) == (10, pytest.approx(10.0))
    steps = window.views["charts"].curves["train_loss"].getOriginalDataset()[0]
    assert steps[0] == 0 and steps[-1] == 10 and len(steps) <= 11

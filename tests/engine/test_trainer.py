"""The Trainer: stepping, live changes, divergence, grid prediction."""

import math

import numpy as np
import pytest

from engine.datasets import generate, split
from engine.monitor import DIVERGED_LOSS
from engine.settings import ModelSettings, TrainingSettings
from engine.trainer import Trainer


def make(dataset="xor", classes=2, model=None, training=None, points=200, test_fraction=0.2, seed=0):
    p, y = generate(dataset, points, 0.05, classes, seed=1)
    return Trainer(model or ModelSettings(), training or TrainingSettings(), classes, p, y,
                   split(len(p), test_fraction, 1), seed=seed)


def weights(trainer):
    return [p.data.copy() for p in trainer.model.parameters()]


def test_training_lowers_the_loss_and_counts_steps():
    trainer = make()
    before = trainer.evaluate()
    after = trainer.step(50)
    assert after.step == 50 and after.train_loss < before.train_loss
    assert after.epoch == pytest.approx(50.0)  # full batch: one step is one epoch
    assert len(after.grad_norms) == 3 and all(g > 0 for g in after.grad_norms)
    assert trainer.model.parameters()[0].dtype == np.float32


def test_reset_restores_the_initial_weights():
    trainer = make()
    initial = weights(trainer)
    trainer.step(20)
    assert not np.array_equal(weights(trainer)[0], initial[0])
    trainer.reset()
    for now, then in zip(weights(trainer), initial):
        np.testing.assert_array_equal(now, then)
    assert trainer.steps == 0
    assert not np.array_equal(weights(make(seed=1))[0], initial[0])


def test_new_points_keep_the_weights():
    trainer = make()
    trainer.step(10)
    kept = weights(trainer)
    p, y = generate("xor", 50, 0.0, 2, seed=9)
    trainer.set_data(p, y)
    for now, then in zip(weights(trainer), kept):
        np.testing.assert_array_equal(now, then)
    assert trainer.n_train == 50 and trainer.n_test == 0
    assert trainer.step(1).step == 11


def test_new_training_settings_keep_the_weights_and_apply():
    trainer = make(training=TrainingSettings(optimizer="momentum"))
    trainer.step(5)
    kept = weights(trainer)
    trainer.set_training(TrainingSettings(optimizer="momentum", learning_rate=0.05, l2=0.01))
    assert trainer.optimizer.learning_rate == 0.05 and trainer.optimizer.penalty.l2 == 0.01
    assert any(np.any(v) for v in trainer.optimizer.velocity)  # momentum state survived
    for now, then in zip(weights(trainer), kept):
        np.testing.assert_array_equal(now, then)
    trainer.set_training(TrainingSettings(optimizer="adam", learning_rate=0.05, l2=0.01))
    assert trainer.optimizer.name == "adam"
    assert trainer.step(1).penalty > 0


def test_new_architecture_rebuilds_from_the_seed():
    trainer = make()
    trainer.step(5)
    trainer.set_model(ModelSettings(hidden=(4,), features=("x1", "x2", "x1x2")))
    assert trainer.model.sizes == [3, 4, 2] and trainer.steps == 0
    assert trainer.step(5).step == 5


def test_linear_kind_ignores_the_hidden_layers():
    trainer = make(model=ModelSettings(kind="linear", hidden=(8, 8)))
    assert trainer.model.sizes == [2, 2]


def test_mini_batches_walk_through_epochs():
    trainer = make(training=TrainingSettings(batch_size=32), test_fraction=0.0)
    stats = trainer.step(7)  # 200 points / 32 = 7 batches, the last one of 8
    assert trainer.samples_seen == 200 and stats.epoch == pytest.approx(1.0)
    trainer.step(7)
    assert stats.step == 7 and trainer.epoch == pytest.approx(2.0)


def test_absurd_learning_rate_diverges_and_stops_cleanly():
    trainer = make(model=ModelSettings(activation="relu"), training=TrainingSettings(learning_rate=1e5))
    stats = trainer.step(100)
    assert stats.diverged and stats.step < 100
    assert all(np.isfinite(p.data).all() for p in trainer.model.parameters())
    assert trainer.step(10).step == stats.step  # stays stopped until reset
    trainer.reset()
    assert not trainer.diverged


def test_divergence_restores_finite_parameters(monkeypatch):
    trainer = make()
    trainer.step(3)
    good = weights(trainer)
    original = trainer.optimizer.step

    def poison():
        original()
        trainer.model.parameters()[0].data[0, 0] = np.nan

    monkeypatch.setattr(trainer.optimizer, "step", poison)
    stats = trainer.step(5)
    assert stats.diverged
    for now, then in zip(weights(trainer), good):
        np.testing.assert_array_equal(now, then)


def test_no_points_no_training_no_crash():
    trainer = Trainer(ModelSettings(), TrainingSettings(), 2)
    stats = trainer.step(10)
    assert stats.step == 0 and math.isnan(stats.train_loss) and math.isnan(stats.test_accuracy)
    assert trainer.predict_grid((-1, 1, -1, 1), 4).shape == (2, 4, 4)


def test_labels_must_fit_the_classes():
    with pytest.raises(ValueError, match="labels must be between 0 and 1"):
        Trainer(ModelSettings(), TrainingSettings(), 2, [[0, 0]], [2])


def test_predict_grid_rows_are_y_and_columns_are_x():
    trainer = make(dataset="linear", model=ModelSettings(kind="linear"))
    layer = trainer.model.layers[0]
    layer.W.data[:] = [[0, -4], [0, 4]]  # class 1 wins where y > 0
    layer.b.data[:] = 0
    grid = trainer.predict_grid((-1, 1, -1, 1), (5, 4))
    assert grid.shape == (2, 4, 5)
    np.testing.assert_allclose(grid.sum(axis=0), 1, rtol=1e-6)
    assert np.all(grid[1, -1] > 0.9) and np.all(grid[1, 0] < 0.1)
    centres = np.array([[-0.6, -0.75], [0.2, 0.25]])  # (column 1, row 0) and (column 3, row 2)
    np.testing.assert_allclose(trainer.predict(centres)[:, 0], grid[:, 0, 1], rtol=1e-6)
    np.testing.assert_allclose(trainer.predict(centres)[:, 1], grid[:, 2, 3], rtol=1e-6)


def test_accuracy_counts_each_split():
    trainer = make(test_fraction=0.5)
    stats = trainer.step(300)
    assert trainer.n_train == trainer.n_test == 100
    assert 0.9 <= stats.train_accuracy <= 1 and 0.8 <= stats.test_accuracy <= 1


def test_a_new_class_count_rebuilds_the_output_layer():
    trainer = make()
    trainer.step(5)
    p, y = generate("spiral", 90, 0.0, 3, seed=2)
    trainer.set_data(p, y, n_classes=3)
    assert trainer.model.sizes[-1] == 3 and trainer.steps == 0
    trainer.set_data(p[y < 2], y[y < 2], n_classes=2)
    assert trainer.model.sizes[-1] == 2


def test_a_refused_set_data_leaves_the_trainer_as_it_was():
    trainer = make()
    trainer.step(5)
    p, y = generate("spiral", 30, 0.0, 3, seed=2)
    with pytest.raises(ValueError, match="labels must be between 0 and 2"):
        trainer.set_data(p, y + 1, n_classes=3)  # labels 1..3 do not fit 3 classes
    assert trainer.n_classes == 2 and trainer.model.sizes[-1] == 2 and trainer.steps == 5
    assert trainer.step(1).step == 6  # and it still trains


def test_l1_drives_weights_to_exactly_zero():
    trainer = make(training=TrainingSettings(l1=0.001))
    trainer.step(3000)
    zeros = int((trainer.model.layers[1].W.data == 0).sum())
    assert zeros >= 16, zeros  # of 64: the proximal step lands on 0, plain SGD jitters around it
    assert trainer.evaluate().train_accuracy > 0.95


def test_layer_stats_describe_each_weight_layer():
    trainer = make()
    trainer.step(4)
    before = weights(trainer)
    stats = trainer.step(1)
    assert [layer.shape for layer in stats.layers] == [(8, 2), (8, 8), (2, 8)]
    assert [layer.activation for layer in stats.layers] == ["tanh", "tanh", "linear"]
    for i, layer in enumerate(stats.layers):
        w, b = trainer.model.layers[i].W, trainer.model.layers[i].b
        assert layer.index == i + 1
        assert layer.weight_norm == pytest.approx(np.linalg.norm(w.data), rel=1e-5)
        assert layer.bias_norm == pytest.approx(np.linalg.norm(b.data), rel=1e-5)
        assert layer.grad_norm == pytest.approx(np.linalg.norm(w.grad), rel=1e-5) and layer.grad_norm > 0
        assert layer.bias_grad_norm == pytest.approx(np.linalg.norm(b.grad), rel=1e-5)
        update = np.linalg.norm(w.data - before[2 * i])
        assert layer.update_norm == pytest.approx(update, rel=1e-4)
        assert layer.update_ratio == pytest.approx(update / layer.weight_norm, rel=1e-4)
        assert math.isnan(layer.dead_fraction)  # tanh layers cannot die
    assert 0 <= stats.layers[0].saturated_fraction <= 1 and math.isnan(stats.layers[2].saturated_fraction)
    assert stats.grad_norms == tuple(layer.grad_norm for layer in stats.layers)


def test_the_penalty_is_reported_per_layer_and_in_total():
    trainer = make(training=TrainingSettings(l2=0.01))
    stats = trainer.step(1)
    per_layer = [0.01 * float((layer.W.data ** 2).sum()) for layer in trainer.model.layers]
    assert [layer.penalty for layer in stats.layers] == pytest.approx(per_layer, rel=1e-5)
    assert stats.penalty == pytest.approx(sum(per_layer), rel=1e-5)


def test_a_divergence_keeps_the_last_real_gradients_and_update():
    trainer = make(model=ModelSettings(activation="relu"), training=TrainingSettings(learning_rate=1e5))
    stats = trainer.step(200)
    assert stats.diverged and stats.step >= 1
    assert all(layer.grad_norm > 0 and layer.update_norm > 0 for layer in stats.layers)


def test_before_any_step_gradients_and_updates_are_zero():
    stats = make().evaluate()
    assert all(layer.grad_norm == layer.update_norm == layer.update_ratio == 0 for layer in stats.layers)


def test_dead_and_saturated_fractions():
    from engine.step_stats import dead_fraction, saturated_fraction

    relu_out = np.array([[0.0, 0.0, 0.0], [0.0, 0.5, 0.0], [0.0, 0.0, 0.0], [1.0, 2.0, 3.0]])
    assert dead_fraction("relu", relu_out) == 0.5
    assert math.isnan(dead_fraction("tanh", relu_out)) and math.isnan(dead_fraction("relu", np.zeros((4, 0))))
    assert saturated_fraction("tanh", np.array([[0.995, -0.999, 0.2, 0.0]])) == 0.5
    assert saturated_fraction("sigmoid", np.array([[0.005, 0.5, 0.5, 0.995]])) == 0.5
    assert math.isnan(saturated_fraction("relu", relu_out))


def test_a_relu_network_at_a_high_learning_rate_reports_dead_units():
    trainer = make(model=ModelSettings(hidden=(16, 16), activation="relu"),
                   training=TrainingSettings(learning_rate=5))
    stats = trainer.step(100)
    assert max(stats.dead_fractions[:2]) > 0.5


# ------------------------------------------------ issue 10: counters and warnings
def test_the_epoch_counts_training_sets_seen_and_never_jumps_when_points_change():
    trainer = make(training=TrainingSettings(batch_size=40), test_fraction=0.0)  # 200 points
    trainer.step(10)
    assert trainer.epoch == pytest.approx(2.0)
    p, y = generate("xor", 12, 0.0, 2, seed=3)
    trainer.set_data(p, y)  # 12 points now: what was seen stays 2 epochs
    assert trainer.evaluate().epoch == pytest.approx(2.0)
    trainer.step(3)  # full batches of 12 (batch 40 > 12): one epoch each
    assert trainer.epoch == pytest.approx(5.0)
    trainer.set_data(np.zeros((0, 2)), np.zeros(0, int))
    assert trainer.evaluate().epoch == pytest.approx(5.0)
    trainer.reset()
    assert trainer.epoch == 0.0


def test_a_learning_rate_too_high_is_reported_unstable_before_any_hard_stop():
    stats = make(training=TrainingSettings(learning_rate=10)).step(300)
    assert stats.unstable and not stats.diverged and 0 < stats.unstable_step < 100
    calm = make().step(1500)
    assert not calm.unstable and calm.unstable_step is None and not calm.stalled


def test_an_absurd_learning_rate_explodes_relative_to_the_start():
    stats = make(training=TrainingSettings(learning_rate=1000)).step(1000)
    assert stats.diverged and stats.step < 10


def test_play_after_a_divergence_resumes_from_the_kept_weights():
    trainer = make(training=TrainingSettings(learning_rate=1000))
    stopped = trainer.step(100)
    kept = weights(trainer)
    trainer.set_training(TrainingSettings(learning_rate=0.1))
    assert trainer.step(5).step == stopped.step  # still stopped until told to resume
    trainer.resume()
    for now, then in zip(weights(trainer), kept):
        np.testing.assert_array_equal(now, then)
    stats = trainer.step(50)
    assert not stats.diverged and stats.step == stopped.step + 50


def test_a_divergence_reports_the_loss_that_exploded_and_the_limit_it_passed():
    trainer = make(training=TrainingSettings(learning_rate=1000))
    start = trainer.evaluate()
    assert math.isnan(start.exploded_loss) and start.loss_limit == DIVERGED_LOSS  # no step yet
    stopped = trainer.step(100)
    assert stopped.diverged and stopped.loss_limit == pytest.approx(100 * trainer.monitor.start)
    assert not stopped.exploded_loss <= stopped.loss_limit  # above it, or not a number
    assert stopped.train_loss <= stopped.loss_limit  # the weights kept are the last good ones
    trainer.resume()
    assert math.isnan(trainer.evaluate().exploded_loss)


def test_a_strong_penalty_raising_the_data_loss_is_not_instability():
    """L1 0.1 shrinks a trained network's weights: the data loss rises while the objective the
    optimizer minimises (loss + penalty) falls. That is the penalty at work, not a rate too high."""
    trainer = make()
    trainer.step(1000)
    trainer.set_training(TrainingSettings(l1=0.1))
    stats = trainer.step(500)
    assert stats.train_loss > 0.5 and not stats.unstable


def test_a_model_that_cannot_learn_reports_a_stall():
    stats = make(model=ModelSettings(kind="linear")).step(1000)
    assert stats.stalled and stats.train_accuracy < 0.7

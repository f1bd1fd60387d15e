"""What the network diagram draws: the real gradients and updates, every layer's maps, neuron stats."""

import numpy as np
import pytest

from engine.datasets import generate, split
from engine.features import feature_matrix, grid_points
from engine.losses import one_hot, softmax
from engine.network_state import layer_arrays, neuron_maps, neuron_stats
from engine.settings import ModelSettings, TrainingSettings
from engine.trainer import Trainer


def make(hidden=(8, 8), activation="tanh", features=("x1", "x2"), dataset="xor", seed=0, **training):
    points, labels = generate(dataset, 200, 0.05, 2, seed=1)
    return Trainer(ModelSettings(hidden=hidden, activation=activation, features=features),
                   TrainingSettings(**training), 2, points, labels, split(len(points), 0.2, 1),
                   seed=seed, dtype=np.float64)


def test_before_any_step_gradients_and_updates_are_zero():
    trainer = make()
    layers = layer_arrays(trainer)
    assert [layer.weight.shape for layer in layers] == [(8, 2), (8, 8), (2, 8)]
    for layer in layers:
        for name in ("weight_grad", "bias_grad", "weight_update", "bias_update", "output_grad"):
            assert not getattr(layer, name).any(), name
    assert trainer.output_gradients() == [None, None, None]


def test_gradients_and_updates_are_the_last_steps_own():
    trainer = make()
    trainer.step(3)
    before = [p.data.copy() for p in trainer.model.parameters()]
    trainer.step(1)
    layers = layer_arrays(trainer)
    for i, (layer, dense) in enumerate(zip(layers, trainer.model.layers)):
        np.testing.assert_array_equal(layer.weight, dense.W.data)
        np.testing.assert_array_equal(layer.weight_grad, dense.W.grad)
        np.testing.assert_array_equal(layer.bias_grad, dense.b.grad[:, 0])
        np.testing.assert_allclose(layer.weight_update, dense.W.data - before[2 * i])
        np.testing.assert_allclose(layer.bias_update, dense.b.data[:, 0] - before[2 * i + 1][:, 0])
    assert not layers[0].weight.flags.writeable


def test_output_gradients_come_from_the_backward_pass():
    """Full batch, cross-entropy: dL/dscores = (p - target) / N; the last hidden layer receives
    W_last^T dscores, with W_last as it was during that backward pass."""
    trainer = make()
    x = trainer._x[:, : trainer.n_train]
    target = one_hot(trainer._ordered_labels[: trainer.n_train], 2)
    *hidden, scores = trainer.model.activations(x)
    w_last = trainer.model.layers[-1].W.data.copy()
    trainer.step(1)
    dscores = (softmax(scores) - target) / trainer.n_train
    layers = layer_arrays(trainer)
    np.testing.assert_allclose(layers[-1].output_grad, np.linalg.norm(dscores, axis=1), rtol=1e-10)
    np.testing.assert_allclose(layers[-2].output_grad, np.linalg.norm(w_last.T @ dscores, axis=1), rtol=1e-10)
    np.testing.assert_allclose(layers[-1].bias_grad, dscores.sum(axis=1), rtol=1e-10)


def test_reset_forgets_the_last_backward_pass():
    trainer = make()
    trainer.step(2)
    assert all(g is not None for g in trainer.output_gradients())
    trainer.reset()
    assert trainer.output_gradients() == [None, None, None]


def test_a_divergence_keeps_the_last_real_gradients():
    trainer = make(activation="relu", learning_rate=1e5)
    stats = trainer.step(200)
    assert stats.diverged and stats.step >= 1
    layers = layer_arrays(trainer)
    assert all(np.isfinite(layer.output_grad).all() and layer.output_grad.any() for layer in layers)
    np.testing.assert_array_equal(layers[0].weight_grad, trainer.model.layers[0].W.grad)


@pytest.mark.parametrize("batch_size", [0, 16])
def test_a_divergence_in_the_middle_of_a_call_keeps_that_steps_own_output_gradients(batch_size):
    """The loop keeps no graph but the last; a divergence takes the last real step again."""
    diverging = make(activation="relu", learning_rate=30.0, batch_size=batch_size)
    stats = diverging.step(500)
    assert stats.diverged and stats.step >= 2  # it diverged after some real steps of this call
    stopped = make(activation="relu", learning_rate=30.0, batch_size=batch_size)
    stopped.step(stats.step)  # the same run, stopped right after its last real step
    for got, expected in zip(diverging.output_gradients(), stopped.output_gradients(), strict=True):
        np.testing.assert_array_equal(got, expected)
    for got, expected in zip(diverging.model.parameters(), stopped.model.parameters()):
        np.testing.assert_array_equal(got.grad, expected.grad)


def test_neuron_maps_are_every_layer_on_the_grid_in_one_pass():
    trainer = make(features=("x1", "x2", "x1x2"))
    bounds = (-1.0, 1.0, -0.5, 0.5)
    maps = neuron_maps(trainer.model, ("x1", "x2", "x1x2"), bounds, (6, 4))
    assert [m.shape for m in maps] == [(3, 4, 6), (8, 4, 6), (8, 4, 6), (2, 4, 6)]
    points = grid_points(bounds, 6, 4)
    np.testing.assert_allclose(maps[0][0, 0], points[:6, 0])   # x1 along a row
    np.testing.assert_allclose(maps[0][1, :, 0], points[::6, 1])  # x2 up the rows, from y_min
    assert maps[0][1, 0, 0] == pytest.approx(-0.5 + 0.125)
    expected = trainer.model.activations(feature_matrix(points, ("x1", "x2", "x1x2")))
    for got, want in zip(maps[1:], expected):
        np.testing.assert_allclose(got.reshape(len(want), -1), want)


def test_neuron_stats_relu():
    trainer = make(activation="relu")
    x = trainer._x[:, : trainer.n_train]
    stats = neuron_stats(trainer.model, x)
    assert len(stats) == 3
    h1 = trainer.model.activations(x)[0]
    pre = trainer.model.layers[0].W.data @ x + trainer.model.layers[0].b.data
    np.testing.assert_allclose(stats[0].pre_min, pre.min(axis=1))
    np.testing.assert_allclose(stats[0].pre_max, pre.max(axis=1))
    np.testing.assert_allclose(stats[0].dead, (h1 == 0).mean(axis=1))
    assert 0 < stats[0].dead.mean() < 1
    assert np.isnan(stats[0].saturated).all() and np.isnan(stats[-1].dead).all()


def test_neuron_stats_saturation_and_no_points():
    trainer = make(activation="sigmoid")
    trainer.model.layers[0].b.data[:] = 50.0  # the first layer's units all stuck at 1
    stats = neuron_stats(trainer.model, trainer._x)
    np.testing.assert_array_equal(stats[0].saturated, 1.0)
    assert np.isnan(stats[0].dead).all()
    empty = neuron_stats(trainer.model, np.zeros((2, 0)))
    assert np.isnan(empty[0].pre_min).all() and empty[0].bias[0] == 50.0


@pytest.mark.parametrize("activation, low, high", [("sigmoid", 100, np.inf), ("relu", 0.1, 10)])
def test_vanishing_gradients_in_deep_sigmoid_networks(activation, low, high):
    """Six hidden layers of 8: at the first step the first layer's gradient norm is orders of
    magnitude under the last one's with sigmoid, and of the same order with ReLU."""
    grad_norms = make(hidden=(8,) * 6, activation=activation).step(1).grad_norms
    assert len(grad_norms) == 7
    assert low <= grad_norms[-1] / grad_norms[0] <= high

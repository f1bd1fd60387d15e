"""Optimizers against hand-computed updates; penalties against their formulas."""

import numpy as np
import pytest

from engine import Tensor
from engine.nn import MLP
from engine.optim import SGD, Adam, Penalty, make_optimizer


def param(values, grad):
    p = Tensor(np.array(values, dtype=float), requires_grad=True)
    p.grad = np.array(grad, dtype=float)
    return p


def test_sgd_step():
    p = param([1.0, -2.0], [0.5, 1.0])
    SGD([p], 0.1).step()
    np.testing.assert_allclose(p.data, [0.95, -2.1])


def test_momentum_accumulates_velocity():
    p = param([0.0], [1.0])
    opt = SGD([p], 0.1, momentum=0.9)
    opt.step()
    opt.step()  # v1 = -0.1, v2 = 0.9 v1 - 0.1 = -0.19
    np.testing.assert_allclose(p.data, [-0.29])
    np.testing.assert_allclose(opt.state()["velocity"][0], [-0.19])


def test_adam_first_step_moves_by_the_learning_rate():
    p = param([1.0, 1.0], [0.001, -50.0])
    Adam([p], 0.01).step()  # bias-corrected m/sqrt(v) = sign(g) on the first step
    np.testing.assert_allclose(p.data, [0.99, 1.01], rtol=1e-6)


def test_adam_matches_the_textbook_recurrence():
    grads = [np.array([0.3, -1.0]), np.array([0.1, 0.5]), np.array([-0.2, 0.2])]
    p = param([0.5, -0.5], grads[0])
    opt = Adam([p], 0.05)
    x, m, v = np.array([0.5, -0.5]), np.zeros(2), np.zeros(2)
    for t, g in enumerate(grads, start=1):
        p.grad = g
        opt.step()
        m = 0.9 * m + 0.1 * g
        v = 0.999 * v + 0.001 * g * g
        x = x - 0.05 * (m / (1 - 0.9**t)) / (np.sqrt(v / (1 - 0.999**t)) + 1e-8)
    np.testing.assert_allclose(p.data, x, rtol=1e-6)
    assert opt.state()["t"] == 3


def test_learning_rate_changes_keep_state():
    p = param([0.0], [1.0])
    opt = SGD([p], 0.1, momentum=0.9)
    opt.step()
    opt.learning_rate = 1.0
    opt.step()  # v = 0.9 * -0.1 - 1.0 = -1.09
    np.testing.assert_allclose(p.data, [-0.1 - 1.09])


def test_parameters_without_gradient_are_left_alone():
    a, b = param([1.0], [1.0]), Tensor(np.array([5.0]), requires_grad=True)
    opt = SGD([a, b], 0.5, momentum=0.9)
    opt.step()
    np.testing.assert_allclose(b.data, [5.0])
    np.testing.assert_allclose(a.data, [0.5])


def test_penalty_value():
    penalty = Penalty(l1=0.01, l2=0.1)
    w = Tensor(np.array([[0.5, -1.5], [2.0, -0.25]]))
    assert penalty.value([w]) == pytest.approx(0.01 * 4.25 + 0.1 * 6.5625)


@pytest.mark.parametrize("l1, l2", [(0.3, 0.0), (0.0, 0.4), (0.2, 0.5)])
def test_the_proximal_step_minimises_penalty_plus_distance(l1, l2):
    """prox(w) = argmin_v step * penalty(v) + |v - w|^2 / 2: no nearby v does better."""
    penalty, step = Penalty(l1, l2), 0.5
    w = np.array([0.05, -0.1, 0.9, -2.0, 0.0])
    v = w.copy()
    penalty.proximal(v, step)

    def objective(v):
        return step * (l1 * np.abs(v) + l2 * v * v) + (v - w) ** 2 / 2

    for delta in (1e-4, -1e-4):
        assert np.all(objective(v) <= objective(v + delta) + 1e-15)


def test_l1_sets_small_weights_to_exactly_zero():
    """Soft-thresholding: |w| <= lr * l1 becomes 0, the rest move lr * l1 towards 0."""
    w = param([0.05, -0.02, 0.5], [0.0, 0.0, 0.0])
    SGD([w], 0.1, penalty=Penalty(l1=0.5), penalised=[w]).step()
    np.testing.assert_allclose(w.data, [0.0, 0.0, 0.45])


def test_penalty_acts_on_weights_not_biases():
    w, b = param([1.0], [0.0]), param([1.0], [0.0])
    SGD([w, b], 0.1, penalty=Penalty(l2=0.5), penalised=[w]).step()
    np.testing.assert_allclose(w.data, [1.0 / (1 + 2 * 0.1 * 0.5)])
    np.testing.assert_allclose(b.data, [1.0])


@pytest.mark.parametrize("name", ["momentum", "adam"])
def test_every_optimizer_applies_the_penalty_the_same_way(name):
    w = param([0.05, 2.0], [0.0, 0.0])
    make_optimizer(name, [w], 0.1, penalty=Penalty(l1=1.0), penalised=[w]).step()
    np.testing.assert_allclose(w.data, [0.0, 1.9])


def test_make_optimizer():
    p = param([0.0], [1.0])
    assert isinstance(make_optimizer("adam", [p], 0.1), Adam)
    assert make_optimizer("momentum", [p], 0.1).momentum == 0.9
    with pytest.raises(ValueError, match="unknown optimizer 'rmsprop'"):
        make_optimizer("rmsprop", [p], 0.1)


@pytest.mark.parametrize("name", ["sgd", "momentum", "adam"])
def test_moving_the_parameter_vector_at_once_equals_moving_each_parameter(name):
    """A model's parameters share one vector: a step with every gradient moves it in one go."""
    rng = np.random.default_rng(5)
    together, apart = MLP(2, [3], 2, seed=1), MLP(2, [3], 2, seed=1)
    at_once = make_optimizer(name, together.parameters(), 0.1, penalty=Penalty(l1=0.01),
                             penalised=together.weights(), vector=together.parameter_vector)
    each = make_optimizer(name, apart.parameters(), 0.1, penalty=Penalty(l1=0.01), penalised=apart.weights())
    for _ in range(3):
        for a, b in zip(together.parameters(), apart.parameters()):
            a.grad = b.grad = rng.standard_normal(a.shape)
        at_once.step()
        each.step()
    for a, b in zip(together.parameters(), apart.parameters()):
        np.testing.assert_array_equal(a.data, b.data)
    mine, theirs = each.state(), at_once.state()
    assert mine.pop("t", None) == theirs.pop("t", None)  # Adam's step count
    for key in mine:  # the running averages, per parameter
        for a, b in zip(mine[key], theirs[key], strict=True):
            np.testing.assert_array_equal(a, b)
    apart.parameters()[1].grad = None  # without every gradient: each parameter on its own
    together.parameters()[1].grad = None
    before = together.parameters()[1].data.copy()
    at_once.step()
    each.step()
    np.testing.assert_array_equal(together.parameters()[1].data, before)
    for a, b in zip(together.parameters(), apart.parameters()):
        np.testing.assert_array_equal(a.data, b.data)


def test_a_vector_the_parameters_are_not_views_of_is_refused():
    model = MLP(2, [3], 2)
    with pytest.raises(ValueError, match="not views of this vector"):
        SGD(model.parameters(), 0.1, vector=model.parameter_vector.copy())
    with pytest.raises(ValueError, match="not views of this vector"):
        SGD(model.parameters()[::-1], 0.1, vector=model.parameter_vector)


@pytest.mark.parametrize("name", ["sgd", "momentum", "adam"])
def test_an_optimizer_goes_on_from_its_saved_state_as_if_never_stopped(name):
    rng = np.random.default_rng(7)
    first, second = MLP(2, [3], 2, seed=1), MLP(2, [3], 2, seed=1)
    running = make_optimizer(name, first.parameters(), 0.1, vector=first.parameter_vector)
    grads = [[rng.standard_normal(p.shape) for p in first.parameters()] for _ in range(6)]
    for step in grads[:3]:
        for p, g in zip(first.parameters(), step):
            p.grad = g
        running.step()
    second.parameter_vector[...] = first.parameter_vector
    resumed = make_optimizer(name, second.parameters(), 0.1, vector=second.parameter_vector)
    resumed.load_state(running.saved_state())
    for step in grads[3:]:
        for model in (first, second):
            for p, g in zip(model.parameters(), step):
                p.grad = g
        running.step()
        resumed.step()
    np.testing.assert_array_equal(second.parameter_vector, first.parameter_vector)


def test_a_saved_state_of_another_optimizer_is_refused_and_changes_nothing():
    model = MLP(2, [3], 2)
    adam = make_optimizer("adam", model.parameters(), 0.1)
    momentum = make_optimizer("momentum", model.parameters(), 0.1)
    for p in model.parameters():
        p.grad = np.ones(p.shape)
    adam.step()
    before = adam.saved_state()
    for saved in (momentum.saved_state(), {**before, "t": np.array(-1)}, {**before, "m": np.zeros(3)},
                  {**before, "t": np.array(2.5)}):
        with pytest.raises(ValueError, match="does not fit"):
            adam.load_state({**saved, **({"v": np.full_like(before["v"], 9.0)} if "v" in saved else {})})
    assert adam.t == 1
    for name, vector in adam.saved_state().items():
        np.testing.assert_array_equal(vector, before[name])

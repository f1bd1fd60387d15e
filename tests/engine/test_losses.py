"""Losses: values against their textbook formulas, gradients against centred differences."""

import numpy as np
import pytest

from engine import Tensor
from engine.gradcheck import check_gradients
from engine.losses import LOSSES, PRIMITIVE_LOSSES, cross_entropy, hinge, one_hot, softmax, squared_error

RNG = np.random.default_rng(5)
SCORES = RNG.standard_normal((4, 9))
LABELS = RNG.integers(0, 4, 9)
TARGET = one_hot(LABELS, 4)


def test_one_hot():
    np.testing.assert_array_equal(one_hot(np.array([2, 0]), 3), [[0, 1], [0, 0], [1, 0]])


def test_softmax_columns_are_probabilities():
    p = softmax(np.array([[1000.0, 0.0], [1000.0, 1.0]]))
    np.testing.assert_allclose(p, [[0.5, 1 / (1 + np.e)], [0.5, np.e / (1 + np.e)]])


def test_cross_entropy_value():
    p = np.exp(SCORES) / np.exp(SCORES).sum(axis=0)
    expected = -np.mean(np.log(p[LABELS, np.arange(9)]))
    assert cross_entropy(Tensor(SCORES), TARGET).item() == pytest.approx(expected)


def test_cross_entropy_survives_huge_scores():
    loss = cross_entropy(Tensor([[1e4, -1e4], [-1e4, 1e4]]), one_hot(np.array([1, 1]), 2))
    assert loss.item() == pytest.approx(1e4)  # half the points wrong by 2e4: finite, not inf


def test_hinge_value():
    correct = SCORES[LABELS, np.arange(9)]
    margins = np.maximum(0, SCORES - correct + 1)
    margins[LABELS, np.arange(9)] = 0
    assert hinge(Tensor(SCORES), TARGET).item() == pytest.approx(margins.sum() / 9)


def test_squared_error_value():
    expected = ((SCORES - TARGET) ** 2).sum(axis=0).mean()
    assert squared_error(Tensor(SCORES), TARGET).item() == pytest.approx(expected)


@pytest.mark.parametrize("name", LOSSES)
def test_loss_gradient(name):
    scores = Tensor(SCORES.copy(), requires_grad=True)
    check = check_gradients(lambda: LOSSES[name](scores, TARGET), [scores])
    assert check.max_error < 1e-7, check.max_error


def test_perfect_scores_give_zero_hinge_and_tiny_cross_entropy():
    scores = Tensor(10 * TARGET)
    assert hinge(scores, TARGET).item() == 0
    assert cross_entropy(scores, TARGET).item() < 1e-3


@pytest.mark.parametrize("name", PRIMITIVE_LOSSES)
def test_loss_built_from_gates_equals_the_fused_loss(name):
    fused_scores = Tensor(SCORES.copy(), requires_grad=True)
    gate_scores = Tensor(SCORES.copy(), requires_grad=True)
    fused, gates = LOSSES[name](fused_scores, TARGET), PRIMITIVE_LOSSES[name](gate_scores, TARGET)
    fused.backward(), gates.backward()
    assert gates.item() == pytest.approx(fused.item(), rel=1e-12)
    np.testing.assert_allclose(gate_scores.grad, fused_scores.grad, rtol=1e-10, atol=1e-15)
    check = check_gradients(lambda: PRIMITIVE_LOSSES[name](gate_scores, TARGET), [gate_scores])
    assert check.max_error < 1e-7, check.max_error


def test_cross_entropy_from_gates_survives_huge_scores():
    scores = Tensor([[1000.0, -1000.0], [0.0, 1000.0]], requires_grad=True)
    loss = PRIMITIVE_LOSSES["cross_entropy"](scores, np.eye(2))
    loss.backward()
    assert np.isfinite(loss.item()) and np.isfinite(scores.grad).all()

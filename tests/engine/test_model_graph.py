"""Model mode: one sample's graph through the real model, every edge keeping its shape."""

import zlib

import numpy as np
import pytest

from engine.activations import ACTIVATIONS
from engine.losses import LOSSES, one_hot
from engine.model_check import check_model
from engine.model_graph import float64_copy, sample_trace
from engine.nn import MLP
from engine.tensor import Tensor
from engine.trace import CONST, INPUT
from tests.engine.test_trace import assert_upstream_times_local

SAMPLE = np.array([0.4, -0.7])


def model_2882(activation="tanh", n_classes=2):
    return MLP(2, [8, 8], n_classes, activation, seed=5, dtype=np.float32)


@pytest.mark.parametrize("loss", LOSSES)
@pytest.mark.parametrize("activation", ACTIVATIONS)
def test_every_gradient_has_its_values_shape(activation, loss):
    trace = sample_trace(model_2882(activation, 3), SAMPLE, 2, loss)
    for node in trace.nodes:
        if node.op == CONST:
            assert node.grad is None
        else:
            assert node.grad.shape == node.value.shape, (node.op, node.name)
    assert trace.output.shape == () and float(trace.output.grad) == 1
    assert_upstream_times_local(trace)


@pytest.mark.parametrize("loss", LOSSES)
def test_each_matrix_multiply_sends_dW_upstream_xT_and_dx_WT_upstream(loss):
    trace = sample_trace(model_2882("relu", 3), SAMPLE, 1, loss)
    matmuls = [step for step in trace.steps if trace.nodes[step.node].op == "matmul"]
    assert len(matmuls) == 3
    for step in matmuls:
        w, x = (trace.nodes[i] for i in trace.nodes[step.node].inputs)
        assert step.local is None
        dw, dx = step.downstream
        np.testing.assert_allclose(dw, step.upstream @ x.value.T, rtol=1e-12)
        np.testing.assert_allclose(dx, w.value.T @ step.upstream, rtol=1e-12)
        assert dw.shape == w.shape and dx.shape == x.shape


def test_the_graph_is_the_real_model_on_that_sample():
    model = model_2882()
    trace = sample_trace(model, SAMPLE, 1, "cross_entropy")
    names = {node.name: node for node in trace.nodes if node.name}
    assert set(names) == {"x", "W1", "b1", "z1", "h1", "W2", "b2", "z2", "h2", "W3", "b3", "scores",
                          "y", "loss"}
    scores = model.activations(SAMPLE.reshape(2, 1).astype(np.float32))[-1]
    np.testing.assert_allclose(names["scores"].value, scores, rtol=1e-5)
    fused = LOSSES["cross_entropy"](Tensor(names["scores"].value), one_hot([1], 2))
    assert float(trace.output.value) == pytest.approx(fused.item(), rel=1e-12)
    np.testing.assert_array_equal(names["y"].value, [[0], [1]])
    assert names["W1"].op == INPUT and names["W1"].shape == (8, 2) and names["x"].shape == (2, 1)
    assert [trace.nodes[i].op for i in trace.forward_order][:3] == ["matmul", "add", "tanh"]


def test_exploring_never_touches_the_trained_model():
    model = model_2882()
    before = [p.data.copy() for p in model.parameters()]
    sample_trace(model, SAMPLE, 0, "hinge")
    check_model(model, SAMPLE.reshape(2, 1), one_hot([0], 2), "hinge")
    for p, saved in zip(model.parameters(), before):
        np.testing.assert_array_equal(p.data, saved)
        assert p.grad is None and p.data.dtype == np.float32


def test_a_linear_classifier_is_one_matmul_and_one_add():
    model = MLP(2, [], 3, "tanh", seed=1)
    trace = sample_trace(model, SAMPLE, 0, "mse")
    ops = [trace.nodes[i].op for i in trace.forward_order]
    assert ops[:2] == ["matmul", "add"] and ops.count("matmul") == 1
    assert trace.nodes[trace.forward_order[1]].name == "scores"


def test_the_float64_copy_has_the_same_weights():
    model = model_2882()
    copy = float64_copy(model)
    for mine, theirs in zip(copy.parameters(), model.parameters()):
        assert mine.data.dtype == np.float64 and mine.name == theirs.name
        np.testing.assert_array_equal(mine.data, theirs.data)
        assert not np.shares_memory(mine.data, theirs.data)


# ----------------------------------------------------------- gradient check
DATA_RNG = np.random.default_rng(8)


@pytest.mark.parametrize("loss", LOSSES)
@pytest.mark.parametrize("activation", ACTIVATIONS)
def test_the_gradient_check_passes_for_every_activation_and_loss(activation, loss):
    rng = np.random.default_rng(zlib.crc32(f"check/{activation}/{loss}".encode()))
    model = MLP(2, [5, 4], 3, activation, seed=2, dtype=np.float32)
    x, target = rng.standard_normal((2, 20)), one_hot(rng.integers(0, 3, 20), 3)
    check = check_model(model, x, target, loss)
    assert check.passed, [layer.max_error for layer in check.layers]
    assert [layer.shape for layer in check.layers] == [(5, 2), (4, 5), (3, 4)]
    assert check.checked == check.entries == model.parameter_count() == 54
    assert check.forward_passes == 2 * 54
    assert check.max_error < 1e-4


def test_a_wrong_backward_fails_the_check(monkeypatch):
    """A loss whose value is right but whose gradient is doubled: 2 L - (a constant equal to L)."""
    model = MLP(2, [4], 2, "tanh", seed=3)
    x, target = DATA_RNG.standard_normal((2, 10)), one_hot(DATA_RNG.integers(0, 2, 10), 2)
    assert check_model(model, x, target, "mse").passed

    def doubled(scores, target):
        loss = LOSSES["mse"](scores, target)
        return loss * 2 - Tensor(loss.data)

    monkeypatch.setitem(LOSSES, "doubled", doubled)
    check = check_model(model, x, target, "doubled")
    assert not check.passed and check.max_error > 0.1


def test_a_budget_checks_a_sample_of_every_layer():
    model = MLP(2, [16, 16], 2, "relu", seed=1)
    x, target = DATA_RNG.standard_normal((2, 30)), one_hot(DATA_RNG.integers(0, 2, 30), 2)
    check = check_model(model, x, target, "cross_entropy", max_entries=40)
    assert check.checked == 40 and check.entries == model.parameter_count() == 354
    assert all(layer.checked >= 2 for layer in check.layers)  # W and b of each layer at least
    assert check.forward_passes == 80 and check.passed
    tiny = check_model(model, x, target, "cross_entropy", max_entries=1)
    assert tiny.checked == 6  # one entry of each of the six parameters, whatever the budget


def test_no_points_no_check():
    with pytest.raises(ValueError):
        check_model(model_2882(), np.zeros((2, 0)), np.zeros((2, 0)), "mse")

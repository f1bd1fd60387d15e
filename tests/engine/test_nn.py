"""Layers and the MLP: gradients through every activation and loss, init, the linear collapse."""

import zlib

import numpy as np
import pytest

from engine import Tensor
from engine.activations import ACTIVATIONS
from engine.gradcheck import check_gradients
from engine.losses import LOSSES, PRIMITIVE_LOSSES, one_hot
from engine.nn import MLP, dense

RNG = np.random.default_rng(3)


def network_and_batch(key: str, activation: str, seed: int):
    """A 3-6-5-3 float64 network, 7 points x: (3, 7) and one-hot targets (3, 7), seeded by key."""
    rng = np.random.default_rng(zlib.crc32(key.encode()))
    model = MLP(3, [6, 5], 3, activation=activation, seed=seed)
    return model, Tensor(rng.standard_normal((3, 7))), one_hot(rng.integers(0, 3, 7), 3)


@pytest.mark.parametrize("loss", LOSSES)
@pytest.mark.parametrize("activation", ACTIVATIONS)
def test_multilayer_gradients_pass_the_check(activation, loss):
    """Every parameter's backprop gradient matches centred differences."""
    model, x, target = network_and_batch(f"{activation}/{loss}", activation, seed=11)
    check = check_gradients(lambda: LOSSES[loss](model(x), target), model.parameters())
    assert check.passed(), (activation, loss, check.max_error)
    assert all(np.any(a != 0) for a in check.analytic)  # every layer actually got a gradient


PRIMITIVE = {
    "relu": Tensor.relu, "tanh": Tensor.tanh, "sigmoid": Tensor.sigmoid,
    "leaky_relu": Tensor.leaky_relu, "linear": lambda z: z,
}


@pytest.mark.parametrize("activation", ACTIVATIONS)
def test_fused_dense_equals_the_primitive_graph(activation):
    """dense(w, x, b, f) gives the values and gradients of f(w @ x + b) built gate by gate."""
    w = Tensor(RNG.standard_normal((4, 3)), requires_grad=True)
    b = Tensor(RNG.standard_normal((4, 1)), requires_grad=True)
    x = Tensor(RNG.standard_normal((3, 9)), requires_grad=True)
    upstream = RNG.standard_normal((4, 9))
    fused = dense(w, x, b, ACTIVATIONS[activation])
    (fused * upstream).sum().backward()
    fused_grads = [w.grad, x.grad, b.grad]
    for p in (w, x, b):
        p.zero_grad()
    primitive = PRIMITIVE[activation](w @ x + b)
    (primitive * upstream).sum().backward()
    np.testing.assert_allclose(fused.data, primitive.data, rtol=1e-12)
    for got, want in zip(fused_grads, [w.grad, x.grad, b.grad]):
        np.testing.assert_allclose(got, want, rtol=1e-12)
    check = check_gradients(lambda: (dense(w, x, b, ACTIVATIONS[activation]) * upstream).sum(), [w, x, b])
    assert check.passed(), check.max_error


@pytest.mark.parametrize("activation", [name for name, a in ACTIVATIONS.items() if a.downstream])
def test_each_activation_passes_back_upstream_times_its_local_gradient(activation):
    f = ACTIVATIONS[activation]
    y = f.forward(RNG.standard_normal((4, 9)).astype(np.float32))
    g = RNG.standard_normal((4, 9)).astype(np.float32)
    y_before, g_before = y.copy(), g.copy()
    got = f.downstream(g, y)
    np.testing.assert_allclose(got, g * f.local_gradient(y), rtol=1e-6)
    assert got.dtype == np.float32
    np.testing.assert_array_equal(y, y_before)  # its inputs are left as they were
    np.testing.assert_array_equal(g, g_before)


@pytest.mark.parametrize("loss", LOSSES)
@pytest.mark.parametrize("activation", ACTIVATIONS)
def test_the_primitive_path_equals_the_fused_path(activation, loss):
    """model(x, fused=False) and the loss from gates: the same value and gradients, every gate shown."""
    model, x, target = network_and_batch(f"gates/{activation}/{loss}", activation, seed=4)
    fused = LOSSES[loss](model(x), target)
    fused.backward()
    fused_grads = [p.grad for p in model.parameters()]
    model.zero_grad()
    gates = PRIMITIVE_LOSSES[loss](model(x, fused=False), target)
    gates.backward()
    assert gates.item() == pytest.approx(fused.item(), rel=1e-12)
    for got, want in zip([p.grad for p in model.parameters()], fused_grads):
        np.testing.assert_allclose(got, want, rtol=1e-10, atol=1e-14)
    ops = {node.op for node in gates.topological_order()}
    assert "matmul" in ops and "add" in ops and not any(op.startswith("affine") for op in ops)
    assert (activation in ops) == (activation != "linear")
    check = check_gradients(lambda: PRIMITIVE_LOSSES[loss](model(x, fused=False), target),
                            model.parameters())
    assert check.passed(), check.max_error


def test_same_seed_same_weights_other_seed_other_weights():
    a, b, c = MLP(2, [8], 2, seed=5), MLP(2, [8], 2, seed=5), MLP(2, [8], 2, seed=6)
    for pa, pb in zip(a.parameters(), b.parameters()):
        np.testing.assert_array_equal(pa.data, pb.data)
    assert not np.array_equal(a.layers[0].W.data, c.layers[0].W.data)


def test_initial_scale_suits_the_activation():
    """He for relu (var 2/fan_in), Xavier for tanh (var 1/fan_in)."""
    relu = MLP(64, [64], 2, activation="relu", seed=0).layers[0].W.data
    tanh = MLP(64, [64], 2, activation="tanh", seed=0).layers[0].W.data
    assert relu.var() == pytest.approx(2 / 64, rel=0.1)
    assert tanh.var() == pytest.approx(1 / 64, rel=0.1)


def test_linear_classifier_is_an_mlp_without_hidden_layers():
    model = MLP(2, [], 3)
    assert [layer.W.shape for layer in model.layers] == [(3, 2)]
    assert model.parameter_count() == 9
    assert MLP(2, [8, 8], 2).parameter_count() == 114


def test_deep_linear_network_collapses_to_one_matrix():
    """W3(W2(W1 x + b1) + b2) + b3 is one affine map: still linear."""
    model = MLP(2, [5, 4], 3, activation="linear", seed=2)
    for layer in model.layers:
        layer.b.data[:] = RNG.standard_normal(layer.b.shape)
    x = RNG.standard_normal((2, 10))
    w, b = model.collapsed()
    assert w.shape == (3, 2) and b.shape == (3, 1)
    np.testing.assert_allclose(model(Tensor(x)).data, w @ x + b, rtol=1e-10)
    with pytest.raises(ValueError, match="linear activations"):
        MLP(2, [4], 2, activation="tanh").collapsed()


def test_activations_lists_every_layer_output():
    model = MLP(2, [5, 4], 3, seed=1)
    outs = model.activations(RNG.standard_normal((2, 6)))
    assert [o.shape for o in outs] == [(5, 6), (4, 6), (3, 6)]
    assert np.all(np.abs(outs[0]) <= 1)  # tanh outputs


@pytest.mark.parametrize("hidden", [[8] * 7, [0], [65]])
def test_architecture_limits(hidden):
    with pytest.raises(ValueError, match="hidden layers"):
        MLP(2, hidden, 2)


def test_unknown_activation():
    with pytest.raises(ValueError, match="unknown activation 'swish'"):
        MLP(2, [4], 2, activation="swish")


def test_the_parameters_are_views_of_one_vector():
    model = MLP(2, [3, 4], 2, dtype=np.float32)
    vector = model.parameter_vector
    assert vector.shape == (model.parameter_count(),) and vector.dtype == np.float32
    expected = np.concatenate([p.data.ravel() for p in model.parameters()])
    vector += 1.0  # every parameter sees it
    np.testing.assert_array_equal(np.concatenate([p.data.ravel() for p in model.parameters()]), expected + 1)
    split = model.split(np.arange(vector.size))
    assert [a.shape for a in split] == [p.shape for p in model.parameters()]
    assert np.concatenate([a.ravel() for a in split]).tolist() == list(range(vector.size))


def test_zero_grad_and_parameter_names():
    model = MLP(2, [3], 2)
    assert [p.name for p in model.parameters()] == ["W1", "b1", "W2", "b2"]
    model(Tensor(np.ones((2, 1)))).sum().backward()
    assert all(p.grad is not None for p in model.parameters())
    model.zero_grad()
    assert all(p.grad is None for p in model.parameters())

"""The Tensor API: the lecture's worked examples, every op's gradient, the rules."""

import threading

import numpy as np
import pytest

from engine import Tensor, no_grad
from engine.gradcheck import check_gradients

RNG = np.random.default_rng(7)


def leaf(*shape, positive=False):
    data = RNG.uniform(0.5, 2.0, shape) if positive else RNG.standard_normal(shape)
    return Tensor(data, requires_grad=True)


# ---------------------------------------------------------------- the lecture
def test_lecture_add_mul_example():
    """f = (x + y) z at x=-2, y=5, z=-4: df/dx = df/dy = z = -4, df/dz = x + y = 3."""
    x = Tensor(-2.0, requires_grad=True)
    y = Tensor(5.0, requires_grad=True)
    z = Tensor(-4.0, requires_grad=True)
    f = (x + y) * z
    f.backward()
    assert f.item() == -12.0
    assert (x.grad, y.grad, z.grad) == (-4.0, -4.0, 3.0)
    assert x.grad.shape == x.data.shape == ()


def test_lecture_sigmoid_neuron():
    """f = sigmoid(w0 x0 + w1 x1 + w2) at w=(2,-3,-3), x=(-1,-2): the CS231n numbers."""
    w0, x0, w1, x1, w2 = (Tensor(v, requires_grad=True) for v in (2.0, -1.0, -3.0, -2.0, -3.0))
    f = (w0 * x0 + w1 * x1 + w2).sigmoid()
    f.backward()
    assert f.item() == pytest.approx(0.7310585786)  # sigmoid(1)
    local = f.item() * (1 - f.item())  # (1 - s) s = 0.1966
    assert w0.grad == pytest.approx(local * -1.0)   # -0.20
    assert x0.grad == pytest.approx(local * 2.0)    # 0.39
    assert w1.grad == pytest.approx(local * -2.0)   # -0.39
    assert x1.grad == pytest.approx(local * -3.0)   # -0.59
    assert w2.grad == pytest.approx(local)          # 0.20


def test_sigmoid_neuron_from_primitives_matches_the_sigmoid_gate():
    """1 / (1 + exp(-z)) built gate by gate gives the same gradients as the sigmoid gate."""
    z1, z2 = Tensor(1.0, requires_grad=True), Tensor(1.0, requires_grad=True)
    (1 / (1 + (-z1).exp())).backward()
    z2.sigmoid().backward()
    assert z1.grad == pytest.approx(z2.grad)


def test_lecture_matrix_norm_example():
    """f = ||W x||^2: df/dW = 2 q x^T and df/dx = 2 W^T q with q = W x."""
    W = Tensor([[0.1, 0.5], [-0.3, 0.8]], requires_grad=True)
    x = Tensor([0.2, 0.4], requires_grad=True)
    q = W @ x
    f = (q * q).sum()
    f.backward()
    np.testing.assert_allclose(q.data, [0.22, 0.26])
    np.testing.assert_allclose(f.item(), 0.116)
    np.testing.assert_allclose(W.grad, [[0.088, 0.176], [0.104, 0.208]])
    np.testing.assert_allclose(x.grad, [-0.112, 0.636])
    assert W.grad.shape == W.shape and x.grad.shape == x.shape


def test_gate_patterns():
    """add distributes, mul swaps, max routes, copy adds."""
    a, b = Tensor(3.0, requires_grad=True), Tensor(-2.0, requires_grad=True)
    ((a + b) * 5).backward()
    assert (a.grad, b.grad) == (5.0, 5.0)  # add: both get the upstream

    a, b = Tensor(3.0, requires_grad=True), Tensor(-2.0, requires_grad=True)
    (a * b).backward()
    assert (a.grad, b.grad) == (-2.0, 3.0)  # mul: each gets the other

    a, b = Tensor(3.0, requires_grad=True), Tensor(-2.0, requires_grad=True)
    (a.maximum(b) * 4).backward()
    assert (a.grad, b.grad) == (4.0, 0.0)  # max: the larger input takes it all

    a = Tensor(3.0, requires_grad=True)
    (a * 2 + a * 5).backward()
    assert a.grad == 7.0  # copy: the two paths add


# ------------------------------------------------------- numerical gradients
UNARY = {
    "neg": lambda a: -a,
    "exp": lambda a: a.exp(),
    "log": lambda a: a.log(),
    "tanh": lambda a: a.tanh(),
    "sigmoid": lambda a: a.sigmoid(),
    "relu": lambda a: a.relu(),
    "leaky_relu": lambda a: a.leaky_relu(),
    "pow2": lambda a: a**2,
    "pow_half": lambda a: a**0.5,
    "pow_neg": lambda a: a**-1.5,
    "sum": lambda a: a.sum(),
    "sum_axis0": lambda a: a.sum(axis=0),
    "sum_axis1_keep": lambda a: a.sum(axis=1, keepdims=True),
    "mean": lambda a: a.mean(),
    "mean_axis1": lambda a: a.mean(axis=1),
    "reshape": lambda a: a.reshape(4, 3),
    "transpose": lambda a: a.T,
    "scalar_ops": lambda a: 3 - a / 2 + 1.5 * a - 0.25,
    "rdiv": lambda a: 2.0 / a,
    "rsub": lambda a: 2.0 - a,
    "pow_zero": lambda a: a**0,
}


@pytest.mark.parametrize("name", UNARY)
def test_unary_gradient(name):
    a = leaf(3, 4, positive=name in {"log", "pow_half", "pow_neg", "rdiv"})
    weights = RNG.standard_normal(UNARY[name](a).shape)  # a random upstream gradient
    check = check_gradients(lambda: (UNARY[name](a) * weights).sum(), [a])
    assert check.max_error < 1e-7, check.max_error


BINARY = {
    "add": (lambda a, b: a + b, (3, 4), (3, 4)),
    "add_broadcast_row": (lambda a, b: a + b, (3, 4), (4,)),
    "add_broadcast_col": (lambda a, b: a + b, (3, 4), (3, 1)),
    "sub": (lambda a, b: a - b, (3, 4), (1, 4)),
    "mul": (lambda a, b: a * b, (3, 4), (3, 4)),
    "mul_broadcast": (lambda a, b: a * b, (2, 3, 4), (3, 1)),
    "div": (lambda a, b: a / b, (3, 4), (3, 4)),
    "matmul": (lambda a, b: a @ b, (3, 4), (4, 5)),
    "matmul_vec": (lambda a, b: a @ b, (3, 4), (4,)),
    "vec_matmul": (lambda a, b: a @ b, (4,), (4, 5)),
    "dot": (lambda a, b: a @ b, (4,), (4,)),
    "batched_matmul": (lambda a, b: a @ b, (2, 3, 4), (4, 5)),
    "maximum": (lambda a, b: a.maximum(b), (3, 4), (3, 4)),
    "minimum_broadcast": (lambda a, b: a.minimum(b), (3, 4), (4,)),
    "div_broadcast": (lambda a, b: a / b, (3, 4), (3, 1)),
}


@pytest.mark.parametrize("name", BINARY)
def test_binary_gradient(name):
    op, shape_a, shape_b = BINARY[name]
    a = leaf(*shape_a)
    b = leaf(*shape_b, positive=name.startswith("div"))
    weights = RNG.standard_normal(op(a, b).shape)
    check = check_gradients(lambda: (op(a, b) * weights).sum(), [a, b])
    assert check.max_error < 1e-7, check.max_error
    assert a.grad is None and b.grad is None  # the check leaves no gradients behind


def test_broadcast_gradient_is_summed_to_the_operand_shape():
    a = Tensor(np.ones((3, 4)), requires_grad=True)
    b = Tensor(np.ones((3, 1)), requires_grad=True)
    (a * b).sum().backward()
    assert b.grad.shape == (3, 1)
    np.testing.assert_array_equal(b.grad, np.full((3, 1), 4.0))


def test_numbers_on_either_side():
    a = Tensor(2.0, requires_grad=True)
    f = 1 + a * 3 - 4 / a + a**2 + (2 - a)
    f.backward()
    assert f.item() == pytest.approx(1 + 6 - 2 + 4 + 0)
    assert a.grad == pytest.approx(3 + 4 / 4 + 4 - 1)


def test_numpy_array_on_the_left_defers_to_tensor():
    a = Tensor([1.0, 2.0], requires_grad=True)
    f = np.array([3.0, 4.0]) * a
    assert isinstance(f, Tensor)
    f.sum().backward()
    np.testing.assert_array_equal(a.grad, [3.0, 4.0])


def test_float32_stays_float32():
    a = Tensor(np.ones((2, 3)), requires_grad=True, dtype=np.float32)
    out = ((a * 2.0 + 1) / 3 - a.tanh()).sum()
    out.backward()
    assert out.dtype == np.float32 and a.grad.dtype == np.float32


# ------------------------------------------------------------------- rules
def test_gradients_accumulate_until_cleared():
    x = Tensor(3.0, requires_grad=True)
    f = x * x
    f.backward()
    f.backward()  # the same graph twice: the leaf gets 2 * 6, intermediates do not double
    assert x.grad == 12.0
    (x * 4).backward()
    assert x.grad == 16.0
    x.zero_grad()
    assert x.grad is None


def test_backward_on_non_scalar_is_a_clear_error():
    x = Tensor(np.ones(3), requires_grad=True)
    with pytest.raises(ValueError, match=r"one-element output.*shape \(3,\).*\.sum\(\)"):
        (x * 2).backward()


def test_backward_without_anything_requiring_grad_is_a_clear_error():
    with pytest.raises(RuntimeError, match="nothing in this graph requires a gradient"):
        (Tensor(2.0) * 3).backward()


def test_no_grad_records_no_graph():
    w = Tensor(np.ones(3), requires_grad=True)
    with no_grad():
        out = (w * 2).sum()
    assert not out.requires_grad and out.parents == () and out.op == "sum"
    assert (w * 2).sum().requires_grad  # and recording resumes afterwards


def test_no_grad_is_per_thread():
    """A worker thread (the window's gradient check) records its graph while another thread evaluates."""
    w = Tensor(np.ones(3), requires_grad=True)
    inside, recorded = threading.Event(), []

    def worker():
        inside.wait(5)
        recorded.append((w * 2).sum().requires_grad)

    thread = threading.Thread(target=worker)
    thread.start()
    with no_grad():
        inside.set()
        thread.join(5)
    assert recorded == [True]


def test_nodes_keep_op_and_parents_for_walking_the_graph():
    x = Tensor(1.0, requires_grad=True, name="x")
    y = Tensor(2.0, requires_grad=True, name="y")
    s = x + y
    f = s * x
    assert f.op == "mul" and f.parents == (s, x)
    assert s.op == "add" and s.parents == (x, y)
    assert f.topological_order() == [s, f]


def test_deep_chain_needs_no_recursion():
    x = Tensor(0.5, requires_grad=True)
    y = x
    for _ in range(5000):
        y = y * 1.0
    y.backward()
    assert x.grad == 1.0


def test_shape_invariant_is_enforced():
    from engine.tensor import make_node

    x = Tensor(np.ones((2, 3)), requires_grad=True)
    bad = make_node(x.data.sum(), (x,), "buggy_sum", lambda g: (np.ones(3),))
    with pytest.raises(RuntimeError, match=r"buggy_sum.*shape \(3,\).*shape \(2, 3\)"):
        bad.backward()


def test_pow_rejects_a_tensor_exponent():
    with pytest.raises(TypeError, match="exponent must be a number"):
        Tensor(2.0) ** Tensor(3.0)


# ------------------------------------------------- each leaf owns its gradient
def test_leaves_fed_by_one_add_get_separate_gradients():
    a, b = Tensor(np.ones(3), requires_grad=True), Tensor(np.ones(3), requires_grad=True)
    (a + b).sum().backward()
    assert a.grad is not b.grad
    a.grad *= 0  # clearing one leaf's gradient in place must not touch the other's
    np.testing.assert_array_equal(b.grad, np.ones(3))


def test_a_leaf_gradient_passed_straight_from_the_seed_is_writable():
    x = Tensor(2.0, requires_grad=True)
    (x + 0).backward()
    x.grad += 1
    assert x.grad == 2.0
    x.zero_grad()
    x.backward()  # a leaf on its own
    x.grad += 1
    assert x.grad == 2.0


def test_a_leaf_never_shares_a_view_of_another_gradient():
    a = Tensor(np.ones((2, 3)), requires_grad=True)
    (a.T * 2).sum().backward()
    assert a.grad.base is None and a.grad.flags.writeable


def test_a_float32_leaf_gets_a_float32_gradient_from_float64_ops():
    a = Tensor(np.ones(3), requires_grad=True, dtype=np.float32)
    (a * Tensor(np.full(3, 2.0))).sum().backward()  # float32 * float64 -> float64
    assert a.grad.dtype == np.float32
    np.testing.assert_array_equal(a.grad, np.full(3, 2.0, np.float32))


# ------------------------------------------------------------- small bugs
def test_item_of_any_one_element_tensor():
    assert Tensor([[2.0]]).item() == 2.0
    assert Tensor([3.5]).item() == 3.5
    with pytest.raises(ValueError, match="one-element"):
        Tensor([1.0, 2.0]).item()


@pytest.mark.parametrize("build", [lambda x: x.maximum(0), lambda x: Tensor(0.0).maximum(x),
                                   lambda x: x.relu(), lambda x: -Tensor(0.0).minimum(-x)])
def test_a_tie_at_zero_gives_the_relu_gradient_whatever_the_order(build):
    x = Tensor(0.0, requires_grad=True)
    build(x).backward()
    assert x.grad == 0.0


def test_max_and_min_route_to_the_winner_and_to_neither_on_a_tie():
    a, b = Tensor([3.0, 1.0, 2.0], requires_grad=True), Tensor([1.0, 3.0, 2.0], requires_grad=True)
    a.maximum(b).sum().backward()
    np.testing.assert_array_equal(a.grad, [1, 0, 0])
    np.testing.assert_array_equal(b.grad, [0, 1, 0])
    a.zero_grad(), b.zero_grad()
    a.minimum(b).sum().backward()
    np.testing.assert_array_equal(a.grad, [0, 1, 0])
    np.testing.assert_array_equal(b.grad, [1, 0, 0])


def test_the_gradient_of_x_to_the_zero_is_zero_even_at_zero():
    x = Tensor([0.0, 2.0], requires_grad=True)
    (x**0).sum().backward()
    np.testing.assert_array_equal(x.grad, [0.0, 0.0])


# ------------------------------------------------ a graph a person can read
def test_ops_have_the_names_people_read():
    a, b = Tensor(2.0, requires_grad=True), Tensor(4.0, requires_grad=True)
    assert (a - b).op == "sub" and (3 - a).op == "sub"
    assert (a / b).op == "div" and (1 / a).op == "div" and (a / 2).op == "div"
    assert (a**2).op == "pow" and (a**2).parents[1].item() == 2.0  # the exponent is a constant input
    assert a.mean().op == "mean" and (-a).op == "neg"


def test_sub_and_div_gradients():
    a, b = Tensor(6.0, requires_grad=True), Tensor(3.0, requires_grad=True)
    (a / b - b).backward()
    assert a.grad == pytest.approx(1 / 3) and b.grad == pytest.approx(-6 / 9 - 1)


def lecture_neuron():
    """sigmoid(w0 x0 + w1 x1 + w2) as the lecture's primitive chain: *, +, *-1, exp, +1, 1/x."""
    w0, x0, w1, x1, w2 = (Tensor(v, requires_grad=True) for v in (2.0, -1.0, -3.0, -2.0, -3.0))
    return 1 / ((-(w0 * x0 + w1 * x1 + w2)).exp() + 1), (w0, x0, w1, x1, w2)


def test_backward_steps_reproduce_backward():
    f, leaves = lecture_neuron()
    steps = list(f.backward_steps())
    from_steps = [x.grad.copy() for x in leaves]
    for x in leaves:
        x.zero_grad()
    f.backward()
    assert [x.grad for x in leaves] == from_steps
    assert [s.node.op for s in steps] == ["div", "add", "exp", "neg", "add", "add", "mul", "mul"]
    assert steps[0].upstream == 1.0


def test_each_backward_step_is_upstream_times_local():
    f, _ = lecture_neuron()
    for step in f.backward_steps():
        assert len(step.downstream) == len(step.node.parents) == len(step.local)
        for parent, local, down in zip(step.node.parents, step.local, step.downstream):
            if parent.requires_grad:
                assert down == pytest.approx(step.upstream * local)
            else:
                assert down is None
    # the 1/x gate of the lecture: local gradient -1/x^2 at x = 1.37
    div = next(s for s in f.backward_steps() if s.node.op == "div")
    assert div.local[1] == pytest.approx(-1 / 1.3678794**2)
    assert div.downstream[1] == pytest.approx(-0.53, abs=0.005)


def test_non_elementwise_steps_have_no_local_gradient_but_keep_shapes():
    w = Tensor(np.ones((10, 20)), requires_grad=True)
    x = Tensor(np.ones((20, 1)), requires_grad=True)
    steps = list((w @ x).sum().backward_steps())
    matmul = steps[-1]
    assert matmul.node.op == "matmul" and matmul.local is None
    assert matmul.upstream.shape == (10, 1)
    assert [d.shape for d in matmul.downstream] == [(10, 20), (20, 1)]

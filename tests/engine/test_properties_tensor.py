"""Property tests of the Tensor ops: random shapes, broadcasting and values.

For every op, on random operands: the forward value is NumPy's, every gradient has its
operand's shape (broadcasting summed back), and backpropagation agrees with centred
differences (``engine.gradcheck``). Then random compositions of ops, checked the same way.
Values keep away from the kinks of relu, max and min and from the poles of div and log,
where a centred difference is not a derivative.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from engine import Tensor
from engine.gradcheck import check_gradients

FAST = settings(max_examples=30)


def values(shape, low=-2.0, high=2.0, away_from_zero=0.0):
    """Arrays of ``shape`` with entries in [low, high], |x| >= away_from_zero."""
    elements = st.floats(low, high, allow_nan=False, allow_infinity=False)
    if away_from_zero:
        elements = elements.filter(lambda x: abs(x) >= away_from_zero)
    return hnp.arrays(np.float64, shape, elements=elements)


def leaf(array) -> Tensor:
    return Tensor(np.array(array, dtype=np.float64), requires_grad=True)


def check(build, *arrays, expected):
    """build(*leaves) against NumPy's ``expected``, gradient shapes, and the gradient check of
    a weighted sum of the output (so every output entry has its own upstream gradient)."""
    leaves = [leaf(a) for a in arrays]
    out = build(*leaves)
    np.testing.assert_allclose(out.data, expected, rtol=1e-12, atol=1e-12)
    weights = np.linspace(-1.0, 1.5, out.data.size).reshape(out.data.shape)

    def f():
        return (build(*leaves) * weights).sum()

    f().backward()
    assert all(t.grad.shape == t.shape for t in leaves)
    result = check_gradients(f, leaves)
    assert result.passed(tolerance=1e-5), result.max_error


@st.composite
def two_broadcastable(draw, low=-2.0, high=2.0, away_from_zero=0.0):
    shapes = draw(hnp.mutually_broadcastable_shapes(num_shapes=2, min_dims=0, max_dims=3, max_side=3))
    a, b = shapes.input_shapes
    return (draw(values(a, low, high)), draw(values(b, low, high, away_from_zero)))


BINARY = {
    "add": (lambda a, b: a + b, np.add),
    "sub": (lambda a, b: a - b, np.subtract),
    "mul": (lambda a, b: a * b, np.multiply),
}


@pytest.mark.parametrize("name", BINARY)
@FAST
@given(operands=two_broadcastable())
def test_binary_ops_broadcast_and_their_gradients_sum_back(name, operands):
    op, reference = BINARY[name]
    check(op, *operands, expected=reference(*operands))


@FAST
@given(operands=two_broadcastable(away_from_zero=0.5))
def test_div_broadcasts_away_from_its_pole(operands):
    check(lambda a, b: a / b, *operands, expected=np.divide(*operands))


@FAST
@given(data=st.data())
def test_max_and_min_route_the_gradient_to_the_winner(data):
    """On a half grid and the grid shifted by a quarter: never a tie, where neither side wins."""
    a_shape, b_shape = data.draw(hnp.mutually_broadcastable_shapes(num_shapes=2, max_dims=3,
                                                                   max_side=3)).input_shapes
    a = data.draw(hnp.arrays(np.float64, a_shape, elements=st.integers(-4, 4).map(lambda k: k / 2)))
    b = data.draw(hnp.arrays(np.float64, b_shape, elements=st.integers(-4, 3).map(lambda k: k / 2 + 0.25)))
    check(lambda x, y: x.maximum(y), a, b, expected=np.maximum(a, b))
    check(lambda x, y: x.minimum(y), a, b, expected=np.minimum(a, b))


shapes = hnp.array_shapes(min_dims=0, max_dims=3, max_side=3)

UNARY = {  # name: (op, NumPy, the values it is checked on)
    "neg": (lambda x: -x, np.negative, {}),
    "exp": (lambda x: x.exp(), np.exp, {}),
    "log": (lambda x: x.log(), np.log, {"low": 0.2, "high": 3.0}),
    "tanh": (lambda x: x.tanh(), np.tanh, {}),
    "sigmoid": (lambda x: x.sigmoid(), lambda x: 1 / (1 + np.exp(-x)), {}),
    "relu": (lambda x: x.relu(), lambda x: np.maximum(x, 0), {"away_from_zero": 0.05}),
    "leaky_relu": (lambda x: x.leaky_relu(), lambda x: np.where(x > 0, x, 0.01 * x),
                   {"away_from_zero": 0.05}),
    "copy_gate": (lambda x: x.copy_gate(), lambda x: x, {}),
    "transpose": (lambda x: x.T, np.transpose, {}),
}


@pytest.mark.parametrize("name", UNARY)
@FAST
@given(data=st.data())
def test_unary_ops_on_any_shape(name, data):
    op, reference, ranges = UNARY[name]
    x = data.draw(values(data.draw(shapes), **ranges))
    check(op, x, expected=reference(x))


@FAST
@given(data=st.data(), exponent=st.sampled_from([0, 1, 2, 3, 0.5, -1, -1.5]))
def test_pow_with_any_exponent_on_its_domain(data, exponent):
    positive = exponent != int(exponent) or exponent < 0
    x = data.draw(values(data.draw(shapes), 0.3 if positive else -2.0, 2.0))
    check(lambda t: t ** exponent, x, expected=np.power(x, float(exponent)))


@FAST
@given(data=st.data(), keepdims=st.booleans())
def test_sum_and_mean_over_any_axes(data, keepdims):
    shape = data.draw(hnp.array_shapes(min_dims=1, max_dims=3, max_side=3))
    x = data.draw(values(shape))
    axis = data.draw(st.none() | st.integers(0, len(shape) - 1)
                     | st.lists(st.integers(0, len(shape) - 1), min_size=1, unique=True).map(tuple))
    check(lambda t: t.sum(axis=axis, keepdims=keepdims), x, expected=x.sum(axis=axis, keepdims=keepdims))
    check(lambda t: t.mean(axis=axis, keepdims=keepdims), x, expected=x.mean(axis=axis, keepdims=keepdims))


@FAST
@given(data=st.data())
def test_reshape_to_any_shape_of_the_same_size(data):
    shape = data.draw(shapes)
    x = data.draw(values(shape))
    new_shape = data.draw(st.sampled_from([(-1,), (x.size, 1), (1, x.size), shape[::-1], (1, *shape)]))
    check(lambda t: t.reshape(new_shape), x, expected=x.reshape(new_shape))


@st.composite
def matmul_operands(draw):
    """NumPy's matmul forms: matrix @ matrix, vector on either side, a batch of matrices."""
    n, k, m, batch = (draw(st.integers(1, 3)) for _ in range(4))
    left = draw(st.sampled_from([(k,), (n, k), (batch, n, k)]))
    right = draw(st.sampled_from([(k,), (k, m)] if len(left) == 3 else [(k,), (k, m), (batch, k, m)]))
    return draw(values(left)), draw(values(right))


@FAST
@given(operands=matmul_operands())
def test_matmul_in_every_form(operands):
    check(lambda a, b: a @ b, *operands, expected=np.matmul(*operands))


# ------------------------------------------------------------ compositions
SMOOTH_UNARY = [
    ("tanh", lambda t: t.tanh()), ("sigmoid", lambda t: t.sigmoid()), ("neg", lambda t: -t),
    ("exp of tanh", lambda t: t.tanh().exp()), ("log(1 + x²)", lambda t: (1 + t * t).log()),
    ("square", lambda t: t ** 2), ("copy", lambda t: t.copy_gate()),
    ("row sums", lambda t: t.sum(axis=-1, keepdims=True)),
    ("column means", lambda t: t.mean(axis=0, keepdims=True)),
]
SMOOTH_BINARY = [
    ("add", lambda a, b: a + b), ("sub", lambda a, b: a - b), ("mul", lambda a, b: a * b),
    ("div by 1 + b²", lambda a, b: a / (1 + b * b)),
]


@st.composite
def expressions(draw, depth: int):
    """A random expression over leaves 0..2 (each (2, 3), used any number of times, so copy
    gates add): (text, build(leaves) -> Tensor)."""
    if depth == 0 or draw(st.integers(0, 3)) == 0:
        i = draw(st.integers(0, 2))
        return f"x{i}", lambda leaves: leaves[i]
    if draw(st.booleans()):
        name, op = draw(st.sampled_from(SMOOTH_UNARY))
        text, inner = draw(expressions(depth - 1))
        return f"{name}({text})", lambda leaves: op(inner(leaves))
    name, op = draw(st.sampled_from(SMOOTH_BINARY))
    (left_text, left), (right_text, right) = draw(expressions(depth - 1)), draw(expressions(depth - 1))
    return f"{name}({left_text}, {right_text})", lambda leaves: op(left(leaves), right(leaves))


@settings(max_examples=40)
@given(expression=expressions(depth=4), data=st.data(), through_matmul=st.booleans())
def test_random_compositions_pass_the_gradient_check(expression, data, through_matmul):
    text, build = expression
    arrays = [data.draw(values((2, 3))) for _ in range(3)]
    leaves = [leaf(a) for a in arrays]
    matrix = leaf(data.draw(values((3, 2))))
    params = leaves + [matrix] if through_matmul else leaves

    def f():
        out = build(leaves)
        out = (out @ matrix).tanh() if through_matmul else out
        return (out * np.linspace(-1.0, 1.0, out.data.size).reshape(out.shape)).sum()

    result = check_gradients(f, params)
    assert result.passed(tolerance=1e-5), (text, result.max_error)

"""The formula parser: the whole grammar with Python's precedence, and junk refused with a position."""

import math

import numpy as np
import pytest

from engine.expression import MAX_DEPTH, MAX_LENGTH, Apply, ExpressionError, Name, names_in, parse
from engine.expression_graph import parse_values, trace_expression, trace_formula
from engine.gradcheck import relative_error


def value(text: str, **values) -> float:
    return float(trace_expression(text, values).output.value)


def sigmoid(v):
    return 1 / (1 + math.exp(-v))


X, Y, Z = 1.5, -0.7, 2.25
GRAMMAR = [
    ("3", 3.0), ("0.5", 0.5), ("1e-3", 1e-3), (".5", 0.5), ("2.", 2.0), ("1.5E+2", 150.0),
    ("x", X), ("x + y", X + Y), ("x - y - z", X - Y - Z), ("x / y / z", X / Y / Z),
    ("x * y + z", X * Y + Z), ("x + y * z", X + Y * Z), ("(x + y) * z", (X + Y) * Z),
    ("-x**2", -(X**2)), ("(-x)**2", X**2), ("2**3**2", 512.0), ("2**-1", 0.5), ("-2**-2", -0.25),
    ("x**2 * y", X**2 * Y), ("--x", X), ("+x", X), ("-(x - y)", -(X - Y)), ("x*-y", X * -Y),
    ("exp(x)", math.exp(X)), ("log(x)", math.log(X)), ("sigmoid(y)", sigmoid(Y)),
    ("tanh(y)", math.tanh(Y)), ("relu(y)", 0.0), ("relu(x)", X),
    ("max(x, y)", X), ("min(x, y)", Y), ("max(x*y, -z) + min(1, 2)", max(X * Y, -Z) + 1),
    ("\tx  +\ny ", X + Y), ("x_1 + X2 + _a", 1 + 2 + 3),
]


@pytest.mark.parametrize(("text", "expected"), GRAMMAR)
def test_the_grammar(text, expected):
    values = {"x_1": 1.0, "X2": 2.0, "_a": 3.0} if "_a" in text else {
        name: v for name, v in (("x", X), ("y", Y), ("z", Z)) if name in text}
    assert float(trace_expression(text, values).output.value) == pytest.approx(expected, rel=1e-12)


def test_unary_minus_binds_looser_than_power_and_power_to_the_right():
    tree = parse("-x**2")
    assert isinstance(tree, Apply) and tree.op == "neg" and tree.args[0].op == "pow"
    tree = parse("2**3**2")
    assert tree.op == "pow" and tree.args[1].op == "pow"


def test_every_node_keeps_the_text_it_was_read_from():
    text = "2 * (x*y + max(z, w))"
    tree = parse(text)
    inner = tree.args[1]
    assert text[inner.start:inner.end] == "(x*y + max(z, w))"
    call = inner.args[1]
    assert text[call.start:call.end] == "max(z, w)"
    assert isinstance(call.args[0], Name) and text[call.args[0].start:call.args[0].end] == "z"


DEEP = 10_000
JUNK = [
    ("__import__('os')", "unexpected_character", 11),
    ("x.__class__", "unexpected_character", 1),
    ("lambda: 0", "unexpected_character", 6),
    ("(x + y", "missing_close", 0),
    ("x + y)", "unmatched_close", 5),
    (")", "unmatched_close", 0),
    ("max(x, y", "missing_close", 3),
    ("foo(x)", "unknown_function", 0),
    ("eval(x)", "unknown_function", 0),
    ("exp + 1", "function_without_call", 0),
    ("max(x)", "argument_count", 0),
    ("exp(x, y)", "argument_count", 0),
    ("", "empty", 0),
    ("   ", "empty", 0),
    ("x +", "unexpected_end", 3),
    ("x + * y", "expected_operand", 4),
    ("x y", "expected_operator", 2),
    ("2x", "bad_number", 0),
    ("1e", "bad_number", 0),
    ("1e400", "number_too_large", 0),
    ("x ^ 2", "unexpected_character", 2),
    ("x = 1", "unexpected_character", 2),
    ("'x'", "unexpected_character", 0),
    ("x; y", "unexpected_character", 1),
    ("(" * DEEP + "x" + ")" * DEEP, "too_long", MAX_LENGTH),
    ("-" * DEEP + "x", "too_long", MAX_LENGTH),
    ("x" + "**x" * DEEP, "too_long", MAX_LENGTH),
    ("(" * (MAX_DEPTH + 1) + "x" + ")" * (MAX_DEPTH + 1), "too_deep", MAX_DEPTH),
    ("-" * (MAX_DEPTH + 1) + "x", "too_deep", MAX_DEPTH),
    ("exp(" * (MAX_DEPTH + 1) + "x" + ")" * (MAX_DEPTH + 1), "too_deep", 4 * MAX_DEPTH + 3),
    ("2" + "**2" * (MAX_DEPTH + 1), "too_deep", 1 + 3 * MAX_DEPTH),
]


@pytest.mark.parametrize(("text", "code", "start"), JUNK, ids=[j[1] + str(i) for i, j in enumerate(JUNK)])
def test_junk_is_refused_with_a_code_and_a_position(text, code, start):
    with pytest.raises(ExpressionError) as caught:
        trace_expression(text, {"x": 1.0, "y": 2.0})
    error = caught.value
    assert (error.field, error.code, error.params["start"]) == ("expression", code, start)
    assert error.params["start"] <= error.params["end"] <= len(text)


def test_a_variable_without_a_value_is_named_where_first_used():
    with pytest.raises(ExpressionError) as caught:
        trace_expression("x * q + q", {"x": 1.0})
    assert caught.value.code == "no_value" and caught.value.params["name"] == "q"
    assert caught.value.params["start"] == 4


def test_a_value_for_no_variable_is_refused_where_it_was_typed():
    with pytest.raises(ExpressionError) as caught:
        trace_formula("x + 1", "x=1, y = 2")
    error = caught.value
    assert (error.field, error.code, error.params["name"]) == ("values", "unused_value", "y")
    assert "x=1, y = 2"[error.params["start"]:error.params["end"]] == " y = 2"


@pytest.mark.parametrize(("text", "values", "code", "part"), [
    ("x + log(x - 3)", {"x": 1.0}, "log_not_positive", "log(x - 3)"),
    ("log(0)", {}, "log_not_positive", "log(0)"),
    ("1 / (x - y)", {"x": 2.0, "y": 2.0}, "division_by_zero", "(x - y)"),
    ("x / 0", {"x": 2.0}, "division_by_zero", "0"),
    ("x ** -1", {"x": 0.0}, "division_by_zero", "x"),
    ("y + exp(exp(x))", {"x": 10.0, "y": 1.0}, "overflow", "exp(exp(x))"),
    ("x * 1e300 * 1e300", {"x": 1.0}, "overflow", "x * 1e300 * 1e300"),
    ("(x - 1) ** 0.5", {"x": 1.0}, "gradient_overflow", "(x - 1) ** 0.5"),
    ("x ** y", {"x": 2.0, "y": 3.0}, "variable_exponent", "y"),
    ("(x - 3) ** 0.5", {"x": 1.0}, "power_not_real", "(x - 3) ** 0.5"),
])
def test_a_value_that_cannot_be_computed_names_the_part_at_fault(text, values, code, part):
    with pytest.raises(ExpressionError) as caught:
        trace_expression(text, values)
    error = caught.value
    assert error.code == code
    assert text[error.params["start"]:error.params["end"]] == part


def test_values_are_read_like_the_command_line_writes_them():
    assert parse_values("x=-2,y=5,z=-4") == {"x": -2.0, "y": 5.0, "z": -4.0}
    assert parse_values(" w0 = 2 , x0=-1e0, ") == {"w0": 2.0, "x0": -1.0}
    assert parse_values("") == {}


@pytest.mark.parametrize(("text", "code", "start"), [
    ("x=1, y", "bad_assignment", 4), ("x==1", "bad_assignment", 0), ("x=one", "bad_assignment", 0),
    ("x=1 y=2", "bad_assignment", 0), ("x=1, x=2", "value_twice", 4), ("x=1e999", "number_too_large", 0),
    ("x=__import__('os')", "bad_assignment", 0),
])
def test_bad_values_are_refused_with_a_position(text, code, start):
    with pytest.raises(ExpressionError) as caught:
        parse_values(text)
    assert (caught.value.field, caught.value.code, caught.value.params["start"]) == ("values", code, start)


# ------------------------------------------------------- random formulas
NAMES = ("a", "b", "c")


def random_formula(rng: np.random.Generator, depth: int) -> str:
    """A random formula over a, b, c whose values stay moderate and whose logs stay defined.
    max and min never compare equal arguments: at a tie neither takes the gradient."""
    if depth == 0 or rng.random() < 0.2:
        return str(rng.choice(NAMES)) if rng.random() < 0.8 else f"{rng.uniform(0.5, 2):.2f}"
    a, b = random_formula(rng, depth - 1), random_formula(rng, depth - 1)
    forms = [f"({a} + {b})", f"({a} - {b})", f"{a} * {b}", f"{a} / (2 + tanh({b}))", f"-{a}",
             f"exp(tanh({a}))", f"log(1 + ({a})**2)", f"sigmoid({a})", f"tanh({a})", f"relu({a})",
             f"max({a}, {b} + 0.37)", f"min({a}, {b} - 0.37)", f"({a})**2", f"({a})**3"]
    return forms[rng.integers(len(forms))]


def test_random_formulas_agree_with_numerical_gradients():
    rng = np.random.default_rng(2024)
    h = 1e-6
    for _ in range(150):
        text = random_formula(rng, 4)
        used = sorted({use.name for use in names_in(parse(text))})
        values = {n: float(rng.uniform(-1.5, 1.5)) for n in used}
        trace = trace_expression(text, values)
        grads = {node.name: float(node.grad) for node in trace.inputs()}
        for name in used:
            plus = value(text, **{**values, name: values[name] + h})
            minus = value(text, **{**values, name: values[name] - h})
            numeric = (plus - minus) / (2 * h)
            assert relative_error(grads[name], numeric) < 1e-5 or abs(grads[name] - numeric) < 1e-7, \
                (text, values, name, grads[name], numeric)

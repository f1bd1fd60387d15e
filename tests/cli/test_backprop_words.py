"""The backprop explorer's words, layout and stepping: headless, as the command line uses them."""

import ast
from pathlib import Path

import numpy as np
import pytest

from engine.expression import ExpressionError
from engine.expression_graph import LECTURE_EXAMPLES, trace_expression
from engine.model_graph import sample_trace
from engine.nn import MLP
from playground.backprop_replay import Replay
from playground.backprop_words import (
    EXPRESSION_ERRORS,
    PLAIN,
    SCREEN,
    backward_lines,
    expression_message,
    forward_text,
    gate_name,
    number,
    symbol,
)
from playground.graph_layout import crossings, layout, spaced_fit

ENGINE = Path(__file__).parents[2] / "engine"


CODE_ARGUMENT = {"ExpressionError": 1, "_error": 0, "_at": 2}


def raised_codes() -> set[str]:
    """Every code the formula modules raise: given to ExpressionError, _error or _at as a literal,
    or chosen into ``code`` by a conditional expression."""
    codes = set()
    for name in ("expression.py", "expression_graph.py"):
        for node in ast.walk(ast.parse((ENGINE / name).read_text())):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") in CODE_ARGUMENT:
                code = node.args[CODE_ARGUMENT[node.func.id]]
                if isinstance(code, ast.Constant):
                    codes.add(code.value)
            elif isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "code":
                codes |= {branch.value for branch in (node.value.body, node.value.orelse)}
    return codes


def test_every_formula_error_has_its_words_and_no_words_go_unused():
    assert raised_codes() == set(EXPRESSION_ERRORS)


@pytest.mark.parametrize("text, values, words", [
    ("x + * y", {"x": 1, "y": 2}, 'expected a number, a variable or ( here, not "*"'),
    ("foo(x)", {"x": 1}, "unknown function foo; the functions are exp, log, sigmoid, tanh, relu, max, min"),
    ("max(x)", {"x": 1}, "wrong number of arguments: max takes 2, not 1"),
    ("1 / (x - x)", {"x": 1}, "division by zero: (x - x) is 0"),
    ("log(x - 3)", {"x": 1}, "log(x - 3) cannot be computed: the log of -2 is undefined (it needs a number "
                             "above 0)"),
])
def test_formula_errors_read_well(text, values, words):
    with pytest.raises(ExpressionError) as caught:
        trace_expression(text, values)
    assert expression_message(caught.value) == words


def test_numbers_are_short_on_screen_and_pastable_on_the_command_line():
    assert [number(v) for v in (-0.19661193, 12.0, -0.0, 1e-05, 3e7, 2.5e-12)] == [
        "\u22120.197", "12", "0", "1e\u22125", "3e7", "2.5e\u221212"]
    assert number(-0.19661193, PLAIN) == "-0.196612"


def test_steps_spelled_out():
    trace = trace_expression(*LECTURE_EXAMPLES["add_mul"])
    assert forward_text(trace, 2) == "\u22122 + 5 = 3"
    assert backward_lines(trace, trace.steps[1]) == [
        "to x: upstream \u22124 \u00d7 local 1 = \u22124", "to y: upstream \u22124 \u00d7 local 1 = \u22124"]
    assert backward_lines(trace, trace.steps[0], SCREEN)[0].startswith("upstream 1: the output's gradient")
    assert [gate_name(op) for op in ("add", "mul", "max", "copy", "exp")] == [
        "+ add (distributes)", "\u00d7 mul (swaps)", "max (routes)", "copy (adds)", "exp"]


def test_a_power_by_a_number_is_written_in_its_node():
    trace = trace_expression("x**2 + x**-1 + x**0.5", {"x": 2.0})
    assert [symbol(trace, n) for n in trace.nodes if n.op == "pow"] == ["x\u00b2", "x\u207b\u00b9", "x^0.5"]


# -------------------------------------------------------------------- layout
@pytest.mark.parametrize("key", LECTURE_EXAMPLES)
def test_the_lecture_examples_are_laid_out_without_crossings(key):
    trace = trace_expression(*LECTURE_EXAMPLES[key])
    result = layout(trace)
    assert crossings(trace, result) == 0
    for node in trace.nodes:  # left to right: every edge goes one column or more to the right
        assert all(result.column[i] < result.column[node.id] for i in node.inputs)
    for c in set(result.column):  # a row apart within a column
        rows = sorted(result.row[i] for i in range(len(trace.nodes)) if result.column[i] == c)
        assert all(b - a >= 1 - 1e-9 for a, b in zip(rows, rows[1:]))


@pytest.mark.parametrize("loss", ["cross_entropy", "hinge", "mse"])
def test_a_model_graph_is_laid_out_without_crossings_and_long_edges_get_lanes(loss):
    trace = sample_trace(MLP(2, [8, 8], 3, "tanh", seed=1), np.array([0.2, -0.4]), 2, loss)
    result = layout(trace)
    assert crossings(trace, result) == 0
    for (consumer, slot), points in result.waypoints.items():
        parent = trace.nodes[consumer].inputs[slot]
        span = result.column[consumer] - result.column[parent]
        assert [c for c, _ in points] == list(range(result.column[parent] + 1, result.column[consumer]))
        assert len(points) == max(span - 1, 0)


def test_crossings_are_counted_when_two_nodes_swap_places():
    trace = trace_expression("x * y + z * w", {n: 1.0 for n in "xyzw"})
    good = layout(trace)
    rows = list(good.row)
    first, second = (n.id for n in trace.nodes if n.op == "mul")
    rows[first], rows[second] = rows[second], rows[first]  # each product now far from its inputs
    assert crossings(trace, good) == 0
    assert crossings(trace, type(good)(good.column, tuple(rows), good.waypoints)) > 0


def test_spaced_fit_keeps_order_and_a_row_apart():
    assert spaced_fit([0.0, 0.0, 0.0]) == [-1.0, 0.0, 1.0]
    assert spaced_fit([0.0, 5.0]) == [0.0, 5.0]


# ------------------------------------------------------------------- stepping
def test_replay_positions():
    trace = trace_expression(*LECTURE_EXAMPLES["add_mul"])  # x y add z mul; steps: mul, add
    replay = Replay(trace)
    assert (replay.n_forward, replay.n_backward, replay.last) == (2, 2, 4)
    assert [replay.phase(p) for p in range(5)] == ["start", "forward", "forward", "backward", "backward"]
    assert [replay.current(p) for p in range(5)] == [None, 2, 4, 4, 2]
    assert replay.value_known(0, 0) and not replay.value_known(0, 2) and replay.value_known(1, 2)
    assert not replay.output_gradient_known(2) and replay.output_gradient_known(3)
    assert not replay.gradient_sent(3, 2) and replay.gradient_sent(3, 4) and replay.gradient_sent(4, 2)
    assert not replay.gradient_known(3, 0) and replay.gradient_known(4, 0) and replay.gradient_known(3, 2)

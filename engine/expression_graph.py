"""A typed formula as a computational graph, traced: ``trace_expression(text, values)``.

Each variable is one leaf; a variable used more than once reaches its uses
through one copy gate, so the backward pass shows its gradients being added.
Each number is a constant leaf, each operation one node. Every value is checked
as it is made: the log of a number <= 0, a division by zero, an overflow (and a
gradient that overflows) is an ``ExpressionError`` naming the part of the
formula at fault, with its span to underline.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping

import numpy as np

from engine.expression import Apply, ExpressionError, Name, Number, Tree, names_in, parse
from engine.tensor import Tensor
from engine.trace import Trace, record

# The lecture's examples: formula and values.
LECTURE_EXAMPLES: dict[str, tuple[str, dict[str, float]]] = {
    "add_mul": ("(x + y) * z", {"x": -2.0, "y": 5.0, "z": -4.0}),
    "neuron_gates": ("1 / (1 + exp(-(w0*x0 + w1*x1 + w2)))",
                     {"w0": 2.0, "x0": -1.0, "w1": -3.0, "x1": -2.0, "w2": -3.0}),
    "neuron_sigmoid": ("sigmoid(w0*x0 + w1*x1 + w2)",
                       {"w0": 2.0, "x0": -1.0, "w1": -3.0, "x1": -2.0, "w2": -3.0}),
    "patterns": ("2 * (x*y + max(z, w))", {"x": 3.0, "y": -4.0, "z": 2.0, "w": -1.0}),
}

_ASSIGNMENT = re.compile(r"\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*([+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)"
                         r"(?:[eE][+-]?[0-9]+)?)\s*$")

_OPS = {
    "add": lambda a, b: a + b,
    "sub": lambda a, b: a - b,
    "mul": lambda a, b: a * b,
    "div": lambda a, b: a / b,
    "pow": lambda a, b: a ** float(b.data),
    "neg": lambda a: -a,
    "exp": Tensor.exp,
    "log": Tensor.log,
    "sigmoid": Tensor.sigmoid,
    "tanh": Tensor.tanh,
    "relu": Tensor.relu,
    "max": Tensor.maximum,
    "min": Tensor.minimum,
}


def trace_formula(text: str, values: str) -> Trace:
    """``trace_expression`` with the values as typed, 'x=-2, y=5': an error about a value
    gives its place in that text."""
    spans: dict[str, tuple[int, int]] = {}
    return trace_expression(text, parse_values(values, spans), spans)


def parse_values(text: str, spans: dict[str, tuple[int, int]] | None = None) -> dict[str, float]:
    """'x=-2, y=5, z=-4' -> {'x': -2.0, 'y': 5.0, 'z': -4.0}; ExpressionError (field
    "values", with the span of the item at fault) for anything else. ``spans`` receives
    where each name's item is."""
    values: dict[str, float] = {}
    spans = {} if spans is None else spans
    start = 0
    for item in text.split(","):
        end = start + len(item)
        if item.strip():
            match = _ASSIGNMENT.fullmatch(item)
            if match is None:
                raise ExpressionError("values", "bad_assignment", start=start, end=end, found=item.strip())
            name, value = match.group(1), float(match.group(2))
            if not math.isfinite(value):
                raise ExpressionError("values", "number_too_large", start=start, end=end,
                                      found=match.group(2))
            if name in values:
                raise ExpressionError("values", "value_twice", start=start, end=end, name=name)
            values[name] = value
            spans[name] = (start, end)
        start = end + 1
    return values


def trace_expression(text: str, values: Mapping[str, float],
                     value_spans: Mapping[str, tuple[int, int]] | None = None) -> Trace:
    """Parse ``text``, build its graph at ``values`` (one per variable), run the backward
    pass and return the record. ExpressionError for anything that cannot be done; one
    about a value points to ``value_spans[name]`` in the values' text, if given."""
    tree = parse(text)
    spans: dict[Tensor, tuple[int, int]] = {}
    root = _build(tree, text, _variables(tree, values, spans, value_spans or {}), spans)
    with np.errstate(all="ignore"):
        trace = record(root, spans, text)
    _check_gradients(trace)
    return trace


def _variables(tree: Tree, values: Mapping[str, float], spans: dict[Tensor, tuple[int, int]],
               value_spans: Mapping[str, tuple[int, int]]) -> dict[str, Tensor]:
    """name -> what its uses read: the leaf, or the copy gate of a name used more than once."""
    uses = names_in(tree)
    counts = Counter(use.name for use in uses)
    missing = next((use for use in uses if use.name not in values), None)
    if missing is not None:
        raise ExpressionError("expression", "no_value", start=missing.start, end=missing.end,
                              name=missing.name)
    unused = [name for name in values if name not in counts]
    if unused:
        start, end = value_spans.get(unused[0], (0, 0))
        raise ExpressionError("values", "unused_value", start=start, end=end, name=unused[0])
    read: dict[str, Tensor] = {}
    for use in uses:
        if use.name not in read:  # its first use
            read[use.name] = leaf = Tensor(values[use.name], requires_grad=True, name=use.name)
            spans[leaf] = (use.start, use.end)
            if counts[use.name] > 1:
                read[use.name] = leaf.copy_gate()
                spans[read[use.name]] = spans[leaf]
    return read


def _build(tree: Tree, text: str, variables: dict[str, Tensor], spans: dict[Tensor, tuple[int, int]]
           ) -> Tensor:
    """The graph of ``tree``, built bottom-up without recursion, every value checked."""
    built: dict[int, Tensor] = {}
    stack: list[tuple[Tree, bool]] = [(tree, False)]
    while stack:
        node, ready = stack.pop()
        if isinstance(node, Name):
            built[id(node)] = variables[node.name]
        elif isinstance(node, Number):
            built[id(node)] = constant = Tensor(node.value)
            spans[constant] = (node.start, node.end)
        elif not ready:
            stack.append((node, True))
            stack.extend((arg, False) for arg in reversed(node.args))
        else:
            args = [built[id(arg)] for arg in node.args]
            _check_arguments(node, args, text)
            with np.errstate(all="ignore"):
                out = _OPS[node.op](*args)
            if not np.all(np.isfinite(out.data)):
                raise _at(node, text, "overflow")
            spans[out] = (node.start, node.end)
            if node.op == "pow" and out.parents:  # the exponent, a number, as the node's input
                spans[out.parents[1]] = spans[args[1]]
            built[id(node)] = out
    return built[id(tree)]


def _check_arguments(node: Apply, args: list[Tensor], text: str) -> None:
    """Refuse an operation its arguments cannot take, naming the argument at fault."""
    values = [float(a.data) for a in args]
    if node.op == "div" and values[1] == 0:
        raise _at(node.args[1], text, "division_by_zero")
    if node.op == "log" and values[0] <= 0:
        raise _at(node, text, "log_not_positive", value=values[0])
    if node.op == "pow":
        base, exponent = values
        if args[1].requires_grad:
            raise _at(node.args[1], text, "variable_exponent")
        if base == 0 and exponent < 0:
            raise _at(node.args[0], text, "division_by_zero")
        if base < 0 and exponent != int(exponent):
            raise _at(node, text, "power_not_real", value=base)


def _check_gradients(trace: Trace) -> None:
    """The first backward step that sent an infinite or undefined gradient, named."""
    for step in trace.steps:
        if not all(g is None or np.all(np.isfinite(g)) for g in step.downstream):
            node = trace.nodes[step.node]
            start, end = node.span
            raise ExpressionError("expression", "gradient_overflow", start=start, end=end, text=node.source)


def _at(node: Tree, text: str, code: str, **params) -> ExpressionError:
    return ExpressionError("expression", code, start=node.start, end=node.end,
                           text=text[node.start:node.end], **params)

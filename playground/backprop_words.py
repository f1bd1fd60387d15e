"""The words and notation of the backprop explorer, for the window and the command line.

A ``Trace`` (engine/trace.py) is data; this module says it: each node's label,
the gate patterns, a forward step as arithmetic ("-2 + 5 = 3") and a backward
step as "upstream -4 x local 1 = -4", or, on arrays, as shapes ("input 20,
output 10 -> upstream 10, local 20x10, downstream 20"; "dW = upstream . x^T").
Templates are marked with QT_TRANSLATE_NOOP and looked up with ``translated`` when
used, like playground.messages; no Qt here.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from engine.trace import CONST, Trace, TraceNode, TraceStep
from playground.messages import QT_TRANSLATE_NOOP, message, translated

TIMES, MINUS, DOT = "\u00d7", "\u2212", "\u00b7"


@dataclass(frozen=True)
class Style:
    """How numbers are written: significant digits and the minus sign."""

    digits: int
    minus: str


SCREEN = Style(3, MINUS)  # the window: short, typeset
PLAIN = Style(6, "-")     # the command line: more digits, a minus you can paste back


EXAMPLE_TITLES = {
    "add_mul": QT_TRANSLATE_NOOP("Backprop", "(x + y) \u00b7 z"),
    "neuron_gates": QT_TRANSLATE_NOOP("Backprop", "Neuron: gates"),
    "neuron_sigmoid": QT_TRANSLATE_NOOP("Backprop", "Neuron: \u03c3 gate"),
    "patterns": QT_TRANSLATE_NOOP("Backprop", "Gate patterns"),
}

# Notation in the node boxes (the same in every language).
SYMBOLS = {
    "add": "+", "sub": MINUS, "mul": TIMES, "div": "\u00f7", "neg": TIMES + MINUS + "1", "pow": "x\u207f",
    "exp": "exp", "log": "log", "max": "max", "min": "min", "sigmoid": "\u03c3", "tanh": "tanh",
    "relu": "ReLU", "leaky_relu": "lReLU", "matmul": "W" + DOT + "x", "sum": "\u03a3", "mean": "mean",
    "reshape": "reshape", "transpose": "\u1d40", "copy": "copy",
}

PATTERNS = {
    "add": QT_TRANSLATE_NOOP("Backprop", "distributes"),
    "sum": QT_TRANSLATE_NOOP("Backprop", "distributes"),
    "mul": QT_TRANSLATE_NOOP("Backprop", "swaps"),
    "max": QT_TRANSLATE_NOOP("Backprop", "routes"),
    "min": QT_TRANSLATE_NOOP("Backprop", "routes"),
    "copy": QT_TRANSLATE_NOOP("Backprop", "adds"),
}

# The names the model's graph gives its last two nodes (engine.model_graph); other names are
# the user's variables, or notation (x, W1, h1...), the same in every language.
NODE_NAMES = {"scores": QT_TRANSLATE_NOOP("Backprop", "scores"),
              "loss": QT_TRANSLATE_NOOP("Backprop", "loss")}

# Forward arithmetic on one-number edges; {0}, {1}: the inputs, {out}: the result.
ARITHMETIC = {
    "add": "{0} + {1} = {out}", "sub": "{0} \u2212 {1} = {out}", "mul": "{0} \u00d7 {1} = {out}",
    "div": "{0} \u00f7 {1} = {out}", "neg": "\u2212({0}) = {out}", "pow": "{0} ** {1} = {out}",
    "max": "max({0}, {1}) = {out}", "min": "min({0}, {1}) = {out}", "copy": "{0} \u2192 {out}",
}

T = {
    "seed": QT_TRANSLATE_NOOP("Backprop", "upstream {upstream}: the output's gradient with respect to "
                                          "itself, where the backward pass starts"),
    "sum_upstream": QT_TRANSLATE_NOOP("Backprop", "upstream = {terms} = {total}: the gradients from its "
                                                  "{count} uses add up"),
    "scalar_step": QT_TRANSLATE_NOOP("Backprop", "to {input}: upstream {upstream} \u00d7 local {local} = "
                                                 "{downstream}"),
    "array_step": QT_TRANSLATE_NOOP("Backprop", "to {input}: upstream {upstream} \u2299 local {local} = "
                                                "downstream {downstream}"),
    "summed_step": QT_TRANSLATE_NOOP("Backprop", "to {input}: upstream {upstream} \u2299 local {local}, "
                                                 "summed to {downstream}"),
    "no_gradient": QT_TRANSLATE_NOOP("Backprop", "to {input}: nothing (a constant takes no gradient)"),
    "jacobian": QT_TRANSLATE_NOOP("Backprop", "input {n_in}, output {n_out} \u2192 upstream {n_out}, "
                                              "local (Jacobian) {n_in}\u00d7{n_out}, downstream {n_in}"),
    "dw": QT_TRANSLATE_NOOP("Backprop", "to {to}: d{w} = upstream \u00b7 {x}\u1d40: {upstream} \u00b7 "
                                        "{xt} = {downstream}"),
    "dx": QT_TRANSLATE_NOOP("Backprop", "to {to}: d{x} = {w}\u1d40 \u00b7 upstream: {wt} \u00b7 "
                                        "{upstream} = {downstream}"),
    "spread": QT_TRANSLATE_NOOP("Backprop", "to {input}: upstream {upstream} copied to every entry "
                                            "\u2192 downstream {downstream}"),
    "spread_mean": QT_TRANSLATE_NOOP("Backprop", "to {input}: upstream {upstream} \u00f7 {count} to every "
                                                 "entry \u2192 downstream {downstream}"),
    "reshaped": QT_TRANSLATE_NOOP("Backprop", "to {input}: upstream {upstream} \u2192 downstream "
                                              "{downstream}"),
    "forward_shapes": QT_TRANSLATE_NOOP("Backprop", "{op}: {inputs} \u2192 {out}"),
    "gate_pattern": QT_TRANSLATE_NOOP("Backprop", "{gate} ({pattern})"),
    "scalar": QT_TRANSLATE_NOOP("Backprop", "scalar"),
}

EXPRESSION_ERRORS = {
    "unexpected_character": QT_TRANSLATE_NOOP("Errors", "unexpected character {found}"),
    "bad_number": QT_TRANSLATE_NOOP("Errors", "{found} is not a number (write 2*x for a product)"),
    "number_too_large": QT_TRANSLATE_NOOP("Errors", "{found} is too large a number"),
    "unexpected_end": QT_TRANSLATE_NOOP("Errors", "the formula stops too early: something is missing at "
                                                  "the end"),
    "expected_operand": QT_TRANSLATE_NOOP("Errors", "expected a number, a variable or ( here, not {found}"),
    "expected_operator": QT_TRANSLATE_NOOP("Errors", "expected an operator (+ - * / **) here, not {found}"),
    "unmatched_close": QT_TRANSLATE_NOOP("Errors", "this ) closes nothing"),
    "missing_close": QT_TRANSLATE_NOOP("Errors", "this ( is never closed"),
    "unknown_function": QT_TRANSLATE_NOOP("Errors", "unknown function {name}; the functions are {choices}"),
    "function_without_call": QT_TRANSLATE_NOOP("Errors", "{name} is a function: write {name}(...)"),
    "argument_count": QT_TRANSLATE_NOOP("Errors", "wrong number of arguments: {name} takes {expected}, "
                                                  "not {count}"),
    "empty": QT_TRANSLATE_NOOP("Errors", "type a formula, for example (x + y) * z"),
    "too_long": QT_TRANSLATE_NOOP("Errors", "the formula is too long: {length} characters, at most {most}"),
    "too_deep": QT_TRANSLATE_NOOP("Errors", "nested too deeply: at most {most} levels"),
    "no_value": QT_TRANSLATE_NOOP("Errors", "{name} has no value: give it one, for example {name}=1"),
    "unused_value": QT_TRANSLATE_NOOP("Errors", "{name} has a value but is not in the formula"),
    "bad_assignment": QT_TRANSLATE_NOOP("Errors", "write values as name=number, separated by commas, "
                                                  "not {found}"),
    "value_twice": QT_TRANSLATE_NOOP("Errors", "{name} is given twice"),
    "log_not_positive": QT_TRANSLATE_NOOP("Errors", "{text} cannot be computed: the log of {value:g} is "
                                                    "undefined (it needs a number above 0)"),
    "division_by_zero": QT_TRANSLATE_NOOP("Errors", "division by zero: {text} is 0"),
    "overflow": QT_TRANSLATE_NOOP("Errors", "{text} is too large to compute (it overflows)"),
    "gradient_overflow": QT_TRANSLATE_NOOP("Errors", "the gradient of {text} is infinite at these values"),
    "variable_exponent": QT_TRANSLATE_NOOP("Errors", "the exponent {text} must be a number; for a ** b "
                                                     "with a variable b, write exp(b * log(a))"),
    "power_not_real": QT_TRANSLATE_NOOP("Errors", "{text} has no real value: {value:g} to a fractional "
                                                  "power"),
}


def _t(key: str) -> str:
    """The template ``T[key]`` in the interface's language."""
    return translated("Backprop", T[key])


def expression_message(error) -> str:
    """One line for an ExpressionError, without its field: the window underlines the place."""
    return message(error, field="", templates=EXPRESSION_ERRORS)


# ------------------------------------------------------------ numbers and names
def number(value: float, style: Style = SCREEN) -> str:
    """-0.19661 -> '−0.197'; 12.0 -> '12'; 1e-05 -> '1e−5' (SCREEN)."""
    text = f"{float(value):.{style.digits}g}"
    if text in ("-0", "0"):
        return "0"
    return text.replace("e+0", "e").replace("e+", "e").replace("e-0", "e-").replace("-", style.minus)


def shape_text(shape: tuple[int, ...]) -> str:
    """(8, 1) -> '8×1'; () -> 'scalar'."""
    return TIMES.join(map(str, shape)) if shape else _t("scalar")


def values_text(array: np.ndarray, style: Style = SCREEN) -> str:
    """One number as a number; an array as its entries in brackets, row by row."""
    array = np.asarray(array)
    if array.size == 1:
        return number(array.item(), style)
    if array.ndim > 1 and array.shape[-1] == 1:
        array = array[..., 0]  # a column: written as a row of its entries
    if array.ndim == 1:
        return "[" + ", ".join(number(v, style) for v in array) + "]"
    return "[" + ", ".join(values_text(row, style) for row in array) + "]"


def quantity(array: np.ndarray, style: Style = SCREEN) -> str:
    """A number if it is one, else the array's shape: what an edge of the graph says."""
    array = np.asarray(array)
    return number(array.item(), style) if array.size == 1 else shape_text(array.shape)


def brief(array: np.ndarray, style: Style = SCREEN, most: int = 3) -> str:
    """A number; the entries of an array of at most ``most``; else the shape: what a step says."""
    array = np.asarray(array)
    return values_text(array, style) if array.size <= most else shape_text(array.shape)


def label(node: TraceNode, style: Style = SCREEN) -> str:
    """What a node is called: its name, its number for a constant, else its source or symbol."""
    if node.name:
        named = NODE_NAMES.get(node.name) if not node.is_leaf else None
        return translated("Backprop", named) if named else node.name
    if node.op == CONST:
        return quantity(node.value, style)
    return node.source or SYMBOLS.get(node.op, node.op)


def pattern(op: str) -> str | None:
    """The gate's backward pattern ('distributes', 'swaps', 'routes', 'adds'), or None."""
    return translated("Backprop", PATTERNS[op]) if op in PATTERNS else None


_SUPERSCRIPT = str.maketrans("0123456789-", "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079"
                                            "\u207b")


def symbol(trace: Trace, node: TraceNode) -> str:
    """What a node's box shows: its op's symbol; x² for a power by a number."""
    if node.op == "pow" and trace.nodes[node.inputs[1]].op == CONST:
        p = float(trace.nodes[node.inputs[1]].value)
        return "x" + (str(int(p)).translate(_SUPERSCRIPT) if p.is_integer() else "^" + number(p))
    return SYMBOLS.get(node.op, node.op)


def gate_name(op: str) -> str:
    """'× mul (swaps)', '+ add (distributes)', 'exp', 'W·x matmul'."""
    symbol = SYMBOLS.get(op, op)
    name = op if symbol == op else f"{symbol} {op}"
    return _t("gate_pattern").format(gate=name, pattern=pattern(op)) if pattern(op) else name


# ------------------------------------------------------------------ the steps
def forward_text(trace: Trace, node_id: int, style: Style = SCREEN) -> str:
    """A forward step: the arithmetic on one-number edges, else the shapes in and out."""
    node = trace.nodes[node_id]
    inputs = [trace.nodes[i] for i in node.inputs]
    out = number(node.value.item(), style) if node.value.size == 1 else shape_text(node.shape)
    if node.value.size == 1 and all(i.value.size == 1 for i in inputs):
        args = [number(i.value.item(), style) for i in inputs]
        template = ARITHMETIC.get(node.op, SYMBOLS.get(node.op, node.op) + "({0}) = {out}")
        return template.format(*args, out=out)
    joiner = f" {DOT} " if node.op == "matmul" else ", "
    return _t("forward_shapes").format(op=SYMBOLS.get(node.op, node.op), out=out,
                                      inputs=joiner.join(shape_text(i.shape) for i in inputs))


def backward_lines(trace: Trace, step: TraceStep, style: Style = SCREEN, name=label) -> list[str]:
    """A backward step in words: where its upstream came from, then one line per input.

    ``name(node, style)`` says how an input is called (the command line adds its id).
    """
    node = trace.nodes[step.node]
    lines = _upstream_lines(trace, node, step, style)
    if node.op == "matmul":
        return lines + _matmul_lines(trace, node, step, style, name)
    upstream = brief(step.upstream, style)
    for slot, parent_id in enumerate(node.inputs):
        parent, sent = trace.nodes[parent_id], step.downstream[slot]
        who = name(parent, style)
        if sent is None:
            lines.append(_t("no_gradient").format(input=who))
        elif step.local is not None:
            local = step.local[slot]
            one_number = step.upstream.size == 1 and sent.size == 1 and np.size(local) == 1
            template = _t("scalar_step") if one_number else (
                _t("array_step") if sent.shape == node.shape else _t("summed_step"))
            lines.append(template.format(input=who, upstream=upstream, local=brief(local, style),
                                         downstream=brief(sent, style)))
        elif node.op in ("sum", "mean"):
            template = _t("spread") if node.op == "sum" else _t("spread_mean")
            lines.append(template.format(input=who, upstream=upstream, downstream=brief(sent, style),
                                         count=parent.value.size // max(node.value.size, 1)))
        else:
            lines.append(_t("reshaped").format(input=who, upstream=upstream, downstream=brief(sent, style)))
    return lines


def _upstream_lines(trace: Trace, node: TraceNode, step: TraceStep, style: Style) -> list[str]:
    """The seed at the output; the sum at a node used more than once (the copy gate adds)."""
    if node.id == trace.output.id:
        return [_t("seed").format(upstream=brief(step.upstream, style))]
    received = trace.received(node.id)
    if len(received) < 2:
        return []
    terms = " + ".join(brief(g, style) for _, g in received)
    return [_t("sum_upstream").format(terms=terms.replace("+ " + style.minus, style.minus + " "),
                                     total=brief(step.upstream, style), count=len(received))]


def _matmul_lines(trace: Trace, node: TraceNode, step: TraceStep, style: Style, name) -> list[str]:
    """out = W x: the lecture's shapes, then dW = upstream x^T and dx = W^T upstream."""
    w, x = (trace.nodes[i] for i in node.inputs)
    dw, dx = step.downstream
    lines = [_t("jacobian").format(n_in=x.value.size, n_out=node.value.size)]
    up = shape_text(step.upstream.shape)
    if dw is not None:
        lines.append(_t("dw").format(to=name(w, style), w=label(w, style), x=label(x, style), upstream=up,
                                    xt=shape_text(x.shape[::-1]), downstream=shape_text(dw.shape)))
    if dx is not None:
        lines.append(_t("dx").format(to=name(x, style), w=label(w, style), x=label(x, style), upstream=up,
                                    wt=shape_text(w.shape[::-1]), downstream=shape_text(dx.shape)))
    return lines

"""``python -m playground backprop``: a computational graph, node by node, on the command line.

    backprop EXPR --at x=-2,y=5,z=-4 [--json]
    backprop --model [KIND] [train options] --point I [--json]

Prints the graph in forward order (each node's id, operation, inputs, value and
gradient), then the backward pass in the order it ran (upstream x local =
downstream), then the gradient of the output with respect to each variable.
``--json`` prints the same as one object. No Qt is imported here.
"""

from __future__ import annotations

import argparse
import json
import math

import numpy as np

from engine.expression import ExpressionError
from engine.expression_graph import trace_formula
from engine.model_graph import point_trace
from engine.trace import CONST, INPUT, Trace, TraceNode
from engine.trainer import Trainer
from playground.backprop_words import PLAIN, backward_lines, expression_message, label, pattern, values_text
from playground.cli import OPTIONS, UsageError, _add_session_options, describe, scenario_from_args, whole
from playground.messages import shown
from playground.model_info import ModelInfo


def add_parser(commands) -> None:
    """Register ``backprop`` among the command line's subcommands."""
    p = commands.add_parser("backprop", help="the computational graph of a formula, or of the model on "
                            "one point, node by node (forward values, backward gradients)")
    p.add_argument("expression", nargs="?", metavar="EXPR", help='a formula, e.g. "(x + y) * z"')
    p.add_argument("--at", default="", metavar="x=-2,y=5", help="the variables' values")
    p.add_argument("--point", type=whole, metavar="I", help="with --model: the point (its index) to follow")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    _add_session_options(p, model_mode=True)
    p.set_defaults(steps=0)


def run(args: argparse.Namespace) -> int:
    model_mode = args.kind is not None
    if model_mode == (args.expression is not None):
        raise UsageError("backprop: give a formula, or --model with --point (see backprop --help)")
    if model_mode:
        trace, heading, about = _model_trace(args)
    else:
        trace, heading, about = _expression_trace(args)
    if args.json:
        print(json.dumps({**about, **as_json(trace, with_shapes=model_mode)}))
    else:
        print(as_text(trace, heading, "L" if model_mode else "f"))
    return 0


def _expression_trace(args: argparse.Namespace) -> tuple[Trace, str, dict]:
    given = [option for name, (_, option) in OPTIONS.items() if getattr(args, name) is not None]
    given += [option for option in ("--point", "--scenario", "--seed")
              if getattr(args, option[2:]) is not None]
    if given or args.steps:
        raise UsageError(f"{(given or ['--steps'])[0]}: only with --model")
    try:
        trace = trace_formula(args.expression, args.at)
    except ExpressionError as error:
        option = "--at" if error.field == "values" else "EXPR"
        where = error.params["start"] + 1
        raise UsageError(f"{option}, character {where}: {expression_message(error)}") from None
    heading = f"f = {args.expression}" + (f"  at {args.at}" if args.at else "")
    return trace, heading, {}


def _model_trace(args: argparse.Namespace) -> tuple[Trace, str, dict]:
    if args.kind == "":  # --model alone: the kind of the scenario or the defaults
        args.kind = None
    if args.point is None:
        raise UsageError("--point: which point? give its index, e.g. --point 0")
    scenario = scenario_from_args(args)
    if not len(scenario.points):
        raise UsageError("--point: the scenario has no points")
    if not 0 <= args.point < len(scenario.points):
        raise UsageError(f"--point: must be between 0 and {len(scenario.points) - 1}, "
                         f"not {shown(args.point)}")
    trainer = Trainer.for_scenario(scenario)
    if args.steps:
        trainer.step(args.steps)
    trace = point_trace(trainer.model, scenario, args.point)
    point_class = int(scenario.labels[args.point])
    x, y = scenario.points[args.point]
    about = {"point": {"index": args.point, "x": float(x), "y": float(y), "class": point_class},
             "step": trainer.steps}
    heading = (f"{describe(scenario, ModelInfo.of(trainer.model))}\npoint {args.point} at ({x:g}, {y:g}), "
               f"class {point_class}; {scenario.settings.training.loss} loss after {trainer.steps} steps")
    return trace, heading, about


# ------------------------------------------------------------------ output
def as_text(trace: Trace, heading: str, output: str) -> str:
    """The forward table, the backward steps, the gradients of the output."""
    lines = [heading, "", "forward pass: id, operation, inputs, value, gradient"]
    for node in trace.nodes:
        inputs = " ".join(f"n{i}" for i in node.inputs)
        what = node.op if node.op not in (INPUT, CONST) else (node.name or node.op)
        shape = "" if node.value.size == 1 else f"({'x'.join(map(str, node.shape))}) "
        grad = "" if node.grad is None else f"  grad {values_text(node.grad, PLAIN)}"
        about = f"  = {node.source or node.name}" if node.inputs and (node.source or node.name) else ""
        lines.append(f"  n{node.id:<3} {what:<8} {inputs:<9} {shape}value {values_text(node.value, PLAIN)}"
                     f"{grad}{about}")
    lines += ["", "backward pass: upstream x local = downstream, in the order the nodes were visited"]
    for step in trace.steps:
        node = trace.nodes[step.node]
        gate = f" ({pattern(node.op)})" if pattern(node.op) else ""
        upstream = "" if step.upstream.size == 1 else f": upstream {values_text(step.upstream, PLAIN)}"
        lines.append(f"  n{node.id} {node.op}{gate}{upstream}")
        lines += [f"    {line}" for line in backward_lines(trace, step, PLAIN, _with_id)]
    if trace.output.grad is not None:
        lines += ["", f"gradients of {output}"]
        lines += [f"  d{output}/d{node.name} = {values_text(node.grad, PLAIN)}" for node in trace.inputs()]
    return "\n".join(lines)


def _with_id(node: TraceNode, style) -> str:
    """'n3 (z)', 'n2 (x + y)'."""
    name = label(node, style)
    return f"n{node.id} {name}" if name.startswith("(") and name.endswith(")") else f"n{node.id} ({name})"


def as_json(trace: Trace, with_shapes: bool) -> dict:
    """{"value", "gradients", "nodes", "steps"}: arrays as nested lists when ``with_shapes``
    (numbers otherwise); a value that is not finite as null."""
    def plain(array):
        if array is None:
            return None
        array = np.asarray(array, dtype=float)
        if not with_shapes or not array.ndim:
            return _finite(array.item())
        listed = array.astype(object)
        listed[~np.isfinite(array)] = None
        return listed.tolist()

    def node_json(node: TraceNode) -> dict:
        item = {"id": node.id, "op": node.op, "name": node.name, "inputs": list(node.inputs)}
        if node.source:
            item["source"] = node.source
        if with_shapes:
            item["shape"] = list(node.shape)
        return {**item, "value": plain(node.value), "grad": plain(node.grad)}

    return {
        "value": plain(trace.output.value),
        "gradients": {node.name: plain(node.grad) for node in trace.inputs()},
        "nodes": [node_json(node) for node in trace.nodes],
        "steps": [{"node": step.node, "upstream": plain(step.upstream),
                   "local": None if step.local is None else [plain(g) for g in step.local],
                   "downstream": [plain(g) for g in step.downstream]} for step in trace.steps],
    }


def _finite(x: float) -> float | None:
    return x if math.isfinite(x) else None

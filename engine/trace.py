"""One computational graph, recorded node by node: what the backprop explorer replays.

``record(root)`` numbers every node that leads to ``root`` in forward order
(the operations depth-first, each after its inputs; each leaf just before the
first operation that reads it: for (x + y) z that is x, y, add, z, mul), then
runs the engine's own backward walk (``Tensor.backward_steps``) and keeps, for
each node it visits, the upstream gradient, the local gradients and the
downstream gradient sent to each input, in visiting order. Nothing here
computes a gradient: the record is what the engine did, copied out so that
later passes cannot change it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np

from engine.tensor import Tensor

INPUT = "input"  # a leaf that receives a gradient: a variable, a weight, the sample's features
CONST = "const"  # a leaf that does not: a number in a formula, a target


@dataclass(frozen=True, eq=False)
class TraceNode:
    """``inputs``: the ids of the nodes it was computed from, in argument order (empty
    for leaves). ``value``; ``grad``: d(output)/d(node), shaped like value, None for a
    constant. ``name``: "x", "W1", "scores" or ""; ``span``: (start, end) of the part
    of a typed formula it computes, ``source`` that text ("" and None otherwise)."""

    id: int
    op: str
    inputs: tuple[int, ...]
    value: np.ndarray
    grad: np.ndarray | None
    name: str = ""
    source: str = ""
    span: tuple[int, int] | None = None

    @property
    def shape(self) -> tuple[int, ...]:
        return self.value.shape

    @property
    def is_leaf(self) -> bool:
        return not self.inputs


@dataclass(frozen=True, eq=False)
class TraceStep:
    """One node of the backward pass: upstream x local = downstream.

    upstream: d(output)/d(node), shaped like the node. local: d(node)/d(input) per
    input for an elementwise node (broadcasting against the node's shape), None for
    matmul, sum, mean, reshape, transpose. downstream: what was sent to each input,
    shaped like it, None where the input takes no gradient.
    """

    node: int
    upstream: np.ndarray
    local: tuple[np.ndarray | None, ...] | None
    downstream: tuple[np.ndarray | None, ...]


@dataclass(frozen=True, eq=False)
class Trace:
    """``nodes[i].id == i``, in forward order, the output last; ``steps`` in the order
    the backward pass visited them (the output first)."""

    nodes: tuple[TraceNode, ...]
    steps: tuple[TraceStep, ...]

    @property
    def output(self) -> TraceNode:
        return self.nodes[-1]

    @cached_property
    def forward_order(self) -> tuple[int, ...]:
        """The operations, in the order the forward pass computes them."""
        return tuple(node.id for node in self.nodes if not node.is_leaf)

    @cached_property
    def uses(self) -> tuple[tuple[tuple[int, int], ...], ...]:
        """For each node, every (consumer id, argument position) that reads it."""
        found: list[list[tuple[int, int]]] = [[] for _ in self.nodes]
        for node in self.nodes:
            for slot, parent in enumerate(node.inputs):
                found[parent].append((node.id, slot))
        return tuple(map(tuple, found))

    @cached_property
    def step_of(self) -> dict[int, TraceStep]:
        return {step.node: step for step in self.steps}

    def sent(self, consumer: int, slot: int) -> np.ndarray | None:
        """The gradient ``consumer`` sent back along its input ``slot`` (None: none)."""
        step = self.step_of.get(consumer)
        return None if step is None else step.downstream[slot]

    def received(self, node: int) -> list[tuple[int, np.ndarray]]:
        """(consumer, gradient) for every use of ``node`` that sent one: their sum is its
        gradient -- the copy gate adds."""
        return [(consumer, grad) for consumer, slot in self.uses[node]
                if (grad := self.sent(consumer, slot)) is not None]

    def inputs(self) -> list[TraceNode]:
        """The leaves that receive a gradient (variables, weights), in forward order."""
        return [node for node in self.nodes if node.op == INPUT]


def record(root: Tensor, spans: dict[Tensor, tuple[int, int]] | None = None, text: str = "") -> Trace:
    """Number the graph of ``root`` and run its backward pass, keeping every step.

    The leaves' gradients are replaced by this pass's. ``spans`` may give the part
    of the formula ``text`` each tensor computes. A root that needs no gradient (a
    formula of numbers alone) gives a trace without steps.
    """
    spans = spans or {}
    order = _forward_order(root)
    ids = {tensor: i for i, tensor in enumerate(order)}
    for tensor in order:
        if not tensor.parents:
            tensor.grad = None
    steps = []
    if root.requires_grad:
        for step in root.backward_steps():
            local = step.local
            steps.append(TraceStep(
                node=ids[step.node],
                upstream=np.array(step.upstream),
                local=None if local is None else tuple(_copied(g) for g in local),
                downstream=tuple(_copied(g) for g in step.downstream),
            ))
    nodes = tuple(
        TraceNode(
            id=i,
            op=tensor.op if tensor.parents else (INPUT if tensor.requires_grad else CONST),
            inputs=tuple(ids[parent] for parent in tensor.parents),
            value=np.array(tensor.data),
            grad=_copied(tensor.grad) if tensor.requires_grad else None,
            name=tensor.name,
            source=text[slice(*spans[tensor])] if tensor in spans else "",
            span=spans.get(tensor),
        )
        for i, tensor in enumerate(order)
    )
    return Trace(nodes, tuple(steps))


def _forward_order(root: Tensor) -> list[Tensor]:
    """The operations in depth-first post-order from ``root`` (without recursion), each
    leaf just before the first operation that reads it."""
    operations: list[Tensor] = []
    seen = {root}
    stack = [(root, iter(root.parents))]
    while stack:
        tensor, parents = stack[-1]
        parent = next(parents, None)
        if parent is None:
            stack.pop()
            operations.append(tensor)
        elif parent not in seen and parent.parents:
            seen.add(parent)
            stack.append((parent, iter(parent.parents)))
    if not root.parents:
        return [root]
    order: list[Tensor] = []
    for tensor in operations:
        for parent in tensor.parents:
            if not parent.parents and parent not in seen:
                seen.add(parent)
                order.append(parent)
        order.append(tensor)
    return order


def _copied(array: np.ndarray | None) -> np.ndarray | None:
    return None if array is None else np.array(array)

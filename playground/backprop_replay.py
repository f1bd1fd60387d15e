"""Stepping through a recorded graph: what is known at each position of the explorer's slider.

Position 0 shows the inputs alone. Positions 1..F are the forward pass, one
operation each (its value appears on its outgoing edges); positions F+1..F+B
are the backward pass in the order the engine visited the nodes (the step's
downstream gradients appear under its incoming edges). The last position
shows every value and every gradient. Pure Python: no Qt.
"""

from __future__ import annotations

from engine.trace import Trace, TraceStep


class Replay:
    def __init__(self, trace: Trace):
        self.trace = trace
        self.n_forward = len(trace.forward_order)
        self.n_backward = len(trace.steps)
        self._computed_at = {node: k + 1 for k, node in enumerate(trace.forward_order)}
        self._visited_at = {step.node: self.n_forward + k + 1 for k, step in enumerate(trace.steps)}

    @property
    def last(self) -> int:
        return self.n_forward + self.n_backward

    def phase(self, position: int) -> str:
        """'start', 'forward' or 'backward'."""
        if position == 0:
            return "start"
        return "forward" if position <= self.n_forward else "backward"

    def index_in_phase(self, position: int) -> int:
        """1 for the first step of its phase (forward or backward), 0 at the start."""
        return position if position <= self.n_forward else position - self.n_forward

    def current(self, position: int) -> int | None:
        """The node computed (forward) or visited (backward) by this position's step."""
        if self.phase(position) == "forward":
            return self.trace.forward_order[position - 1]
        step = self.step(position)
        return None if step is None else step.node

    def step(self, position: int) -> TraceStep | None:
        """The backward step taken at ``position``, if it is one."""
        if self.phase(position) != "backward":
            return None
        return self.trace.steps[position - self.n_forward - 1]

    def value_known(self, position: int, node: int) -> bool:
        return position >= self._computed_at.get(node, 0)

    def gradient_sent(self, position: int, consumer: int) -> bool:
        """Has ``consumer`` sent its downstream gradients back along its inputs?"""
        return consumer in self._visited_at and position >= self._visited_at[consumer]

    def gradient_known(self, position: int, node: int) -> bool:
        """Is the node's gradient complete: has every use of it sent its part back?"""
        if node == self.trace.output.id:
            return self.output_gradient_known(position)
        uses = self.trace.uses[node]
        return bool(uses) and all(self.gradient_sent(position, consumer) for consumer, _ in uses)

    def output_gradient_known(self, position: int) -> bool:
        """The seed d(output)/d(output) = 1: known once the backward pass has begun."""
        return position > self.n_forward and self.trace.output.grad is not None

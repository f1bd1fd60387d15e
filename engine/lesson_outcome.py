"""Check a lesson's stated outcome: train its scenario headless and measure.

``outcome(scenario)`` builds a fresh trainer from the scenario (its seed: the same
run every time), trains ``expect.steps`` steps and measures

    train_loss, train_accuracy, test_loss, test_accuracy   after the last step
    start_gradient_ratio   |dLoss/dW1| / |dLoss/dW_out| in the first step: how much of
                           the output layer's gradient reaches the first layer (vanishing
                           gradients make it tiny); NaN for a model with one layer

and, for a lesson with an explorer example, the example's gradients. Each bound
that does not hold is one ``Miss``; a NaN measure (no test points) never meets a
bound. Data only: the app and the tests make the words.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from engine.expression_graph import LECTURE_EXAMPLES, trace_expression
from engine.lesson import Bound, Expectation
from engine.scenario import Scenario
from engine.step_stats import StepStats
from engine.trainer import Trainer

GRADIENT_TOLERANCE = 1e-9  # relative: the explorer's numbers are exact in float64


@dataclass(frozen=True)
class Miss:
    """``what`` (a measure, or "gradients.x") broke ``bound`` ("at_least", "at_most", "above",
    "below", "equals"): it should be past ``expected`` but is ``found``."""

    what: str
    bound: str
    expected: float
    found: float


@dataclass(frozen=True)
class Outcome:
    measures: dict[str, float]
    gradients: dict[str, float]
    misses: tuple[Miss, ...]

    @property
    def met(self) -> bool:
        return not self.misses


def outcome(scenario: Scenario, expect: Expectation | None = None) -> Outcome:
    """Train ``scenario`` as its lesson says and compare (``expect``: the lesson's by default)."""
    expect = expect or (scenario.lesson.expect if scenario.lesson else None) or Expectation()
    trainer = Trainer.for_scenario(scenario)
    first = trainer.step(1) if expect.steps else trainer.evaluate()
    last = trainer.step(expect.steps - 1) if expect.steps > 1 else first
    measures = _measures(last, first)
    misses = [miss for bound in expect.bounds for miss in _check(bound, measures)]
    gradients = {}
    if expect.gradients:
        gradients = explorer_gradients(scenario.lesson.explorer)
        misses += [Miss(f"gradients.{name}", "equals", value, gradients[name])
                   for name, value in expect.gradients.items()
                   if not math.isclose(gradients[name], value, rel_tol=GRADIENT_TOLERANCE, abs_tol=1e-12)]
    return Outcome(measures, gradients, tuple(misses))


def explorer_gradients(example: str) -> dict[str, float]:
    """d(output)/d(variable) of a lecture example, as the backprop explorer computes them."""
    formula, values = LECTURE_EXAMPLES[example]
    trace = trace_expression(formula, values)
    return {node.name: float(node.grad) for node in trace.inputs()}


def _measures(last: StepStats, first: StepStats) -> dict[str, float]:
    grads = first.grad_norms
    ratio = grads[0] / grads[-1] if len(grads) > 1 and grads[-1] > 0 else math.nan
    return {"train_loss": last.train_loss, "train_accuracy": last.train_accuracy,
            "test_loss": last.test_loss, "test_accuracy": last.test_accuracy,
            "start_gradient_ratio": ratio}


def _check(bound: Bound, measures: dict[str, float]) -> list[Miss]:
    found = measures[bound.measure]
    limits = [("at_least", bound.at_least, lambda a, b: a >= b),
              ("at_most", bound.at_most, lambda a, b: a <= b),
              ("above", _other(bound.above, measures), lambda a, b: a > b),
              ("below", _other(bound.below, measures), lambda a, b: a < b)]
    return [Miss(bound.measure, name, limit, found) for name, limit, holds in limits
            if limit is not None and not holds(found, limit)]  # False with NaN on either side


def _other(measure: str | None, measures: dict[str, float]) -> float | None:
    return None if measure is None else measures[measure]

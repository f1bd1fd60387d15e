"""What a training step reports: ``StepStats`` for the run, ``LayerStats`` per weight layer.

Data for the views and the command line to put into words; the trainer fills them in
(``Trainer.step``, ``Trainer.evaluate``), with the fractions below over a layer's outputs.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class LayerStats:
    """One weight layer y = f(W x + b) as the last step left it. Norms are Frobenius norms.

    Gradients and the update come from the last real step (0 before any; after a
    divergence, the last step that completed). Fractions are NaN where they do not
    apply: ``dead_fraction`` is for ReLU layers, ``saturated_fraction`` for sigmoid
    and tanh layers, both over the training points.
    """

    index: int                    # 1 for W1, b1 (the first layer), ...
    shape: tuple[int, int]        # W: (fan_out, fan_in)
    activation: str               # "linear" for the output layer
    weight_norm: float            # |W|
    bias_norm: float              # |b|
    grad_norm: float              # |dLoss/dW|
    bias_grad_norm: float         # |dLoss/db|
    update_norm: float            # |W after - W before| of the last step, penalty included
    update_ratio: float           # update_norm / weight_norm
    penalty: float                # this layer's part of the penalty
    dead_fraction: float          # units that output 0 for every training point
    saturated_fraction: float     # outputs within 1% of the activation's bounds


@dataclass(frozen=True)
class StepStats:
    """Where training stands. Losses are NaN when a split has no points."""

    step: int
    epoch: float
    train_loss: float
    train_accuracy: float
    test_loss: float
    test_accuracy: float
    penalty: float
    layers: tuple[LayerStats, ...]  # first to last; the output layer is the last
    diverged: bool  # the loss exploded (engine.monitor): training stopped
    unstable: bool = False  # the loss is climbing or swinging: the learning rate is too high
    unstable_step: int | None = None  # the step this run was first seen unstable
    stalled: bool = False  # the loss has not moved for many steps
    exploded_loss: float = math.nan  # after a divergence: the loss that set off the hard stop
    loss_limit: float = math.inf  # the hard stop: a loss above this (relative to the run's start) explodes
    train_points: int = 0  # the points in each split
    test_points: int = 0
    measured_train: int = 0  # the points the figures are measured on: all, or a sample of MEASURED_POINTS
    measured_test: int = 0

    @property
    def sampled(self) -> bool:
        """Whether the figures are measured on a sample of a split rather than on all of it."""
        return self.measured_train < self.train_points or self.measured_test < self.test_points

    @property
    def grad_norms(self) -> tuple[float, ...]:
        """|dLoss/dW| per layer."""
        return tuple(layer.grad_norm for layer in self.layers)

    @property
    def update_ratios(self) -> tuple[float, ...]:
        return tuple(layer.update_ratio for layer in self.layers)

    @property
    def dead_fractions(self) -> tuple[float, ...]:
        return tuple(layer.dead_fraction for layer in self.layers)


def dead_fraction(activation: str, output: np.ndarray) -> float:
    """ReLU: the share of units (rows of output (width, N)) that are 0 for every point; else NaN."""
    if activation != "relu" or not output.shape[1]:
        return math.nan
    return float(1.0 - (output > 0).any(axis=1).mean())


# Outputs this close to an activation's bounds are saturated: the local gradient there is under
# ~2% of its peak. Per activation: the middle of its range and how far from it that begins.
_SATURATED = {"tanh": (0.0, 0.99), "sigmoid": (0.5, 0.49)}


def saturated_fraction(activation: str, output: np.ndarray) -> float:
    """sigmoid/tanh: the share of outputs (width, N) within 1% of the bounds; else NaN."""
    if activation not in _SATURATED or not output.size:
        return math.nan
    middle, reach = _SATURATED[activation]
    distance = np.abs(output - middle) if middle else np.abs(output)
    return np.count_nonzero(distance >= reach) / output.size

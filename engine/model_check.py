"""The gradient check of a whole model: backprop against centred differences, layer by layer.

On a float64 copy of the model and the data given, the loss training uses is
differentiated once by backpropagation (one forward and one backward pass) and
entry by entry numerically (two forward passes per weight). That difference in
cost is the lecture's reason for backpropagation, so the result keeps both
times and the count of forward passes. A big model can be checked on a sample
of its entries, chosen across every layer, within a number or a time budget.
"""

from __future__ import annotations

import itertools
import time
from dataclasses import dataclass

import numpy as np

from engine.gradcheck import GradCheck, centred_difference
from engine.losses import LOSSES
from engine.model_graph import float64_copy
from engine.nn import MLP
from engine.tensor import Tensor


@dataclass(frozen=True)
class LayerCheck:
    """Layer ``index`` (1 for W1 and b1): its worst relative error over ``checked`` of its
    ``entries`` weights and biases, and whether every checked entry passed."""

    index: int
    shape: tuple[int, int]
    max_error: float
    passed: bool
    checked: int
    entries: int


@dataclass(frozen=True)
class ModelCheck:
    """``forward_passes``: what the numerical gradient took (2 per checked entry);
    ``points``: how many points the loss was measured on."""

    layers: tuple[LayerCheck, ...]
    numeric_seconds: float
    analytic_seconds: float
    forward_passes: int
    points: int

    @property
    def passed(self) -> bool:
        return all(layer.passed for layer in self.layers)

    @property
    def max_error(self) -> float:
        return max(layer.max_error for layer in self.layers)

    @property
    def checked(self) -> int:
        return sum(layer.checked for layer in self.layers)

    @property
    def entries(self) -> int:
        return sum(layer.entries for layer in self.layers)


def check_model(model: MLP, x: np.ndarray, target: np.ndarray, loss: str,
                max_entries: int | None = None, seconds: float | None = None, seed: int = 0) -> ModelCheck:
    """Check every parameter's gradient of ``loss`` on x (F, N), target (K, N).

    With ``max_entries`` or ``seconds``, stop after that many entries or that long
    (at least one entry per layer); the entries are visited in a seeded random
    order that takes turns between the parameters, so every layer is sampled.
    """
    if x.shape[1] == 0:
        raise ValueError("no points to check the gradients on")
    network = float64_copy(model)
    params = network.parameters()
    inputs = Tensor(np.asarray(x, dtype=np.float64))

    def forward() -> Tensor:
        return LOSSES[loss](network(inputs), target)

    forward()  # once untimed, so that neither method pays for the first call
    start = time.perf_counter()
    forward().backward()
    analytic = [p.grad.copy() for p in params]
    analytic_seconds = time.perf_counter() - start

    numeric = [np.full(p.data.shape, np.nan) for p in params]
    deadline = None if seconds is None else time.perf_counter() + seconds
    start = time.perf_counter()
    count = 0
    for k, index in _entries_in_turn(params, np.random.default_rng(seed)):
        if count >= len(params) and ((max_entries is not None and count >= max_entries)
                                     or (deadline is not None and time.perf_counter() > deadline)):
            break
        numeric[k][index] = centred_difference(lambda: float(forward().data), params[k].data, index)
        count += 1
    numeric_seconds = time.perf_counter() - start

    layers = []
    for i, layer in enumerate(network.layers):
        pair = slice(2 * i, 2 * i + 2)  # W and b
        done = [~np.isnan(n) for n in numeric[pair]]
        check = GradCheck([n[d] for n, d in zip(numeric[pair], done)],
                          [a[d] for a, d in zip(analytic[pair], done)], 0.0, 0.0)
        layers.append(LayerCheck(i + 1, layer.W.shape, check.max_error, check.passed(),
                                 checked=int(sum(d.sum() for d in done)),
                                 entries=sum(p.data.size for p in params[pair])))
    return ModelCheck(tuple(layers), numeric_seconds, analytic_seconds, forward_passes=2 * count,
                      points=x.shape[1])


def _entries_in_turn(params, rng: np.random.Generator):
    """(parameter number, index) pairs: each parameter's entries in random order, the
    parameters taking turns, until every entry is given."""
    orders = [[np.unravel_index(i, p.data.shape) for i in rng.permutation(p.data.size)] for p in params]
    for turn in itertools.zip_longest(*orders):
        yield from ((k, index) for k, index in enumerate(turn) if index is not None)

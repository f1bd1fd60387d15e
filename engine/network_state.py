"""What the network diagram draws, as arrays: each weight layer's weights, gradients and last
update; every neuron's map over the plane; each neuron's statistics over the training points.

Gradients and updates are the trainer's own, from the last real step's backward pass and
optimizer step (``Trainer.output_gradients``, ``Trainer.last_updates``), never computed again.
The maps come from one forward pass of a grid through every layer. Networks work features x
batch (``engine.nn``); the maps are returned as images, (units, ny, nx), row i at y_min + (i + 0.5) dy.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from engine.features import feature_matrix, grid_points
from engine.step_stats import saturated_fraction


@dataclass(frozen=True)
class LayerArrays:
    """Weight layer l, y = f(W x + b), as the last step left it (read-only copies).

    weight, weight_grad, weight_update: (fan_out, fan_in); bias, bias_grad, bias_update: (fan_out,);
    output_grad: (fan_out,) per neuron, the norm of dLoss/dy over the last step's batch (B,).
    Gradients and updates are zeros before the first step.
    """

    weight: np.ndarray
    bias: np.ndarray
    weight_grad: np.ndarray
    bias_grad: np.ndarray
    weight_update: np.ndarray
    bias_update: np.ndarray
    output_grad: np.ndarray


def layer_arrays(trainer) -> tuple[LayerArrays, ...]:
    """Every weight layer's arrays, first to last, from a ``Trainer``'s last step."""
    updates = trainer.last_updates()
    out_grads = trainer.output_gradients()
    layers = []
    for i, layer in enumerate(trainer.model.layers):
        w, b = layer.W, layer.b
        g = out_grads[i]
        layers.append(LayerArrays(
            weight=_frozen(w.data), bias=_frozen(b.data[:, 0]),
            weight_grad=_frozen(np.zeros(w.shape) if w.grad is None else w.grad),
            bias_grad=_frozen(np.zeros(w.shape[0]) if b.grad is None else b.grad[:, 0]),
            weight_update=_frozen(updates[2 * i]), bias_update=_frozen(updates[2 * i + 1][:, 0]),
            output_grad=_frozen(np.zeros(w.shape[0]) if g is None else np.sqrt((g * g).sum(axis=1))),
        ))
    return tuple(layers)


def neuron_maps(model, features: Sequence[str], bounds: tuple[float, float, float, float],
                resolution: int | tuple[int, int]) -> list[np.ndarray]:
    """Every column of the network over a grid, in one forward pass.

    model: an ``engine.nn.MLP``; features: its input feature names; bounds (x_min, x_max, y_min,
    y_max); resolution n or (nx, ny). Returns [inputs (F, ny, nx), hidden layer 1 (width_1, ny, nx),
    ..., class scores (K, ny, nx)].
    """
    nx, ny = (resolution, resolution) if isinstance(resolution, int) else resolution
    dtype = model.layers[0].W.dtype
    x = feature_matrix(grid_points(bounds, nx, ny), features, dtype)
    with np.errstate(all="ignore"):
        columns = [x, *model.activations(x)]
    return [column.reshape(len(column), ny, nx) for column in columns]


@dataclass(frozen=True)
class NeuronStats:
    """One weight layer's neurons over a set of points; each field is (width,).

    ``dead``: the share of points where a ReLU unit outputs 0; ``saturated``: the share where a
    sigmoid or tanh unit is within 1% of its bounds. NaN where they do not apply, or without points.
    """

    bias: np.ndarray
    pre_min: np.ndarray   # the smallest pre-activation W x + b over the points
    pre_max: np.ndarray
    dead: np.ndarray
    saturated: np.ndarray


def neuron_stats(model, x: np.ndarray) -> tuple[NeuronStats, ...]:
    """Per-neuron statistics of every weight layer for inputs x: (n_inputs, N), first to last."""
    with np.errstate(all="ignore"):
        outputs = model.activations(x)
        inputs = [x.astype(model.layers[0].W.dtype), *outputs[:-1]]
        return tuple(_layer_neurons(layer, h_in, h_out)
                     for layer, h_in, h_out in zip(model.layers, inputs, outputs))


def _layer_neurons(layer, h_in: np.ndarray, h_out: np.ndarray) -> NeuronStats:
    """h_in (fan_in, N) -> h_out (fan_out, N) through ``layer`` (an ``engine.nn.Dense``)."""
    width, n = h_out.shape
    none = np.full(width, np.nan)
    name = layer.activation.name
    if n == 0:
        return NeuronStats(layer.b.data[:, 0].copy(), none, none, none, none)
    pre = layer.W.data @ h_in + layer.b.data
    dead = (h_out <= 0).mean(axis=1) if name == "relu" else none
    saturated = np.array([saturated_fraction(name, row[None]) for row in h_out])
    return NeuronStats(layer.b.data[:, 0].copy(), pre.min(axis=1), pre.max(axis=1), dead, saturated)


def _frozen(a: np.ndarray) -> np.ndarray:
    a = np.array(a, dtype=np.float64)
    a.flags.writeable = False
    return a

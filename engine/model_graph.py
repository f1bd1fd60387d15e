"""One sample through the model, gate by gate: the graph the explorer shows in model mode.

``sample_trace`` copies the weights into a float64 network -- exploring never
touches the model being trained -- feeds it one sample x (F, 1) on the
primitive path (matmul, bias add and activation per layer, then the loss built
from its gates) and records the graph. Nodes are named for what they hold:
x, W1, b1, z1 = W1 x + b1, h1 = f(z1), ..., scores, y (the one-hot target), loss.
"""

from __future__ import annotations

import numpy as np

from engine.features import feature_matrix
from engine.losses import PRIMITIVE_LOSSES, one_hot
from engine.nn import MLP
from engine.tensor import Tensor
from engine.trace import Trace, record


def float64_copy(model: MLP) -> MLP:
    """The same network with its weights copied into float64 arrays of its own."""
    copy = MLP(model.sizes[0], model.sizes[1:-1], model.sizes[-1], model.activation, dtype=np.float64)
    np.copyto(copy.parameter_vector, model.parameter_vector)  # (its parameters are views of it)
    return copy


def sample_trace(model: MLP, features: np.ndarray, label: int, loss: str) -> Trace:
    """The recorded graph of ``loss`` for one sample.  features: (F,), label: its class.

    The input x takes a gradient too, so every matrix multiply shows both
    dW = upstream x^T and dx = W^T upstream.
    """
    network = float64_copy(model)
    x = Tensor(np.asarray(features, dtype=np.float64).reshape(-1, 1), requires_grad=True, name="x")
    h = x
    for i, layer in enumerate(network.layers, 1):
        h = layer(h, fused=False)
        if h.op != "add":  # an activation: its input is the pre-activation
            h.parents[0].name = f"z{i}"
        h.name = f"h{i}"
    h.name = "scores"
    target = Tensor(one_hot([label], model.sizes[-1]), name="y")
    out = PRIMITIVE_LOSSES[loss](h, target)
    out.name = "loss"
    return record(out)


def point_trace(model: MLP, scenario, index: int) -> Trace:
    """``sample_trace`` for point ``index`` of a ``Scenario``: its features, its class, its loss."""
    features = feature_matrix(scenario.points[index:index + 1], scenario.settings.model.features)
    return sample_trace(model, features[:, 0], int(scenario.labels[index]), scenario.settings.training.loss)

"""Activation functions, each with its local gradient written from its output.

Writing f'(z) in terms of y = f(z) means the backward pass needs only the
output, so a layer can compute y in place over z:

    tanh'    = 1 - y^2          sigmoid' = y (1 - y)
    relu'    = [y > 0]          leaky_relu' = 1 if y > 0 else 0.01
    linear'  = 1 (the identity: a network of these stays linear)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

import numpy as np

LEAKY_SLOPE = 0.01


def _tanh(z, out=None):
    return np.tanh(z, out=out)


def _sigmoid(z, out=None):
    # 1 / (1 + e^-z) = (1 + tanh(z / 2)) / 2, which never overflows.
    y = np.multiply(z, 0.5, out=np.empty_like(z) if out is None else out)
    np.tanh(y, out=y)
    y *= 0.5
    y += 0.5
    return y


def _relu(z, out=None):
    return np.maximum(z, 0, out=out)


def _leaky_relu(z, out=None):
    y = z.copy() if out is None else out
    np.multiply(y, LEAKY_SLOPE, out=y, where=y < 0)
    return y


def _identity(z, out=None):
    return z


def _leaky_relu_gradient(y):
    slope = (y > 0).astype(y.dtype)
    slope *= 1 - LEAKY_SLOPE
    slope += LEAKY_SLOPE
    return slope


# downstream(g, y) = g * f'(y) for arrays (not 0-d), the backward pass of a fused layer's
# activation: one new array where the formula makes two or three (it runs for every hidden
# layer of every training step).

def _tanh_downstream(g, y):
    dz = np.multiply(y, y)
    np.subtract(1, dz, out=dz)
    dz *= g
    return dz


def _sigmoid_downstream(g, y):
    dz = np.subtract(1, y)
    dz *= y
    dz *= g
    return dz


def _relu_downstream(g, y):
    return g * (y > 0)


def _leaky_relu_downstream(g, y):
    dz = _leaky_relu_gradient(y)
    dz *= g
    return dz


@dataclass(frozen=True)
class Activation:
    """forward(z, out=None) -> y (``out=z`` computes in place); local_gradient(y) -> dy/dz, or None
    for 1; downstream(g, y) -> g * dy/dz, the gradient passed back (None: g itself)."""

    name: str
    forward: Callable[..., np.ndarray]
    local_gradient: Callable[[np.ndarray], np.ndarray] | None
    downstream: Callable[[np.ndarray, np.ndarray], np.ndarray] | None

    @cached_property
    def dense_op(self) -> str:
        """The op name of a fused layer ending in this activation."""
        return "affine" if self.name == "linear" else f"affine+{self.name}"


ACTIVATIONS: dict[str, Activation] = {
    "relu": Activation("relu", _relu, lambda y: y > 0, _relu_downstream),
    "tanh": Activation("tanh", _tanh, lambda y: 1 - y * y, _tanh_downstream),
    "sigmoid": Activation("sigmoid", _sigmoid, lambda y: y * (1 - y), _sigmoid_downstream),
    "leaky_relu": Activation("leaky_relu", _leaky_relu, _leaky_relu_gradient, _leaky_relu_downstream),
    "linear": Activation("linear", _identity, None, None),
}

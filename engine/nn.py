"""Layers and the multilayer perceptron, laid out features x batch.

A batch of N points with D features is a (D, N) array: every bias add and every
reduction then runs along the long batch axis, which is what keeps these tiny
networks fast in NumPy. A linear classifier is an MLP with no hidden layer.

Two paths build the same model: the fused one (one ``dense`` node per layer,
what training runs) and the primitive one (``fused=False``: matmul, bias add
and the activation as separate gates, what the backprop explorer shows). The
tests hold them equal in value and gradient.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from engine.activations import ACTIVATIONS, Activation
from engine.tensor import Tensor, make_node, no_grad

# Initial weight scale per activation: He for the rectifiers, Xavier (Glorot) otherwise.
_GAIN = {"relu": 2.0, "leaky_relu": 2.0, "tanh": 1.0, "sigmoid": 1.0, "linear": 1.0}

MAX_HIDDEN_LAYERS = 6
MAX_WIDTH = 64


class Module:
    """Something with parameters: ``parameters()``, ``zero_grad()``."""

    def parameters(self) -> list[Tensor]:
        raise NotImplementedError

    def zero_grad(self) -> None:
        for p in self.parameters():
            p.grad = None

    def parameter_count(self) -> int:
        return sum(p.data.size for p in self.parameters())


def dense(w: Tensor, x: Tensor, b: Tensor, activation: Activation = ACTIVATIONS["linear"]) -> Tensor:
    """One fused node for f(w @ x + b).  w: (M, D), x: (D, N), b: (M, 1) -> (M, N).

    The same math as ``(w @ x + b).tanh()`` built from primitives (the tests
    hold them equal), fused because it is the hot path of every training step:
    one node instead of three, and f computed in place.
    """
    out = w.data @ x.data
    out += b.data
    activation.forward(out, out)
    downstream = activation.downstream

    def backward(g):
        dz = g if downstream is None else downstream(g, out)
        return (
            dz @ x.data.T if w.requires_grad else None,
            w.data.T @ dz if x.requires_grad else None,
            dz.sum(axis=1, keepdims=True) if b.requires_grad else None,
        )

    return make_node(out, (w, x, b), activation.dense_op, backward)


class Dense(Module):
    """y = f(W @ x + b).  x: (fan_in, N) -> y: (fan_out, N); W: (fan_out, fan_in), b: (fan_out, 1)."""

    def __init__(self, fan_in: int, fan_out: int, rng: np.random.Generator, activation: str = "linear",
                 dtype=np.float64, index: int = 1):
        scale = np.sqrt(_GAIN[activation] / fan_in)
        self.activation = ACTIVATIONS[activation]
        self.W = Tensor(rng.standard_normal((fan_out, fan_in)) * scale, requires_grad=True,
                        dtype=dtype, name=f"W{index}")
        self.b = Tensor(np.zeros((fan_out, 1)), requires_grad=True, dtype=dtype, name=f"b{index}")

    def __call__(self, x: Tensor, fused: bool = True) -> Tensor:
        if fused:
            return dense(self.W, x, self.b, self.activation)
        z = self.W @ x + self.b
        return z if self.activation.local_gradient is None else z.activate(self.activation.name)

    def parameters(self) -> list[Tensor]:
        return [self.W, self.b]

    def __repr__(self) -> str:
        fan_out, fan_in = self.W.shape
        return f"Dense({fan_in} -> {fan_out}, {self.activation.name})"


class MLP(Module):
    """Scores = L_k(act(... act(L_1(x)))).  x: (n_inputs, N) -> scores: (n_outputs, N).

    ``hidden`` lists the hidden widths (0-6 layers of 1-64 neurons); with no
    hidden layer this is the linear classifier s = W x + b. The same seed gives
    the same initial weights. Every parameter's ``data`` is a view into one
    vector, ``parameter_vector`` (P,): a copy of all of them is one copy.
    """

    def __init__(self, n_inputs: int, hidden: Sequence[int], n_outputs: int,
                 activation: str = "tanh", seed: int = 0, dtype=np.float64):
        if activation not in ACTIVATIONS:
            raise ValueError(f"unknown activation {activation!r}; choose from {', '.join(ACTIVATIONS)}")
        if len(hidden) > MAX_HIDDEN_LAYERS or any(not 1 <= w <= MAX_WIDTH for w in hidden):
            raise ValueError(f"hidden layers: at most {MAX_HIDDEN_LAYERS}, each 1-{MAX_WIDTH} neurons")
        self.sizes = [n_inputs, *hidden, n_outputs]
        self.activation = activation
        rng = np.random.default_rng(seed)
        self.layers = [
            Dense(fan_in, fan_out, rng, activation if i < len(hidden) else "linear", dtype, index=i + 1)
            for i, (fan_in, fan_out) in enumerate(zip(self.sizes[:-1], self.sizes[1:]))
        ]
        parameters = self.parameters()
        self.parameter_vector = np.concatenate([p.data.ravel() for p in parameters])
        # Where each parameter starts in that vector, and where the last ends: (len(parameters) + 1,)
        self.parameter_offsets = np.cumsum([0, *(p.data.size for p in parameters)])
        for p, view in zip(parameters, self.split(self.parameter_vector)):
            p.data = view

    def split(self, vector: np.ndarray) -> list[np.ndarray]:
        """Views of a (P,) vector laid out like ``parameter_vector``, shaped [W1, b1, W2, ...]."""
        bounds = self.parameter_offsets
        return [vector[a:b].reshape(p.data.shape) for a, b, p in zip(bounds, bounds[1:], self.parameters())]

    def __call__(self, x: Tensor, fused: bool = True) -> Tensor:
        """Class scores (n_outputs, N); ``fused=False`` builds the graph gate by gate."""
        for layer in self.layers:
            x = layer(x, fused)
        return x

    def parameters(self) -> list[Tensor]:
        return [p for layer in self.layers for p in layer.parameters()]

    def weights(self) -> list[Tensor]:
        """The weight matrices alone: what L1/L2 penalties act on."""
        return [layer.W for layer in self.layers]

    def activations(self, x: np.ndarray) -> list[np.ndarray]:
        """Every layer's output for inputs x: (n_inputs, N), without a graph.

        Returns [h_1, ..., h_L, scores]: hidden activations (width, N), then (n_outputs, N).
        """
        outputs = []
        with no_grad():
            h = Tensor(x, dtype=self.layers[0].W.dtype)
            for layer in self.layers:
                h = layer(h)
                outputs.append(h.data)
        return outputs

    def collapsed(self) -> tuple[np.ndarray, np.ndarray]:
        """The single affine map (W, b) a network of linear activations equals.

        W2 (W1 x + b1) + b2 = (W2 W1) x + (W2 b1 + b2): still linear.
        W: (n_outputs, n_inputs), b: (n_outputs, 1).
        """
        if self.activation != "linear":
            raise ValueError("only a network with linear activations collapses to one matrix")
        w = np.eye(self.sizes[0])
        b = np.zeros((self.sizes[0], 1))
        for layer in self.layers:
            w = layer.W.data @ w
            b = layer.W.data @ b + layer.b.data
        return w, b

    def __repr__(self) -> str:
        return f"MLP({', '.join(map(repr, self.layers))}, activation={self.activation!r})"

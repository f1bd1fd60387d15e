"""Optimizers and weight penalties.

Every optimizer has one interface: ``step()`` moves each parameter against its
``.grad`` (plus the penalty's gradient for weight matrices), ``learning_rate``
may change between steps without losing state, and ``state()`` exposes the
running averages for inspection.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from engine.tensor import Tensor


class Penalty:
    """Regularisation l1 * sum|W| + l2 * sum W^2 over the weight matrices (not biases)."""

    def __init__(self, l1: float = 0.0, l2: float = 0.0):
        self.l1 = float(l1)
        self.l2 = float(l2)

    def __bool__(self) -> bool:
        return bool(self.l1 or self.l2)

    def value(self, weights: Sequence[Tensor]) -> float:
        total = 0.0
        for w in weights:
            if self.l1:
                total += self.l1 * float(np.abs(w.data).sum())
            if self.l2:
                total += self.l2 * float((w.data * w.data).sum())
        return total

    def gradient(self, w: np.ndarray) -> np.ndarray:
        """d(penalty)/dW for one weight matrix, shaped like w."""
        return self.l1 * np.sign(w) + (2 * self.l2) * w


class Optimizer:
    """Base: holds the parameters, which of them are penalised, and the learning rate."""

    name = "optimizer"

    def __init__(self, params: Sequence[Tensor], learning_rate: float,
                 penalty: Penalty | None = None, penalised: Sequence[Tensor] = ()):
        self.params = list(params)
        self.learning_rate = float(learning_rate)
        self.penalty = penalty or Penalty()
        ids = {id(p) for p in penalised}
        self._penalised = [id(p) in ids for p in self.params]

    def _gradients(self) -> list[tuple[int, Tensor, np.ndarray]]:
        """(index, param, gradient incl. penalty) for every parameter that has a gradient."""
        out = [(i, p, p.grad) for i, p in enumerate(self.params) if p.grad is not None]
        if self.penalty:
            penalty = self.penalty
            out = [(i, p, g + penalty.gradient(p.data).astype(g.dtype, copy=False)
                    if self._penalised[i] else g) for i, p, g in out]
        return out

    def step(self) -> None:
        raise NotImplementedError

    def state(self) -> dict:
        return {}

    def __repr__(self) -> str:
        return f"{type(self).__name__}(learning_rate={self.learning_rate:g})"


class SGD(Optimizer):
    """p <- p - lr * g, or with momentum mu: v <- mu v - lr g; p <- p + v."""

    name = "sgd"

    def __init__(self, params, learning_rate, momentum: float = 0.0, **kwargs):
        super().__init__(params, learning_rate, **kwargs)
        self.momentum = float(momentum)
        self.velocity = [np.zeros_like(p.data) for p in self.params] if self.momentum else []

    def step(self) -> None:
        lr = self.learning_rate
        if not self.momentum:
            for _, p, g in self._gradients():
                p.data -= lr * g
            return
        mu = self.momentum
        for i, p, g in self._gradients():
            v = self.velocity[i]
            v *= mu
            v -= lr * g
            p.data += v

    def state(self) -> dict:
        return {"velocity": self.velocity} if self.momentum else {}


class Adam(Optimizer):
    """Adam (Kingma & Ba): bias-corrected running means of g and g^2."""

    name = "adam"

    def __init__(self, params, learning_rate, beta1: float = 0.9, beta2: float = 0.999,
                 eps: float = 1e-8, **kwargs):
        super().__init__(params, learning_rate, **kwargs)
        self.beta1, self.beta2, self.eps = beta1, beta2, eps
        self.t = 0
        self.m = [np.zeros_like(p.data) for p in self.params]
        self.v = [np.zeros_like(p.data) for p in self.params]

    def step(self) -> None:
        self.t += 1
        b1, b2 = self.beta1, self.beta2
        # Both bias corrections folded into the step size and eps (exactly equivalent).
        root = float(np.sqrt(1 - b2**self.t))
        lr = self.learning_rate * root / (1 - b1**self.t)
        eps = self.eps * root
        for i, p, g in self._gradients():
            m, v = self.m[i], self.v[i]
            m *= b1
            m += (1 - b1) * g
            v *= b2
            v += (1 - b2) * (g * g)
            p.data -= lr * m / (np.sqrt(v) + eps)

    def state(self) -> dict:
        return {"t": self.t, "m": self.m, "v": self.v}


def make_optimizer(name: str, params, learning_rate: float, **kwargs) -> Optimizer:
    """name: 'sgd', 'momentum' (SGD with momentum 0.9) or 'adam'."""
    if name == "sgd":
        return SGD(params, learning_rate, **kwargs)
    if name == "momentum":
        return SGD(params, learning_rate, momentum=0.9, **kwargs)
    if name == "adam":
        return Adam(params, learning_rate, **kwargs)
    raise ValueError(f"unknown optimizer {name!r}; choose from sgd, momentum, adam")


OPTIMIZERS = ("sgd", "momentum", "adam")

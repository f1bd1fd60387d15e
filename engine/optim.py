"""Optimizers and weight penalties.

Every optimizer has one interface: ``step()`` moves each parameter against its
``.grad``, then applies the penalty to the weight matrices; ``learning_rate``
may change between steps without losing state, and ``state()`` exposes the
running averages for inspection.

The penalties act on the weights directly, by their proximal step with step
size = the learning rate, whatever the optimizer (decoupled from Adam's
gradient statistics, as AdamW does for L2): L1 moves every weight towards 0 by
lr * l1 and sets those it would carry past 0 to exactly 0; L2 divides every
weight by 1 + 2 lr l2. For plain SGD that is the gradient step on the penalty,
made exact: weights reach 0 instead of jittering around it.
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

    def proximal(self, w: np.ndarray, step: float) -> None:
        """In place: w <- argmin_v step * (l1 |v| + l2 v^2) + |v - w|^2 / 2, elementwise.

        = sign(w) max(|w| - step l1, 0) / (1 + 2 step l2): soft-thresholding, then shrinking.
        """
        if self.l1:
            magnitude = np.abs(w)
            magnitude -= step * self.l1
            np.maximum(magnitude, 0, out=magnitude)
            np.copysign(magnitude, w, out=w)
        if self.l2:
            w /= 1 + 2 * step * self.l2


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
        """(index, param, gradient) for every parameter that has a gradient."""
        return [(i, p, p.grad) for i, p in enumerate(self.params) if p.grad is not None]

    def step(self) -> None:
        """One update of every parameter that has a gradient, then the penalty's proximal step."""
        self._update()
        if self.penalty:
            for p, penalised in zip(self.params, self._penalised):
                if penalised:
                    self.penalty.proximal(p.data, self.learning_rate)

    def _update(self) -> None:
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

    def _update(self) -> None:
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

    def _update(self) -> None:
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

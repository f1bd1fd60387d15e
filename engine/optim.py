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
from functools import cached_property

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
    """Base: holds the parameters, which of them are penalised, and the learning rate.

    ``vector`` (P,), if given, is the storage the parameters are views of, in order
    (``MLP.parameter_vector``): a step in which every parameter has a gradient then
    moves all of them in one go. The running averages are (P,) vectors too, seen per
    parameter through ``state()``.
    """

    name = "optimizer"
    _state: tuple[np.ndarray, ...] = ()  # the running averages, each a (P,) vector (set by subclasses)
    _state_names: tuple[str, ...] = ()  # their names in saved_state()

    def __init__(self, params: Sequence[Tensor], learning_rate: float,
                 penalty: Penalty | None = None, penalised: Sequence[Tensor] = (),
                 vector: np.ndarray | None = None):
        self.params = list(params)
        self.learning_rate = float(learning_rate)
        self.penalty = penalty or Penalty()
        ids = {id(p) for p in penalised}
        self._penalised = [p for p in self.params if id(p) in ids]
        self._sizes = [p.data.size for p in self.params]
        self._dtype = np.result_type(*(p.data for p in self.params)) if self.params else np.float64
        if vector is not None and not _stored_in(vector, self.params):
            raise ValueError("the parameters are not views of this vector, in order")
        self._vector = vector
        self._gradient = None if vector is None else np.empty_like(vector)

    def _zeros(self) -> np.ndarray:
        """A running average: one (P,) vector of zeros for all the parameters."""
        return np.zeros(sum(self._sizes), self._dtype)

    def _views(self, vector: np.ndarray) -> list[np.ndarray]:
        """(P,) -> one view per parameter, shaped like it."""
        bounds = np.cumsum([0, *self._sizes])
        return [vector[a:b].reshape(p.data.shape) for a, b, p in zip(bounds, bounds[1:], self.params)]

    def step(self) -> None:
        """One update of every parameter that has a gradient, then the penalty's proximal step."""
        self._begin_step()
        gradient = self._gathered_gradient()
        if gradient is not None:
            self._move(self._vector, gradient, *self._state)
        else:
            for p, state in zip(self.params, self._state_per_parameter):
                if p.grad is not None:
                    self._move(p.data, p.grad, *state)
        if self.penalty:
            for p in self._penalised:
                self.penalty.proximal(p.data, self.learning_rate)

    def _gathered_gradient(self) -> np.ndarray | None:
        """Every parameter's gradient in one (P,) vector laid out like ``vector``; None without
        a vector, or when a parameter has no gradient."""
        if self._vector is None:
            return None
        try:
            return np.concatenate([p.grad.ravel() for p in self.params], out=self._gradient)
        except AttributeError:  # a gradient is None
            return None

    def _begin_step(self) -> None:
        """What a step computes once, before moving the parameters."""

    def _move(self, x: np.ndarray, g: np.ndarray, *state: np.ndarray) -> None:
        """In place: parameters x against their gradient g (x's shape), with the running
        averages ``state`` of those parameters (x's shape too)."""
        raise NotImplementedError

    @cached_property
    def _state_per_parameter(self) -> list[tuple[np.ndarray, ...]]:
        """Per parameter: its views of the running averages."""
        views = [self._views(vector) for vector in self._state]
        return [tuple(v[i] for v in views) for i in range(len(self.params))]

    def state(self) -> dict:
        return {}

    def saved_state(self) -> dict[str, np.ndarray]:
        """What a file keeps of the optimizer to go on later as if never stopped: each running
        average as a (P,) vector, in the order of the parameters (copies)."""
        return {name: vector.copy() for name, vector in zip(self._state_names, self._state)}

    def load_state(self, saved: dict[str, np.ndarray]) -> None:
        """Go on from ``saved_state()``'s arrays; ValueError, with nothing changed, if they are
        not this optimizer's (another kind, or another number of parameters)."""
        vectors = dict(zip(self._state_names, self._state))
        if set(saved) != set(self.saved_state()) or any(
                np.shape(saved[name]) != vector.shape for name, vector in vectors.items()):
            raise ValueError("the optimizer state does not fit this optimizer")
        for name, vector in vectors.items():
            np.copyto(vector, saved[name], casting="unsafe")

    def __repr__(self) -> str:
        return f"{type(self).__name__}(learning_rate={self.learning_rate:g})"


def _stored_in(vector: np.ndarray, params: Sequence[Tensor]) -> bool:
    """Whether the parameters' arrays are consecutive views of ``vector``, in order."""
    offset = vector.__array_interface__["data"][0]
    for p in params:
        data = p.data
        if (data.base is not vector or not data.flags.c_contiguous
                or data.__array_interface__["data"][0] != offset):
            return False
        offset += data.nbytes
    return offset == vector.__array_interface__["data"][0] + vector.nbytes


class SGD(Optimizer):
    """p <- p - lr * g, or with momentum mu: v <- mu v - lr g; p <- p + v."""

    name = "sgd"

    def __init__(self, params, learning_rate, momentum: float = 0.0, **kwargs):
        super().__init__(params, learning_rate, **kwargs)
        self.momentum = float(momentum)
        self._state = (self._zeros(),) if self.momentum else ()
        self._state_names = ("velocity",) if self.momentum else ()

    def _move(self, x, g, velocity=None) -> None:
        if velocity is None:
            x -= self.learning_rate * g
            return
        velocity *= self.momentum
        velocity -= self.learning_rate * g
        x += velocity

    @property
    def velocity(self) -> list[np.ndarray]:
        """Per parameter (with momentum; else empty)."""
        return [v for (v,) in self._state_per_parameter] if self._state else []

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
        self._state = (self._zeros(), self._zeros())
        self._state_names = ("m", "v")

    def _begin_step(self) -> None:
        self.t += 1
        # Both bias corrections folded into the step size and eps (exactly equivalent).
        root = float(np.sqrt(1 - self.beta2**self.t))
        self._step_size = self.learning_rate * root / (1 - self.beta1**self.t)
        self._step_eps = self.eps * root

    def _move(self, x, g, m, v) -> None:
        b1, b2 = self.beta1, self.beta2
        m *= b1
        m += (1 - b1) * g
        v *= b2
        v += (1 - b2) * (g * g)
        x -= self._step_size * m / (np.sqrt(v) + self._step_eps)

    @property
    def m(self) -> list[np.ndarray]:
        return [m for m, _ in self._state_per_parameter]

    @property
    def v(self) -> list[np.ndarray]:
        return [v for _, v in self._state_per_parameter]

    def state(self) -> dict:
        return {"t": self.t, "m": self.m, "v": self.v}

    def saved_state(self) -> dict[str, np.ndarray]:
        """The running means, and the step count their bias corrections need."""
        return {**super().saved_state(), "t": np.array(self.t)}

    def load_state(self, saved: dict[str, np.ndarray]) -> None:
        t = saved.get("t")
        if t is None or np.shape(t) != () or not float(t).is_integer() or float(t) < 0:
            raise ValueError("the optimizer state does not fit this optimizer")
        super().load_state(saved)
        self.t = int(t)


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

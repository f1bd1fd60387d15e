"""Numerical gradients by centred differences, compared with backpropagation.

    df/dx_i ~ (f(x + h e_i) - f(x - h e_i)) / 2h

perturbing one entry at a time and restoring it. Relative error per entry is
|a - b| / max(1e-8, |a| + |b|); in float64 with h = 1e-6 a correct backward
gives about 1e-7 or better. Rounding leaves the numerical estimate about 1e-10
off in absolute terms, which dominates the relative error of entries that are
themselves tiny, so an entry also passes when |a - b| <= 1e-9. Slow on purpose:
two forward passes per entry -- which is why backpropagation exists.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from engine.tensor import Tensor


@dataclass(frozen=True)
class GradCheck:
    """max_error: the worst relative error over every checked entry."""

    numeric: list[np.ndarray]
    analytic: list[np.ndarray]
    numeric_seconds: float
    analytic_seconds: float

    @property
    def max_error(self) -> float:
        return max((float(relative_error(a, n).max(initial=0.0))
                    for a, n in zip(self.analytic, self.numeric)), default=0.0)

    def passed(self, tolerance: float = 1e-6, noise: float = 1e-9) -> bool:
        """Every entry within ``tolerance`` relative error, or within ``noise`` absolute."""
        return all(
            np.all((relative_error(a, n) <= tolerance) | (np.abs(a - n) <= noise))
            for a, n in zip(self.analytic, self.numeric)
        )


def relative_error(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return np.abs(a - b) / np.maximum(1e-8, np.abs(a) + np.abs(b))


def numerical_gradient(f: Callable[[], float], x: np.ndarray, h: float = 1e-6) -> np.ndarray:
    """d f() / d x by centred differences; x is perturbed in place and restored."""
    grad = np.zeros_like(x, dtype=np.float64)
    for i in np.ndindex(x.shape):
        grad[i] = centred_difference(f, x, i, h)
    return grad


def centred_difference(f: Callable[[], float], x: np.ndarray, index: tuple, h: float = 1e-6) -> float:
    """d f() / d x[index] ~ (f(x + h e_i) - f(x - h e_i)) / 2h: two forward passes.
    x[index] is perturbed in place and restored."""
    saved = x[index]
    x[index] = saved + h
    plus = f()
    x[index] = saved - h
    minus = f()
    x[index] = saved
    return (plus - minus) / (2 * h)


def check_gradients(f: Callable[[], Tensor], params: Sequence[Tensor], h: float = 1e-6) -> GradCheck:
    """Compare backprop and centred differences for the scalar ``f()`` w.r.t. ``params``.

    ``f`` rebuilds the graph from the params each call. Params' grads are cleared.
    """
    for p in params:
        p.grad = None
    start = time.perf_counter()
    f().backward()
    analytic = [np.zeros_like(p.data) if p.grad is None else p.grad.copy() for p in params]
    analytic_seconds = time.perf_counter() - start

    def value() -> float:
        return float(f().data)

    start = time.perf_counter()
    numeric = [numerical_gradient(value, p.data, h) for p in params]
    numeric_seconds = time.perf_counter() - start
    for p in params:
        p.grad = None
    return GradCheck(numeric, analytic, numeric_seconds, analytic_seconds)

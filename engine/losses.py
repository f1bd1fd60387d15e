"""Losses: one number saying how wrong the class scores are.

Every loss takes scores (K, N) -- K classes, N points, one column per point --
and one-hot targets (K, N) (see ``one_hot``), and returns the mean over the
batch as a scalar Tensor. The loss is chosen separately from the hidden
activations: it judges the output, the activations shape what the network can draw.

``LOSSES`` are the fused nodes training uses; ``PRIMITIVE_LOSSES`` build the
same numbers from the lecture's gates (sub, exp, log, sum, max, mul, mean), so
a sample's graph shows every gate. The tests hold the two equal.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from engine.tensor import Tensor, make_node


def one_hot(y: np.ndarray, n_classes: int, dtype=np.float64) -> np.ndarray:
    """y: (N,) integer labels -> (K, N) with a 1 in row y[i] of column i."""
    y = np.asarray(y, dtype=np.intp)
    out = np.zeros((n_classes, len(y)), dtype=dtype)
    out[y, np.arange(len(y))] = 1
    return out


def softmax(scores: np.ndarray) -> np.ndarray:
    """Class probabilities per column.  scores: (K, N) -> (K, N), columns sum to 1."""
    shifted = scores - scores.max(axis=0)
    np.exp(shifted, out=shifted)
    shifted /= shifted.sum(axis=0)
    return shifted


def cross_entropy(scores: Tensor, target: np.ndarray) -> Tensor:
    """Softmax cross-entropy, -mean_i log p[y_i].  scores, target: (K, N) -> scalar.

    Fused (softmax + log + pick in one node): its gradient is simply
    (p - target) / N, and the separate pieces would overflow in exp.
    """
    s = scores.data
    n = s.shape[1]
    shifted = s - s.max(axis=0)
    exp = np.exp(shifted)
    norm = exp.sum(axis=0)
    # log p[y] = shifted[y] - log(norm), summed over the batch.
    loss = (np.log(norm).sum() - np.vdot(shifted, target)) / n

    def backward(g):
        dscores = exp / norm
        dscores -= target
        dscores *= float(g) / n
        return (dscores,)

    return make_node(loss, (scores,), "cross_entropy", backward)


def hinge(scores: Tensor, target: np.ndarray, margin: float = 1.0) -> Tensor:
    """Multiclass SVM loss, mean_i sum_{j != y_i} max(0, s_j - s_y + margin).

    scores, target: (K, N) -> scalar.
    """
    s = scores.data
    n = s.shape[1]
    correct = (s * target).sum(axis=0)
    margins = s - correct + margin
    margins *= 1 - target  # the correct class does not compete with itself
    active = margins > 0
    loss = margins[active].sum() / n

    def backward(g):
        dscores = active.astype(s.dtype)
        dscores -= target * dscores.sum(axis=0)
        dscores *= float(g) / n
        return (dscores,)

    return make_node(loss, (scores,), "hinge", backward)


def squared_error(scores: Tensor, target: np.ndarray) -> Tensor:
    """mean_i sum_k (s_ki - target_ki)^2.  scores, target: (K, N) -> scalar.

    Built from primitive ops: its graph shows sub, pow, sum and mul.
    """
    return ((scores - target) ** 2).sum(axis=0).mean()


def cross_entropy_gates(scores: Tensor, target: np.ndarray) -> Tensor:
    """Softmax cross-entropy from primitives, with a numerically stable log-softmax.

    log p = (s - max s) - log sum exp(s - max s); the shift is a constant (it
    cancels in p), so no gradient flows through the max.  -> scalar
    """
    shifted = scores - scores.data.max(axis=0)
    log_p = shifted - shifted.exp().sum(axis=0).log()
    return -(log_p * target).sum(axis=0).mean()


def hinge_gates(scores: Tensor, target: np.ndarray, margin: float = 1.0) -> Tensor:
    """Multiclass SVM loss from primitives: max(0, s_j - s_y + margin) off the correct class."""
    correct = (scores * target).sum(axis=0)
    return ((scores - correct + margin).maximum(0.0) * (1 - target)).sum(axis=0).mean()


Loss = Callable[[Tensor, np.ndarray], Tensor]

LOSSES: dict[str, Loss] = {
    "cross_entropy": cross_entropy,
    "hinge": hinge,
    "mse": squared_error,
}

PRIMITIVE_LOSSES: dict[str, Loss] = {
    "cross_entropy": cross_entropy_gates,
    "hinge": hinge_gates,
    "mse": squared_error,
}

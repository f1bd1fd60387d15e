"""Tensor: a NumPy array that remembers how it was made, for reverse-mode autodiff.

Every operation builds its output node and, right beside the forward math, a
closure that turns the upstream gradient (dLoss/dout, shaped like the output)
into one downstream gradient per parent (dLoss/dparent, shaped like that parent):

    downstream = upstream x local

``backward()`` walks the graph once in reverse topological order and adds each
downstream gradient into its parent (``+=``), so a tensor used twice receives
the sum of both paths -- the lecture's "copy gate adds".

    >>> x = Tensor(-2.0, requires_grad=True)
    >>> y = Tensor(5.0, requires_grad=True)
    >>> z = Tensor(-4.0, requires_grad=True)
    >>> f = (x + y) * z
    >>> f.backward()
    >>> float(x.grad), float(y.grad), float(z.grad)
    (-4.0, -4.0, 3.0)
"""

from __future__ import annotations

import contextlib
import itertools
import operator
from collections.abc import Callable, Iterator

import numpy as np

from engine.activations import ACTIVATIONS

Backward = Callable[[np.ndarray], tuple]


class _GradMode:
    enabled = True


@contextlib.contextmanager
def no_grad() -> Iterator[None]:
    """Inside this block operations compute values only and record no graph."""
    previous = _GradMode.enabled
    _GradMode.enabled = False
    try:
        yield
    finally:
        _GradMode.enabled = previous


def is_grad_enabled() -> bool:
    return _GradMode.enabled


class Tensor:
    """An n-dimensional float array with an optional gradient.

    data: ndarray (float64 unless ``dtype`` says otherwise; an ndarray of that
    dtype is used without a copy). grad: ndarray shaped like ``data``, or None
    until a backward pass reaches it. ``op`` and ``parents`` describe the node
    that produced this tensor ("" and () for a leaf).
    """

    __slots__ = ("data", "grad", "requires_grad", "op", "parents", "_backward", "_index", "name")
    __array_ufunc__ = None  # ndarray <op> Tensor defers to Tensor's reflected operators

    def __init__(self, data, requires_grad: bool = False, *, dtype=np.float64, name: str = ""):
        self.data = np.asarray(data, dtype=dtype)
        self.grad: np.ndarray | None = None
        self.requires_grad = bool(requires_grad)
        self.op = ""
        self.parents: tuple[Tensor, ...] = ()
        self._backward: Backward | None = None
        self._index = 0
        self.name = name

    # ----------------------------------------------------------------- basics
    @property
    def shape(self) -> tuple[int, ...]:
        return self.data.shape

    @property
    def ndim(self) -> int:
        return self.data.ndim

    @property
    def dtype(self) -> np.dtype:
        return self.data.dtype

    def item(self) -> float:
        return float(self.data)

    def __len__(self) -> int:
        return len(self.data)

    def __repr__(self) -> str:
        label = f", name={self.name!r}" if self.name else ""
        origin = f", op={self.op!r}" if self.op else ""
        grad = "" if self.grad is None else f", grad={np.array2string(self.grad, precision=4)}"
        return f"Tensor({np.array2string(self.data, precision=4)}{label}{origin}{grad})"

    def zero_grad(self) -> None:
        self.grad = None

    def _lift(self, other) -> Tensor:
        """Wrap a number or array as a constant in this tensor's dtype."""
        if isinstance(other, Tensor):
            return other
        return Tensor(other, dtype=self.data.dtype)

    # --------------------------------------------------------------- backward
    def backward(self) -> None:
        """Backpropagate from this one-element tensor, seeding d(self)/d(self) = 1.

        Leaves accumulate into ``.grad`` across calls; intermediate nodes hold
        the gradient of this pass only.
        """
        if self.data.size != 1:
            raise ValueError(
                f"backward() needs a one-element output, but this tensor has shape "
                f"{self.data.shape}; reduce it first, e.g. with .sum() or .mean()"
            )
        if not self.requires_grad:
            raise RuntimeError(
                "backward(): nothing in this graph requires a gradient; create the "
                "inputs with Tensor(..., requires_grad=True)"
            )
        seed = _ones(self.data)
        if self._backward is None:  # a leaf on its own: d self / d self = 1
            self.grad = seed if self.grad is None else self.grad + seed
            return
        order = self.topological_order()
        for node in order:
            node.grad = None
        self.grad = seed
        for node in reversed(order):
            for parent, grad in zip(node.parents, node._backward(node.grad)):
                if grad is None:
                    continue
                if grad.shape != parent.data.shape:
                    raise RuntimeError(
                        f"the {node.op!r} node sent a gradient of shape {grad.shape} to a "
                        f"tensor of shape {parent.data.shape}: every edge must have the "
                        "same shape forward and backward"
                    )
                # Never add in place: one gradient array may be shared by several parents.
                parent.grad = grad if parent.grad is None else parent.grad + grad

    def topological_order(self) -> list[Tensor]:
        """The op nodes that lead to self, each after all the nodes it was built from."""
        nodes = [self]
        seen = {self}
        for node in nodes:  # the list grows while we walk it: breadth-first
            for parent in node.parents:
                if parent._backward is not None and parent not in seen:
                    seen.add(parent)
                    nodes.append(parent)
        # A node is always created after its parents: creation order is topological.
        nodes.sort(key=_creation_index)
        return nodes

    # ------------------------------------------------------------ arithmetic
    def __add__(self, other) -> Tensor:
        a, b = self, self._lift(other)

        def backward(g):
            return (
                _unbroadcast(g, a.data.shape) if a.requires_grad else None,
                _unbroadcast(g, b.data.shape) if b.requires_grad else None,
            )

        return _node(a.data + b.data, (a, b), "add", backward)

    def __mul__(self, other) -> Tensor:
        a, b = self, self._lift(other)

        def backward(g):
            return (
                _unbroadcast(g * b.data, a.data.shape) if a.requires_grad else None,
                _unbroadcast(g * a.data, b.data.shape) if b.requires_grad else None,
            )

        return _node(a.data * b.data, (a, b), "mul", backward)

    def __neg__(self) -> Tensor:
        return _node(-self.data, (self,), "neg", lambda g: (-g,))

    def __pow__(self, exponent: float) -> Tensor:
        if isinstance(exponent, Tensor):
            raise TypeError("Tensor ** Tensor is not supported; the exponent must be a number")
        a, p = self, float(exponent)

        def backward(g):
            return (g * (p * a.data ** (p - 1)),)

        return _node(a.data**p, (a,), f"pow{p:g}", backward)

    def __matmul__(self, other) -> Tensor:
        a, b = self, self._lift(other)

        def backward(g):
            return _matmul_grads(g, a.data, b.data, a.requires_grad, b.requires_grad)

        return _node(a.data @ b.data, (a, b), "matmul", backward)

    def __sub__(self, other) -> Tensor:
        return self + (-self._lift(other))

    def __truediv__(self, other) -> Tensor:
        if isinstance(other, Tensor):
            return self * other**-1
        return self * (1.0 / np.asarray(other, dtype=self.data.dtype))

    def __radd__(self, other) -> Tensor:
        return self._lift(other) + self

    def __rsub__(self, other) -> Tensor:
        return self._lift(other) - self

    def __rmul__(self, other) -> Tensor:
        return self._lift(other) * self

    def __rtruediv__(self, other) -> Tensor:
        return self._lift(other) * self**-1

    def __rmatmul__(self, other) -> Tensor:
        return self._lift(other) @ self

    # --------------------------------------------------------- elementwise
    def exp(self) -> Tensor:
        a = self
        out = np.exp(a.data)
        return _node(out, (a,), "exp", lambda g: (g * out,))

    def log(self) -> Tensor:
        a = self
        return _node(np.log(a.data), (a,), "log", lambda g: (g / a.data,))

    def tanh(self) -> Tensor:
        return self._activate("tanh")

    def sigmoid(self) -> Tensor:
        return self._activate("sigmoid")

    def relu(self) -> Tensor:
        return self._activate("relu")

    def leaky_relu(self) -> Tensor:
        """max(x, 0.01 x)."""
        return self._activate("leaky_relu")

    def _activate(self, name: str) -> Tensor:
        activation = ACTIVATIONS[name]
        out = activation.forward(self.data)
        if activation.local_gradient is None:
            return _node(out, (self,), name, lambda g: (g,))
        return _node(out, (self,), name, lambda g: (g * activation.local_gradient(out),))

    def maximum(self, other) -> Tensor:
        """Elementwise max: the max gate routes the gradient to the larger input (ties: self)."""
        a, b = self, self._lift(other)
        a_wins = a.data >= b.data

        def backward(g):
            return (
                _unbroadcast(g * a_wins, a.data.shape) if a.requires_grad else None,
                _unbroadcast(g * ~a_wins, b.data.shape) if b.requires_grad else None,
            )

        return _node(np.maximum(a.data, b.data), (a, b), "max", backward)

    # ------------------------------------------------------- shape and sums
    def sum(self, axis=None, keepdims: bool = False) -> Tensor:
        a = self

        def backward(g):
            if axis is not None and not keepdims:
                g = np.expand_dims(g, axis)
            return (np.broadcast_to(g, a.data.shape).copy(),)

        return _node(a.data.sum(axis=axis, keepdims=keepdims), (a,), "sum", backward)

    def mean(self, axis=None, keepdims: bool = False) -> Tensor:
        count = self.data.size if axis is None else np.prod([self.data.shape[i] for i in np.atleast_1d(axis)])
        return self.sum(axis=axis, keepdims=keepdims) * (1.0 / count)

    def reshape(self, *shape) -> Tensor:
        a = self
        if len(shape) == 1 and isinstance(shape[0], tuple | list):
            shape = tuple(shape[0])
        return _node(a.data.reshape(shape), (a,), "reshape", lambda g: (g.reshape(a.data.shape),))

    @property
    def T(self) -> Tensor:
        return _node(self.data.T, (self,), "transpose", lambda g: (g.T,))


def _node(data: np.ndarray, parents: tuple, op: str, backward: Backward) -> Tensor:
    """Wrap an op's output; record the graph only if a parent needs a gradient."""
    out = object.__new__(Tensor)
    # NumPy hands back a scalar, not a 0-d array, from ops on 0-d arrays.
    out.data = data if type(data) is np.ndarray else np.asarray(data)
    out.grad = None
    out.name = ""
    out.op = op
    out.requires_grad = False
    out.parents = ()
    out._backward = None
    out._index = 0
    if _GradMode.enabled:
        for parent in parents:
            if parent.requires_grad:
                out.requires_grad = True
                out.parents = parents
                out._backward = backward
                out._index = next(_creation_counter)
                break
    return out


# Build an op's output node from outside this module (fused layers and losses):
# ``backward(upstream)`` must return one gradient (or None) per parent, each
# shaped like that parent's data.
make_node = _node

_creation_counter = itertools.count(1)
_seeds: dict[tuple, np.ndarray] = {}


def _ones(like: np.ndarray) -> np.ndarray:
    """A read-only array of ones shaped like ``like``: the seed d(out)/d(out)."""
    key = (like.shape, like.dtype)
    seed = _seeds.get(key)
    if seed is None:
        seed = _seeds[key] = np.ones_like(like)
        seed.flags.writeable = False
    return seed


_creation_index = operator.attrgetter("_index")
def _unbroadcast(grad: np.ndarray, shape: tuple[int, ...]) -> np.ndarray:
    """Sum ``grad`` back down to ``shape``: the backward of NumPy broadcasting."""
    if grad.shape == shape:
        return grad
    extra = grad.ndim - len(shape)
    if extra:
        grad = grad.sum(axis=tuple(range(extra)))
    stretched = tuple(i for i, n in enumerate(shape) if n == 1 and grad.shape[i] != 1)
    if stretched:
        grad = grad.sum(axis=stretched, keepdims=True)
    return grad


def _matmul_grads(g, a, b, need_a: bool, need_b: bool):
    """Gradients of a @ b under NumPy's matmul rules (1-D operands promoted, batches broadcast)."""
    a2 = a[None, :] if a.ndim == 1 else a  # (n,) acts as a row (1, n)
    b2 = b[:, None] if b.ndim == 1 else b  # (n,) acts as a column (n, 1)
    if b.ndim == 1:
        g = g[..., None]  # restore the column axis matmul dropped
    if a.ndim == 1:
        g = g[..., None, :]  # and the row axis
    da = _unbroadcast(g @ np.swapaxes(b2, -1, -2), a2.shape).reshape(a.shape) if need_a else None
    db = _unbroadcast(np.swapaxes(a2, -1, -2) @ g, b2.shape).reshape(b.shape) if need_b else None
    return da, db

"""Tensor: a NumPy array that remembers how it was made, for reverse-mode autodiff.

Every operation builds its output node and, right beside the forward math, a
closure that turns the upstream gradient (dLoss/dout, shaped like the output)
into one downstream gradient per parent (dLoss/dparent, shaped like that parent):

    downstream = upstream x local

``backward()`` walks the graph once in reverse topological order and adds each
downstream gradient into its parent (``+=``), so a tensor used twice receives
the sum of both paths -- the lecture's "copy gate adds". ``backward_steps()``
is the same walk, one ``BackwardStep`` (node, upstream, downstream, and for
elementwise nodes the local gradients) at a time, for a view that replays it:
both take their steps with ``_propagate``.
Ops keep the names people read in a graph: add, sub, mul, div, neg, pow, exp,
log, max, min, copy, the activations, matmul, sum, mean, reshape, transpose.

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
import threading
from collections.abc import Callable, Iterator
from typing import NamedTuple

import numpy as np

from engine.activations import ACTIVATIONS

Backward = Callable[[np.ndarray], tuple]
Local = Callable[[], tuple]


class _GradMode(threading.local):
    """Per thread, as in PyTorch: a gradient check in a worker must not see the GUI thread's no_grad."""

    enabled = True


_GRAD_MODE = _GradMode()


@contextlib.contextmanager
def no_grad() -> Iterator[None]:
    """Inside this block operations (of this thread) compute values only and record no graph."""
    previous = _GRAD_MODE.enabled
    _GRAD_MODE.enabled = False
    try:
        yield
    finally:
        _GRAD_MODE.enabled = previous


def is_grad_enabled() -> bool:
    return _GRAD_MODE.enabled


class Tensor:
    """An n-dimensional float array with an optional gradient.

    data: ndarray (float64 unless ``dtype`` says otherwise; an ndarray of that
    dtype is used without a copy). grad: ndarray shaped like ``data``, or None
    until a backward pass reaches it. ``op`` and ``parents`` describe the node
    that produced this tensor ("" and () for a leaf).
    """

    __slots__ = ("data", "grad", "requires_grad", "op", "parents", "_backward", "_local", "_index", "name")
    __array_ufunc__ = None  # ndarray <op> Tensor defers to Tensor's reflected operators

    def __init__(self, data, requires_grad: bool = False, *, dtype=np.float64, name: str = ""):
        self.data = np.asarray(data, dtype=dtype)
        self.grad: np.ndarray | None = None
        self.requires_grad = bool(requires_grad)
        self.op = ""
        self.parents: tuple[Tensor, ...] = ()
        self._backward: Backward | None = None
        self._local: Local | None = None
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
        """The value of a one-element tensor, whatever its shape: () or (1, 1)."""
        if self.data.size != 1:
            raise ValueError(f"item() needs a one-element tensor, not shape {self.data.shape}")
        return float(self.data.item())

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

    def local_gradients(self) -> tuple[np.ndarray | None, ...] | None:
        """d(self)/d(parent) for each parent of an elementwise node, or None for other ops.

        Each entry broadcasts against this node's shape (a number for a scalar
        node); downstream = upstream x local. Computed on demand: training never asks.
        """
        return None if self._local is None else self._local()

    # --------------------------------------------------------------- backward
    def backward(self) -> None:
        """Backpropagate from this one-element tensor, seeding d(self)/d(self) = 1.

        Leaves accumulate into ``.grad`` across calls (each leaf owns its array);
        intermediate nodes hold the gradient of this pass only.
        """
        for node in self._backward_order():
            node._propagate()

    def backward_steps(self) -> Iterator[BackwardStep]:
        """The backward pass, one node at a time, in reverse topological order.

        Yields a ``BackwardStep`` per op node once its gradient is complete, after
        adding the step's downstream gradients into the parents: the steps
        ``backward()`` takes (``_propagate``), one at a time. Stopping early leaves
        the pass half done.
        """
        return (BackwardStep(node, *node._propagate()) for node in self._backward_order())

    def _backward_order(self) -> list[Tensor]:
        """Start a backward pass from this root: check it, clear the op nodes' gradients and
        seed its own. Returns the op nodes in the order the pass visits them."""
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
            self.grad = seed.copy() if self.grad is None else self.grad + seed
            return []
        order = self.topological_order()
        for node in order:
            node.grad = None
        self.grad = seed
        order.reverse()
        return order

    def _propagate(self) -> tuple[np.ndarray, tuple]:
        """This op node's step of the backward pass, its gradient complete: downstream =
        its closure(upstream), added into each parent. Returns (upstream, downstream).

        A plain function for both walks: ``backward()`` runs it for every node of every
        training step, where resuming a generator would cost more than the step's bookkeeping.
        """
        upstream = self.grad
        downstream = self._backward(upstream)
        for parent, grad in zip(self.parents, downstream):
            if grad is None:
                continue
            if grad.shape != parent.data.shape:
                raise _shape_error(self, grad, parent)
            if parent._backward is None and (
                    grad is upstream or grad.base is not None or grad.dtype is not parent.data.dtype):
                # A leaf owns its gradient, in its dtype. Gradients may be the upstream
                # passed on (add, to both inputs) or a view of it (transpose, reshape,
                # the read-only seed): those are copied. (NumPy's built-in dtypes are single
                # objects, so ``is not`` is the quick test; an equal dtype that is another
                # object costs a needless copy, never a wrong gradient.)
                grad = grad.astype(parent.data.dtype)
            # Never add in place: intermediate gradients may share arrays.
            parent.grad = grad if parent.grad is None else parent.grad + grad
        return upstream, downstream

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

        return _node(a.data + b.data, (a, b), "add", backward, lambda: (_ONE, _ONE))

    def __sub__(self, other) -> Tensor:
        a, b = self, self._lift(other)

        def backward(g):
            return (
                _unbroadcast(g, a.data.shape) if a.requires_grad else None,
                _unbroadcast(-g, b.data.shape) if b.requires_grad else None,
            )

        return _node(a.data - b.data, (a, b), "sub", backward, lambda: (_ONE, -_ONE))

    def __mul__(self, other) -> Tensor:
        a, b = self, self._lift(other)

        def backward(g):
            return (
                _unbroadcast(g * b.data, a.data.shape) if a.requires_grad else None,
                _unbroadcast(g * a.data, b.data.shape) if b.requires_grad else None,
            )

        return _node(a.data * b.data, (a, b), "mul", backward, lambda: (b.data, a.data))

    def __truediv__(self, other) -> Tensor:
        a, b = self, self._lift(other)

        def backward(g):
            return (
                _unbroadcast(g / b.data, a.data.shape) if a.requires_grad else None,
                _unbroadcast(-g * a.data / (b.data * b.data), b.data.shape) if b.requires_grad else None,
            )

        return _node(a.data / b.data, (a, b), "div", backward,
                     lambda: (1 / b.data, -a.data / (b.data * b.data)))

    def __neg__(self) -> Tensor:
        return _node(-self.data, (self,), "neg", lambda g: (-g,), lambda: (-_ONE,))

    def __pow__(self, exponent: float) -> Tensor:
        """self ** p for a number p; the exponent becomes a constant input of the node."""
        if isinstance(exponent, Tensor):
            raise TypeError("Tensor ** Tensor is not supported; the exponent must be a number")
        a, p = self, self._lift(float(exponent))

        def local():
            if p.data == 0:  # x**0 = 1 everywhere, even at 0 (where 0 * 0**-1 would be NaN)
                return (np.zeros_like(a.data), None)
            return (p.data * a.data ** (p.data - 1), None)

        return _node(a.data**p.data, (a, p), "pow", lambda g: (g * local()[0], None), local)

    def __matmul__(self, other) -> Tensor:
        a, b = self, self._lift(other)

        def backward(g):
            return _matmul_grads(g, a.data, b.data, a.requires_grad, b.requires_grad)

        return _node(a.data @ b.data, (a, b), "matmul", backward)

    def __radd__(self, other) -> Tensor:
        return self._lift(other) + self

    def __rsub__(self, other) -> Tensor:
        return self._lift(other) - self

    def __rmul__(self, other) -> Tensor:
        return self._lift(other) * self

    def __rtruediv__(self, other) -> Tensor:
        return self._lift(other) / self

    def __rmatmul__(self, other) -> Tensor:
        return self._lift(other) @ self

    # --------------------------------------------------------- elementwise
    def copy_gate(self) -> Tensor:
        """The copy gate: one value handed to several uses. Its gradient is the sum of
        theirs (the walk adds them), passed on unchanged: local gradient 1."""
        return _node(self.data, (self,), "copy", lambda g: (g,), lambda: (_ONE,))

    def exp(self) -> Tensor:
        out = np.exp(self.data)
        return _node(out, (self,), "exp", lambda g: (g * out,), lambda: (out,))

    def log(self) -> Tensor:
        a = self
        return _node(np.log(a.data), (a,), "log", lambda g: (g / a.data,), lambda: (1 / a.data,))

    def tanh(self) -> Tensor:
        return self.activate("tanh")

    def sigmoid(self) -> Tensor:
        return self.activate("sigmoid")

    def relu(self) -> Tensor:
        return self.activate("relu")

    def leaky_relu(self) -> Tensor:
        """max(x, 0.01 x)."""
        return self.activate("leaky_relu")

    def activate(self, name: str) -> Tensor:
        """The named activation (engine.activations.ACTIVATIONS) as one elementwise node."""
        activation = ACTIVATIONS[name]
        out = activation.forward(self.data)
        slope = activation.local_gradient
        if slope is None:
            return _node(out, (self,), name, lambda g: (g,), lambda: (_ONE,))
        return _node(out, (self,), name, lambda g: (g * slope(out),), lambda: (slope(out) * _ONE,))

    def maximum(self, other) -> Tensor:
        """Elementwise max: the max gate routes the gradient to the larger input.

        At a tie neither input is the larger, so neither receives it: the rule ReLU
        follows at 0 (relu(x) = max(x, 0) has gradient 0 there), the same in both orders.
        """
        return self._select(other, np.maximum, np.greater, "max")

    def minimum(self, other) -> Tensor:
        """Elementwise min: the gradient goes to the smaller input (at a tie, to neither)."""
        return self._select(other, np.minimum, np.less, "min")

    def _select(self, other, pick, wins, op: str) -> Tensor:
        a, b = self, self._lift(other)
        dtype = np.result_type(a.data, b.data)
        a_wins = wins(a.data, b.data).astype(dtype)
        b_wins = wins(b.data, a.data).astype(dtype)

        def backward(g):
            return (
                _unbroadcast(g * a_wins, a.data.shape) if a.requires_grad else None,
                _unbroadcast(g * b_wins, b.data.shape) if b.requires_grad else None,
            )

        return _node(pick(a.data, b.data), (a, b), op, backward, lambda: (a_wins, b_wins))

    # ------------------------------------------------------- shape and sums
    def sum(self, axis=None, keepdims: bool = False) -> Tensor:
        return self._reduce("sum", axis, keepdims, 1.0)

    def mean(self, axis=None, keepdims: bool = False) -> Tensor:
        count = self.data.size if axis is None else np.prod([self.data.shape[i] for i in np.atleast_1d(axis)])
        return self._reduce("mean", axis, keepdims, 1.0 / count)

    def _reduce(self, op: str, axis, keepdims: bool, scale: float) -> Tensor:
        """sum (scale 1) or mean (scale 1 / count): the gradient spreads back, times scale."""
        a = self

        def backward(g):
            if axis is not None and not keepdims:
                g = np.expand_dims(g, axis)
            return (np.broadcast_to(g * scale if scale != 1 else g, a.data.shape).copy(),)

        out = a.data.sum(axis=axis, keepdims=keepdims)
        return _node(out if scale == 1 else out * scale, (a,), op, backward)

    def reshape(self, *shape) -> Tensor:
        a = self
        if len(shape) == 1 and isinstance(shape[0], tuple | list):
            shape = tuple(shape[0])
        return _node(a.data.reshape(shape), (a,), "reshape", lambda g: (g.reshape(a.data.shape),))

    @property
    def T(self) -> Tensor:
        return _node(self.data.T, (self,), "transpose", lambda g: (g.T,))


class BackwardStep(NamedTuple):
    """One node of the backward pass: upstream x local = downstream.

    node: the op node visited. upstream: dLoss/d(node), shaped like node.
    downstream: dLoss/d(parent) per parent, shaped like that parent (None where
    no gradient is needed), exactly what was added into the parent.
    """

    node: Tensor
    upstream: np.ndarray
    downstream: tuple[np.ndarray | None, ...]

    @property
    def local(self) -> tuple[np.ndarray | None, ...] | None:
        """d(node)/d(parent) per parent for elementwise nodes; None for the others."""
        return self.node.local_gradients()


_ONE = np.float64(1.0)


def _node(data: np.ndarray, parents: tuple, op: str, backward: Backward,
          local: Local | None = None) -> Tensor:
    """Wrap an op's output; record the graph only if a parent needs a gradient.

    ``local()``, for elementwise ops, returns d(out)/d(parent) per parent.
    """
    out = object.__new__(Tensor)
    # NumPy hands back a scalar, not a 0-d array, from ops on 0-d arrays.
    out.data = data if type(data) is np.ndarray else np.asarray(data)
    out.grad = None
    out.name = ""
    out.op = op
    out.requires_grad = False
    out.parents = ()
    out._backward = None
    out._local = None
    out._index = 0
    if _GRAD_MODE.enabled:
        for parent in parents:
            if parent.requires_grad:
                out.requires_grad = True
                out.parents = parents
                out._backward = backward
                out._local = local
                out._index = next(_creation_counter)
                break
    return out


# Build an op's output node from outside this module (fused layers and losses):
# ``backward(upstream)`` must return one gradient (or None) per parent, each shaped
# like that parent's data: a new array, the upstream, or a view of it. (An alias,
# not a wrapper: it is on every training step's path.)
make_node = _node


def _shape_error(node: Tensor, grad: np.ndarray, parent: Tensor) -> RuntimeError:
    return RuntimeError(
        f"the {node.op!r} node sent a gradient of shape {grad.shape} to a "
        f"tensor of shape {parent.data.shape}: every edge must have the "
        "same shape forward and backward"
    )


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

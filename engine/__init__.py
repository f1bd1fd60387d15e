"""The playground's engine: a small reverse-mode autograd over NumPy, and the
models, losses, optimizers, datasets and trainer built on it. Never imports Qt."""

from engine.tensor import Tensor, is_grad_enabled, no_grad

__all__ = ["Tensor", "no_grad", "is_grad_enabled"]

"""What a model is, as data: the numbers its one-line summary and the views are made from."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ModelInfo:
    """``sizes``: inputs, hidden widths..., classes; ``activation`` of the hidden layers;
    ``parameters``: how many weights and biases."""

    sizes: tuple[int, ...]
    activation: str
    parameters: int

    @property
    def kind(self) -> str:
        """'linear' for a classifier without hidden layers, else 'mlp'."""
        return "linear" if len(self.sizes) == 2 else "mlp"

    @classmethod
    def of(cls, model) -> ModelInfo:
        """The info of an ``engine.nn.MLP``."""
        return cls(tuple(model.sizes), model.activation, model.parameter_count())

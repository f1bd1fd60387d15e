"""The settings of a session -- data generator, model, training -- validated once.

Each settings object checks every field when it is made and raises
``SettingsError`` naming the field at fault, so the command line, the scenario
file and the window all share one set of rules and one set of messages.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, fields, replace

from engine.activations import ACTIVATIONS
from engine.datasets import DATASETS
from engine.features import DEFAULT_FEATURES, check_features
from engine.losses import LOSSES
from engine.nn import MAX_HIDDEN_LAYERS, MAX_WIDTH
from engine.optim import OPTIMIZERS

MAX_GENERATED_POINTS = 5000
MAX_SEED = 2**32 - 1
MAX_LEARNING_RATE = 1e6


class SettingsError(ValueError):
    """A setting out of range or of the wrong type. ``field`` names it."""

    def __init__(self, field_name: str, message: str):
        super().__init__(f"{field_name}: {message}")
        self.field = field_name
        self.message = message


def check_int(name: str, value, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise SettingsError(name, f"must be a whole number, not {value!r}")
    if not low <= value <= high:
        raise SettingsError(name, f"must be between {low} and {high}, not {value}")
    return value


def check_float(name: str, value, low: float, high: float, *, low_open: bool = False) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise SettingsError(name, f"must be a number, not {value!r}")
    value = float(value)
    if not math.isfinite(value):
        raise SettingsError(name, f"must be a finite number, not {value}")
    if value < low or value > high or (low_open and value == low):
        bound = f"above {low:g}" if low_open else f"at least {low:g}"
        raise SettingsError(name, f"must be {bound} and at most {high:g}, not {value:g}")
    return value


def check_choice(name: str, value, choices) -> str:
    if value not in choices:
        raise SettingsError(name, f"must be one of {', '.join(choices)}, not {value!r}")
    return value


class _Settings:
    """Shared helpers: ``replace`` with validation and a plain-dict form."""

    def replace(self, **changes):
        return replace(self, **changes)

    def to_dict(self) -> dict:
        return {f.name: _plain(getattr(self, f.name)) for f in fields(self)}


def _plain(value):
    return list(value) if isinstance(value, tuple) else value


@dataclass(frozen=True)
class DataSettings(_Settings):
    """How the generator made the points. ``noise`` is the jitter's std in plane units."""

    dataset: str = "xor"
    points: int = 200
    noise: float = 0.05
    classes: int = 2
    seed: int = 0
    test_fraction: float = 0.2

    def __post_init__(self):
        info = DATASETS[check_choice("dataset", self.dataset, DATASETS)]
        check_int("points", self.points, 1, MAX_GENERATED_POINTS)
        object.__setattr__(self, "noise", check_float("noise", self.noise, 0.0, 1.0))
        check_int("classes", self.classes, 2, 5)
        if not info.min_classes <= self.classes <= info.max_classes:
            raise SettingsError("classes", f"{self.dataset} makes {info.class_range()} classes, "
                                           f"not {self.classes}")
        check_int("seed", self.seed, 0, MAX_SEED)
        object.__setattr__(self, "test_fraction",
                           check_float("test_fraction", self.test_fraction, 0.0, 0.9))


@dataclass(frozen=True)
class ModelSettings(_Settings):
    """The network: ``kind`` 'linear' ignores ``hidden`` (kept for switching back to 'mlp')."""

    kind: str = "mlp"
    hidden: tuple[int, ...] = (8, 8)
    activation: str = "tanh"
    features: tuple[str, ...] = DEFAULT_FEATURES

    def __post_init__(self):
        check_choice("kind", self.kind, ("linear", "mlp"))
        if not isinstance(self.hidden, tuple | list):
            raise SettingsError("hidden", f"must be a list of layer widths, not {self.hidden!r}")
        if len(self.hidden) > MAX_HIDDEN_LAYERS:
            raise SettingsError("hidden", f"at most {MAX_HIDDEN_LAYERS} hidden layers, "
                                          f"not {len(self.hidden)}")
        for width in self.hidden:
            check_int("hidden", width, 1, MAX_WIDTH)
        object.__setattr__(self, "hidden", tuple(self.hidden))
        check_choice("activation", self.activation, ACTIVATIONS)
        if not isinstance(self.features, tuple | list) or not all(isinstance(f, str) for f in self.features):
            raise SettingsError("features", f"must be a list of feature names, not {self.features!r}")
        try:
            object.__setattr__(self, "features", check_features(self.features))
        except ValueError as error:
            raise SettingsError("features", str(error)) from None

    @property
    def layers(self) -> tuple[int, ...]:
        """The hidden widths actually used: none for the linear classifier."""
        return self.hidden if self.kind == "mlp" else ()


@dataclass(frozen=True)
class TrainingSettings(_Settings):
    """Loss and optimisation. ``batch_size`` 0 means the full batch."""

    loss: str = "cross_entropy"
    optimizer: str = "sgd"
    learning_rate: float = 0.3
    batch_size: int = 0
    l1: float = 0.0
    l2: float = 0.0

    def __post_init__(self):
        check_choice("loss", self.loss, LOSSES)
        check_choice("optimizer", self.optimizer, OPTIMIZERS)
        object.__setattr__(self, "learning_rate", check_float(
            "learning_rate", self.learning_rate, 0.0, MAX_LEARNING_RATE, low_open=True))
        check_int("batch_size", self.batch_size, 0, 100_000)
        object.__setattr__(self, "l1", check_float("l1", self.l1, 0.0, 10.0))
        object.__setattr__(self, "l2", check_float("l2", self.l2, 0.0, 10.0))


@dataclass(frozen=True)
class Settings(_Settings):
    """Everything but the points: what a scenario's settings sections hold."""

    data: DataSettings = field(default_factory=DataSettings)
    model: ModelSettings = field(default_factory=ModelSettings)
    training: TrainingSettings = field(default_factory=TrainingSettings)
    seed: int = 0

    def __post_init__(self):
        check_int("seed", self.seed, 0, MAX_SEED)

    def to_dict(self) -> dict:
        return {"data": self.data.to_dict(), "model": self.model.to_dict(),
                "training": self.training.to_dict(), "seed": self.seed}

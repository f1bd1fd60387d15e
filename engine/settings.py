"""The settings of a session -- data generator, model, training -- validated once.

Each settings object checks every field when it is made and raises
``SettingsError`` naming the field at fault, so the command line, the scenario
file and the window all share one set of rules. The numeric rules are one
table, ``LIMITS``: validation reads it here, and the window's number boxes
take their ranges from it, so a box can show every value a file may hold.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, fields, replace
from typing import ClassVar

from engine.activations import ACTIVATIONS
from engine.datasets import DATASETS, MAX_CLASSES
from engine.errors import CodedError
from engine.features import DEFAULT_FEATURES, FEATURES
from engine.losses import LOSSES
from engine.nn import MAX_HIDDEN_LAYERS, MAX_WIDTH
from engine.optim import OPTIMIZERS

MAX_GENERATED_POINTS = 5000
MAX_SEED = 2**32 - 1
MAX_LEARNING_RATE = 1e6
MAX_BATCH_SIZE = 100_000
MAX_PENALTY = 10.0
MAX_STEPS = 1_000_000  # training steps one command may ask for (the default network: about 90 s)
KINDS = ("linear", "mlp")


class SettingsError(CodedError):
    """A setting out of range or of the wrong type: ``field`` names it (``"points"``),
    ``code`` and ``params`` say what is wrong (see ``engine.errors``)."""


@dataclass(frozen=True)
class Limit:
    """The numbers a field accepts: ``low``..``high``; whole numbers only if ``whole``;
    ``low`` itself refused if ``low_open`` (a learning rate must be above 0)."""

    low: float
    high: float
    whole: bool = False
    low_open: bool = False

    def contains(self, value: float) -> bool:
        above = value > self.low if self.low_open else value >= self.low
        return above and value <= self.high  # False for NaN

    def check(self, name: str, value):
        """``value`` if the field may hold it (as a float for a fractional field), else SettingsError."""
        if isinstance(value, bool) or not isinstance(value, int if self.whole else int | float):
            raise SettingsError(name, "not_whole" if self.whole else "not_number", found=value)
        if self.whole:
            if not self.contains(value):
                raise SettingsError(name, "outside_whole_range", low=self.low, high=self.high, value=value)
            return value
        value = float(value)
        if not math.isfinite(value):
            raise SettingsError(name, "not_finite", value=value)
        if not self.contains(value):
            raise SettingsError(name, "outside_open_range" if self.low_open else "outside_range",
                                low=self.low, high=self.high, value=value)
        return value


# Every numeric field's limits, by its path in the scenario file. "model.hidden" is each layer's width.
LIMITS: dict[str, Limit] = {
    "data.points": Limit(1, MAX_GENERATED_POINTS, whole=True),
    "data.noise": Limit(0.0, 1.0),
    "data.classes": Limit(2, MAX_CLASSES, whole=True),
    "data.seed": Limit(0, MAX_SEED, whole=True),
    "data.test_fraction": Limit(0.0, 0.9),
    "model.hidden": Limit(1, MAX_WIDTH, whole=True),
    "training.learning_rate": Limit(0.0, MAX_LEARNING_RATE, low_open=True),
    "training.batch_size": Limit(0, MAX_BATCH_SIZE, whole=True),
    "training.l1": Limit(0.0, MAX_PENALTY),
    "training.l2": Limit(0.0, MAX_PENALTY),
    "seed": Limit(0, MAX_SEED, whole=True),
}


def check_choice(name: str, value, choices) -> str:
    if value not in choices:
        raise SettingsError(name, "not_one_of", choices=tuple(choices), found=value)
    return value


class _Settings:
    """Shared helpers: limit checks, ``replace`` with validation and a plain-dict form."""

    SECTION: ClassVar[str] = ""  # the section's name in a scenario file ("" for the top level)

    def _check_limits(self, *names: str) -> None:
        for name in names:
            path = f"{self.SECTION}.{name}" if self.SECTION else name
            object.__setattr__(self, name, LIMITS[path].check(name, getattr(self, name)))

    def replace(self, **changes):
        return replace(self, **changes)

    def to_dict(self) -> dict:
        return {f.name: _plain(getattr(self, f.name)) for f in fields(self)}


def _plain(value):
    return list(value) if isinstance(value, tuple) else value


@dataclass(frozen=True)
class DataSettings(_Settings):
    """How the generator made the points. ``noise`` is the jitter's std in plane units."""

    SECTION: ClassVar[str] = "data"

    dataset: str = "xor"
    points: int = 200
    noise: float = 0.05
    classes: int = 2
    seed: int = 0
    test_fraction: float = 0.2

    def __post_init__(self):
        info = DATASETS[check_choice("dataset", self.dataset, DATASETS)]
        self._check_limits("points", "noise", "classes", "seed", "test_fraction")
        if not info.min_classes <= self.classes <= info.max_classes:
            if info.min_classes == info.max_classes:
                raise SettingsError("classes", "fixed_class_count", dataset=self.dataset,
                                    count=info.min_classes, value=self.classes)
            raise SettingsError("classes", "class_count_range", dataset=self.dataset,
                                low=info.min_classes, high=info.max_classes, value=self.classes)


@dataclass(frozen=True)
class ModelSettings(_Settings):
    """The network: ``kind`` 'linear' ignores ``hidden`` (kept for switching back to 'mlp')."""

    SECTION: ClassVar[str] = "model"

    kind: str = "mlp"
    hidden: tuple[int, ...] = (8, 8)
    activation: str = "tanh"
    features: tuple[str, ...] = DEFAULT_FEATURES

    def __post_init__(self):
        check_choice("kind", self.kind, KINDS)
        if not isinstance(self.hidden, tuple | list):
            raise SettingsError("hidden", "not_width_list", found=self.hidden)
        if len(self.hidden) > MAX_HIDDEN_LAYERS:
            raise SettingsError("hidden", "too_many_layers", most=MAX_HIDDEN_LAYERS, count=len(self.hidden))
        for width in self.hidden:
            LIMITS["model.hidden"].check("hidden", width)
        object.__setattr__(self, "hidden", tuple(self.hidden))
        check_choice("activation", self.activation, ACTIVATIONS)
        object.__setattr__(self, "features", _checked_features(self.features))

    @property
    def layers(self) -> tuple[int, ...]:
        """The hidden widths actually used: none for the linear classifier."""
        return self.hidden if self.kind == "mlp" else ()


def _checked_features(names) -> tuple[str, ...]:
    """A selection of input features, in the given order: known, at least one, each once."""
    if not isinstance(names, tuple | list) or not all(isinstance(name, str) for name in names):
        raise SettingsError("features", "not_feature_list", found=names)
    if not names:
        raise SettingsError("features", "no_features")
    for name in names:
        if name not in FEATURES:
            raise SettingsError("features", "unknown_feature", found=name, choices=tuple(FEATURES))
    if len(set(names)) != len(names):
        raise SettingsError("features", "repeated_feature")
    return tuple(names)


@dataclass(frozen=True)
class TrainingSettings(_Settings):
    """Loss and optimisation. ``batch_size`` 0 means the full batch."""

    SECTION: ClassVar[str] = "training"

    loss: str = "cross_entropy"
    optimizer: str = "sgd"
    learning_rate: float = 0.3
    batch_size: int = 0
    l1: float = 0.0
    l2: float = 0.0

    def __post_init__(self):
        check_choice("loss", self.loss, LOSSES)
        check_choice("optimizer", self.optimizer, OPTIMIZERS)
        self._check_limits("learning_rate", "batch_size", "l1", "l2")


@dataclass(frozen=True)
class Settings(_Settings):
    """Everything but the points: what a scenario's settings sections hold."""

    data: DataSettings = field(default_factory=DataSettings)
    model: ModelSettings = field(default_factory=ModelSettings)
    training: TrainingSettings = field(default_factory=TrainingSettings)
    seed: int = 0

    def __post_init__(self):
        self._check_limits("seed")

    def to_dict(self) -> dict:
        return {"data": self.data.to_dict(), "model": self.model.to_dict(),
                "training": self.training.to_dict(), "seed": self.seed}

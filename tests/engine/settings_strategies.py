"""Hypothesis strategies for the engine's settings: any value the validation accepts."""

from __future__ import annotations

from hypothesis import strategies as st

from engine.activations import ACTIVATIONS
from engine.datasets import DATASETS
from engine.features import FEATURES
from engine.losses import LOSSES
from engine.optim import OPTIMIZERS
from engine.settings import LIMITS, DataSettings, ModelSettings, Settings, TrainingSettings


def limited(path: str):
    """Any value ``LIMITS[path]`` accepts, its ends included."""
    limit = LIMITS[path]
    if limit.whole:
        return st.integers(int(limit.low), int(limit.high))
    return st.floats(limit.low, limit.high, exclude_min=limit.low_open, allow_nan=False)


@st.composite
def data_settings(draw):
    dataset = draw(st.sampled_from(sorted(DATASETS)))
    info = DATASETS[dataset]
    return DataSettings(dataset, draw(st.integers(1, 300)),  # (up to 5000: slow, and nothing new)
                        draw(limited("data.noise")), draw(st.integers(info.min_classes, info.max_classes)),
                        draw(limited("data.seed")), draw(limited("data.test_fraction")))


model_settings = st.builds(
    ModelSettings, st.sampled_from(["linear", "mlp"]),
    st.lists(limited("model.hidden"), max_size=6).map(tuple), st.sampled_from(sorted(ACTIVATIONS)),
    st.lists(st.sampled_from(sorted(FEATURES)), min_size=1, unique=True).map(tuple))
training_settings = st.builds(
    TrainingSettings, st.sampled_from(sorted(LOSSES)), st.sampled_from(sorted(OPTIMIZERS)),
    limited("training.learning_rate"), limited("training.batch_size"), limited("training.l1"),
    limited("training.l2"))
all_settings = st.builds(Settings, data_settings(), model_settings, training_settings, limited("seed"))

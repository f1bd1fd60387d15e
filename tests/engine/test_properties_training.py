"""Property test of training: random data, architectures and settings (absurd learning rates
and penalties included) train for a few steps without an exception and without a silent
NaN -- a loss that stops being finite sets the divergence flag, and the weights stay finite."""

from __future__ import annotations

import math

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from settings_strategies import data_settings, model_settings, training_settings

from engine.scenario import Scenario
from engine.settings import Settings
from engine.trainer import Trainer

learning_rates = st.floats(-4, 6).map(lambda e: 10.0 ** e)  # 1e-4 .. the limit, 1e6


@settings(max_examples=60)
@given(data=data_settings(), model=model_settings.filter(lambda m: sum(m.layers) <= 64),
       training=training_settings, rate=learning_rates, seed=st.integers(0, 2**32 - 1),
       steps=st.integers(1, 8))
def test_any_run_trains_or_diverges_but_never_hides_a_nan(data, model, training, rate, seed, steps):
    scenario = Scenario.generate(Settings(data, model, training.replace(learning_rate=rate), seed))
    trainer = Trainer.for_scenario(scenario)
    for _ in range(3):  # a few calls, as the window makes them
        stats = trainer.step(steps)
    assert all(np.isfinite(p.data).all() for p in trainer.model.parameters())  # the last good weights
    if not trainer.n_train:
        assert math.isnan(stats.train_loss) and stats.step == 0  # nothing to train on: said, not hidden
    elif stats.diverged:
        assert stats.exploded_loss > stats.loss_limit or not math.isfinite(stats.exploded_loss)
    else:
        assert math.isfinite(stats.train_loss) and stats.step == 3 * steps
    if trainer.n_test:
        assert math.isfinite(stats.test_loss) or stats.diverged


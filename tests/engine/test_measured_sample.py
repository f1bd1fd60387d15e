"""A very large split is measured on a fixed sample of its points, and says so; the exact
figures stay one call away."""

import numpy as np
import pytest

from engine.datasets import generate, split
from engine.settings import ModelSettings, TrainingSettings
from engine.trainer import MEASURED_POINTS, Trainer


def make(points: int) -> Trainer:
    p, y = generate("spiral", points, 0.05, 3, seed=1)
    return Trainer(ModelSettings(hidden=(16,)), TrainingSettings(batch_size=64), 3, p, y,
                   split(points, 0.2, 1), seed=0)


def test_a_split_of_at_most_the_limit_is_measured_whole():
    stats = make(MEASURED_POINTS).evaluate()  # 8000 training points, 2000 test points
    assert not stats.sampled
    assert (stats.measured_train, stats.measured_test) == (stats.train_points, stats.test_points)
    assert (stats.train_points, stats.test_points) == (8000, 2000)


def test_a_larger_split_is_measured_on_a_fixed_sample_close_to_the_whole():
    trainer = make(30_000)  # 24 000 training points, 6000 test points
    trainer.step(200)
    sampled, whole = trainer.evaluate(), trainer.evaluate(every_point=True)
    assert sampled.sampled and not whole.sampled
    assert (sampled.measured_train, sampled.train_points) == (MEASURED_POINTS, 24_000)
    assert (sampled.measured_test, sampled.test_points) == (6000, 6000)  # under the limit: whole
    assert sampled.test_loss == whole.test_loss
    assert sampled.train_loss == pytest.approx(whole.train_loss, rel=0.05)
    assert sampled.train_accuracy == pytest.approx(whole.train_accuracy, abs=0.02)
    assert trainer.evaluate().train_loss == sampled.train_loss  # the same sample every time


def test_steps_report_that_they_were_measured_on_a_sample():
    trainer = make(30_000)
    stats = trainer.step(10)
    assert stats.sampled and stats.epoch == pytest.approx(10 * 64 / 24_000)
    assert np.isfinite(stats.train_loss)

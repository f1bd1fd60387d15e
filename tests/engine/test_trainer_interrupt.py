"""Ctrl+C in the middle of training: the trainer stops at its last complete step."""

from __future__ import annotations

import numpy as np
import pytest

from engine.scenario import Scenario
from engine.settings import Settings, TrainingSettings
from engine.trainer import Trainer


def trainer(optimizer: str = "adam") -> Trainer:
    settings = Settings(training=TrainingSettings(optimizer=optimizer, learning_rate=0.05))
    return Trainer.for_scenario(Scenario.generate(settings))


def parameters(t: Trainer) -> list[np.ndarray]:
    return [p.data.copy() for p in t.model.parameters()]


def interrupt_after(t: Trainer, monkeypatch, calls: int, half_done: bool) -> None:
    """Raise KeyboardInterrupt in the optimizer's ``calls``-th step: after it changed the first
    parameter (``half_done``) or before it changed anything."""
    step, count = t.optimizer.step, [0]

    def cut_short():
        count[0] += 1
        if count[0] == calls:
            if half_done:
                t.model.parameters()[0].data += 1.0
            raise KeyboardInterrupt
        step()

    monkeypatch.setattr(t.optimizer, "step", cut_short)


@pytest.mark.parametrize("half_done", [True, False])
def test_an_interrupted_step_is_undone(monkeypatch, half_done):
    reference = trainer()
    reference.step(5)
    t = trainer()
    interrupt_after(t, monkeypatch, calls=6, half_done=half_done)
    with pytest.raises(KeyboardInterrupt):
        t.step(100)
    assert (t.steps, t.epoch, t.samples_seen) == (5, reference.epoch, reference.samples_seen)
    for got, expected in zip(parameters(t), parameters(reference)):
        np.testing.assert_array_equal(got, expected)  # as after 5 complete steps: none half-applied
    stats = t.evaluate()
    assert stats.step == 5 and stats.train_loss == pytest.approx(reference.evaluate().train_loss)


def test_an_interrupt_in_the_forward_pass_changes_nothing(monkeypatch):
    t = trainer("sgd")
    t.step(3)
    before = parameters(t)
    calls = [0]
    forward = t.model.__class__.__call__

    def interrupted(model, x):
        calls[0] += 1
        if calls[0] == 2:
            raise KeyboardInterrupt
        return forward(model, x)

    monkeypatch.setattr(t.model.__class__, "__call__", interrupted)
    with pytest.raises(KeyboardInterrupt):
        t.step(10)
    monkeypatch.undo()
    assert t.steps == 4  # the first step of this call completed
    assert any(not np.array_equal(a, b) for a, b in zip(parameters(t), before))
    assert t.step(2).step == 6  # and training goes on

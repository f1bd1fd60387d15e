"""`train` on more points than a step measures: the result is measured on every point."""

import json

import pytest

from engine.scenario import Scenario
from engine.settings import DataSettings, Settings, TrainingSettings
from engine.trainer import Trainer
from playground.cli import main


def test_the_result_on_a_large_set_is_measured_on_every_point(capsys):
    assert main(["train", "--json", "--dataset", "spiral", "--classes", "3", "--points", "30000",
                 "--batch-size", "64", "--steps", "20"]) == 0
    result = json.loads(capsys.readouterr().out)
    settings = Settings(data=DataSettings(dataset="spiral", classes=3, points=30_000),
                        training=TrainingSettings(batch_size=64))
    trainer = Trainer.for_scenario(Scenario.generate(settings))
    trainer.step(20)
    whole, sampled = trainer.evaluate(every_point=True), trainer.evaluate()
    assert sampled.train_loss != whole.train_loss  # (the sample's figure differs)
    assert result["train_loss"] == pytest.approx(whole.train_loss, rel=1e-6)
    assert result["train_accuracy"] == pytest.approx(whole.train_accuracy)

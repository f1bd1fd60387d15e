"""`train --json` reports "collapsed": the single layer a network without a non-linearity equals."""

import json

import numpy as np

from engine.scenario import Scenario
from engine.settings import DataSettings, ModelSettings, Settings
from engine.trainer import Trainer
from playground.cli import main


def train(capsys, *options: str) -> dict:
    assert main(["train", "--json", *options]) == 0
    return json.loads(capsys.readouterr().out)


def test_a_four_layer_linear_network_collapses_to_one_layer(capsys):
    result = train(capsys, "--dataset", "gaussians", "--classes", "3", "--hidden", "6,5,4",
                   "--activation", "linear", "--features", "x1,x2,x1^2", "--steps", "100")
    collapsed = result["collapsed"]
    assert np.shape(collapsed["W"]) == (3, 3) and np.shape(collapsed["b"]) == (3,)
    assert 0 <= collapsed["max_difference"] < 1e-12


def test_the_collapsed_layer_gives_the_networks_scores(capsys):
    """The reported W, b against the same network trained here: the same scores to 1e-12."""
    options = ["--dataset", "xor", "--hidden", "8,8,8", "--activation", "linear", "--steps", "50"]
    collapsed = train(capsys, *options)["collapsed"]
    settings = Settings(data=DataSettings(dataset="xor"),
                        model=ModelSettings(hidden=(8, 8, 8), activation="linear"))
    trainer = Trainer.for_scenario(Scenario.generate(settings))
    trainer.step(50)
    x = np.random.default_rng(0).uniform(-1, 1, (2, 30))
    network = x
    for layer in trainer.model.layers:
        network = layer.W.data.astype(np.float64) @ network + layer.b.data.astype(np.float64)
    single = np.array(collapsed["W"]) @ x + np.array(collapsed["b"])[:, None]
    np.testing.assert_allclose(single, network, rtol=0, atol=1e-12)


def test_a_linear_classifier_is_its_own_collapse(capsys):
    collapsed = train(capsys, "--model", "linear", "--features", "x1,x2,r", "--steps", "20")["collapsed"]
    assert np.shape(collapsed["W"]) == (2, 3) and collapsed["max_difference"] == 0.0


def test_a_non_linear_network_reports_null(capsys):
    assert train(capsys, "--activation", "relu", "--steps", "5")["collapsed"] is None

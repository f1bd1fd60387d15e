"""The PyTorch script: the same network, the same scores, the same accuracy (run where torch is)."""

import ast
import importlib.util
import json
import subprocess
import sys

import numpy as np
import pytest

from engine import torch_export
from engine.activations import ACTIVATIONS
from engine.features import FEATURES, feature_matrix
from engine.model_file import ModelFile
from engine.scenario import Scenario
from engine.settings import DataSettings, ModelSettings, Settings
from engine.trainer import Trainer

MODELS = {
    "tanh, every feature": ModelSettings(hidden=(8, 5), activation="tanh",
                                         features=("x1", "x2", "x1^2", "x2^2", "x1x2", "sin_x1", "sin_x2",
                                                   "r", "theta")),
    "linear classifier": ModelSettings(kind="linear", features=("x1^2", "x2^2")),
    "deep, linear activation": ModelSettings(hidden=(4, 4, 4), activation="linear"),
    "leaky ReLU, 3 classes": ModelSettings(hidden=(16,), activation="leaky_relu"),
    "sigmoid": ModelSettings(hidden=(6,), activation="sigmoid"),
    "relu": ModelSettings(hidden=(12, 12), activation="relu"),
}


def test_every_feature_and_activation_has_its_torch_code():
    assert set(torch_export.FEATURE_CODE) == set(FEATURES)
    assert set(torch_export.ACTIVATION_CODE) == set(ACTIVATIONS)


def exported(tmp_path, model: ModelSettings, classes: int = 2):
    data = DataSettings(dataset="spiral" if classes > 2 else "circles", classes=classes, noise=0.1)
    scenario = Scenario.generate(Settings(data=data, model=model))
    trainer = Trainer.for_scenario(scenario)
    trainer.step(200)
    path = tmp_path / "model.py"
    torch_export.save(path, ModelFile.of(trainer, scenario.class_names), scenario.points, scenario.labels,
                      scenario.is_test, "A network")
    return path, scenario, trainer


@pytest.mark.parametrize("name", MODELS)
def test_the_script_is_valid_python_that_needs_only_torch_and_numpy(tmp_path, name):
    path, _, _ = exported(tmp_path, MODELS[name], 3 if "3 classes" in name else 2)
    tree = ast.parse(path.read_text())
    imported = {alias.name.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.Import)
                for alias in node.names}
    imported |= {node.module.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert imported == {"json", "math", "numpy", "torch"}


@pytest.mark.parametrize("name", MODELS)
def test_the_script_computes_the_engines_scores_and_accuracy(tmp_path, capsys, name):
    pytest.importorskip("torch")
    import torch

    path, scenario, trainer = exported(tmp_path, MODELS[name], 3 if "3 classes" in name else 2)
    spec = importlib.util.spec_from_file_location("exported_model", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    with torch.no_grad():
        scores = module.build_model()(module.features(torch.tensor(scenario.points, dtype=torch.float64)))
    x = feature_matrix(scenario.points, scenario.settings.model.features, np.float32)
    expected = trainer.model.activations(x)[-1].T  # (N, K)
    np.testing.assert_allclose(scores.numpy(), expected, rtol=1e-5, atol=1e-5)

    module.main()
    result = json.loads(capsys.readouterr().out)
    predicted = expected.argmax(axis=1)
    assert result["accuracy"] == pytest.approx(float((predicted == scenario.labels).mean()))
    test = scenario.is_test
    assert result["test_accuracy"] == pytest.approx(float((predicted[test] == scenario.labels[test]).mean()))
    assert result["train_accuracy"] == pytest.approx(trainer.evaluate().train_accuracy)


def test_run_as_a_program_it_prints_its_accuracy_as_json(tmp_path):
    pytest.importorskip("torch")
    path, _, trainer = exported(tmp_path, MODELS["leaky ReLU, 3 classes"], 3)
    run = subprocess.run([sys.executable, str(path)], capture_output=True, text=True, timeout=120, check=True)
    result = json.loads(run.stdout)
    assert set(result) == {"accuracy", "train_accuracy", "test_accuracy"}
    assert result["train_accuracy"] == pytest.approx(trainer.evaluate().train_accuracy)

"""`python -m playground train`: the lecture's claims, checked end to end, and clean failures."""

import json
import subprocess
import sys

import pytest

from engine.scenario import Scenario, save
from engine.settings import DataSettings, Settings
from playground.cli import main


def train(capsys, *options: str) -> dict:
    assert main(["train", "--json", *options]) == 0
    return json.loads(capsys.readouterr().out)


def test_json_fields(capsys):
    result = train(capsys, "--steps", "5")
    assert set(result) == {"steps", "train_loss", "train_accuracy", "test_loss", "test_accuracy",
                           "diverged", "unstable", "unstable_step", "seconds", "interrupted", "collapsed",
                           "layers"}
    assert result["steps"] == 5 and result["diverged"] is False and result["seconds"] > 0


def test_xor_is_solved_by_a_hidden_layer(capsys):
    result = train(capsys, "--dataset", "xor", "--model", "mlp", "--hidden", "8,8",
                   "--activation", "tanh", "--steps", "1500")
    assert result["train_accuracy"] >= 0.97


@pytest.mark.parametrize("model", [
    ["--model", "linear"],
    ["--model", "mlp", "--hidden", "8,8,8", "--activation", "linear"],  # W3(W2(W1 x)) is still linear
])
def test_xor_defeats_any_straight_line(capsys, model):
    result = train(capsys, "--dataset", "xor", *model, "--steps", "1500")
    assert result["train_accuracy"] <= 0.80


def test_circles_become_separable_in_feature_space(capsys):
    result = train(capsys, "--dataset", "circles", "--model", "linear", "--features", "x1^2,x2^2",
                   "--steps", "1500")
    assert result["train_accuracy"] >= 0.97


def test_circles_stay_unsolved_by_a_line_in_the_plane(capsys):
    result = train(capsys, "--dataset", "circles", "--model", "linear", "--steps", "1500")
    assert result["train_accuracy"] <= 0.80


def test_three_arm_spiral_is_learned(capsys):
    result = train(capsys, "--dataset", "spiral", "--classes", "3", "--points", "300",
                   "--hidden", "32,32", "--activation", "relu", "--optimizer", "adam", "--lr", "0.01",
                   "--steps", "2000")
    assert result["train_accuracy"] >= 0.95


def test_absurd_learning_rate_reports_divergence(capsys):
    result = train(capsys, "--lr", "1e5", "--steps", "500")
    assert result["diverged"] is True
    assert result["steps"] < 500


def test_a_learning_rate_too_high_is_unstable_from_a_step_on(capsys):
    """The default network at the highest preset rate: no hard stop, but the loss swings (issue 10)."""
    result = train(capsys, "--lr", "10", "--steps", "500")
    assert result["diverged"] is False and result["unstable"] is True
    assert isinstance(result["unstable_step"], int) and 0 < result["unstable_step"] < 500
    assert main(["train", "--lr", "10", "--steps", "500"]) == 0
    assert (f"unstable from step {result['unstable_step']}: the loss climbed or swung up and down instead "
            "of falling; the learning rate (10) is too high") in capsys.readouterr().out
    calm = train(capsys, "--steps", "500")
    assert calm["unstable"] is False and calm["unstable_step"] is None


def test_the_hard_stop_is_relative_to_the_start(capsys):
    """A rate of 1000 explodes far below the old fixed ceiling of 10^4: 100 times the starting loss."""
    result = train(capsys, "--lr", "1000", "--steps", "500")
    assert result["diverged"] is True and result["steps"] < 500
    assert main(["train", "--lr", "1000", "--steps", "500"]) == 0
    out = capsys.readouterr().out
    assert f"diverged at step {result['steps']}: the loss became " in out
    assert "past this run's limit of 70.7; lower the learning rate (1000)" in out


def test_tiny_datasets_read_well_and_keep_a_training_point_per_class(capsys):
    assert main(["train", "--points", "1", "--steps", "3"]) == 0
    out = capsys.readouterr().out
    assert "xor: 1 point (1 train, 0 test)" in out and "| no test points" in out and "nan" not in out
    assert main(["train", "--points", "4", "--test-fraction", "0.9", "--steps", "3"]) == 0
    assert "xor: 4 points (2 train, 2 test)" in capsys.readouterr().out  # one of each class trains


def test_human_readable_report(capsys):
    assert main(["train", "--steps", "3", "--dataset", "moons"]) == 0
    out = capsys.readouterr().out
    assert "moons: 200 points (160 train, 40 test), 2-8-8-2 MLP, tanh, 114 parameters" in out
    assert "step 3: train loss" in out


def test_scenario_file_provides_points_and_options_override(tmp_path, capsys):
    scenario = Scenario.generate(Settings(data=DataSettings(dataset="gaussians", classes=3, points=60)))
    save(scenario, tmp_path / "s.json")
    assert main(["train", "--scenario", str(tmp_path / "s.json"), "--model", "linear", "--steps", "2"]) == 0
    out = capsys.readouterr().out
    assert "60 points (48 train, 12 test), 2-3 linear classifier" in out


def test_seed_alone_keeps_a_files_points(tmp_path, capsys):
    points = [[0.1 * i, -0.05 * i, i % 2] for i in range(10)]
    path = tmp_path / "hand.json"
    path.write_text(json.dumps({"format": "decision-playground/1", "points": points}))
    assert main(["train", "--scenario", str(path), "--seed", "4", "--steps", "1"]) == 0
    assert "10 points (10 train, 0 test)" in capsys.readouterr().out


@pytest.mark.parametrize("options, message", [
    (["--lr", "-1"], "--lr: must be above 0"),
    (["--hidden", "8,x"], "--hidden"),
    (["--hidden", "8,65"], "--hidden: must be between 1 and 64"),
    (["--dataset", "blobs"], "--dataset: must be one of"),
    (["--model", "cnn"], "--model: must be one of linear, mlp"),
    (["--features", "x1,zz"], '--features: unknown feature "zz"'),
    (["--dataset", "xor", "--classes", "3"], "--classes: xor makes 2 classes"),
    (["--points", "many"], '--points: must be a whole number, not "many"'),
    (["--steps", "-3"], "--steps: must be between 0 and 1000000, not -3"),
    (["--steps", "1000001"], "--steps: must be between 0 and 1000000, not 1000001"),
    (["--warp", "9"], "unrecognized arguments: --warp 9 (see playground train --help)"),
    (["--scenario", "/no/such/file.json"], "cannot read /no/such/file.json"),
])
def test_bad_usage_is_one_line_and_exit_2(capsys, options, message):
    assert main(["train", *options]) == 2
    err = capsys.readouterr().err
    assert message in err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_broken_scenario_names_the_field(tmp_path, capsys):
    path = tmp_path / "broken.json"
    path.write_text('{"format": "decision-playground/1", "points": [[0, 0, 0], [1, "x", 1]]}')
    assert main(["train", "--scenario", str(path)]) == 2
    assert "points[1]: must be three finite numbers" in capsys.readouterr().err


def test_train_runs_without_qt():
    """The headless command must work where PySide6 cannot even be imported."""
    code = ("import sys; sys.modules['PySide6'] = None; sys.modules['pyqtgraph'] = None\n"
            "from playground.cli import main; sys.exit(main(['train', '--steps', '3', '--json']))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["steps"] == 3


def test_module_entry_point_exit_code():
    result = subprocess.run([sys.executable, "-m", "playground", "train", "--lr", "0"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert result.stderr.startswith("playground: --lr:") and "Traceback" not in result.stderr


def test_json_layers_follow_the_model(capsys):
    result = train(capsys, "--hidden", "8,8", "--activation", "tanh", "--steps", "5")
    layers = result["layers"]
    assert [layer["name"] for layer in layers] == ["W1", "W2", "W3"]
    assert [layer["shape"] for layer in layers] == [[8, 2], [8, 8], [2, 8]]
    for layer in layers:
        assert set(layer) == {"name", "shape", "weight_norm", "grad_norm", "update_ratio", "dead_fraction"}
        assert layer["weight_norm"] > 0 and layer["grad_norm"] > 0 and layer["update_ratio"] > 0
        assert layer["dead_fraction"] is None  # tanh units do not die


def test_json_dead_fraction_is_for_relu_hidden_layers_only(capsys):
    layers = train(capsys, "--hidden", "16,16", "--activation", "relu", "--steps", "5")["layers"]
    assert all(0 <= layer["dead_fraction"] <= 1 for layer in layers[:-1])
    assert layers[-1]["dead_fraction"] is None  # the output layer has no activation


def test_json_layers_of_a_linear_classifier(capsys):
    layers = train(capsys, "--model", "linear", "--features", "x1,x2,x1x2", "--classes", "3",
                   "--dataset", "gaussians", "--steps", "0")["layers"]
    assert [(layer["name"], layer["shape"]) for layer in layers] == [("W1", [3, 3])]
    assert layers[0]["grad_norm"] == 0 and layers[0]["update_ratio"] == 0  # before any step

"""`train` with files: a model and points go out and come back; a bad file is one line, exit 2."""

import json

import numpy as np
import pytest

from engine import csv_points, model_file
from playground.cli import main


def train(capsys, *options: str) -> dict:
    assert main(["train", "--json", *options]) == 0
    return json.loads(capsys.readouterr().out)


def test_a_saved_model_scores_the_same_when_loaded(capsys, tmp_path):
    model = str(tmp_path / "model.npz")
    trained = train(capsys, "--dataset", "moons", "--hidden", "6", "--steps", "300", "--save-model", model)
    assert model_file.load(model).step == 300
    loaded = train(capsys, "--dataset", "moons", "--load-model", model, "--steps", "0")
    assert loaded["steps"] == 300
    for key in ("train_loss", "train_accuracy", "test_loss", "test_accuracy"):
        assert loaded[key] == trained[key]
    more = train(capsys, "--dataset", "moons", "--load-model", model, "--steps", "10")
    assert more["steps"] == 310  # training goes on from the file's weights


def test_points_exported_as_csv_train_the_same(capsys, tmp_path):
    points = str(tmp_path / "points.csv")
    exported = train(capsys, "--dataset", "circles", "--steps", "200", "--export-csv", points)
    loaded = csv_points.load(points)
    assert len(loaded.points) == 200 and loaded.is_test.sum() == 40
    again = train(capsys, "--csv", points, "--steps", "200")
    assert again["train_accuracy"] == pytest.approx(exported["train_accuracy"], abs=0.01)


def test_text_output_names_the_files_written(capsys, tmp_path):
    script = tmp_path / "model.py"
    assert main(["train", "--steps", "5", "--export-torch", str(script)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == f"saved {script}"
    compile(script.read_text(), str(script), "exec")


@pytest.mark.parametrize("options, expected", [
    (["--csv", "{tmp}/missing.csv"],
     "playground: --csv: cannot read {tmp}/missing.csv: No such file or directory"),
    (["--csv", "{tmp}/bad.csv"], "playground: --csv: line 3: the label must be a class name of 1 to 40 "
                                 "characters or a class number, not \"\""),
    (["--load-model", "{tmp}/bad.csv"], "playground: --load-model: not a NumPy .npz file"),
    (["--load-model", "{tmp}/model.npz", "--hidden", "4"],
     "playground: --hidden: the model file has 8,8; leave --hidden out to use it"),
    (["--load-model", "{tmp}/model.npz", "--dataset", "spiral", "--classes", "3"],
     "playground: --load-model: classes: the model is for 2 classes but the points have 3"),
    (["--save-model", "{tmp}/no-folder/m.npz"],
     "playground: --save-model: cannot save {tmp}/no-folder/m.npz: No such file or directory"),
])
def test_bad_files_are_one_line_and_exit_2(capsys, tmp_path, options, expected):
    (tmp_path / "bad.csv").write_text("x,y,label\n0,0,A\n0,1,\n")
    _model(tmp_path, capsys)
    tmp = str(tmp_path)
    assert main(["train", "--steps", "1", *[o.format(tmp=tmp) for o in options]]) == 2
    assert capsys.readouterr().err == expected.format(tmp=tmp) + "\n"


def _model(tmp_path, capsys) -> str:
    path = str(tmp_path / "model.npz")
    assert main(["train", "--steps", "1", "--json", "--save-model", path]) == 0
    capsys.readouterr()
    return path


def test_the_loaded_weights_are_the_saved_ones(capsys, tmp_path):
    path = _model(tmp_path, capsys)
    again = str(tmp_path / "again.npz")
    train(capsys, "--load-model", path, "--steps", "0", "--save-model", again)
    for saved, resaved in zip(model_file.load(path).parameters, model_file.load(again).parameters):
        np.testing.assert_array_equal(saved, resaved)

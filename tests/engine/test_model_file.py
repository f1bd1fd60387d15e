"""The trained model as .npz: it comes back with the same predictions, and a bad file says why."""

import json

import numpy as np
import pytest

from engine import model_file
from engine.model_file import ModelFile, ModelFileError
from engine.scenario import Scenario
from engine.settings import DataSettings, ModelSettings, Settings
from engine.trainer import Trainer


@pytest.fixture
def trained():
    scenario = Scenario.generate(Settings(
        data=DataSettings(dataset="spiral", classes=3, points=150),
        model=ModelSettings(hidden=(6, 5), activation="relu", features=("x1", "x2", "r", "theta"))))
    trainer = Trainer.for_scenario(scenario)
    trainer.step(40)
    return scenario, trainer


def test_a_saved_model_predicts_the_same_when_loaded(tmp_path, trained):
    scenario, trainer = trained
    path = tmp_path / "model.npz"
    model_file.save(path, ModelFile.of(trainer, scenario.class_names))
    loaded = model_file.load(path, n_classes=3)
    assert loaded.model == scenario.settings.model and loaded.class_names == ["A", "B", "C"]
    assert (loaded.step, loaded.epoch) == (40, 40.0)
    fresh = Trainer.for_scenario(scenario)  # other weights until it takes the file's
    fresh.set_parameters(loaded.parameters, loaded.step, loaded.epoch)
    grid = (-1.5, 1.5, -1.5, 1.5)
    np.testing.assert_array_equal(fresh.predict_grid(grid, 20), trainer.predict_grid(grid, 20))
    assert fresh.evaluate().train_loss == trainer.evaluate().train_loss and fresh.steps == 40


def test_the_file_is_plain_numpy_named_by_layer(tmp_path, trained):
    scenario, trainer = trained
    path = tmp_path / "model.npz"
    model_file.save(path, ModelFile.of(trainer, scenario.class_names))
    with np.load(path) as npz:  # no pickle needed
        assert sorted(npz.files) == ["W1", "W2", "W3", "b1", "b2", "b3", "settings"]
        assert npz["W1"].shape == (6, 4) and npz["b3"].shape == (3, 1)
        settings = json.loads(str(npz["settings"]))
    assert settings["format"] == "decision-playground-model/1" and settings["model"]["hidden"] == [6, 5]
    assert settings["training"]["loss"] == "cross_entropy"


def rewrite(path, tmp_path, change):
    """A copy of the model file at ``path`` with ``change(arrays, doc)`` applied."""
    arrays, doc = model_file.read_npz(path)
    change(arrays, doc)
    out = tmp_path / "changed.npz"
    model_file.write_npz(out, arrays, doc)
    return out


@pytest.mark.parametrize("change, field, code", [
    (lambda a, d: a.pop("W2"), "W2", "model_missing_array"),
    (lambda a, d: a.update(b1=np.zeros((6, 2))), "b1", "model_wrong_shape"),
    (lambda a, d: a["W3"].__setitem__((0, 0), np.nan), "W3", "model_not_finite"),
    (lambda a, d: d["model"].update(hidden=[6, 99]), "model.hidden", "outside_whole_range"),
    (lambda a, d: d["model"].update(hiden=[6]), "model", "unknown_field"),
    (lambda a, d: d.update(format="other/1"), "format", "wrong_format"),
    (lambda a, d: d.update(step=-3), "step", "not_whole"),
])
def test_a_damaged_file_names_what_is_wrong(tmp_path, trained, change, field, code):
    scenario, trainer = trained
    path = tmp_path / "model.npz"
    model_file.save(path, ModelFile.of(trainer, scenario.class_names))
    with pytest.raises(ModelFileError) as caught:
        model_file.load(rewrite(path, tmp_path, change))
    assert (caught.value.field, caught.value.code) == (field, code)


def test_other_files_are_refused(tmp_path, trained):
    scenario, trainer = trained
    (tmp_path / "text.npz").write_text("hello")
    np.save(tmp_path / "array.npy", np.zeros(3))
    np.savez(tmp_path / "bare.npz", W1=np.zeros(3))
    for name, code in [("text.npz", "model_not_npz"), ("array.npy", "model_not_npz"),
                       ("bare.npz", "model_missing_settings"), ("missing.npz", "cannot_read")]:
        with pytest.raises(ModelFileError) as caught:
            model_file.load(tmp_path / name)
        assert caught.value.code == code, name
    model_file.save(tmp_path / "model.npz", ModelFile.of(trainer, scenario.class_names))
    with pytest.raises(ModelFileError) as caught:
        model_file.load(tmp_path / "model.npz", n_classes=2)
    assert caught.value.code == "model_class_count" and caught.value.params == {"found": 3, "count": 2}


def test_set_parameters_refuses_other_shapes_and_changes_nothing(trained):
    scenario, trainer = trained
    before = [p.data.copy() for p in trainer.model.parameters()]
    with pytest.raises(ValueError):
        trainer.set_parameters([np.zeros((2, 2))] * 6)
    for p, saved in zip(trainer.model.parameters(), before):
        np.testing.assert_array_equal(p.data, saved)
    assert trainer.steps == 40

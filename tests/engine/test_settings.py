"""Settings validate every field once, naming the field at fault."""

import pytest

from engine.settings import DataSettings, ModelSettings, Settings, SettingsError, TrainingSettings


@pytest.mark.parametrize("make, field", [
    (lambda: DataSettings(dataset="blobs"), "dataset"),
    (lambda: DataSettings(points=0), "points"),
    (lambda: DataSettings(points=2.5), "points"),
    (lambda: DataSettings(points=True), "points"),
    (lambda: DataSettings(noise=-0.1), "noise"),
    (lambda: DataSettings(noise=float("nan")), "noise"),
    (lambda: DataSettings(dataset="moons", classes=3), "classes"),
    (lambda: DataSettings(dataset="spiral", classes=6), "classes"),
    (lambda: DataSettings(test_fraction=0.95), "test_fraction"),
    (lambda: DataSettings(seed=-1), "seed"),
    (lambda: ModelSettings(kind="cnn"), "kind"),
    (lambda: ModelSettings(hidden=(8,) * 7), "hidden"),
    (lambda: ModelSettings(hidden=(8, 65)), "hidden"),
    (lambda: ModelSettings(hidden="8,8"), "hidden"),
    (lambda: ModelSettings(activation="gelu"), "activation"),
    (lambda: ModelSettings(features=("x1", "z")), "features"),
    (lambda: ModelSettings(features="x1"), "features"),
    (lambda: TrainingSettings(loss="l1"), "loss"),
    (lambda: TrainingSettings(optimizer="rmsprop"), "optimizer"),
    (lambda: TrainingSettings(learning_rate=0), "learning_rate"),
    (lambda: TrainingSettings(learning_rate=float("inf")), "learning_rate"),
    (lambda: TrainingSettings(batch_size=-1), "batch_size"),
    (lambda: TrainingSettings(l2=11), "l2"),
    (lambda: Settings(seed=2**40), "seed"),
])
def test_bad_field_is_named(make, field):
    with pytest.raises(SettingsError) as error:
        make()
    assert error.value.field == field
    assert str(error.value).startswith(f"{field}: ")


def test_lists_become_tuples_and_replace_validates():
    model = ModelSettings(hidden=[4, 4], features=["x1", "x2", "r"])
    assert model.hidden == (4, 4) and model.features == ("x1", "x2", "r")
    assert model.replace(kind="linear").layers == ()
    with pytest.raises(SettingsError):
        model.replace(activation="nope")


def test_absurd_learning_rate_is_allowed_to_diverge():
    assert TrainingSettings(learning_rate=1e5).learning_rate == 1e5


def test_to_dict_round_trips():
    settings = Settings(model=ModelSettings(hidden=(3,)), seed=9)
    doc = settings.to_dict()
    assert doc["model"]["hidden"] == [3] and doc["seed"] == 9
    rebuilt = Settings(DataSettings(**doc["data"]), ModelSettings(**doc["model"]),
                       TrainingSettings(**doc["training"]), doc["seed"])
    assert rebuilt == settings

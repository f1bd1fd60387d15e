"""Settings validate every field once, naming the field at fault, with one table of limits."""

import math

import pytest

from engine.settings import (
    LIMITS,
    DataSettings,
    ModelSettings,
    Settings,
    SettingsError,
    TrainingSettings,
)


@pytest.mark.parametrize("make, field, code", [
    (lambda: DataSettings(dataset="blobs"), "dataset", "not_one_of"),
    (lambda: DataSettings(points=0), "points", "outside_whole_range"),
    (lambda: DataSettings(points=2.5), "points", "not_whole"),
    (lambda: DataSettings(points=True), "points", "not_whole"),
    (lambda: DataSettings(noise=-0.1), "noise", "outside_range"),
    (lambda: DataSettings(noise=float("nan")), "noise", "not_finite"),
    (lambda: DataSettings(noise="0.1"), "noise", "not_number"),
    (lambda: DataSettings(dataset="moons", classes=3), "classes", "fixed_class_count"),
    (lambda: DataSettings(dataset="spiral", classes=6), "classes", "outside_whole_range"),
    (lambda: DataSettings(test_fraction=0.95), "test_fraction", "outside_range"),
    (lambda: DataSettings(seed=-1), "seed", "outside_whole_range"),
    (lambda: ModelSettings(kind="cnn"), "kind", "not_one_of"),
    (lambda: ModelSettings(hidden=(8,) * 7), "hidden", "too_many_layers"),
    (lambda: ModelSettings(hidden=(8, 65)), "hidden", "outside_whole_range"),
    (lambda: ModelSettings(hidden="8,8"), "hidden", "not_width_list"),
    (lambda: ModelSettings(activation="gelu"), "activation", "not_one_of"),
    (lambda: ModelSettings(features=("x1", "z")), "features", "unknown_feature"),
    (lambda: ModelSettings(features="x1"), "features", "not_feature_list"),
    (lambda: ModelSettings(features=()), "features", "no_features"),
    (lambda: ModelSettings(features=("x1", "x1")), "features", "repeated_feature"),
    (lambda: TrainingSettings(loss="l1"), "loss", "not_one_of"),
    (lambda: TrainingSettings(optimizer="rmsprop"), "optimizer", "not_one_of"),
    (lambda: TrainingSettings(learning_rate=0), "learning_rate", "outside_open_range"),
    (lambda: TrainingSettings(learning_rate=float("inf")), "learning_rate", "not_finite"),
    (lambda: TrainingSettings(batch_size=-1), "batch_size", "outside_whole_range"),
    (lambda: TrainingSettings(l2=11), "l2", "outside_range"),
    (lambda: Settings(seed=2**40), "seed", "outside_whole_range"),
])
def test_bad_field_is_named_with_a_code(make, field, code):
    with pytest.raises(SettingsError) as error:
        make()
    assert (error.value.field, error.value.code) == (field, code)
    assert str(error.value).startswith(f"{field}: {code}")


def test_errors_carry_the_values_a_message_needs():
    with pytest.raises(SettingsError) as error:
        ModelSettings(hidden=(8, 65))
    assert error.value.params == {"low": 1, "high": 64, "value": 65}
    with pytest.raises(SettingsError) as error:
        DataSettings(dataset="circles", classes=1)
    assert error.value.params == {"low": 2, "high": 5, "value": 1}
    with pytest.raises(SettingsError) as error:
        DataSettings(dataset="xor", classes=3)
    assert error.value.params == {"dataset": "xor", "count": 2, "value": 3}
    with pytest.raises(SettingsError) as error:
        ModelSettings(features=("x1", "zz"))
    assert error.value.params["found"] == "zz" and "theta" in error.value.params["choices"]


def _with(path: str, value):
    """Settings with the field at ``path`` ("data.noise", "seed") set to ``value``."""
    section, _, name = path.rpartition(".")
    if section == "data":
        return DataSettings(dataset="circles", **{name: value})
    if section == "model":
        return ModelSettings(**{name: (value,)})
    if section == "training":
        return TrainingSettings(**{name: value})
    return Settings(**{name: value})


@pytest.mark.parametrize("path", LIMITS)
def test_validation_takes_its_limits_from_the_table(path):
    """Every limit in the table is the one validation applies: its ends pass, just beyond fails."""
    limit = LIMITS[path]
    beyond_high = limit.high + 1 if limit.whole else math.nextafter(limit.high, math.inf)
    below_low = limit.low if limit.low_open else (
        limit.low - 1 if limit.whole else math.nextafter(limit.low, -math.inf))
    _with(path, limit.high)
    if not limit.low_open:
        _with(path, limit.low)
    for value in (beyond_high, below_low):
        with pytest.raises(SettingsError) as error:
            _with(path, value)
        assert error.value.field == path.rpartition(".")[2]
        assert error.value.params["value"] == value


def test_seeds_go_up_to_2_to_the_32_minus_1():
    assert LIMITS["seed"].high == LIMITS["data.seed"].high == 4294967295
    assert Settings(seed=4294967295, data=DataSettings(seed=4294967295)).seed == 4294967295


def test_limit_contains():
    rate = LIMITS["training.learning_rate"]
    assert not rate.contains(0.0) and rate.contains(1e-9) and not rate.contains(float("nan"))
    assert LIMITS["data.noise"].contains(0.0) and not LIMITS["data.noise"].contains(1.5)


def test_lists_become_tuples_and_replace_validates():
    model = ModelSettings(hidden=[4, 4], features=["x1", "x2", "r"])
    assert model.hidden == (4, 4) and model.features == ("x1", "x2", "r")
    assert model.replace(kind="linear").layers == ()
    with pytest.raises(SettingsError):
        model.replace(activation="nope")


def test_features_keep_their_order():
    assert ModelSettings(features=["r", "x1"]).features == ("r", "x1")


def test_absurd_learning_rate_is_allowed_to_diverge():
    assert TrainingSettings(learning_rate=1e5).learning_rate == 1e5


def test_to_dict_round_trips():
    settings = Settings(model=ModelSettings(hidden=(3,)), seed=9)
    doc = settings.to_dict()
    assert doc["model"]["hidden"] == [3] and doc["seed"] == 9
    rebuilt = Settings(DataSettings(**doc["data"]), ModelSettings(**doc["model"]),
                       TrainingSettings(**doc["training"]), doc["seed"])
    assert rebuilt == settings

"""Every numeric control in the window takes its bounds from the engine: a settings field's from
``engine.settings.LIMITS``, the explorer's point from the points there are. A control added
without them fails here; each accepts its extremes, which the session then holds."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QAbstractSpinBox

from engine.settings import LIMITS, MAX_HIDDEN_LAYERS


def numeric_controls(window) -> dict:
    """Every numeric control the window has -> (low, high) the engine gives it."""
    data, model, training = (window.views[key] for key in ("data", "model", "training"))
    explorer = window.views["backprop"]
    bounds = {
        data.points: LIMITS["data.points"], data.noise: LIMITS["data.noise"],
        data.classes: LIMITS["data.classes"], data.seed: LIMITS["data.seed"],
        data.test_percent: LIMITS["data.test_fraction"],
        training.batch_size: LIMITS["training.batch_size"], training.seed: LIMITS["seed"],
        model.layer_count.box: (0, MAX_HIDDEN_LAYERS),
        **{stepper.box: LIMITS["model.hidden"] for stepper in model.widths},
        explorer.point: (0, len(window.session.points) - 1),
    }
    return {box: (limit.low, limit.high) if hasattr(limit, "low") else limit for box, limit in bounds.items()}


def test_every_number_box_has_the_engine_bounds(qtbot, window):
    controls = numeric_controls(window)
    assert set(window.findChildren(QAbstractSpinBox)) == set(controls)  # none without engine bounds
    for box, (low, high) in controls.items():
        scale = getattr(box, "scale", 1)
        assert (box.minimum(), box.maximum()) == (low * scale, high * scale), box


def test_the_typed_numbers_have_the_engine_bounds(qtbot, window):
    training = window.views["training"]
    for name in ("learning_rate", "l1", "l2"):
        choice, limit = getattr(training, name), LIMITS[f"training.{name}"]
        assert (choice.limit, choice.validator().bottom(), choice.validator().top()) == (
            limit, limit.low, limit.high)


def test_the_explorers_point_follows_the_points(qtbot, window):
    explorer, session = window.views["backprop"], window.session
    session.add_points([[0.1, 0.1], [0.2, 0.2]])
    assert explorer.point.maximum() == len(session.points) - 1 == 201
    session.clear_points()
    assert (explorer.point.minimum(), explorer.point.maximum()) == (0, 0)


@pytest.mark.parametrize("key, name, field", [
    ("data", "points", "data.points"), ("data", "noise", "data.noise"), ("data", "seed", "data.seed"),
    ("data", "test_percent", "data.test_fraction"), ("training", "batch_size", "training.batch_size"),
    ("training", "seed", "seed"),
])
def test_each_box_takes_its_extremes_into_the_session(qtbot, window, key, name, field):
    box = getattr(window.views[key], name)
    section, _, attribute = field.rpartition(".")
    attribute = {"test_percent": "test_fraction"}.get(name, attribute)
    for end in (box.minimum(), box.maximum()):
        box.setValue(end)
        holder = getattr(window.session.settings, section) if section else window.session.settings
        assert getattr(holder, attribute) == pytest.approx(end / box.scale)

"""A panel changes only the field its control shows, and shows every value a file may hold.

Issue 6: panels used to rebuild whole settings from their widgets, so widget
ranges and rounding rewrote fields nobody touched (a Points change made seed
123456 into 99999, noise 0.125 into 0.13 and test fraction 0.125 into 0.12; a
Loss change made batch size 6000 into 5000), and seeds past 2**31 - 1 crashed
``--scenario`` and showed 0 after File -> Open.
"""

import json

import pytest
from PySide6.QtWidgets import QApplication

from playground.cli import main
from playground.panels.controls import select

BIG_SEED = 4294967295  # the largest seed a file may hold


def write(tmp_path, **sections) -> str:
    path = tmp_path / "f.json"
    path.write_text(json.dumps({"format": "decision-playground/1", **sections}))
    return str(path)


@pytest.fixture
def odd_values(tmp_path) -> str:
    """A file with values the old widgets could not hold."""
    return write(tmp_path, data={"dataset": "circles", "points": 300, "noise": 0.125, "seed": 123456,
                                 "test_fraction": 0.125},
                 training={"batch_size": 6000, "learning_rate": 0.123456789})


def test_changing_points_keeps_seed_noise_and_test_fraction(qtbot, window, odd_values):
    assert window.open_file(odd_values)
    before = window.session.settings.data
    window.views["data"].points.setValue(250)
    assert window.session.settings.data == before.replace(points=250)


def test_changing_loss_keeps_the_batch_size(qtbot, window, odd_values):
    assert window.open_file(odd_values)
    before = window.session.settings.training
    select(window.views["training"].loss, "hinge")
    assert window.session.settings.training == before.replace(loss="hinge")


def test_each_data_control_changes_only_its_field(qtbot, window, odd_values):
    assert window.open_file(odd_values)
    panel, session = window.views["data"], window.session
    for name, box, shown, stored in (("noise", panel.noise, 0.3, 0.3), ("seed", panel.seed, 9, 9),
                                     ("test_fraction", panel.test_percent, 40, 0.4),
                                     ("classes", panel.classes, 4, 4)):
        before = session.settings.data
        box.setValue(shown)
        assert session.settings.data == before.replace(**{name: stored}), name


def test_odd_values_show_in_full(qtbot, window, odd_values):
    assert window.open_file(odd_values)
    data, training = window.views["data"], window.views["training"]
    assert data.noise.text() == "0.125" and data.test_percent.text() == "12.5 %"
    assert data.seed.text() == "123456" and training.batch_size.text() == "6000"
    assert training.learning_rate.currentText() == "0.123456789"


def test_leaving_the_learning_rate_box_keeps_its_value(qtbot, window, odd_values):
    assert window.open_file(odd_values)
    window.views["training"].learning_rate.lineEdit().editingFinished.emit()  # focus in and out
    assert window.session.settings.training.learning_rate == 0.123456789
    assert not window.isWindowModified()


def test_a_seed_above_2_to_the_31_opens_and_shows(qtbot, window, tmp_path):
    assert window.open_file(write(tmp_path, seed=BIG_SEED, data={"seed": BIG_SEED}))
    assert window.session.settings.seed == BIG_SEED
    assert window.views["training"].seed.text() == str(BIG_SEED)
    assert window.views["data"].seed.text() == str(BIG_SEED)


def test_the_largest_seeds_can_be_typed(qtbot, window):
    window.views["training"].seed.setValue(BIG_SEED)
    window.views["data"].seed.setValue(BIG_SEED)
    assert window.session.settings.seed == window.session.settings.data.seed == BIG_SEED
    assert isinstance(window.session.settings.seed, int)


def test_scenario_option_with_a_big_seed_opens_the_window(qtbot, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(QApplication, "exec", lambda self=None: shown.append(1) or 0)
    assert main(["--scenario", write(tmp_path, seed=BIG_SEED)]) == 0
    assert shown  # the window got as far as the event loop

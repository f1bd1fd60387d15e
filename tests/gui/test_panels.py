"""Every panel control changes its one field in the session, and every session change shows in it."""

import numpy as np
import pytest
from PySide6.QtCore import Qt

from playground.panels.controls import select

PROBE = np.array([[0.3, -0.2], [-0.7, 0.5], [0.1, 0.9]])


def outputs(session):
    """What the model computes at a few fixed points: equal exactly when the weights are."""
    return session.layer_activations(PROBE)


def assert_same_outputs(now, then):
    for a, b in zip(now, then, strict=True):
        np.testing.assert_array_equal(a, b)


@pytest.fixture
def data(window):
    return window.views["data"]


@pytest.fixture
def model(window):
    return window.views["model"]


@pytest.fixture
def training(window):
    return window.views["training"]


# ------------------------------------------------------------------- data
def test_dataset_choice_regenerates_and_undo_restores(qtbot, window, data):
    session = window.session
    before = session.points.copy()
    select(data.dataset, "spiral")
    assert session.settings.data.dataset == "spiral"
    assert not np.array_equal(session.points[:5], before[:5])
    window.actions.undo.trigger()
    assert session.settings.data.dataset == "xor" and data.dataset.currentData() == "xor"
    np.testing.assert_array_equal(session.points, before)


def test_generator_numbers_reach_the_session(qtbot, window, data):
    session = window.session
    select(data.dataset, "gaussians")
    data.classes.setValue(4)
    data.points.setValue(120)
    data.noise.setValue(0.2)
    data.seed.setValue(7)
    data.test_percent.setValue(50)
    d = session.settings.data
    assert (d.dataset, d.classes, d.points, d.noise, d.seed, d.test_fraction) == \
        ("gaussians", 4, 120, 0.2, 7, 0.5)
    assert isinstance(d.points, int) and isinstance(d.seed, int)
    assert session.n_classes == 4 and len(session.points) == 120
    assert session.is_test.sum() == 60
    assert session.model_info().sizes[-1] == 4


def test_session_data_settings_show_in_the_panel(qtbot, window, data):
    session = window.session
    for name, value in (("dataset", "circles"), ("classes", 3), ("points", 90), ("noise", 0.3), ("seed", 5)):
        session.set_data_field(name, value)
    assert data.dataset.currentData() == "circles" and data.classes.value() == 3
    assert data.points.value() == 90 and data.noise.value() == 0.3 and data.seed.value() == 5
    assert data.classes.isEnabled()
    session.set_data_field("dataset", "moons")
    assert not data.classes.isEnabled() and data.classes.value() == 2


def test_fixed_class_dataset_fixes_the_class_count(qtbot, window, data):
    select(data.dataset, "spiral")
    data.classes.setValue(5)
    select(data.dataset, "xor")
    assert window.session.settings.data.classes == 2 and data.classes.value() == 2


def test_regenerate_button_restores_generated_points(qtbot, window, data):
    session = window.session
    generated = session.points.copy()
    session.clear_points()
    data.regenerate.click()
    np.testing.assert_array_equal(session.points, generated)


def test_class_list_and_current_class(qtbot, window, data):
    session = window.session
    data.class_list.setCurrentRow(1)
    assert session.current_class == 1
    session.set_current_class(0)
    assert data.class_list.currentRow() == 0
    assert f"{int(((session.labels == 0) & ~session.is_test).sum())} train" in data.class_list.item(0).text()


def test_add_and_remove_class(qtbot, window, data):
    session = window.session
    data.add_class.click()
    assert session.n_classes == 3 and data.class_list.count() == 3
    assert session.current_class == 2 and session.model_info().sizes[-1] == 3
    session.add_points([[0.1, 0.1]])
    data.remove_class.click()
    assert session.n_classes == 2 and (session.labels < 2).all()
    assert not data.remove_class.isEnabled()


# ------------------------------------------------------------------ model
def test_linear_and_mlp_switch(qtbot, window, model):
    session = window.session
    model.linear.click()
    assert session.settings.model.kind == "linear" and session.model_info().sizes == (2, 2)
    assert not model.activation.isEnabled() and "linear classifier" in model.summary.text()
    model.mlp.click()
    assert session.model_info().sizes == (2, 8, 8, 2)


def test_layer_and_neuron_steppers(qtbot, window, model):
    session = window.session
    model.layer_count.plus.click()
    assert session.settings.model.hidden == (8, 8, 4)
    model.widths[2].plus.click()
    model.widths[0].minus.click()
    assert session.settings.model.hidden == (7, 8, 5)
    assert model.widths[2].box.text() == "5 neurons"
    for _ in range(3):
        model.layer_count.minus.click()
    assert session.settings.model.hidden == () and not model.layer_count.minus.isEnabled()
    assert not model.widths[0].isVisibleTo(model)


def test_a_layer_width_is_typed_in_one_edit(qtbot, window, model):
    """8 -> 16 is one edit, not eight clicks; the word after the number agrees with it."""
    session = window.session
    box = model.widths[0].box
    box.setFocus()
    box.lineEdit().selectAll()
    qtbot.keyClicks(box, "16")
    assert session.settings.model.hidden == (8, 8)  # not before the edit is committed
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert session.settings.model.hidden == (16, 8) and box.text() == "16 neurons"
    model.widths[1].box.setValue(1)
    assert session.settings.model.hidden == (16, 1) and model.widths[1].box.text() == "1 neuron"
    assert not model.widths[1].minus.isEnabled()
    model.layer_count.minus.click()
    assert model.layer_count.box.text() == "1 hidden layer"


def test_activation_and_features(qtbot, window, model):
    session = window.session
    select(model.activation, "relu")
    assert session.settings.model.activation == "relu"
    model.features["x1^2"].setChecked(True)
    assert session.settings.model.features == ("x1", "x2", "x1^2")
    assert session.model_info().sizes[0] == 3
    model.features["x1"].setChecked(False)
    model.features["x2"].setChecked(False)
    model.features["x1^2"].setChecked(False)  # the last input cannot go
    assert session.settings.model.features == ("x1^2",) and model.features["x1^2"].isChecked()


def test_ticking_a_feature_keeps_the_others_in_their_order(qtbot, window, model):
    session = window.session
    session.set_model_field("features", ("r", "x1"))
    model.features["theta"].setChecked(True)
    assert session.settings.model.features == ("r", "x1", "theta")
    model.features["x1"].setChecked(False)
    assert session.settings.model.features == ("r", "theta")


def test_session_model_settings_show_in_the_panel(qtbot, window, model):
    session = window.session
    session.set_model_field("hidden", (3, 5, 7))
    session.set_model_field("activation", "sigmoid")
    session.set_model_field("features", ("r", "theta"))
    assert model.layer_count.box.text() == "3 hidden layers"
    assert [w.value for w in model.widths[:3]] == [3, 5, 7]
    assert model.activation.currentData() == "sigmoid"
    assert [n for n, box in model.features.items() if box.isChecked()] == ["r", "theta"]
    assert model.summary.text().startswith("2-3-5-7-2 MLP, sigmoid")
    session.set_model_field("kind", "linear")
    assert model.linear.isChecked() and not model.layer_count.isEnabled()


# --------------------------------------------------------------- training
def test_training_controls_apply_without_reset(qtbot, window, training):
    session = window.session
    session.step(5)
    kept = outputs(session)
    select(training.optimizer, "adam")
    select(training.loss, "hinge")
    training.batch_size.setValue(20)
    training.learning_rate.setEditText("0.05")
    training.learning_rate.lineEdit().editingFinished.emit()
    training.l2.setCurrentIndex(training.l2.findData(0.001))
    training.l2.activated.emit(training.l2.currentIndex())
    t = session.settings.training
    assert (t.optimizer, t.loss, t.batch_size, t.learning_rate, t.l2) == ("adam", "hinge", 20, 0.05, 0.001)
    assert isinstance(t.batch_size, int)
    assert_same_outputs(outputs(session), kept)
    assert session._trainer.optimizer.learning_rate == 0.05  # white box: the trainer took it


def test_bad_learning_rate_text_is_refused(qtbot, window, training):
    training.learning_rate.setEditText("-3")
    training.learning_rate.lineEdit().editingFinished.emit()
    assert window.session.settings.training.learning_rate == 0.3
    assert training.learning_rate.currentText() == "0.3"


def test_a_typed_rate_highlights_no_preset(qtbot, window, training):
    """30 is not in the list: the list must not highlight 0.01 (or any other preset)."""
    rate = training.learning_rate
    select(rate, 0.01)
    rate.activated.emit(rate.currentIndex())
    assert window.session.settings.training.learning_rate == 0.01
    rate.setEditText("30")
    rate.lineEdit().editingFinished.emit()
    assert window.session.settings.training.learning_rate == 30
    assert rate.currentText() == "30" and rate.currentIndex() == -1
    rate.showPopup()
    assert rate.view().selectionModel().selectedRows() == []
    rate.hidePopup()
    window.session.set_training_field("learning_rate", 0.1)  # a preset again: selected
    assert rate.currentIndex() == rate.findData(0.1) and rate.currentText() == "0.1"


def test_seed_resets_to_new_weights(qtbot, window, training):
    session = window.session
    initial = outputs(session)
    training.seed.setValue(3)
    assert session.settings.seed == 3
    assert not np.array_equal(outputs(session)[0], initial[0])


def test_session_training_settings_show_in_the_panel(qtbot, window, training):
    session = window.session
    for name, value in (("loss", "mse"), ("optimizer", "momentum"), ("learning_rate", 0.007),
                        ("batch_size", 0), ("l1", 0.01)):
        session.set_training_field(name, value)
    assert training.loss.currentData() == "mse" and training.optimizer.currentData() == "momentum"
    assert training.learning_rate.currentText() == "0.007" and training.batch_size.text() == "full batch"
    assert training.l1.currentText() == "0.01"
    session.set_seed(12)
    assert training.seed.text() == "12"


def test_settings_changes_mark_the_window_modified(qtbot, window, training):
    assert not window.isWindowModified()
    select(training.optimizer, "adam")
    assert window.isWindowModified() and window.windowTitle().startswith("Untitled")

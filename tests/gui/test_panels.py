"""Every panel control changes the session, and every session change shows in its control."""

import numpy as np
from PySide6.QtCore import Qt

from engine.settings import DataSettings, ModelSettings, TrainingSettings
from playground.panels.controls import select


def weights(session):
    return [p.data.copy() for p in session.trainer.model.parameters()]


# ------------------------------------------------------------------- data
def test_dataset_choice_regenerates_and_undo_restores(qtbot, window):
    panel, session = window.data_panel, window.session
    before = session.scenario.points.copy()
    select(panel.dataset, "spiral")
    assert session.settings.data.dataset == "spiral"
    assert not np.array_equal(session.scenario.points[:5], before[:5])
    window.actions.undo.trigger()
    assert session.settings.data.dataset == "xor" and panel.dataset.currentData() == "xor"
    np.testing.assert_array_equal(session.scenario.points, before)


def test_generator_numbers_reach_the_session(qtbot, window):
    panel, session = window.data_panel, window.session
    select(panel.dataset, "gaussians")
    panel.classes.setValue(4)
    panel.points.setValue(120)
    panel.noise.setValue(0.2)
    panel.seed.setValue(7)
    panel.test_percent.setValue(50)
    d = session.settings.data
    assert (d.dataset, d.classes, d.points, d.noise, d.seed, d.test_fraction) == \
        ("gaussians", 4, 120, 0.2, 7, 0.5)
    assert session.n_classes == 4 and len(session.scenario.points) == 120
    assert session.scenario.is_test.sum() == 60
    assert session.trainer.model.sizes[-1] == 4


def test_session_data_settings_show_in_the_panel(qtbot, window):
    panel = window.data_panel
    window.session.regenerate(DataSettings(dataset="circles", classes=3, points=90, noise=0.3, seed=5))
    assert panel.dataset.currentData() == "circles" and panel.classes.value() == 3
    assert panel.points.value() == 90 and panel.noise.value() == 0.3 and panel.seed.value() == 5
    assert panel.classes.isEnabled()
    window.session.regenerate(DataSettings(dataset="moons"))
    assert not panel.classes.isEnabled() and panel.classes.value() == 2


def test_fixed_class_dataset_fixes_the_class_count(qtbot, window):
    panel = window.data_panel
    select(panel.dataset, "spiral")
    panel.classes.setValue(5)
    select(panel.dataset, "xor")
    assert window.session.settings.data.classes == 2 and panel.classes.value() == 2


def test_regenerate_button_restores_generated_points(qtbot, window):
    session = window.session
    generated = session.scenario.points.copy()
    session.clear_points()
    window.data_panel.regenerate.click()
    np.testing.assert_array_equal(session.scenario.points, generated)


def test_class_list_and_current_class(qtbot, window):
    panel, session = window.data_panel, window.session
    panel.class_list.setCurrentRow(1)
    assert session.current_class == 1
    session.set_current_class(0)
    assert panel.class_list.currentRow() == 0
    s = session.scenario
    assert f"{int(((s.labels == 0) & ~s.is_test).sum())} train" in panel.class_list.item(0).text()


def test_add_and_remove_class(qtbot, window):
    panel, session = window.data_panel, window.session
    panel.add_class.click()
    assert session.n_classes == 3 and panel.class_list.count() == 3
    assert session.current_class == 2 and session.trainer.model.sizes[-1] == 3
    session.add_points([[0.1, 0.1]])
    panel.remove_class.click()
    assert session.n_classes == 2 and (session.scenario.labels < 2).all()
    assert not panel.remove_class.isEnabled()


# ------------------------------------------------------------------ model
def test_linear_and_mlp_switch(qtbot, window):
    panel, session = window.model_panel, window.session
    panel.linear.click()
    assert session.settings.model.kind == "linear" and session.trainer.model.sizes == [2, 2]
    assert not panel.activation.isEnabled() and "linear classifier" in panel.summary.text()
    panel.mlp.click()
    assert session.trainer.model.sizes == [2, 8, 8, 2]


def test_layer_and_neuron_steppers(qtbot, window):
    panel, session = window.model_panel, window.session
    panel.layer_count.plus.click()
    assert session.settings.model.hidden == (8, 8, 4)
    panel.widths[2].plus.click()
    panel.widths[0].minus.click()
    assert session.settings.model.hidden == (7, 8, 5)
    assert panel.widths[2].label.text() == "5 neurons"
    for _ in range(3):
        panel.layer_count.minus.click()
    assert session.settings.model.hidden == () and not panel.layer_count.minus.isEnabled()
    assert not panel.widths[0].isVisibleTo(panel)


def test_activation_and_features(qtbot, window):
    panel, session = window.model_panel, window.session
    select(panel.activation, "relu")
    assert session.settings.model.activation == "relu"
    panel.features["x1^2"].setChecked(True)
    assert session.settings.model.features == ("x1", "x2", "x1^2")
    assert session.trainer.model.sizes[0] == 3
    panel.features["x1"].setChecked(False)
    panel.features["x2"].setChecked(False)
    panel.features["x1^2"].setChecked(False)  # the last input cannot go
    assert session.settings.model.features == ("x1^2",) and panel.features["x1^2"].isChecked()


def test_session_model_settings_show_in_the_panel(qtbot, window):
    panel = window.model_panel
    window.session.set_model_settings(ModelSettings(hidden=(3, 5, 7), activation="sigmoid",
                                                    features=("r", "theta")))
    assert panel.layer_count.label.text() == "3 hidden layers"
    assert [w.value for w in panel.widths[:3]] == [3, 5, 7]
    assert panel.activation.currentData() == "sigmoid"
    assert [n for n, box in panel.features.items() if box.isChecked()] == ["r", "theta"]
    assert panel.summary.text().startswith("2-3-5-7-2 MLP, sigmoid")


# --------------------------------------------------------------- training
def test_training_controls_apply_without_reset(qtbot, window):
    panel, session = window.training_panel, window.session
    session.step(5)
    kept = weights(session)
    select(panel.optimizer, "adam")
    select(panel.loss, "hinge")
    panel.batch_size.setValue(20)
    panel.learning_rate.setEditText("0.05")
    panel.learning_rate.lineEdit().editingFinished.emit()
    panel.l2.setCurrentIndex(panel.l2.findData(0.001))
    panel.l2.activated.emit(panel.l2.currentIndex())
    t = session.settings.training
    assert (t.optimizer, t.loss, t.batch_size, t.learning_rate, t.l2) == ("adam", "hinge", 20, 0.05, 0.001)
    for now, then in zip(weights(session), kept):
        np.testing.assert_array_equal(now, then)
    assert session.trainer.optimizer.learning_rate == 0.05


def test_bad_learning_rate_text_is_refused(qtbot, window):
    panel, session = window.training_panel, window.session
    panel.learning_rate.setEditText("-3")
    panel.learning_rate.lineEdit().editingFinished.emit()
    assert session.settings.training.learning_rate == 0.3
    assert panel.learning_rate.currentText() == "0.3"


def test_seed_resets_to_new_weights(qtbot, window):
    session = window.session
    initial = weights(session)
    window.training_panel.seed.setValue(3)
    assert session.settings.seed == 3
    assert not np.array_equal(weights(session)[0], initial[0])


def test_session_training_settings_show_in_the_panel(qtbot, window):
    panel = window.training_panel
    window.session.set_training_settings(TrainingSettings(
        loss="mse", optimizer="momentum", learning_rate=0.007, batch_size=0, l1=0.01))
    assert panel.loss.currentData() == "mse" and panel.optimizer.currentData() == "momentum"
    assert panel.learning_rate.currentText() == "0.007" and panel.batch_size.text() == "full batch"
    assert panel.l1.currentText() == "0.01"


def test_settings_changes_mark_the_window_modified(qtbot, window):
    assert not window.isWindowModified()
    select(window.training_panel.optimizer, "adam")
    assert window.isWindowModified() and window.windowTitle().startswith("Untitled")
    assert Qt  # the import is used by other tests in this tier

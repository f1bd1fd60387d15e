"""The session's door: one field at a time in, read-only queries out, undo through its own methods."""

import numpy as np
import pytest

from engine.losses import softmax
from engine.settings import SettingsError


def test_queries_are_read_only(session):
    for array in (session.points, session.labels, session.is_test):
        with pytest.raises(ValueError, match="read-only"):
            array[0] = 1
    assert isinstance(session.class_names, tuple)
    assert not hasattr(session, "trainer") and not hasattr(session, "scenario")


def test_boundary_grid_is_what_the_model_predicts_at_the_cell_centres(session):
    session.step(20)
    probs = session.boundary_grid((0.0, 1.0, -1.0, 0.0), (2, 3))  # nx = 2, ny = 3
    assert probs.shape == (2, 3, 2)
    np.testing.assert_allclose(probs.sum(axis=0), 1, rtol=1e-6)
    xs, ys = [0.25, 0.75], [-5 / 6, -0.5, -1 / 6]
    centres = np.array([[x, y] for y in ys for x in xs])  # row by row, as the grid
    scores = session.layer_activations(centres)[-1]
    np.testing.assert_allclose(softmax(scores).reshape(2, 3, 2), probs, rtol=1e-5)


def test_layer_activations_give_every_layer(session):
    session.set_model_field("hidden", (5, 3))
    layers = session.layer_activations(np.zeros((7, 2)))
    assert [layer.shape for layer in layers] == [(5, 7), (3, 7), (2, 7)]


def test_model_info(session):
    info = session.model_info()
    assert (info.sizes, info.kind, info.activation, info.parameters) == ((2, 8, 8, 2), "mlp", "tanh", 114)
    session.set_model_field("kind", "linear")
    assert (session.model_info().kind, session.model_info().sizes) == ("linear", (2, 2))


def test_a_data_field_changes_only_itself(session):
    session.set_data_field("seed", 123456)
    session.set_data_field("noise", 0.125)
    before = session.settings.data
    session.set_data_field("points", 150)
    assert session.settings.data == before.replace(points=150)
    assert len(session.points) == 150


def test_a_dataset_with_fixed_classes_brings_its_class_count(session):
    session.set_data_field("dataset", "spiral")
    session.set_data_field("classes", 4)
    session.set_data_field("dataset", "moons")
    data = session.settings.data
    assert (data.dataset, data.classes, session.n_classes) == ("moons", 2, 2)


def test_consecutive_data_fields_are_one_undo_step(session):
    before = session.points.copy()
    session.set_data_field("noise", 0.2)
    session.set_data_field("noise", 0.3)
    session.undo()
    np.testing.assert_array_equal(session.points, before)
    assert session.settings.data.noise == 0.05 and not session.can_undo()
    session.redo()
    assert session.settings.data.noise == 0.3


def test_a_bad_value_is_refused_and_changes_nothing(session):
    settings, points = session.settings, session.points.copy()
    for set_field, name, value in ((session.set_data_field, "noise", 2.0),
                                   (session.set_model_field, "hidden", (100,)),
                                   (session.set_training_field, "batch_size", -1)):
        with pytest.raises(SettingsError) as caught:
            set_field(name, value)
        assert caught.value.field == name
    assert session.settings == settings and not session.modified
    np.testing.assert_array_equal(session.points, points)


def test_training_fields_keep_the_weights_and_the_seed_resets_them(session):
    probe = np.array([[0.2, 0.4]])
    session.step(10)
    trained = session.layer_activations(probe)[-1]
    session.set_training_field("optimizer", "adam")
    np.testing.assert_array_equal(session.layer_activations(probe)[-1], trained)
    session.set_seed(5)
    assert session.stats.step == 0 and not np.array_equal(session.layer_activations(probe)[-1], trained)


def test_undo_state_is_announced(qtbot, session):
    assert not session.can_undo() and session.undo_text() == ""
    with qtbot.waitSignal(session.undo_changed, raising=True):
        session.add_points([[0.1, 0.1]])
    assert session.can_undo() and session.undo_text() == "Add point"
    with qtbot.waitSignal(session.undo_changed, raising=True):
        session.undo()
    assert session.can_redo() and session.redo_text() == "Add point" and not session.can_undo()


def test_points_within_and_near(session):
    session.clear_points()
    session.add_points([[0.0, 0.0], [0.05, 0.0], [0.5, 0.5]])
    np.testing.assert_array_equal(session.points_within((0.0, 0.0), 0.1), [0, 1])
    assert session.point_near((0.49, 0.5), 0.05) == 2 and session.point_near((0.3, 0.3), 0.05) is None

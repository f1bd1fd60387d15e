"""The lecture's spaces in the window: class templates on the canvas, feature space, hidden space,
and the still-linear page and status line."""

import numpy as np
import pytest

from engine.features import feature_matrix
from engine.scenario import Scenario
from engine.settings import DataSettings, ModelSettings, Settings
from playground.app import create_app
from playground.main_window import MainWindow
from playground.session import Session
from playground.views.hidden_space import PRESET_MODEL
from playground.views.linear_map import StillLinearStatus


@pytest.fixture
def window_on(make_window):
    """window_on(data, model): a window on a scenario of these data and model settings."""
    def make(data: dict, model: dict) -> MainWindow:
        create_app()
        settings = Settings(data=DataSettings(**data), model=ModelSettings(**model))
        return make_window(Session(Scenario.generate(settings)))
    return make


def page(window, name):
    """Show one page of the spaces dock (its tab in front of the network diagram's) and return it."""
    window.docks["spaces"].raise_()
    spaces = window.views["spaces"]
    spaces.setCurrentWidget(getattr(spaces, name))
    return getattr(spaces, name)


def wait_drawn(qtbot, clock):
    qtbot.waitUntil(lambda: clock.up_to_date, timeout=3000)


def drawn_classes(plot, xy):
    """The class whose region the plot draws at each of the coordinates xy (2, N)."""
    probs, (x_min, x_max, y_min, y_max) = plot.regions, plot.regions_bounds
    ny, nx = probs.shape[1:]
    rows = ((xy[1] - y_min) / (y_max - y_min) * ny).astype(int)
    columns = ((xy[0] - x_min) / (x_max - x_min) * nx).astype(int)
    return probs.argmax(axis=0)[rows, columns]


def scores(session, points):
    return session.layer_activations(np.asarray(points, dtype=float))[-1].astype(np.float64)


# ------------------------------------------------------------------- class templates
def test_template_arrows_are_the_linear_models_weight_rows_and_follow_training(qtbot, window_on):
    window = window_on({"dataset": "gaussians", "classes": 3}, {"kind": "linear"})
    session, arrows = window.session, window.templates
    assert not arrows.action.isChecked() and not any(s.isVisible() for s in arrows.shafts)
    arrows.action.trigger()
    for _ in range(2):
        session.step(40)
        # The model's own weight rows: score(e_i) - score(0) is column i of W.
        w = scores(session, np.eye(2)) - scores(session, np.zeros((1, 2)))
        np.testing.assert_allclose(arrows.vectors, w, rtol=1e-5, atol=1e-6)
        for k, shaft in enumerate(arrows.shafts[:3]):
            x, y = shaft.getData()
            np.testing.assert_allclose([x[1], y[1]], arrows.scale * w[k], rtol=1e-5, atol=1e-6)
            assert shaft.isVisible() and arrows.labels[k].toPlainText() == session.class_names[k]
    assert not arrows.shafts[-1].isVisible()  # three classes: no difference vector
    arrows.action.trigger()
    assert not any(item.isVisible() for item in (*arrows.shafts, *arrows.heads, arrows.caption))


def test_two_classes_add_the_difference_vector_normal_to_the_boundary(qtbot, window_on):
    window = window_on({"dataset": "linear"}, {"kind": "linear"})
    session, arrows = window.session, window.templates
    arrows.action.trigger()
    session.step(200)
    w = arrows.vectors
    x, y = arrows.shafts[-1].getData()
    difference = np.array([x[1] - x[0], y[1] - y[0]])
    np.testing.assert_allclose(difference, arrows.scale * (w[1] - w[0]), rtol=1e-6)
    qtbot.waitUntil(lambda: window.canvas.boundary_clock.up_to_date, timeout=2000)
    tie_x, tie_y = window.canvas.ties.getData()
    along = np.array([tie_x[-1] - tie_x[0], tie_y[-1] - tie_y[0]])  # the boundary is one straight line
    assert abs(along @ difference) / (np.linalg.norm(along) * np.linalg.norm(difference)) < 0.02
    assert arrows.labels[-1].toPlainText() == "B \u2212 A"


def test_template_arrows_say_when_the_model_has_no_templates(qtbot, window):
    window.templates.action.trigger()  # a tanh network
    assert not any(s.isVisible() for s in window.templates.shafts)
    assert window.templates.caption.isVisible()
    assert "linear model" in window.templates.caption.toPlainText()
    window.session.set_model_field("activation", "linear")  # a deep linear network: W = W3 W2 W1
    assert all(s.isVisible() for s in window.templates.shafts[:2])
    np.testing.assert_allclose(window.templates.vectors, window.session.linear_map().W, rtol=1e-12)


# --------------------------------------------------------------------- feature space
def test_feature_view_plots_the_engines_feature_transform_of_the_points(qtbot, window):
    view = page(window, "features")
    view.x_axis.setCurrentIndex(view.x_axis.findData("x1x2"))
    view.y_axis.setCurrentIndex(view.y_axis.findData("r"))
    assert view.plot.axes == ("x1x2", "r")
    wait_drawn(qtbot, view.plot.clock)
    s = window.session
    expected = feature_matrix(s.points, ["x1x2", "r"])
    np.testing.assert_array_equal(view.plot.coordinates, expected)
    x, y = view.plot.point_layers.train[0].getData()
    shown = (s.labels == 0) & ~s.is_test
    np.testing.assert_allclose(np.column_stack([x, y]), expected[:, shown].T)
    assert view.plot.regions is None  # the model uses x1 and x2: no regions in this plane
    assert "also uses x\u2081, x\u2082" in view.note.text()


def test_circles_become_separable_with_squared_features(qtbot, window_on):
    """The lecture's feature-space point: a linear model on x1^2, x2^2 separates the circles (>= 97%),
    and the feature view shows the two classes on either side of one straight line."""
    window = window_on({"dataset": "circles"}, {"kind": "linear", "features": ("x1^2", "x2^2")})
    view = page(window, "features")
    assert view.plot.axes == ("x1^2", "x2^2")  # the axes follow the model's features
    session = window.session
    session.step(1500)
    assert session.stats.train_accuracy >= 0.97
    wait_drawn(qtbot, view.plot.clock)
    assert (drawn_classes(view.plot, view.plot.coordinates) == session.labels).mean() >= 0.97
    x, y = view.plot.ties.getData()  # the boundary drawn in feature space is straight
    direction = np.array([x[-1] - x[0], y[-1] - y[0]]) / np.hypot(x[-1] - x[0], y[-1] - y[0])
    off_line = np.abs((x - x[0]) * direction[1] - (y - y[0]) * direction[0])
    x_min, x_max = view.plot.regions_bounds[:2]
    assert off_line.max() < 0.01 * (x_max - x_min)
    assert "straight line" in view.note.text()


def test_feature_axes_follow_the_models_features(qtbot, window):
    view = page(window, "features")
    window.session.set_model_field("features", ("x1", "x2", "sin_x1"))
    assert (view.x_axis.currentData(), view.y_axis.currentData()) == ("x1", "x2")
    assert "sin \u03c0x\u2081" in view.note.text()
    window.session.set_model_field("features", ("theta",))
    assert view.plot.axes == ("theta", "x1")


# ---------------------------------------------------------------------- hidden space
def test_preset_xor_through_a_two_unit_layer(qtbot, window):
    view = page(window, "hidden")
    window.session.set_data_field("dataset", "circles")
    view.preset.click()
    s = window.session
    assert s.settings.data.dataset == "xor" and s.settings.model.hidden == PRESET_MODEL["hidden"]
    assert s.model_info().sizes == (2, 4, 2, 2) and s.settings.model.activation == "tanh"
    assert view.layer.currentData() == 2 and view.layer.currentText() == "Layer 2 · 2 units"
    assert s.can_undo()  # the data change is undoable, as any other


def test_hidden_boundary_classifies_the_hidden_points_as_the_model_does_the_inputs(qtbot, window):
    view = page(window, "hidden")
    view.preset.click()
    s = window.session
    s.step(300)
    wait_drawn(qtbot, view.plot.clock)
    space = view.plot.space
    assert space.exact and space.layer == 2
    w, b = space.output
    in_hidden_space = (w @ space.points + b[:, None]).argmax(axis=0)
    np.testing.assert_array_equal(in_hidden_space, scores(s, s.points).argmax(axis=0))
    np.testing.assert_allclose(space.points, s.layer_activations(s.points)[1], rtol=1e-6)
    # and the regions drawn put the points on the same sides
    assert (drawn_classes(view.plot, space.points) == in_hidden_space).mean() > 0.97
    assert "straight line" in view.note.text()


def test_hidden_view_of_a_wide_layer_states_the_variance_its_pca_keeps(qtbot, window):
    view = page(window, "hidden")
    window.session.step(100)
    wait_drawn(qtbot, view.plot.clock)
    space = view.plot.space
    assert not space.exact and space.width == 8 and space.output is None
    assert f"keep {space.variance_kept:.0%} of their variance" in view.note.text()
    h = window.session.layer_activations(window.session.points)[1].astype(np.float64)
    kept = np.var(space.points, axis=1).sum() / np.var(h, axis=1).sum()
    assert kept == pytest.approx(space.variance_kept, rel=1e-4)
    x, y = view.plot.grid.getData()
    x_axes, _ = view.plot.grid_axes.getData()
    assert np.isfinite(x).sum() + np.isfinite(x_axes).sum() == 42 * 50  # 21 + 21 lines of 50 points
    assert view.plot.regions is None


def test_hidden_view_redraws_on_its_own_clock_while_training(qtbot, window):
    view = page(window, "hidden")
    clock = view.plot.clock
    window.runner.play()
    with qtbot.waitSignal(clock.refreshed, timeout=3000):
        pass
    first = view.plot.space.points.copy()
    qtbot.waitUntil(lambda: window.session.stats.step > 100, timeout=5000)
    with qtbot.waitSignal(clock.refreshed, timeout=3000):
        pass
    window.runner.pause()
    assert not np.array_equal(view.plot.space.points, first)


def test_a_page_not_showing_does_no_work_and_catches_up_when_shown(qtbot, window):
    wait_drawn(qtbot, page(window, "features").plot.clock)
    hidden = window.views["spaces"].hidden.plot
    before = hidden.space
    window.session.step(5)
    assert not hidden.clock.up_to_date and hidden.space is before  # nothing computed while hidden
    page(window, "hidden")
    wait_drawn(qtbot, hidden.clock)
    assert hidden.space is not before


def test_layer_chooser_follows_the_architecture(qtbot, window):
    view = page(window, "hidden")
    window.session.set_model_field("hidden", (5, 3, 2))
    assert [view.layer.itemText(i) for i in range(view.layer.count())] == \
        ["Layer 1 · 5 units", "Layer 2 · 3 units", "Layer 3 · 2 units"]
    view.layer.setCurrentIndex(0)
    assert view.plot.layer == 1
    window.session.set_model_field("kind", "linear")
    assert not view.layer.isEnabled() and view.plot.layer is None
    assert "no hidden layer" in view.note.text()


def test_opening_a_model_with_fewer_layers_while_the_hidden_view_shows(qtbot, window, tmp_path):
    from engine.scenario import save

    view = page(window, "hidden")
    wait_drawn(qtbot, view.plot.clock)
    assert view.plot.layer == 2
    scenario = Scenario.generate(Settings(model=ModelSettings(hidden=(3,))))
    save(scenario, tmp_path / "one-layer.json")
    assert window.open_file(str(tmp_path / "one-layer.json"))
    wait_drawn(qtbot, view.plot.clock)
    assert view.plot.layer == 1 and view.plot.space.width == 3


# ------------------------------------------------------------------------ still linear
def test_still_linear_page_and_status_line_for_a_deep_linear_network(qtbot, window):
    s = window.session
    status = window.statusBar().findChild(StillLinearStatus)
    assert not status.isVisible()
    view = page(window, "linear")
    wait_drawn(qtbot, view.clock)
    assert not view.bars.isVisible() and "not one linear map" in view.text.text()
    s.set_model_field("activation", "linear")
    s.set_model_field("hidden", (8, 8, 8))
    s.step(50)
    wait_drawn(qtbot, view.clock)
    found = s.linear_map()
    assert found.layers == 4 and found.max_difference < 1e-12
    assert "W\u2084\u00b7W\u2083\u00b7W\u2082\u00b7W\u2081" in view.text.text()
    assert f"{found.max_difference:.1e}" in view.text.text()
    np.testing.assert_array_equal(view.bars.heights, found.W)
    wait_drawn(qtbot, status.clock)
    assert status.isVisible() and status.text().startswith("Still linear: W\u2084\u00b7W\u2083")
    s.set_model_field("activation", "relu")
    assert not status.isVisible()

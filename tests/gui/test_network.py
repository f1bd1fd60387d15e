"""The network panel: one tile per neuron, edges that follow the weights and the real gradients,
the numbers under the mouse, a neuron's map on the canvas, and `render --view network`."""

import math

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest

from engine.scenario import Scenario
from engine.settings import ModelSettings, Settings
from playground.cli import main
from playground.session import Session
from playground.views import network_style as ns
from playground.views.network import NetworkView, number
from playground.views.network_layout import EDGE_CAP


@pytest.fixture
def view(qtbot, session) -> NetworkView:
    widget = NetworkView(session)
    qtbot.addWidget(widget)
    widget.resize(700, 240)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _session(qtbot, hidden, activation="tanh", features=("x1", "x2")) -> Session:
    settings = Settings(model=ModelSettings(hidden=hidden, activation=activation, features=features))
    return Session(Scenario.generate(settings))


def _centre(diagram, column, unit) -> QPoint:
    """The middle of a neuron's tile, in the diagram's pixels."""
    slot = int(np.flatnonzero(diagram.shown[column] == unit)[0])
    x, y = diagram.layout.columns[column].slots[slot] + diagram.layout.tile / 2
    return QPoint(round(x), round(y))


def _on_edge(diagram, layer, to, frm) -> QPoint:
    """A pixel on an edge where no tile and no other edge is nearer."""
    x0, y0, x1, y1 = diagram._segments[diagram._edge(layer, to, frm)]
    for t in np.linspace(0.05, 0.95, 91):
        point = QPoint(round(x0 + t * (x1 - x0)), round(y0 + t * (y1 - y0)))
        if diagram.target_at(point.x(), point.y()) == ("edge", layer, to, frm):
            return point
    raise AssertionError("the edge is hidden everywhere")


@pytest.mark.parametrize("hidden, features", [((), ("x1", "x2")), ((3,), ("x1", "x2", "x1^2")),
                                              ((8, 8, 8), ("x1", "x2")), ((64,) * 6, ("x1", "x2"))])
def test_one_node_per_neuron_input_and_output(qtbot, hidden, features):
    session = _session(qtbot, hidden, features=features)
    view = NetworkView(session)
    qtbot.addWidget(view)
    view.resize(700, 240)
    view.show()
    view.refresh()
    sizes = (len(features), *hidden, 2)
    columns = view.diagram.layout.columns
    assert tuple(column.size for column in columns) == sizes
    for column, shown in zip(columns, view.diagram.shown):
        assert len(shown) == len(column.slots) == len(set(shown.tolist()))
        assert len(shown) + column.more == column.size
    if max(sizes) <= 8:
        assert all(column.more == 0 for column in columns)  # every neuron has its tile
    else:  # 6 x 64: the strongest of each layer, and how many more
        assert all(len(column.slots) >= 4 and column.more for column in columns[1:-1])
    n_edges = sum(len(a) * len(b) for a, b in zip(view.diagram.shown, view.diagram.shown[1:]))
    assert len(view.diagram._segments) == n_edges
    assert len(view.diagram._edge_paths) <= 2 * len(ns.WIDTHS)  # a few paths, never one item per edge


def test_the_diagram_follows_a_model_change_at_once(qtbot, view, session):
    session.set_model_field("hidden", (4, 5))
    assert [c.size for c in view.diagram.layout.columns] == [2, 4, 5, 2]  # no waiting for the clock
    session.set_model_field("kind", "linear")
    assert [c.size for c in view.diagram.layout.columns] == [2, 2]
    session.add_class()
    assert [c.size for c in view.diagram.layout.columns] == [2, 3]
    session.set_training_field("loss", "hinge")
    assert view.diagram.captions.loss == "Hinge (multiclass SVM)"


def test_an_edge_follows_a_weight_set_in_the_model(qtbot, view, session):
    weight = session._trainer.model.layers[1].W.data
    weight[2, 5] = 3.0
    view.refresh()
    pen = view.diagram.edge_pen(2, 2, 5)
    assert pen.color().name() == QColor(ns.POSITIVE).name().lower() and pen.widthF() == ns.WIDTHS[-1]
    weight[2, 5] = -0.3
    view.refresh()
    pen = view.diagram.edge_pen(2, 2, 5)
    assert pen.color() == ns.paled(ns.NEGATIVE, ns.WEIGHT_ALPHAS[1] / 255) and pen.widthF() == ns.WIDTHS[1]


def test_gradient_mode_shows_the_engines_gradient(qtbot, view, session):
    session.step(3)
    view.set_gradient_mode(True)
    grads = [layer.W.grad for layer in session._trainer.model.layers]
    top = view.diagram.gradient_top
    largest = max(float(np.abs(g).max()) for g in grads)
    assert 10.0 ** (top - 1) < max(largest, *(a.output_grad.max() for a in view.arrays)) <= 10.0 ** top
    for layer, to, frm in ((1, 0, 1), (2, 3, 4), (3, 1, 7)):
        g = grads[layer - 1][to, frm]
        k = int(ns.gradient_classes(np.array([g]), top)[0])
        pen = view.diagram.edge_pen(layer, to, frm)
        assert pen.color().name() == ns.GRADIENT_COLORS[k].lower() and pen.widthF() == ns.WIDTHS[k]
        assert f"∂L/∂w {number(g)}," in view.edge_text(layer, to, frm)
    assert view.legend.gradient_mode and view.legend.top == top


def test_gradient_flow_switches_on_when_training_starts_unless_chosen(qtbot, window):
    view = window.views["network"]
    assert not view.gradient_mode
    window.runner.play()
    assert view.gradient_mode
    window.runner.pause()
    view.gradient_toggle.click()  # the user turns it off: it stays off
    window.runner.play()
    window.runner.pause()
    assert not view.gradient_mode


def test_hovering_an_edge_shows_its_weight_gradient_and_update(qtbot, view, session):
    session.step(2)
    view.refresh()
    QTest.mouseMove(view.diagram, _on_edge(view.diagram, 2, 3, 6))
    assert view.hovered == ("edge", 2, 3, 6)
    arrays = session.network_arrays()[1]
    text = view.info.full_text
    assert text.startswith(f"W2[4,7]: weight {number(arrays.weight[3, 6])}, ")
    gradient, update = number(arrays.weight_grad[3, 6]), number(arrays.weight_update[3, 6])
    assert f"∂L/∂w {gradient}, last update {update}" in text
    assert "(layer 1 #7 → layer 2 #4)" in text


def test_hovering_a_neuron_shows_its_bias_range_and_saturation(qtbot, view, session):
    session.step(2)
    view.refresh()
    QTest.mouseMove(view.diagram, _centre(view.diagram, 1, 2))
    assert view.hovered == ("neuron", 1, 2)
    stats = session.neuron_stats()[0]
    text = view.info.full_text
    assert text.startswith(f"layer 1 #3: bias {number(stats.bias[2])}, pre-activation "
                           f"{number(stats.pre_min[2])} … {number(stats.pre_max[2])}, saturated on ")
    assert f"{stats.saturated[2]:.0%} of training points" in text


def test_a_relu_neuron_reports_its_dead_share(qtbot):
    session = _session(qtbot, (8,), activation="relu")
    view = NetworkView(session)
    qtbot.addWidget(view)
    session.step(5)
    view.refresh()
    stats = session.neuron_stats()[0]
    assert f"dead (0) on {stats.dead[4]:.0%} of training points" in view.neuron_text(1, 4)
    assert "dead" not in view.neuron_text(2, 0) and view.neuron_text(2, 0).startswith("score of A:")


def test_a_hovered_neuron_is_drawn_on_the_canvas_and_a_click_pins_it(qtbot, window):
    view, canvas = window.views["network"], window.canvas
    overlay = view.overlay
    QTest.mouseMove(view.diagram, _centre(view.diagram, 2, 5))
    assert overlay.shown and overlay.image.isVisible() and overlay.caption.toPlainText() == "layer 2 #6"
    bounds = canvas.visible_bounds()
    ny, nx = overlay.map_image().shape[:2]
    expected = window.session.neuron_maps(bounds, (nx, ny))[2][5]  # layer 2, neuron 6, on the plane shown
    bluer = overlay.map_image()[..., 2].astype(int) - overlay.map_image()[..., 0].astype(int)
    assert np.corrcoef(bluer.ravel(), expected.ravel())[0, 1] > 0.95  # blue where it is positive
    QTest.mouseMove(view.diagram, QPoint(2, 2))
    assert not overlay.shown  # hover only: gone when the mouse leaves the neuron
    QTest.mouseClick(view.diagram, Qt.MouseButton.LeftButton, pos=_centre(view.diagram, 2, 5))
    QTest.mouseMove(view.diagram, QPoint(2, 2))
    assert view.pinned == ("neuron", 2, 5) and overlay.shown
    assert overlay.caption.toPlainText() == "layer 2 #6 (pinned: Esc to unpin)"
    QTest.keyClick(window, Qt.Key.Key_Escape)
    assert view.pinned is None and not overlay.shown
    QTest.mouseClick(view.diagram, Qt.MouseButton.LeftButton, pos=_centre(view.diagram, 0, 1))
    QTest.mouseMove(view.diagram, QPoint(2, 2))
    assert overlay.shown and overlay.caption.toPlainText().startswith("input x₂")
    QTest.mouseClick(view.diagram, Qt.MouseButton.LeftButton, pos=_centre(view.diagram, 0, 1))
    assert not overlay.shown  # a second click unpins


def test_a_hidden_panel_waits_and_a_shown_one_redraws_on_its_clock(qtbot, view, session):
    with qtbot.waitSignal(view.clock.refreshed, timeout=2000):
        session.step(1)
    view.hide()
    redraws = []
    view.clock.refreshed.connect(lambda: redraws.append(1))
    session.step(1)
    view.set_gradient_mode(True)
    qtbot.wait(250)
    assert not redraws  # nothing drawn while nobody can see it
    view.show()
    qtbot.waitUntil(lambda: len(redraws) > 0, timeout=2000)  # drawn once shown
    assert view.diagram.gradient_mode


def test_render_saves_the_network(tmp_path, capsys, qtbot):
    for options in ([], ["--gradients"]):
        out = tmp_path / f"network{len(options)}.png"
        assert main(["render", "--view", "network", *options, "--hidden", "4,4", "--steps", "20",
                     "--size", "640x260", "--out", str(out)]) == 0
        image = QImage(str(out))
        assert (image.width(), image.height()) == (640, 260)
    assert "saved" in capsys.readouterr().out
    assert main(["render", "--gradients", "--out", str(tmp_path / "x.png")]) == 2
    assert "--gradients: only with --view network" in capsys.readouterr().err


def test_numbers_for_people():
    assert number(0.0123456) == "0.0123" and number(-2.5e-6) == "-2.50e-06" and number(math.nan) == "—"


def test_a_resized_diagram_keeps_its_maps_without_waiting_for_training(qtbot, view, session):
    view.refresh()
    before = view.diagram.atlas.image[..., 3].sum()
    view.resize(900, 300)
    qtbot.waitUntil(lambda: view.diagram.width() > 800)
    assert view.diagram.atlas.image.shape[1] == view.diagram.width()
    assert view.diagram.atlas.image[..., 3].sum() > before  # bigger tiles, painted at once


def test_between_two_wide_layers_only_the_strongest_edges_are_drawn(qtbot):
    session = _session(qtbot, (64, 64))
    view = NetworkView(session)
    qtbot.addWidget(view)
    view.resize(1800, 260)
    view.show()
    view.refresh()
    diagram = view.diagram
    assert [len(shown) for shown in diagram.shown] == [2, 64, 64, 2]  # room for every tile
    weights = np.abs(session.network_arrays()[1].weight)
    drawn = [(to, frm) for to in range(64) for frm in range(64) if diagram.edge_pen(2, to, frm) is not None]
    assert len(drawn) == EDGE_CAP
    kept = np.zeros((64, 64), bool)
    kept[tuple(np.array(drawn).T)] = True
    assert weights[kept].min() >= weights[~kept].max()
    assert any(text == f"strongest {EDGE_CAP} of 4096" for _, text, _, _ in diagram._footer)
    assert diagram.edge_pen(1, 5, 1) is not None  # 128 edges from the inputs: all drawn


def test_a_model_change_forgets_the_hovered_and_pinned_neurons(qtbot, window):
    view = window.views["network"]
    QTest.mouseMove(view.diagram, _centre(view.diagram, 2, 7))
    QTest.mouseClick(view.diagram, Qt.MouseButton.LeftButton, pos=_centre(view.diagram, 2, 7))
    assert view.pinned == ("neuron", 2, 7) and view.hovered == ("neuron", 2, 7)
    window.session.set_model_field("hidden", (3,))
    assert view.pinned is None and view.hovered is None and not view.overlay.shown
    assert view.info.full_text.startswith("Point at a neuron")


def test_a_view_behind_another_tab_waits_until_its_tab_is_raised(qtbot, window):
    """Qt moves a tabbed dock's hidden pages out of sight rather than hiding them."""
    view, session = window.views["network"], window.session
    window.docks["spaces"].raise_()
    qtbot.waitUntil(lambda: window.docks["network"].visibleRegion().isEmpty(), timeout=2000)
    redraws = []
    view.clock.refreshed.connect(lambda: redraws.append(1))
    session.step(3)
    qtbot.wait(250)
    assert not redraws and not view.clock.up_to_date
    window.docks["network"].raise_()
    qtbot.waitUntil(lambda: view.clock.up_to_date, timeout=2000)
    assert redraws

"""The backprop explorer tab: the lecture's examples stepped through, a typed formula, the model's graph."""

import numpy as np
import pytest
from PySide6.QtCore import Qt

from engine.expression_graph import LECTURE_EXAMPLES
from tests.gui.test_canvas import click


@pytest.fixture
def explorer(qtbot, window):
    view = window.views["backprop"]
    window.centre.setCurrentWidget(view)
    qtbot.waitExposed(view)
    return view


def edge_texts(explorer, consumer, slot):
    """(value above, gradient below) written on input ``slot`` of node ``consumer``; '' when hidden."""
    edge = explorer.scene.edges[consumer, slot]
    return tuple(label.text.text() if label.isVisible() else "" for label in (edge.value, edge.gradient))


def node_id(explorer, source):
    return next(n.id for n in explorer.replay.trace.nodes if n.source == source)


def test_the_first_example_is_shown_at_its_inputs(explorer):
    assert explorer.sources["add_mul"].isChecked() and explorer.position == 0
    assert explorer.replay.last == 4 and explorer.slider.maximum() == 4
    mul = node_id(explorer, "(x + y) * z")
    assert edge_texts(explorer, mul, 1) == ("\u22124", "")  # z's value is known from the start
    assert edge_texts(explorer, mul, 0) == ("", "")          # x + y is not computed yet
    assert not explorer.back_button.isEnabled() and explorer.forward_button.isEnabled()


def test_stepping_writes_values_then_gradients_on_the_edges(explorer):
    add, mul = node_id(explorer, "(x + y)"), node_id(explorer, "(x + y) * z")
    explorer.forward_button.click()  # forward 1: x + y = 3
    assert edge_texts(explorer, mul, 0) == ("3", "")
    assert "\u22122 + 5 = 3" in explorer.explanation.toPlainText()
    explorer.forward_button.click()
    explorer.forward_button.click()  # backward 1: the mul gate, upstream 1
    assert edge_texts(explorer, mul, 0) == ("3", "1 \u00d7 \u22124\n= \u22124")  # spelled out while current
    assert edge_texts(explorer, mul, 1) == ("\u22124", "1 \u00d7 3\n= 3")
    assert "to (x + y): upstream 1 \u00d7 local \u22124 = \u22124" in explorer.explanation.toPlainText()
    stub = explorer.scene.stub  # the output's arrow: its value, and the seed 1 below it
    assert (stub.value.text.text(), stub.gradient.text.text()) == ("\u221212", "1")
    explorer.forward_button.click()  # backward 2: add distributes
    assert edge_texts(explorer, mul, 0) == ("3", "\u22124")  # finished edges keep value and gradient
    assert edge_texts(explorer, add, 0) == ("\u22122", "\u22124 \u00d7 1\n= \u22124")
    assert not explorer.forward_button.isEnabled()
    explorer.back_button.click()
    assert edge_texts(explorer, add, 0) == ("\u22122", "")  # one step back: that gradient is gone again


def test_the_slider_and_the_reset_button_move_through_all_steps(explorer):
    explorer.slider.setValue(explorer.replay.last)
    assert explorer.position == explorer.replay.last
    assert explorer.explanation.toPlainText().startswith("Backward 2 of 2")
    explorer.reset_button.click()
    assert explorer.position == 0 and explorer.slider.value() == 0


def test_play_steps_on_a_timer_to_the_end(qtbot, explorer):
    explorer.timer.setInterval(5)
    explorer.play_button.click()
    assert explorer.play_button.text() == "Pause"
    qtbot.waitUntil(lambda: explorer.position == explorer.replay.last)
    assert not explorer.timer.isActive() and explorer.play_button.text() == "Play"


@pytest.mark.parametrize("key", LECTURE_EXAMPLES)
def test_each_example_is_one_click_and_ends_with_the_lectures_gradients(explorer, key):
    explorer.sources[key].trigger()
    assert explorer.sources[key].isChecked()
    assert explorer.formula_bar.formula.text() == LECTURE_EXAMPLES[key][0]
    explorer.go(explorer.replay.last)
    trace = explorer.replay.trace
    for node in trace.nodes:  # every edge shows its value and the gradient it carried back
        for slot, parent in enumerate(node.inputs):
            if parent in explorer.scene._hidden:
                continue
            value, gradient = edge_texts(explorer, node.id, slot)
            assert value or not explorer.scene.edges[node.id, slot].value.shown
            sent = trace.sent(node.id, slot)
            assert (gradient != "") == (sent is not None)


def test_the_sigmoid_neuron_in_one_gate_takes_fewer_steps(explorer):
    explorer.sources["neuron_gates"].trigger()
    gates = explorer.replay.last
    explorer.sources["neuron_sigmoid"].trigger()
    assert explorer.replay.last < gates
    assert len(explorer.scene.circles) == 5  # two mul, two add and the sigmoid
    explorer.go(explorer.replay.n_forward + 1)
    assert "\u03c3" in explorer.explanation.toPlainText()


def test_gate_patterns_are_written_under_their_nodes(explorer):
    explorer.sources["patterns"].trigger()
    texts = {item.text() for item in explorer.scene.items() if hasattr(item, "text") and callable(item.text)}
    assert {"distributes", "swaps", "routes"} <= texts


def test_a_typed_formula_with_a_copy_gate(explorer):
    explorer.formula_bar.set_formula("x * y + x", "x=3, y=-4")
    explorer.formula_bar.submit()
    assert not any(button.isChecked() for button in explorer.sources.values())
    ops = [n.op for n in explorer.replay.trace.nodes]
    assert ops.count("copy") == 1
    explorer.go(explorer.replay.last)  # the copy gate's step, the last: upstream -4 + 1
    assert "upstream = \u22124 + 1 = \u22123" in explorer.explanation.toPlainText()


def test_a_bad_formula_is_underlined_and_the_graph_stays(explorer):
    before = explorer.replay.trace
    explorer.formula_bar.set_formula("x + * y", "x=1, y=2")
    explorer.formula_bar.submit()
    bar = explorer.formula_bar
    assert bar.error.isVisible() and "expected a number, a variable or ( here" in bar.error.text()
    assert bar.formula.selectionStart() == 4 and bar.formula.selectedText() == "*"
    assert explorer.replay.trace is before
    bar.set_formula("log(x - 3)", "x=1")
    bar.submit()
    assert "log(x - 3) cannot be computed" in bar.error.text()
    bar.set_formula("x", "x=1, y")
    bar.submit()
    assert bar.values.selectedText() == " y" and "name=number" in bar.error.text()
    bar.set_formula("x * 2", "x=1")
    bar.submit()
    assert not bar.error.isVisible() and explorer.replay.trace is not before


def test_arrow_keys_step_the_graph_not_the_training(qtbot, explorer, window):
    explorer.view.setFocus()
    qtbot.keyClick(explorer.view, Qt.Key.Key_Right)
    qtbot.keyClick(explorer.view, Qt.Key.Key_Right)
    assert explorer.position == 2
    qtbot.keyClick(explorer.view, Qt.Key.Key_Left)
    assert explorer.position == 1 and window.session.stats.step == 0
    qtbot.keyClick(explorer.view, Qt.Key.Key_Home)
    assert explorer.position == 0


def test_numbers_show_the_arrays_of_the_step_or_of_a_clicked_node(explorer):
    explorer.go(explorer.replay.last)
    explorer.numbers_button.click()
    text = explorer.explanation.toPlainText()
    assert "upstream:" in text and "downstream to x:" in text
    explorer.scene.node_clicked.emit(node_id(explorer, "(x + y) * z"))
    assert explorer.explanation.toPlainText().startswith("(x + y) * z: mul")


# ---------------------------------------------------------------- model mode
def test_the_model_graph_follows_the_selected_point_and_pauses_training(qtbot, explorer, window):
    session = window.session
    window.runner.play()
    explorer.sources["model"].trigger()
    assert not window.runner.running
    first = int(np.flatnonzero(~session.is_test)[0])
    assert session.selected_point == first == explorer.point.value()
    names = {n.name: n for n in explorer.replay.trace.nodes if n.name}
    assert names["W1"].shape == (8, 2) and names["scores"].shape == (2, 1)
    explorer.point.setValue(7)
    assert session.selected_point == 7
    np.testing.assert_allclose(names["x"].value[:, 0], session.points[first])
    x = next(n for n in explorer.replay.trace.nodes if n.name == "x")
    np.testing.assert_allclose(x.value[:, 0], session.points[7])
    edge = explorer.scene.edges[next(n.id for n in explorer.replay.trace.nodes if n.op == "matmul"), 0]
    assert edge.value.text.text() == "8\u00d72"  # every edge says its shape


def test_a_click_on_a_point_selects_it_for_the_explorer(qtbot, window, explorer):
    explorer.sources["model"].trigger()
    window.centre.setCurrentIndex(0)
    session, canvas = window.session, window.canvas
    count = len(session.points)
    x, y = session.points[11]
    click(qtbot, canvas, x, y)
    assert session.selected_point == 11 and len(session.points) == count  # picked, nothing added
    x_node = next(n for n in explorer.replay.trace.nodes if n.name == "x")
    np.testing.assert_allclose(x_node.value[:, 0], session.points[11])
    np.testing.assert_allclose(np.column_stack(explorer._ring.getData())[0], session.points[11])


def test_new_weights_are_offered_not_forced(explorer, window):
    explorer.sources["model"].trigger()
    trace = explorer.replay.trace
    assert not explorer.refresh.isEnabled()
    window.session.step(5)
    assert explorer.refresh.isEnabled() and explorer.replay.trace is trace
    explorer.refresh.click()
    assert explorer.replay.trace is not trace and "training step 5" in explorer.point_info.text()


def test_exploring_leaves_the_training_untouched(qtbot, explorer, window):
    session = window.session
    before = session.stats
    explorer.sources["model"].trigger()
    explorer.go(explorer.replay.last)
    panel = window.views["gradient_check"]
    with qtbot.waitSignal(panel.finished, timeout=10_000):
        panel.run()
    assert session.stats is before and session.boundary_grid((-1, 1, -1, 1), 8).shape == (2, 8, 8)


def test_the_selection_is_dropped_with_its_point(window):
    session = window.session
    session.select_point(len(session.points) - 1)
    session.remove_points([len(session.points) - 1])
    assert session.selected_point is None


# ------------------------------------------------------------ gradient check
def test_the_gradient_check_panel(qtbot, window):
    panel = window.views["gradient_check"]
    with qtbot.waitSignal(panel.finished, timeout=10_000):
        panel.button.click()
        assert panel.running and not panel.button.isEnabled()  # in a worker: the window goes on
    assert not panel.running and panel.table.rowCount() == 3
    assert [panel.table.item(row, 2).text() for row in range(3)] == ["pass"] * 3
    assert "Passed" in panel.verdict.text() and "228 forward passes" in panel.timing.text()
    assert not panel.stale.isVisibleTo(panel)
    window.session.step(1)
    assert panel.stale.isVisibleTo(panel)


def test_training_goes_on_while_a_check_runs(qtbot, window):
    panel, session = window.views["gradient_check"], window.session
    with qtbot.waitSignal(panel.finished, timeout=10_000) as done:
        panel.run()
        session.step(50)  # the check works on the weights copied when it started
    assert done.args[0].passed and session.stats.step == 50


def test_the_check_samples_a_big_training_set(session):
    assert session.gradient_check().points == int((~session.is_test).sum()) == 160
    check = session.gradient_check(most_points=50)
    assert check.points == 50 and check.passed

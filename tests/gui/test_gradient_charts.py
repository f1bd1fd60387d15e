"""The gradient charts: one line per weight layer, a point per recorded step, from the history."""

import numpy as np
import pytest

from engine.scenario import Scenario
from engine.settings import ModelSettings, Settings
from playground.session import Session
from playground.views.gradient_charts import MAX_LAYERS, GradientCharts
from playground.views.network_style import layer_colors


def _charts(qtbot, session) -> GradientCharts:
    charts = GradientCharts(session)
    qtbot.addWidget(charts)
    charts.show()
    qtbot.waitExposed(charts)
    return charts


def _drawn(qtbot, charts) -> None:
    qtbot.waitUntil(lambda: charts.clock.up_to_date, timeout=2000)


def _visible(curves) -> list:
    return [curve for curve in curves if curve.isVisible()]


def test_each_layer_gains_a_point_per_recorded_step(qtbot, session):
    charts = _charts(qtbot, session)
    for _ in range(3):
        session.step(5)
    _drawn(qtbot, charts)
    history = session.history
    assert list(history.steps) == [0, 5, 10, 15]
    for field in ("grad_norms", "update_ratios"):
        curves = _visible(charts.curves[field])
        assert len(curves) == 3  # 2-8-8-2: W1, W2, W3
        for layer, curve in enumerate(curves):
            steps, values = curve.getOriginalDataset()
            np.testing.assert_array_equal(steps, [5, 10, 15])  # step 0 has no gradient yet
            np.testing.assert_allclose(values, history.values(field)[1:, layer])
    session.step(5)
    _drawn(qtbot, charts)
    assert len(charts.curves["grad_norms"][0].getOriginalDataset()[0]) == 4


def test_lines_take_the_layer_colours_and_follow_the_model(qtbot, session):
    charts = _charts(qtbot, session)
    session.set_model_field("hidden", (4,) * 6)
    _drawn(qtbot, charts)
    curves = _visible(charts.curves["grad_norms"])
    assert len(curves) == MAX_LAYERS == 7
    assert [c.opts["pen"].color().name() for c in curves] == [c.lower() for c in layer_colors(7)]
    assert charts.key.colors == layer_colors(7)
    session.set_model_field("kind", "linear")
    _drawn(qtbot, charts)
    assert len(_visible(charts.curves["grad_norms"])) == 1


@pytest.mark.parametrize("activation", ["relu", "tanh"])
def test_dead_units_are_charted_for_relu_layers_only(qtbot, activation):
    session = Session(Scenario.generate(Settings(model=ModelSettings(hidden=(8, 8), activation=activation))))
    charts = _charts(qtbot, session)
    session.step(10)
    _drawn(qtbot, charts)
    plot, note = charts.plots["dead_fractions"], charts.dead_note
    if activation == "relu":
        assert plot.isVisible() and not note.isVisible()
        hidden = [len(c.getOriginalDataset()[0]) for c in charts.curves["dead_fractions"][:2]]
        assert hidden == [2, 2]  # steps 0 and 10, for W1 and W2
        assert charts.curves["dead_fractions"][2].getOriginalDataset()[0] is None  # the output layer: none
    else:
        assert not plot.isVisible() and note.isVisible() and "tanh" in note.text()


def test_an_empty_history_draws_empty_lines(qtbot, session):
    charts = _charts(qtbot, session)
    session._history.clear()  # as between a clear and the next sample
    charts.redraw()
    assert all(curve.getOriginalDataset()[0] is None for curve in charts.curves["grad_norms"])

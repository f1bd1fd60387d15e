"""The training charts: numbers and curves follow the session's stats and history."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

from engine.scenario import Scenario
from playground.session import Session
from playground.views.charts import MIN_LOSS, VALUE_SCALE, TrainingCharts, format_accuracy, format_loss


@pytest.fixture
def session(qtbot) -> Session:
    return Session()


@pytest.fixture
def charts(qtbot, session) -> TrainingCharts:
    widget = TrainingCharts(session)
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def drawn(qtbot, charts):
    """Wait for the charts' pending curve redraw (they redraw at most ten times a second)."""
    return lambda: qtbot.waitUntil(lambda: charts.curves_up_to_date, timeout=2000)


def _loss_data(curve) -> tuple[np.ndarray, np.ndarray]:
    """The curve's (steps, losses) before the log-scale mapping."""
    return curve.getOriginalDataset()


def test_numbers_show_the_latest_stats(charts, session):
    session.step(20)
    stats = session.stats
    assert stats.step == 20
    assert charts.step_label.text() == "Step 20"
    assert charts.epoch_label.text() == f"epoch {stats.epoch:,.1f}"
    assert charts.values["train_loss"].text() == f"{stats.train_loss:.4f}"
    assert charts.values["test_loss"].text() == f"{stats.test_loss:.4f}"
    assert charts.values["train_accuracy"].text() == f"{100 * stats.train_accuracy:.1f}%"
    assert charts.values["test_accuracy"].text() == f"{100 * stats.test_accuracy:.1f}%"


def test_curves_follow_the_history(charts, session, drawn):
    for _ in range(3):
        session.step(20)
    drawn()
    history, stats = session.history, session.stats
    steps, losses = _loss_data(charts.curves["train_loss"])
    assert len(steps) == len(history) == 4
    np.testing.assert_array_equal(steps, history.steps)
    assert losses[-1] == pytest.approx(stats.train_loss)
    assert _loss_data(charts.curves["test_loss"])[1][-1] == pytest.approx(stats.test_loss)
    accuracy_steps, accuracy = charts.curves["train_accuracy"].getData()
    assert accuracy_steps[-1] == 60
    assert accuracy[-1] == pytest.approx(100 * stats.train_accuracy)
    assert charts.loss_plot.viewRange()[0][1] >= 60


def test_curve_items_are_made_once(charts, session):
    def data_items():
        return [item for plot in (charts.loss_plot, charts.accuracy_plot)
                for item in plot.getPlotItem().listDataItems()]

    items = data_items()
    session.step(5)
    session.reset()
    session.step(5)
    after = data_items()
    assert len(after) == 4
    assert all(a is b for a, b in zip(items, after))


def test_reset_restarts_the_curves_and_the_x_range(charts, session, drawn):
    for _ in range(4):
        session.step(50)
    drawn()
    assert charts.loss_plot.viewRange()[0][1] >= 200
    session.reset()
    drawn()
    steps, losses = _loss_data(charts.curves["train_loss"])
    assert list(steps) == [0]
    assert losses[0] == pytest.approx(session.stats.train_loss)
    assert charts.step_label.text() == "Step 0"
    for plot in (charts.loss_plot, charts.accuracy_plot):
        x_min, x_max = plot.viewRange()[0]
        assert x_min <= 0 < x_max < 50


def test_no_test_points_shows_dashes_and_draws_no_test_curve(charts, session, drawn):
    session.new(Scenario(session.points.copy(), session.labels.copy(), np.zeros(len(session.points), bool),
                         session.class_names))
    session.step(10)
    drawn()
    assert charts.values["test_loss"].text() == "—"
    assert charts.values["test_accuracy"].text() == "—"
    assert charts.values["train_loss"].text() != "—"
    assert _loss_data(charts.curves["test_loss"]) == (None, None)
    assert charts.curves["test_accuracy"].getData() == (None, None)
    assert len(_loss_data(charts.curves["train_loss"])[0]) == 2


def test_zero_loss_is_clipped_for_the_log_scale(charts, session, drawn):
    perfect = replace(session.stats, step=1, train_loss=0.0)
    session.history.append(perfect.step, perfect)
    charts.refresh(perfect)
    drawn()
    losses = _loss_data(charts.curves["train_loss"])[1]
    assert losses[-1] == MIN_LOSS
    assert np.isfinite(charts.curves["train_loss"].getData()[1]).all()
    assert charts.values["train_loss"].text() == "0.0000"


def test_curves_redraw_at_most_ten_times_a_second_and_end_on_the_latest(charts, session, drawn,
                                                                          monkeypatch):
    redraws = []
    original = charts._update_curves
    monkeypatch.setattr(charts, "_update_curves", lambda: (redraws.append(1), original()))
    charts._curve_timer.timeout.disconnect()
    charts._curve_timer.timeout.connect(charts._update_curves)
    for _ in range(10):  # ten frames in quick succession
        session.step(1)
    assert charts.step_label.text() == "Step 10"  # the numbers never wait
    drawn()
    assert len(redraws) <= 2
    assert _loss_data(charts.curves["train_loss"])[0][-1] == 10


def test_value_fonts_follow_the_widget_font(charts):
    base = charts.font().pointSizeF()
    assert charts.values["train_loss"].font().pointSizeF() == pytest.approx(VALUE_SCALE * base)
    assert charts.values["train_loss"].font().bold()
    bigger = charts.font()
    bigger.setPointSizeF(2 * base)
    charts.setFont(bigger)
    assert charts.values["train_loss"].font().pointSizeF() == pytest.approx(VALUE_SCALE * 2 * base)


@pytest.mark.parametrize(("value", "text"), [
    (float("nan"), "—"), (0.01234, "0.0123"), (2.302585, "2.3026"), (5e-5, "5.0e-05"),
    (0.0, "0.0000"), (1234.4, "1,234"), (207079008.0, "2.1e+08"), (float("inf"), "∞"),
])
def test_format_loss(value, text):
    assert format_loss(value) == text


def test_format_accuracy():
    assert format_accuracy(0.988) == "98.8%"
    assert format_accuracy(1.0) == "100.0%"
    assert format_accuracy(float("nan")) == "—"


def axis_labels(plot, name="left") -> list[str]:
    """The tick labels the axis would draw now (what a person reads on it)."""
    from PySide6.QtGui import QPainter, QPixmap

    plot.getViewBox().prepareForPaint()
    axis = plot.getPlotItem().getAxis(name)
    pixmap = QPixmap(10, 10)
    painter = QPainter(pixmap)
    try:
        specs = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    return [text for _, _, text in specs[2] if text.strip()] if specs else []


def test_the_loss_axis_keeps_its_numbers_when_the_loss_is_flat_or_missing(qtbot, charts, session, drawn):
    """A linear model on XOR sits at 0.68; with no points there is no loss at all (issue 10, item 6)."""
    charts.resize(330, 500)
    charts.show()
    qtbot.waitExposed(charts)
    session.set_model_field("kind", "linear")
    session.step(2000)
    drawn()
    assert len(axis_labels(charts.loss_plot)) >= 2
    session.clear_points()
    session.reset()
    drawn()
    assert len(axis_labels(charts.loss_plot)) >= 2
    assert len(axis_labels(charts.accuracy_plot)) >= 2


def test_the_loss_axis_spans_a_wide_range_of_losses(qtbot, charts, session, drawn):
    charts.resize(330, 500)
    charts.show()
    qtbot.waitExposed(charts)
    session.step(1)
    for _ in range(10):
        session.step(300)
    drawn()
    low, high = charts.loss_plot.viewRange()[1]  # log10 of the losses
    losses = session.history.values("train_loss")
    assert low <= np.log10(losses.min()) and np.log10(losses.max()) <= high
    assert len(axis_labels(charts.loss_plot)) >= 2


def test_a_huge_loss_does_not_widen_the_panel(qtbot, window):
    """A loss of 207,079,008 once widened the right panel and shrank the canvas (issue 10, item 5)."""
    charts, canvas = window.views["charts"], window.canvas
    qtbot.waitUntil(lambda: canvas.width() > 0)
    width, canvas_width = charts.width(), canvas.width()
    huge = replace(window.session.stats, train_loss=207079008.0, test_loss=3.5e12)
    charts.refresh(huge)
    QApplication.processEvents()  # the layouts take the new sizes
    assert charts.values["train_loss"].text() == "2.1e+08"
    assert charts.width() == width and canvas.width() == canvas_width


class _LayoutRequests(QObject):
    """Counts the layout requests an object receives."""

    def __init__(self):
        super().__init__()
        self.count = 0

    def eventFilter(self, watched, event) -> bool:
        self.count += event.type() == QEvent.Type.LayoutRequest
        return False


def test_new_numbers_every_frame_do_not_lay_out_the_window_again(make_window, session, qtbot):
    """A label that may grow makes Qt lay out every layout around it, up to the main window's:
    the numbers that change every frame keep fixed slots."""
    window = make_window(session)
    for _ in range(3):  # the panels change once training has begun: let that settle
        session.step(1)
        qtbot.wait(20)
    requests = _LayoutRequests()
    window.installEventFilter(requests)
    for steps in (7, 90, 900, 9000):  # numbers of every width: steps 10, 100, 1,000, 10,000
        session.step(steps)
        QApplication.processEvents()
    window.removeEventFilter(requests)
    assert requests.count == 0
    assert window.findChild(TrainingCharts).step_label.text() == "Step 10,000"

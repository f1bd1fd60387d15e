"""Large point sets: the limits, and what the window says when it shows or measures a sample."""

import pytest

from engine.scenario import MAX_FILE_POINTS, Scenario
from engine.settings import LIMITS, MAX_GENERATED_POINTS, DataSettings, ModelSettings, Settings
from engine.trainer import MEASURED_POINTS
from playground.session import Session
from playground.views.hidden_space import SHOWN_POINTS

LARGE = Settings(data=DataSettings(dataset="spiral", points=30_000, classes=3),
                 model=ModelSettings(hidden=(8,)))


@pytest.fixture
def large(make_window):
    return make_window(Session(Scenario.generate(LARGE)))


def test_the_generator_reaches_the_file_limit():
    assert MAX_GENERATED_POINTS == MAX_FILE_POINTS == LIMITS["data.points"].high == 100_000


def test_the_data_panel_offers_up_to_the_limit(window):
    assert window.views["data"].points.maximum() == MAX_GENERATED_POINTS


def test_the_canvas_draws_every_point(large):
    canvas = large.canvas
    drawn = sum(len(item.getData()[0]) for item in canvas.train_points + canvas.test_points)
    assert drawn == 30_000


def test_the_charts_say_when_the_figures_are_a_sample(large, window):
    note = large.views["charts"].sample_note
    assert note.isVisible() and "10,000 of 24,000 training points" in note.text()
    assert "6,000 of 6,000 test points" in note.text()  # the test split is measured whole
    assert not window.views["charts"].sample_note.isVisible()  # 200 points: every one measured


def test_the_hidden_space_shows_a_fixed_sample_and_says_so(qtbot, large):
    large.docks["spaces"].raise_()
    spaces = large.views["spaces"]
    spaces.setCurrentWidget(spaces.hidden)
    plot = spaces.hidden.plot
    qtbot.waitUntil(lambda: plot.space is not None and plot.clock.up_to_date, timeout=3000)
    drawn = sum(len(item.getData()[0]) for item in plot.point_layers.train + plot.point_layers.test)
    assert drawn == SHOWN_POINTS == MEASURED_POINTS
    assert "10,000 of the 30,000 points" in spaces.hidden.note.text()
    first = plot.shown.copy()
    large.session.step(3)
    plot.clock.refresh_now()
    assert (plot.shown == first).all()  # the same points from one redraw to the next

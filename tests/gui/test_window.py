"""The window builds its views from a list: a new view plugs in without touching the layout code."""

import pyqtgraph as pg
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGraphicsItem, QLabel, QScrollArea

from playground.controllers.runner import Runner
from playground.main_window import MainWindow
from playground.view_list import VIEWS, ViewSpec
from playground.views.canvas import CanvasView


def test_every_listed_view_is_a_dock_with_a_view_menu_entry(qtbot, window):
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    entries = [a.text() for a in menu.actions()]
    for spec in VIEWS:
        if spec.area == "centre":  # a tab beside the canvas
            assert window.centre.indexOf(window.views[spec.key]) > 0 and spec.title in entries
            continue
        dock = window.docks[spec.key]
        assert dock.windowTitle() == spec.title and dock.objectName() == spec.key
        assert dock.isVisible() and spec.title in entries
    window.docks["model"].toggleViewAction().trigger()
    assert not window.docks["model"].isVisible()


def test_the_default_layout_at_1280x800(qtbot, window):
    """Data and Model left of the canvas, Training and the charts right of it, the canvas wider
    than any side dock, the network diagram under it, and the panels whole: no scroll bar."""
    def left(key):
        return window.docks[key].geometry().left()

    canvas = window.canvas.geometry()
    canvas_left = window.canvas.mapTo(window, canvas.topLeft()).x()
    assert left("data") < canvas_left and left("model") < canvas_left
    assert left("training") > canvas_left and left("charts") > canvas_left
    bottom = [dock for dock in window.docks.values()
              if window.dockWidgetArea(dock) == Qt.DockWidgetArea.BottomDockWidgetArea]
    assert canvas.width() > max(dock.width() for dock in window.docks.values() if dock not in bottom)
    assert all(canvas.height() > dock.height() for dock in bottom)  # under the canvas, and smaller
    network = window.docks["network"].geometry()
    assert network.top() > window.canvas.mapTo(window, canvas.bottomLeft()).y()
    assert network.left() >= canvas_left - 2 and network.width() >= canvas.width() - 4
    assert window.docks["training"].geometry().bottom() < window.docks["charts"].geometry().top()
    scrolls = [window.docks[key].widget() for key in ("data", "model", "training")]
    assert all(isinstance(scroll, QScrollArea) for scroll in scrolls)
    # Once the window has fitted its docks (WindowFit restacks them a pass of the event loop later):
    qtbot.waitUntil(lambda: not any(s.verticalScrollBar().isVisible() for s in scrolls), timeout=2000)


@pytest.mark.parametrize("area", ["centre", "bottom", "right"])
def test_a_new_view_plugs_in_from_the_list(qtbot, session, area):
    made = []

    def factory(session_given, context):
        made.append((session_given, context))
        return QLabel("a new view")

    extra = ViewSpec("extra", "Extra view", factory, area)
    window = MainWindow(session, views=(*VIEWS, extra))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    (given, context), = made
    assert given is session
    assert isinstance(context.canvas, CanvasView) and context.canvas is window.canvas
    assert isinstance(context.runner, Runner) and context.runner is window.runner
    label = window.views["extra"]
    if area == "centre":
        assert window.centre.tabBar().isVisible()  # a second page: now there are tabs
        assert window.centre.indexOf(label) == window.centre.count() - 1  # after the canvas and the others
        window.centre.setCurrentWidget(label)
    else:
        assert window.docks["extra"].widget() is label
    assert label.isVisible()


def test_a_hidden_centre_view_is_offered_in_the_view_menu(qtbot, session):
    extra = ViewSpec("extra", "Extra view", lambda s, c: QLabel("x"), "centre", visible=False)
    window = MainWindow(session, views=(*VIEWS, extra))
    qtbot.addWidget(window)
    index = window.centre.indexOf(window.views["extra"])
    assert not window.centre.isTabVisible(index)
    action = next(a for a in window.view_actions if a.text() == "Extra view")
    action.trigger()
    assert window.centre.isTabVisible(index)


def test_an_unknown_area_is_refused():
    with pytest.raises(ValueError, match="area"):
        ViewSpec("extra", "Extra", lambda s, c: QLabel(), "top")


def test_a_view_can_share_a_dock_as_a_tab(qtbot, session):
    extra = ViewSpec("extra", "Extra view", lambda session, context: QLabel("tabbed"), "right",
                     tab_with="charts")
    window = MainWindow(session, views=(*VIEWS, extra))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.docks["extra"] in window.tabifiedDockWidgets(window.docks["charts"])
    assert window.docks["charts"].visibleRegion().isEmpty() is False  # the first one stays in front
    with pytest.raises(ValueError, match="centre views are tabs already"):
        ViewSpec("bad", "Bad", lambda s, c: QLabel(), "centre", tab_with="charts")


def test_the_backprop_tab_takes_the_bottom_area_and_gives_it_back(qtbot, window):
    network, spaces = window.docks["network"], window.docks["spaces"]
    spaces.hide()  # closed by the person: it stays closed
    explorer, canvas_height = window.views["backprop"], window.canvas.height()
    window.centre.setCurrentWidget(explorer)
    assert not network.isVisible() and not spaces.isVisible()
    qtbot.waitUntil(lambda: explorer.height() > canvas_height + 100)  # the canvas's room and the bottom's
    window.centre.setCurrentIndex(0)
    assert network.isVisible() and not spaces.isVisible()
    window.centre.setCurrentWidget(explorer)
    window.close()  # the layout saved is the everyday one
    assert network.isVisible() or window.centre_room._closed == []


def test_every_plot_axis_is_drawn_from_a_cached_image(window):
    """A plot repaints whenever anything in it changes: its axes should not be drawn again then."""
    axes = [item for view in window.findChildren(pg.GraphicsView) for item in view.scene().items()
            if isinstance(item, pg.AxisItem) and item.isVisible()]
    assert len(axes) >= 10  # the canvas, the loss and gradient charts, the spaces, the linear map
    assert all(axis.cacheMode() == QGraphicsItem.CacheMode.DeviceCoordinateCache for axis in axes)

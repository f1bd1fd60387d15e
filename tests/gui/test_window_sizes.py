"""The window at a laptop's 1024x700, the usual 1280x800 and a projector's 1920x1080 (issue 10, item 9).

Every toolbar button shows, no panel scrolls, the model summary is in view, the plane keeps an
equal aspect with the data area filling it, and both axes tick at the same spacing; on a big
screen the fonts and panels grow. These hold whatever docks the view list adds.
"""

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLabel, QScrollArea

from playground.main_window import MainWindow
from playground.style import PLANE, POINT_SIZE
from playground.view_list import VIEWS, ViewSpec

SIZES = [(1024, 700), (1280, 800), (1920, 1080)]


def resized(window, width, height):
    window.resize(width, height)
    for _ in range(3):  # the resize, then the docks' and panels' own follow-ups
        QApplication.processEvents()
    assert (window.width(), window.height()) == (width, height)
    return window


def visible_in_dock(widget, dock) -> bool:
    """Whether the whole widget lies within what its dock shows (not scrolled or cut off)."""
    top_left = widget.mapTo(dock, QPoint(0, 0))
    bottom_right = widget.mapTo(dock, QPoint(widget.width() - 1, widget.height() - 1))
    return widget.isVisible() and dock.rect().contains(top_left) and dock.rect().contains(bottom_right)


def check_the_layout(window):
    bar = window.toolbar
    for action in bar.actions():
        button = bar.widgetForAction(action)
        if button is not None and not action.isSeparator():
            assert button.isVisible() and bar.rect().contains(button.geometry()), action.text()
    for key in ("data", "model", "training"):
        scroll = window.docks[key].widget()
        assert isinstance(scroll, QScrollArea) and not scroll.verticalScrollBar().isVisible(), key
    assert visible_in_dock(window.views["model"].summary, window.docks["model"])
    canvas = window.canvas
    (x_min, x_max), (y_min, y_max) = canvas.getViewBox().viewRange()
    width, height = canvas.getViewBox().width(), canvas.getViewBox().height()
    assert (x_max - x_min) / width == pytest.approx((y_max - y_min) / height, rel=0.02)  # equal aspect
    px_min, px_max, py_min, py_max = PLANE
    assert x_min <= px_min + 0.01 and x_max >= px_max - 0.01  # the whole plane in view ...
    assert y_min <= py_min + 0.01 and y_max >= py_max - 0.01
    assert min(x_max - x_min, y_max - y_min) == pytest.approx(px_max - px_min, rel=0.02)  # ... filling it
    plot = canvas.getPlotItem()
    x_ticks = plot.getAxis("bottom").tickSpacing(x_min, x_max, width)
    y_ticks = plot.getAxis("left").tickSpacing(y_min, y_max, height)
    assert x_ticks == y_ticks


@pytest.mark.parametrize("size", SIZES)
def test_the_window_fits_at(qtbot, window, size):
    check_the_layout(resized(window, *size))


def test_a_big_screen_gets_bigger_fonts_and_panels(qtbot, window):
    resized(window, 1280, 800)
    font = window.font().pointSizeF()
    left, right = window.docks["data"].width(), window.docks["charts"].width()
    value = window.views["charts"].values["train_loss"].font().pointSizeF()
    resized(window, 1920, 1080)
    assert window.font().pointSizeF() >= 1.3 * font
    assert window.views["charts"].values["train_loss"].font().pointSizeF() >= 1.3 * value
    assert window.docks["data"].width() >= 1.3 * left and window.docks["charts"].width() >= 1.3 * right
    assert window.canvas.getPlotItem().getAxis("left").style["tickFont"].pointSizeF() >= 1.3 * font
    assert window.canvas.train_points[0].size() >= 1.3 * POINT_SIZE  # bolder points on a projector
    check_the_layout(window)
    resized(window, 1280, 800)  # and back
    assert window.font().pointSizeF() == font and window.docks["data"].width() == left


@pytest.mark.parametrize("size", SIZES)
def test_the_window_fits_with_a_bottom_dock_too(qtbot, session, size):
    """Other views dock under the canvas (about 240 pixels tall at 1280x800): still fitted."""
    extra = ViewSpec("under", "Under the canvas", lambda s, c: QLabel("a bottom view"), "bottom")
    window = MainWindow(session, views=(*VIEWS, extra))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    check_the_layout(resized(window, *size))
    assert window.docks["under"].height() >= 0.25 * size[1]


def test_a_dock_widened_by_hand_keeps_its_share(qtbot, window):
    resized(window, 1280, 800)
    window.resizeDocks([window.docks["charts"]], [500], Qt.Orientation.Horizontal)  # as a splitter drag
    QApplication.processEvents()
    share = window.docks["charts"].width() / 1280
    resized(window, 1600, 1000)
    assert window.docks["charts"].width() == pytest.approx(share * 1600, abs=8)


def test_a_panel_that_grows_gets_the_room(qtbot, window):
    """Five classes make the class list taller: the Data panel takes the room, no scrolling."""
    resized(window, 1280, 800)
    window.session.set_data_field("dataset", "spiral")
    window.session.set_data_field("classes", 5)
    qtbot.waitUntil(lambda: not window.docks["data"].widget().verticalScrollBar().isVisible())
    check_the_layout(window)

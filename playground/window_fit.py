"""Fitting the window to the room it has, from a 1024x700 laptop to a 1920x1080 projector.

As the window is resized, ``WindowFit``

- scales the font with the window beyond the 1280x800 it is designed at (every
  panel, chart and axis sizes itself from the font, so they all grow together),
  times a ``boost`` that presentation mode raises for a projector;
- sizes each dock area as a share of the window (a side area's width, a top or
  bottom area's height), never below what its docks need, whatever docks there
  are; a share the person sets by dragging a splitter is kept from then on;
- lets toolbar buttons drop their text, one by one in a given order, when the
  toolbar would not fit (so no button hides behind its overflow arrow).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QFont
from PySide6.QtWidgets import QDockWidget, QMainWindow, QToolBar

from playground.fonts import scaled_font

DESIGN_SIZE = QSize(1280, 800)  # the size the default font and the dock shares are made for
MAX_FONT_SCALE = 1.75
FONT_STEP = 0.05                # the scale moves in steps, so a resize drag does not refont every pixel
Area = Qt.DockWidgetArea
# An area's share of the window: the width of a side area, the height of a top or bottom one.
AREA_SHARES = {Area.LeftDockWidgetArea: 300 / 1280, Area.RightDockWidgetArea: 330 / 1280,
               Area.TopDockWidgetArea: 0.3, Area.BottomDockWidgetArea: 0.3}
DRAGGED = 3  # pixels: an area this much off the size it was given has been resized by hand


def font_scale(size: QSize) -> float:
    """1 up to the design size, then growing with the window's smaller relative side."""
    scale = min(size.width() / DESIGN_SIZE.width(), size.height() / DESIGN_SIZE.height())
    return min(MAX_FONT_SCALE, max(1.0, round(scale / FONT_STEP) * FONT_STEP))


class WindowFit(QObject):
    """Keeps ``window``'s font, dock areas and ``toolbar`` fitted to its size; ``collapsible``:
    the toolbar's actions that may show only their icon, the first to lose its text first."""

    def __init__(self, window: QMainWindow, toolbar: QToolBar, collapsible: list[QAction]):
        super().__init__(window)
        self.window, self.toolbar, self.collapsible = window, toolbar, collapsible
        self.base_font = QFont(window.font())
        self.scale = 1.0
        self.boost = 1.0
        self.shares = dict(AREA_SHARES)
        self._given: dict[Area, int] = {}  # the size each area was last given
        self._docks: list[QDockWidget] | None = None  # the window's, found again when its children change
        self._restack = QTimer(self, singleShot=True, interval=0)  # after the layouts have settled
        self._restack.timeout.connect(lambda: self._stack_docks(always=False))
        window.setAttribute(Qt.WidgetAttribute.WA_WindowPropagation)  # menus and dialogs scale too
        window.installEventFilter(self)
        for dock in window.findChildren(QDockWidget):
            dock.installEventFilter(self)  # a panel that grows (a class added) may need room
        self.fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Resize:
            self.fit(event.oldSize())
        elif watched is self.window and event.type() in (QEvent.Type.ChildAdded, QEvent.Type.ChildRemoved):
            self._docks = None
        elif isinstance(watched, QDockWidget) and event.type() == QEvent.Type.LayoutRequest:
            self._restack.start()
        return super().eventFilter(watched, event)

    def fit(self, old_size: QSize | None = None) -> None:
        if self._fit_font() or old_size is None:
            QTimer.singleShot(0, self, lambda: self._stack_docks(always=True))  # once panels took the font
        self._restack.start()
        self._fit_docks(old_size)
        self._fit_toolbar()

    def set_boost(self, boost: float) -> None:
        """Scale the font by ``boost`` on top of what the window's size asks for (1: no more)."""
        if boost != self.boost:
            self.boost = boost
            self.fit()

    def _fit_font(self) -> bool:
        """Scale the font to the window (and the boost); whether it changed."""
        scale = font_scale(self.window.size()) * self.boost
        if scale == self.scale:
            return False
        self.scale = scale
        self.window.setFont(scaled_font(self.base_font, scale))
        return True

    # ------------------------------------------------------------------ docks
    def _areas(self) -> dict[Area, list[QDockWidget]]:
        """The docks shown in each area (floating and hidden ones take no room)."""
        if self._docks is None:  # kept: this runs whenever a panel's layout changes, and finding
            self._docks = self.window.findChildren(QDockWidget)  # them costs more than the rest
        areas: dict[Area, list[QDockWidget]] = {}
        for dock in self._docks:
            if dock.isVisibleTo(self.window) and not dock.isFloating():
                areas.setdefault(self.window.dockWidgetArea(dock), []).append(dock)
        return areas

    def _fit_docks(self, old_size: QSize | None) -> None:
        """Each area its share of the window, or what its docks need if more."""
        for area, docks in self._areas().items():
            if area not in self.shares:
                continue
            horizontal = area in (Area.LeftDockWidgetArea, Area.RightDockWidgetArea)
            extent = (lambda s: s.width()) if horizontal else (lambda s: s.height())
            now = max(extent(dock.size()) for dock in docks)
            given = self._given.get(area)
            if given is not None and old_size is not None and extent(old_size) > 0 \
                    and abs(now - given) > DRAGGED and not self._squeezed(extent):
                self.shares[area] = now / extent(old_size)  # resized by hand: keep that share
            need = max(extent(dock.minimumSizeHint()) for dock in docks)
            size = max(need, round(self.shares[area] * extent(self.window.size())))
            self._given[area] = size
            orientation = Qt.Orientation.Horizontal if horizontal else Qt.Orientation.Vertical
            self.window.resizeDocks(docks, [size] * len(docks), orientation)

    def _stack_docks(self, always: bool) -> None:
        """Docks stacked in a side area get their own heights again, what is left going to the ones
        that take more (the charts): ``always`` after a new font (a panel grew with it), else only
        when one is shorter than it needs (it would scroll) while the area has room for them all."""
        for area, docks in self._areas().items():
            if area not in (Area.LeftDockWidgetArea, Area.RightDockWidgetArea) or len(docks) < 2:
                continue
            needs = [dock.sizeHint().height() for dock in docks]
            short = any(dock.height() < need - DRAGGED for dock, need in zip(docks, needs))
            room = self.window.statusBar().geometry().top() - min(dock.geometry().top() for dock in docks)
            if always or (short and sum(needs) + DRAGGED * len(docks) <= room):
                self.window.resizeDocks(docks, needs, Qt.Orientation.Vertical)

    def _squeezed(self, extent) -> bool:
        """Whether the centre is at its smallest: then Qt, not a person, made the docks smaller."""
        centre = self.window.centralWidget()
        return extent(centre.size()) <= extent(centre.minimumSizeHint()) + DRAGGED

    # ---------------------------------------------------------------- toolbar
    def _fit_toolbar(self) -> None:
        """Every button with its text if the toolbar fits; else drop texts in order until it does."""
        buttons = [self.toolbar.widgetForAction(action) for action in self.collapsible]
        for button in buttons:
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        room = self.window.width()
        for button in buttons:
            if self.toolbar.sizeHint().width() <= room:
                break
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)

"""A centre tab that needs room takes the bottom dock area too, while it is the one showing.

The backprop explorer draws a graph across the whole centre column; under it, the
bottom docks (the network diagram and its neighbours) would leave it a strip. When
such a tab becomes current, the bottom docks that are open close; when another tab
becomes current, exactly those open again. ``give_back()`` reopens them at once, before
the window saves its layout, so the layout kept is the everyday one.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDockWidget, QTabWidget, QWidget


class CentreRoom(QObject):
    def __init__(self, tabs: QTabWidget, roomy: list[QWidget], bottom_docks: list[QDockWidget]):
        super().__init__(tabs)
        self.tabs, self.roomy, self.bottom_docks = tabs, roomy, bottom_docks
        self._closed: list[QDockWidget] = []  # what this closed, to reopen
        tabs.currentChanged.connect(self._follow)

    def _follow(self, _index: int = -1) -> None:
        if self.tabs.currentWidget() in self.roomy:
            self._take()
        else:
            self.give_back()

    def _take(self) -> None:
        if not self._closed:
            self._closed = [dock for dock in self.bottom_docks if dock.isVisible()]
            for dock in self._closed:
                dock.hide()

    def give_back(self) -> None:
        closed, self._closed = self._closed, []
        for dock in closed:
            dock.show()

"""The Lessons menu, and what an opened lesson asks of the window.

The menu lists the built-in lessons (``playground.lessons``) by their titles in the
interface's language; choosing one opens it through the window (which asks about
unsaved changes first). Whenever a scenario with a lesson is opened -- from the menu,
``--lesson``, File → Open or the autosave -- ``apply`` shows what its ``show`` list and
``explorer`` name. A key in ``show`` is

- a view of the window's view list ("network", "gradients", "charts", "backprop", ...):
  shown and brought to the front (a centre view becomes the current tab);
- a page of a view (``PAGES``: "features", "hidden", "linear_map" in the spaces dock);
- an overlay on the canvas (``overlays``: "templates", the class templates).

Every lesson starts from the same arrangement: overlays it does not name are off, each
group of tabbed docks shows its first view unless the lesson names another, and the
canvas is the current centre tab unless a centre view (or the explorer) is named. A key
the window does not have is named in the status bar, and the rest still applies.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu

from engine.lesson import Lesson
from engine.scenario import ScenarioError
from playground.lesson_words import lesson_caption, lesson_title
from playground.lessons import lesson_files, lesson_of

# page key -> (view key, the attribute of that view holding the page)
PAGES = {"features": ("spaces", "features"), "hidden": ("spaces", "hidden"),
         "linear_map": ("spaces", "linear")}
EXPLORER = "backprop"
STATUS_MS = 8000


class LessonController(QObject):
    """``menu`` (the Lessons menu) for ``window``, a ``MainWindow``; ``overlays``: key -> checkable
    action of a canvas overlay."""

    def __init__(self, window: QMainWindow, overlays: dict[str, QAction]):
        super().__init__(window)
        self.window = window
        self.overlays = overlays
        self.menu = QMenu(self.tr("&Lessons"), window)
        self.menu.setToolTipsVisible(True)
        self.menu.aboutToShow.connect(self._fill_menu)
        window.session.lesson_changed.connect(self.apply)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LanguageChange:  # (passed on by the window, its parent)
            self.menu.setTitle(self.tr("&Lessons"))
        return super().event(event)

    def _fill_menu(self) -> None:
        """One entry per built-in lesson, titled in the language of the moment."""
        self.menu.clear()
        for number, name in enumerate(lesson_files(), 1):
            try:
                lesson = lesson_of(name)
            except ScenarioError:
                continue  # a damaged file: opening it by name says why
            text = self.tr("{number}. {title}").format(number=number, title=lesson_title(lesson))
            action = self.menu.addAction(text.replace("&", "&&"))
            action.setToolTip(lesson_caption(lesson))
            action.triggered.connect(lambda _=False, name=name: self.window.open_lesson(name))

    def apply(self, lesson: Lesson | None) -> None:
        """Show what ``lesson`` names (nothing for None)."""
        if lesson is None:
            return
        w = self.window
        wanted = set(lesson.show) | ({EXPLORER} if lesson.explorer else set())
        for key, action in self.overlays.items():
            action.setChecked(key in wanted)
        for key in lesson.show:
            if key in PAGES:
                view, page = PAGES[key]
                self._show_view(view)
                w.views[view].setCurrentWidget(getattr(w.views[view], page))
        shown = {PAGES[key][0] if key in PAGES else key for key in wanted}
        for spec in w.view_specs:  # each tab group: its first view, unless the lesson names one
            group = [s.key for s in w.view_specs if s.key == spec.key or s.tab_with == spec.key]
            if spec.tab_with is None and len(group) > 1 and not shown & set(group):
                w.docks[spec.key].raise_()
        w.centre.setCurrentIndex(0)
        for key in lesson.show:
            if key in w.views:
                self._show_view(key)
        if lesson.explorer:
            self._show_view(EXPLORER)
            w.views[EXPLORER].show_example(lesson.explorer)
        unknown = [key for key in lesson.show if key not in w.views and key not in PAGES
                   and key not in self.overlays]
        if unknown:
            w.statusBar().showMessage(self.tr("This lesson asks for views this version does not have: "
                                              "{keys}").format(keys=", ".join(unknown)), STATUS_MS)

    def _show_view(self, key: str) -> None:
        """A dock shown and in front of its tab group, or a centre view as the current tab."""
        w = self.window
        if key in w.docks:
            w.docks[key].show()
            w.docks[key].raise_()
        else:
            w.view_toggles[key].setChecked(True)
            w.centre.setCurrentWidget(w.views[key])

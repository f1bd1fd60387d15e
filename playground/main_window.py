"""The main window: the canvas in the middle, the views and panels around it.

It makes the session's controllers (the runner, the canvas tools), builds
every view and panel in ``playground.view_list.VIEWS`` as a dock or a tab
beside the canvas, owns the menus, toolbar and shortcuts, and guards the
user's work: opening a bad file changes nothing, and closing (or opening a
lesson) with unsaved changes asks first. Its title names the lesson or file
and marks unsaved changes. On ``QEvent.LanguageChange`` it says its own words
again (``retranslate``); every view and panel does the same for its own.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QFrame,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QSizePolicy,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from engine.scenario import ScenarioError
from playground import help_dialogs, window_state
from playground.actions import PAUSE, PLAY, make_actions, name_actions, tool_hint
from playground.centre_room import CentreRoom
from playground.controllers.canvas_tools import CanvasTools
from playground.controllers.keyboard import FieldKeys
from playground.controllers.runner import DEFAULT_SPEED, SPEEDS, Runner
from playground.file_actions import FileActions
from playground.language import LanguageMenu
from playground.lesson_control import LessonController
from playground.lesson_words import lesson_title
from playground.lessons import load_lesson
from playground.messages import message
from playground.panels.banner import DivergenceBanner
from playground.panels.lesson_caption import LessonCaption
from playground.panels.speed_control import SpeedControl
from playground.panels.status_line import StatusLine
from playground.presentation import Presentation
from playground.session import Session
from playground.view_list import VIEWS, ViewContext, ViewSpec
from playground.views.canvas import CanvasView
from playground.views.linear_map import StillLinearStatus
from playground.views.template_arrows import TemplateArrows
from playground.window_fit import WindowFit

APP_NAME = "Decision Boundary Playground"  # for the system; people read tr()'s
DOCK_AREAS = {"left": Qt.DockWidgetArea.LeftDockWidgetArea, "right": Qt.DockWidgetArea.RightDockWidgetArea,
              "bottom": Qt.DockWidgetArea.BottomDockWidgetArea}


class MainWindow(QMainWindow):
    """``views[key]`` and ``docks[key]`` hold what ``VIEWS`` lists (docks: not the centre tabs)."""

    def __init__(self, session: Session | None = None, views: tuple[ViewSpec, ...] = VIEWS):
        super().__init__()
        self.resize(1280, 800)  # first: the docks are sized within it
        self.session = session or Session(parent=self)
        self.runner = Runner(self.session, self)
        self.actions = make_actions(self)
        self.canvas = CanvasView(self.session)
        self.tools = CanvasTools(self.session, self.canvas)
        self.templates = TemplateArrows(self.session, self.canvas, self)
        self.centre = QTabWidget()
        self.centre.setDocumentMode(True)
        self.centre.tabBar().setAutoHide(True)  # no tab bar while the canvas is the only page
        self.centre.addTab(self._canvas_page(), "")
        self.setCentralWidget(self.centre)
        self.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
        self.views: dict[str, QWidget] = {}
        self.docks: dict[str, QDockWidget] = {}
        self.view_actions: list[QAction] = []
        self.view_toggles: dict[str, QAction] = {}  # key -> its View-menu entry
        self.view_specs = views
        self._build_views(views, ViewContext(self.canvas, self.runner))
        self.centre_room = CentreRoom(self.centre, [self.views[s.key] for s in views if s.roomy],
                                      [self.docks[s.key] for s in views if s.area == "bottom"])
        self.caption.follow(self.centre)
        self.files = FileActions(self)
        self.lessons = LessonController(self, {"templates": self.templates.action})
        self._build_toolbar()
        self._build_menus()
        self.status_line = StatusLine(self.session)
        self.statusBar().addWidget(self.status_line, 1)
        self.statusBar().addPermanentWidget(StillLinearStatus(self.session))
        self._connect()
        self.retranslate()
        a = self.actions  # the buttons that may show only their icon when the toolbar is short of room
        self.window_fit = WindowFit(self, self.toolbar, [a.clear, a.redo, a.undo, a.reset, a.step, a.play])
        self.presentation = Presentation(self, self.window_fit, self.caption)
        self.view_menu.addActions([self.presentation.action, self.presentation.hide_panels])
        self.lessons.apply(self.session.lesson)

    # ---------------------------------------------------------------- layout
    def _canvas_page(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.canvas, 1)
        page.setFocusProxy(self.canvas)
        self.caption = LessonCaption(self.session, page)  # both over the canvas: the plane never moves
        self.banner = DivergenceBanner(self.session, page, above=self.caption)
        return page

    def _build_views(self, views: tuple[ViewSpec, ...], context: ViewContext) -> None:
        """Each view as a dock in its area, or a tab beside the canvas; one View-menu entry each."""
        for spec in views:
            widget = self.views[spec.key] = spec.factory(self.session, context)
            title = QCoreApplication.translate("Views", spec.title)
            if spec.area == "centre":
                index = self.centre.addTab(widget, title)
                self.centre.setTabVisible(index, spec.visible)
                action = QAction(title, self, checkable=True, checked=spec.visible)
                action.toggled.connect(lambda on, widget=widget: self._show_tab(widget, on))
            else:
                dock = self.docks[spec.key] = QDockWidget(title, self)
                dock.setObjectName(spec.key)
                dock.setWidget(PanelScroll(widget) if spec.scrolls else widget)
                self.addDockWidget(DOCK_AREAS[spec.area], dock)
                if spec.tab_with is not None:
                    self.tabifyDockWidget(self.docks[spec.tab_with], dock)
                    self.docks[spec.tab_with].raise_()
                dock.setVisible(spec.visible)
                action = dock.toggleViewAction()
            self.view_actions.append(action)
            self.view_toggles[spec.key] = action

    def _show_tab(self, widget: QWidget, on: bool) -> None:
        self.centre.setTabVisible(self.centre.indexOf(widget), on)

    def _build_toolbar(self) -> None:
        a = self.actions
        self.toolbar = bar = QToolBar()
        bar.setObjectName("toolbar")  # named for the saved window layout
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        bar.addActions([a.play, a.step, a.reset])
        self.speed = SpeedControl(SPEEDS, DEFAULT_SPEED)
        self.speed.chosen.connect(self.runner.set_speed)
        self.runner.set_speed(self.speed.speed)
        bar.addWidget(self.speed)
        bar.addSeparator()
        bar.addActions(list(a.tools.values()))
        bar.addAction(a.test_points)
        bar.addAction(a.clear)
        bar.addSeparator()
        bar.addActions([a.undo, a.redo])
        bar.addSeparator()
        bar.addAction(self.files.record)
        self.addToolBar(bar)

    def _build_menus(self) -> None:
        a = self.actions
        menus = self.menuBar()
        self.menus = {}  # their titles: see retranslate
        file = self.menus["file"] = menus.addMenu("")
        file.addActions([a.new, a.open, a.save, a.save_as])
        self.files.add_to(file, before=a.save)
        file.addSeparator()
        file.addAction(a.quit)
        edit = self.menus["edit"] = menus.addMenu("")
        edit.addActions([a.undo, a.redo])
        edit.addSeparator()
        edit.addActions([*a.tools.values(), a.test_points, a.clear])
        train = self.menus["train"] = menus.addMenu("")
        train.addActions([a.play, a.step, a.reset])
        self.classes_menu = self.menus["classes"] = menus.addMenu("")  # the classes there are: _show_classes
        self.view_menu = view = self.menus["view"] = menus.addMenu("")  # presentation mode: added when made
        view.addActions(self.view_actions)
        view.addActions([self.templates.action, self.caption.action])
        view.addSeparator()
        view.addAction(a.full_screen)
        view.addMenu(LanguageMenu(view))
        menus.addMenu(self.lessons.menu)
        help_menu = self.menus["help"] = menus.addMenu("")
        self.help_shortcuts = help_menu.addAction("", lambda: help_dialogs.show_shortcuts(self))
        self.help_shortcuts.setShortcut("F1")
        self.addAction(self.help_shortcuts)
        self.help_about = help_menu.addAction("", lambda: help_dialogs.show_about(self))

    def retranslate(self) -> None:
        """Every word the window shows itself, in the interface's language (also the views' titles)."""
        name_actions(self.actions, self.runner.running)
        for key, title in (("file", self.tr("&File")), ("edit", self.tr("&Edit")),
                           ("train", self.tr("&Train")), ("classes", self.tr("&Classes")),
                           ("view", self.tr("&View")), ("help", self.tr("&Help"))):
            self.menus[key].setTitle(title)
        self.help_shortcuts.setText(self.tr("Keyboard Shortcuts"))
        self.help_about.setText(self.tr("About Decision Boundary Playground"))
        self.centre.setTabText(0, self.tr("Boundary"))
        for spec, action in zip(self.view_specs, self.view_actions):
            title = QCoreApplication.translate("Views", spec.title)
            if spec.key in self.docks:
                self.docks[spec.key].setWindowTitle(title)  # (its View-menu entry follows)
            else:
                self.centre.setTabText(self.centre.indexOf(self.views[spec.key]), title)
                action.setText(title)
        self.toolbar.setWindowTitle(self.tr("Training"))
        self._size_play_button()
        self._show_classes()
        self._show_undo_state()
        self._show_file_state()
        self.status_line.set_hint(tool_hint(self.tools.tool))

    def _size_play_button(self) -> None:
        """Wide enough for Pause and Play both: the toolbar must not jump when training starts."""
        play = self.toolbar.widgetForAction(self.actions.play)
        play.setMinimumWidth(0)
        metrics, texts = play.fontMetrics(), [QCoreApplication.translate("Actions", t) for t in (PLAY, PAUSE)]
        play.setMinimumWidth(play.sizeHint().width() - metrics.horizontalAdvance(play.text())
                             + max(metrics.horizontalAdvance(text) for text in texts))

    # -------------------------------------------------------------- wiring
    def _connect(self) -> None:
        a, s = self.actions, self.session
        a.undo.triggered.connect(s.undo)
        a.redo.triggered.connect(s.redo)
        a.play.triggered.connect(self.runner.toggle)
        a.step.triggered.connect(self.runner.step_once)
        a.reset.triggered.connect(s.reset)
        a.clear.triggered.connect(s.clear_points)
        a.new.triggered.connect(self.new_file)
        a.open.triggered.connect(self.open_file)
        a.save.triggered.connect(self.save_file)
        a.save_as.triggered.connect(self.save_file_as)
        a.quit.triggered.connect(self.close)
        a.full_screen.toggled.connect(lambda on: self.showFullScreen() if on else self.showNormal())
        a.test_points.toggled.connect(lambda on: setattr(self.tools, "new_points_are_test", on))
        for name, action in a.tools.items():
            action.triggered.connect(lambda _=False, name=name: self._set_tool(name))
        for k, action in enumerate(a.classes):
            action.triggered.connect(lambda _=False, k=k: self._choose_class(k))
        s.points_changed.connect(self._show_classes)
        s.current_class_changed.connect(self._show_classes)
        self._show_classes()
        self.runner.running_changed.connect(self._show_running)
        self.runner.running_changed.connect(lambda running: self.caption.fold() if running else None)
        s.file_changed.connect(self._show_file_state)
        s.undo_changed.connect(self._show_undo_state)
        s.points_refused.connect(self._say_points_refused)
        self.field_keys = FieldKeys(self, [*a.play.shortcuts(), *a.step.shortcuts(), *a.reset.shortcuts()],
                                    lambda: self.centre.currentWidget().setFocus())
        self._set_tool("add")

    def _set_tool(self, name: str) -> None:
        self.tools.set_tool(name)
        self.actions.tools[name].setChecked(True)
        self.status_line.set_hint(tool_hint(name))

    def _show_classes(self) -> None:
        """The Classes menu lists the classes there are (keys 1-5 stay bound), the current one checked."""
        s, menu = self.session, self.classes_menu
        menu.clear()
        for k, (action, name) in enumerate(zip(self.actions.classes, s.class_names)):
            action.setText(self.tr("Class {number}: {name}").format(number=k + 1, name=name))
            action.setChecked(k == s.current_class)
            menu.addAction(action)

    def _choose_class(self, k: int) -> None:
        if k < self.session.n_classes:
            self.session.set_current_class(k)
        else:
            self._show_classes()  # the group checked the key's action: show the real current class
            self.statusBar().showMessage(self.tr("There is no class {number}: Add class (in Data) makes "
                                                 "one.").format(number=k + 1), 4000)

    def _say_points_refused(self, most: int) -> None:
        self.statusBar().showMessage(self.tr(
            "At most {most} points: no more can be added (a scenario file holds that many). Erase some "
            "points to make room.").format(most=most), 8000)

    def _show_undo_state(self) -> None:
        """Undo and Redo keep fixed labels (a toolbar that changes width as you edit jumps
        under the mouse); the tooltip names the edit."""
        s, a = self.session, self.actions
        a.undo.setEnabled(s.can_undo())
        a.redo.setEnabled(s.can_redo())
        undo, redo = (QCoreApplication.translate("Edits", text) for text in (s.undo_text(), s.redo_text()))
        a.undo.setToolTip(self.tr("Undo {edit}").format(edit=undo) if undo else self.tr("Undo"))
        a.redo.setToolTip(self.tr("Redo {edit}").format(edit=redo) if redo else self.tr("Redo"))

    def _show_running(self, running: bool) -> None:
        icon = self.style().standardIcon(self.style().StandardPixmap.SP_MediaPause if running
                                         else self.style().StandardPixmap.SP_MediaPlay)
        self.actions.play.setIcon(icon)
        self.actions.play.setText(QCoreApplication.translate("Actions", PAUSE if running else PLAY))

    def _show_file_state(self) -> None:
        """'Lesson title — file.json* — app': the lesson's title (in the interface's language) and the
        file, whichever there are, and * while there are unsaved changes."""
        s = self.session
        names = [lesson_title(s.lesson)] if s.lesson else []
        if s.path or not names:
            names.append(Path(s.path).name if s.path else self.tr("Untitled"))
        self.setWindowTitle(self.tr("{name}[*] — {app}").format(
            name=" — ".join(names), app=self.tr("Decision Boundary Playground")))  # language.DISPLAY_NAME
        self.setWindowModified(s.modified)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "window_fit"):  # (made last)
            self.retranslate()  # (a lesson's title in the new language, too)
            self.window_fit.fit()  # the words' widths changed: the toolbar's and the docks' too
        super().changeEvent(event)

    # --------------------------------------------------------------- files
    def new_file(self) -> None:
        if self._may_discard():
            self.runner.pause()
            self.session.new()

    def open_file(self, path: str | None = None) -> bool:
        if not self._may_discard():
            return False
        if not path:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Open scenario"), "", self._file_filter())
            if not path:
                return False
        self.runner.pause()
        try:
            self.session.open(path)
        except ScenarioError as error:
            QMessageBox.warning(self, self.tr("Cannot open scenario"), f"{Path(path).name}: {message(error)}")
            return False
        return True

    def save_file(self) -> bool:
        return self.save_file_as(self.session.path) if self.session.path else self.save_file_as()

    def save_file_as(self, path: str | None = None) -> bool:
        if not path:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Save scenario"), "scenario.json",
                                                  self._file_filter())
            if not path:
                return False
        try:
            self.session.save(path)
        except ScenarioError as error:
            QMessageBox.warning(self, self.tr("Cannot save"), self.tr(
                "{problem}\n\nYour work is still open here: save it under another name "
                "(File → Save As).").format(problem=message(error)))
            return False
        self.statusBar().showMessage(self.tr("Saved {path}").format(path=path), 4000)
        return True

    def _file_filter(self) -> str:
        return self.tr("Scenarios (*.json);;All files (*)")

    def open_lesson(self, name: str) -> bool:
        """Open the built-in lesson ``name`` (after asking about unsaved changes)."""
        if not self._may_discard():
            return False
        try:
            scenario = load_lesson(name)
        except ScenarioError as error:  # a damaged installation
            QMessageBox.warning(self, self.tr("Cannot open the lesson"), f"{name}: {message(error)}")
            return False
        self.runner.pause()
        self.session.new(scenario)
        return True

    def _may_discard(self) -> bool:
        """True if there is nothing unsaved, or the user saved or chose to discard it."""
        if not self.session.modified:
            return True
        answer = QMessageBox.question(
            self, self.tr("Unsaved changes"), self.tr("Save the changes to the current scenario first?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Save:
            return self.save_file()
        return answer == QMessageBox.StandardButton.Discard

    def closeEvent(self, event) -> None:
        if self._may_discard():
            self.runner.pause()
            self.presentation.set_active(False)  # the layout kept is the everyday one
            self.centre_room.give_back()
            window_state.save(self)
            event.accept()
        else:
            event.ignore()


class PanelScroll(QScrollArea):
    """A panel at the top of a frameless area that scrolls up and down when the window is too
    short for it, and grows no taller than the panel: other views take the rest."""

    def __init__(self, panel: QWidget):
        super().__init__()
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(panel)
        column.addStretch()
        self.setWidget(page)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.setMinimumWidth(panel.sizeHint().width() + self.verticalScrollBar().sizeHint().width())

    def sizeHint(self) -> QSize:
        """The whole panel (QScrollArea's own hint stops at 24 lines of text)."""
        return self.widget().sizeHint()

    def eventFilter(self, watched, event) -> bool:
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()  # the panel grew or shrank (a layer added): so does the dock
        return super().eventFilter(watched, event)

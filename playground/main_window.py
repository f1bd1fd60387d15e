"""The main window: panels left, the canvas in the middle, training on the right.

It assembles the widgets around one session and one runner, owns the menus,
toolbar and shortcuts, and guards the user's work: opening a bad file changes
nothing, and closing with unsaved changes asks first.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSlider,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from engine.scenario import ScenarioError
from playground.actions import TOOL_LABELS, make_actions
from playground.messages import divergence, message
from playground.panels.data_panel import DataPanel
from playground.panels.model_panel import ModelPanel
from playground.panels.training_panel import TrainingPanel
from playground.runner import Runner
from playground.session import Session
from playground.views.canvas import CanvasView
from playground.views.charts import TrainingCharts

APP_NAME = "Decision Boundary Playground"
SPEEDS = (1, 2, 5, 10, 20, 50, 100, 200, 500)  # steps per frame, on the speed slider
FILE_FILTER = "Scenarios (*.json);;All files (*)"


class MainWindow(QMainWindow):
    def __init__(self, session: Session | None = None):
        super().__init__()
        self.session = session or Session(parent=self)
        self.runner = Runner(self.session, self)
        self.actions = make_actions(self)
        self.canvas = CanvasView(self.session)
        self.data_panel = DataPanel(self.session)
        self.model_panel = ModelPanel(self.session)
        self.training_panel = TrainingPanel(self.session)
        self.charts = TrainingCharts(self.session)
        self.banner, self.banner_text = self._make_banner()
        self._build_layout()
        self._build_toolbar()
        self._build_menus()
        self._connect()
        self._show_file_state()
        self.resize(1280, 800)

    # ---------------------------------------------------------------- layout
    def _build_layout(self) -> None:
        left = QWidget()
        column = QVBoxLayout(left)
        column.addWidget(self.data_panel)
        column.addWidget(self.model_panel)
        column.addStretch()
        scroll = QScrollArea()
        scroll.setWidget(left)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setMinimumWidth(left.sizeHint().width() + 16)

        centre = QWidget()
        middle = QVBoxLayout(centre)
        middle.setContentsMargins(0, 0, 0, 0)
        middle.addWidget(self.banner)
        middle.addWidget(self.canvas, 1)

        right = QWidget()
        side = QVBoxLayout(right)
        side.addWidget(self.training_panel)
        side.addWidget(self.charts, 1)

        splitter = QSplitter()
        for widget in (scroll, centre, right):
            splitter.addWidget(widget)
        splitter.setStretchFactor(1, 1)
        splitter.setCollapsible(1, False)
        splitter.setSizes([300, 660, 320])
        self.setCentralWidget(splitter)

    def _make_banner(self) -> tuple[QFrame, QLabel]:
        """A message strip above the canvas for a diverged run, with a Reset button."""
        banner = QFrame()
        banner.setObjectName("banner")
        banner.setStyleSheet("#banner { background: #FFF3CD; border: 1px solid #E0B252; "
                             "border-radius: 4px; }")
        text = QLabel()
        text.setWordWrap(True)
        reset = QPushButton("Reset")
        reset.clicked.connect(self.session.reset)
        row = QHBoxLayout(banner)
        row.addWidget(text, 1)
        row.addWidget(reset)
        banner.hide()
        return banner, text

    def _build_toolbar(self) -> None:
        a = self.actions
        bar = QToolBar("Training")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        bar.addActions([a.play, a.step, a.reset])
        play = bar.widgetForAction(a.play)  # wide enough for "Pause" too: the bar must not jump
        play.setMinimumWidth(play.sizeHint().width() + play.fontMetrics().horizontalAdvance("Pause")
                             - play.fontMetrics().horizontalAdvance("Play"))
        self.speed = QSlider(Qt.Orientation.Horizontal)
        self.speed.setRange(0, len(SPEEDS) - 1)
        self.speed.setFixedWidth(140)
        self.speed.setToolTip("Training steps per frame")
        self.speed.setValue(SPEEDS.index(10))
        self.speed_label = QLabel()
        bar.addWidget(QLabel("  Speed "))
        bar.addWidget(self.speed)
        bar.addWidget(self.speed_label)
        bar.addSeparator()
        bar.addActions(list(a.tools.values()))
        bar.addAction(a.test_points)
        bar.addAction(a.clear)
        bar.addSeparator()
        bar.addActions([a.undo, a.redo])
        self.addToolBar(bar)
        self._set_speed(self.speed.value())

    def _build_menus(self) -> None:
        a = self.actions
        menus = self.menuBar()
        file = menus.addMenu("&File")
        file.addActions([a.new, a.open, a.save, a.save_as])
        file.addSeparator()
        file.addAction(a.quit)
        edit = menus.addMenu("&Edit")
        edit.addActions([a.undo, a.redo])
        edit.addSeparator()
        edit.addActions([*a.tools.values(), a.test_points, a.clear])
        train = menus.addMenu("&Train")
        train.addActions([a.play, a.step, a.reset])
        points = menus.addMenu("&Classes")
        points.addActions(a.classes)
        view = menus.addMenu("&View")
        view.addAction(a.full_screen)

    # -------------------------------------------------------------- wiring
    def _connect(self) -> None:
        a, s = self.actions, self.session
        stack = s.undo_stack
        a.undo.triggered.connect(stack.undo)
        a.redo.triggered.connect(stack.redo)
        stack.canUndoChanged.connect(a.undo.setEnabled)
        stack.canRedoChanged.connect(a.redo.setEnabled)
        stack.undoTextChanged.connect(self._name_undo)
        stack.redoTextChanged.connect(self._name_redo)
        a.undo.setEnabled(stack.canUndo())
        a.redo.setEnabled(stack.canRedo())
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
        a.test_points.toggled.connect(lambda on: setattr(self.canvas.tools, "new_points_are_test", on))
        for name, action in a.tools.items():
            action.triggered.connect(lambda _=False, name=name: self._set_tool(name))
        for k, action in enumerate(a.classes):
            action.triggered.connect(lambda _=False, k=k: s.set_current_class(k))
        self.speed.valueChanged.connect(self._set_speed)
        self.runner.running_changed.connect(self._show_running)
        s.diverged.connect(self._show_divergence)
        s.stats_changed.connect(self._hide_banner_after_reset)
        s.file_changed.connect(self._show_file_state)
        self._set_tool("add")

    def _set_tool(self, name: str) -> None:
        self.canvas.set_tool(name)
        self.actions.tools[name].setChecked(True)
        self.statusBar().showMessage(TOOL_LABELS[name][1])

    # Undo and Redo keep fixed labels (a toolbar that changes width as you edit
    # jumps under the mouse); the tooltip names the edit.
    def _name_undo(self, edit: str) -> None:
        self.actions.undo.setToolTip(f"Undo {edit}".strip())

    def _name_redo(self, edit: str) -> None:
        self.actions.redo.setToolTip(f"Redo {edit}".strip())

    def _set_speed(self, index: int) -> None:
        self.runner.set_steps_per_frame(SPEEDS[index])
        self.speed_label.setText(f" {SPEEDS[index]} steps/frame ")

    def _show_running(self, running: bool) -> None:
        icon = self.style().standardIcon(self.style().StandardPixmap.SP_MediaPause if running
                                         else self.style().StandardPixmap.SP_MediaPlay)
        self.actions.play.setIcon(icon)
        self.actions.play.setText("Pause" if running else "Play")

    def _show_divergence(self, stats) -> None:
        self.banner_text.setText(divergence(stats))
        self.banner.show()

    def _hide_banner_after_reset(self, stats) -> None:
        if not stats.diverged:
            self.banner.hide()

    def _show_file_state(self) -> None:
        name = Path(self.session.path).name if self.session.path else "Untitled"
        self.setWindowTitle(f"{name}[*] — {APP_NAME}")
        self.setWindowModified(self.session.modified)

    # --------------------------------------------------------------- files
    def new_file(self) -> None:
        if self._may_discard():
            self.runner.pause()
            self.session.new()

    def open_file(self, path: str | None = None) -> bool:
        if not self._may_discard():
            return False
        if not path:
            path, _ = QFileDialog.getOpenFileName(self, "Open scenario", "", FILE_FILTER)
            if not path:
                return False
        self.runner.pause()
        try:
            self.session.open(path)
        except ScenarioError as error:
            QMessageBox.warning(self, "Cannot open scenario", f"{Path(path).name}: {message(error)}")
            return False
        return True

    def save_file(self) -> bool:
        return self.save_file_as(self.session.path) if self.session.path else self.save_file_as()

    def save_file_as(self, path: str | None = None) -> bool:
        if not path:
            path, _ = QFileDialog.getSaveFileName(self, "Save scenario", "scenario.json", FILE_FILTER)
            if not path:
                return False
        try:
            self.session.save(path)
        except ScenarioError as error:
            QMessageBox.warning(self, "Cannot save", message(error))
            return False
        self.statusBar().showMessage(f"Saved {path}", 4000)
        return True

    def _may_discard(self) -> bool:
        """True if there is nothing unsaved, or the user saved or chose to discard it."""
        if not self.session.modified:
            return True
        answer = QMessageBox.question(
            self, "Unsaved changes", "Save the changes to the current scenario first?",
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Save:
            return self.save_file()
        return answer == QMessageBox.StandardButton.Discard

    def closeEvent(self, event) -> None:
        if self._may_discard():
            self.runner.pause()
            event.accept()
        else:
            event.ignore()

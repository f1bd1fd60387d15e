"""The window's file commands beyond open and save: Open Recent, import and export, Record.

- **Open Recent**: the last ``MAX_RECENT`` scenario files opened or saved (QSettings
  ``files/recent``); one that is gone is dropped from the list when chosen.
- **Import / export points (CSV)**, **load / save the model (.npz)**, **export a
  PyTorch script** (``engine.csv_points``, ``engine.model_file``, ``engine.torch_export``).
- **Record GIF**: the canvas while it trains (``playground.recorder``); without
  Pillow the action says how to get it.
- **Dropping** a scenario (.json), points (.csv) or model (.npz) file on the window
  opens, imports or loads it.

Every failure is a message naming what is wrong; nothing open changes then.
The window lends its session, runner, canvas, ``open_file`` and status bar.
The actions' words follow the language (``QEvent.LanguageChange``, which the
window passes on to its children).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSettings, Qt
from PySide6.QtGui import QAction, QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu, QMessageBox

from engine import csv_points, model_file, torch_export
from engine.errors import CodedError
from playground import recorder
from playground.messages import FEATURE_LABELS, message, model_summary, untranslated

MAX_RECENT = 8
RECENT_KEY = "files/recent"
STATUS_MS = 8000
OPENERS = {".json": "open_scenario", ".csv": "import_csv", ".npz": "load_model"}  # what a drop does


class FileActions(QObject):
    """The actions (``recent_menu``, ``import_csv``, ``export_csv``, ``load_model``, ``save_model``,
    ``export_torch``, ``record``) and what they do, for ``window``; ``settings`` keeps the recent list."""

    def __init__(self, window: QMainWindow, settings: QSettings | None = None):
        super().__init__(window)
        self.window = window
        self.session = window.session
        self.settings = settings or QSettings()
        self.recent_menu = QMenu(window)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self.import_csv_action = self._action(self.import_csv)
        self.export_csv_action = self._action(self.export_csv)
        self.load_model_action = self._action(self.load_model)
        self.save_model_action = self._action(self.save_model)
        self.export_torch_action = self._action(self.export_torch)
        self.record = QAction(_record_icon(), "", window, checkable=True)
        self.record.toggled.connect(self._record_toggled)
        self.retranslate()
        self.recorder = recorder.GifRecorder(window.canvas, self)
        self.recorder.full.connect(lambda: self.record.setChecked(False))
        self.session.file_changed.connect(self._remember_file)
        window.setAcceptDrops(True)
        window.installEventFilter(self)

    def _action(self, slot) -> QAction:
        action = QAction(self.window)
        action.triggered.connect(lambda: slot())
        return action

    def retranslate(self) -> None:
        self.recent_menu.setTitle(self.tr("Open &Recent"))
        for action, text in ((self.import_csv_action, self.tr("Import Points (CSV)…")),
                             (self.export_csv_action, self.tr("Export Points (CSV)…")),
                             (self.load_model_action, self.tr("Load Trained Model…")),
                             (self.save_model_action, self.tr("Save Trained Model…")),
                             (self.export_torch_action, self.tr("Export as PyTorch Script…")),
                             (self.record, self.tr("Record Training as GIF"))):
            action.setText(text)
        self.record.setIconText(self.tr("Record"))  # on the toolbar
        self.record.setToolTip(self.tr("Record the canvas as an animated GIF (press again to stop and save)"))

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return super().event(event)

    def add_to(self, menu: QMenu, before: QAction) -> None:
        """Open Recent before ``before`` (Save); import, export and Record at the end of ``menu``."""
        menu.insertMenu(before, self.recent_menu)
        menu.addSeparator()
        menu.addActions([self.import_csv_action, self.export_csv_action])
        menu.addSeparator()
        menu.addActions([self.load_model_action, self.save_model_action, self.export_torch_action])
        menu.addSeparator()
        menu.addAction(self.record)

    # -------------------------------------------------------------- recent
    def recent_files(self) -> list[str]:
        value = self.settings.value(RECENT_KEY, [])
        return [value] if isinstance(value, str) else list(value or [])

    def _remember_file(self) -> None:
        path = self.session.path
        if path:
            path = str(Path(path).resolve())
            recent = [path, *(p for p in self.recent_files() if p != path)][:MAX_RECENT]
            if recent != self.recent_files():
                self.settings.setValue(RECENT_KEY, recent)

    def _fill_recent_menu(self) -> None:
        menu = self.recent_menu
        menu.clear()
        for path in self.recent_files():
            action = menu.addAction(Path(path).name)
            action.setToolTip(path)
            action.setStatusTip(path)
            action.triggered.connect(lambda _=False, path=path: self.open_recent(path))
        if menu.isEmpty():
            menu.addAction(self.tr("No recent files")).setEnabled(False)

    def open_recent(self, path: str) -> bool:
        if not Path(path).exists():
            self.settings.setValue(RECENT_KEY, [p for p in self.recent_files() if p != path])
        return self.window.open_file(path)

    # ------------------------------------------------------ import, export
    def open_scenario(self, path: str) -> bool:
        return self.window.open_file(path)

    def import_csv(self, path: str | None = None) -> bool:
        path = path or self._ask_open(self.tr("Import points"), self.tr("CSV files (*.csv);;All files (*)"))
        done = (self.tr("Imported 1 point from {name}"), self.tr("Imported {count} points from {name}"))
        return bool(path) and self._run(self.tr("Cannot import points"), self.session.import_csv, path,
                                        done=done, writes=False)

    def export_csv(self, path: str | None = None) -> bool:
        path = path or self._ask_save(self.tr("Export points"), "points.csv", self.tr("CSV files (*.csv)"))
        s = self.session
        return bool(path) and self._run(self.tr("Cannot export points"), csv_points.save, path,
                                        s.points, s.labels, s.is_test, s.class_names,
                                        done=(self.tr("Saved 1 point to {name}"),
                                              self.tr("Saved {count} points to {name}")))

    def save_model(self, path: str | None = None) -> bool:
        path = path or self._ask_save(self.tr("Save trained model"), "model.npz",
                                      self.tr("NumPy model files (*.npz)"))
        return bool(path) and self._run(self.tr("Cannot save the model"), model_file.save, path,
                                        self.session.model_file(), done=self.tr("Saved the model to {name}"))

    def export_torch(self, path: str | None = None) -> bool:
        path = path or self._ask_save(self.tr("Export as PyTorch script"), "model.py",
                                      self.tr("Python files (*.py)"))
        s = self.session
        return bool(path) and self._run(self.tr("Cannot export the model"), torch_export.save, path,
                                        s.model_file(), s.points, s.labels, s.is_test,
                                        model_summary(s.model_info(), untranslated),  # (code: English)
                                        done=self.tr("Saved a PyTorch script to {name}"))

    def load_model(self, path: str | None = None) -> bool:
        path = path or self._ask_open(self.tr("Load trained model"), self.tr("NumPy model files (*.npz)"))
        if not path:
            return False
        self.window.runner.pause()
        before = self._model_text()
        try:
            changed = self.session.load_model(path)
        except CodedError as error:
            self._warn(self.tr("Cannot load the model"), path, error)
            return False
        name = Path(path).name
        if changed:
            QMessageBox.information(self.window, self.tr("Model loaded"), self.tr(
                "{name} holds a {model}. The model settings were changed to match it "
                "(it was a {before}).").format(name=name, model=self._model_text(), before=before))
        self._status(self.tr("Loaded {name}: {model}, step {step}").format(
            name=name, model=model_summary(self.session.model_info()), step=self.session.stats.step))
        return True

    def _model_text(self) -> str:
        """'2-8-8-2 MLP, tanh, 114 parameters, features x₁, x₂': the model's summary and its inputs."""
        features = ", ".join(FEATURE_LABELS[name] for name in self.session.settings.model.features)
        return self.tr("{summary}, features {features}").format(
            summary=model_summary(self.session.model_info()), features=features)

    def _run(self, failure: str, do, path: str, *args, done: str | tuple[str, str] = "",
             writes: bool = True) -> bool:
        """do(path, *args); a coded error is shown under the title ``failure``, else ``done``: a
        template of the file's {name}, or a pair of them for one point and for {count} points.
        A ``do`` that ``writes`` is refused the open scenario's file."""
        if writes and self._is_scenario_file(failure, path):
            return False
        try:
            do(path, *args)
        except CodedError as error:
            self._warn(failure, path, error)
            return False
        count = len(self.session.points)
        if isinstance(done, tuple):
            done = done[0] if count == 1 else done[1]
        if done:
            self._status(done.format(name=Path(path).name, count=count))
        return True

    def _is_scenario_file(self, title: str, path: str) -> bool:
        """True, with a message under ``title``, if ``path`` is the open scenario's file: an export
        written over it would lose the saved scenario while the window says it is saved."""
        scenario = self.session.path
        if not scenario or Path(path).resolve() != Path(scenario).resolve():
            return False
        QMessageBox.warning(self.window, title, self.tr(
            "{name} is the file of the open scenario. Choose another name: writing there would "
            "replace the saved scenario.").format(name=Path(path).name))
        return True

    def _warn(self, title: str, path: str, error: CodedError) -> None:
        text = message(error) if "path" in error.params else f"{Path(path).name}: {message(error)}"
        QMessageBox.warning(self.window, title, text)

    def _status(self, text: str) -> None:
        self.window.statusBar().showMessage(text, STATUS_MS)

    def _ask_open(self, title: str, filter: str) -> str:
        return QFileDialog.getOpenFileName(self.window, title, "", filter)[0]

    def _ask_save(self, title: str, name: str, filter: str) -> str:
        return QFileDialog.getSaveFileName(self.window, title, name, filter)[0]

    # --------------------------------------------------------------- record
    def _record_toggled(self, on: bool) -> None:
        if on and recorder.pillow_missing():
            self.record.setChecked(False)
            QMessageBox.information(self.window, self.tr("Recording needs Pillow"), self.tr(
                "Recording a GIF needs the Pillow package. Install it with\n{command}\n"
                "then start the app again.").format(command=recorder.INSTALL_HINT))
        elif on:
            self.recorder.start()
            self._status(self.tr("Recording the canvas… press Record again to stop"))
        elif self.recorder.frames:
            self.recorder.stop()
            self.save_recording()

    def save_recording(self, path: str | None = None) -> bool:
        """Write what was recorded as a GIF (asks where); False if cancelled or it failed."""
        path = path or self._ask_save(self.tr("Save recording"), "training.gif",
                                      self.tr("GIF images (*.gif)"))
        if not path or self._is_scenario_file(self.tr("Cannot save the recording"), path):
            return False
        try:
            self.recorder.save(path)
        except (OSError, ValueError) as error:
            reason = getattr(error, "strerror", None) or str(error)
            QMessageBox.warning(self.window, self.tr("Cannot save the recording"),
                                self.tr("cannot save {path}: {reason}").format(path=path, reason=reason))
            return False
        self._status(self.tr("Saved {seconds:.0f} s of training to {name}").format(
            seconds=self.recorder.seconds, name=Path(path).name))
        return True

    # ----------------------------------------------------------------- drop
    def open_paths(self, paths: list[str]) -> bool:
        """What a drop does: the first file opens (.json), imports (.csv) or loads (.npz)."""
        for path in paths:
            opener = OPENERS.get(Path(path).suffix.lower())
            if opener is not None:
                return getattr(self, opener)(path)
        self._status(self.tr("Drop a scenario (.json), points (.csv) or model (.npz) file"))
        return False

    def eventFilter(self, watched, event) -> bool:
        if watched is self.window and event.type() in (QEvent.Type.DragEnter, QEvent.Type.Drop):
            paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
            if not paths:
                return False
            event.acceptProposedAction()
            if event.type() == QEvent.Type.Drop:
                self.open_paths(paths)
            return True
        return super().eventFilter(watched, event)


def _record_icon() -> QIcon:
    """A red dot, the sign for recording everywhere."""
    pixmap = QPixmap(32, 32)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#D55E00"))
    painter.drawEllipse(6, 6, 20, 20)
    painter.end()
    return QIcon(pixmap)

"""The session: the current scenario and its trainer, seen from Qt.

It is the only object that changes training state. Panels and canvas tools ask
it for a change; it validates, applies the change to the engine, then emits
one signal; views redraw from what it holds. Point edits go through an undo
stack, one command per gesture.

Signals
-------
points_changed()            points, labels, split or class names changed
settings_changed()          data, model or training settings changed
current_class_changed(int)  the class new points get
stats_changed(object)       new ``StepStats``: after training, an edit, a reset or a rebuild
diverged(object)            the loss blew up: the ``StepStats`` that say so
file_changed()              the file path or the unsaved-changes flag changed
"""

from __future__ import annotations

import time
from dataclasses import dataclass, replace

import numpy as np
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from engine.datasets import MAX_CLASSES
from engine.history import History
from engine.scenario import DEFAULT_CLASS_NAMES, Scenario, load, save
from engine.settings import DataSettings, ModelSettings, Settings, TrainingSettings
from engine.trainer import StepStats, Trainer
from playground.commands import EditPoints


@dataclass(frozen=True)
class PointsState:
    """Everything a point edit can change; what undo restores.

    points: (N, 2), labels: (N,), is_test: (N,), class names (K,), generator settings.
    """

    points: np.ndarray
    labels: np.ndarray
    is_test: np.ndarray
    class_names: tuple[str, ...]
    data: DataSettings


class Session(QObject):
    points_changed = Signal()
    settings_changed = Signal()
    current_class_changed = Signal(int)
    stats_changed = Signal(object)
    diverged = Signal(object)
    file_changed = Signal()

    UNDO_LIMIT = 200

    def __init__(self, scenario: Scenario | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(self.UNDO_LIMIT)
        self.undo_stack.cleanChanged.connect(self._clean_changed)
        self.history = History()
        self.path: str | None = None
        self._settings_modified = False
        self._stroke_start: PointsState | None = None
        self.current_class = 0
        self.train_seconds = 0.0  # wall time of the last step() in the trainer
        self._use(scenario or Scenario.generate(Settings()))

    def _clean_changed(self, _clean: bool) -> None:
        self.file_changed.emit()

    # --------------------------------------------------------------- reading
    @property
    def settings(self) -> Settings:
        return self.scenario.settings

    @property
    def n_classes(self) -> int:
        return self.scenario.n_classes

    @property
    def modified(self) -> bool:
        return self._settings_modified or not self.undo_stack.isClean()

    def points_state(self) -> PointsState:
        s = self.scenario
        return PointsState(s.points, s.labels, s.is_test, tuple(s.class_names), s.settings.data)

    def point_near(self, xy, radius: float) -> int | None:
        """Index of the point nearest to xy (2,) within ``radius`` plane units, else None."""
        if not len(self.scenario.points):
            return None
        points = self.scenario.points
        distances = np.hypot(points[:, 0] - xy[0], points[:, 1] - xy[1])
        nearest = int(distances.argmin())
        return nearest if distances[nearest] <= radius else None

    # ---------------------------------------------------------- point edits
    def add_points(self, xy, label: int | None = None, is_test: bool = False, text: str = "Add point"):
        """Add points xy (M, 2) of class ``label`` (default: the current class), undoably."""
        self._edit(self._with_points(xy, label, is_test), text)

    def remove_points(self, indices, text: str = "Erase points") -> None:
        indices = np.unique(np.asarray(indices, dtype=int))
        if len(indices):
            self._edit(self._without_points(indices), text)

    def clear_points(self) -> None:
        if len(self.scenario.points):
            self._edit(self._without_points(np.arange(len(self.scenario.points))), "Clear points")

    def regenerate(self, data: DataSettings | None = None) -> None:
        """Replace the points with the generator's, undoably (consecutive ones merge)."""
        data = data or self.settings.data
        names = self.scenario.class_names
        if len(names) < data.classes:
            names = list(names) + list(DEFAULT_CLASS_NAMES[len(names):data.classes])
        generated = Scenario.generate(self.settings.replace(data=data), names[:data.classes])
        self._edit(PointsState(generated.points, generated.labels, generated.is_test,
                               tuple(generated.class_names), data), "Regenerate points", merge=True)

    def add_class(self) -> None:
        """A new, empty class, which becomes the current one."""
        k = self.n_classes
        if k < MAX_CLASSES:
            names = (*self.scenario.class_names, _new_class_name(self.scenario.class_names))
            self._edit(replace(self.points_state(), class_names=names), "Add class")
            self.set_current_class(k)

    def remove_class(self, k: int) -> None:
        """Remove class k and its points; later classes move down one."""
        if self.n_classes <= 2:
            return
        state = self.points_state()
        keep = state.labels != k
        labels = state.labels[keep]
        names = tuple(n for i, n in enumerate(state.class_names) if i != k)
        self._edit(replace(state, points=state.points[keep], labels=np.where(labels > k, labels - 1, labels),
                           is_test=state.is_test[keep], class_names=names), "Remove class")

    # A gesture (brush stroke, point drag) changes the points live and
    # becomes one undo step when it ends.
    def begin_stroke(self) -> None:
        self._stroke_start = self.points_state()

    def stroke_add(self, xy, label: int | None = None, is_test: bool = False) -> None:
        self.apply_points(self._with_points(xy, label, is_test))

    def stroke_remove(self, indices) -> None:
        self.apply_points(self._without_points(indices))

    def stroke_move(self, index: int, xy) -> None:
        points = self.scenario.points.copy()
        points[index] = xy
        self.apply_points(replace(self.points_state(), points=points))

    def end_stroke(self, text: str) -> None:
        start, self._stroke_start = self._stroke_start, None
        if start is not None and not _same_points(start, self.points_state()):
            self.undo_stack.push(EditPoints(self, start, self.points_state(), text))

    def _edit(self, after: PointsState, text: str, merge: bool = False) -> None:
        self.undo_stack.push(EditPoints(self, self.points_state(), after, text, merge))

    def apply_points(self, state: PointsState) -> None:
        """Make ``state`` current: the undo commands' and the gestures' way in."""
        s = self.scenario
        classes_changed = len(state.class_names) != s.n_classes
        data_changed = state.data != s.settings.data
        s.points, s.labels, s.is_test = state.points, state.labels, state.is_test
        s.class_names = list(state.class_names)
        s.settings = s.settings.replace(data=state.data)
        self.trainer.set_data(s.points, s.labels, s.is_test, s.n_classes)
        if classes_changed:  # a new output layer: the model started again
            self.history.clear()
            self.set_current_class(min(self.current_class, s.n_classes - 1))
        self.points_changed.emit()
        if data_changed or classes_changed:
            self.settings_changed.emit()
        self._publish(self.trainer.evaluate())

    def _with_points(self, xy, label, is_test) -> PointsState:
        xy = np.asarray(xy, dtype=float).reshape(-1, 2)
        label = self.current_class if label is None else label
        state = self.points_state()
        return replace(state, points=np.concatenate([state.points, xy]),
                       labels=np.concatenate([state.labels, np.full(len(xy), label)]),
                       is_test=np.concatenate([state.is_test, np.full(len(xy), is_test)]))

    def _without_points(self, indices) -> PointsState:
        state = self.points_state()
        keep = np.ones(len(state.points), bool)
        keep[indices] = False
        return replace(state, points=state.points[keep], labels=state.labels[keep],
                       is_test=state.is_test[keep])

    def set_current_class(self, k: int) -> None:
        k = int(np.clip(k, 0, self.n_classes - 1))
        if k != self.current_class:
            self.current_class = k
            self.current_class_changed.emit(k)

    # -------------------------------------------------------------- settings
    def set_model_settings(self, model: ModelSettings) -> None:
        """New architecture, activation or features: the model is rebuilt from the seed."""
        if model != self.settings.model:
            self._store(self.settings.replace(model=model))
            self.trainer.set_model(model)
            self.history.clear()
            self._settings_applied()

    def set_training_settings(self, training: TrainingSettings) -> None:
        """New loss, optimizer, learning rate, batch size or penalty: the weights stay."""
        if training != self.settings.training:
            self._store(self.settings.replace(training=training))
            self.trainer.set_training(training)
            self._settings_applied()

    def set_seed(self, seed: int) -> None:
        """A new seed for the initial weights (and mini-batch order): resets the weights."""
        if seed != self.settings.seed:
            self._store(self.settings.replace(seed=seed))
            self.trainer.set_seed(seed)
            self.history.clear()
            self._settings_applied()

    def _store(self, settings: Settings) -> None:
        self.scenario.settings = settings
        self._settings_modified = True

    def _settings_applied(self) -> None:
        """Tell everyone, once the trainer has taken the new settings."""
        self.settings_changed.emit()
        self.file_changed.emit()
        self._publish(self.trainer.evaluate())

    # -------------------------------------------------------------- training
    def step(self, n: int) -> StepStats:
        """Train n steps (the runner's call); emits stats_changed, and diverged once."""
        was_diverged = self.trainer.diverged
        started = time.perf_counter()
        stats = self.trainer.step(n)
        self.train_seconds = time.perf_counter() - started
        self._publish(stats)
        if stats.diverged and not was_diverged:
            self.diverged.emit(stats)
        return stats

    def reset(self) -> None:
        """Fresh weights from the seed: the same seed gives the same start."""
        self.trainer.reset()
        self.history.clear()
        self._publish(self.trainer.evaluate())

    def _publish(self, stats: StepStats) -> None:
        self.stats = stats
        self.history.append(stats.step, stats)
        self.stats_changed.emit(stats)

    # ----------------------------------------------------------------- files
    def open(self, path: str) -> None:
        """Load a scenario file; on a bad file raises ScenarioError and changes nothing."""
        scenario = load(path)
        self._use(scenario, path)

    def save(self, path: str | None = None) -> None:
        """Save (atomically) to ``path`` or the current file; raises ScenarioError."""
        path = path or self.path
        if path is None:
            raise ValueError("no file to save to")
        save(self.scenario, path)
        self.path = path
        self._settings_modified = False
        self.undo_stack.setClean()
        self.file_changed.emit()

    def new(self, scenario: Scenario | None = None) -> None:
        self._use(scenario or Scenario.generate(Settings()))

    def _use(self, scenario: Scenario, path: str | None = None) -> None:
        self.scenario = scenario
        self.path = path
        self.trainer = Trainer.for_scenario(scenario)
        self._settings_modified = False
        self.undo_stack.clear()
        self.history.clear()
        self.current_class = 0
        self.current_class_changed.emit(0)
        self.points_changed.emit()
        self.settings_changed.emit()
        self.file_changed.emit()
        self._publish(self.trainer.evaluate())


def _new_class_name(existing) -> str:
    return next(n for n in (*DEFAULT_CLASS_NAMES, *map(str, range(MAX_CLASSES + 1))) if n not in existing)


def _same_points(a: PointsState, b: PointsState) -> bool:
    return (np.array_equal(a.points, b.points) and np.array_equal(a.labels, b.labels)
            and np.array_equal(a.is_test, b.is_test) and a.class_names == b.class_names)


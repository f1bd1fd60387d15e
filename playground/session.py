"""The session: the one door into the app's state, and the only writer of it.

It keeps the current scenario, its trainer, the training history and the undo
stack to itself. Panels and controllers ask it for one change at a time (one
setting, one point edit, a training step); it validates the change, applies
it to the engine, then emits a signal. Views and panels redraw from its
read-only queries. Point edits go through the undo stack, one step per gesture.

Signals
-------
points_changed()            points, labels, split or class names changed
settings_changed()          data, model or training settings changed
current_class_changed(int)  the class new points get
stats_changed(object)       new ``StepStats``: after training, an edit, a reset or a rebuild
diverged(object)            the loss blew up: the ``StepStats`` that say so
file_changed()              the file path or the unsaved-changes flag changed
undo_changed()              what undo and redo would do changed
"""

from __future__ import annotations

import time

import numpy as np
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from engine.datasets import DATASETS, MAX_CLASSES
from engine.features import feature_matrix
from engine.history import History
from engine.scenario import DECIMALS, Scenario, load, save
from engine.settings import Settings
from engine.trainer import StepStats, Trainer
from playground.commands import EditPoints
from playground.model_info import ModelInfo
from playground.points_state import PointsState, unused_class_name


class Session(QObject):
    points_changed = Signal()
    settings_changed = Signal()
    current_class_changed = Signal(int)
    stats_changed = Signal(object)
    diverged = Signal(object)
    file_changed = Signal()
    undo_changed = Signal()

    UNDO_LIMIT = 200

    def __init__(self, scenario: Scenario | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self._undo_stack = QUndoStack(self)
        self._undo_stack.setUndoLimit(self.UNDO_LIMIT)
        self._undo_stack.cleanChanged.connect(self.file_changed)
        self._undo_stack.indexChanged.connect(self.undo_changed)
        self._history = History()
        self._stroke_start: PointsState | None = None
        self._train_seconds = 0.0
        self._use(scenario or Scenario.generate(Settings()))

    # ------------------------------------------------------------ queries
    @property
    def settings(self) -> Settings:
        return self._scenario.settings

    @property
    def points(self) -> np.ndarray:
        """(N, 2) plane coordinates, read only."""
        return _read_only(self._scenario.points)

    @property
    def labels(self) -> np.ndarray:
        """(N,) class of each point, read only."""
        return _read_only(self._scenario.labels)

    @property
    def is_test(self) -> np.ndarray:
        """(N,) whether each point is held out for testing, read only."""
        return _read_only(self._scenario.is_test)

    @property
    def class_names(self) -> tuple[str, ...]:
        return tuple(self._scenario.class_names)

    @property
    def n_classes(self) -> int:
        return self._scenario.n_classes

    @property
    def current_class(self) -> int:
        return self._current_class

    @property
    def stats(self) -> StepStats:
        """Where training stands now (``stats.diverged``: stopped until ``resume()`` or ``reset()``)."""
        return self._stats

    @property
    def history(self) -> History:
        """The training curves so far; for reading only."""
        return self._history

    @property
    def train_seconds(self) -> float:
        """Wall time of the last ``step()`` inside the trainer."""
        return self._train_seconds

    @property
    def path(self) -> str | None:
        return self._path

    @property
    def modified(self) -> bool:
        return self._settings_modified or not self._undo_stack.isClean()

    def model_info(self) -> ModelInfo:
        return ModelInfo.of(self._trainer.model)

    def boundary_grid(self, bounds: tuple[float, float, float, float],
                      resolution: int | tuple[int, int]) -> np.ndarray:
        """Class probabilities (K, ny, nx) at the centres of a grid over bounds (x_min, x_max,
        y_min, y_max), resolution n or (nx, ny): what the canvas draws. Row i is y_min + (i + 0.5) dy."""
        return self._trainer.predict_grid(bounds, resolution)

    def layer_activations(self, points) -> list[np.ndarray]:
        """Every layer's outputs for points (N, 2): [(width_1, N), ..., (K, N) class scores]."""
        x = feature_matrix(points, self.settings.model.features, self._trainer.dtype)
        return self._trainer.model.activations(x)

    def point_near(self, xy, radius: float) -> int | None:
        """Index of the point nearest to xy (2,) within ``radius`` plane units, else None."""
        distances = self._distances(xy)
        if not len(distances):
            return None
        nearest = int(distances.argmin())
        return nearest if distances[nearest] <= radius else None

    def points_within(self, xy, radius: float) -> np.ndarray:
        """Indices (M,) of the points within ``radius`` plane units of xy (2,)."""
        return np.flatnonzero(self._distances(xy) <= radius)

    def _distances(self, xy) -> np.ndarray:
        points = self._scenario.points
        return np.hypot(points[:, 0] - xy[0], points[:, 1] - xy[1])

    def points_edited_by_hand(self) -> bool:
        """Whether the points were placed, moved or erased by hand (or loaded so) since the generator
        made them: replacing them with generated ones loses that work (until undone)."""
        return not self._generated

    def can_undo(self) -> bool:
        return self._undo_stack.canUndo()

    def can_redo(self) -> bool:
        return self._undo_stack.canRedo()

    def undo_text(self) -> str:
        """What undo would take back ("Add point"), or "" when nothing."""
        return self._undo_stack.undoText()

    def redo_text(self) -> str:
        return self._undo_stack.redoText()

    # --------------------------------------------------------- settings
    def set_data_field(self, name: str, value) -> None:
        """One generator setting ("dataset", "points", "noise", "classes", "seed", "test_fraction"):
        the points are generated again, undoably; consecutive changes are one undo step.
        A dataset with a fixed number of classes (xor, moons) sets the class count too."""
        changes = {name: value}
        if name == "dataset" and value in DATASETS:
            info = DATASETS[value]
            changes["classes"] = min(max(self.settings.data.classes, info.min_classes), info.max_classes)
        data = self.settings.data.replace(**changes)
        if data != self.settings.data or data.classes != self.n_classes:  # (classes added by hand)
            self._regenerate(data)

    def set_model_field(self, name: str, value) -> None:
        """One model setting ("kind", "hidden", "activation", "features"): rebuilt from the seed."""
        model = self.settings.model.replace(**{name: value})
        if model != self.settings.model:
            self._store(self.settings.replace(model=model))
            self._trainer.set_model(model)
            self._history.clear()
            self._settings_applied()

    def set_training_field(self, name: str, value) -> None:
        """One training setting ("loss", "optimizer", "learning_rate", "batch_size", "l1", "l2"):
        the weights stay."""
        training = self.settings.training.replace(**{name: value})
        if training != self.settings.training:
            self._store(self.settings.replace(training=training))
            self._trainer.set_training(training)
            self._settings_applied()

    def set_seed(self, seed: int) -> None:
        """A new seed for the initial weights (and mini-batch order): resets the weights."""
        if seed != self.settings.seed:
            self._store(self.settings.replace(seed=seed))
            self._trainer.set_seed(seed)
            self._history.clear()
            self._settings_applied()

    def _store(self, settings: Settings) -> None:
        self._scenario.settings = settings
        self._settings_modified = True

    def _settings_applied(self) -> None:
        """Tell everyone, once the trainer has taken the new settings."""
        self.settings_changed.emit()
        self.file_changed.emit()
        self._publish(self._trainer.evaluate())

    # -------------------------------------------------------- point edits
    def add_points(self, xy, label: int | None = None, is_test: bool = False, text: str = "Add point"):
        """Add points xy (M, 2) of class ``label`` (default: the current class), undoably."""
        self._edit(self._state().with_points(xy, self._label(label), is_test), text)

    def remove_points(self, indices, text: str = "Erase points") -> None:
        if len(indices):
            self._edit(self._state().without(indices), text)

    def clear_points(self) -> None:
        if len(self._scenario.points):
            self._edit(self._state().without(np.arange(len(self._scenario.points))), "Clear points")

    def regenerate(self) -> None:
        """The generator's points again (after edits by hand), undoably."""
        self._regenerate(self.settings.data)

    def _regenerate(self, data) -> None:
        names = self._scenario.class_names[:data.classes]
        while len(names) < data.classes:
            names.append(unused_class_name(names))
        made = Scenario.generate(self.settings.replace(data=data), names)
        self._edit(PointsState(made.points, made.labels, made.is_test, tuple(made.class_names), data,
                               generated=True), "Regenerate points", merge=True)

    def add_class(self) -> None:
        """A new, empty class, which becomes the current one."""
        if self.n_classes < MAX_CLASSES:
            self._edit(self._state().with_new_class(), "Add class")
            self.set_current_class(self.n_classes - 1)

    def remove_class(self, k: int) -> None:
        """Remove class k and its points; later classes move down one. Two classes always stay."""
        if self.n_classes > 2:
            self._edit(self._state().without_class(k), "Remove class")

    def set_current_class(self, k: int) -> None:
        k = int(np.clip(k, 0, self.n_classes - 1))
        if k != self._current_class:
            self._current_class = k
            self.current_class_changed.emit(k)

    # A gesture (brush stroke, point drag) changes the points live and
    # becomes one undo step when it ends.
    def begin_stroke(self) -> None:
        self._stroke_start = self._state()

    def stroke_add(self, xy, label: int | None = None, is_test: bool = False) -> None:
        self._apply(self._state().with_points(xy, self._label(label), is_test))

    def stroke_remove(self, indices) -> None:
        self._apply(self._state().without(indices))

    def stroke_move(self, index: int, xy) -> None:
        self._apply(self._state().moved(index, xy))

    def end_stroke(self, text: str) -> None:
        start, self._stroke_start = self._stroke_start, None
        if start is not None and not start.same_points(self._state()):
            self._undo_stack.push(EditPoints(self._apply, start, self._state(), text))

    def undo(self) -> None:
        self._undo_stack.undo()

    def redo(self) -> None:
        self._undo_stack.redo()

    def _label(self, label: int | None) -> int:
        return self._current_class if label is None else label

    def _state(self) -> PointsState:
        s = self._scenario
        return PointsState(s.points, s.labels, s.is_test, tuple(s.class_names), s.settings.data,
                           self._generated)

    def _edit(self, after: PointsState, text: str, merge: bool = False) -> None:
        self._undo_stack.push(EditPoints(self._apply, self._state(), after, text, merge))

    def _apply(self, state: PointsState) -> None:
        """Make ``state`` current: the undo commands' and the gestures' way in."""
        s = self._scenario
        classes_changed = len(state.class_names) != s.n_classes
        data_changed = state.data != s.settings.data
        s.points, s.labels, s.is_test = state.points, state.labels, state.is_test
        s.class_names = list(state.class_names)
        self._generated = state.generated
        s.settings = s.settings.replace(data=state.data)
        self._trainer.set_data(s.points, s.labels, s.is_test, s.n_classes)
        if classes_changed:  # a new output layer: the model started again
            self._history.clear()
            self.set_current_class(min(self._current_class, s.n_classes - 1))
        self.points_changed.emit()
        if data_changed or classes_changed:
            self.settings_changed.emit()
        self._publish(self._trainer.evaluate())

    # ------------------------------------------------------------ training
    def step(self, n: int) -> StepStats:
        """Train n steps (the runner's call); emits stats_changed, and diverged once."""
        was_diverged = self._stats.diverged
        started = time.perf_counter()
        stats = self._trainer.step(n)
        self._train_seconds = time.perf_counter() - started
        self._publish(stats)
        if stats.diverged and not was_diverged:
            self.diverged.emit(stats)
        return stats

    def resume(self) -> None:
        """After a divergence, train on from the last good weights with the settings now (a lower
        learning rate, say): the next ``step`` continues the run. Does nothing otherwise."""
        if self._stats.diverged:
            self._trainer.resume()
            self._publish(self._trainer.evaluate())

    def reset(self) -> None:
        """Fresh weights from the seed: the same seed gives the same start."""
        self._trainer.reset()
        self._history.clear()
        self._publish(self._trainer.evaluate())

    def _publish(self, stats: StepStats) -> None:
        self._stats = stats
        self._history.append(stats.step, stats)
        self.stats_changed.emit(stats)

    # --------------------------------------------------------------- files
    def open(self, path: str) -> None:
        """Load a scenario file; on a bad file raises ScenarioError and changes nothing."""
        self._use(load(path), path)

    def save(self, path: str | None = None) -> None:
        """Save (atomically) to ``path`` or the current file; raises ScenarioError."""
        path = path or self._path
        if path is None:
            raise ValueError("no file to save to")
        save(self._scenario, path)
        self._path = path
        self._settings_modified = False
        self._undo_stack.setClean()
        self.file_changed.emit()

    def new(self, scenario: Scenario | None = None) -> None:
        self._use(scenario or Scenario.generate(Settings()))

    def _use(self, scenario: Scenario, path: str | None = None) -> None:
        self._scenario = scenario
        self._path = path
        self._generated = _is_generated(scenario)
        self._trainer = Trainer.for_scenario(scenario)
        self._settings_modified = False
        self._undo_stack.clear()
        self._history.clear()
        self._current_class = 0
        self.current_class_changed.emit(0)
        self.points_changed.emit()
        self.settings_changed.emit()
        self.file_changed.emit()
        self._publish(self._trainer.evaluate())


def _is_generated(scenario: Scenario) -> bool:
    """Whether the scenario's points are what its generator settings make (as a file saves them)."""
    made = Scenario.generate(scenario.settings)
    return (made.points.shape == scenario.points.shape
            and np.allclose(made.points, scenario.points, rtol=0, atol=10.0 ** -DECIMALS)
            and np.array_equal(made.labels, scenario.labels)
            and np.array_equal(made.is_test, scenario.is_test))


def _read_only(array: np.ndarray) -> np.ndarray:
    view = array.view()
    view.flags.writeable = False
    return view

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
selected_point_changed(object)  the point the backprop explorer follows: its index, or None
points_refused(int)         points not added: they would pass the limit of points (given), which
                            is what a file may hold, so whatever the window makes it can save
lesson_changed(object)      another scenario was opened: its lesson (``engine.lesson.Lesson``) or None
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace
from functools import partial

import numpy as np
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from engine import csv_points, model_file
from engine.datasets import DATASETS, MAX_CLASSES, fixed_sample
from engine.expression_graph import trace_formula
from engine.features import feature_matrix
from engine.history import History
from engine.input_files import MAX_FILE_POINTS
from engine.lesson import Lesson
from engine.losses import one_hot
from engine.model_check import ModelCheck, check_model
from engine.model_file import ModelFile
from engine.model_graph import float64_copy, point_trace
from engine.network_state import LayerArrays, NeuronStats, layer_arrays, neuron_maps, neuron_stats
from engine.scenario import DECIMALS, Scenario, load, save
from engine.settings import Settings
from engine.snapshot import Snapshot
from engine.spaces import HiddenSpace, LinearMap, feature_plane, grid_lines, hidden_space, linear_map
from engine.step_stats import StepStats
from engine.trace import Trace
from engine.trainer import Trainer
from playground.commands import EditPoints
from playground.messages import QT_TRANSLATE_NOOP
from playground.model_info import ModelInfo
from playground.point_changes import Added, Changes, Labelled, Moved, Relabelled, Removed, Replaced, meta_of
from playground.points_state import PointsState, data_for_classes, unused_class_name


class Session(QObject):
    points_changed = Signal()
    settings_changed = Signal()
    current_class_changed = Signal(int)
    stats_changed = Signal(object)
    diverged = Signal(object)
    file_changed = Signal()
    undo_changed = Signal()
    selected_point_changed = Signal(object)
    points_refused = Signal(int)
    lesson_changed = Signal(object)

    UNDO_LIMIT = 200

    def __init__(self, scenario: Scenario | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self._undo_stack = QUndoStack(self)
        self._undo_stack.setUndoLimit(self.UNDO_LIMIT)
        self._undo_stack.cleanChanged.connect(self.file_changed)
        self._undo_stack.indexChanged.connect(self.undo_changed)
        self._history = History()
        self._stroke: Changes | None = None  # the gesture going on
        self._train_seconds = 0.0
        self._selected: int | None = None
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
        """Wall time of the last ``step()``'s training steps (without measuring them afterwards)."""
        return self._train_seconds

    @property
    def path(self) -> str | None:
        return self._path

    @property
    def lesson(self) -> Lesson | None:
        """What makes the open scenario a lesson (title, caption, views, outcome), or None."""
        return self._scenario.lesson

    @property
    def modified(self) -> bool:
        """Unsaved changes: settings, edits, or a gesture going on that changed the points."""
        return self._settings_modified or not self._undo_stack.isClean() or bool(self._stroke)

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

    def network_arrays(self) -> tuple[LayerArrays, ...]:
        """Every weight layer's weights, biases, gradients and last update, and |dLoss/d output| per
        neuron, from the last real step (``engine.network_state.LayerArrays``), first to last."""
        return layer_arrays(self._trainer)

    def neuron_maps(self, bounds: tuple[float, float, float, float],
                    resolution: int | tuple[int, int]) -> list[np.ndarray]:
        """Every column's maps over a grid, in one pass: [inputs (F, ny, nx), hidden layers
        (width, ny, nx)..., class scores (K, ny, nx)]; row i is y_min + (i + 0.5) dy."""
        return neuron_maps(self._trainer.model, self.settings.model.features, bounds, resolution)

    def neuron_stats(self) -> tuple[NeuronStats, ...]:
        """Each weight layer's neurons over the training points: bias, pre-activation range,
        share of points dead (ReLU) or saturated (sigmoid, tanh)."""
        s = self._scenario
        x = feature_matrix(s.points[~s.is_test], self.settings.model.features, self._trainer.dtype)
        return neuron_stats(self._trainer.model, x)

    # The spaces of issue 9: feature space, hidden space, the collapsed linear map (engine.spaces).
    def feature_coordinates(self, axes) -> np.ndarray:
        """(2, N) float64: the points in the plane of features axes[0], axes[1]."""
        return feature_matrix(self._scenario.points, axes)

    def feature_plane_grid(self, axes, bounds, resolution) -> np.ndarray | None:
        """Class probabilities (K, ny, nx) over the plane of features ``axes`` (bounds in feature
        units, as ``boundary_grid``), or None when the model uses a feature off those axes."""
        return feature_plane(self._trainer.model, self.settings.model.features, axes, bounds, resolution,
                             self._trainer.dtype)

    def hidden_space(self, layer: int, bounds, previous=None, shown=None) -> HiddenSpace:
        """The points (those at indices ``shown``, default all) and the grid lines of the plane
        ``bounds`` as hidden layer ``layer`` (1 = first) sees them, in 2D (``engine.spaces.hidden_space``)."""
        points = self._scenario.points if shown is None else self._scenario.points[shown]
        return hidden_space(self._trainer.model, self.settings.model.features, points,
                            grid_lines(bounds), layer, previous, self._trainer.dtype)

    def point_sample(self, most: int) -> np.ndarray:
        """Indices (M,), ascending, of at most ``most`` points: all, or a fixed sample of a larger set
        (the same while the number of points stays), for a view that cannot redraw them all."""
        return fixed_sample(len(self._scenario.points), most)

    def linear_map(self) -> LinearMap | None:
        """The single layer a model without a non-linearity equals (float64), checked on the
        current points; None for a non-linear network."""
        x = feature_matrix(self._scenario.points, self.settings.model.features)
        return linear_map(self._trainer.model, x)

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
        """What undo would take back ("Add point"), or "" when nothing: English, marked in context
        "Edits" (shown through ``messages.translated("Edits", text)``)."""
        return self._undo_stack.undoText()

    def redo_text(self) -> str:
        return self._undo_stack.redoText()

    # ------------------------------------------------- the backprop explorer
    @property
    def selected_point(self) -> int | None:
        """The index of the point the backprop explorer follows, or None."""
        return self._selected

    def select_point(self, index: int | None) -> None:
        """Follow point ``index`` (None: no point) in the backprop explorer; training is untouched."""
        if index is not None and not 0 <= index < len(self._scenario.points):
            index = None
        if index != self._selected:
            self._selected = index
            self.selected_point_changed.emit(index)

    def sample_trace(self, index: int) -> Trace:
        """The loss's computational graph for point ``index`` at the current weights, node by node
        (on a float64 copy: exploring never changes the model)."""
        return point_trace(self._trainer.model, self._scenario, index)

    def trace_formula(self, text: str, values: str) -> Trace:
        """The computational graph of a typed formula at values 'x=-2, y=5'; ExpressionError
        (with the place to underline) when either cannot be read or computed."""
        return trace_formula(text, values)

    def gradient_check(self, seconds: float | None = None, most_points: int = 500) -> ModelCheck:
        """Backprop against numerical gradients for every parameter: ``gradient_check_job`` run now."""
        return self.gradient_check_job(seconds, most_points)()

    def gradient_check_job(self, seconds: float | None = None,
                           most_points: int = 500) -> Callable[[], ModelCheck]:
        """The gradient check of the current weights, as work for any thread: the weights and
        the points are copied now, so training may go on while it runs.

        It checks on the training points (on all the points when none is held for training;
        a seeded sample of ``most_points`` of them when there are more); ``seconds`` bounds
        the numerical side. ValueError (now) when there are no points."""
        s = self._scenario
        chosen = np.flatnonzero(~s.is_test) if (~s.is_test).any() else np.arange(len(s.points))
        if not len(chosen):
            raise ValueError("no points to check the gradients on")
        if len(chosen) > most_points:
            chosen = np.sort(np.random.default_rng(self.settings.seed).choice(chosen, most_points, False))
        x = feature_matrix(s.points[chosen], self.settings.model.features)
        target = one_hot(s.labels[chosen], s.n_classes)
        return partial(check_model, float64_copy(self._trainer.model), x, target,
                       self.settings.training.loss, seconds=seconds)

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
    def add_points(self, xy, label: int | None = None, is_test: bool = False,
                   text: str = QT_TRANSLATE_NOOP("Edits", "Add point")):
        """Add points xy (M, 2) of class ``label`` (default: the current class), undoably; as many as
        fit under ``MAX_FILE_POINTS`` (``points_refused`` says when some did not)."""
        xy = self._within_limit(xy)
        if len(xy):
            self._edit([Added.of(xy, self._label(label), is_test), self._by_hand()], text)

    def remove_points(self, indices, text: str = QT_TRANSLATE_NOOP("Edits", "Erase points")) -> None:
        if len(indices):
            self._edit([Removed.of(self._state(), indices), self._by_hand()], text)

    def clear_points(self) -> None:
        if len(self._scenario.points):
            self.remove_points(np.arange(len(self._scenario.points)),
                               QT_TRANSLATE_NOOP("Edits", "Clear points"))

    def regenerate(self) -> None:
        """The generator's points again (after edits by hand), undoably."""
        self._regenerate(self.settings.data)

    def _regenerate(self, data) -> None:
        names = self._scenario.class_names[:data.classes]
        while len(names) < data.classes:
            names.append(unused_class_name(names))
        made = Scenario.generate(self.settings.replace(data=data), names)
        after = PointsState(made.points, made.labels, made.is_test, tuple(made.class_names), data,
                            generated=True)
        self._edit([Replaced.of(self._state(), after, made_now=True)],
                   QT_TRANSLATE_NOOP("Edits", "Regenerate points"), merge=True)

    def add_class(self) -> None:
        """A new, empty class, which becomes the current one."""
        if self.n_classes < MAX_CLASSES:
            self._edit([self._by_hand((*self.class_names, unused_class_name(self.class_names)))],
                       QT_TRANSLATE_NOOP("Edits", "Add class"))
            self.set_current_class(self.n_classes - 1)

    def remove_class(self, k: int) -> None:
        """Remove class k and its points; later classes move down one. Two classes always stay."""
        if self.n_classes > 2:
            names = tuple(name for i, name in enumerate(self.class_names) if i != k)
            self._edit([Removed.of(self._state(), np.flatnonzero(self._scenario.labels == k)), Relabelled(k),
                        self._by_hand(names)], QT_TRANSLATE_NOOP("Edits", "Remove class"))

    def set_current_class(self, k: int) -> None:
        k = int(np.clip(k, 0, self.n_classes - 1))
        if k != self._current_class:
            self._current_class = k
            self.current_class_changed.emit(k)

    # A gesture (brush stroke, point drag) changes the points live and becomes one undo step
    # when it ends -- or when anything else changes the points first (an undo, say): every
    # change of the points is on the undo stack, in order.
    def begin_stroke(self, text: str = QT_TRANSLATE_NOOP("Edits", "Edit points")) -> None:
        self._commit_stroke()
        self._stroke, self._stroke_text, self._stroke_meta = Changes(), text, meta_of(self._state())

    def stroke_add(self, xy, label: int | None = None, is_test: bool = False) -> None:
        xy = self._within_limit(xy)
        if len(xy):
            self._stroke_change(Added.of(xy, self._label(label), is_test))

    def stroke_remove(self, indices) -> None:
        if len(indices):
            self._stroke_change(Removed.of(self._state(), indices))

    def stroke_move(self, index: int, xy) -> None:
        """Move point ``index`` to xy (2,); nothing if there is no such point (an undo took it)."""
        if 0 <= index < len(self._scenario.points):
            start = tuple(self._scenario.points[index].tolist())
            self._stroke_change(Moved(index, start, (float(xy[0]), float(xy[1]))))

    def end_stroke(self, text: str | None = None) -> None:
        """The gesture is over: its changes become one undo step, named ``text`` (or as begun)."""
        self._commit_stroke(text)

    def _stroke_change(self, change) -> None:
        if self._stroke is None:  # a gesture that did not begin (or was cut short): recorded all the same
            self.begin_stroke()
        self._stroke.append(change)
        state = replace(change.forward(self._state()), generated=False)
        self._apply(state, partial(change.follow, forward=True))

    def _commit_stroke(self, text: str | None = None) -> None:
        stroke, self._stroke = self._stroke, None
        if stroke:
            stroke.append(Labelled(self._stroke_meta, meta_of(self._state())))
            text = text or self._stroke_text
            self._undo_stack.push(EditPoints(self._state, self._apply, stroke, text, done=True))

    def undo(self) -> None:
        self._commit_stroke()
        self._undo_stack.undo()

    def redo(self) -> None:
        self._commit_stroke()
        self._undo_stack.redo()

    def undo_memory(self) -> int:
        """Bytes of point data the undo history keeps (what each edit changed)."""
        stack = self._undo_stack
        return sum(stack.command(i).changes.nbytes() for i in range(stack.count()))

    def _within_limit(self, xy) -> np.ndarray:
        """The first of the points xy (M, 2) that fit under ``MAX_FILE_POINTS``; emits
        ``points_refused`` if any do not."""
        xy = np.asarray(xy, dtype=float).reshape(-1, 2)
        room = max(MAX_FILE_POINTS - len(self._scenario.points), 0)
        if len(xy) > room:
            xy = xy[:room]
            self.points_refused.emit(MAX_FILE_POINTS)
        return xy

    def _label(self, label: int | None) -> int:
        return self._current_class if label is None else label

    def _state(self) -> PointsState:
        s = self._scenario
        return PointsState(s.points, s.labels, s.is_test, tuple(s.class_names), s.settings.data,
                           self._generated)

    def _by_hand(self, names=None) -> Labelled:
        """The names (default: as they are), and the points now edited by hand: the last change of
        an edit by hand."""
        state = self._state()
        names = state.class_names if names is None else tuple(names)
        return Labelled(meta_of(state), (names, data_for_classes(state.data, names), False))

    def _edit(self, changes: list, text: str, merge: bool = False) -> None:
        """Make ``changes`` (``playground.point_changes``), in order, one undo step."""
        self._commit_stroke()
        self._undo_stack.push(EditPoints(self._state, self._apply, Changes(changes), text, merge))

    def _apply(self, state: PointsState, follow: Callable[[int, int], int | None]) -> None:
        """Make ``state`` current: the undo commands' and the gestures' way in. ``follow(index, n)``:
        where the point at ``index`` of the ``n`` points now goes (None: gone), for the selection."""
        s = self._scenario
        was_selected = self._selected  # the same point from now on, or none if it is gone
        self._selected = None if was_selected is None else follow(was_selected, len(s.points))
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
        if self._selected != was_selected:
            self.selected_point_changed.emit(self._selected)
        self._publish(self._trainer.evaluate())

    # ------------------------------------------------------------ training
    def step(self, n: int) -> StepStats:
        """Train n steps (the runner's call); emits stats_changed, and diverged once."""
        was_diverged = self._stats.diverged
        stats = self._trainer.step(n)
        self._train_seconds = self._trainer.step_seconds
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

    # ------------------------------------- the trained model, CSV points, the autosave
    def model_file(self) -> ModelFile:
        """The model as a model file holds it: settings, class names, copies of [W1, b1, ...],
        step and epoch (read only: exports and the autosave)."""
        return ModelFile.of(self._trainer, self.class_names)

    def snapshot(self) -> Snapshot:
        """Everything the autosave keeps: the scenario, the weights, step, epoch, curves and the
        optimizer's running averages."""
        s = self._scenario
        scenario = Scenario(s.points.copy(), s.labels.copy(), s.is_test.copy(), s.class_names, s.settings,
                            s.title, s.lesson)
        model = self.model_file()
        return Snapshot(scenario, model.parameters, model.step, model.epoch, self._history.state(),
                        self._path, self.modified, time.time(), self._trainer.optimizer.saved_state())

    def restore(self, snapshot: Snapshot) -> None:
        """Make a snapshot the session: its scenario, file, weights, step, curves and the
        optimizer's running averages."""
        self._use(snapshot.scenario, snapshot.path)
        self._trainer.set_parameters(snapshot.parameters, snapshot.step, snapshot.epoch, snapshot.optimizer)
        try:
            self._history.set_state(snapshot.history)
        except ValueError:
            self._history.clear()
        self._settings_modified = snapshot.modified
        self.file_changed.emit()
        self._publish(self._trainer.evaluate())

    def load_model(self, path: str) -> bool:
        """Take a model file's weights, step and epoch, with its model settings if they differ
        (returns True then). A bad file or one for another number of classes raises
        ModelFileError and changes nothing."""
        loaded = model_file.load(path, self.n_classes)
        changed = loaded.model != self.settings.model
        if changed:
            self._store(self.settings.replace(model=loaded.model))
            self._trainer.set_model(loaded.model)
        self._trainer.set_parameters(loaded.parameters, loaded.step, loaded.epoch)
        self._history.clear()
        self._settings_applied()
        return changed

    def import_csv(self, path: str) -> None:
        """Replace the points and classes by a CSV file's, as one undoable edit; a bad file
        raises CsvError and changes nothing."""
        loaded = csv_points.load(path, self.class_names)
        names = tuple(loaded.class_names)
        after = PointsState(loaded.points, loaded.labels, loaded.is_test, names,
                            data_for_classes(self.settings.data, names))
        self._edit([Replaced.of(self._state(), after)], QT_TRANSLATE_NOOP("Edits", "Import points"))

    def _use(self, scenario: Scenario, path: str | None = None) -> None:
        self._stroke = None  # the history it belongs to goes
        self._scenario = scenario
        self._path = path
        self._generated = _is_generated(scenario)
        self._trainer = Trainer.for_scenario(scenario)
        self._settings_modified = False
        self._undo_stack.clear()
        self._history.clear()
        self._current_class = 0
        self.current_class_changed.emit(0)
        self.select_point(None)
        self.points_changed.emit()
        self.settings_changed.emit()
        self.file_changed.emit()
        self._publish(self._trainer.evaluate())
        self.lesson_changed.emit(scenario.lesson)


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

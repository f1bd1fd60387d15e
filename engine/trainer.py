"""The Trainer: a model, its data split and its optimizer, advanced by ``step(n)``.

``step(n)`` is the only training call the app makes. It returns ``StepStats``
(losses, accuracies, per-layer statistics, the divergence flag) measured on
the parameters it leaves behind. Data, learning settings and architecture can
each change between calls: new points keep the weights, new learning settings
keep the weights, a new architecture starts again from the seed.
"""

from __future__ import annotations

import contextlib
import math
import time

import numpy as np

from engine.datasets import fixed_sample
from engine.features import feature_matrix, grid_points
from engine.losses import LOSSES, one_hot, softmax
from engine.monitor import LossMonitor
from engine.nn import MLP
from engine.optim import Penalty, make_optimizer
from engine.settings import ModelSettings, TrainingSettings
from engine.step_stats import LayerStats, StepStats, dead_fraction, saturated_fraction
from engine.tensor import Tensor, no_grad

# Each split is measured on at most this many of its points: a larger one on a fixed random
# sample of them (the same one every time, so the curves compare like with like), which keeps
# a frame's measuring bounded however many points there are. StepStats says when it happens.
MEASURED_POINTS = 10_000


class Trainer:
    """Owns model + data split + optimizer.

    points: (N, 2) plane coordinates, labels: (N,) ints < n_classes,
    is_test: (N,) bool. Training runs in ``dtype`` (float32 by default: these
    networks gain nothing from float64, and the Tensor API stays float64).
    """

    def __init__(self, model: ModelSettings, training: TrainingSettings, n_classes: int,
                 points=(), labels=(), is_test=None, seed: int = 0, dtype=np.float32):
        self.model_settings = model
        self.training = training
        self.seed = seed
        self.dtype = np.dtype(dtype)
        self._grid_key = None
        self._set_points(points, labels, is_test, n_classes)
        self.reset()

    @classmethod
    def for_scenario(cls, scenario, dtype=np.float32) -> Trainer:
        """The one way to build a trainer from a ``Scenario``: its settings, points and seed."""
        s = scenario.settings
        return cls(s.model, s.training, scenario.n_classes, scenario.points, scenario.labels,
                   scenario.is_test, seed=s.seed, dtype=dtype)

    # ------------------------------------------------------------ changes
    def reset(self) -> None:
        """Fresh weights from the seed; step count, optimizer state and divergence cleared."""
        m = self.model_settings
        self.model = MLP(len(m.features), m.layers, self.n_classes, m.activation,
                         seed=self.seed, dtype=self.dtype)
        self._params = self.model.parameters()
        self._weights = self.model.weights()  # the penalised ones
        self._build_optimizer()
        self._batch_rng = np.random.default_rng([self.seed, 2])
        self._new_epoch()
        self.monitor = LossMonitor()
        # The parameters before the last step (P,): its update is the parameters minus these.
        self._saved = self.model.parameter_vector.copy()
        self._last_scores: Tensor | None = None  # the last real step's output node, its graph kept
        self.steps = 0
        self.samples_seen = 0
        self.epoch = 0.0  # training sets seen: each step adds its batch / the training set's size then
        self.diverged = False
        self.exploded_loss = math.nan
        self.step_seconds = 0.0  # the wall time of the last step(n)'s steps

    def set_model(self, model: ModelSettings) -> None:
        """New architecture, activation or features: rebuild from the seed."""
        self.model_settings = model
        self._set_points(self._points, self._labels, self._is_test, self.n_classes)
        self.reset()

    def set_training(self, training: TrainingSettings) -> None:
        """New loss, optimizer, learning rate, batch size or penalty; the weights stay."""
        previous, self.training = self.training, training
        if training.optimizer != previous.optimizer:
            self._build_optimizer()
        else:
            self.optimizer.learning_rate = training.learning_rate
            self.optimizer.penalty = Penalty(training.l1, training.l2)
        if training.batch_size != previous.batch_size:
            self._new_epoch()
        self.monitor.rebase()

    def set_seed(self, seed: int) -> None:
        self.seed = seed
        self.reset()

    def set_data(self, points, labels, is_test=None, n_classes: int | None = None) -> None:
        """New points (N, 2), labels (N,) and split (N,); the weights stay.

        A different ``n_classes`` changes the output layer, so the model is
        rebuilt from the seed. A refused call (ValueError) changes nothing.
        """
        n_classes = self.n_classes if n_classes is None else n_classes
        rebuild = n_classes != self.n_classes
        self._set_points(points, labels, is_test, n_classes)
        if rebuild:
            self.reset()
        else:
            self._new_epoch()
            self.monitor.rebase()

    def resume(self) -> None:
        """Train on after a divergence, from the finite weights it kept (with the settings now)."""
        if self.diverged:
            self.diverged = False
            self.exploded_loss = math.nan
            self.monitor.rebase()

    def set_parameters(self, parameters, steps: int = 0, epoch: float = 0.0,
                       optimizer_state: dict[str, np.ndarray] | None = None) -> None:
        """Take trained weights [W1, b1, W2, b2, ...], each shaped like the model's, and the step
        and epoch they were reached at (a model file, an autosave). The optimizer goes on from
        ``optimizer_state`` (an ``Optimizer.saved_state()``) if it is this optimizer's, else
        starts afresh. Parameters that do not fit are refused (ValueError), changing nothing."""
        if len(parameters) != len(self._params) or any(
                np.shape(a) != p.shape for a, p in zip(parameters, self._params)):
            raise ValueError("the parameters do not fit this model's layers")
        optimizer = self._new_optimizer()
        with contextlib.suppress(ValueError):  # another optimizer's, or none: it starts afresh
            optimizer.load_state(optimizer_state or {})
        for p, a in zip(self._params, parameters):
            np.copyto(p.data, a, casting="unsafe")
            p.grad = None
        np.copyto(self._saved, self.model.parameter_vector)
        self.optimizer = optimizer
        self._new_epoch()
        self.monitor = LossMonitor()
        self.steps, self.epoch, self.diverged = int(steps), float(epoch), False
        self.samples_seen = round(self.epoch * self._n_train)

    def _set_points(self, points, labels, is_test, n_classes: int) -> None:
        """Validate, then take the points, their split and the class count together."""
        points = np.asarray(points, dtype=np.float64).reshape(-1, 2)
        labels = np.asarray(labels, dtype=np.intp).reshape(-1)
        is_test = np.zeros(len(points), bool) if is_test is None else np.asarray(is_test, bool)
        if not len(points) == len(labels) == len(is_test):
            raise ValueError("points, labels and is_test must have the same length")
        if len(labels) and (labels.min() < 0 or labels.max() >= n_classes):
            raise ValueError(f"labels must be between 0 and {n_classes - 1}")
        self.n_classes = n_classes
        self._points, self._labels, self._is_test = points, labels, is_test
        # Train points first, then test points: each split is a contiguous slice.
        order = np.concatenate([np.flatnonzero(~is_test), np.flatnonzero(is_test)])
        self._n_train = int((~is_test).sum())
        self._ordered_labels = labels[order]
        self._x = feature_matrix(points[order], self.model_settings.features, self.dtype)
        self._target = one_hot(self._ordered_labels, self.n_classes, self.dtype)
        self._x_train = Tensor(self._x[:, : self._n_train], dtype=self.dtype)
        sample = _measured_columns(self._n_train, len(labels) - self._n_train)
        # What evaluate() measures: x (F, M), target (K, M), labels (M,), the first n of them training points.
        self._measured = (self._x, self._target, self._ordered_labels, self._n_train) if sample is None else (
            self._x[:, sample[0]], self._target[:, sample[0]], self._ordered_labels[sample[0]], sample[1])

    def _new_epoch(self) -> None:
        """Make the next mini-batch start a freshly shuffled epoch."""
        self._batches: list[tuple[Tensor, np.ndarray]] = []
        self._cursor = 0

    def _build_optimizer(self) -> None:
        self.optimizer = self._new_optimizer()

    def _new_optimizer(self):
        t = self.training
        return make_optimizer(t.optimizer, self._params, t.learning_rate, penalty=Penalty(t.l1, t.l2),
                              penalised=self._weights, vector=self.model.parameter_vector)

    # ----------------------------------------------------------- training
    @property
    def n_train(self) -> int:
        return self._n_train

    @property
    def n_test(self) -> int:
        return len(self._labels) - self._n_train

    def step(self, n: int = 1) -> StepStats:
        """Take n optimisation steps (fewer if the loss stops being finite).

        A KeyboardInterrupt (Ctrl+C) is passed on with the trainer at its last complete step:
        a step it cut short is undone (the optimizer's running averages then start afresh).
        ``step_seconds`` is then the wall time of the steps, without the measuring after them.
        """
        started = time.perf_counter()
        if self._n_train and not self.diverged:
            with np.errstate(all="ignore"):
                if n and self.monitor.start is None:  # a run's first loss sets the hard stop for the next
                    self._train(1)
                    n -= 1
                if not self.diverged:
                    self._train(n)
            self.step_seconds = time.perf_counter() - started
            stats = self.evaluate()
            if not self.diverged and self.monitor.exploded(stats.train_loss):
                self._diverge(stats.train_loss)
                stats = self.evaluate()
            return stats
        self.step_seconds = time.perf_counter() - started
        return self.evaluate()

    def _train(self, n: int) -> None:
        """Up to n steps: a loss above the monitor's hard stop ends them (``_diverge``).

        The hot loop: its bookkeeping stays in local variables, written back at its end.
        """
        loss_fn = LOSSES[self.training.loss]
        model, params, optimizer = self.model, self._params, self.optimizer
        vector, saved = model.parameter_vector, self._saved
        # The monitor judges what the optimizer minimises: a strong penalty may raise the
        # data loss while the whole objective falls, which is not instability.
        penalty = optimizer.penalty if optimizer.penalty else None
        limit, objectives = self.monitor.limit, []  # the objectives are watched after the loop
        steps, samples = self.steps, self.samples_seen
        undo = last_batch = None  # this call's last real step's batch
        try:
            for _ in range(n):
                x, target = self._next_batch()
                scores = model(x)
                loss = loss_fn(scores, target)
                value = float(loss.data)
                if not value <= limit:  # exploded, or NaN
                    self._diverge(value, last_batch)
                    break
                objectives.append(value + penalty.value(self._weights) if penalty else value)
                for p in params:  # cleared only now: a divergence keeps the last real ones
                    p.grad = None
                loss.backward()
                last_batch = x, target
                saved[...] = vector  # (an assignment copies faster than np.copyto)
                undo = steps, samples  # an interrupt from here until the counts are up undoes the step
                optimizer.step()
                steps += 1
                samples += x.data.shape[1]
                undo = None
        except KeyboardInterrupt:
            if undo is not None:
                np.copyto(vector, saved)
                steps, samples = undo
                self._build_optimizer()
            raise
        else:
            if last_batch is not None and not self.diverged:
                # Its graph holds dLoss/d(each layer's output). Only the last step's is kept:
                # keeping each step's while the next is built would double the memory traffic.
                self._last_scores = scores
        finally:
            self.monitor.observe(self.steps, objectives)
            self.epoch += (samples - self.samples_seen) / self._n_train
            self.steps, self.samples_seen = steps, samples

    def _next_batch(self) -> tuple[Tensor, np.ndarray]:
        """The next mini-batch, features x batch: x (F, B), target (K, B)."""
        n, size = self._n_train, self.training.batch_size
        if size == 0 or size >= n:
            return self._x_train, self._target[:, :n]
        if self._cursor >= len(self._batches):  # a new epoch: one shuffle, then slices
            order = self._batch_rng.permutation(n)
            x, target = self._x[:, order], self._target[:, order]
            self._batches = [(Tensor(x[:, i:i + size], dtype=self.dtype), target[:, i:i + size])
                             for i in range(0, n, size)]
            self._cursor = 0
        self._cursor += 1
        return self._batches[self._cursor - 1]

    def _diverge(self, loss: float, last_batch: tuple[Tensor, np.ndarray] | None = None) -> None:
        """Stop at ``loss``, back at the parameters before the last step (whose loss was within
        bounds), keeping that step's gradients and update for the statistics.

        ``last_batch``: that step's (x, target) when it was taken in the same ``step(n)`` call,
        whose loop keeps no graph but the last: the step's forward and backward pass is then
        taken again, from the same parameters, for its graph (``output_gradients``).
        """
        self.diverged = True
        self.exploded_loss = loss
        vector = self.model.parameter_vector
        self._diverged_update = vector - self._saved
        np.copyto(vector, self._saved)
        self._build_optimizer()
        if last_batch is not None:
            gradients = [p.grad for p in self._params]  # the step's own, kept as they were
            for p in self._params:
                p.grad = None
            x, target = last_batch
            self._last_scores = self.model(x)
            LOSSES[self.training.loss](self._last_scores, target).backward()
            for p, grad in zip(self._params, gradients):
                p.grad = grad

    # --------------------------------------------------------- evaluation
    def evaluate(self, every_point: bool = False) -> StepStats:
        """Losses, accuracies and layer statistics of the current parameters on both splits: on
        every point if ``every_point``, else on at most ``MEASURED_POINTS`` of each split."""
        x, target, labels, n = ((self._x, self._target, self._ordered_labels, self._n_train) if every_point
                                else self._measured)
        with np.errstate(all="ignore"):
            outputs = self.model.activations(x)
            scores = outputs[-1]
            train_loss, train_acc = self._measure(scores[:, :n], target[:, :n], labels[:n])
            test_loss, test_acc = self._measure(scores[:, n:], target[:, n:], labels[n:])
            norms = self._parameter_norms()
            layers = tuple(self._layer_stats(i, output[:, :n], norms[:, 2 * i], norms[:, 2 * i + 1])
                           for i, output in enumerate(outputs))
        return StepStats(
            step=self.steps, epoch=self.epoch,
            train_loss=train_loss, train_accuracy=train_acc,
            test_loss=test_loss, test_accuracy=test_acc,
            penalty=sum(layer.penalty for layer in layers),
            layers=layers, diverged=self.diverged, unstable=self.monitor.unstable,
            unstable_step=self.monitor.unstable_step, stalled=self.monitor.stalled,
            exploded_loss=self.exploded_loss, loss_limit=self.monitor.limit,
            train_points=self._n_train, test_points=self.n_test,
            measured_train=n, measured_test=len(labels) - n,
        )

    def _measure(self, scores, target, labels) -> tuple[float, float]:
        if not labels.size:
            return math.nan, math.nan
        loss = LOSSES[self.training.loss](Tensor(scores, dtype=self.dtype), target)
        accuracy = float((scores.argmax(axis=0) == labels).mean())
        return float(loss.data), accuracy

    def _parameter_norms(self) -> np.ndarray:
        """(3, parameters): the Frobenius norms of each parameter (W1, b1, W2, ...), of its last
        gradient (0 before any) and of its last update, computed together."""
        vector = self.model.parameter_vector
        squares = np.empty((3, vector.size))
        squares[0] = vector
        np.concatenate([np.zeros(p.data.size) if p.grad is None else p.grad.ravel() for p in self._params],
                       out=squares[1])
        if self.diverged:
            squares[2] = self._diverged_update
        else:
            np.subtract(vector, self._saved, out=squares[2])
        squares *= squares
        return np.sqrt(np.add.reduceat(squares, self.model.parameter_offsets[:-1], axis=1))

    def _layer_stats(self, i: int, output: np.ndarray, weight: np.ndarray, bias: np.ndarray) -> LayerStats:
        """Layer i's statistics; output: its activations on the training points (width, n_train),
        weight and bias: the norms of its W and b, their gradients and last updates."""
        layer = self.model.layers[i]
        (weight_norm, grad_norm, update_norm), (bias_norm, bias_grad_norm, _) = weight.tolist(), bias.tolist()
        return LayerStats(
            index=i + 1, shape=layer.W.shape, activation=layer.activation.name,
            weight_norm=weight_norm, bias_norm=bias_norm,
            grad_norm=grad_norm, bias_grad_norm=bias_grad_norm,
            update_norm=update_norm, update_ratio=update_norm / weight_norm if weight_norm else 0.0,
            penalty=self.optimizer.penalty.value([layer.W]),
            dead_fraction=dead_fraction(layer.activation.name, output),
            saturated_fraction=saturated_fraction(layer.activation.name, output),
        )

    # ---------------------------------------------------------- inspection
    def last_updates(self) -> list[np.ndarray]:
        """Each parameter's change in the last real step, penalty included, in ``model.parameters()``
        order (W1, b1, W2, ...); zeros before the first step."""
        vector = self.model.parameter_vector
        return self.model.split(self._diverged_update if self.diverged else vector - self._saved)

    def output_gradients(self) -> list[np.ndarray | None]:
        """dLoss/d(each layer's output) from the last real step's backward pass, on that step's
        batch of B points: [(width_1, B), ..., (n_classes, B)]; Nones before the first step."""
        grads, node = [], self._last_scores
        for _ in self.model.layers:  # each fused layer's node: parents (W, its input, b)
            grads.append(None if node is None else node.grad)
            node = None if node is None else node.parents[1]
        return grads[::-1]

    # ---------------------------------------------------------- prediction
    def predict(self, points) -> np.ndarray:
        """Class probabilities (K, N) for points (N, 2)."""
        x = feature_matrix(points, self.model_settings.features, self.dtype)
        return self._probabilities(Tensor(x, dtype=self.dtype))

    def predict_grid(self, bounds: tuple[float, float, float, float],
                     resolution: int | tuple[int, int]) -> np.ndarray:
        """Class probabilities on a grid of pixel centres, without building a graph.

        bounds: (x_min, x_max, y_min, y_max); resolution: n or (nx, ny).
        Returns (K, ny, nx): row i is y_min + (i + 0.5) * dy, column j likewise in x.
        """
        nx, ny = (resolution, resolution) if isinstance(resolution, int) else resolution
        key = (tuple(bounds), nx, ny, self.model_settings.features)
        if key != self._grid_key:
            grid = grid_points(bounds, nx, ny)
            self._grid_x = Tensor(feature_matrix(grid, self.model_settings.features, self.dtype),
                                  dtype=self.dtype)
            self._grid_key = key
        return self._probabilities(self._grid_x).reshape(self.n_classes, ny, nx)

    def _probabilities(self, x: Tensor) -> np.ndarray:
        with no_grad(), np.errstate(all="ignore"):
            return softmax(self.model(x).data)


def _measured_columns(n_train: int, n_test: int) -> tuple[np.ndarray, int] | None:
    """The columns (training points first) measured when a split has more than MEASURED_POINTS,
    a fixed sample of each such split, and how many of them are training points; else None."""
    if max(n_train, n_test) <= MEASURED_POINTS:
        return None
    train, test = fixed_sample(n_train, MEASURED_POINTS), fixed_sample(n_test, MEASURED_POINTS)
    return np.concatenate([train, n_train + test]), len(train)

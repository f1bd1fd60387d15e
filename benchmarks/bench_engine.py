"""Engine speed against the hand-written NumPy floor (and PyTorch eager, if installed).

    python benchmarks/bench_engine.py [--rounds 15]

W1  one full-batch SGD step: 1000 XOR points, 2-8-8-2 tanh, softmax cross-entropy
W2  one full-batch SGD step: 3000 spiral points, 3 classes, 2-64-64-3 relu
W3  predict_grid on 200 x 200 with the W1 network
W4  one epoch of W1 at batch size 10 (100 steps)

and the engine alone, measuring a large set (what a training frame adds after its steps):

M1  Trainer.evaluate on 100 000 spiral points, 2-64-64-64-3 tanh: each split on a fixed
    sample of at most 10 000 points (what every frame does) against every point (what
    ``train`` reports at its end)

All three implementations run interleaved in the same rounds, one BLAS
thread, float32, with the allocator setting the app uses
(``engine.allocator``); each figure is the best block of the rounds, and the ratios
compare figures from the same run. The engine trains through ``Trainer.step``
in calls of 100 steps (one evaluation pass per call, included).
"""

from __future__ import annotations

import os

for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_variable] = "1"

import argparse
import sys
import time
from functools import partial
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))
import reference

from engine.allocator import keep_freed_memory
from engine.datasets import generate, split
from engine.features import feature_matrix
from engine.losses import one_hot
from engine.settings import ModelSettings, TrainingSettings
from engine.trainer import Trainer

try:
    import torch
except ImportError:  # the optional reference
    torch = None

LR = 0.1
GRID = 200
BOUNDS = (-1.2, 1.2, -1.2, 1.2)
ENGINE_CHUNK = 100  # steps per Trainer.step call


class Workload:
    """Data and one callable per implementation; ``repeat`` calls make one timed block."""

    def __init__(self, name, description, dataset, n_points, n_classes, hidden, activation,
                 batch_size=0, predict=False):
        self.name, self.description = name, description
        points, labels = generate(dataset, n_points, 0.05, n_classes, seed=0)
        self.x = feature_matrix(points, ("x1", "x2"), np.float32)
        self.target = one_hot(labels, n_classes, np.float32)
        self.sizes = [2, *hidden, n_classes]
        self.activation, self.batch_size, self.predict = activation, batch_size, predict
        self.trainer = Trainer(ModelSettings(hidden=hidden, activation=activation),
                               TrainingSettings(learning_rate=LR, batch_size=batch_size),
                               n_classes, points, labels, seed=0)
        self.weights, self.biases = reference.init(self.sizes)
        self.torch_model = _torch_model(self.sizes, activation) if torch else None

    # Units: one "unit" is what the table reports (a step, a grid, an epoch).
    def engine(self) -> tuple[callable, int]:
        if self.predict:
            self.trainer.predict_grid(BOUNDS, GRID)  # builds and caches the grid features
            return lambda: self.trainer.predict_grid(BOUNDS, GRID), 1
        steps_per_unit = self._steps_per_unit()
        return lambda: self.trainer.step(ENGINE_CHUNK), ENGINE_CHUNK / steps_per_unit

    def reference(self) -> tuple[callable, int]:
        w, b = self.weights, self.biases
        if self.predict:
            grid = _grid_features()
            return lambda: reference.predict(w, b, grid, self.activation), 1
        if not self.batch_size:
            return lambda: reference.sgd_step(w, b, self.x, self.target, LR, self.activation), 1
        rng = np.random.default_rng(0)

        def epoch():
            order = rng.permutation(self.x.shape[1])
            x, target = self.x[:, order], self.target[:, order]
            for start in range(0, x.shape[1], self.batch_size):
                end = start + self.batch_size
                reference.sgd_step(w, b, x[:, start:end], target[:, start:end], LR, self.activation)

        return epoch, 1

    def torch(self) -> tuple[callable, int]:
        model = self.torch_model
        x = torch.from_numpy(self.x.T.copy())
        y = torch.from_numpy(self.target.argmax(axis=0))
        if self.predict:
            grid = torch.from_numpy(_grid_features().T.copy())

            def predict():
                with torch.no_grad():
                    return torch.softmax(model(grid), dim=1)

            return predict, 1
        optimizer = torch.optim.SGD(model.parameters(), lr=LR)
        loss_fn = torch.nn.CrossEntropyLoss()

        def step(xb, yb):
            optimizer.zero_grad()
            loss = loss_fn(model(xb), yb)
            loss.backward()
            optimizer.step()
            return loss.item()

        if not self.batch_size:
            return lambda: step(x, y), 1

        def epoch():
            order = torch.randperm(x.shape[0])
            xs, ys = x[order], y[order]
            for start in range(0, x.shape[0], self.batch_size):
                step(xs[start:start + self.batch_size], ys[start:start + self.batch_size])

        return epoch, 1

    def _steps_per_unit(self) -> int:
        n = self.x.shape[1]
        return -(-n // self.batch_size) if self.batch_size else 1


def _grid_features() -> np.ndarray:
    xs = BOUNDS[0] + (np.arange(GRID) + 0.5) * (BOUNDS[1] - BOUNDS[0]) / GRID
    grid = np.stack(np.meshgrid(xs, xs), axis=-1).reshape(-1, 2)
    return feature_matrix(grid, ("x1", "x2"), np.float32)


def _torch_model(sizes, activation):
    torch.manual_seed(0)
    act = {"tanh": torch.nn.Tanh, "relu": torch.nn.ReLU}[activation]
    layers = []
    for i, (fan_in, fan_out) in enumerate(zip(sizes[:-1], sizes[1:])):
        layers.append(torch.nn.Linear(fan_in, fan_out))
        if i < len(sizes) - 2:
            layers.append(act())
    return torch.nn.Sequential(*layers)


WORKLOADS = [
    lambda: Workload("W1", "1000 XOR, 2-8-8-2 tanh, full-batch step", "xor", 1000, 2, (8, 8), "tanh"),
    lambda: Workload("W2", "3000 spiral, 2-64-64-3 relu, full-batch step", "spiral", 3000, 3,
                     (64, 64), "relu"),
    lambda: Workload("W3", "predict_grid 200x200, W1 network", "xor", 1000, 2, (8, 8), "tanh",
                     predict=True),
    lambda: Workload("W4", "one epoch of W1 at batch size 10", "xor", 1000, 2, (8, 8), "tanh",
                     batch_size=10),
]


def _best_block(fn, units_per_call: float, budget: float = 0.02) -> float:
    """Seconds per unit for one timed block of about ``budget`` seconds."""
    calls = max(1, int(budget / max(_once(fn), 1e-7)))
    start = time.perf_counter()
    for _ in range(calls):
        fn()
    return (time.perf_counter() - start) / (calls * units_per_call)


def _once(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def measure(rounds: int) -> list[dict]:
    implementations = ["engine", "reference"] + (["torch"] if torch else [])
    workloads = [make() for make in WORKLOADS]
    runners = {(w.name, impl): getattr(w, impl)() for w in workloads for impl in implementations}
    best = {key: float("inf") for key in runners}
    for _ in range(rounds):  # interleaved: every implementation sees the same machine state
        for key, (fn, units) in runners.items():
            best[key] = min(best[key], _best_block(fn, units))
    rows = []
    for w in workloads:
        row = {"name": w.name, "description": w.description}
        row.update({impl: best[(w.name, impl)] for impl in implementations})
        rows.append(row)
    return rows


def _time(seconds: float) -> str:
    return f"{seconds * 1e6:8.1f} us" if seconds < 1e-3 else f"{seconds * 1e3:8.2f} ms"


def print_table(rows: list[dict]) -> None:
    has_torch = "torch" in rows[0]
    header = f"{'':3} {'workload':44} {'engine':>11} {'reference':>11} {'engine/ref':>10}"
    if has_torch:
        header += f" {'torch':>11} {'torch/engine':>12}"
    print(header)
    for r in rows:
        line = (f"{r['name']:3} {r['description']:44} {_time(r['engine'])} {_time(r['reference'])}"
                f" {r['engine'] / r['reference']:9.2f}x")
        if has_torch:
            line += f" {_time(r['torch'])} {r['torch'] / r['engine']:11.2f}x"
        print(line)
    if not has_torch:
        print("(PyTorch not installed: pip install -e '.[bench]' adds it as a second reference)")


def measuring(rounds: int) -> None:
    """M1: the sampled evaluation a frame does, against the whole one, on 100 000 points."""
    points, labels = generate("spiral", 100_000, 0.05, 3, seed=0)
    trainer = Trainer(ModelSettings(hidden=(64, 64, 64)), TrainingSettings(batch_size=64), 3, points, labels,
                      split(len(points), 0.2, 0, labels), seed=0)
    sampled, whole = (min(_best_block(partial(trainer.evaluate, every), 1) for _ in range(rounds))
                      for every in (False, True))
    stats = trainer.evaluate()
    print(f"M1  evaluate, 100 000 spiral points, 2-64-64-64-3: {stats.measured_train:,} + "
          f"{stats.measured_test:,} points {_time(sampled)}, every point {_time(whole)} "
          f"({whole / sampled:.1f}x)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()
    if torch:
        torch.set_num_threads(1)
    tuned = keep_freed_memory()  # as the app does, for every implementation alike
    print(f"engine benchmark: {args.rounds} interleaved rounds, float32, 1 BLAS thread, "
          f"NumPy {np.__version__}" + (f", PyTorch {torch.__version__}" if torch else "")
          + (", malloc keeps freed memory" if tuned else ""))
    print_table(measure(args.rounds))
    measuring(max(1, args.rounds // 5))


if __name__ == "__main__":
    main()

"""A trained model as a short PyTorch program: the same network, its weights and its features.

``torch_script`` returns the program's text. Run as ``python model.py`` it
rebuilds the network as an ``nn.Sequential`` of ``nn.Linear`` layers and
activations, loads the trained weights, computes the input features of the
scenario's points (written at the end of the file) and prints its accuracy as
one JSON line: ``{"accuracy": 0.975, "train_accuracy": ..., "test_accuracy": ...}``
(``null`` for a split without points). Imported, it offers ``build_model()``,
``features(points)`` and ``POINTS``. It needs only torch and numpy.

Weights are written as the shortest decimals that read back as the same float32
numbers, so the program computes the trainer's scores to float32 rounding.
"""

from __future__ import annotations

import numpy as np

from engine.activations import LEAKY_SLOPE
from engine.atomic_file import save_atomic
from engine.model_file import ModelFile, ModelFileError

# Each feature as torch code over the coordinate columns x1, x2 (float64 tensors (N,)).
FEATURE_CODE = {
    "x1": "x1",
    "x2": "x2",
    "x1^2": "x1 * x1",
    "x2^2": "x2 * x2",
    "x1x2": "x1 * x2",
    "sin_x1": "torch.sin(math.pi * x1)",
    "sin_x2": "torch.sin(math.pi * x2)",
    "r": "torch.hypot(x1, x2)",
    "theta": "torch.atan2(x2, x1)",
}

ACTIVATION_CODE = {
    "relu": "nn.ReLU()",
    "tanh": "nn.Tanh()",
    "sigmoid": "nn.Sigmoid()",
    "leaky_relu": f"nn.LeakyReLU({LEAKY_SLOPE})",
    "linear": None,  # no activation: the layers follow each other directly
}

TEMPLATE = '''"""{summary}, trained for {step} steps in Decision Boundary Playground.

Rebuilt in PyTorch with its trained weights. Run it to see its accuracy on the
scenario's points:  python {{this file}}  ->  {{"accuracy": ...}}
Needs torch and numpy. Classes: {classes}.
"""

import json
import math

import numpy as np
import torch
from torch import nn

FEATURES = {features!r}  # what the network sees of a point (x1, x2)
CLASSES = {classes!r}


def features(points):
    """points: (N, 2) float64 tensor -> (N, {n_features}) float32 tensor of input features."""
    x1, x2 = points[:, 0], points[:, 1]
    return torch.stack([{feature_code}], dim=1).float()


def build_model():
    """The network, with the weights it was trained to (W: (out, in), b: (out,))."""
    model = nn.Sequential(
{layers}
    )
    linears = [layer for layer in model if isinstance(layer, nn.Linear)]
    with torch.no_grad():
        for linear, (weight, bias) in zip(linears, WEIGHTS):
            linear.weight.copy_(torch.tensor(weight))
            linear.bias.copy_(torch.tensor(bias))
    return model


def accuracy(scores, labels):
    return float((scores.argmax(dim=1) == labels).float().mean()) if len(labels) else None


def main():
    points = torch.tensor(POINTS[:, :2], dtype=torch.float64)
    labels = torch.tensor(POINTS[:, 2], dtype=torch.int64)
    is_test = torch.tensor(POINTS[:, 3] == 1)
    with torch.no_grad():
        scores = build_model()(features(points))  # (N, {n_classes}) class scores
    print(json.dumps({{
        "accuracy": accuracy(scores, labels),
        "train_accuracy": accuracy(scores[~is_test], labels[~is_test]),
        "test_accuracy": accuracy(scores[is_test], labels[is_test]),
    }}))


# [weight, bias] of each nn.Linear, first to last.
WEIGHTS = [
{weights}
]

# The scenario's points: x, y, class, is_test (1 for a held-out test point).
POINTS = np.array([
{points}
]).reshape(-1, 4)

if __name__ == "__main__":
    main()
'''


def torch_script(model: ModelFile, points, labels, is_test, summary: str = "A network") -> str:
    """The program's text for a trained model and the points (N, 2), labels (N,), is_test (N,)
    it reports its accuracy on. ``summary`` heads its docstring ("A 2-8-8-2 MLP, tanh")."""
    settings = model.model
    sizes = [len(settings.features), *settings.layers, len(model.class_names)]
    layers = []
    for i, (fan_in, fan_out) in enumerate(zip(sizes[:-1], sizes[1:])):
        layers.append(f"nn.Linear({fan_in}, {fan_out}),")
        activation = ACTIVATION_CODE[settings.activation]
        if i < len(sizes) - 2 and activation is not None:
            layers.append(f"{activation},")
    pairs = zip(model.parameters[::2], model.parameters[1::2])
    weights = ["    [[" + ",\n      ".join(_numbers(row) for row in w) + "],\n     "
               + _numbers(b.reshape(-1)) + "]," for w, b in pairs]
    rows = np.column_stack([np.asarray(points, np.float64), labels, is_test]).tolist()
    point_lines = [f"    {x!r}, {y!r}, {int(label)}, {int(test)}," for x, y, label, test in rows]
    return TEMPLATE.format(
        summary=summary, step=model.step, classes=list(model.class_names),
        features=list(settings.features), n_features=len(settings.features),
        n_classes=len(model.class_names),
        feature_code=", ".join(FEATURE_CODE[name] for name in settings.features),
        layers="\n".join(" " * 8 + line for line in layers),
        weights="\n".join(weights), points="\n".join(point_lines),
    )


def save(path, model: ModelFile, points, labels, is_test, summary: str = "A network") -> None:
    """Write the program atomically; raises ModelFileError ``cannot_save``."""
    data = torch_script(model, points, labels, is_test, summary).encode("utf-8")
    save_atomic(path, lambda file: file.write(data), ModelFileError)


def _numbers(values) -> str:
    """Float32 values as the shortest decimals that read back as the same float32 numbers."""
    return "[" + ", ".join(str(np.float32(v)) for v in values) + "]"

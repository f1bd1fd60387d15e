"""Names people read for the engine's identifiers, in one place (ready for translation)."""

from __future__ import annotations

from engine.features import FEATURES

DATASETS = {
    "xor": "XOR",
    "circles": "Circles",
    "moons": "Moons",
    "spiral": "Spiral",
    "gaussians": "Gaussian blobs",
    "linear": "Linearly separable",
    "checkerboard": "Checkerboard",
}

ACTIVATIONS = {
    "relu": "ReLU",
    "tanh": "tanh",
    "sigmoid": "sigmoid",
    "leaky_relu": "Leaky ReLU",
    "linear": "linear (none)",
}

LOSSES = {
    "cross_entropy": "Softmax cross-entropy",
    "hinge": "Hinge (multiclass SVM)",
    "mse": "Squared error",
}

OPTIMIZERS = {
    "sgd": "SGD",
    "momentum": "SGD + momentum",
    "adam": "Adam",
}

FEATURE_LABELS = {name: label for name, (label, _) in FEATURES.items()}

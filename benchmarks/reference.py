"""The overhead floor: one MLP training step written by hand in plain NumPy.

No autograd, no objects per op: forward, loss, backward and the SGD update as
one function over lists of arrays, laid out features x batch so that every
bias add and reduction runs along the long axis, and updating in place.
This is what the engine's ``Trainer.step`` is measured against.
"""

from __future__ import annotations

import numpy as np

# activation name -> (f(z), df/dz written in terms of the output h)
ACTIVATIONS = {
    "tanh": (np.tanh, lambda h: 1 - h * h),
    "relu": (lambda z: np.maximum(z, 0, out=z), lambda h: h > 0),
}


def init(sizes, seed=0, dtype=np.float32):
    """He/Xavier-scaled weights W_l: (n_out, n_in) and zero biases b_l: (n_out, 1)."""
    rng = np.random.default_rng(seed)
    weights = [(rng.standard_normal((o, i)) / np.sqrt(i)).astype(dtype)
               for i, o in zip(sizes[:-1], sizes[1:])]
    biases = [np.zeros((o, 1), dtype) for o in sizes[1:]]
    return weights, biases


def forward(weights, biases, x, activation="tanh"):
    """x: (D, N) -> hidden outputs [(width, N), ...] and scores (K, N)."""
    act = ACTIVATIONS[activation][0]
    hidden = []
    h = x
    for w, b in zip(weights[:-1], biases[:-1]):
        z = w @ h
        z += b
        h = act(z)
        hidden.append(h)
    scores = weights[-1] @ h
    scores += biases[-1]
    return hidden, scores


def sgd_step(weights, biases, x, target, lr, activation="tanh"):
    """One full forward/backward/update on x: (D, N), one-hot target: (K, N); returns the loss."""
    d_act = ACTIVATIONS[activation][1]
    n = x.shape[1]
    hidden, s = forward(weights, biases, x, activation)
    s -= s.max(axis=0)
    e = np.exp(s)
    z = e.sum(axis=0)
    loss = (np.log(z).sum() - np.vdot(s, target)) / n
    d = e
    d /= z
    d -= target
    d *= 1 / n
    inputs = [x, *hidden]
    for layer in range(len(weights) - 1, -1, -1):
        w = weights[layer]
        below = inputs[layer]
        dw = d @ below.T
        db = d.sum(axis=1, keepdims=True)
        if layer:
            d = w.T @ d
            d *= d_act(below)
        w -= lr * dw
        biases[layer] -= lr * db
    return float(loss)


def predict(weights, biases, x, activation="tanh"):
    """Class probabilities (K, N) for x: (D, N)."""
    _, s = forward(weights, biases, x, activation)
    s -= s.max(axis=0)
    np.exp(s, out=s)
    s /= s.sum(axis=0)
    return s

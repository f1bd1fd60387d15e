"""``train --json``'s "collapsed": the single layer a model without a non-linearity equals.

For a network with linear activations: W = W_L...W_1 and its bias, with the largest
difference between the network's scores and that layer's on the training points (float64).
A linear classifier is already one layer: it reports its own W and b (difference 0).
Any other network: null.
"""

from __future__ import annotations

from engine.features import feature_matrix
from engine.spaces import linear_map


def collapsed_json(trainer, scenario) -> dict | None:
    """{"W": [[...]] (K x F), "b": [...] (K), "max_difference": float} or None, for a trained
    ``Trainer`` of ``scenario``."""
    train_points = scenario.points[~scenario.is_test]
    found = linear_map(trainer.model, feature_matrix(train_points, scenario.settings.model.features))
    if found is None:
        return None
    return {"W": found.W.tolist(), "b": found.b.tolist(), "max_difference": found.max_difference}

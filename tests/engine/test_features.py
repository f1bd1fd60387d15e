"""Input feature maps."""

import numpy as np

from engine.features import feature_matrix


def test_feature_matrix_is_features_by_batch():
    points = np.array([[0.5, -2.0], [1.0, 0.0], [0.0, 1.0]])
    m = feature_matrix(points, ["x1", "x2", "x1^2", "x2^2", "x1x2", "sin_x1", "sin_x2", "r", "theta"])
    assert m.shape == (9, 3)
    expected = [0.5, -2.0, 0.25, 4.0, -1.0, 1.0, 0.0, np.hypot(0.5, 2), np.arctan2(-2, 0.5)]
    np.testing.assert_allclose(m[:, 0], expected, atol=1e-12)
    np.testing.assert_allclose(m[5:7, 2], [0.0, 0.0], atol=1e-12)  # sin(pi * 0), sin(pi * 1)


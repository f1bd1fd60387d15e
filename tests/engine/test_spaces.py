"""Feature space, hidden space and the collapsed linear map, as data (engine.spaces)."""

import numpy as np
import pytest

from engine.features import feature_matrix
from engine.losses import softmax
from engine.nn import MLP
from engine.spaces import (
    affine_regions,
    feature_plane,
    feature_range,
    grid_lines,
    hidden_space,
    is_linear,
    linear_map,
    pca_2d,
)
from engine.tensor import Tensor

RNG = np.random.default_rng(7)
PLANE = (-1.25, 1.25, -1.25, 1.25)
XY = ("x1", "x2")


def points(n=60):
    return RNG.uniform(-1, 1, size=(n, 2))


def test_grid_lines_cover_the_plane_in_both_directions():
    lines = grid_lines((-1.0, 1.0, -2.0, 2.0), n_lines=5, n_samples=7)
    assert lines.shape == (10, 7, 2)
    vertical, horizontal = lines[:5], lines[5:]
    np.testing.assert_array_equal(vertical[:, :, 0], np.repeat([[-1, -0.5, 0, 0.5, 1]], 7, 0).T)
    np.testing.assert_array_equal(vertical[0, :, 1], np.linspace(-2, 2, 7))
    np.testing.assert_array_equal(horizontal[:, :, 1], np.repeat([[-2, -1, 0, 1, 2]], 7, 0).T)


def test_feature_range_over_the_plane():
    assert feature_range("x1^2", PLANE) == (0.0, 1.5625)
    low, high = feature_range("x1x2", PLANE)
    assert (low, high) == (-1.5625, 1.5625)


@pytest.mark.parametrize("features", [("x1^2", "x2^2"), ("x2^2", "x1^2"), ("x2^2",)])
def test_feature_plane_is_the_model_on_the_planes_feature_vectors(features):
    """The grid's cell centres as feature vectors, in the model's own input order."""
    model = MLP(len(features), [5], 3, seed=1)
    axes = ("x1^2", "x2^2")
    probs = feature_plane(model, features, axes, (0.0, 1.0, 0.0, 2.0), (4, 2), dtype=np.float64)
    assert probs.shape == (3, 2, 4)
    u, v = (np.arange(4) + 0.5) / 4, (np.arange(2) + 0.5)
    cells = {"x1^2": np.tile(u, 2), "x2^2": np.repeat(v, 4)}
    x = np.stack([cells[name] for name in features])
    np.testing.assert_allclose(probs.reshape(3, -1), softmax(model(Tensor(x)).data), rtol=1e-12)


def test_feature_plane_refuses_a_model_with_a_feature_off_the_axes():
    model = MLP(3, [], 2)
    assert feature_plane(model, ("x1", "x2", "r"), XY, PLANE, 8) is None


def test_a_two_unit_layer_is_shown_as_it_is_and_its_grid_in_the_same_pass():
    model = MLP(2, [3, 2], 2, seed=3, dtype=np.float32)
    p, lines = points(), grid_lines(PLANE, 4, 6)
    space = hidden_space(model, XY, p, lines, layer=2)
    assert space.exact and space.variance_kept == 1.0 and space.width == 2
    np.testing.assert_array_equal(space.points, model.activations(p.T.astype(np.float32))[1])
    on_lines = model.activations(lines.reshape(-1, 2).T.astype(np.float32))[1]
    np.testing.assert_array_equal(space.lines.reshape(2, -1), on_lines)
    assert space.lines.shape == (2, 8, 6)


@pytest.mark.parametrize("hidden", [[2], [6, 2], [4, 1]])
def test_the_output_layer_in_a_last_hidden_layer_classifies_as_the_model(hidden):
    """Its boundary in hidden space is straight, and puts every point on the model's side."""
    model = MLP(2, hidden, 3, seed=4, dtype=np.float32)
    model.layers[-1].b.data[:] = RNG.standard_normal((3, 1))
    p = points(300)
    space = hidden_space(model, XY, p, grid_lines(PLANE, 3, 3), layer=len(hidden))
    w, b = space.output
    assert w.shape == (3, 2) and b.shape == (3,)
    hidden_classes = (w @ space.points + b[:, None]).argmax(axis=0)
    model_classes = model.activations(p.T.astype(np.float32))[-1].argmax(axis=0)
    np.testing.assert_array_equal(hidden_classes, model_classes)
    if hidden[-1] == 1:  # one unit: c = (h, 0), and the second coordinate plays no part
        assert np.all(space.points[1] == 0) and np.all(w[:, 1] == 0)


def test_no_boundary_for_an_earlier_or_a_projected_layer():
    model = MLP(2, [2, 8], 2, seed=0)
    assert hidden_space(model, XY, points(), grid_lines(PLANE, 3, 3), 1).output is None
    assert hidden_space(model, XY, points(), grid_lines(PLANE, 3, 3), 2).output is None


def test_a_wide_layer_is_projected_keeping_the_stated_variance():
    model = MLP(2, [8, 8], 2, seed=5, dtype=np.float32)
    p = points(200)
    space = hidden_space(model, XY, p, grid_lines(PLANE, 5, 5), layer=2)
    assert not space.exact and space.output is None
    h = model.activations(p.T.astype(np.float32))[1].astype(np.float64)
    centred = h - h.mean(axis=1, keepdims=True)
    projected = space.points - space.points.mean(axis=1, keepdims=True)
    kept = projected.var(axis=1).sum() / centred.var(axis=1).sum()
    assert space.variance_kept == pytest.approx(kept, rel=1e-9)
    assert 0.5 < space.variance_kept < 1.0
    np.testing.assert_allclose(space.basis @ space.basis.T, np.eye(2), atol=1e-12)
    # no other pair of orthonormal axes keeps more: the first axis is the top eigenvector
    top = np.linalg.eigh(centred @ centred.T)[1][:, -1]
    assert abs(space.basis[0] @ top) == pytest.approx(1.0, abs=1e-9)


def test_pca_axes_keep_their_direction_from_one_refresh_to_the_next():
    h = RNG.standard_normal((5, 40)) * np.array([[3], [2], [1], [0.5], [0.1]])
    basis, _, _ = pca_2d(h)
    flipped, _, _ = pca_2d(h, previous=-basis)
    np.testing.assert_allclose(flipped, -basis, atol=1e-12)
    again, _, _ = pca_2d(h, previous=basis)
    np.testing.assert_allclose(again, basis, atol=1e-12)


def test_pca_of_points_without_variance_keeps_everything():
    basis, mean, kept = pca_2d(np.ones((4, 10)))
    assert kept == 1.0 and basis.shape == (2, 4)
    np.testing.assert_array_equal(mean, np.ones(4))


def test_hidden_layer_must_exist():
    with pytest.raises(ValueError, match="layer must be 1..2"):
        hidden_space(MLP(2, [4, 4], 2), XY, points(), grid_lines(PLANE, 2, 2), 3)


def test_collapsed_map_reproduces_a_four_layer_linear_network_in_float64():
    """W4(W3(W2(W1 x + b1) + b2) + b3) + b4 = W x + b: the lecture's 'still linear', to 1e-12."""
    model = MLP(3, [6, 5, 4], 3, activation="linear", seed=2, dtype=np.float64)
    for layer in model.layers:
        layer.b.data[:] = RNG.standard_normal(layer.b.shape)
    x = RNG.standard_normal((3, 50))
    w, b = model.collapsed()
    np.testing.assert_allclose(w @ x + b, model(Tensor(x)).data, rtol=0, atol=1e-12)
    found = linear_map(model, x)
    assert found.layers == 4 and found.W.shape == (3, 3) and found.b.shape == (3,)
    assert found.max_difference < 1e-12


def test_collapsed_map_of_a_float32_network_is_computed_in_float64():
    model = MLP(2, [8, 8], 2, activation="linear", seed=2, dtype=np.float32)
    for layer in model.layers:
        layer.b.data[:] = RNG.standard_normal(layer.b.shape)
    x = feature_matrix(points(), XY)
    found = linear_map(model, x)
    assert found.W.dtype == np.float64 and found.b.dtype == np.float64
    assert 0 < found.max_difference < 1e-12  # float32 arithmetic would leave ~1e-7


def test_a_linear_classifier_is_its_own_map_and_a_tanh_network_has_none():
    model = MLP(2, [], 3, activation="tanh", seed=1, dtype=np.float32)  # no hidden layer: tanh unused
    found = linear_map(model, feature_matrix(points(), XY))
    np.testing.assert_array_equal(found.W, model.layers[0].W.data)
    assert found.layers == 1 and found.max_difference == 0.0
    assert linear_map(model, np.zeros((2, 0))).max_difference == 0.0
    assert is_linear(model) and not is_linear(MLP(2, [4], 2, activation="tanh"))
    assert linear_map(MLP(2, [4], 2, activation="tanh"), np.zeros((2, 3))) is None


def test_affine_regions_are_a_linear_classifier_on_the_grid():
    w, b = RNG.standard_normal((3, 2)), RNG.standard_normal(3)
    probs = affine_regions(w, b, (0.0, 2.0, -1.0, 1.0), (4, 2))
    u, v = np.array([0.25, 0.75, 1.25, 1.75]), np.array([-0.5, 0.5])
    centres = np.array([[x, y] for y in v for x in u]).T
    np.testing.assert_allclose(probs.reshape(3, -1), softmax(w @ centres + b[:, None]), rtol=1e-12)

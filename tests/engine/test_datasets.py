"""Dataset generators: seeded, balanced, in the plane, shaped as promised."""

import numpy as np
import pytest

from engine.datasets import DATASETS, generate, split


@pytest.mark.parametrize("name", DATASETS)
def test_generator_contract(name):
    classes = DATASETS[name].max_classes
    points, labels = generate(name, 301, 0.05, classes, seed=4)
    assert points.shape == (301, 2) and points.dtype == np.float64
    assert labels.shape == (301,)
    assert set(np.unique(labels)) == set(range(classes))
    assert np.all(np.abs(points) < 1.5)
    again, again_labels = generate(name, 301, 0.05, classes, seed=4)
    np.testing.assert_array_equal(points, again)
    np.testing.assert_array_equal(labels, again_labels)
    other, _ = generate(name, 301, 0.05, classes, seed=5)
    assert not np.array_equal(points, other)


@pytest.mark.parametrize("name", ["circles", "spiral", "gaussians"])
def test_classes_are_balanced(name):
    _, labels = generate(name, 100, 0.0, 3, seed=0)
    assert np.bincount(labels).tolist() == [34, 33, 33]


def test_noise_moves_points_but_not_labels():
    clean, labels = generate("xor", 200, 0.0, 2, seed=1)
    noisy, noisy_labels = generate("xor", 200, 0.3, 2, seed=1)
    np.testing.assert_array_equal(labels, noisy_labels)
    assert 0.2 < np.std(noisy - clean) < 0.4


def test_xor_labels_follow_the_quadrants():
    points, labels = generate("xor", 500, 0.0, 2, seed=0)
    np.testing.assert_array_equal(labels, points[:, 0] * points[:, 1] > 0)


def test_circles_rings_grow_with_the_class():
    points, labels = generate("circles", 600, 0.0, 3, seed=0)
    radius = np.hypot(points[:, 0], points[:, 1])
    assert radius[labels == 0].max() < radius[labels == 1].min()
    assert radius[labels == 1].max() < radius[labels == 2].min()


def test_fixed_class_datasets_refuse_other_counts():
    with pytest.raises(ValueError, match="xor: 3 classes"):
        generate("xor", 10, 0.0, 3, seed=0)


def test_split():
    is_test = split(200, 0.25, seed=3)
    assert is_test.sum() == 50
    np.testing.assert_array_equal(is_test, split(200, 0.25, seed=3))
    assert not split(10, 0.0, seed=0).any()


def test_split_keeps_a_training_point_of_every_class_when_it_can():
    labels = np.array([0, 1, 0])
    is_test = split(3, 0.5, seed=0, labels=labels)
    assert set(labels[~is_test]) == {0, 1} and is_test.sum() == 1
    many = np.repeat([0, 1], 100)  # plenty of points: exactly the fraction asked, as before
    np.testing.assert_array_equal(split(200, 0.25, seed=3, labels=many), split(200, 0.25, seed=3))
    assert not split(2, 0.9, seed=0, labels=[0, 1]).any()

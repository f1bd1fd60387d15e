"""The bounded training history."""

from types import SimpleNamespace

import numpy as np
import pytest

from engine.history import History


def stats(step, layers=3):
    return SimpleNamespace(train_loss=1 / (step + 1), test_loss=2 / (step + 1),
                           train_accuracy=step / 1e6, test_accuracy=0.5,
                           grad_norms=tuple(step * 10.0**-k for k in range(layers)),
                           update_ratios=(0.1,) * layers, dead_fractions=(float("nan"),) * layers)


def test_short_runs_keep_every_sample():
    h = History(capacity=8)
    for step in range(5):
        h.append(step, stats(step))
    np.testing.assert_array_equal(h.steps, range(5))
    np.testing.assert_allclose(h.values("test_loss"), [2 / (s + 1) for s in range(5)])


def test_memory_stays_bounded_and_the_newest_sample_is_kept():
    h = History(capacity=16)
    for step in range(1, 100_001):
        h.append(step, stats(step))
    assert len(h) <= 16
    assert h.steps[0] == 1 and h.steps[-1] == 100_000
    assert h.values("train_accuracy")[-1] == pytest.approx(0.1)
    assert np.all(np.diff(h.steps) > 0)
    gaps = np.diff(h.steps[:-1])
    assert gaps.min() >= h.stride // 4  # evenly thinned, not bunched at the end


def test_the_same_step_again_replaces_the_newest_sample():
    h = History(capacity=8)
    h.append(0, stats(0))
    h.append(5, stats(5))
    h.append(5, stats(9))  # an edit between steps: new numbers at step 5
    np.testing.assert_array_equal(h.steps, [0, 5])
    assert h.values("train_loss")[-1] == pytest.approx(1 / 10)


def test_clear():
    h = History(capacity=8)
    h.append(3, stats(3))
    h.clear()
    assert len(h) == 0 and h.stride == 1


def test_vector_fields_keep_one_column_per_layer_through_thinning():
    h = History(capacity=8)
    for step in range(1, 101):
        h.append(step, stats(step))
    norms = h.values("grad_norms")
    assert norms.shape == (len(h), 3)
    np.testing.assert_allclose(norms[:, 1], h.steps / 10)  # rows stay with their steps
    assert np.isnan(h.values("dead_fractions")).all()


def test_the_layer_count_is_set_anew_after_clear():
    h = History(capacity=8)
    h.append(1, stats(1, layers=3))
    with pytest.raises(ValueError):
        h.append(2, stats(2, layers=2))  # another architecture without clear(): refused
    h.clear()
    h.append(1, stats(1, layers=2))
    assert h.values("grad_norms").shape == (1, 2)
    assert History().values("grad_norms").shape == (0,)

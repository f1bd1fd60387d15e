"""The gradient check itself must catch a wrong backward."""

import numpy as np

from engine import Tensor
from engine.gradcheck import check_gradients, numerical_gradient, relative_error
from engine.tensor import make_node


def test_numerical_gradient_of_a_known_function():
    x = np.array([1.0, -2.0, 0.5])
    grad = numerical_gradient(lambda: float((x**3).sum()), x)
    np.testing.assert_allclose(grad, 3 * x**2, rtol=1e-8)
    np.testing.assert_array_equal(x, [1.0, -2.0, 0.5])  # restored after perturbing


def test_a_wrong_backward_fails_the_check():
    x = Tensor(np.array([0.3, -1.2, 2.0]), requires_grad=True)

    def wrong_square(t):  # forward t^2, backward claims 3t instead of 2t
        return make_node(t.data**2, (t,), "wrong_square", lambda g: (g * 3 * t.data,))

    check = check_gradients(lambda: wrong_square(x).sum(), [x])
    assert check.max_error > 0.1
    assert not check.passed()
    right = check_gradients(lambda: (x * x).sum(), [x])
    assert right.passed() and right.max_error < 1e-8


def test_tiny_entries_pass_on_absolute_noise_only():
    from engine.gradcheck import GradCheck

    noisy_zero = GradCheck([np.array([3e-11])], [np.array([0.0])], 0.0, 0.0)
    assert noisy_zero.max_error > 1e-3 and noisy_zero.passed()
    wrong = GradCheck([np.array([1e-6])], [np.array([2e-6])], 0.0, 0.0)
    assert not wrong.passed()


def test_relative_error_formula():
    assert relative_error(np.array(1.0), np.array(1.0)) == 0
    assert relative_error(np.array(1.0), np.array(3.0)) == 0.5
    assert relative_error(np.array(0.0), np.array(1e-12)) == 1e-12 / 1e-8

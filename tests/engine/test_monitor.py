"""The loss monitor: exploded, unstable and stalled runs, from made-up loss sequences."""

import math

import pytest

from engine.monitor import DIVERGED_LOSS, STALL_STEPS, LossMonitor


def watch(losses, monitor=None):
    monitor = monitor or LossMonitor()
    monitor.observe(0, list(losses))
    return monitor


def test_the_hard_stop_is_relative_to_where_the_run_started():
    monitor = watch([0.7, 0.6])
    assert monitor.limit == pytest.approx(70)
    assert monitor.exploded(71) and not monitor.exploded(60)
    assert monitor.exploded(math.nan) and monitor.exploded(math.inf)
    assert LossMonitor().limit == DIVERGED_LOSS  # before any step: the absolute ceiling
    assert watch([0.01]).limit == 10  # a tiny start still allows a sensible margin
    assert watch([500.0]).limit == DIVERGED_LOSS


def test_a_falling_loss_is_neither_unstable_nor_stalled():
    monitor = watch([1.0 * 0.99**k for k in range(2000)])
    assert not monitor.unstable and not monitor.stalled and monitor.unstable_step is None


def test_a_loss_swinging_far_above_its_start_is_unstable_from_a_step_on():
    monitor = watch([0.7] * 5 + [20.0, 1.0] * 30)
    assert monitor.unstable and monitor.unstable_step == 14


def test_one_spike_is_not_instability():
    monitor = watch([0.7] * 20 + [5.0] + [0.5] * 50)
    assert not monitor.unstable


def test_mini_batch_noise_around_a_low_loss_is_not_instability():
    noisy = [0.05 + 0.04 * (k % 3 == 0) for k in range(500)]
    assert not watch(noisy).unstable


def test_instability_stands_until_a_change_and_its_first_step_until_a_new_run():
    monitor = watch([0.7] * 5 + [20.0, 1.0] * 30)
    watch([0.1] * 100, monitor)  # calm again: the warning stays, it does not flicker
    assert monitor.unstable
    monitor.rebase()  # new points or settings: judged afresh
    assert not monitor.unstable and monitor.unstable_step == 14
    monitor.restart()
    assert monitor.unstable_step is None and monitor.start is None


def test_a_flat_loss_above_convergence_stalls_and_progress_clears_it():
    monitor = watch([0.69] * (STALL_STEPS + 10))
    assert monitor.stalled
    watch([0.69 * 0.97**k for k in range(1, 5)], monitor)
    assert not monitor.stalled


def test_a_converged_loss_does_not_stall():
    assert not watch([0.001] * (2 * STALL_STEPS)).stalled


def test_losses_fed_in_pieces_give_the_verdicts_of_losses_fed_at_once():
    losses = [0.7] * 5 + [20.0, 1.0] * 30 + [0.69] * (2 * STALL_STEPS)
    whole = watch(losses)
    pieces, start = LossMonitor(), 0
    for size in (1, 3, 7, 100, 1, len(losses)):  # the last piece takes what is left
        pieces.observe(start, losses[start:start + size])
        start = min(start + size, len(losses))
    state = ("start", "limit", "smoothed", "unstable", "unstable_step", "stalled",
             "_high", "_above", "_since")
    assert [getattr(pieces, name) for name in state] == [getattr(whole, name) for name in state]
    assert whole.unstable and whole.stalled  # both verdicts were reached on the way

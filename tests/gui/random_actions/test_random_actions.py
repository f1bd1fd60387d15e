"""Seeded random actions on the real window; on a failure, the shortest sequence that fails.

Each seed runs in a process of its own (``child``), so that even a crash is reported with its
steps, and the seeds after it still run. RANDOM_ACTION_SEEDS ("0,1,2" or "0-19") and
RANDOM_ACTIONS (300) choose the runs; RANDOM_ACTION_SHRINK_SECONDS (600) bounds the search for
the shortest failing sequence.
"""

from __future__ import annotations

import os
import time

import pytest

from .child import run_in_child
from .harness import Run
from .shrink import shrink


def _seeds(text: str) -> list[int]:
    seeds = []
    for part in text.split(","):
        low, _, high = part.partition("-")
        seeds += range(int(low), int(high or low) + 1)
    return seeds


SEEDS = _seeds(os.environ.get("RANDOM_ACTION_SEEDS", "0,1,2"))
ACTIONS = int(os.environ.get("RANDOM_ACTIONS", "300"))
SHRINK_SECONDS = float(os.environ.get("RANDOM_ACTION_SHRINK_SECONDS", "600"))
RUN_SECONDS = 60 + 2 * ACTIONS  # a run that takes longer has hung


@pytest.mark.random_actions
@pytest.mark.timeout(RUN_SECONDS + SHRINK_SECONDS + 60)
@pytest.mark.parametrize("seed", SEEDS)
def test_random_actions(seed, tmp_path):
    started = time.perf_counter()
    run = run_in_child({"folder": str(tmp_path / "run"), "seed": seed, "count": ACTIONS}, RUN_SECONDS)
    seconds = time.perf_counter() - started
    if run.failure is not None:
        print(f"{headline(seed, run)}; looking for the shortest sequence that fails so", flush=True)

        def replay(steps) -> Run:
            return run_in_child({"folder": str(tmp_path / "replay"), "steps": steps}, RUN_SECONDS)

        shortest, replays = shrink(replay, run.steps, run.failure, SHRINK_SECONDS)
        pytest.fail(report(seed, run, shortest, replays), pytrace=False)
    print(f"random actions, seed {seed}: {len(run.steps)} actions in {seconds:.1f} s, no failure")
    assert len(run.steps) == ACTIONS


def headline(seed: int, run: Run) -> str:
    f = run.failure
    where = "while the window was made" if f.step < 0 else \
        "closing the window" if f.step >= len(run.steps) else f"in step {f.step + 1}"
    return f"Random actions, seed {seed}: {f.kind} ({f.what}) {where} of {len(run.steps)}"


def report(seed: int, run: Run, shortest, replays: int) -> str:
    found = f"found in {replays} replays" if replays else \
        "a replay did not fail again: it came of timing; these are the steps up to the failure"
    lines = [f"{headline(seed, run)}:", run.failure.detail.rstrip(), "",
             f"Shortest sequence that fails the same way ({len(shortest)} steps, {found}); as a "
             "regression test in test_found.py:",
             "    passes(harness, ["]
    lines += [f"        {step.code()}  # {step.description}" for step in shortest]
    lines.append("    ])")
    return "\n".join(lines)

"""The shortest sequence that still fails: delta debugging (ddmin) over recorded steps.

Each candidate is replayed on a fresh window (by ``replay(steps) -> Run``: in this process, or
in a child process when the failure was a crash); it counts as failing only if it fails the same
way (``Failure.signature``: the same kind, and the same exception type, invariant or
message). A time budget bounds the search: past it, the shortest sequence found so far is
returned.
"""

from __future__ import annotations

import time

from .harness import Failure
from .steps import Step


def shrink(replay, steps: list[Step], failure: Failure, seconds: float = 600.0) -> tuple[list[Step], int]:
    """The shortest failing subsequence of ``steps`` found, and how many replays it took (0 when
    a replay of the steps up to the failure does not fail again: it came of timing)."""
    deadline = time.monotonic() + seconds
    replays = 0
    best = list(steps[: failure.step + 1])

    def fails(candidate: list[Step]) -> bool:
        nonlocal replays, best
        replays += 1
        run = replay(candidate)
        if run.failure is None or run.failure.signature() != failure.signature():
            return False
        best = run.steps[: run.failure.step + 1]  # with the descriptions of this replay
        return True

    if not fails(best):  # the failure came of timing: the steps up to it are all there is
        return best, 0
    n = 2
    while len(best) >= 2 and time.monotonic() < deadline:
        chunks = _split(best, n)
        reduced = False
        for i in range(len(chunks)):
            complement = [s for j, chunk in enumerate(chunks) if j != i for s in chunk]
            if fails(chunks[i]):
                n, reduced = 2, True
                break
            if len(chunks) > 2 and fails(complement):
                n, reduced = max(n - 1, 2), True
                break
        if not reduced:
            if n >= len(best):
                break
            n = min(len(best), 2 * n)
    return best, replays


def _split(steps: list[Step], n: int) -> list[list[Step]]:
    size, extra = divmod(len(steps), n)
    chunks, start = [], 0
    for i in range(n):
        end = start + size + (i < extra)
        chunks.append(steps[start:end])
        start = end
    return [c for c in chunks if c]

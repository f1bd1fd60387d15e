"""An action that takes the process down, for ``test_harness`` only: ``child`` imports it when
RANDOM_ACTION_MODULES names it, and at weight 0 no random run ever picks it."""

import os

from .registry import action


@action(0)
def crash(h, p) -> str:
    p.integer(0, 9)  # a value drawn before the end: the log keeps it
    os.abort()

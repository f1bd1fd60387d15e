"""The random-action test: seeded random user actions on the real window, checked after each.

    pytest -m random_actions                                  # 3 seeds x 300 actions (make test)
    RANDOM_ACTION_SEEDS=0-19 RANDOM_ACTIONS=1000 pytest -m random_actions   # make soak

A failing seed is printed with the shortest sequence of steps that still fails, ready to
paste into ``test_found.py`` as a regression test. Modules: ``steps`` (recorded values),
``registry`` and ``catalogue`` (the actions: ``canvas_actions``, ``panel_actions``,
``window_actions``, ``view_actions``), ``invariants`` and ``undo_shadow`` (what must hold),
``harness`` (windows, dialogs, what went wrong), ``shrink`` (ddmin).
"""

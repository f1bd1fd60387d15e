"""Shared test configuration: Qt always runs offscreen, whoever runs the tests; property tests
(hypothesis) are deterministic: the same examples on every run and machine, none stored."""

import os

from hypothesis import settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# CI and `make test` must not fail on one run and pass on the next: derandomize (examples from a
# fixed seed per test), no example database, no deadline (a slow machine is not a failure).
settings.register_profile("ci", derandomize=True, database=None, deadline=None, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def pytest_addoption(parser, pluginmanager):
    # The engine tier runs with pytest-qt disabled (-p no:pytest-qt); keep its
    # ini option known so the strict configuration does not fail on it.
    if not pluginmanager.has_plugin("pytest-qt"):
        parser.addini("qt_api", "Qt binding for pytest-qt (unused in this run)")

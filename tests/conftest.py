"""Shared test configuration: Qt always runs offscreen, whoever runs the tests."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def pytest_addoption(parser, pluginmanager):
    # The engine tier runs with pytest-qt disabled (-p no:pytest-qt); keep its
    # ini option known so the strict configuration does not fail on it.
    if not pluginmanager.has_plugin("pytest-qt"):
        parser.addini("qt_api", "Qt binding for pytest-qt (unused in this run)")

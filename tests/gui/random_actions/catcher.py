"""Everything that goes wrong outside the action's own call: exceptions in Qt callbacks (slots,
virtual methods) and in threads, and Qt's messages of warning level and above.

It uses the hooks pytest-qt itself installs (``sys.excepthook``, ``threading.excepthook``,
``qInstallMessageHandler``), so that the harness can say after which step a thing happened.
"""

from __future__ import annotations

import sys
import threading
import traceback

from PySide6.QtCore import QtMsgType, qInstallMessageHandler

# Messages the offscreen platform prints about what it cannot do; none is the app's doing.
HARMLESS = (
    "This plugin does not support propagateSizeHints()",  # no window manager to pass size hints to
)


class Catcher:
    """``exceptions`` (formatted) and ``messages`` seen while in its ``with``."""

    def __init__(self):
        self.exceptions: list[str] = []
        self.messages: list[str] = []

    def clear(self) -> None:
        self.exceptions.clear()
        self.messages.clear()

    def __enter__(self) -> Catcher:
        self._hooks = sys.excepthook, threading.excepthook
        sys.excepthook = lambda kind, value, tb: self.exceptions.append(
            "".join(traceback.format_exception(kind, value, tb)))
        threading.excepthook = lambda args: self.exceptions.append("".join(traceback.format_exception(
            args.exc_type, args.exc_value, args.exc_traceback)))
        self._handler = qInstallMessageHandler(self._message)
        return self

    def __exit__(self, *exc) -> None:
        sys.excepthook, threading.excepthook = self._hooks
        qInstallMessageHandler(self._handler)

    def _message(self, kind: QtMsgType, context, text: str) -> None:
        if kind in (QtMsgType.QtDebugMsg, QtMsgType.QtInfoMsg) or text.startswith(HARMLESS):
            return
        self.messages.append(f"{kind.name}: {text}")
        print(self.messages[-1], file=sys.stderr, flush=True)  # a fatal one ends the process next


def exception_type(text: str) -> str:
    """The exception's type from its formatted traceback (its last line's start)."""
    last = text.strip().splitlines()[-1]
    return last.split(":", 1)[0]

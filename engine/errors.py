"""Errors as data: where (``field``), what (``code``) and the values involved (``params``).

The engine makes no sentences for people. ``playground.messages`` turns an
error's code and params into the words the window and the command line show
(and, later, translates them); ``str(error)`` is a one-line summary for
developers, e.g. ``model.hidden: outside_whole_range {'low': 1, 'high': 64, 'value': 100}``.
"""

from __future__ import annotations

import reprlib

_SHORT = reprlib.Repr()  # params may hold a whole file's worth of values: show their start
_SHORT.maxlevel, _SHORT.maxlist, _SHORT.maxtuple, _SHORT.maxdict = 2, 4, 4, 6
_SHORT.maxstring = _SHORT.maxother = 40


class CodedError(ValueError):
    """``field`` names the part at fault ("" for the whole thing), ``code`` says what is wrong,
    ``params`` holds the values a message needs (for example ``low``, ``high``, ``value``)."""

    def __init__(self, field_name: str, code: str, **params):
        self.field = field_name
        self.code = code
        self.params = params
        summary = f"{field_name}: {code}" if field_name else code
        if params:
            summary += " " + _SHORT.repr(params)
        super().__init__(" ".join(summary.split()))


def one_line(text: str, limit: int) -> str:
    """``text`` on one line (runs of white space as one space), cut to ``limit`` characters with "…"."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"

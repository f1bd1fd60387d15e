"""Reading what people give the app, within stated limits, before anything is built from it.

- Only a regular file is read: a FIFO, a device or a folder is refused before it is
  opened (reading a FIFO would wait forever), and again after (opened without waiting,
  in case it was swapped in between).
- At most ``MAX_FILE_BYTES`` are read (``MAX_NPZ_BYTES`` for the ``.npz`` model and
  autosave files, which store their text at 4 bytes a character).
- JSON text is counted before it is parsed: a text with more brackets and commas than a
  file of ``MAX_FILE_POINTS`` points could hold is refused in milliseconds, instead of
  parsing millions of ``{}`` into gigabytes of objects first.
- Text fields (titles, class names) must be encodable as UTF-8: a lone surrogate such as
  ``"\\ud800"``, which JSON can spell, can be neither printed nor saved.

Every failure is ``error_type(field, code, **params)``, the caller's coded error
(``engine.errors``): ``cannot_read``, ``not_a_file``, ``file_too_large``, ``not_utf8``,
``too_many_values``, ``not_unicode_text``.
"""

from __future__ import annotations

import os
import stat

MAX_FILE_POINTS = 100_000  # points in a scenario or CSV file, and in the window
MAX_FILE_BYTES = 16 * 2**20  # a scenario or CSV file: about 160 bytes for each of those points
MAX_NPZ_BYTES = 4 * MAX_FILE_BYTES  # a model or autosave .npz (its JSON text takes 4 bytes a character)
MAX_JSON_VALUES = 6 * MAX_FILE_POINTS  # a point is [x, y, class] (4 values) and maybe a test index
_NOT_WAITING = getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


def read_bytes(path, error_type, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes; raises ``error_type`` (codes
    ``cannot_read``, ``not_a_file``, ``file_too_large``)."""
    try:
        data = _read_regular(path, limit)
    except (OSError, ValueError) as error:  # ValueError: a path with a NUL character
        raise error_type("", "cannot_read", path=str(path),
                         reason=getattr(error, "strerror", None) or str(error)) from None
    if data is None:
        raise error_type("", "not_a_file", path=str(path))
    if len(data) > limit:
        raise error_type("", "file_too_large", path=str(path), megabytes=limit // 2**20)
    return data


def _read_regular(path, limit: int) -> bytes | None:
    """Up to ``limit + 1`` bytes of ``path``, or None if it is not a regular file: checked before
    opening it, and after (opened without waiting, should a FIFO have been swapped in)."""
    if not stat.S_ISREG(os.stat(path).st_mode):
        return None
    with open(os.open(path, os.O_RDONLY | _NOT_WAITING), "rb") as file:
        if not stat.S_ISREG(os.fstat(file.fileno()).st_mode):
            return None
        return file.read(limit + 1)


def read_text(path, error_type) -> str:
    """The text of a UTF-8 file (``read_bytes``, a BOM dropped); raises ``error_type`` (also ``not_utf8``)."""
    data = read_bytes(path, error_type)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise error_type("", "not_utf8", offset=error.start) from None


def check_json_values(text: str, error_type, most: int = MAX_JSON_VALUES) -> None:
    """Refuse a JSON text that may hold more than ``most`` values, without parsing it: every
    value but the first follows a comma or opens a container. Brackets and commas inside
    strings count too, an overestimate of a few hundred in a real file."""
    count = text.count(",") + text.count("[") + text.count("{")
    if count > most:
        raise error_type("", "too_many_values", most=most, points=MAX_FILE_POINTS)


def is_unicode_text(value: str) -> bool:
    """Whether a str can be encoded as UTF-8 (no lone surrogates)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True

"""Writing a file so that it is always whole: the old version or the new one, never a mix.

The bytes go to a temporary file beside the target, are flushed to the disk
(fsync), and the temporary file is then renamed over the target (``os.replace``,
atomic on POSIX and Windows). A process killed at any moment leaves at worst a
stray temporary file, named ``.NAME.*.tmp``, which ``remove_stray_temporaries``
clears.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO


def write_atomic(path, write: Callable[[BinaryIO], None]) -> None:
    """Call ``write(file)`` on a temporary binary file, then put it in ``path``'s place.

    Raises OSError (or whatever ``write`` raises); the previous file at ``path`` is
    then untouched and the temporary file removed. A new file gets rw-r--r--, an
    existing file keeps its permissions.
    """
    path = Path(path)
    temporary = None
    try:
        mode = _file_mode(path)
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, prefix=f".{path.name}.", suffix=".tmp",
                                         delete=False) as file:
            temporary = file.name
            write(file)
            file.flush()
            os.fsync(file.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
        raise


def save_atomic(path, write: Callable[[BinaryIO], None], error_type) -> None:
    """``write_atomic``, a failure raised as ``error_type("", "cannot_save", path=..., reason=...)``
    (a coded error, see ``engine.errors``)."""
    try:
        write_atomic(path, write)
    except (OSError, ValueError) as error:  # ValueError: a path with a NUL character
        reason = getattr(error, "strerror", None) or str(error)
        raise error_type("", "cannot_save", path=str(path), reason=reason) from None


def remove_stray_temporaries(path) -> None:
    """Delete the temporary files a killed ``write_atomic(path, ...)`` may have left."""
    path = Path(path)
    for stray in path.parent.glob(f".{path.name}.*.tmp"):
        with contextlib.suppress(OSError):
            stray.unlink()


def _file_mode(path: Path) -> int:
    """Keep an existing file's permissions; a new file gets the usual rw-r--r--
    (a temporary file would otherwise leave it readable by its owner only)."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        return 0o644

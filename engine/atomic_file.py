"""Writing a file so that it is always whole: the old version or the new one, never a mix.

The bytes go to a temporary file beside the target, are flushed to the disk
(fsync), and the temporary file is then renamed over the target (``os.replace``,
atomic on POSIX and Windows). A process killed at any moment leaves at worst a
stray temporary file, named ``.NAME.*.tmp``, which ``remove_stray_temporaries``
clears.

A symbolic link is written through: its target gets the new bytes and the link stays
a link. A read-only file (no write permission for its owner, or none for us) is
refused, never silently replaced: ``ReadOnlyFile``.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO


class ReadOnlyFile(PermissionError):
    """The file to be replaced is read-only."""


def write_atomic(path, write: Callable[[BinaryIO], None]) -> None:
    """Call ``write(file)`` on a temporary binary file, then put it in ``path``'s place (in its
    target's, if ``path`` is a symbolic link).

    Raises OSError (``ReadOnlyFile`` for a read-only file, before anything is written) or
    whatever ``write`` raises; the previous file is then untouched and the temporary file
    removed. A new file gets rw-r--r--, an existing file keeps its permissions.
    """
    path = _target(path)
    if _read_only(path):
        raise ReadOnlyFile(errno.EACCES, "read-only file", str(path))
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
    or ``error_type("", "read_only_file", path=...)`` (coded errors, see ``engine.errors``)."""
    try:
        write_atomic(path, write)
    except ReadOnlyFile:
        raise error_type("", "read_only_file", path=str(path)) from None
    except (OSError, ValueError) as error:  # ValueError: a path with a NUL character
        reason = getattr(error, "strerror", None) or str(error)
        raise error_type("", "cannot_save", path=str(path), reason=reason) from None


def remove_stray_temporaries(path) -> None:
    """Delete the temporary files a killed ``write_atomic(path, ...)`` may have left."""
    path = _target(path)
    for stray in path.parent.glob(f".{path.name}.*.tmp"):
        with contextlib.suppress(OSError):
            stray.unlink()


def _target(path) -> Path:
    """The file a path names: a symbolic link's target (followed to the end), else the path."""
    return Path(os.path.realpath(path))


def _read_only(path: Path) -> bool:
    """An existing file its owner may not write (what file managers call read-only; this
    counts for root too, whom ``os.access`` lets write anything), or that we may not."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False  # missing (a new file) or unreachable: the write itself will say
    return stat.S_ISREG(mode) and not (mode & stat.S_IWUSR and os.access(path, os.W_OK))


def _file_mode(path: Path) -> int:
    """Keep an existing file's permissions; a new file gets the usual rw-r--r--
    (a temporary file would otherwise leave it readable by its owner only)."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        return 0o644

"""Keep freed array memory in the process instead of handing it back to the OS.

Every training step allocates and frees the same few arrays (a 64 x 3000
float32 activation is 768 KB). glibc serves blocks that size with mmap and
returns them on free, so each step pays a page fault for every 4 KB it touches
again -- on a virtual machine that can cost more than the arithmetic. Raising
the mmap and trim thresholds lets malloc reuse the blocks instead. It is a
process-wide setting, so the app (and the benchmarks, to measure what the app
runs) opt in by calling ``keep_freed_memory()``; nothing calls it on import.
"""

from __future__ import annotations

import ctypes
import sys

_M_TRIM_THRESHOLD = -1
_M_MMAP_THRESHOLD = -3


def keep_freed_memory(mmap_threshold: int = 64 << 20, trim_threshold: int = 256 << 20) -> bool:
    """Tune glibc malloc (Linux only); returns whether the settings took effect."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL("libc.so.6")
        return bool(libc.mallopt(_M_MMAP_THRESHOLD, mmap_threshold)) and \
            bool(libc.mallopt(_M_TRIM_THRESHOLD, trim_threshold))
    except (OSError, AttributeError):  # not glibc (e.g. musl): leave the allocator alone
        return False

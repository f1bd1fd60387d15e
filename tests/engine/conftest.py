"""Engine tests run as if PySide6 and pyqtgraph were not installed.

With PLAYGROUND_BLOCK_QT=1 (``make test`` sets it for this tier) importing
PySide6, pyqtgraph or playground fails, so a stray GUI import in engine/ breaks
these tests the way it would break a machine without Qt.
"""

import importlib.abc
import os
import sys

BLOCKED = ("PySide6", "pyqtgraph", "playground", "shiboken6")


class _BlockGui(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in BLOCKED:
            raise ImportError(f"{name} is blocked: the engine must not need the GUI")
        return None


if os.environ.get("PLAYGROUND_BLOCK_QT") == "1":
    loaded = [m for m in sys.modules if m.split(".")[0] in BLOCKED]
    if loaded:
        raise RuntimeError(f"GUI modules were imported before the engine tests: {loaded[:3]}")
    sys.meta_path.insert(0, _BlockGui())

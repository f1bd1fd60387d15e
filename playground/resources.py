"""Where the app's files are: lessons, icons, translations (the ``assets/`` folder).

In a source checkout (and an editable install) that is ``assets/`` beside the
packages; a wheel installs the same folder as ``playground/assets`` (see
``[tool.setuptools]`` in pyproject.toml). ``asset_path`` finds either.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
ASSETS = next((folder for folder in (_PACKAGE / "assets", _PACKAGE.parent / "assets") if folder.is_dir()),
              _PACKAGE / "assets")
ICON = "icons/decision-playground.svg"
DESKTOP_ENTRY = "decision-playground.desktop"


def asset_path(relative: str) -> Path:
    """The path of ``relative`` ("lessons/01-templates.json") inside the assets folder."""
    return ASSETS / relative

"""``python -m playground install-desktop``: the app in the user's menu (Linux and other freedesktop systems).

It writes ``assets/decision-playground.desktop`` to ``$XDG_DATA_HOME/applications``
(``~/.local/share/applications``), its Exec line pointing at the Python running
this command (so it works from a venv or pipx without PATH), and copies the icon
to ``$XDG_DATA_HOME/icons/hicolor/scalable/apps``. ``--remove`` deletes both.
Nothing else is touched; both paths are printed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path

from playground.resources import DESKTOP_ENTRY, ICON, asset_path

NAME = "decision-playground"


def add_parser(commands) -> None:
    parser = commands.add_parser("install-desktop", help="add the app to your desktop's menu (Linux)")
    parser.add_argument("--remove", action="store_true", help="remove the menu entry and icon again")


def targets(data_home: Path | None = None) -> tuple[Path, Path]:
    """Where the menu entry and the icon go."""
    home = data_home or Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    icons = home / "icons" / "hicolor" / "scalable" / "apps"
    return home / "applications" / f"{NAME}.desktop", icons / f"{NAME}.svg"


def desktop_entry(icon: Path, python: str = sys.executable) -> str:
    """The desktop entry asset, run by ``python -m playground`` and showing ``icon``."""
    command = " ".join(_exec_argument(part) for part in (python, "-m", "playground"))
    lines = []
    for line in asset_path(DESKTOP_ENTRY).read_text(encoding="utf-8").splitlines():
        if line.startswith("Exec="):
            line = f"Exec={command}"
        elif line.startswith("Icon="):
            line = f"Icon={icon}"
        lines.append(line)
    return "\n".join(lines) + "\n"


def run(args: argparse.Namespace, data_home: Path | None = None) -> int:
    """Install (or remove) the entry and the icon; a folder that cannot be written: one line, code 2."""
    entry, icon = targets(data_home)
    try:
        if args.remove:
            for path in (entry, icon):
                path.unlink(missing_ok=True)
                print(f"removed {path}")
            return 0
        for path in (entry, icon):
            path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(asset_path(ICON), icon)
        entry.write_text(desktop_entry(icon), encoding="utf-8")
    except OSError as error:
        reason = error.strerror or str(error)
        print(f"playground: cannot write {error.filename or entry}: {reason}", file=sys.stderr)
        return 2
    print(f"menu entry: {entry}\nicon:       {icon}\nIt runs {sys.executable} -m playground; "
          "`python -m playground install-desktop --remove` takes it away.")
    return 0


def _exec_argument(text: str) -> str:
    """One argument of an Exec line (Desktop Entry Specification): quoted when it needs to be."""
    text = text.replace("%", "%%")
    if not any(c in text for c in ' \t\n"\'\\><~|&;$*?#()`'):
        return text
    escaped = "".join("\\" + c if c in '"`$\\' else c for c in text)
    return f'"{escaped}"'

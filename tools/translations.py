"""``make translations``: collect the words to translate from the sources, then compile them.

    python tools/translations.py          # update assets/i18n/playground_<code>.ts, write the .qm files

pyside6-lupdate reads every ``self.tr``, ``QCoreApplication.translate`` and
``QT_TRANSLATE_NOOP`` in ``playground/`` into each language's ``.ts`` file
(new strings come in marked unfinished, vanished ones go); a translator fills
them in (Qt Linguist: ``pyside6-linguist FILE.ts``, or any text editor), and
pyside6-lrelease compiles the ``.qm`` file the app loads. Both files are
committed; tests/gui/test_translation_files.py fails while a string in the
sources has no finished translation, or a ``.qm`` is older than its ``.ts``.
English is the sources' own language and needs no file.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "assets" / "i18n"
LANGUAGES = ("ko",)  # besides English


def tool(name: str) -> str:
    """A Qt tool installed with PySide6, beside this Python."""
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6 (make test sets up .venv)")
    return found


def sources() -> list[Path]:
    return sorted((ROOT / "playground").rglob("*.py"))


def ts_file(code: str) -> Path:
    return I18N / f"playground_{code}.ts"


def qm_file(code: str) -> Path:
    return I18N / f"playground_{code}.qm"


def update(ts: Path, drop_vanished: bool = True) -> None:
    """Bring ``ts`` up to date with the sources (no line numbers: they would churn every diff)."""
    options = ["-locations", "none"] + (["-no-obsolete"] if drop_vanished else [])
    subprocess.run([tool("pyside6-lupdate"), *map(str, sources()), *options, "-ts", str(ts)], check=True,
                   capture_output=True, timeout=120)


def release(ts: Path, qm: Path) -> None:
    subprocess.run([tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True, capture_output=True,
                   timeout=120)


def unfinished(ts: Path) -> list[tuple[str, str]]:
    """(context, source) of every message without a finished translation."""
    return [(context.findtext("name"), message.findtext("source"))
            for context in ElementTree.parse(ts).getroot().iter("context")
            for message in context.iter("message")
            if message.find("translation").get("type") in ("unfinished", "vanished", "obsolete")
            or not "".join(message.find("translation").itertext()).strip()]


def main() -> int:
    I18N.mkdir(parents=True, exist_ok=True)
    for code in LANGUAGES:
        update(ts_file(code))
        release(ts_file(code), qm_file(code))
        left = unfinished(ts_file(code))
        print(f"{ts_file(code).relative_to(ROOT)}: {len(left)} unfinished")
        for context, source in left:
            print(f"  {context}: {source}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Every template people read is marked so that Qt Linguist's pyside6-lupdate collects it."""

import ast
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import playground

MARKED = [Path(playground.__file__).parent / name for name in ("messages.py", "view_list.py",
                                                                "backprop_words.py")]


def marked_in_source() -> set[tuple[str, str]]:
    """(context, text) of every QT_TRANSLATE_NOOP call, read from the sources."""
    found = set()
    for source in MARKED:
        for node in ast.walk(ast.parse(source.read_text())):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "QT_TRANSLATE_NOOP":
                context, text = node.args
                assert isinstance(context, ast.Constant) and isinstance(text, ast.Constant), node.lineno
                found.add((context.value, text.value))
    return found


def test_lupdate_finds_every_template(tmp_path):
    ts = tmp_path / "check.ts"
    lupdate = shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent))  # beside this Python
    subprocess.run([lupdate, *map(str, MARKED), "-ts", str(ts)], check=True, capture_output=True,
                   timeout=60)
    collected = {(context.findtext("name"), message.findtext("source"))
                 for context in ElementTree.parse(ts).getroot().iter("context")
                 for message in context.iter("message")}
    expected = marked_in_source()
    assert len(expected) > 70 and collected == expected

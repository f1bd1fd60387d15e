"""The Korean translation file covers every string in the sources, and the app loads what it says."""

import importlib.util
import re
import shutil
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("translations", ROOT / "tools" / "translations.py")
translations = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(translations)

FIELD = re.compile(r"\{[^{}]*\}")  # a str.format field: {name}, {loss:.3g}


def messages(ts: Path) -> dict[tuple[str, str], ElementTree.Element]:
    """(context, source) -> its <translation> element."""
    return {(context.findtext("name"), message.findtext("source")): message.find("translation")
            for context in ElementTree.parse(ts).getroot().iter("context")
            for message in context.iter("message")}


@pytest.mark.parametrize("code", translations.LANGUAGES)
def test_every_string_in_the_sources_is_translated(tmp_path, code):
    """lupdate run over today's sources into a copy of the committed file finds nothing new,
    nothing unfinished and nothing gone (``make translations`` brings it up to date)."""
    committed = translations.ts_file(code)
    fresh = tmp_path / committed.name
    shutil.copy(committed, fresh)
    translations.update(fresh, drop_vanished=False)  # new strings come in unfinished, gone ones vanished
    assert translations.unfinished(fresh) == []
    assert messages(fresh).keys() == messages(committed).keys()
    assert len(messages(committed)) > 400


def fields(text: str) -> list[str]:
    return sorted(FIELD.findall(text.replace("{{", "").replace("}}", "")))


@pytest.mark.parametrize("code", translations.LANGUAGES)
def test_translations_keep_every_placeholder(code):
    """A template's {fields} (and their formats) survive translation: .format() never fails on them."""
    translated = messages(translations.ts_file(code)).items()
    wrong = [key for key, translation in translated if fields(key[1]) != fields(translation.text or "")]
    assert wrong == []


@pytest.mark.parametrize("code", translations.LANGUAGES)
def test_the_compiled_file_is_up_to_date(tmp_path, code):
    compiled = tmp_path / "check.qm"
    translations.release(translations.ts_file(code), compiled)
    assert compiled.read_bytes() == translations.qm_file(code).read_bytes()

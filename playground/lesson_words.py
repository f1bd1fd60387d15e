"""A lesson's title and caption in the interface's language.

Lesson files carry their texts in several languages (``engine.lesson``); the one
shown is the language of the default ``QLocale`` (which the language setting
sets), falling back to English. Widgets that show them redraw on
``QEvent.LanguageChange``.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale

from engine.lesson import Lesson, text_in


def language() -> str:
    """The interface's language code: "ko_KR", "en_US", ..."""
    return QLocale().name()


def lesson_title(lesson: Lesson) -> str:
    return text_in(lesson.title, language())


def lesson_caption(lesson: Lesson) -> str:
    return text_in(lesson.caption, language())

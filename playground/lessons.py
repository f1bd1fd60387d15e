"""The built-in lessons: scenario files in ``assets/lessons``, one per point of the lecture.

A file ``NN-name.json`` is the lesson ``name`` (``--lesson name``); ``NN`` orders
the Lessons menu. A lesson is an ordinary scenario with a ``"lesson"`` object
(``engine.lesson``): its title and caption in several languages, the views it
shows, its expected outcome. No Qt here: the command line lists and checks them.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from engine.lesson import Lesson
from engine.scenario import Scenario, load
from playground.resources import asset_path

FOLDER = asset_path("lessons")
_FILE = re.compile(r"(\d+)-([a-z0-9-]+)\.json")


def lesson_files() -> dict[str, Path]:
    """name -> file of every built-in lesson, in the order of the menu."""
    found = sorted((int(match[1]), match[2], path) for path in FOLDER.glob("*.json")
                   if (match := _FILE.fullmatch(path.name)))
    return {name: path for _, name, path in found}


def load_lesson(name: str) -> Scenario:
    """The built-in lesson ``name``; KeyError if there is none, ScenarioError for a bad file."""
    return load(lesson_files()[name])


@cache
def lesson_of(name: str) -> Lesson:
    """The lesson part of the built-in lesson ``name`` (for menus: read once per run)."""
    return load_lesson(name).lesson

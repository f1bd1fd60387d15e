"""A lesson: the part of a scenario file that turns a demo into a lesson.

Inside a scenario it is the optional ``"lesson"`` object::

    "lesson": {
      "title":   {"en": "XOR needs a hidden layer", "ko": "XOR에는 은닉층이 필요하다"},
      "caption": {"en": "One or two sentences ...", "ko": "..."},
      "show":    ["network", "gradients"],     # views to show and bring to the front
      "explorer": "add_mul",                   # a lecture example to open in the backprop explorer
      "expect":  {"steps": 2000, "train_accuracy": {"at_least": 0.97}}
    }

Texts are tables of language code -> text (at least one language). ``show`` holds
view keys; the window decides what each means and skips those it does not have.
``expect`` states the outcome: after ``steps`` training steps, each named measure
within its bounds (``at_least``, ``at_most`` a number; ``above``, ``below`` another
measure); ``gradients``, with ``explorer``, the example's d(output)/d(variable).
``engine.lesson_outcome`` checks it. ``parse`` raises only ``LessonError``, whose
``field`` is relative to the lesson ("title.ko", "expect.test_loss.above").
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from engine.errors import CodedError
from engine.expression_graph import LECTURE_EXAMPLES
from engine.input_files import is_unicode_text

KEYS = ("title", "caption", "show", "explorer", "expect")
MAX_TITLE = 200
MAX_CAPTION = 600
MAX_VIEWS = 12
MAX_STEPS = 100_000
MEASURES = ("train_loss", "train_accuracy", "test_loss", "test_accuracy", "start_gradient_ratio")
NUMBER_BOUNDS = ("at_least", "at_most")
MEASURE_BOUNDS = ("above", "below")
LANGUAGE = re.compile(r"[a-z]{2,3}(_[A-Z]{2})?")
VIEW_KEY = re.compile(r"[a-z][a-z0-9_]{0,39}")


class LessonError(CodedError):
    """A lesson field that cannot be used: ``field`` relative to the lesson ("title.en")."""


@dataclass(frozen=True)
class Bound:
    """``measure`` must be >= at_least, <= at_most, > the measure ``above``, < the measure ``below``
    (each None when not asked)."""

    measure: str
    at_least: float | None = None
    at_most: float | None = None
    above: str | None = None
    below: str | None = None

    def to_json_dict(self) -> dict:
        return {name: getattr(self, name) for name in (*NUMBER_BOUNDS, *MEASURE_BOUNDS)
                if getattr(self, name) is not None}


@dataclass(frozen=True)
class Expectation:
    """After ``steps`` training steps every bound holds; ``gradients``: the explorer example's
    d(output)/d(name) for each name given."""

    steps: int = 0
    bounds: tuple[Bound, ...] = ()
    gradients: dict[str, float] = field(default_factory=dict)

    def to_json_dict(self) -> dict:
        doc: dict = {"steps": self.steps}
        doc.update({bound.measure: bound.to_json_dict() for bound in self.bounds})
        if self.gradients:
            doc["gradients"] = dict(self.gradients)
        return doc


@dataclass(frozen=True)
class Lesson:
    """``title`` and ``caption``: language code -> text; ``show``: view keys; ``explorer``: a key of
    ``LECTURE_EXAMPLES`` or None; ``expect``: the stated outcome, or None."""

    title: dict[str, str]
    caption: dict[str, str] = field(default_factory=dict)
    show: tuple[str, ...] = ()
    explorer: str | None = None
    expect: Expectation | None = None

    def to_json_dict(self) -> dict:
        doc: dict = {"title": dict(self.title)}
        if self.caption:
            doc["caption"] = dict(self.caption)
        if self.show:
            doc["show"] = list(self.show)
        if self.explorer is not None:
            doc["explorer"] = self.explorer
        if self.expect is not None:
            doc["expect"] = self.expect.to_json_dict()
        return doc


def parse(raw) -> Lesson:
    """Validate a lesson object from a scenario document; raises LessonError."""
    doc = _object(raw, "")
    _check_keys(doc, KEYS, "")
    if "title" not in doc:
        raise LessonError("title", "lesson_without_title")
    explorer = doc.get("explorer")
    if explorer is not None and (not isinstance(explorer, str) or explorer not in LECTURE_EXAMPLES):
        raise LessonError("explorer", "not_one_of", choices=tuple(LECTURE_EXAMPLES), found=explorer)
    return Lesson(title=_texts(doc["title"], "title", MAX_TITLE),
                  caption=_texts(doc.get("caption", {}), "caption", MAX_CAPTION, allow_empty=True),
                  show=_views(doc.get("show", [])),
                  explorer=explorer,
                  expect=_expectation(doc["expect"], explorer) if "expect" in doc else None)


def text_in(texts: dict[str, str], language: str) -> str:
    """The text for ``language`` ("ko", or "ko_KR" falling back to "ko"), else English, else the
    first given; "" for an empty table."""
    for key in (language, language.split("_")[0], "en"):
        if key in texts:
            return texts[key]
    return next(iter(texts.values()), "")


def _texts(raw, name: str, most: int, allow_empty: bool = False) -> dict[str, str]:
    """{"en": "...", "ko": "..."}: language codes to texts of 1..most characters."""
    if not isinstance(raw, dict) or not (raw or allow_empty):
        raise LessonError(name, "not_a_text_table", found=raw)
    for language, text in raw.items():
        if not LANGUAGE.fullmatch(language):
            raise LessonError(f"{name}.{language}", "bad_language")
        if not isinstance(text, str) or not text.strip() or len(text) > most:
            raise LessonError(f"{name}.{language}", "bad_lesson_text", most=most, found=text)
        if not is_unicode_text(text):
            raise LessonError(f"{name}.{language}", "not_unicode_text")
    return dict(raw)


def _views(raw) -> tuple[str, ...]:
    if not isinstance(raw, list) or len(raw) > MAX_VIEWS:
        raise LessonError("show", "not_a_view_list", most=MAX_VIEWS, found=raw)
    for i, key in enumerate(raw):
        if not isinstance(key, str) or not VIEW_KEY.fullmatch(key):
            raise LessonError(f"show[{i}]", "bad_view_key", found=key)
        if key in raw[:i]:
            raise LessonError(f"show[{i}]", "view_twice", found=key)
    return tuple(raw)


def _expectation(raw, explorer: str | None) -> Expectation:
    doc = _object(raw, "expect")
    _check_keys(doc, ("steps", *MEASURES, "gradients"), "expect.")
    if not any(key in doc for key in (*MEASURES, "gradients")):
        raise LessonError("expect", "no_outcome", choices=(*MEASURES, "gradients"))
    steps = doc.get("steps", 0)
    if isinstance(steps, bool) or not isinstance(steps, int):
        raise LessonError("expect.steps", "not_whole", found=steps)
    if not 0 <= steps <= MAX_STEPS:
        raise LessonError("expect.steps", "outside_whole_range", low=0, high=MAX_STEPS, value=steps)
    bounds = tuple(_bound(measure, doc[measure]) for measure in MEASURES if measure in doc)
    gradients = _gradients(doc["gradients"], explorer) if "gradients" in doc else {}
    return Expectation(steps, bounds, gradients)


def _bound(measure: str, raw) -> Bound:
    where = f"expect.{measure}"
    doc = _object(raw, where)
    _check_keys(doc, (*NUMBER_BOUNDS, *MEASURE_BOUNDS), where + ".")
    if not doc:
        raise LessonError(where, "no_bound", choices=(*NUMBER_BOUNDS, *MEASURE_BOUNDS))
    for name in NUMBER_BOUNDS:
        if name in doc and not _is_finite(doc[name]):
            raise LessonError(f"{where}.{name}", "not_finite_number", found=doc[name])
    for name in MEASURE_BOUNDS:
        if name in doc and (doc[name] not in MEASURES or doc[name] == measure):
            others = tuple(m for m in MEASURES if m != measure)
            raise LessonError(f"{where}.{name}", "not_one_of", choices=others, found=doc[name])
    return Bound(measure, **{name: float(v) if name in NUMBER_BOUNDS else v for name, v in doc.items()})


def _gradients(raw, explorer: str | None) -> dict[str, float]:
    if explorer is None:
        raise LessonError("expect.gradients", "gradients_without_explorer")
    doc = _object(raw, "expect.gradients")
    names = tuple(LECTURE_EXAMPLES[explorer][1])
    if not doc:
        raise LessonError("expect.gradients", "no_gradients", choices=names)
    for name, value in doc.items():
        if name not in names:
            raise LessonError(f"expect.gradients.{name}", "not_one_of", choices=names, found=name)
        if not _is_finite(value):
            raise LessonError(f"expect.gradients.{name}", "not_finite_number", found=value)
    return {name: float(value) for name, value in doc.items()}


def _object(raw, name: str) -> dict:
    if not isinstance(raw, dict):
        raise LessonError(name, "not_a_section", found=raw)
    return raw


def _check_keys(doc: dict, allowed, prefix: str) -> None:
    for key in doc:
        if key not in allowed:
            raise LessonError(prefix + key, "unknown_field", expected=tuple(allowed))


def _is_finite(value) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)

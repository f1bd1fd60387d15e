"""The scenario file: everything needed to reproduce a demo, as one JSON document.

A scenario holds the points (x, y, class, train/test), the class names and the
settings (data generator, model, training, seed). ``load`` / ``loads`` validate
a whole document and raise only ``ScenarioError``, whose ``field`` names the
part at fault ("model.hidden", "points[3]", or "" for the whole file).
The error's ``code`` and ``params`` say what is wrong (``playground.messages``
makes the words). ``save`` writes atomically: the previous file stays intact if
anything fails. The format is described for users in docs/scenario-format.md.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields

import numpy as np

from engine import datasets
from engine.atomic_file import save_atomic
from engine.datasets import MAX_CLASSES
from engine.errors import CodedError, one_line
from engine.input_files import MAX_FILE_BYTES, MAX_FILE_POINTS, check_json_values, is_unicode_text, read_text
from engine.lesson import Lesson, LessonError
from engine.lesson import parse as parse_lesson
from engine.settings import DataSettings, ModelSettings, Settings, SettingsError, TrainingSettings

FORMAT = "decision-playground/1"
DEFAULT_CLASS_NAMES = ("A", "B", "C", "D", "E")
MAX_COORDINATE = 1000.0
MAX_CLASS_NAME = 40
MAX_TITLE = 200
DECIMALS = 6  # coordinates are saved rounded to this many decimals

SECTIONS = {"data": DataSettings, "model": ModelSettings, "training": TrainingSettings}
TOP_LEVEL_KEYS = ("format", "title", "classes", "points", "test", *SECTIONS, "seed", "lesson")


class ScenarioError(CodedError):
    """A scenario that cannot be read, written or trusted. ``field`` names the part at fault
    ("" for the whole document), on one line of at most 80 characters: it may hold a key from
    the file. ``code`` and ``params`` say what is wrong (see ``engine.errors``)."""

    def __init__(self, field_name: str, code: str, **params):
        super().__init__(one_line(field_name, 80), code, **params)


@dataclass(eq=False)
class Scenario:
    """Points (N, 2) float64, labels (N,) int, is_test (N,) bool, K class names, settings;
    ``lesson``: what makes it a lesson (``engine.lesson``), or None."""

    points: np.ndarray
    labels: np.ndarray
    is_test: np.ndarray
    class_names: list[str]
    settings: Settings = field(default_factory=Settings)
    title: str = ""
    lesson: Lesson | None = None

    def __post_init__(self):
        self.points = np.asarray(self.points, dtype=np.float64).reshape(-1, 2)
        self.labels = np.asarray(self.labels, dtype=int).reshape(-1)
        self.is_test = np.asarray(self.is_test, dtype=bool).reshape(-1)
        self.class_names = list(self.class_names)
        if not len(self.points) == len(self.labels) == len(self.is_test):
            raise ValueError(f"{len(self.points)} points, {len(self.labels)} labels "
                             f"and {len(self.is_test)} test flags")

    @classmethod
    def generate(cls, settings: Settings, class_names=None, title: str = "",
                 lesson: Lesson | None = None) -> Scenario:
        """The points the data settings describe, split into train and test."""
        d = settings.data
        if class_names is None:
            class_names = DEFAULT_CLASS_NAMES[:d.classes]
        names = check_class_names(class_names, d.classes)
        points, labels = datasets.generate(d.dataset, d.points, d.noise, d.classes, d.seed)
        is_test = datasets.split(len(points), d.test_fraction, d.seed, labels)
        return cls(points, labels, is_test, names, settings, title, lesson)

    @property
    def n_classes(self) -> int:
        return len(self.class_names)

    def to_json_dict(self) -> dict:
        """The document ``dumps`` writes: coordinates rounded, test points as indices."""
        rows = np.round(self.points, DECIMALS).tolist()
        lesson = {} if self.lesson is None else {"lesson": self.lesson.to_json_dict()}
        return {
            "format": FORMAT,
            "title": self.title,
            "classes": list(self.class_names),
            "points": [[x, y, label] for (x, y), label in zip(rows, self.labels.tolist(), strict=True)],
            "test": np.flatnonzero(self.is_test).tolist(),
            **self.settings.to_dict(),
            **lesson,
        }


def from_json_dict(doc) -> Scenario:
    """Validate a parsed document and build its scenario; raises ScenarioError."""
    if not isinstance(doc, dict):
        raise ScenarioError("", "not_an_object", found=doc)
    if "format" not in doc:
        raise ScenarioError("format", "missing_format")
    if doc["format"] != FORMAT:
        raise ScenarioError("format", "wrong_format", expected=FORMAT, found=doc["format"])
    _check_keys(doc, TOP_LEVEL_KEYS, "")
    sections = {name: _build(cls, _object(doc.get(name, {}), name), f"{name}.")
                for name, cls in SECTIONS.items()}
    settings = _build(Settings, {**sections, **_pick(doc, "seed")}, "")
    title = _title(doc.get("title", ""))
    lesson = _lesson(doc["lesson"]) if "lesson" in doc else None
    names = check_class_names(doc["classes"], settings.data.classes) if "classes" in doc else None
    if "points" not in doc:
        if "test" in doc:
            raise ScenarioError("test", "test_without_points")
        return Scenario.generate(settings, names, title, lesson)
    points, labels = _points(doc["points"], len(names) if names else MAX_CLASSES)
    is_test = _test(doc.get("test", []), len(points))
    if names is None:
        names = DEFAULT_CLASS_NAMES[:max(settings.data.classes, labels.max(initial=-1) + 1)]
    return Scenario(points, labels, is_test, names, settings, title, lesson)


def loads(text: str) -> Scenario:
    """Parse and validate a scenario document; raises ScenarioError."""
    if len(text) > MAX_FILE_BYTES:
        raise ScenarioError("", "text_too_large", megabytes=MAX_FILE_BYTES // 2**20)
    if not text.strip():
        raise ScenarioError("", "empty_file")
    check_json_values(text, ScenarioError)
    try:
        return from_json_dict(json.loads(text, parse_int=_parse_int))
    except json.JSONDecodeError as error:
        raise ScenarioError("", "not_json", line=error.lineno, column=error.colno,
                            reason=error.msg) from None
    except RecursionError:
        raise ScenarioError("", "nested_too_deeply") from None


def load(path) -> Scenario:
    """Read and validate a UTF-8 scenario file (``engine.input_files``: a regular file of at
    most ``MAX_FILE_BYTES``); raises ScenarioError."""
    return loads(read_text(path, ScenarioError))


def dumps(scenario: Scenario) -> str:
    """The document as text, one point per line. Refuses what ``loads`` would reject."""
    doc = scenario.to_json_dict()
    from_json_dict(doc)
    lines = []
    for key, value in doc.items():
        if key == "points" and value:
            rows = (f"    [{x!r}, {y!r}, {label}]" for x, y, label in value)  # floats as JSON writes them
            value = "[\n" + ",\n".join(rows) + "\n  ]"
        else:
            value = json.dumps(value, ensure_ascii=False)
        lines.append(f"  {json.dumps(key)}: {value}")
    return "{\n" + ",\n".join(lines) + "\n}\n"


def save(scenario: Scenario, path) -> None:
    """Write the scenario atomically (``engine.atomic_file``): the previous file stays whole."""
    data = dumps(scenario).encode("utf-8")
    save_atomic(path, lambda file: file.write(data), ScenarioError)


def _build(cls, values: dict, prefix: str):
    """cls(**values), turning a SettingsError into a ScenarioError at prefix + field."""
    _check_keys(values, [f.name for f in fields(cls)], prefix)
    for f in fields(cls):  # choice fields: an unhashable value would raise TypeError
        if isinstance(f.default, str) and not isinstance(values.get(f.name, ""), str):
            raise ScenarioError(prefix + f.name, "not_a_name", found=values[f.name])
    try:
        return cls(**values)
    except SettingsError as error:
        raise ScenarioError(prefix + error.field, error.code, **error.params) from None


def _points(raw, n_classes: int) -> tuple[np.ndarray, np.ndarray]:
    """[[x, y, class], ...] -> points (N, 2) float64, labels (N,) int."""
    if not isinstance(raw, list):
        raise ScenarioError("points", "not_a_point_list", found=raw)
    if len(raw) > MAX_FILE_POINTS:
        raise ScenarioError("points", "too_many_points", most=MAX_FILE_POINTS, count=len(raw))
    for i, row in enumerate(raw):
        where = f"points[{i}]"
        if not (isinstance(row, list) and len(row) == 3 and all(map(_is_number, row))):
            raise ScenarioError(where, "not_a_point")
        x, y, label = row
        if not (abs(x) <= MAX_COORDINATE and abs(y) <= MAX_COORDINATE):  # False for NaN
            raise ScenarioError(where, "point_off_the_plane", limit=MAX_COORDINATE, found_x=x, found_y=y)
        if not isinstance(label, int):
            raise ScenarioError(where, "class_not_whole", found=label)
        if not 0 <= label < n_classes:
            raise ScenarioError(where, "class_out_of_range", label=label, high=n_classes - 1)
    table = np.array(raw, dtype=np.float64).reshape(-1, 3)
    return table[:, :2], table[:, 2].astype(int)


def _test(raw, n_points: int) -> np.ndarray:
    """A list of distinct point indices -> is_test (N,) bool."""
    if not isinstance(raw, list):
        raise ScenarioError("test", "not_an_index_list", found=raw)
    is_test = np.zeros(n_points, dtype=bool)
    for i, index in enumerate(raw):
        if isinstance(index, bool) or not isinstance(index, int) or not 0 <= index < n_points:
            raise ScenarioError(f"test[{i}]", "not_a_point_index", count=n_points, found=index)
        if is_test[index]:
            raise ScenarioError(f"test[{i}]", "test_point_twice", index=index)
        is_test[index] = True
    return is_test


def check_class_names(raw, at_least: int = 2) -> list[str]:
    """2..5 distinct non-empty names, at least ``at_least`` of them (the data's classes)."""
    if not isinstance(raw, list | tuple) or not 2 <= len(raw) <= MAX_CLASSES:
        raise ScenarioError("classes", "not_a_name_list", most=MAX_CLASSES)
    if len(raw) < at_least:
        raise ScenarioError("classes", "too_few_class_names", count=len(raw), classes=at_least)
    for i, name in enumerate(raw):
        if not isinstance(name, str) or not name.strip() or len(name) > MAX_CLASS_NAME:
            raise ScenarioError(f"classes[{i}]", "bad_class_name", most=MAX_CLASS_NAME, found=name)
        if not is_unicode_text(name):
            raise ScenarioError(f"classes[{i}]", "not_unicode_text")
        if name in raw[:i]:
            raise ScenarioError(f"classes[{i}]", "class_name_twice", found=name)
    return list(raw)


def _title(raw) -> str:
    if not isinstance(raw, str) or len(raw) > MAX_TITLE:
        raise ScenarioError("title", "bad_title", most=MAX_TITLE)
    if not is_unicode_text(raw):
        raise ScenarioError("title", "not_unicode_text")
    return raw


def _lesson(raw) -> Lesson:
    try:
        return parse_lesson(raw)
    except LessonError as error:
        raise ScenarioError(f"lesson.{error.field}".rstrip("."), error.code, **error.params) from None


def _object(raw, name: str) -> dict:
    if not isinstance(raw, dict):
        raise ScenarioError(name, "not_a_section", found=raw)
    return raw


def _check_keys(doc: dict, allowed, prefix: str) -> None:
    for key in doc:
        if key not in allowed:
            raise ScenarioError(prefix + key, "unknown_field", expected=tuple(allowed))


def _pick(doc: dict, *keys: str) -> dict:
    return {key: doc[key] for key in keys if key in doc}


def _is_number(value) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _parse_int(digits: str) -> int | float:
    """JSON integers: absurdly long ones become floats (inf past ~308 digits) instead of
    overflowing float conversions or hitting Python's int-string length limit."""
    return int(digits) if len(digits) <= 300 else float(digits)


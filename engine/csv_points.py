"""Points as CSV: ``x,y,label[,split]`` with a header, one point a line.

``label`` is a class: either every label is a whole number (0 for the first
class, 1 for the second, ...) or every label is a name. Names already known
(the session's classes) keep their place; new names follow in the order they
first appear. ``split`` is ``train`` or ``test`` (empty or a missing column:
train). ``parse`` reads a whole file or refuses it whole with a ``CsvError``
whose params name the line at fault (``line``, counted from 1 as an editor
does): nothing is ever half-imported. ``dumps`` writes the same columns, the
labels as names, so a file goes out and comes back as it was.
"""

from __future__ import annotations

import csv
import io
import math
from dataclasses import dataclass

import numpy as np

from engine.atomic_file import save_atomic
from engine.datasets import MAX_CLASSES
from engine.errors import CodedError
from engine.input_files import MAX_FILE_POINTS, read_text
from engine.scenario import DECIMALS, DEFAULT_CLASS_NAMES, MAX_CLASS_NAME, MAX_COORDINATE

COLUMNS = ("x", "y", "label", "split")
SPLITS = {"": False, "train": False, "test": True}


class CsvError(CodedError):
    """A CSV file that cannot be imported or written: ``code`` and ``params`` (``line``, the
    values at fault) say what is wrong; ``field`` is "" (see ``engine.errors``)."""


@dataclass(eq=False)
class CsvPoints:
    """points (N, 2) float64, labels (N,) int, is_test (N,) bool, 2..5 class names."""

    points: np.ndarray
    labels: np.ndarray
    is_test: np.ndarray
    class_names: list[str]


def load(path, known_names=DEFAULT_CLASS_NAMES) -> CsvPoints:
    """Read a UTF-8 CSV file of points (``engine.input_files``: a regular file of at most
    ``MAX_FILE_BYTES``); raises CsvError."""
    return parse(read_text(path, CsvError), known_names)


def parse(text: str, known_names=DEFAULT_CLASS_NAMES) -> CsvPoints:
    """The points of a CSV text; ``known_names``: the classes labels are matched against first."""
    rows = csv.reader(io.StringIO(text))
    header = _header(rows)
    xs, ys, raw_labels, is_test, lines = [], [], [], [], []
    for row in rows:
        if not any(cell.strip() for cell in row):
            continue  # blank lines are allowed anywhere
        line = rows.line_num
        if not len(header) - (header[-1] == "split") <= len(row) <= len(header):
            raise CsvError("", "csv_wrong_columns", line=line, columns=",".join(header), count=len(row))
        if len(lines) == MAX_FILE_POINTS:
            raise CsvError("", "csv_too_many_points", line=line, most=MAX_FILE_POINTS)
        xs.append(_coordinate(row[0], "x", line))
        ys.append(_coordinate(row[1], "y", line))
        raw_labels.append(_label(row[2], line))
        is_test.append(_split(row[3] if len(row) > 3 else "", line))
        lines.append(line)
    if not lines:
        raise CsvError("", "csv_no_points")
    labels, names = _classes(raw_labels, lines, list(known_names))
    return CsvPoints(np.column_stack([xs, ys]), labels, np.array(is_test, bool), names)


def dumps(points, labels, is_test, class_names) -> str:
    """The CSV text of points (N, 2), labels (N,), is_test (N,): coordinates rounded as in a scenario."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    rows = np.round(np.asarray(points, dtype=np.float64), DECIMALS).tolist()
    for (x, y), label, test in zip(rows, np.asarray(labels).tolist(), np.asarray(is_test).tolist()):
        writer.writerow((repr(x), repr(y), class_names[label], "test" if test else "train"))
    return out.getvalue()


def save(path, points, labels, is_test, class_names) -> None:
    """Write the CSV atomically; raises CsvError ``cannot_save``."""
    data = dumps(points, labels, is_test, class_names).encode("utf-8")
    save_atomic(path, lambda file: file.write(data), CsvError)


def _header(rows) -> list[str]:
    """The column names of the first non-blank line: x,y,label or x,y,label,split."""
    for row in rows:
        names = [cell.strip().lower() for cell in row]
        if any(names):
            if tuple(names) not in (COLUMNS[:3], COLUMNS):
                raise CsvError("", "csv_bad_header", line=rows.line_num, expected=",".join(COLUMNS))
            return names
    raise CsvError("", "csv_no_points")


def _coordinate(cell: str, column: str, line: int) -> float:
    try:
        value = float(cell)
    except ValueError:
        raise CsvError("", "csv_not_a_number", line=line, column=column, found=cell.strip()) from None
    if not (math.isfinite(value) and abs(value) <= MAX_COORDINATE):
        raise CsvError("", "csv_off_the_plane", line=line, column=column, limit=MAX_COORDINATE,
                       found=cell.strip())
    return value


def _label(cell: str, line: int) -> str:
    label = cell.strip()
    if not label or len(label) > MAX_CLASS_NAME:
        raise CsvError("", "csv_bad_label", line=line, most=MAX_CLASS_NAME, found=label)
    return label


def _split(cell: str, line: int) -> bool:
    split = cell.strip().lower()
    if split not in SPLITS:
        raise CsvError("", "csv_bad_split", line=line, found=cell.strip())
    return SPLITS[split]


def _classes(raw: list[str], lines: list[int], known: list[str]) -> tuple[np.ndarray, list[str]]:
    """Labels (N,) and class names: by number if every label is a whole number, else by name."""
    if all(label.isascii() and label.isdigit() for label in raw):
        labels = np.array([int(label) for label in raw])
        bad = np.flatnonzero(labels >= MAX_CLASSES)
        if len(bad):
            raise CsvError("", "csv_class_out_of_range", line=lines[bad[0]], high=MAX_CLASSES - 1,
                           label=int(labels[bad[0]]))
        count = max(2, int(labels.max()) + 1)
        names = [*known[:count]]
    else:
        used = set(raw)
        names = [name for name in known if name in used]
        for i, label in enumerate(raw):
            if label not in names:
                if len(names) == MAX_CLASSES:
                    raise CsvError("", "csv_too_many_classes", line=lines[i], most=MAX_CLASSES, found=label)
                names.append(label)
        index = {name: k for k, name in enumerate(names)}
        labels = np.array([index[label] for label in raw])
    for default in DEFAULT_CLASS_NAMES:  # at least two classes, and a name for each
        if len(names) >= max(2, int(labels.max()) + 1):
            break
        if default not in names:
            names.append(default)
    return labels, names

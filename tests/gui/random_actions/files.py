"""The files the actions open, import and load: good ones, and broken ones of every kind.

``make_files(folder)`` writes them once per test and returns {name: path}. Names starting
with "good" open; every other one must be refused with a message, changing nothing.
The actions save to "saved-*.json" (and the like) in the same folder, which then open too.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from engine import scenario
from engine.scenario import Scenario
from engine.settings import DataSettings, ModelSettings, Settings

SAVED = ("saved-1.json", "saved-2.json")  # new files to save to, which Open may then pick


def make_files(folder: Path) -> dict[str, str]:
    """The files, made afresh in ``folder`` (anything there before is removed)."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    good = Scenario.generate(Settings(data=DataSettings(dataset="spiral", classes=3, points=150),
                                      model=ModelSettings(hidden=(6,), activation="relu")),
                             ["red", "green", "blue"], title="A spiral")
    scenario.save(good, folder / "good.json")
    text = (folder / "good.json").read_text()
    doc = json.loads(text)
    broken = {
        "truncated.json": text[: len(text) // 2],
        "empty.json": "",
        "not-json.json": "this is not a scenario",
        "wrong-types.json": json.dumps({**doc, "points": "many", "model": {"hidden": "8,8"}}),
        "nan.json": text.replace(str(doc["points"][0][0]), "NaN", 1),
        "huge-numbers.json": json.dumps({**doc, "points": [[1e308, -1e308, 0]], "data": {"points": 10**30}}),
        "label-too-big.json": json.dumps({**doc, "points": [[0.1, 0.2, 7]]}),
        "many-classes.json": json.dumps({**doc, "classes": [f"c{i}" for i in range(5000)]}),
        "wrong-format.json": json.dumps({**doc, "format": "decision-playground/99"}),
        "bad-points.csv": "x,y,label\n0.1,high,A\n",
        "bad-model.npz": "not a zip archive",
    }
    for name, content in broken.items():
        (folder / name).write_text(content)
    (folder / "binary.json").write_bytes(bytes(range(256)) * 4)
    (folder / "a-folder.json").mkdir(exist_ok=True)
    (folder / "good-points.csv").write_text("x,y,label,split\n0.1,0.2,cat,train\n-0.3,0.4,dog,test\n"
                                            "0.5,-0.6,bird,\n")
    paths = {name: str(folder / name) for name in (*broken, "good.json", "binary.json", "a-folder.json",
                                                   "good-points.csv")}
    paths["missing.json"] = str(folder / "missing.json")
    paths["no-folder/x.json"] = str(folder / "no-folder" / "x.json")
    return paths

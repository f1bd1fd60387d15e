"""A whole session in one file, for the autosave: the scenario, the trained weights, the step
and epoch, the optimizer's running averages and the training curves so far.

It is an ``.npz`` in ``engine.model_file``'s container, written atomically: the
parameters ``W1``, ``b1``, ... as in a model file, the optimizer's state as
``optimizer.velocity`` (momentum) or ``optimizer.m``, ``optimizer.v`` and
``optimizer.t`` (Adam; see ``Optimizer.saved_state``), the curves as ``history.steps``,
``history.train_loss``, ... (see ``History.state``), and one JSON document::

    {"format": "decision-playground-autosave/1",
     "scenario": {...},        # the scenario document (engine.scenario), points and all
     "step": 1500, "epoch": 1500.0,
     "path": "/home/me/demo.json" or null, "modified": true,
     "saved_at": 1767268920.5} # seconds since 1970 (UTC)

``load`` checks it all as a scenario file and a model file are checked, and raises
only ``ModelFileError`` (a scenario's error is reported at ``scenario.<field>``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from engine import model_file
from engine.model_file import ModelFile, ModelFileError, read_npz, write_npz
from engine.scenario import Scenario, ScenarioError, from_json_dict

FORMAT = "decision-playground-autosave/1"
HISTORY = "history."
OPTIMIZER = "optimizer."


@dataclass(eq=False)
class Snapshot:
    """scenario, parameters [W1, b1, ...], step and epoch, history (``History.state()``),
    the file the session came from, whether it had unsaved changes, when it was taken, and
    the optimizer's state (``Optimizer.saved_state()``)."""

    scenario: Scenario
    parameters: list[np.ndarray]
    step: int
    epoch: float
    history: dict[str, np.ndarray] = field(default_factory=dict)
    path: str | None = None
    modified: bool = False
    saved_at: float = 0.0
    optimizer: dict[str, np.ndarray] = field(default_factory=dict)


def save(path, snapshot: Snapshot) -> None:
    """Write the snapshot atomically; raises ModelFileError ``cannot_save``."""
    s = snapshot
    arrays = ModelFile(s.scenario.settings.model, s.scenario.class_names, s.parameters).arrays()
    arrays.update({HISTORY + name: values for name, values in s.history.items()})
    arrays.update({OPTIMIZER + name: values for name, values in s.optimizer.items()})
    doc = {"format": FORMAT, "scenario": s.scenario.to_json_dict(), "step": int(s.step),
           "epoch": float(s.epoch), "path": s.path, "modified": bool(s.modified),
           "saved_at": float(s.saved_at)}
    write_npz(path, arrays, doc)


def load(path) -> Snapshot:
    """Read and check a snapshot; raises ModelFileError."""
    arrays, doc = read_npz(path)
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise ModelFileError("format", "wrong_format", expected=FORMAT,
                             found=doc.get("format") if isinstance(doc, dict) else doc)
    try:
        scenario = from_json_dict(doc.get("scenario"))
    except ScenarioError as error:
        raise ModelFileError(f"scenario.{error.field}".rstrip("."), error.code, **error.params) from None
    model = model_file.from_parts(arrays, {
        "format": model_file.FORMAT, "model": scenario.settings.model.to_dict(),
        "classes": scenario.class_names, "step": doc.get("step", 0), "epoch": doc.get("epoch", 0.0)})
    path, modified, saved_at = doc.get("path"), doc.get("modified"), doc.get("saved_at")
    if not (path is None or isinstance(path, str)) or not isinstance(modified, bool) \
            or isinstance(saved_at, bool) or not isinstance(saved_at, int | float):
        raise ModelFileError("", "model_missing_settings")
    history = {name[len(HISTORY):]: values for name, values in arrays.items() if name.startswith(HISTORY)}
    n_layers = len(model.parameters) // 2
    if any(values.ndim == 2 and values.shape[1] != n_layers for values in history.values()):
        history = {}  # curves of another network: start them again rather than mix them
    return Snapshot(scenario, model.parameters, model.step, model.epoch, history, path, modified,
                    float(saved_at), _optimizer_state(arrays, sum(p.size for p in model.parameters)))


def _optimizer_state(arrays: dict[str, np.ndarray], n_parameters: int) -> dict[str, np.ndarray]:
    """The optimizer's arrays: (P,) real vectors and a step count ``t``; {} if any is not one
    (the optimizer then starts afresh, as it would without them)."""
    state = {name[len(OPTIMIZER):]: values for name, values in arrays.items() if name.startswith(OPTIMIZER)}
    for name, values in state.items():
        shape = () if name == "t" else (n_parameters,)
        if values.shape != shape or values.dtype.kind not in "iuf" or not np.isfinite(values).all():
            return {}
    return state

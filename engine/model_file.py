"""A trained model as a NumPy ``.npz`` file: every weight and bias by layer name, plus its settings.

The arrays are ``W1`` (fan_out, fan_in), ``b1`` (fan_out, 1), ``W2``, ``b2``, ...
from the input layer to the output layer, as the trainer holds them (float32).
``settings`` is one JSON text (a 0-d string array, so no pickle is needed)::

    {"format": "decision-playground-model/1",
     "model": {"kind": "mlp", "hidden": [8, 8], "activation": "tanh", "features": ["x1", "x2"]},
     "classes": ["A", "B"], "step": 1500, "epoch": 1500.0,
     "training": {...}}           # how it was trained: for information, never applied

``load`` checks everything (the settings, every array's name, shape and finiteness)
and raises only ``ModelFileError``; ``np.load(path)`` reads the file anywhere.
``read_npz`` / ``write_npz`` are the same container for other documents (the autosave).
"""

from __future__ import annotations

import io
import json
import zipfile
from dataclasses import dataclass

import numpy as np

from engine.atomic_file import save_atomic
from engine.errors import CodedError
from engine.input_files import MAX_NPZ_BYTES, check_json_values, read_bytes
from engine.scenario import ScenarioError, check_class_names
from engine.settings import ModelSettings, SettingsError, TrainingSettings

FORMAT = "decision-playground-model/1"
SETTINGS_KEY = "settings"
MAX_ARRAYS = 100  # arrays in one .npz: a model has at most 14, an autosave about 20 more


class ModelFileError(CodedError):
    """A model (or autosave) file that cannot be read, written or trusted: ``field`` names the
    setting or array at fault ("" for the whole file); ``code``/``params`` say what is wrong."""


@dataclass(eq=False)
class ModelFile:
    """What a model file holds: the architecture, the class names, [W1, b1, W2, b2, ...]
    (see ``parameter_shapes``), and how far it was trained."""

    model: ModelSettings
    class_names: list[str]
    parameters: list[np.ndarray]
    step: int = 0
    epoch: float = 0.0
    training: TrainingSettings | None = None

    @classmethod
    def of(cls, trainer, class_names) -> ModelFile:
        """What a trainer holds now (copies of its parameters), with the classes' names."""
        parameters = [p.data.copy() for p in trainer.model.parameters()]
        return cls(trainer.model_settings, list(class_names), parameters, trainer.steps, trainer.epoch,
                   trainer.training)

    def settings_dict(self) -> dict:
        doc = {"format": FORMAT, "model": self.model.to_dict(), "classes": list(self.class_names),
               "step": int(self.step), "epoch": float(self.epoch)}
        if self.training is not None:
            doc["training"] = self.training.to_dict()
        return doc

    def arrays(self) -> dict[str, np.ndarray]:
        names = parameter_names(len(self.parameters) // 2)
        return dict(zip(names, self.parameters))


def parameter_names(n_layers: int) -> list[str]:
    """['W1', 'b1', ..., 'Wn', 'bn']."""
    return [f"{kind}{i}" for i in range(1, n_layers + 1) for kind in "Wb"]


def parameter_shapes(model: ModelSettings, n_classes: int) -> list[tuple[str, tuple[int, int]]]:
    """(name, shape) of every parameter of this architecture, in the trainer's order."""
    sizes = [len(model.features), *model.layers, n_classes]
    shapes = []
    for i, (fan_in, fan_out) in enumerate(zip(sizes[:-1], sizes[1:]), start=1):
        shapes += [(f"W{i}", (fan_out, fan_in)), (f"b{i}", (fan_out, 1))]
    return shapes


def save(path, model_file: ModelFile) -> None:
    """Write the model file atomically; raises ModelFileError ``cannot_save``."""
    write_npz(path, model_file.arrays(), model_file.settings_dict())


def load(path, n_classes: int | None = None) -> ModelFile:
    """Read and check a model file (for ``n_classes`` classes, if given); raises ModelFileError."""
    arrays, doc = read_npz(path)
    loaded = from_parts(arrays, doc)
    if n_classes is not None and len(loaded.class_names) != n_classes:
        raise ModelFileError("classes", "model_class_count", found=len(loaded.class_names), count=n_classes)
    return loaded


def from_parts(arrays: dict[str, np.ndarray], doc: dict, expected_format: str = FORMAT) -> ModelFile:
    """Check a settings document and its arrays and build the ModelFile they describe."""
    if not isinstance(doc, dict) or doc.get("format") != expected_format:
        raise ModelFileError("format", "wrong_format", expected=expected_format,
                             found=doc.get("format") if isinstance(doc, dict) else doc)
    model = _settings(ModelSettings, doc.get("model"), "model")
    training = _settings(TrainingSettings, doc["training"], "training") if "training" in doc else None
    try:
        names = check_class_names(doc.get("classes"))
    except ScenarioError as error:
        raise ModelFileError(error.field, error.code, **error.params) from None
    step, epoch = doc.get("step", 0), doc.get("epoch", 0.0)
    if isinstance(step, bool) or not isinstance(step, int) or step < 0:
        raise ModelFileError("step", "not_whole", found=step)
    if isinstance(epoch, bool) or not isinstance(epoch, int | float) or not 0 <= epoch < float("inf"):
        raise ModelFileError("epoch", "not_number", found=epoch)
    parameters = []
    for name, shape in parameter_shapes(model, len(names)):
        if name not in arrays:
            raise ModelFileError(name, "model_missing_array")
        array = arrays[name]
        if array.shape != shape or array.dtype.kind != "f":
            raise ModelFileError(name, "model_wrong_shape", shape=shape, actual=array.shape)
        if not np.isfinite(array).all():
            raise ModelFileError(name, "model_not_finite")
        parameters.append(array.astype(np.float32))
    return ModelFile(model, names, parameters, step, float(epoch), training)


def write_npz(path, arrays: dict[str, np.ndarray], doc: dict) -> None:
    """Arrays by name plus ``doc`` as JSON under ``settings``, atomically; raises ModelFileError."""
    contents = {**arrays, SETTINGS_KEY: np.array(json.dumps(doc, ensure_ascii=False))}
    save_atomic(path, lambda file: np.savez(file, **contents), ModelFileError)


def read_npz(path) -> tuple[dict[str, np.ndarray], dict]:
    """The arrays and the settings document of an ``.npz`` file of at most ``MAX_NPZ_BYTES`` (and
    as much unpacked); raises ModelFileError."""
    data = read_bytes(path, ModelFileError, MAX_NPZ_BYTES)
    try:
        loaded = np.load(io.BytesIO(data), allow_pickle=False)
    except (ValueError, EOFError, OSError, zipfile.BadZipFile):
        raise ModelFileError("", "model_not_npz") from None
    if not isinstance(loaded, np.lib.npyio.NpzFile):  # a single .npy array
        raise ModelFileError("", "model_not_npz")
    with loaded:
        members = loaded.zip.infolist()  # a small file may unpack to a huge one: count first
        if len(members) > MAX_ARRAYS or sum(member.file_size for member in members) > MAX_NPZ_BYTES:
            raise ModelFileError("", "file_too_large", path=str(path), megabytes=MAX_NPZ_BYTES // 2**20)
        try:
            arrays = {name: loaded[name] for name in loaded.files}
        except (ValueError, EOFError, OSError, zipfile.BadZipFile):
            raise ModelFileError("", "model_not_npz") from None
    if SETTINGS_KEY not in arrays or arrays[SETTINGS_KEY].dtype.kind != "U" or arrays[SETTINGS_KEY].ndim:
        raise ModelFileError(SETTINGS_KEY, "model_missing_settings")
    text = str(arrays.pop(SETTINGS_KEY))
    check_json_values(text, ModelFileError)
    try:
        doc = json.loads(text)
    except (ValueError, RecursionError):
        raise ModelFileError(SETTINGS_KEY, "model_missing_settings") from None
    return arrays, doc


def _settings(cls, values, section: str):
    """cls(**values), a bad value or field a ModelFileError naming ``section.field``."""
    if not isinstance(values, dict):
        raise ModelFileError(section, "not_a_section", found=values)
    try:
        return cls(**values)
    except SettingsError as error:
        raise ModelFileError(f"{section}.{error.field}", error.code, **error.params) from None
    except TypeError:  # a key the settings do not have
        raise ModelFileError(section, "unknown_field", expected=tuple(cls.__dataclass_fields__)) from None

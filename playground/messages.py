"""The words people read about the engine's data: names, descriptions, summaries, errors.

The engine returns identifiers, numbers and error codes with their values;
this module makes the words. Every template is written in English and wrapped in
``QT_TRANSLATE_NOOP(context, text)``, the marker pyside6-lupdate collects; it is
looked up with ``translated(context, template)`` when it is shown, before
``.format`` -- never building a sentence from pieces. No Qt here: the command
line shows the same texts, in English (``translated`` is the identity there);
the window calls ``set_translator(QCoreApplication.translate)`` once Qt is up,
so the same calls speak the interface's language.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable

from engine.errors import one_line
from engine.monitor import STALL_STEPS


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for translation in ``context`` (lupdate looks for this name); returns it unchanged."""
    return text


def untranslated(context: str, text: str) -> str:
    """The English itself: the lookup of the command line (and of code the app writes)."""
    return text


_translator: Callable[[str, str], str] = untranslated


def set_translator(translate: Callable[[str, str], str] | None) -> None:
    """Look marked texts up with ``translate(context, text)`` from now on (None: English again)."""
    global _translator
    _translator = translate or untranslated


def translated(context: str, text: str) -> str:
    """``text``, a string marked with QT_TRANSLATE_NOOP in ``context``, in the interface's language.
    (Not named ``translate``: lupdate would take every call for a new string.)"""
    return _translator(context, text)


def named(table: dict[str, str], context: str) -> dict[str, str]:
    """A table of marked names (``DATASETS``, ``LOSSES``...) in the interface's language."""
    return {key: translated(context, text) for key, text in table.items()}


# ------------------------------------------------------------------ names
DATASETS = {
    "xor": QT_TRANSLATE_NOOP("Datasets", "XOR"),
    "circles": QT_TRANSLATE_NOOP("Datasets", "Circles"),
    "moons": QT_TRANSLATE_NOOP("Datasets", "Moons"),
    "spiral": QT_TRANSLATE_NOOP("Datasets", "Spiral"),
    "gaussians": QT_TRANSLATE_NOOP("Datasets", "Gaussian blobs"),
    "linear": QT_TRANSLATE_NOOP("Datasets", "Linearly separable"),
    "checkerboard": QT_TRANSLATE_NOOP("Datasets", "Checkerboard"),
}

DATASET_DESCRIPTIONS = {
    "xor": QT_TRANSLATE_NOOP("Datasets", "four quadrants, opposite corners share a class"),
    "circles": QT_TRANSLATE_NOOP("Datasets", "concentric rings"),
    "moons": QT_TRANSLATE_NOOP("Datasets", "two interleaving half circles"),
    "spiral": QT_TRANSLATE_NOOP("Datasets", "interleaved spiral arms"),
    "gaussians": QT_TRANSLATE_NOOP("Datasets", "round blobs"),
    "linear": QT_TRANSLATE_NOOP("Datasets", "parallel bands, separable by lines"),
    "checkerboard": QT_TRANSLATE_NOOP("Datasets", "a 4 x 4 board"),
}

ACTIVATIONS = {
    "relu": QT_TRANSLATE_NOOP("Activations", "ReLU"),
    "tanh": QT_TRANSLATE_NOOP("Activations", "tanh"),
    "sigmoid": QT_TRANSLATE_NOOP("Activations", "sigmoid"),
    "leaky_relu": QT_TRANSLATE_NOOP("Activations", "Leaky ReLU"),
    "linear": QT_TRANSLATE_NOOP("Activations", "linear (none)"),
}

LOSSES = {
    "cross_entropy": QT_TRANSLATE_NOOP("Losses", "Softmax cross-entropy"),
    "hinge": QT_TRANSLATE_NOOP("Losses", "Hinge (multiclass SVM)"),
    "mse": QT_TRANSLATE_NOOP("Losses", "Squared error"),
}

OPTIMIZERS = {
    "sgd": QT_TRANSLATE_NOOP("Optimizers", "SGD"),
    "momentum": QT_TRANSLATE_NOOP("Optimizers", "SGD + momentum"),
    "adam": QT_TRANSLATE_NOOP("Optimizers", "Adam"),
}

# An activation as the one-line summaries name it (as its key, in English).
ACTIVATION_WORDS = {
    "relu": QT_TRANSLATE_NOOP("Model", "relu"),
    "tanh": QT_TRANSLATE_NOOP("Model", "tanh"),
    "sigmoid": QT_TRANSLATE_NOOP("Model", "sigmoid"),
    "leaky_relu": QT_TRANSLATE_NOOP("Model", "leaky_relu"),
    "linear": QT_TRANSLATE_NOOP("Model", "linear"),
}

# Mathematical notation, the same in every language.
ACTIVATION_SYMBOLS = {"relu": "ReLU", "tanh": "tanh", "sigmoid": "\u03c3", "leaky_relu": "LReLU",
                      "linear": "id"}
FEATURE_LABELS = {
    "x1": "x\u2081", "x2": "x\u2082", "x1^2": "x\u2081\u00b2", "x2^2": "x\u2082\u00b2",
    "x1x2": "x\u2081x\u2082", "sin_x1": "sin \u03c0x\u2081", "sin_x2": "sin \u03c0x\u2082",
    "r": "r", "theta": "\u03b8",
}


# ------------------------------------------------------------ summaries
def model_summary(info, translate: Callable[[str, str], str] | None = None) -> str:
    """One line for a ``ModelInfo``: '2-8-8-2 MLP, tanh, 114 parameters'; ``translate``: how the
    words are looked up (default ``translated``, the interface's language)."""
    translate = translate or translated
    sizes = "-".join(str(n) for n in info.sizes)
    if info.kind == "linear":
        template = QT_TRANSLATE_NOOP("Model", "{sizes} linear classifier, {parameters} parameters")
    else:
        template = QT_TRANSLATE_NOOP("Model", "{sizes} MLP, {activation}, {parameters} parameters")
    return translate("Model", template).format(
        sizes=sizes, activation=translate("Model", ACTIVATION_WORDS[info.activation]),
        parameters=info.parameters)


def divergence(stats, learning_rate: float) -> str:
    """What happened and what to do, for ``StepStats`` that say training diverged (the hard stop:
    ``stats.exploded_loss`` passed ``stats.loss_limit``, set relative to where the run started)."""
    loss = stats.exploded_loss
    if math.isnan(loss):
        template = QT_TRANSLATE_NOOP("Training", "The loss became not a number at step {step}.")
    elif math.isinf(loss):
        template = QT_TRANSLATE_NOOP("Training", "The loss became infinite at step {step}.")
    else:
        template = QT_TRANSLATE_NOOP("Training", "The loss exploded to {loss:.3g} at step {step}, past "
                                                 "this run's limit of {limit:.3g}.")
    remedy = QT_TRANSLATE_NOOP("Training", "The learning rate ({rate:g}) is too high: lower it, then "
                                           "press Play to go on from the last good weights, or Reset to "
                                           "start again.")
    what = translated("Training", template).format(step=stats.step, loss=loss, limit=stats.loss_limit)
    return " ".join((what, translated("Training", remedy).format(rate=learning_rate)))


MOSTLY = 0.5  # "most units of a layer": dead or saturated
SMALL_WEIGHTS = 0.1  # a layer's |W| below this, with a penalty on: the penalty has crushed it


def training_advice(stats, info, training) -> str:
    """One line on why training is failing and the usual remedy, or "" when nothing is wrong.

    Reads ``StepStats`` (unstable, stalled, the layers' dead and saturated fractions), the
    ``ModelInfo`` and the ``TrainingSettings``. A diverged run gets none: the divergence
    message says it all.
    """
    template, values = _advice(stats, info, training)
    return translated("Advice", template).format(**values) if template else ""


def _advice(stats, info, training) -> tuple[str, dict]:
    """The advice's template and its values, or ("", {})."""
    if stats.diverged:
        return "", {}
    if math.isnan(stats.train_loss):
        return QT_TRANSLATE_NOOP("Advice", "There are no training points to learn from: add some to the "
                                           "plane (test points are not trained on)."), {}
    if stats.unstable:
        return QT_TRANSLATE_NOOP(
            "Advice", "The learning rate ({rate:g}) is too high: from step {step} the loss climbed or swung "
                      "up and down instead of falling. Lower it."), dict(rate=training.learning_rate,
                                                                        step=stats.unstable_step)
    dead = _worst(stats.layers, "dead_fraction")
    if dead is not None:
        return QT_TRANSLATE_NOOP(
            "Advice", "{percent:.0f}% of the ReLU units in layer {layer} are dead (0 for every point), so "
                      "they no longer learn. Lower the learning rate and press Reset, or use leaky ReLU.",
        ), dict(percent=100 * dead.dead_fraction, layer=dead.index)
    if not stats.stalled:
        return "", {}
    if info.kind == "linear":
        return QT_TRANSLATE_NOOP(
            "Advice", "A linear classifier draws one straight line: it cannot separate these classes "
                      "better. Add a hidden layer, or input features such as x₁x₂ or x₁², x₂²."), {}
    if info.activation == "linear":
        return QT_TRANSLATE_NOOP(
            "Advice", "With the linear activation the network is still one straight line (W₂(W₁x) is "
                      "linear). Choose a non-linear activation such as tanh or ReLU."), {}
    if (training.l1 or training.l2) and min(layer.weight_norm for layer in stats.layers) < SMALL_WEIGHTS:
        return QT_TRANSLATE_NOOP(
            "Advice", "The loss is stuck: the penalty (L1 {l1:g}, L2 {l2:g}) keeps the weights too small "
                      "to fit the points. Lower it."), dict(l1=training.l1, l2=training.l2)
    saturated = _worst(stats.layers, "saturated_fraction")
    if saturated is not None:
        return QT_TRANSLATE_NOOP(
            "Advice", "The loss is stuck: most {activation} units in layer {layer} are saturated (flat), so "
                      "little gradient gets through. Lower the learning rate and press Reset, or use ReLU.",
        ), dict(activation=translated("Model", ACTIVATION_WORDS[saturated.activation]), layer=saturated.index)
    if info.activation == "sigmoid":
        return QT_TRANSLATE_NOOP(
            "Advice", "The loss is stuck: sigmoid passes back at most a quarter of the gradient through "
                      "each layer, so deep sigmoid networks learn slowly. Use tanh or ReLU, or Adam."), {}
    return QT_TRANSLATE_NOOP(
        "Advice", "The loss has not improved for {steps} steps. Try a higher learning rate, Adam, or more "
                  "neurons."), dict(steps=STALL_STEPS)


def _worst(layers, fraction: str):
    """The hidden layer with the largest ``fraction`` if at least ``MOSTLY`` (NaN never is), else None."""
    hidden = [layer for layer in layers[:-1] if getattr(layer, fraction) >= MOSTLY]
    return max(hidden, key=lambda layer: getattr(layer, fraction), default=None)


# --------------------------------------------------------------- errors
# Templates for SettingsError and ScenarioError codes. Params named found... hold what the
# user gave (shown JSON-style by ``shown``); a tuple param is listed with commas.
ERRORS = {
    # settings
    "not_whole": QT_TRANSLATE_NOOP("Errors", "must be a whole number, not {found}"),
    "not_number": QT_TRANSLATE_NOOP("Errors", "must be a number, not {found}"),
    "not_finite": QT_TRANSLATE_NOOP("Errors", "must be a finite number, not {value}"),
    "outside_whole_range": QT_TRANSLATE_NOOP("Errors", "must be between {low} and {high}, not {value}"),
    "outside_range": QT_TRANSLATE_NOOP("Errors", "must be at least {low:g} and at most {high:g}, "
                                                 "not {value:g}"),
    "outside_open_range": QT_TRANSLATE_NOOP("Errors", "must be above {low:g} and at most {high:g}, "
                                                      "not {value:g}"),
    "not_one_of": QT_TRANSLATE_NOOP("Errors", "must be one of {choices}, not {found}"),
    "fixed_class_count": QT_TRANSLATE_NOOP("Errors", "{dataset} makes {count} classes, not {value}"),
    "class_count_range": QT_TRANSLATE_NOOP("Errors", "{dataset} makes {low}-{high} classes, not {value}"),
    "not_width_list": QT_TRANSLATE_NOOP("Errors", "must be a list of layer widths, not {found}"),
    "too_many_layers": QT_TRANSLATE_NOOP("Errors", "at most {most} hidden layers, not {count}"),
    "not_feature_list": QT_TRANSLATE_NOOP("Errors", "must be a list of feature names, not {found}"),
    "no_features": QT_TRANSLATE_NOOP("Errors", "choose at least one input feature"),
    "unknown_feature": QT_TRANSLATE_NOOP("Errors", "unknown feature {found}; choose from {choices}"),
    "repeated_feature": QT_TRANSLATE_NOOP("Errors", "each feature may be chosen once"),
    # the scenario file as a whole
    "not_an_object": QT_TRANSLATE_NOOP("Errors", "the file must hold a JSON object, not {found}"),
    "missing_format": QT_TRANSLATE_NOOP("Errors", "missing — is this a Decision Playground scenario?"),
    "wrong_format": QT_TRANSLATE_NOOP("Errors", 'expected "{expected}", got {found}'),
    "text_too_large": QT_TRANSLATE_NOOP("Errors", "too large (over {megabytes} MB)"),
    "file_too_large": QT_TRANSLATE_NOOP("Errors", "{path} is too large (over {megabytes} MB)"),
    "empty_file": QT_TRANSLATE_NOOP("Errors", "empty file"),
    "not_json": QT_TRANSLATE_NOOP("Errors", "not valid JSON: line {line} column {column}: {reason}"),
    "nested_too_deeply": QT_TRANSLATE_NOOP("Errors", "the file is nested too deeply"),
    "not_utf8": QT_TRANSLATE_NOOP("Errors", "not UTF-8 text (bad byte at offset {offset})"),
    "cannot_read": QT_TRANSLATE_NOOP("Errors", "cannot read {path}: {reason}"),
    "not_a_file": QT_TRANSLATE_NOOP("Errors", "{path} is not a regular file (a folder, a pipe or a device "
                                              "cannot be opened)"),
    "too_many_values": QT_TRANSLATE_NOOP("Errors", "too many values (over {most}): a file holds at most "
                                                   "{points} points"),
    "cannot_save": QT_TRANSLATE_NOOP("Errors", "cannot save {path}: {reason}"),
    "read_only_file": QT_TRANSLATE_NOOP("Errors", "{path} is read-only, so it was left as it is: save under "
                                                  "another name, or make the file writable first"),
    # the scenario's fields
    "unknown_field": QT_TRANSLATE_NOOP("Errors", "unknown field (expected one of {expected})"),
    "not_a_section": QT_TRANSLATE_NOOP("Errors", "must be an object {{...}}, not {found}"),
    "not_a_name": QT_TRANSLATE_NOOP("Errors", "must be a name, not {found}"),
    "bad_title": QT_TRANSLATE_NOOP("Errors", "must be text of at most {most} characters"),
    "not_unicode_text": QT_TRANSLATE_NOOP("Errors", "holds a character that is not Unicode text (a lone "
                                                    "surrogate such as \\ud800)"),
    "not_a_name_list": QT_TRANSLATE_NOOP("Errors", "must be a list of 2 to {most} names"),
    "too_few_class_names": QT_TRANSLATE_NOOP("Errors", "names {count} classes but data.classes is {classes}"),
    "bad_class_name": QT_TRANSLATE_NOOP("Errors", "must be a name of 1 to {most} characters, not {found}"),
    "class_name_twice": QT_TRANSLATE_NOOP("Errors", "{found} is used twice"),
    "not_a_point_list": QT_TRANSLATE_NOOP("Errors", "must be a list of [x, y, class], not {found}"),
    "too_many_points": QT_TRANSLATE_NOOP("Errors", "at most {most} points, not {count}"),
    "not_a_point": QT_TRANSLATE_NOOP("Errors", "must be three finite numbers [x, y, class]"),
    "point_off_the_plane": QT_TRANSLATE_NOOP("Errors", "x and y must be finite and between -{limit:g} and "
                                                       "{limit:g}, not [{found_x}, {found_y}]"),
    "class_not_whole": QT_TRANSLATE_NOOP("Errors", "the class must be a whole number, not {found}"),
    "class_out_of_range": QT_TRANSLATE_NOOP("Errors", "class {label} is out of range 0..{high}"),
    "not_an_index_list": QT_TRANSLATE_NOOP("Errors", "must be a list of point indices, not {found}"),
    "not_a_point_index": QT_TRANSLATE_NOOP("Errors", "must index one of the {count} points, not {found}"),
    "test_point_twice": QT_TRANSLATE_NOOP("Errors", "point {index} is listed twice"),
    "test_without_points": QT_TRANSLATE_NOOP("Errors", 'given without "points"'),
    # a scenario's lesson (engine.lesson)
    "lesson_without_title": QT_TRANSLATE_NOOP("Errors", 'missing: a lesson needs a title, such as '
                                                        '{{"en": "…", "ko": "…"}}'),
    "not_a_text_table": QT_TRANSLATE_NOOP("Errors", 'must be an object of language: text, such as '
                                                    '{{"en": "…", "ko": "…"}}, not {found}'),
    "bad_language": QT_TRANSLATE_NOOP("Errors", "must be a language code such as en or ko"),
    "bad_lesson_text": QT_TRANSLATE_NOOP("Errors", "must be text of 1 to {most} characters, not {found}"),
    "not_a_view_list": QT_TRANSLATE_NOOP("Errors", "must be a list of at most {most} view names, "
                                                   "not {found}"),
    "bad_view_key": QT_TRANSLATE_NOOP("Errors", "must be a view name such as network or gradients, "
                                                "not {found}"),
    "view_twice": QT_TRANSLATE_NOOP("Errors", "{found} is listed twice"),
    "no_outcome": QT_TRANSLATE_NOOP("Errors", "name at least one outcome: {choices}"),
    "no_bound": QT_TRANSLATE_NOOP("Errors", "give at least one bound: {choices}"),
    "not_finite_number": QT_TRANSLATE_NOOP("Errors", "must be a finite number, not {found}"),
    "gradients_without_explorer": QT_TRANSLATE_NOOP("Errors", 'given without "explorer"'),
    "no_gradients": QT_TRANSLATE_NOOP("Errors", "name the gradient of at least one of {choices}"),
    # points from a CSV file (engine.csv_points)
    "csv_no_points": QT_TRANSLATE_NOOP("Errors", "no points: expected a header line x,y,label,split "
                                                 "and then one point a line"),
    "csv_bad_header": QT_TRANSLATE_NOOP("Errors", "line {line}: the first line must name the columns "
                                                  "{expected} (split may be left out)"),
    "csv_wrong_columns": QT_TRANSLATE_NOOP("Errors", "line {line}: expected the columns {columns}, "
                                                     "found {count} values"),
    "csv_too_many_points": QT_TRANSLATE_NOOP("Errors", "line {line}: at most {most} points"),
    "csv_not_a_number": QT_TRANSLATE_NOOP("Errors", "line {line}: {column} must be a number, not {found}"),
    "csv_off_the_plane": QT_TRANSLATE_NOOP("Errors", "line {line}: {column} must be finite and between "
                                                     "-{limit:g} and {limit:g}, not {found}"),
    "csv_bad_label": QT_TRANSLATE_NOOP("Errors", "line {line}: the label must be a class name of 1 to "
                                                 "{most} characters or a class number, not {found}"),
    "csv_bad_split": QT_TRANSLATE_NOOP("Errors", 'line {line}: split must be "train", "test" or empty, '
                                                 "not {found}"),
    "csv_class_out_of_range": QT_TRANSLATE_NOOP("Errors", "line {line}: class {label} is out of range "
                                                          "0..{high}"),
    "csv_too_many_classes": QT_TRANSLATE_NOOP("Errors", "line {line}: {found} would be a class too many "
                                                        "(at most {most})"),
    # model and autosave files (engine.model_file, engine.snapshot)
    "model_not_npz": QT_TRANSLATE_NOOP("Errors", "not a NumPy .npz file"),
    "model_missing_settings": QT_TRANSLATE_NOOP("Errors", "missing or damaged — is this a Decision "
                                                          "Playground model file?"),
    "model_missing_array": QT_TRANSLATE_NOOP("Errors", "missing from the file"),
    "model_wrong_shape": QT_TRANSLATE_NOOP("Errors", "must be an array of shape ({shape}), not ({actual})"),
    "model_not_finite": QT_TRANSLATE_NOOP("Errors", "holds a number that is not finite"),
    "model_class_count": QT_TRANSLATE_NOOP("Errors", "the model is for {found} classes but the points "
                                                     "have {count}"),
}

MAX_SHOWN = 40     # characters of a value quoted from the user's input
MAX_MESSAGE = 300  # characters of what is wrong, after the field


def message(error, field: str | None = None, templates: dict[str, str] = ERRORS) -> str:
    """One line for people from a SettingsError or ScenarioError: 'field: what is wrong'.

    ``field`` replaces the error's own (the command line names its option instead);
    an error about the whole file has no field, only the text. ``templates``: the
    table of another family of errors (the backprop explorer's formulas).
    """
    params = {name: _param(name, value) for name, value in error.params.items()}
    text = one_line(translated("Errors", templates[error.code]).format(**params), MAX_MESSAGE)
    where = error.field if field is None else field
    return f"{where}: {text}" if where else text


def shown(value) -> str:
    """A value from the user's input, short, printable and as JSON writes it: '"v2"', '1e+300',
    'a list'. Every message that quotes what a person typed or a file held quotes it through this."""
    if isinstance(value, list | tuple):
        return translated("Errors", QT_TRANSLATE_NOOP("Errors", "a list"))
    if isinstance(value, dict):
        return translated("Errors", QT_TRANSLATE_NOOP("Errors", "an object"))
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        text = repr(value)
    text = text.encode("utf-8", "backslashreplace").decode("utf-8")  # a lone surrogate as \ud800
    return one_line(text, MAX_SHOWN)


def _param(name: str, value):
    """A param as its template takes it: what the user gave (``found...``, a whole ``value``
    of any length) quoted by ``shown``, a tuple listed with commas, anything else as it is."""
    if name.startswith("found") or (name == "value" and type(value) is int):
        return shown(value)
    return ", ".join(map(str, value)) if isinstance(value, tuple) else value

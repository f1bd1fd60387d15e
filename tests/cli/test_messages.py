"""The words people read: every engine error code has its English, and it reads well."""

import ast
import json
import math
from pathlib import Path
from types import SimpleNamespace

import pytest

from engine.activations import ACTIVATIONS
from engine.datasets import DATASETS
from engine.features import FEATURES
from engine.losses import LOSSES
from engine.nn import MLP
from engine.optim import OPTIMIZERS
from engine.scenario import FORMAT, ScenarioError, loads
from engine.settings import ModelSettings, SettingsError
from playground import messages
from playground.messages import message, model_summary
from playground.model_info import ModelInfo

ENGINE = Path(__file__).parents[2] / "engine"


def raised_codes() -> set[str]:
    """Every code the engine's sources give a coded error (a literal, by rule); ``error_type`` is
    the class a helper is given (``read_text``, ``save_atomic``)."""
    codes = set()
    for source in ENGINE.glob("*.py"):
        for node in ast.walk(ast.parse(source.read_text())):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") in (
                    "SettingsError", "ScenarioError", "LessonError", "CsvError", "ModelFileError",
                    "error_type"):
                code = node.args[1]
                if isinstance(code, ast.Attribute):  # passing on another error's code
                    continue
                branches = [code.body, code.orelse] if isinstance(code, ast.IfExp) else [code]
                for branch in branches:
                    assert isinstance(branch, ast.Constant), f"{source.name}:{node.lineno}: give a literal"
                    codes.add(branch.value)
    return codes


def test_every_error_code_has_one_template_and_no_template_is_unused():
    assert raised_codes() == set(messages.ERRORS)


def error_from(text: str) -> ScenarioError:
    with pytest.raises(ScenarioError) as caught:
        loads(text)
    return caught.value


def doc(**changes) -> str:
    return json.dumps({"format": FORMAT, **changes})


@pytest.mark.parametrize("text, expected", [
    ("", "empty file"),
    ("{\n\n  \"format\": }", "not valid JSON: line 3 column 13: Expecting value"),
    ("[1]", "the file must hold a JSON object, not a list"),
    ("[" * 100_000, "the file is nested too deeply"),
    ("{}", "format: missing — is this a Decision Playground scenario?"),
    (json.dumps({"format": "v2"}), 'format: expected "decision-playground/1", got "v2"'),
    (doc(points=[[0.1, 0.2]]), "points[0]: must be three finite numbers [x, y, class]"),
    (doc(model={"hiden": [8]}),
     "model.hiden: unknown field (expected one of kind, hidden, activation, features)"),
    (doc(training={"learning_rate": -1}),
     "training.learning_rate: must be above 0 and at most 1e+06, not -1"),
    (doc(model={"hidden": [8, 100]}), "model.hidden: must be between 1 and 64, not 100"),
    (doc(model={"hidden": "8,8"}), 'model.hidden: must be a list of layer widths, not "8,8"'),
    (doc(data={"classes": 3}), "data.classes: xor makes 2 classes, not 3"),
    (doc(data={"dataset": "spiral", "classes": 1}), "data.classes: must be between 2 and 5, not 1"),
    (doc(points=[[1e9, 0.2, 1]]), "points[0]: x and y must be finite and between -1000 and 1000, not "
                                  "[1000000000.0, 0.2]"),
    (doc(points=[[0, 0, 0]], test=[0, 0]), "test[1]: point 0 is listed twice"),
    (doc(classes=["A", "A"]), 'classes[1]: "A" is used twice'),
    (doc(model=[8]), "model: must be an object {...}, not a list"),
    (doc(seed=5e9), "seed: must be a whole number, not 5000000000.0"),
    (doc(seed=5_000_000_000), "seed: must be between 0 and 4294967295, not 5000000000"),
    (doc(lesson={"caption": {"en": "Hi."}}),
     'lesson.title: missing: a lesson needs a title, such as {"en": "…", "ko": "…"}'),
    (doc(lesson={"title": "XOR"}),
     'lesson.title: must be an object of language: text, such as {"en": "…", "ko": "…"}, not "XOR"'),
    (doc(lesson={"title": {"en": "A"}, "show": ["Network"]}),
     'lesson.show[0]: must be a view name such as network or gradients, not "Network"'),
    (doc(lesson={"title": {"en": "A"}, "expect": {"steps": 10, "train_acc": {"at_least": 1}}}),
     "lesson.expect.train_acc: unknown field (expected one of steps, train_loss, train_accuracy, test_loss, "
     "test_accuracy, start_gradient_ratio, gradients)"),
    (doc(lesson={"title": {"en": "A"}, "expect": {"test_loss": {"above": "test_loss"}}}),
     'lesson.expect.test_loss.above: must be one of train_loss, train_accuracy, test_accuracy, '
     'start_gradient_ratio, not "test_loss"'),
])
def test_messages_read_well(text, expected):
    assert message(error_from(text)) == expected


def test_an_option_can_stand_for_the_field():
    with pytest.raises(SettingsError) as caught:
        ModelSettings(features=("x1", "zz"))
    assert message(caught.value, field="--features").startswith(
        '--features: unknown feature "zz"; choose from x1, x2, x1^2')


def test_a_message_stays_on_one_short_line():
    error = error_from(json.dumps({"format": FORMAT, "model": {"a\nb" * 1000: 1}}))
    text = message(error)
    assert "\n" not in text and len(text) < 400
    long_name = error_from(doc(classes=["x" * 5000, "B"]))
    assert message(long_name).endswith('not "' + "x" * (messages.MAX_SHOWN - 2) + "…")


def test_os_reasons_pass_through():
    error = ScenarioError("", "cannot_save", path="/tmp/x.json", reason="No space left on device")
    assert message(error) == "cannot save /tmp/x.json: No space left on device"


@pytest.mark.parametrize("names, table", [
    (messages.DATASETS, DATASETS), (messages.DATASET_DESCRIPTIONS, DATASETS),
    (messages.ACTIVATIONS, ACTIVATIONS), (messages.LOSSES, LOSSES), (messages.OPTIMIZERS, OPTIMIZERS),
    (messages.FEATURE_LABELS, FEATURES),
])
def test_every_engine_name_has_words(names, table):
    assert list(names) == list(table) and all(names.values())


def test_model_summary():
    assert model_summary(ModelInfo.of(MLP(2, [], 3))) == "2-3 linear classifier, 9 parameters"
    assert model_summary(ModelInfo.of(MLP(2, [8, 8], 2))) == "2-8-8-2 MLP, tanh, 114 parameters"
    assert model_summary(ModelInfo((3, 4, 2), "relu", 26)) == "3-4-2 MLP, relu, 26 parameters"


@pytest.mark.parametrize("loss, words", [
    (math.nan, "The loss became not a number at step 7."), (math.inf, "The loss became infinite at step 7."),
    (2e5, "The loss exploded to 2e+05 at step 7, past this run's limit of 70.7."),
])
def test_divergence_says_what_happened_and_what_to_do(loss, words):
    stats = SimpleNamespace(step=7, exploded_loss=loss, loss_limit=70.66, train_loss=0.7)  # what it reads
    text = messages.divergence(stats, learning_rate=30)
    assert text.startswith(words)
    assert text.endswith("The learning rate (30) is too high: lower it, then press Play to go on from the "
                         "last good weights, or Reset to start again.")

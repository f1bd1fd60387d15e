"""The command line's files besides the scenario: CSV points in and out, a model in and out,
a PyTorch script out (the formats: ``engine.csv_points``, ``engine.model_file``,
``engine.torch_export``).

    --csv FILE.csv            train and render: the points and classes from a CSV file
    --load-model FILE.npz     train: start from a trained model; its model settings are used
    --save-model FILE.npz     train: the trained model, afterwards
    --export-torch FILE.py    train: the trained model as a PyTorch script, afterwards
    --export-csv FILE.csv     train: the points as CSV

A file that cannot be read or written is a ``playground.cli.UsageError``: one line, exit code 2.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from engine import csv_points, model_file, torch_export
from engine.errors import CodedError
from engine.scenario import Scenario
from engine.trainer import Trainer
from playground.messages import message, model_summary
from playground.model_info import ModelInfo
from playground.points_state import data_for_classes

MODEL_OPTIONS = {"kind": "--model", "hidden": "--hidden", "activation": "--activation",
                 "features": "--features"}


def add_input_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--csv", metavar="FILE.csv", type=file_name,
                        help="the points from a CSV file (columns x,y,label[,split]) instead of the "
                             "scenario's")


def add_train_options(parser: argparse.ArgumentParser) -> None:
    files = parser.add_argument_group("model and point files")
    files.add_argument("--load-model", metavar="FILE.npz", type=file_name,
                       help="start from a trained model saved by --save-model or the window (its model "
                            "settings are used)")
    files.add_argument("--save-model", metavar="FILE.npz", type=file_name, help="save the trained model")
    files.add_argument("--export-torch", metavar="FILE.py", type=file_name,
                       help="save the trained model as a runnable PyTorch script")
    files.add_argument("--export-csv", metavar="FILE.csv", type=file_name, help="save the points as CSV")


def file_name(text: str) -> str:
    """A file option's value (argparse ``type``): an empty name is an error, not the default."""
    if not text.strip():
        raise argparse.ArgumentTypeError("the file name is empty")
    return text


def with_csv_points(args: argparse.Namespace, scenario: Scenario) -> Scenario:
    """The scenario with the points and classes of ``--csv``, if given."""
    if not args.csv:
        return scenario
    loaded = _checked("--csv", csv_points.load, args.csv, scenario.class_names)
    scenario.points, scenario.labels, scenario.is_test = loaded.points, loaded.labels, loaded.is_test
    scenario.class_names = loaded.class_names
    scenario.settings = scenario.settings.replace(data=data_for_classes(scenario.settings.data,
                                                                        loaded.class_names))
    scenario.title = scenario.title or Path(args.csv).name
    return scenario


def trainer_for(args: argparse.Namespace, scenario: Scenario) -> Trainer:
    """The scenario's trainer, with the weights, step and model settings of ``--load-model`` if given."""
    if not args.load_model:
        return Trainer.for_scenario(scenario)
    loaded = _checked("--load-model", model_file.load, args.load_model, scenario.n_classes)
    for name, option in MODEL_OPTIONS.items():
        given, held = getattr(args, name), getattr(loaded.model, name)
        if given is not None and given != held:
            held = ",".join(map(str, held)) if isinstance(held, tuple) else held
            raise _usage_error(f"{option}: the model file has {held}; leave {option} out to use it")
    scenario.settings = scenario.settings.replace(model=loaded.model)
    trainer = Trainer.for_scenario(scenario)
    trainer.set_parameters(loaded.parameters, loaded.step, loaded.epoch)
    return trainer


def write_outputs(args: argparse.Namespace, trainer: Trainer, scenario: Scenario) -> list[str]:
    """Write the files asked for; returns a line for each ('saved model.npz')."""
    s, written = scenario, []
    model = model_file.ModelFile.of(trainer, s.class_names)
    if args.save_model:
        _checked("--save-model", model_file.save, args.save_model, model)
        written.append(args.save_model)
    if args.export_torch:
        summary = model_summary(ModelInfo.of(trainer.model))
        _checked("--export-torch", torch_export.save, args.export_torch, model, s.points, s.labels,
                 s.is_test, summary)
        written.append(args.export_torch)
    if args.export_csv:
        _checked("--export-csv", csv_points.save, args.export_csv, s.points, s.labels, s.is_test,
                 s.class_names)
        written.append(args.export_csv)
    return [f"saved {path}" for path in written]


def _checked(option: str, do, path: str, *args):
    """do(path, *args), a coded error as a UsageError naming the option."""
    try:
        return do(path, *args)
    except CodedError as error:
        raise _usage_error(f"{option}: {message(error)}") from None


def _usage_error(text: str) -> Exception:
    from playground.cli import UsageError  # here: playground.cli imports this module

    return UsageError(text)

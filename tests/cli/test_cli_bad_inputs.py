"""The command line against bad input: one short line on stderr and exit code 2, never a
traceback or a hang; Ctrl+C stops `train` with what it has (exit code 130)."""

from __future__ import annotations

import json
import os
import signal

import numpy as np
import pytest

from engine import model_file
from engine.input_files import MAX_FILE_BYTES
from engine.scenario import FORMAT, Scenario
from engine.settings import MAX_STEPS, Settings
from engine.trainer import Trainer
from playground.cli import INTERRUPTED, build_parser, main

LONG = "9" * 5000
HEAD = '{"format": "' + FORMAT + '"'  # a scenario document's start, for texts json.dumps cannot write


def refused(capsys, *argv: str) -> str:
    """The one line a refused command prints (checked: exit 2, one line, short, no traceback)."""
    assert main(list(argv)) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.count("\n") == 1 and "Traceback" not in captured.err
    assert len(captured.err) < 400
    return captured.err.strip()


# ------------------------------------------------------------------ options
@pytest.mark.parametrize("argv", [
    ["train", "--hidden", LONG], ["train", "--hidden", LONG[:3000]], ["train", "--points", LONG],
    ["train", "--points", LONG[:3000]], ["train", "--lr", "x" * 5000], ["train", "--dataset", "x" * 5000],
    ["render", "--out", "x.png", "--size", LONG], ["render", "--out", "x.png", "--size", f"{LONG}x9"],
    ["render", "--out", "x.png", "--view", "x" * 5000], ["render", "--out", "x" * 5000],
    ["train", "--" + "x" * 5000], ["backprop", "--model", "--point", LONG[:3000]],
    ["render", "--out", "x.png", "--axes", "x" * 5000],
])
def test_a_long_value_is_quoted_back_shortened(capsys, argv):
    """A 5000-digit --hidden or --size came back whole: a 5-100 KB 'one line'."""
    refused(capsys, *argv)  # one line of under 400 characters


def test_the_shortened_value_keeps_its_start(capsys):
    assert refused(capsys, "train", "--hidden", LONG).endswith(
        'expected layer widths like 8,8, not "99999999999999999999999999999999999999… (see playground train '
        "--help)")


@pytest.mark.parametrize("option", ["--scenario", "--csv", "--load-model", "--save-model", "--export-torch",
                                    "--export-csv"])
def test_an_empty_file_name_is_an_error_not_the_default(capsys, option):
    """`train --scenario ''` silently trained the defaults (exit 0)."""
    assert refused(capsys, "train", option, "") == (f"playground: argument {option}: the file name is empty "
                                                    "(see playground train --help)")


def test_an_empty_file_name_for_the_window_or_a_picture(capsys):
    assert "--scenario: the file name is empty" in refused(capsys, "--scenario", " ")
    assert "--out: the file name is empty" in refused(capsys, "render", "--out", "")


@pytest.mark.parametrize("steps", [str(MAX_STEPS + 1), "100000000", "-1"])
def test_steps_have_a_stated_maximum(capsys, steps):
    assert refused(capsys, "train", "--steps", steps).startswith(
        f"playground: argument --steps: must be between 0 and {MAX_STEPS}, not ")


def test_the_maximum_is_in_the_help():
    train = build_parser()._subparsers._group_actions[0].choices["train"]
    assert f"0 to {MAX_STEPS}" in train.format_help()


# -------------------------------------------------------------------- files
def scenario_file(tmp_path, **doc) -> str:
    path = tmp_path / "s.json"
    path.write_text(json.dumps({"format": FORMAT, **doc}))
    return str(path)


@pytest.mark.skipif(os.name != "posix", reason="FIFOs as on POSIX")
@pytest.mark.timeout(20)  # it waited forever
@pytest.mark.parametrize("option", ["--scenario", "--csv", "--load-model"])
def test_a_fifo_is_refused_not_waited_on(capsys, tmp_path, option):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    assert "is not a regular file" in refused(capsys, "train", option, str(fifo))


@pytest.mark.parametrize("command", [["train"], ["render", "--out", "x.png"]])
def test_a_lone_surrogate_in_a_title_is_refused_not_a_traceback(capsys, tmp_path, command):
    """It made train and render die with a UnicodeEncodeError traceback."""
    path = tmp_path / "s.json"
    path.write_text(HEAD + ', "title": "\\ud800"}')
    assert refused(capsys, *command, "--scenario", str(path)).startswith(
        "playground: title: holds a character that is not Unicode text")


def ten_million_points(path):
    path.write_bytes(HEAD.encode() + b', "points": [' + b"[0,0,0]," * 10_000_000 + b"[0,0,0]]}")


@pytest.mark.parametrize("make, expected", [
    (lambda p: p.write_bytes(b"{}," * 21_000_000), f"is too large (over {MAX_FILE_BYTES // 2**20} MB)"),
    (lambda p: p.write_text(HEAD + ', "points": [[0, NaN, 0]]}'),
     "points[0]: x and y must be finite"),
    (lambda p: p.write_text(HEAD + ', "points": [[Infinity, 0, 0]]}'),
     "points[0]: x and y must be finite"),
    (lambda p: p.write_text(json.dumps({"format": FORMAT, "classes": [f"c{i}" for i in range(5000)]})),
     "classes: must be a list of 2 to 5 names"),
    (ten_million_points, "is too large"),
])
def test_a_bad_scenario_is_one_line(capsys, tmp_path, make, expected):
    path = tmp_path / "bad.json"
    make(path)
    assert expected in refused(capsys, "train", "--scenario", str(path))


@pytest.mark.parametrize("lines, expected", [
    (["x,y,label", "0,nan,A"], "line 2: y must be finite"),
    (["x,y,label", "inf,0,A"], "line 2: x must be finite"),
    (["x,y,label", *(f"0,0,c{i}" for i in range(5000))], "line 7: \"c5\" would be a class too many"),
])
def test_a_bad_csv_is_one_line(capsys, tmp_path, lines, expected):
    path = tmp_path / "bad.csv"
    path.write_text("\n".join(lines))
    assert expected in refused(capsys, "train", "--csv", str(path))


def test_a_csv_of_ten_million_points_is_one_line(capsys, tmp_path):
    path = tmp_path / "huge.csv"
    path.write_bytes(b"x,y,label\n" + b"0,0,0\n" * 10_000_000)
    assert "is too large" in refused(capsys, "train", "--csv", str(path))


def test_a_model_file_with_inf_or_thousands_of_classes_is_one_line(capsys, tmp_path):
    path = tmp_path / "model.npz"
    model = model_file.ModelFile.of(Trainer.for_scenario(Scenario.generate(Settings())), ["A", "B"])
    model.parameters[0][0, 0] = np.inf
    model_file.save(path, model)
    assert "W1: holds a number that is not finite" in refused(capsys, "train", "--load-model", str(path))
    arrays, doc = model_file.read_npz(path)
    model_file.write_npz(path, arrays, {**doc, "classes": [f"c{i}" for i in range(5000)]})
    assert "classes: must be a list of 2 to 5 names" in refused(capsys, "train", "--load-model", str(path))


@pytest.mark.skipif(os.name != "posix", reason="modes as on POSIX")
def test_a_read_only_file_is_not_overwritten(capsys, tmp_path):
    path = tmp_path / "model.npz"
    path.write_text("keep me")
    os.chmod(path, 0o444)
    assert refused(capsys, "train", "--steps", "1", "--save-model", str(path)) == (
        f"playground: --save-model: {path} is read-only, so it was left as it is: save under another "
        "name, or make the file writable first")
    assert path.read_text() == "keep me"


# -------------------------------------------------------------- nothing to train
def test_every_point_held_out_says_there_is_nothing_to_train_on(capsys, tmp_path):
    path = scenario_file(tmp_path, points=[[0, 0, 0], [1, 1, 1]], test=[0, 1])
    assert main(["train", "--scenario", path, "--steps", "5"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1].startswith("step 0: no training points | test loss")
    assert lines[2] == ("nothing to train on: every point is held out for testing (or there are none), so "
                        "none of the 5 steps was taken")
    assert "nan" not in "\n".join(lines)


# --------------------------------------------------------------------- Ctrl+C
@pytest.fixture
def ctrl_c_at_step(monkeypatch):
    """Press Ctrl+C (a real SIGINT to this process) when training reaches step ``n``."""
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)  # as Python starts a program

    def arm(n: int):
        take, batches = Trainer._next_batch, [0]

        def next_batch(trainer):  # the batch of step n + 1: step n is done
            batches[0] += 1
            if batches[0] == n + 1:
                signal.raise_signal(signal.SIGINT)
            return take(trainer)

        monkeypatch.setattr(Trainer, "_next_batch", next_batch)

    yield arm
    signal.signal(signal.SIGINT, previous)


def test_ctrl_c_stops_train_with_the_summary_so_far(capsys, tmp_path, ctrl_c_at_step):
    ctrl_c_at_step(40)
    model = tmp_path / "model.npz"
    assert main(["train", "--steps", "1000000", "--save-model", str(model)]) == INTERRUPTED
    captured = capsys.readouterr()
    out = captured.out.splitlines()
    assert out[1].startswith("step 40: train loss ") and captured.err == ""
    assert out[2] == "interrupted (Ctrl+C) at step 40 of 1000000: the results are those of step 40"
    assert model_file.load(model).step == 40  # what was asked for is written, as it stands


def test_ctrl_c_with_json_keeps_stdout_one_object(capsys, ctrl_c_at_step):
    ctrl_c_at_step(7)
    assert main(["train", "--steps", "1000", "--json"]) == INTERRUPTED
    captured = capsys.readouterr()
    result = json.loads(captured.out)
    assert result["steps"] == 7 and result["interrupted"] is True
    assert captured.err.startswith("playground: interrupted (Ctrl+C) at step 7 of 1000")


@pytest.mark.parametrize("argv", [["backprop", "--model", "--point", "0", "--steps", "1000"]])
def test_ctrl_c_ends_other_commands_quietly(capsys, ctrl_c_at_step, argv):
    ctrl_c_at_step(3)
    assert main(argv) == INTERRUPTED
    assert capsys.readouterr().err == ""

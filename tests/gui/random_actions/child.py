"""One run in a process of its own: a crash (Qt or PySide taking the process down) is then a
failure to report and shrink like any other, and the runs after it still happen.

    python -m random_actions.child REQUEST RESULT      (with tests/gui on the module path)

REQUEST holds a Python literal: {"folder": path, "seed": s, "count": n} for a random run, or
{"folder": path, "steps": [(name, values), ...]} for a replay. RESULT gets {"steps": [(name,
values, description), ...], "failure": (kind, what, detail, step) or None}. A process that
dies first writes no result: ``run_in_child`` then reads the steps from the run's log, and
the failure is a "crash" in the last step begun.
"""

from __future__ import annotations

import ast
import faulthandler
import importlib
import os
import subprocess
import sys
import warnings
from pathlib import Path

from .steps import Step

GUI_TESTS = Path(__file__).resolve().parents[1]  # tests/gui: where ``random_actions`` is a package
CRASH = "the process died"


def main(request_path: str, result_path: str) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    faulthandler.enable()
    warnings.simplefilter("error")  # as the test suite's filterwarnings = error
    from PySide6.QtCore import QStandardPaths
    QStandardPaths.setTestModeEnabled(True)  # settings and app data: never the user's
    from .harness import Harness

    for module in filter(None, os.environ.get("RANDOM_ACTION_MODULES", "").split(",")):
        importlib.import_module(module)  # more actions, for the harness's own tests
    request = ast.literal_eval(Path(request_path).read_text())
    harness = Harness(Path(request["folder"]))
    run = harness.run_random(request["seed"], request["count"]) if "seed" in request \
        else harness.replay(request["steps"])
    f = run.failure
    Path(result_path).write_text(repr({
        "steps": [(s.name, s.values, s.description) for s in run.steps],
        "failure": None if f is None else (f.kind, f.what, f.detail, f.step)}))


def run_in_child(request: dict, timeout: float):
    """Run ``request`` (see the module's docstring) in a new process; its ``harness.Run``."""
    from .harness import LOG, Failure, Run

    if "steps" in request:  # (Steps, or (name, values) pairs)
        request = {**request, "steps": [(s.name, s.values) if isinstance(s, Step) else tuple(s)
                                        for s in request["steps"]]}
    folder = Path(request["folder"])
    folder.mkdir(parents=True, exist_ok=True)
    asked, answer = folder / "request.txt", folder / "result.txt"
    asked.write_text(repr(request))
    answer.unlink(missing_ok=True)
    path = os.pathsep.join([str(GUI_TESTS), os.environ.get("PYTHONPATH", "")])
    process = subprocess.run([sys.executable, "-m", "random_actions.child", str(asked), str(answer)],
                             env={**os.environ, "PYTHONPATH": path}, capture_output=True, text=True,
                             timeout=timeout)
    if answer.exists():
        result = ast.literal_eval(answer.read_text())
        failure = result["failure"]
        return Run([Step(*step) for step in result["steps"]], failure and Failure(*failure))
    steps = steps_in_log(folder / LOG)
    output = "\n".join((process.stdout + process.stderr).strip().splitlines()[-40:])
    return Run(steps, Failure("crash", CRASH, f"exit code {process.returncode}\n{output}", len(steps) - 1))


def steps_in_log(log: Path) -> list[Step]:
    """The steps a run's log records: each finished one, and the one begun last with the values it
    had drawn when the process died."""
    steps, begun, drawn = [], None, []
    for line in log.read_text().splitlines() if log.exists() else []:
        if line.startswith("# step "):
            begun, drawn = line.split(": ", 1)[1], []
        elif line.startswith("#   drew "):
            drawn.append(ast.literal_eval(line[len("#   drew "):]))
        elif line.startswith("("):
            code, _, description = line.partition("  # ")
            steps.append(Step(*ast.literal_eval(code.rstrip(",")), description))
            begun = None
    if begun is not None:
        steps.append(Step(begun, tuple(drawn), "(the process died in this step)"))
    return steps


if __name__ == "__main__":
    main(*sys.argv[1:])

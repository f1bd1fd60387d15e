"""The command line: the window by default, ``train`` and ``render`` headless.

    python -m playground [--scenario FILE | --lesson NAME] [--lang ko|en]
    python -m playground train [options] [--json]
    python -m playground render [options] --out FILE.png
    python -m playground backprop EXPR --at x=-2,y=5 [--json]   (or --model ... --point I)
    python -m playground install-desktop [--remove]

Bad usage or a bad file prints one line on stderr and exits with code 2; a bad
setting or file is worded by ``playground.messages``, as in the window, and any
value quoted back is shortened (``messages.shown``). Ctrl+C stops ``train`` at the
last complete step and reports it (exit code 130); any other command exits quietly
with 130.
Nothing here imports Qt unless the window or ``render`` is asked for.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time

from engine.errors import one_line
from engine.scenario import Scenario, ScenarioError, load
from engine.settings import MAX_STEPS, DataSettings, ModelSettings, Settings, SettingsError, TrainingSettings
from engine.step_stats import StepStats
from playground import cli_files
from playground.collapsed import collapsed_json
from playground.lessons import lesson_files
from playground.messages import MAX_MESSAGE, message, model_summary, shown
from playground.model_info import ModelInfo

USAGE_ERROR = 2
INTERRUPTED = 130  # Ctrl+C, as a shell reports a process that SIGINT stopped (128 + 2)

# settings field -> (section, command-line option)
OPTIONS = {
    "dataset": ("data", "--dataset"), "points": ("data", "--points"), "noise": ("data", "--noise"),
    "classes": ("data", "--classes"), "test_fraction": ("data", "--test-fraction"),
    "kind": ("model", "--model"), "hidden": ("model", "--hidden"),
    "activation": ("model", "--activation"), "features": ("model", "--features"),
    "loss": ("training", "--loss"), "optimizer": ("training", "--optimizer"),
    "learning_rate": ("training", "--lr"), "batch_size": ("training", "--batch-size"),
    "l1": ("training", "--l1"), "l2": ("training", "--l2"),
}


class UsageError(Exception):
    """Bad usage: reported as one line, exit code 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message):
        raise UsageError(f"{one_line(message, MAX_MESSAGE)} (see {self.prog} --help)")

    def parse_args(self, args=None, namespace=None):
        """Like argparse's, but an unknown option points to the help of the command it was given to."""
        parsed, unknown = self.parse_known_args(args, namespace)
        if unknown:
            prog = f"{self.prog} {parsed.command}" if getattr(parsed, "command", None) else self.prog
            raise UsageError(f"unrecognized arguments: {one_line(' '.join(unknown), MAX_MESSAGE)} "
                             f"(see {prog} --help)")
        return parsed


def _names(text: str) -> tuple[str, ...]:
    return tuple(name.strip() for name in text.split(",") if name.strip())


def _widths(text: str) -> tuple[int, ...]:
    if text.strip().lower() in ("", "none"):
        return ()
    try:
        return tuple(int(width) for width in text.split(","))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected layer widths like 8,8, not {shown(text)}") from None


def whole(text: str) -> int:
    """An option's whole number (argparse ``type``)."""
    try:
        return int(text)
    except ValueError:  # not digits, or more than Python turns into an int (4300)
        raise argparse.ArgumentTypeError(f"must be a whole number, not {shown(text)}") from None


def _number(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a number, not {shown(text)}") from None


def _steps(text: str) -> int:
    steps = whole(text)
    if not 0 <= steps <= MAX_STEPS:
        raise argparse.ArgumentTypeError(f"must be between 0 and {MAX_STEPS}, not {shown(steps)}")
    return steps


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="playground", description="Decision Boundary Playground: see how neural "
                     "networks learn. With no command, opens the window.")
    parser.add_argument("--scenario", dest="window_scenario", metavar="FILE", type=cli_files.file_name,
                        help="open this scenario file in the window")
    parser.add_argument("--lesson", dest="window_lesson", metavar="NAME",
                        help="open this built-in lesson in the window (" + ", ".join(lesson_files()) + ")")
    parser.add_argument("--lang", choices=("en", "ko"),
                        help="the window's language for this run: en (English) or ko (한국어); "
                             "default: the one chosen last in View → Language")
    commands = parser.add_subparsers(dest="command", parser_class=_Parser)
    train = commands.add_parser("train", help="train headless and print the result")
    render = commands.add_parser("render", help="train headless, then save a view's picture")
    for command in (train, render):
        _add_session_options(command)
    train.add_argument("--json", action="store_true", help="print one JSON object")
    cli_files.add_train_options(train)
    render.add_argument("--out", metavar="FILE.png", type=cli_files.file_name, required=True,
                        help="where to save the picture")
    render.add_argument("--size", metavar="WxH", default="800x800", help="picture size in pixels")
    render.add_argument("--view", choices=("boundary", "network", "features", "hidden"), default="boundary",
                        help="which view to save (default: the boundary)")
    render.add_argument("--gradients", action="store_true",
                        help="--view network: light the diagram by the last step's gradients")
    render.add_argument("--axes", type=_names, metavar="F1,F2",
                        help="--view features: the two features on the axes (default: the model's first two)")
    render.add_argument("--layer", type=whole, metavar="L",
                        help="--view hidden: the hidden layer, 1 = the first (default: the last)")
    from playground.backprop_cli import add_parser as add_backprop
    from playground.desktop import add_parser as add_desktop

    add_backprop(commands)
    add_desktop(commands)
    return parser


def _add_session_options(p: argparse.ArgumentParser, model_mode: bool = False) -> None:
    """The options that make a scenario. ``model_mode`` (backprop): ``--model`` alone asks
    for the model, ``--model KIND`` also sets its kind."""
    p.add_argument("--scenario", metavar="FILE", type=cli_files.file_name,
                   help="start from this scenario file")
    cli_files.add_input_options(p)
    data = p.add_argument_group("data (regenerates the points)")
    data.add_argument("--dataset", help="xor, circles, moons, spiral, gaussians, linear, checkerboard")
    data.add_argument("--points", type=whole, metavar="N")
    data.add_argument("--noise", type=_number, metavar="F")
    data.add_argument("--classes", type=whole, metavar="K")
    data.add_argument("--test-fraction", type=_number, metavar="F")
    data.add_argument("--seed", type=whole, metavar="N", help="seed for the points and the initial weights")
    model = p.add_argument_group("model")
    if model_mode:
        model.add_argument("--model", dest="kind", nargs="?", const="", metavar="KIND",
                           help="the model's graph (KIND: linear or mlp)")
    else:
        model.add_argument("--model", dest="kind", help="linear or mlp")
    model.add_argument("--hidden", type=_widths, metavar="8,8", help="hidden layer widths")
    model.add_argument("--activation", help="relu, tanh, sigmoid, leaky_relu, linear")
    model.add_argument("--features", type=_names, metavar="x1,x2,...",
                       help="x1, x2, x1^2, x2^2, x1x2, sin_x1, sin_x2, r, theta")
    training = p.add_argument_group("training")
    training.add_argument("--loss", help="cross_entropy, hinge, mse")
    training.add_argument("--optimizer", help="sgd, momentum, adam")
    training.add_argument("--lr", dest="learning_rate", type=_number, metavar="F", help="learning rate")
    training.add_argument("--batch-size", type=whole, metavar="N", help="0 = full batch")
    training.add_argument("--l1", type=_number, metavar="F")
    training.add_argument("--l2", type=_number, metavar="F")
    training.add_argument("--steps", type=_steps, default=1000, metavar="N",
                          help=f"training steps, 0 to {MAX_STEPS} (default 1000; Ctrl+C stops early)")


def scenario_from_args(args: argparse.Namespace) -> Scenario:
    """The scenario file (or the defaults) with the command line's settings on top.

    Data options regenerate the points; ``--seed`` alone keeps a file's points
    and seeds the weights (and the points, when they are generated).
    """
    base = load(args.scenario) if args.scenario is not None else Scenario.generate(Settings())
    changes: dict[str, dict] = {"data": {}, "model": {}, "training": {}}
    for name, (section, _) in OPTIONS.items():
        value = getattr(args, name)
        if value is not None:
            changes[section][name] = value
    regenerate = args.scenario is None or bool(changes["data"])
    seed = base.settings.seed if args.seed is None else args.seed
    if args.seed is not None:
        changes["data"]["seed"] = args.seed
    old = base.settings
    try:
        settings = Settings(
            data=DataSettings(**{**old.data.to_dict(), **changes["data"]}),
            model=ModelSettings(**{**old.model.to_dict(), **changes["model"]}),
            training=TrainingSettings(**{**old.training.to_dict(), **changes["training"]}),
            seed=seed,
        )
    except SettingsError as error:
        option = OPTIONS.get(error.field, (None, "--" + error.field))[1]
        raise UsageError(message(error, field=option)) from None
    if regenerate:
        names = base.class_names if len(base.class_names) == settings.data.classes else None
        return cli_files.with_csv_points(args, Scenario.generate(settings, names, base.title))
    base.settings = settings
    return cli_files.with_csv_points(args, base)


def train(args: argparse.Namespace) -> int:
    """Train, write the files asked for, print the result; Ctrl+C stops at the last complete
    step, which is reported (and written) as usual with a line that says so: exit code 130."""
    scenario = scenario_from_args(args)
    trainer = cli_files.trainer_for(args, scenario)
    start = time.perf_counter()
    try:
        stats = trainer.step(args.steps) if args.steps else trainer.evaluate()
        interrupted = False
    except KeyboardInterrupt:
        stats, interrupted = trainer.evaluate(), True
    seconds = time.perf_counter() - start
    if stats.sampled:  # training measured a sample each step; the result is on every point
        stats = trainer.evaluate(every_point=True)
    written = cli_files.write_outputs(args, trainer, scenario)
    stopped = f"interrupted (Ctrl+C) at step {stats.step} of {args.steps}: the results are those of step " \
              f"{stats.step}"
    if args.json:
        print(json.dumps({**_as_json(stats, seconds), "interrupted": interrupted,
                          "collapsed": collapsed_json(trainer, scenario)}))
        if interrupted:
            print(f"playground: {stopped}", file=sys.stderr)  # stdout stays one JSON object
    else:
        print(describe(scenario, ModelInfo.of(trainer.model)))
        print(report(stats, seconds, trainer.training.learning_rate, args.steps))
        if interrupted:
            print(stopped)
        for line in written:
            print(line)
    return INTERRUPTED if interrupted else 0


def describe(scenario: Scenario, model: ModelInfo) -> str:
    """'xor: 200 points (160 train, 40 test), 2-8-8-2 MLP, tanh, 114 parameters'."""
    source = scenario.title or scenario.settings.data.dataset
    n, n_test = len(scenario.points), int(scenario.is_test.sum())
    points = "1 point" if n == 1 else f"{n} points"
    return f"{source}: {points} ({n - n_test} train, {n_test} test), {model_summary(model)}"


def report(stats: StepStats, seconds: float, learning_rate: float, steps: int = 0) -> str:
    """The result line, then what went wrong: no training points to take the ``steps`` asked
    for, a divergence (the hard stop) or an unstable run."""
    lines = [f"step {stats.step}: {_split('train', stats.train_loss, stats.train_accuracy)} | "
             f"{_split('test', stats.test_loss, stats.test_accuracy)}  ({seconds:.2f} s)"]
    if steps and math.isnan(stats.train_accuracy):
        lines.append(f"nothing to train on: every point is held out for testing (or there are none), so "
                     f"none of the {steps} steps was taken")
    elif stats.diverged:
        lines.append(f"diverged at step {stats.step}: the loss became {_exploded(stats)}; "
                     f"lower the learning rate ({learning_rate:g})")
    elif stats.unstable:
        lines.append(f"unstable from step {stats.unstable_step}: the loss climbed or swung up and down "
                     f"instead of falling; the learning rate ({learning_rate:g}) is too high")
    return "\n".join(lines)


def _split(name: str, loss: float, accuracy: float) -> str:
    """'train loss 0.0057, accuracy 100.0%', or 'no test points'."""
    if math.isnan(accuracy):
        return f"no {name} points" if name == "test" else "no training points"
    return f"{name} loss {loss:.4f}, accuracy {accuracy:.1%}"


def _exploded(stats: StepStats) -> str:
    loss = stats.exploded_loss
    if not math.isfinite(loss):
        return "not a number" if math.isnan(loss) else "infinite"
    return f"{loss:.3g}, past this run's limit of {stats.loss_limit:.3g}"


def _as_json(stats: StepStats, seconds: float) -> dict:
    def number(x: float):
        return x if math.isfinite(x) else None

    return {
        "steps": stats.step,
        "train_loss": number(stats.train_loss), "train_accuracy": number(stats.train_accuracy),
        "test_loss": number(stats.test_loss), "test_accuracy": number(stats.test_accuracy),
        "diverged": stats.diverged, "unstable": stats.unstable, "unstable_step": stats.unstable_step,
        "seconds": round(seconds, 6),
        "layers": [{"name": f"W{layer.index}", "shape": list(layer.shape),
                    "weight_norm": number(layer.weight_norm), "grad_norm": number(layer.grad_norm),
                    "update_ratio": number(layer.update_ratio), "dead_fraction": number(layer.dead_fraction)}
                   for layer in stats.layers],
    }


def _check_lesson(args: argparse.Namespace) -> None:
    """``--lesson`` names a built-in lesson, and comes without ``--scenario``."""
    if args.window_lesson is None:
        return
    if args.window_scenario is not None:
        raise UsageError("--lesson and --scenario: open one or the other")
    if args.window_lesson not in lesson_files():
        raise UsageError(f"--lesson: no lesson named {args.window_lesson!r}; choose from "
                         + ", ".join(lesson_files()))


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    try:
        args = build_parser().parse_args(argv)
        if args.command == "train":
            return train(args)
        if args.command == "render":
            from playground.render import render

            return render(args)
        if args.command == "backprop":
            from playground.backprop_cli import run

            return run(args)
        if args.command == "install-desktop":
            from playground.desktop import run

            return run(args)
        _check_lesson(args)
        from playground.app import run

        return run(args.window_scenario, args.window_lesson, args.lang)
    except UsageError as error:
        print(f"playground: {error}", file=sys.stderr)
        return USAGE_ERROR
    except ScenarioError as error:
        print(f"playground: {message(error)}", file=sys.stderr)
        return USAGE_ERROR
    except KeyboardInterrupt:  # Ctrl+C outside training: no traceback
        return INTERRUPTED

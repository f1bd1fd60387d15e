"""``python -m playground render``: train headless, then save a view as a PNG.

``--view`` picks the view (``VIEWS``: name -> a function that builds the view's
widget for the trained session and the parsed options); the boundary canvas by default.
"""

from __future__ import annotations

import os
import time

from playground.cli import UsageError, describe, report, scenario_from_args
from playground.messages import shown
from playground.render_spaces import check_view_options, features_picture, hidden_picture


def _boundary(session, args):
    from playground.views.canvas import CanvasView

    return CanvasView(session)


def _network(session, args):
    from playground.views.network import NetworkView

    view = NetworkView(session)
    view.set_gradient_mode(args.gradients)
    view.info.hide()  # the line that names what the mouse points at: no mouse here
    return view


VIEWS = {"boundary": _boundary, "network": _network, "features": features_picture,
         "hidden": hidden_picture}


def parse_size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(n) for n in text.lower().split("x"))
    except ValueError:
        raise UsageError(f"--size: expected WIDTHxHEIGHT like 800x800, not {shown(text)}") from None
    if not (64 <= width <= 8000 and 64 <= height <= 8000):
        raise UsageError(f"--size: each side must be 64 to 8000 pixels, not {shown(text)}")
    return width, height


def render(args) -> int:
    width, height = parse_size(args.size)
    if args.gradients and args.view != "network":
        raise UsageError("--gradients: only with --view network")
    if not args.out.lower().endswith(".png"):
        raise UsageError(f"--out: the picture is a PNG file, not {shown(args.out)}")
    scenario = scenario_from_args(args)
    check_view_options(args, scenario)
    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # nothing is shown: no display needed

    from playground.app import create_app
    from playground.session import Session

    app = create_app()
    session = Session(scenario)
    start = time.perf_counter()
    stats = session.step(args.steps) if args.steps else session.stats
    seconds = time.perf_counter() - start
    view = VIEWS[args.view](session, args)
    view.resize(width, height)
    view.show()
    app.processEvents()
    session.stats_changed.emit(session.stats)  # draw once more at the final size
    app.processEvents()
    if not view.grab().save(args.out):
        raise UsageError(f"--out: cannot write {shown(args.out)}")
    print(describe(scenario, session.model_info()))
    print(report(stats, seconds, session.settings.training.learning_rate, args.steps))
    print(f"saved {args.out} ({width}x{height})")
    return 0

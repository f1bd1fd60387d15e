"""GUI speed: the real window drawing while it trains, and how fast it answers input.

    python benchmarks/bench_gui.py [--seconds 5] [--steps-per-frame 50]

The main window (offscreen Qt, 1280 x 800) trains through its own runner for
``--seconds`` per row, and reports for each row:

- default + hidden space: 1000 XOR points, the default 2-8-8-2 tanh network (SGD, full batch),
  the window as it opens but with the Feature and hidden space tab in front of the
  network diagram, on its hidden-space page;
- xor + diagram: the same, with the network diagram and the gradient charts
  visible (the gradient charts' tab in front of the loss curves);
- spiral + diagram: 1000 points of a 3-class spiral, 2-64-64-64-3 tanh, likewise.

The two diagram rows are measured again with the diagram hidden (the bottom docks
closed, the loss curves in front) for the training rate they are compared with.

frames/s        paint events the canvas viewport received, per second
boundary/s      boundary recomputations (``session.stats_changed``), per second
steps/s         training steps done (``session.stats.step``) per second of wall time
grid            rows x columns of the boundary image shown at the end
input delay     a helper thread posts a button-less mouse move to the canvas
                every 5-10 ms (jittered); the delay is from when the move was
                due to the viewport's event filter seeing it (the thread may
                wait for the GIL first, as a real mouse would not). Worst,
                99th percentile, median.

maps/s          network diagram redraws (its neuron maps) per second
hidden view/s   redraws of the hidden-space view (the bottom dock's page, showing the
                last hidden layer by PCA with the input grid warped through the network:
                21 + 21 lines of 50 points), per second; it runs on its own clock
steps vs hidden training steps per second against the same row with the diagram hidden

Targets: default: >= 30 frames/s with a grid of at least 150 x 150, >= 1000
training steps/s at the same time, worst input delay <= 50 ms, and the
hidden-space view (showing all the while) >= 10 redraws/s. Diagram rows:
>= 30 frames/s (xor) and >= 20 (spiral), steps/s >= 70% of the hidden rate,
neuron maps redrawn >= 5 times a second, worst input delay <= 50 ms.
One BLAS thread and the allocator setting the app uses (``engine.allocator``).
The exit code is 0 even when a target is missed: this is a report.
"""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"
for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_variable] = "1"

import argparse
import platform
import random
import threading
import time

import numpy as np
import pyqtgraph as pg
import PySide6
from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject, QPointF, Qt, QTimer
from PySide6.QtGui import QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from engine.allocator import keep_freed_memory
from engine.scenario import Scenario
from engine.settings import DataSettings, ModelSettings, Settings
from playground.app import create_app
from playground.controllers.runner import Speed
from playground.main_window import MainWindow
from playground.session import Session

POINTS = 1000
POST_EVERY_S = (0.005, 0.010)  # the input poster's pause between events, jittered
TARGET_FPS, TARGET_GRID, TARGET_STEPS, TARGET_DELAY_MS = 30, 150, 1000, 50
TARGET_MAPS, TARGET_STEP_SHARE = 5, 0.7
TARGET_HIDDEN = 10  # hidden-space view redraws per second

XOR = Settings(data=DataSettings(dataset="xor", points=POINTS))
SPIRAL = Settings(data=DataSettings(dataset="spiral", points=POINTS, classes=3),
                  model=ModelSettings(hidden=(64, 64, 64)))
# name: (settings, diagram and gradient charts shown, frames/s target)
ROWS = {"default + hidden space": (XOR, None, TARGET_FPS), "xor + diagram": (XOR, True, TARGET_FPS),
        "spiral + diagram": (SPIRAL, True, 20)}


class ViewportProbe(QObject):
    """Event filter on the canvas viewport: counts paints, times the poster's mouse moves.

    Each posted move carries its sequence number as the event timestamp;
    ``post_times[n]`` is when move n was due.
    """

    def __init__(self):
        super().__init__()
        self.paints = 0
        self.post_times: list[float] = []
        self.delays: list[float] = []

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.paints += 1
        elif event.type() == QEvent.Type.MouseMove and event.timestamp() < len(self.post_times):
            self.delays.append(time.perf_counter() - self.post_times[event.timestamp()])
        return False


def post_moves(viewport, centre: QPointF, global_centre: QPointF, probe: ViewportProbe,
               stop: threading.Event) -> None:
    """The poster thread: a button-less mouse move to ``centre`` every 5-10 ms.

    Each move is timed from when it was due, not from when this thread got the
    GIL back to post it: a real mouse does not wait for Python.
    """
    due = time.perf_counter()
    while True:
        due += random.uniform(*POST_EVERY_S)
        if stop.wait(max(0.0, due - time.perf_counter())):
            return
        event = QMouseEvent(QEvent.Type.MouseMove, centre, global_centre, Qt.MouseButton.NoButton,
                            Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
        event.setTimestamp(len(probe.post_times))
        probe.post_times.append(due)
        QCoreApplication.postEvent(viewport, event)  # thread-safe; Qt owns and deletes it


def open_window(settings: Settings, diagram: bool | None) -> MainWindow:
    """The window on ``settings``; ``diagram`` True: the network diagram and the gradient charts
    in view; False: the bottom docks closed and the loss curves in front; None: as it opens, with
    the hidden-space page in front of the diagram."""
    window = MainWindow(Session(Scenario.generate(settings)))
    window.resize(1280, 800)
    if diagram is None:
        window.docks["spaces"].raise_()
        window.views["spaces"].setCurrentWidget(window.views["spaces"].hidden)  # the warped grid, showing
    else:
        for key in ("network", "spaces"):
            window.docks[key].setVisible(diagram and key == "network")
        window.docks["gradients" if diagram else "charts"].raise_()
    window.show()
    QTest.qWaitForWindowExposed(window)
    QTest.qWait(200)  # let the first layout and paints settle before measuring
    return window


def measure(window: MainWindow, seconds: float, steps_per_frame: int) -> dict:
    """Train and draw for ``seconds`` with the poster running; every figure from this one run."""
    viewport, session = window.canvas.viewport(), window.session
    probe = ViewportProbe()
    viewport.installEventFilter(probe)
    boundaries, maps, hidden_views = [], [], []
    session.stats_changed.connect(boundaries.append)
    clocks = {window.views["network"].clock: maps, window.views["spaces"].hidden.plot.clock: hidden_views}
    counters = {clock: (lambda seen=seen: seen.append(None)) for clock, seen in clocks.items()}
    for clock, count in counters.items():
        clock.refreshed.connect(count)
    stop = threading.Event()
    centre = QPointF(viewport.width() / 2, viewport.height() / 2)
    global_centre = QPointF(viewport.mapToGlobal(centre.toPoint()))
    poster = threading.Thread(target=post_moves, args=(viewport, centre, global_centre, probe, stop),
                              daemon=True)
    result = {}
    loop = QEventLoop()
    timer = QTimer(singleShot=True, interval=round(seconds * 1000), timerType=Qt.TimerType.PreciseTimer)

    def finish():
        result["seconds"] = time.perf_counter() - started
        result["steps"] = session.stats.step - first_step
        result["frames"], result["boundaries"] = probe.paints, len(boundaries)
        result["maps"], result["hidden_views"] = len(maps), len(hidden_views)
        window.runner.pause()
        stop.set()
        loop.quit()

    window.runner.set_speed(Speed(steps_per_frame))
    poster.start()
    started, first_step = time.perf_counter(), session.stats.step
    timer.timeout.connect(finish)
    timer.start()
    window.runner.play()
    loop.exec()
    poster.join()
    QCoreApplication.processEvents()  # deliver the last moves still queued
    viewport.removeEventFilter(probe)
    session.stats_changed.disconnect(boundaries.append)
    for clock, count in counters.items():
        clock.refreshed.disconnect(count)
    result["grid"] = window.canvas.boundary_image().shape[:2]
    result["delays_ms"] = np.array(probe.delays) * 1e3
    return result


def summary(r: dict) -> dict:
    """Per-second figures of one measurement."""
    seconds, delays = r["seconds"], r["delays_ms"]
    return {"fps": r["frames"] / seconds, "boundaries": r["boundaries"] / seconds,
            "steps": r["steps"] / seconds, "maps": r["maps"] / seconds, "grid": r["grid"],
            "hidden_views": r["hidden_views"] / seconds,
            "worst": delays.max() if len(delays) else float("nan"),
            "p99": np.percentile(delays, 99) if len(delays) else float("nan"),
            "median": np.median(delays) if len(delays) else float("nan"), "raw": r}


def verdict(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def print_rows(results: dict) -> None:
    """One column per row of ROWS: each figure, and its verdict against the row's target."""
    names = list(results)
    print(f"{'':34}" + "".join(f"{name:>22}" for name in names))

    def line(label, cells):
        print(f"{label:34}" + "".join(f"{cell:>22}" for cell in cells))

    def cell(name, text, ok=None):
        return text if ok is None else f"{text} {verdict(ok)}"

    line("frames drawn per second", [cell(n, f"{r['fps']:.1f}", r["fps"] >= ROWS[n][2])
                                     for n, r in results.items()])
    line("boundary recomputations per second", [f"{r['boundaries']:.1f}" for r in results.values()])
    line("training steps per second", [cell(n, f"{r['steps']:.0f}", r["steps"] >= TARGET_STEPS
                                            if ROWS[n][1] is None else None) for n, r in results.items()])
    line("  steps/s vs diagram hidden", [cell(n, f"{r['steps'] / r['hidden']['steps']:.0%}",
                                              r["steps"] / r["hidden"]["steps"] >= TARGET_STEP_SHARE)
                                         if "hidden" in r else "" for n, r in results.items()])
    line("  steps/s with the diagram hidden", [f"{r['hidden']['steps']:.0f}" if "hidden" in r else ""
                                               for r in results.values()])
    line("  frames/s with the diagram hidden", [f"{r['hidden']['fps']:.1f}" if "hidden" in r else ""
                                                for r in results.values()])
    line("neuron maps redrawn per second", [cell(n, f"{r['maps']:.1f}", r["maps"] >= TARGET_MAPS)
                                            if ROWS[n][1] else "" for n, r in results.items()])
    line("hidden-space view redraws per second", [cell(n, f"{r['hidden_views']:.1f}",
                                                       r["hidden_views"] >= TARGET_HIDDEN)
                                                  if ROWS[n][1] is None else "" for n, r in results.items()])
    line("boundary grid (rows x columns)", [cell(n, "{} x {}".format(*r["grid"]),
                                                 min(r["grid"]) >= TARGET_GRID) for n, r in results.items()])
    line("worst input delay (ms)", [cell(n, f"{r['worst']:.1f}", r["worst"] <= TARGET_DELAY_MS)
                                    for n, r in results.items()])
    line("  worst with the diagram hidden (ms)", [f"{r['hidden']['worst']:.1f}" if "hidden" in r else ""
                                                  for r in results.values()])
    line("  99th percentile input delay (ms)", [f"{r['p99']:.1f}" for r in results.values()])
    line("  median input delay (ms)", [f"{r['median']:.1f}" for r in results.values()])
    print("targets: frames/s >= 30 (default, xor), >= 20 (spiral); steps/s >= 1000 (default), >= 70% of "
          "the hidden rate (diagram rows); maps >= 5/s; hidden-space view >= 10/s; grid >= 150 x 150; "
          "worst delay <= 50 ms")
    for name, r in results.items():
        raw = r["raw"]
        print(f"({name}: {raw['frames']} frames, {raw['boundaries']} boundaries, {raw['steps']} steps, "
              f"{raw['maps']} map redraws, {raw['hidden_views']} hidden-space redraws, "
              f"{len(raw['delays_ms'])} input events in {raw['seconds']:.2f} s)")


def run(settings: Settings, diagram: bool | None, seconds: float, steps_per_frame: int) -> dict:
    window = open_window(settings, diagram)
    result = summary(measure(window, seconds, steps_per_frame))
    window.close()
    return result


def resident_bytes() -> int:
    """The process's resident memory now (Linux), else its peak."""
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:
        import resource
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def start_app() -> bool:
    """The app as the benchmarks run it: malloc keeping freed memory (as the app does; returns
    whether it could), Qt started, and closing a window with unsaved work asks nothing."""
    tuned = keep_freed_memory()
    create_app()
    QMessageBox.question = lambda *_, **__: QMessageBox.StandardButton.Discard
    return tuned


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--steps-per-frame", type=int, default=50)
    args = parser.parse_args()
    tuned = start_app()
    print(f"GUI benchmark: offscreen 1280x800, {args.seconds:g} s per row, {args.steps_per_frame} "
          f"steps/frame, 1 BLAS thread" + (", malloc keeps freed memory" if tuned else ""))
    print(f"Python {platform.python_version()}, NumPy {np.__version__}, PySide6 {PySide6.__version__}, "
          f"pyqtgraph {pg.__version__}")
    results = {}
    for name, (settings, diagram, _) in ROWS.items():
        results[name] = run(settings, diagram, args.seconds, args.steps_per_frame)
        if diagram:
            results[name]["hidden"] = run(settings, False, args.seconds, args.steps_per_frame)
    print_rows(results)


if __name__ == "__main__":
    main()

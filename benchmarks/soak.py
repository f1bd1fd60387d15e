"""Soak: the real window training for half an hour with every view open, minute by minute.

    python benchmarks/soak.py [--minutes 30]

The main window (offscreen Qt, 1280 x 800) with every dock shown and the autosave on (in a
folder of its own) trains a 2-16-16-3 tanh network on a 1000-point 3-class spiral through
its own runner (20 steps a frame). Every 4 seconds it brings other pages to the front, on a
20-second round that each minute repeats three times, so every view draws in turn:

    network diagram + loss curves     feature space + gradient charts
    hidden space + loss curves        templates and W + gradient charts, and a gradient check
    the Backprop tab (its Play on the lecture's example), the canvas behind it

and each round adds a point with a click on the canvas and undoes it. A helper thread posts
a mouse move to the canvas every 5-10 ms (as in ``bench_gui.py``; only each minute's
figures are kept, so the benchmark itself does not grow).

Each minute: frames/s (canvas paints), training steps/s, resident memory at its end, the
worst input delay, and the load average (other work on the machine slows every figure).
Targets: resident memory grows by less than 20 MB from the end of the first minute to the
end; frames/s in the last minute within 10% of the first's. The exit code is 0 even when
a target is missed: this is a report.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import argparse
import random
import tempfile
import threading
import time

import bench_gui  # sets the offscreen platform and one BLAS thread, before NumPy and Qt load
import numpy as np
from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject, QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QMouseEvent
from PySide6.QtTest import QTest

from engine.scenario import Scenario
from engine.settings import DataSettings, ModelSettings, Settings
from playground.autosave import Autosaver
from playground.controllers.runner import Speed
from playground.main_window import MainWindow
from playground.session import Session

SETTINGS = Settings(data=DataSettings(dataset="spiral", points=1000, classes=3),
                    model=ModelSettings(hidden=(16, 16)))
SLOT_S = 4.0
RING = 4096  # posted moves whose due times are kept: far more than are ever in flight
TARGET_GROWTH_MB, TARGET_FPS_CHANGE = 20.0, 0.10


class Probe(QObject):
    """On the canvas viewport: counts paints, and times the poster's moves (due times in a ring)."""

    def __init__(self):
        super().__init__()
        self.paints = 0
        self.worst = 0.0
        self.due = np.zeros(RING)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.paints += 1
        elif event.type() == QEvent.Type.MouseMove and event.timestamp() > 0:
            self.worst = max(self.worst, time.perf_counter() - self.due[event.timestamp() % RING])
        return False


def post_moves(viewport, probe: Probe, stop: threading.Event) -> None:
    """A button-less mouse move to the viewport's centre every 5-10 ms, timed from when it was due."""
    centre = QPointF(viewport.width() / 2, viewport.height() / 2)
    global_centre = QPointF(viewport.mapToGlobal(centre.toPoint()))
    due, n = time.perf_counter(), 0
    while True:
        due += random.uniform(*bench_gui.POST_EVERY_S)
        if stop.wait(max(0.0, due - time.perf_counter())):
            return
        n += 1
        probe.due[n % RING] = due
        event = QMouseEvent(QEvent.Type.MouseMove, centre, global_centre, Qt.MouseButton.NoButton,
                            Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
        event.setTimestamp(n)
        QCoreApplication.postEvent(viewport, event)


def open_window(folder: str) -> MainWindow:
    """The window with every dock shown and the autosave writing to ``folder``."""
    window = MainWindow(Session(Scenario.generate(SETTINGS)))
    window.autosaver = Autosaver(window.session, folder, parent=window)
    window.resize(1280, 800)
    for action in window.view_actions:
        action.setChecked(True)
    window.show()
    QTest.qWaitForWindowExposed(window)
    window.runner.set_speed(Speed(20))
    return window


def slots(window: MainWindow) -> list:
    """The round: what each 4-second slot brings to the front."""
    docks, spaces, centre = window.docks, window.views["spaces"], window.centre
    explorer = window.views["backprop"]

    def front(bottom: str, right: str, page=None, then=None):
        def show():
            centre.setCurrentIndex(0)
            docks[bottom].raise_()
            docks[right].raise_()
            if page is not None:
                spaces.setCurrentWidget(getattr(spaces, page))
            if then is not None:
                then()
        return show

    def backprop():
        centre.setCurrentWidget(explorer)
        if not explorer.timer.isActive():
            explorer.toggle_play()

    return [front("network", "charts"), front("spaces", "gradients", "features"),
            front("spaces", "charts", "hidden"),
            front("spaces", "gradients", "linear", then=window.views["gradient_check"].run),
            backprop]


def edit(window: MainWindow) -> None:
    """A click on the canvas adds a point; undo takes it back."""
    where = window.canvas.to_widget(0.3, -0.4)
    QTest.mouseClick(window.canvas.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     QPoint(where))
    window.session.undo()


def soak(minutes: int) -> list[dict]:
    with tempfile.TemporaryDirectory() as folder:
        window = open_window(folder)
        probe = Probe()
        viewport = window.canvas.viewport()
        viewport.installEventFilter(probe)
        stop = threading.Event()
        poster = threading.Thread(target=post_moves, args=(viewport, probe, stop), daemon=True)
        round_, rows, state = slots(window), [], {"slot": 0}
        minute_started, step_started = time.perf_counter(), window.session.stats.step
        loop = QEventLoop()

        def next_slot():
            n = state["slot"]
            round_[n % len(round_)]()
            if n % len(round_) == 0:
                edit(window)
            window.runner.play()  # (the explorer pauses training when it shows the model)
            state["slot"] = n + 1
            if state["slot"] % int(60 / SLOT_S) == 0:
                end_minute()

        def end_minute():
            nonlocal minute_started, step_started
            now = time.perf_counter()
            seconds = now - minute_started
            steps = window.session.stats.step - step_started
            rows.append({"fps": probe.paints / seconds, "steps": steps / seconds,
                         "rss": bench_gui.resident_bytes(), "worst_ms": 1e3 * probe.worst,
                         "load": os.getloadavg()[0]})
            r = rows[-1]
            print(f"{len(rows):6d}  {r['fps']:8.1f}  {r['steps']:8.0f}  {r['rss'] / 2**20:8.1f}  "
                  f"{r['worst_ms']:8.0f}  {r['load']:5.2f}", flush=True)
            probe.paints, probe.worst = 0, 0.0
            minute_started, step_started = now, window.session.stats.step
            if len(rows) == minutes:
                timer.stop()
                loop.quit()

        print(f"{'minute':>6}  {'frames/s':>8}  {'steps/s':>8}  {'RSS MB':>8}  {'worst ms':>8}  {'load':>5}")
        timer = QTimer(interval=round(SLOT_S * 1000), timerType=Qt.TimerType.PreciseTimer)
        timer.timeout.connect(next_slot)
        poster.start()
        round_[0]()
        window.runner.play()
        state["slot"] = 1
        timer.start()
        loop.exec()
        stop.set()
        poster.join()
        window.runner.pause()
        window.close()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--minutes", type=int, default=30)
    args = parser.parse_args()
    bench_gui.start_app()
    print(f"Soak: {args.minutes} min, offscreen 1280x800, every view open, autosave on, 1000-point spiral, "
          "2-16-16-3 tanh, 20 steps/frame, pages rotated every 4 s")
    rows = soak(args.minutes)
    if len(rows) < 2:
        return
    growth = (rows[-1]["rss"] - rows[0]["rss"]) / 2**20
    change = rows[-1]["fps"] / rows[0]["fps"] - 1
    print(f"resident memory after the first minute: {growth:+.1f} MB "
          f"({'ok' if growth < TARGET_GROWTH_MB else 'MISSED'}: < {TARGET_GROWTH_MB:g} MB)")
    print(f"frames/s, last minute against the first: {change:+.1%} "
          f"({'ok' if abs(change) <= TARGET_FPS_CHANGE else 'MISSED'}: within {TARGET_FPS_CHANGE:.0%})")


if __name__ == "__main__":
    main()

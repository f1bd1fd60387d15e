"""Make the README's pictures: the real window (grabbed offscreen) on three lessons.

    python docs/screenshots.py        # writes docs/images/*.png

Each shot trains the scenario for a fixed number of steps first, so the
pictures show a trained boundary. The same seed gives the same pictures.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDockWidget, QTabBar

from engine.scenario import Scenario
from engine.settings import DataSettings, ModelSettings, Settings, TrainingSettings
from playground.app import create_app
from playground.main_window import MainWindow
from playground.session import Session

OUT = Path(__file__).parent / "images"

SHOTS = {
    "xor": (Settings(), 600),
    "spiral": (Settings(data=DataSettings(dataset="spiral", classes=3, points=300),
                        model=ModelSettings(hidden=(16, 16)),
                        training=TrainingSettings(optimizer="adam", learning_rate=0.03)), 3000),
    "circles-linear": (Settings(data=DataSettings(dataset="circles", points=300),
                                model=ModelSettings(kind="linear", features=("x1^2", "x2^2"))), 600),
    "xor-hidden": (Settings(model=ModelSettings(hidden=(4, 2))), 1500),  # XOR through a 2-unit layer
}
# A shot -> the tabbed dock it shows (else the first of each place: Network, Loss and accuracy).
IN_FRONT = {"circles-linear": "spaces", "xor-hidden": "spaces"}
# Gradient flow on, the gradient charts in front; steps taken one at a time so that the charts
# show the first ones, where six sigmoid layers keep their first layer's gradient tiny.
GRADIENT_SHOTS = {
    "vanishing-gradients": (Settings(model=ModelSettings(hidden=(8,) * 6, activation="sigmoid")), 12),
}


# The backprop explorer: (what to show, how many steps into it; None: to the end).
EXPLORER_SHOTS = {"backprop-patterns": ("patterns", 6), "backprop-model": ("model", None)}


def explorer_shots(app) -> None:
    for name, (source, position) in EXPLORER_SHOTS.items():
        window = MainWindow(Session(Scenario.generate(Settings())))
        window.resize(1280, 800)
        window.show()
        explorer = window.views["backprop"]
        window.centre.setCurrentWidget(explorer)
        app.processEvents()
        explorer.sources[source].trigger()
        explorer.go(explorer.replay.last if position is None else position)
        app.processEvents()
        hide_stale_tab_bars(window)
        path = OUT / f"{name}.png"
        window.grab().save(str(path))
        print(f"wrote {path}")
        window.close()


def hide_stale_tab_bars(window: MainWindow) -> None:
    """Offscreen, Qt leaves the tab bar of tabbed docks hidden together (the Backprop tab hides
    the bottom docks) on the window; a real window (checked under Xvfb) does not show it."""
    hidden = {dock.windowTitle() for dock in window.findChildren(QDockWidget) if dock.isHidden()}
    for bar in window.findChildren(QTabBar):
        titles = {bar.tabText(i) for i in range(bar.count())}
        if bar.parent() is window and titles and titles <= hidden:
            bar.hide()


def main() -> None:
    app = create_app()
    OUT.mkdir(exist_ok=True)
    explorer_shots(app)
    shots = [(name, settings, steps, 100, False) for name, (settings, steps) in SHOTS.items()]
    shots += [(name, settings, steps, 1, True) for name, (settings, steps) in GRADIENT_SHOTS.items()]
    for name, settings, steps, chunk, gradients in shots:
        window = MainWindow(Session(Scenario.generate(settings)))
        window.resize(1280, 800)
        window.show()
        if gradients:
            window.views["network"].set_gradient_mode(True)
            window.docks["gradients"].raise_()
        if name in IN_FRONT:
            window.docks[IN_FRONT[name]].raise_()
        for _ in range(steps // chunk):
            window.session.step(chunk)
        app.processEvents()
        QTest.qWait(150)  # the charts redraw their curves at most ten times a second
        path = OUT / f"window-{name}.png"
        window.grab().save(str(path))
        print(f"wrote {path}")
        window.close()


if __name__ == "__main__":
    sys.exit(main())

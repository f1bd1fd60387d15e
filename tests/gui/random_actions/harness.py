"""The harness: a fresh window, the actions run on it, and everything that can go wrong, caught.

``Harness.run_random(seed, count)`` runs ``count`` actions chosen by ``seed`` from the
catalogue on a new window; ``Harness.replay(steps)`` runs recorded steps on a new window.
After every step it fails on

- an exception, raised by the action or inside a Qt callback, or in a thread (``Catcher``);
- a Qt message of warning level or above, but the offscreen platform's known harmless ones;
- a broken invariant (``invariants.check``).

The window is built as ``playground.app.run`` builds it (a session, the main window and its
autosaver), in ``folder``: dialogs get scripted answers (``Dialogs``), files are made afresh
for each run (``files.make_files``), settings go to an ini file there, and ``steps.log``
says which step runs, with the values it draws, in case one takes the process down.
It needs no test framework: ``child`` runs it in a process of its own.
"""

from __future__ import annotations

import re
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from PySide6.QtCore import QEvent, QSettings, QThreadPool
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from engine.scenario import Scenario
from engine.settings import Settings
from playground import language
from playground.app import create_app
from playground.autosave import Autosaver
from playground.main_window import MainWindow
from playground.session import Session

from .catalogue import CATALOGUE
from .catcher import Catcher, exception_type
from .dialogs import Dialogs
from .files import make_files
from .invariants import Broken, check
from .steps import Params, Step
from .undo_shadow import UndoShadow

START_SIZE = (1280, 800)
LOG = "steps.log"


@dataclass
class Failure:
    """What went wrong after step ``step`` (-1: while the window was made; len(steps): closing it)."""

    kind: str    # "exception", "qt message", "invariant" or "crash"
    what: str    # the exception's type, the message without its numbers, the invariant's name
    detail: str
    step: int

    def signature(self) -> tuple[str, str]:
        """What a shorter sequence must reproduce to count as the same failure."""
        return self.kind, self.what


@dataclass
class Run:
    steps: list[Step] = field(default_factory=list)
    failure: Failure | None = None


class Harness:
    """Runs actions on fresh windows made in ``folder``."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.dialogs = Dialogs()
        create_app()
        self.files: dict[str, str] = {}
        self.w: MainWindow | None = None
        self.shadow: UndoShadow | None = None

    # ---------------------------------------------------------------- runs
    def run_random(self, seed: int, count: int) -> Run:
        """``count`` actions chosen by ``seed``: each step draws its values from its own stream, so
        the sequence of actions is the same however the steps before it went."""
        chooser = np.random.default_rng(seed)
        names = list(CATALOGUE)
        weights = np.array([CATALOGUE[name].weight for name in names], float)
        weights /= weights.sum()
        plan = ((names[chooser.choice(len(names), p=weights)], np.random.default_rng([seed, i]))
                for i in range(count))
        return self._run((name, Params(rng=rng)) for name, rng in plan)

    def replay(self, steps) -> Run:
        """Run recorded steps (``Step``s or (name, values) pairs) on a fresh window."""
        pairs = ((s.name, s.values) if isinstance(s, Step) else s for s in steps)
        return self._run((name, Params(values=values)) for name, values in pairs)

    def _run(self, plan) -> Run:
        run = Run()
        (self.folder / LOG).unlink(missing_ok=True)
        with self.dialogs.patched(), Catcher() as caught:
            try:
                self._open_window()
            except Exception:
                caught.exceptions.append(traceback.format_exc())
            if not self._failed(run, caught, -1):
                for name, params in plan:
                    self._step(run, name, params, caught)
                    if self._failed(run, caught, len(run.steps) - 1, check_invariants=True):
                        break
            self._close_window(caught)
            self._failed(run, caught, len(run.steps))
        return run

    def _step(self, run: Run, name: str, params: Params, caught: Catcher) -> None:
        description = ""
        with open(self.folder / LOG, "a") as log:
            print(f"# step {len(run.steps) + 1}: {name}", file=log, flush=True)
            params.log = lambda value: print(f"#   drew {value!r}", file=log, flush=True)
            try:
                description = CATALOGUE[name].act(self, params)
            except Exception:
                caught.exceptions.append(traceback.format_exc())
            run.steps.append(Step(name, tuple(params.recorded), description))
            print(f"{run.steps[-1].code()}  # {description}", file=log)
        self.settle()

    def settle(self) -> None:
        """Let the window answer what the step did: posted events and due timers."""
        QApplication.processEvents()
        QApplication.processEvents()

    def wait(self, ms: int) -> None:
        """Let ``ms`` milliseconds pass with the event loop running (training goes on if started)."""
        QTest.qWait(ms)

    def _failed(self, run: Run, caught: Catcher, step: int, check_invariants: bool = False) -> bool:
        if run.failure is None and caught.exceptions:
            text = caught.exceptions[0]
            run.failure = Failure("exception", exception_type(text), text, step)
        elif run.failure is None and caught.messages:
            text = caught.messages[0]
            run.failure = Failure("qt message", re.sub(r"[0-9.]+", "#", text), text, step)
        elif run.failure is None and check_invariants:
            try:
                check(self)
            except Broken as broken:
                run.failure = Failure("invariant", broken.name, broken.detail, step)
            except Exception:
                text = traceback.format_exc()
                run.failure = Failure("exception", exception_type(text), text, step)
        caught.clear()
        return run.failure is not None

    # -------------------------------------------------------------- window
    def _open_window(self) -> None:
        """A window as the app makes it, on files made afresh (a replay finds what the run found)."""
        self.files = make_files(self.folder / "files")
        language.install("en")  # (a run before may have left the interface in Korean)
        session = Session(Scenario.generate(Settings()))
        self.w = w = MainWindow(session)
        settings = QSettings(str(self.folder / "settings.ini"), QSettings.Format.IniFormat)
        settings.clear()
        w.files.settings = w.presentation.settings = settings
        w.autosaver = Autosaver(session, self.folder / "autosave", parent=w)
        w.autosaver.discard()
        self.shadow = UndoShadow(session)
        w.resize(*START_SIZE)
        w.show()
        w.activateWindow()  # the keyboard's window, as a person's would be
        deadline = time.monotonic() + 5
        while not w.isActiveWindow() and time.monotonic() < deadline:
            QTest.qWait(5)

    def _close_window(self, caught: Catcher) -> None:
        """Close as a person would (unsaved changes discarded), once any gradient check is back;
        then delete the window and the session (and with it the undo history) at once."""
        w, self.w = self.w, None
        if w is None:
            return
        try:
            QThreadPool.globalInstance().waitForDone(10_000)
            self.settle()
            self.dialogs.reply = "discard"
            w.close()
            w.autosaver.save_now()
            w.autosaver._writer.shutdown(wait=True)
            self.settle()
        except Exception:
            caught.exceptions.append(traceback.format_exc())
        self.shadow.detach()
        self.shadow = None
        w.session.deleteLater()
        w.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        language.install("en")  # the other tests speak English

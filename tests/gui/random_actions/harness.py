"""The harness: a fresh window, the actions run on it, and everything that can go wrong, caught.

``Harness.run_random(seed, count)`` runs ``count`` actions chosen by ``seed`` from the
catalogue on a new window; ``Harness.replay(steps)`` runs recorded steps on a new window.
After every step it fails on

- an exception, raised by the action or inside a Qt callback (a slot, a virtual method, a
  worker thread): the hooks pytest-qt itself uses, for one step at a time;
- a Qt message of warning level or above (a message handler), but for the offscreen
  platform's known harmless ones, each listed with its reason in ``HARMLESS``;
- a broken invariant (``invariants.check``).

The window is built as ``playground.app.run`` builds it (a session, the main window and its
autosaver), in a folder of its own: dialogs get scripted answers (``Dialogs``), files are
made in ``folder`` (``files.make_files``), and settings go to an ini file there.
"""

from __future__ import annotations

import re
import sys
import threading
import traceback
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from PySide6.QtCore import QEvent, QSettings, QThreadPool, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from engine.scenario import Scenario
from engine.settings import Settings
from playground.app import create_app
from playground.autosave import Autosaver
from playground.main_window import MainWindow
from playground.session import Session

from .catalogue import CATALOGUE
from .files import make_files
from .invariants import Broken, check
from .steps import Params, Step
from .undo_shadow import UndoShadow

# Messages the offscreen platform prints about what it cannot do; none is the app's doing.
HARMLESS = (
    "This plugin does not support propagateSizeHints()",  # no window manager to pass size hints to
)
Button = QMessageBox.StandardButton
REPLIES = {"save": Button.Save, "discard": Button.Discard, "cancel": Button.Cancel,
           "yes": Button.Yes, "no": Button.No}
START_SIZE = (1280, 800)


@dataclass
class Failure:
    """What went wrong after step ``step`` (-1: while the window was made; len(steps): closing it)."""

    kind: str    # "exception", "qt message" or "invariant"
    what: str    # the exception's type, the message without its numbers, or the invariant's name
    detail: str
    step: int

    def signature(self) -> tuple[str, str]:
        """What a shorter sequence must reproduce to count as the same failure."""
        return self.kind, self.what


@dataclass
class Run:
    steps: list[Step] = field(default_factory=list)
    failure: Failure | None = None


class Dialogs:
    """Scripted answers: ``reply`` to a question (a name in ``REPLIES``; a button the dialog
    does not offer gives its escape button), ``path`` to a file dialog ("" cancels). Each is used
    once, then goes back to the default. ``shown``: the warnings and notes shown."""

    def __init__(self):
        self.reply, self.path, self.shown = "discard", "", []

    def install(self, monkeypatch) -> None:
        monkeypatch.setattr(QMessageBox, "question", self._question)
        for kind in ("warning", "information", "critical"):
            monkeypatch.setattr(QMessageBox, kind, self._note)
        monkeypatch.setattr(QFileDialog, "getOpenFileName", self._file)
        monkeypatch.setattr(QFileDialog, "getSaveFileName", self._file)

    def _question(self, parent, title, text, buttons=Button.Yes | Button.No, *args):
        wanted, self.reply = REPLIES[self.reply], "discard"
        if buttons & wanted:
            return wanted
        return Button.Cancel if buttons & Button.Cancel else Button.No

    def _note(self, parent, title, text, *args):
        self.shown.append(text)
        return Button.Ok

    def _file(self, *args, **kwargs):
        path, self.path = self.path, ""
        return path, ""


class Harness:
    """Runs actions on fresh windows; ``folder`` holds their files, ``qtbot`` their widgets."""

    def __init__(self, qtbot, monkeypatch, folder: Path):
        self.qtbot, self.folder = qtbot, Path(folder)
        self.dialogs = Dialogs()
        self.dialogs.install(monkeypatch)
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
        (self.folder / "steps.log").unlink(missing_ok=True)
        with Catcher() as caught:
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
        """Run one action; the log (``steps.log``) says which, in case it takes the process down."""
        description = ""
        with open(self.folder / "steps.log", "a") as log:
            print(f"# step {len(run.steps) + 1}: {name} {tuple(params.values) or ''}", file=log, flush=True)
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

    def _failed(self, run: Run, caught: Catcher, step: int, check_invariants: bool = False) -> bool:
        if run.failure is None and caught.exceptions:
            text = caught.exceptions[0]
            run.failure = Failure("exception", _exception_type(text), text, step)
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
                run.failure = Failure("exception", _exception_type(text), text, step)
        caught.clear()
        return run.failure is not None

    # -------------------------------------------------------------- window
    def _open_window(self) -> None:
        """A window as the app makes it, on files made afresh (a replay finds what the run found)."""
        self.files = make_files(self.folder / "files")
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
        self.qtbot.waitUntil(w.isActiveWindow)

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


class Catcher:
    """Exceptions (in Qt callbacks, and in threads) and Qt messages, while in its ``with``."""

    def __init__(self):
        self.exceptions: list[str] = []
        self.messages: list[str] = []

    def clear(self) -> None:
        self.exceptions.clear()
        self.messages.clear()

    def __enter__(self) -> Catcher:
        self._hooks = sys.excepthook, threading.excepthook
        sys.excepthook = lambda kind, value, tb: self.exceptions.append(
            "".join(traceback.format_exception(kind, value, tb)))
        threading.excepthook = lambda args: self.exceptions.append("".join(traceback.format_exception(
            args.exc_type, args.exc_value, args.exc_traceback)))
        self._handler = qInstallMessageHandler(self._message)
        return self

    def __exit__(self, *exc) -> None:
        sys.excepthook, threading.excepthook = self._hooks
        qInstallMessageHandler(self._handler)

    def _message(self, kind: QtMsgType, context, text: str) -> None:
        if kind in (QtMsgType.QtDebugMsg, QtMsgType.QtInfoMsg) or text.startswith(HARMLESS):
            return
        self.messages.append(f"{kind.name}: {text}")
        print(self.messages[-1], file=sys.stderr, flush=True)  # a fatal one ends the process next


def _exception_type(text: str) -> str:
    """The exception's type from its formatted traceback (its last line's start)."""
    last = text.strip().splitlines()[-1]
    return last.split(":", 1)[0]

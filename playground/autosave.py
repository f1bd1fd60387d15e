"""The autosave: nothing the user made is lost when the app is killed or closed.

The session (points, classes, settings, trained weights, step, epoch, curves) is
written to ``autosave.npz`` in the app-data folder (``QStandardPaths.AppDataLocation``,
on Linux ``~/.local/share/decision-playground/decision-playground/``) a couple of seconds after
each change, at most ``MAX_WAIT_MS`` after the first unsaved one (so every few
seconds while training, never every frame), and on quit. The snapshot is taken on
the GUI thread (copies, a fraction of a millisecond); the file is written by one
writing thread, in order, so a slow disk never stalls training. The write is atomic
(``engine.snapshot``): a kill at any moment leaves the previous autosave or the new
one. At the next launch ``offer_restore`` asks whether to take it back.

A folder that cannot be written (read only, disk full) is reported once, in a
message box; the work stays in memory and later changes try again.

Listens to the session's points_changed, settings_changed, stats_changed and file_changed.
"""

from __future__ import annotations

import contextlib
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from PySide6.QtCore import QDate, QDateTime, QLocale, QObject, QStandardPaths, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from engine import snapshot
from engine.atomic_file import remove_stray_temporaries
from engine.model_file import ModelFileError
from playground.messages import message
from playground.session import Session

FILE_NAME = "autosave.npz"
UNREADABLE_NAME = "autosave-unreadable.npz"  # an autosave that could not be read is kept aside here
DEBOUNCE_MS = 2000  # quiet time after a change before writing
MAX_WAIT_MS = 5000  # the longest a change waits (while training, changes never stop)


def default_directory() -> Path:
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))


class Autosaver(QObject):
    """Writes ``session`` to ``directory / FILE_NAME`` (default: the app-data folder).
    ``parent``, a widget, is where messages are shown."""

    _written = Signal(object, object)  # from the writing thread: its error (or None), the change time

    def __init__(self, session: Session, directory: str | Path | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.path = Path(directory) if directory is not None else default_directory()
        self.path /= FILE_NAME
        self._first_change: float | None = None  # monotonic time of the oldest unsaved change
        self._reported = False  # a failure was shown: say nothing more until a write succeeds
        self._writer = ThreadPoolExecutor(max_workers=1)  # one at a time, in order: the newest wins
        self._written.connect(self._after_write)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._save_in_background)
        for signal in (session.points_changed, session.settings_changed, session.stats_changed,
                       session.file_changed):
            signal.connect(self._changed)
        remove_stray_temporaries(self.path)

    @property
    def pending(self) -> bool:
        """Whether there are changes not yet written nor being written."""
        return self._first_change is not None

    def _changed(self, *_) -> None:
        now = time.monotonic()
        if self._first_change is None:
            self._first_change = now
        waited_ms = (now - self._first_change) * 1000
        self.timer.start(int(max(0.0, min(DEBOUNCE_MS, MAX_WAIT_MS - waited_ms))))

    def save_now(self) -> bool:
        """Write the session, and wait for it, if it changed since the last write (on quit);
        False if the write failed."""
        submitted = self._submit()
        if submitted is None:
            return True
        future, first_change = submitted
        error = future.result()
        self._after_write(error, first_change)
        return error is None

    def _save_in_background(self) -> None:
        """The timer's write: the snapshot is taken here (a fraction of a millisecond), the
        file written in another thread, so a slow disk never stalls training or drawing."""
        submitted = self._submit()
        if submitted is not None:
            future, first_change = submitted
            written = self._written

            def report(done) -> None:
                with contextlib.suppress(RuntimeError):  # the window (and this object) went meanwhile
                    written.emit(done.result(), first_change)

            future.add_done_callback(report)

    def _submit(self):
        """Queue a write of the session as it is now for the writing thread; returns its future
        and the time of the oldest change it holds, or None if nothing changed."""
        self.timer.stop()
        first_change, self._first_change = self._first_change, None
        if first_change is None:
            return None
        return self._writer.submit(_write, self.path, self.session.snapshot()), first_change

    def _after_write(self, error: ModelFileError | None, first_change: float) -> None:
        if error is None:
            self._reported = False
            return
        if self._first_change is None:  # nothing newer since: unsaved from that change on
            self._first_change = first_change
        self._report(error)

    def _report(self, error: ModelFileError) -> None:
        if not self._reported:
            self._reported = True  # first: the message box below runs an event loop
            text = self.tr("The session cannot be autosaved: {reason}. Your work stays open; "
                           "save it to a file to keep it.").format(reason=message(error))
            QMessageBox.warning(self.parent(), self.tr("Autosave failed"), text)

    # ------------------------------------------------------------- restore
    def saved(self) -> snapshot.Snapshot | None:
        """The autosaved session, or None if there is none. One that cannot be read is moved
        aside (to ``UNREADABLE_NAME``, for whoever wants to look) and reported."""
        if not self.path.exists():
            return None
        try:
            return snapshot.load(self.path)
        except ModelFileError as error:
            aside = self.path.with_name(UNREADABLE_NAME)
            with contextlib.suppress(OSError):
                self.path.replace(aside)
            QMessageBox.warning(self.parent(), self.tr("Autosave unreadable"),
                                self.tr("The autosaved session cannot be read ({reason}). "
                                        "It was kept as {path}.").format(reason=message(error), path=aside))
            return None

    def discard(self) -> None:
        self.path.unlink(missing_ok=True)

    def offer_restore(self) -> bool:
        """Ask whether to restore the autosaved session, if there is one: Yes restores it,
        No deletes it. Returns whether it was restored."""
        saved = self.saved()
        if saved is None:
            return False
        answer = QMessageBox.question(
            self.parent(), self.tr("Restore session"),
            self.tr("Restore the session from {time}?").format(time=when(saved.saved_at)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes:
            self.session.restore(saved)
            self._first_change = None  # what is on disk is what is open
            self.timer.stop()
            return True
        self.discard()
        return False


def _write(path: Path, taken: snapshot.Snapshot) -> ModelFileError | None:
    """Write a snapshot (in the writing thread); returns what went wrong, if anything."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        snapshot.save(path, taken)
    except OSError as error:  # the folder cannot be made
        return ModelFileError("", "cannot_save", path=str(path), reason=error.strerror or str(error))
    except ModelFileError as error:
        return error
    return None


def when(seconds: float) -> str:
    """A moment, as people say it here: the time alone today ('14:02'), else the date too."""
    moment = QDateTime.fromSecsSinceEpoch(int(seconds))
    locale = QLocale()
    if moment.date() == QDate.currentDate():
        return locale.toString(moment.time(), QLocale.FormatType.ShortFormat)
    return locale.toString(moment, QLocale.FormatType.ShortFormat)

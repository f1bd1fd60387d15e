"""The autosave: the session comes back after a kill, and a folder that cannot be written loses nothing."""

import numpy as np
import pytest
from PySide6.QtWidgets import QMessageBox

from engine import atomic_file
from playground import autosave
from playground.autosave import Autosaver
from playground.session import Session

GRID = (-1.5, 1.5, -1.5, 1.5)


@pytest.fixture
def messages(monkeypatch):
    """The warnings shown, and scripted answers (default: Yes) to the restore question."""
    shown, asked, answers = [], [], []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: shown.append(text))

    def question(parent, title, text, *args):
        asked.append(text)
        return answers.pop(0) if answers else QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    return shown, asked, answers


def work(session: Session) -> None:
    """Points, settings and training that the user would not want to lose."""
    session.add_points([[0.25, -0.5], [0.4, 0.45]], label=1)
    session.set_model_field("hidden", (5, 3))
    session.set_training_field("optimizer", "adam")
    session.set_training_field("learning_rate", 0.02)
    session.step(40)


def test_the_session_comes_back_at_the_next_launch(qtbot, session, tmp_path, messages):
    shown, asked, _ = messages
    saver = Autosaver(session, tmp_path)
    work(session)
    assert saver.pending
    qtbot.waitUntil(saver.path.exists, timeout=autosave.MAX_WAIT_MS + 2000)  # by its own timer
    assert not saver.pending

    relaunched = Session()  # a new process: the defaults, until it is restored
    assert Autosaver(relaunched, tmp_path).offer_restore()
    assert len(asked) == 1 and asked[0].startswith("Restore the session from ") and asked[0].endswith("?")
    np.testing.assert_allclose(relaunched.points, session.points, atol=1e-6)
    np.testing.assert_array_equal(relaunched.labels, session.labels)
    assert relaunched.settings == session.settings
    assert relaunched.stats.step == 40 and relaunched.stats.epoch == session.stats.epoch
    np.testing.assert_allclose(relaunched.boundary_grid(GRID, 16), session.boundary_grid(GRID, 16), atol=1e-5)
    assert len(relaunched.history) == len(session.history)
    assert relaunched.modified and not shown
    for s in (session, relaunched):  # Adam goes on from its running means, not afresh
        s.step(20)
    np.testing.assert_allclose(relaunched.boundary_grid(GRID, 16), session.boundary_grid(GRID, 16), atol=1e-4)


def test_no_discards_the_autosave(qtbot, session, tmp_path, messages):
    _, _, answers = messages
    saver = Autosaver(session, tmp_path)
    work(session)
    assert saver.save_now() and saver.path.exists()
    answers.append(QMessageBox.StandardButton.No)
    fresh = Session()
    assert not Autosaver(fresh, tmp_path).offer_restore()
    assert not saver.path.exists() and fresh.stats.step == 0


def test_a_kill_between_writes_restores_the_last_whole_autosave(qtbot, session, tmp_path, messages,
                                                                monkeypatch):
    saver = Autosaver(session, tmp_path)
    work(session)
    assert saver.save_now()
    points, step = session.points.copy(), session.stats.step
    session.add_points([[0.9, 0.9]])
    session.step(10)

    def killed(*args):
        raise KeyboardInterrupt  # the process dies after writing the new file, before renaming it

    with monkeypatch.context() as patched, pytest.raises(KeyboardInterrupt):
        patched.setattr(atomic_file.os, "replace", killed)
        saver.save_now()
    (tmp_path / ".autosave.npz.x1y2.tmp").write_bytes(b"half a file")  # what a real kill leaves

    relaunched = Session()
    Autosaver(relaunched, tmp_path).offer_restore()
    np.testing.assert_allclose(relaunched.points, points, atol=1e-6)
    assert relaunched.stats.step == step
    assert sorted(p.name for p in tmp_path.iterdir()) == ["autosave.npz"]  # the stray file is gone


def test_a_folder_that_cannot_be_written_is_reported_once_and_loses_nothing(qtbot, session, tmp_path,
                                                                           messages):
    shown, _, _ = messages
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder should be")  # fails even for root, unlike chmod
    saver = Autosaver(session, blocker / "app-data")
    work(session)
    points = session.points.copy()
    assert not saver.save_now()
    session.step(5)
    assert not saver.save_now()  # fails again, silently
    assert len(shown) == 1 and "cannot be autosaved" in shown[0] and "not-a-folder" in shown[0]
    np.testing.assert_array_equal(session.points, points)
    assert session.stats.step == 45 and saver.pending

    saver.path = tmp_path / "writable" / "autosave.npz"  # the disk has room again
    assert saver.save_now() and saver.path.exists()
    session.step(1)
    saver.path = blocker / "again.npz"
    assert not saver.save_now() and len(shown) == 2  # a new failure after a success is news


def test_a_full_disk_is_reported_and_the_old_autosave_stays(qtbot, session, tmp_path, messages,
                                                            monkeypatch):
    shown, _, _ = messages
    saver = Autosaver(session, tmp_path)
    work(session)
    assert saver.save_now()
    session.step(3)

    def full(*args):
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as patched:
        patched.setattr(atomic_file.os, "fsync", full)
        assert not saver.save_now()
    assert len(shown) == 1 and "No space left on device" in shown[0]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["autosave.npz"]
    relaunched = Session()
    Autosaver(relaunched, tmp_path).offer_restore()
    assert relaunched.stats.step == 40


def test_an_unreadable_autosave_is_kept_aside_and_reported(qtbot, session, tmp_path, messages):
    shown, asked, _ = messages
    (tmp_path / autosave.FILE_NAME).write_bytes(b"not an npz")
    assert not Autosaver(session, tmp_path).offer_restore()
    assert not asked and len(shown) == 1 and "cannot be read" in shown[0]
    assert (tmp_path / autosave.UNREADABLE_NAME).exists()


def test_training_is_saved_every_few_seconds_not_every_frame(qtbot, session, tmp_path, monkeypatch):
    saver = Autosaver(session, tmp_path)
    writes, clock = [], [100.0]
    monkeypatch.setattr(autosave.snapshot, "save", lambda path, snap: writes.append(snap.step))
    monkeypatch.setattr(autosave.time, "monotonic", lambda: clock[0])
    session.step(2)  # the first frame of a run
    assert saver.timer.interval() == autosave.DEBOUNCE_MS  # a quiet moment after a change ...
    for _ in range(36):  # ... never comes while training: 4.5 s of frames
        clock[0] += 0.125
        session.step(2)
    assert not writes and saver.timer.interval() == 500  # but the first change waits 5 s at most
    saver.timer.timeout.emit()  # the timer's moment comes: the file is written in another thread
    qtbot.waitUntil(lambda: writes == [74])
    assert not saver.pending and not saver.timer.isActive()


def test_a_failed_background_write_is_reported_and_tried_again(qtbot, session, tmp_path, messages):
    shown, _, _ = messages
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    saver = Autosaver(session, blocker)
    session.step(1)
    saver.timer.timeout.emit()
    qtbot.waitUntil(lambda: len(shown) == 1)
    assert saver.pending  # what failed to be written is still waiting
    saver.path = tmp_path / "autosave.npz"
    assert saver.save_now() and saver.path.exists() and not saver.pending

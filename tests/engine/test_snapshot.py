"""The autosave file: a whole session comes back, and a kill at any moment leaves a whole file."""

import os
import signal
import subprocess
import sys
import textwrap

import numpy as np
import pytest

from engine import atomic_file, snapshot
from engine.history import History
from engine.model_file import ModelFileError
from engine.scenario import Scenario
from engine.settings import DataSettings, Settings, TrainingSettings
from engine.snapshot import Snapshot
from engine.trainer import Trainer


def taken(steps: int, seed: int = 0) -> tuple[Snapshot, Trainer]:
    scenario = Scenario.generate(Settings(data=DataSettings(dataset="moons", seed=seed),
                                          training=TrainingSettings(optimizer="adam", learning_rate=0.02)),
                                 title="moons")
    trainer = Trainer.for_scenario(scenario)
    history = History()
    for _ in range(steps):
        stats = trainer.step(5)
        history.append(stats.step, stats)
    parameters = [p.data.copy() for p in trainer.model.parameters()]
    return Snapshot(scenario, parameters, trainer.steps, trainer.epoch, history.state(), "/tmp/demo.json",
                    True, 1767268920.5, trainer.optimizer.saved_state()), trainer


def test_a_snapshot_brings_back_the_whole_session(tmp_path):
    saved, trainer = taken(30)
    path = tmp_path / "autosave.npz"
    snapshot.save(path, saved)
    back = snapshot.load(path)
    s = back.scenario
    np.testing.assert_allclose(s.points, saved.scenario.points, atol=5e-7)
    np.testing.assert_array_equal(s.labels, saved.scenario.labels)
    assert s.settings == saved.scenario.settings and s.title == "moons"
    assert (back.step, back.epoch, back.path, back.modified, back.saved_at) == \
        (150, 150.0, "/tmp/demo.json", True, 1767268920.5)
    restored = Trainer.for_scenario(s)
    restored.set_parameters(back.parameters, back.step, back.epoch)
    np.testing.assert_allclose(restored.predict(s.points), trainer.predict(s.points), atol=1e-5)
    history = History()
    history.set_state(back.history)
    assert history.steps.tolist() == list(range(5, 155, 5))
    np.testing.assert_array_equal(history.values("grad_norms"), History_of(saved).values("grad_norms"))


def test_training_goes_on_from_a_snapshot_as_if_never_stopped(tmp_path):
    """Adam's running means and step count come back too: the next steps are the same steps."""
    saved, trainer = taken(30)
    path = tmp_path / "autosave.npz"
    snapshot.save(path, saved)
    back = snapshot.load(path)
    assert set(back.optimizer) == {"m", "v", "t"} and int(back.optimizer["t"]) == 150
    restored, afresh = Trainer.for_scenario(back.scenario), Trainer.for_scenario(back.scenario)
    restored.set_parameters(back.parameters, back.step, back.epoch, back.optimizer)
    afresh.set_parameters(back.parameters, back.step, back.epoch)  # without the optimizer's state
    for t in (trainer, restored, afresh):
        t.step(20)
    def farthest(other: Trainer) -> float:  # from the run that never stopped
        return max(np.abs(a.data - b.data).max() for a, b in zip(trainer.model.parameters(),
                                                                  other.model.parameters()))

    # (the file keeps the points in float32, so the restored run is close, not bit for bit)
    assert farthest(restored) < 1e-5 and farthest(afresh) > 1e-3


@pytest.mark.parametrize("broken", [{"m": np.zeros(3)}, {"t": np.array([1, 2])}, {"v": np.array(["x"] * 3)}])
def test_an_optimizer_state_that_does_not_fit_is_left_out(tmp_path, broken):
    saved, _ = taken(2)
    size = sum(p.size for p in saved.parameters)
    saved.optimizer = {"m": np.zeros(size), "v": np.zeros(size), "t": np.array(3), **broken}
    if "v" in broken:
        saved.optimizer["v"] = np.array(["x"] * size)
    path = tmp_path / "autosave.npz"
    snapshot.save(path, saved)
    back = snapshot.load(path)
    assert back.optimizer == {} and back.step == 10  # the optimizer starts afresh; the rest is whole


def History_of(saved: Snapshot) -> History:
    history = History()
    history.set_state(saved.history)
    return history


def test_a_kill_before_the_rename_leaves_the_previous_autosave(tmp_path, monkeypatch):
    path = tmp_path / "autosave.npz"
    first, _ = taken(2)
    snapshot.save(path, first)
    second, _ = taken(20, seed=1)

    def killed(*args):
        raise KeyboardInterrupt  # stands for SIGKILL between writing the new file and renaming it

    monkeypatch.setattr(atomic_file.os, "replace", killed)
    with pytest.raises(KeyboardInterrupt):
        snapshot.save(path, second)
    monkeypatch.undo()
    assert snapshot.load(path).step == 10  # the old one, whole
    assert [p.name for p in tmp_path.iterdir()] == ["autosave.npz"]  # and no stray temporary file


def test_a_process_killed_while_saving_leaves_a_whole_file(tmp_path):
    """A child saves snapshots in a loop; SIGKILL it mid-loop: the file is one of them, whole."""
    path = tmp_path / "autosave.npz"
    child = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import sys
        sys.path[:0] = {sys.path!r}
        from tests.engine.test_snapshot import taken
        from engine import snapshot
        saved, _ = taken(3)
        for i in range(100000):
            saved.step = i
            snapshot.save({str(path)!r}, saved)
            print(i, flush=True)
        """)], stdout=subprocess.PIPE, text=True, cwd=os.getcwd())
    for _ in range(20):
        last = int(child.stdout.readline())
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    child.stdout.close()
    assert snapshot.load(path).step >= last  # whole, and at least as new as the last reported save
    atomic_file.remove_stray_temporaries(path)
    assert [p.name for p in tmp_path.iterdir()] == ["autosave.npz"]


def test_a_damaged_autosave_is_a_coded_error(tmp_path):
    path = tmp_path / "autosave.npz"
    saved, _ = taken(1)
    snapshot.save(path, saved)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(ModelFileError) as caught:
        snapshot.load(path)
    assert caught.value.code == "model_not_npz"


def test_history_state_refuses_what_does_not_fit():
    history = History(capacity=8)
    with pytest.raises(ValueError):
        history.set_state({"steps": np.arange(9), "stride": np.array(1)})  # more than it holds
    with pytest.raises(ValueError):
        history.set_state({"steps": np.array([3, 2]), "stride": np.array(1)})  # steps go back
    history.set_state({"steps": np.zeros(0), "stride": np.array(1)})
    assert len(history) == 0

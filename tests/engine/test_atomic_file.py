"""The shared atomic writer: through symbolic links, never over a read-only file."""

from __future__ import annotations

import os
import stat

import pytest

from engine import csv_points, model_file
from engine.atomic_file import ReadOnlyFile, remove_stray_temporaries, write_atomic
from engine.scenario import Scenario, ScenarioError, load, save
from engine.settings import Settings

posix_only = pytest.mark.skipif(os.name != "posix", reason="symbolic links and modes as on POSIX")


def scenario(title: str = "new") -> Scenario:
    return Scenario.generate(Settings(), title=title)


@posix_only
def test_saving_through_a_symlink_writes_its_target_and_keeps_the_link(tmp_path):
    target = tmp_path / "real" / "demo.json"
    target.parent.mkdir()
    save(scenario("old"), target)
    link = tmp_path / "demo.json"
    link.symlink_to(target)
    save(scenario("new"), link)
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert load(target).title == "new"
    assert os.listdir(target.parent) == ["demo.json"]  # the temporary file was beside the target


@posix_only
def test_a_chain_of_links_is_followed_to_the_end(tmp_path):
    target = tmp_path / "demo.json"
    target.write_text("old")
    (tmp_path / "one.json").symlink_to(target)
    (tmp_path / "two.json").symlink_to(tmp_path / "one.json")
    write_atomic(tmp_path / "two.json", lambda file: file.write(b"new"))
    assert target.read_text() == "new" and (tmp_path / "two.json").is_symlink()


@posix_only
def test_a_dangling_link_creates_its_target(tmp_path):
    (tmp_path / "link.json").symlink_to(tmp_path / "made.json")
    write_atomic(tmp_path / "link.json", lambda file: file.write(b"new"))
    assert (tmp_path / "made.json").read_text() == "new"


@posix_only
@pytest.mark.parametrize("save_one", [
    lambda path: save(scenario(), path),
    lambda path: csv_points.save(path, [[0.0, 0.0]], [0], [False], ["A", "B"]),
    lambda path: model_file.save(path, model_file.ModelFile(Settings().model, ["A", "B"], [])),
])
def test_a_read_only_file_is_refused_and_left_as_it_was(tmp_path, save_one):
    target = tmp_path / "kept"
    target.write_text("previous content")
    os.chmod(target, 0o444)
    with pytest.raises(ValueError) as caught:  # each format's coded error
        save_one(target)
    assert (caught.value.code, caught.value.params) == ("read_only_file", {"path": str(target)})
    assert target.read_text() == "previous content"
    assert stat.S_IMODE(target.stat().st_mode) == 0o444
    assert os.listdir(tmp_path) == ["kept"]


@posix_only
def test_a_read_only_target_behind_a_link_is_refused_too(tmp_path):
    target = tmp_path / "kept.json"
    target.write_text("previous content")
    os.chmod(target, 0o400)
    (tmp_path / "link.json").symlink_to(target)
    with pytest.raises(ScenarioError) as caught:
        save(scenario(), tmp_path / "link.json")
    assert caught.value.code == "read_only_file"
    with pytest.raises(ReadOnlyFile):  # an OSError for callers of the plain writer (the GIF recorder)
        write_atomic(tmp_path / "link.json", lambda file: file.write(b"new"))
    assert target.read_text() == "previous content"


@posix_only
def test_stray_temporaries_are_cleared_beside_the_target_of_a_link(tmp_path):
    (tmp_path / "real").mkdir()
    target = tmp_path / "real" / "autosave.npz"
    (tmp_path / "autosave.npz").symlink_to(target)
    stray = tmp_path / "real" / ".autosave.npz.abc.tmp"
    stray.write_bytes(b"half")
    remove_stray_temporaries(tmp_path / "autosave.npz")
    assert not stray.exists()

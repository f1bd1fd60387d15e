"""Installing the app: the package's files, and `install-desktop`."""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from playground import desktop
from playground.cli import main
from playground.resources import DESKTOP_ENTRY, ICON, asset_path

ROOT = Path(__file__).parents[2]


def test_every_package_and_the_assets_are_in_the_wheel():
    """pyproject lists the packages by hand (assets/ goes in as playground/assets): none may be missing."""
    tomllib = pytest.importorskip("tomllib")  # Python 3.11+
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    packages = {".".join(init.parent.relative_to(ROOT).parts) for top in ("engine", "playground")
                for init in (ROOT / top).rglob("__init__.py")}
    assert set(config["packages"]) == packages | {"playground.assets"}
    assert config["package-dir"] == {"playground.assets": "assets"}
    assert config["package-data"]["playground.assets"] == ["**/*"]


def test_the_app_finds_its_files():
    assert asset_path(ICON).read_text().lstrip().startswith("<?xml")
    assert "[Desktop Entry]" in asset_path(DESKTOP_ENTRY).read_text()
    assert len(list(asset_path("lessons").glob("*.json"))) >= 11


def test_install_desktop_writes_the_entry_and_the_icon_and_removes_them(tmp_path, capsys):
    assert desktop.run(argparse.Namespace(remove=False), data_home=tmp_path) == 0
    entry, icon = desktop.targets(tmp_path)
    text = entry.read_text()
    assert f"Exec={sys.executable} -m playground\n" in text or f'Exec="{sys.executable}"' in text
    assert f"Icon={icon}\n" in text and "Name[ko]=" in text
    assert icon.read_bytes() == asset_path(ICON).read_bytes()
    assert str(entry) in capsys.readouterr().out
    assert desktop.run(argparse.Namespace(remove=True), data_home=tmp_path) == 0
    assert not entry.exists() and not icon.exists()


def test_an_exec_line_quotes_what_needs_quoting():
    entry = desktop.desktop_entry(Path("/i.svg"), python="/my env/$x/python")
    line = next(line for line in entry.splitlines() if line.startswith("Exec="))
    assert line == 'Exec="/my env/\\$x/python" -m playground'


def test_a_folder_that_cannot_be_written_is_one_line(tmp_path, capsys):
    (tmp_path / "applications").write_text("a file where a folder should be")
    assert desktop.run(argparse.Namespace(remove=False), data_home=tmp_path) == 2
    err = capsys.readouterr().err
    assert err.startswith("playground: cannot write ") and err.count("\n") == 1


def test_install_desktop_is_a_command(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert main(["install-desktop"]) == 0
    assert (tmp_path / "applications" / "decision-playground.desktop").exists()


def test_the_desktop_entries_are_valid(tmp_path):
    """As freedesktop's own checker sees them (skipped where desktop-file-utils is not installed)."""
    validate = shutil.which("desktop-file-validate")
    if validate is None:
        pytest.skip("desktop-file-validate is not installed")
    installed = desktop.targets(tmp_path)[0]
    installed.parent.mkdir(parents=True)
    installed.write_text(desktop.desktop_entry(tmp_path / "icon.svg"))
    for entry in (asset_path(DESKTOP_ENTRY), installed):
        result = subprocess.run([validate, str(entry)], capture_output=True, text=True, timeout=30)
        assert result.returncode == 0 and not result.stdout.strip(), result.stdout

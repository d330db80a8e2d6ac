"""install.sh puts a built folder and its desktop integration in place, and takes them away.

A stand-in folder (a shell script for the program, the real share/ files) keeps this fast; the
smoke test runs the same script on the real build.
"""

from __future__ import annotations

import importlib.util
import os
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
APP_ID = "cn.ljtracker.LJTracker"
MIME_TYPE = "application/x-ljtracker-workbook"


def add_desktop_integration(folder: Path) -> None:
    path = ROOT / "packaging" / "desktop_files.py"
    spec = importlib.util.spec_from_file_location("desktop_files", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.add_desktop_integration(ROOT, folder)


@pytest.fixture
def bundle(tmp_path: Path) -> Path:
    folder = tmp_path / "dist" / "ljtracker"
    (folder / "_internal").mkdir(parents=True)
    program = folder / "ljtracker"
    program.write_text('#!/bin/sh\necho "ljtracker stand-in: $*"\n')
    program.chmod(0o755)
    add_desktop_integration(folder)
    return folder


class Prefix:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.app_dir = root / "opt dir" / "ljtracker"
        self.data_dir = root / "share"
        self.bin_dir = root / "bin"

    def options(self) -> list[str]:
        return [
            *("--app-dir", str(self.app_dir)),
            *("--data-dir", str(self.data_dir)),
            *("--bin-dir", str(self.bin_dir)),
        ]

    def run(self, script: Path, *extra: str) -> subprocess.CompletedProcess[str]:
        env = {"PATH": os.environ["PATH"], "HOME": str(self.root)}
        return subprocess.run(
            ["bash", str(script), *self.options(), *extra],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )

    @property
    def desktop_file(self) -> Path:
        return self.data_dir / "applications" / f"{APP_ID}.desktop"


@pytest.fixture
def prefix(tmp_path: Path) -> Prefix:
    return Prefix(tmp_path / "prefix")


def exec_words(desktop_file: Path) -> list[str]:
    line = next(x for x in desktop_file.read_text().splitlines() if x.startswith("Exec="))
    return shlex.split(line.removeprefix("Exec="))


def test_install_puts_the_program_its_menu_entry_icons_and_file_type_in_place(
    bundle: Path, prefix: Prefix
) -> None:
    result = prefix.run(bundle / "install.sh")
    assert result.returncode == 0, result.stderr
    assert (prefix.app_dir / "ljtracker").is_file()
    program, argument = exec_words(prefix.desktop_file)
    assert argument == "%f"
    # The menu entry runs the installed copy by its full path, quoted around the space.
    assert program == str(prefix.app_dir / "ljtracker")
    assert f'Exec="{prefix.app_dir}/ljtracker" %f' in prefix.desktop_file.read_text()
    ran = subprocess.run([program, "plan.ljt"], capture_output=True, text=True, check=True)
    assert ran.stdout.strip() == "ljtracker stand-in: plan.ljt"
    linked = subprocess.run(
        [str(prefix.bin_dir / "ljtracker"), "--version"], capture_output=True, text=True, check=True
    )
    assert "--version" in linked.stdout
    assert (prefix.data_dir / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()
    assert (prefix.data_dir / "mime" / "packages" / f"{APP_ID}.xml").is_file()
    for size in ("16x16", "256x256"):
        assert (prefix.data_dir / "icons" / "hicolor" / size / "apps" / f"{APP_ID}.png").is_file()
    assert (prefix.data_dir / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").is_file()


def test_install_refreshes_the_mime_and_menu_caches_where_the_tools_exist(
    bundle: Path, prefix: Prefix
) -> None:
    if not (shutil.which("update-mime-database") and shutil.which("update-desktop-database")):
        pytest.skip("shared-mime-info or desktop-file-utils is not installed")
    assert prefix.run(bundle / "install.sh").returncode == 0
    assert f"{MIME_TYPE}:*.ljt" in (prefix.data_dir / "mime" / "globs2").read_text()
    cache = (prefix.data_dir / "applications" / "mimeinfo.cache").read_text()
    assert f"{MIME_TYPE}={APP_ID}.desktop;" in cache


def test_installing_again_replaces_the_previous_version(bundle: Path, prefix: Prefix) -> None:
    assert prefix.run(bundle / "install.sh").returncode == 0
    (prefix.app_dir / "_internal" / "left-from-before").write_text("old")
    assert prefix.run(bundle / "install.sh").returncode == 0
    assert not (prefix.app_dir / "_internal" / "left-from-before").exists()


def test_install_refuses_to_replace_a_folder_that_is_not_ljtracker(
    bundle: Path, prefix: Prefix
) -> None:
    prefix.app_dir.mkdir(parents=True)
    (prefix.app_dir / "notes.txt").write_text("someone's work")
    result = prefix.run(bundle / "install.sh")
    assert result.returncode != 0
    assert "not an ljtracker folder" in result.stderr
    assert (prefix.app_dir / "notes.txt").read_text() == "someone's work"


def test_install_without_a_build_says_how_to_make_one(tmp_path: Path, prefix: Prefix) -> None:
    script = tmp_path / "repo" / "packaging" / "install-linux.sh"
    script.parent.mkdir(parents=True)
    shutil.copyfile(ROOT / "packaging" / "install-linux.sh", script)
    result = prefix.run(script)
    assert result.returncode == 1
    assert "make package" in result.stderr


def test_uninstall_from_the_installed_folder_removes_everything_it_put_there(
    bundle: Path, prefix: Prefix
) -> None:
    assert prefix.run(bundle / "install.sh").returncode == 0
    other_icon = prefix.data_dir / "icons" / "hicolor" / "16x16" / "apps" / "another-app.png"
    other_icon.write_bytes(b"not ours")
    result = prefix.run(prefix.app_dir / "install.sh", "--uninstall")
    assert result.returncode == 0, result.stderr
    assert not prefix.app_dir.exists()
    assert not prefix.desktop_file.exists()
    assert not (prefix.bin_dir / "ljtracker").exists()
    assert not list((prefix.data_dir / "icons").rglob(f"{APP_ID}.*"))
    assert not (prefix.data_dir / "metainfo" / f"{APP_ID}.metainfo.xml").exists()
    assert other_icon.read_bytes() == b"not ours"

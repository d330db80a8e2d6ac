"""The Linux desktop integration: menu entry, software-centre description, icons, file type."""

from __future__ import annotations

import configparser
import fnmatch
import importlib.util
import shutil
import sqlite3
import struct
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from PySide6.QtGui import QColor, QImage

import ljtracker

ROOT = Path(__file__).resolve().parents[2]
RESOURCES = ROOT / "resources"
APP_ID = "cn.ljtracker.LJTracker"
MIME_TYPE = "application/x-ljtracker-workbook"
DESKTOP_FILE = RESOURCES / f"{APP_ID}.desktop"
METAINFO_FILE = RESOURCES / f"{APP_ID}.metainfo.xml"
MIME_FILE = RESOURCES / f"{APP_ID}-mime.xml"
THEME = RESOURCES / "icons" / "hicolor"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(DESKTOP_FILE, encoding="utf-8")
    return parser["Desktop Entry"]


def metainfo() -> ET.Element:
    return ET.parse(METAINFO_FILE).getroot()


def mime_type() -> ET.Element:
    node = ET.parse(MIME_FILE).getroot().find(f"{MIME_NS}mime-type")
    assert node is not None
    return node


def render_icons_script() -> ModuleType:
    script = ROOT / "packaging" / "render_icons.py"
    spec = importlib.util.spec_from_file_location("render_icons", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def run_tool(*command: str) -> subprocess.CompletedProcess[str]:
    if shutil.which(command[0]) is None:
        pytest.skip(f"{command[0]} is not installed (see scripts/system-packages.txt)")
    return subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)


# The menu entry


def test_the_menu_entry_starts_ljtracker_on_the_file_it_is_given() -> None:
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == "ljtracker"
    assert entry["Exec"] == "ljtracker %f"
    assert entry["Terminal"] == "false"
    assert entry["Icon"] == APP_ID
    assert "Office" in entry["Categories"].split(";")
    assert entry["MimeType"].split(";") == [MIME_TYPE, ""]
    assert entry["Comment[zh_CN]"] and entry["GenericName[zh_CN]"]


def test_the_window_names_the_menu_entry_it_belongs_to() -> None:
    from ljtracker.ui.app import DESKTOP_ID

    assert DESKTOP_ID == APP_ID


def test_desktop_file_validate_accepts_the_menu_entry() -> None:
    result = run_tool("desktop-file-validate", str(DESKTOP_FILE))
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


# The software-centre description


def test_metainfo_names_the_application_its_entry_and_its_file_type() -> None:
    root = metainfo()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("metadata_license") == "CC0-1.0"
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    assert root.findtext("project_license") == pyproject["project"]["license"]
    assert root.findtext("name") == desktop_entry()["Name"]
    summaries = {s.get(XML_LANG): s.text for s in root.findall("summary")}
    assert summaries[None] and summaries["zh-CN"]
    assert len(root.findall("description/p")) >= 2
    launchable = root.find("launchable")
    assert launchable is not None and launchable.get("type") == "desktop-id"
    assert launchable.text == DESKTOP_FILE.name
    assert root.findtext("provides/mediatype") == MIME_TYPE
    assert root.findtext("provides/binary") == "ljtracker"


def test_the_newest_release_in_the_metainfo_is_this_version() -> None:
    release = metainfo().find("releases/release")
    assert release is not None and release.get("version") == ljtracker.__version__


def test_every_metainfo_screenshot_is_one_the_screenshot_command_made() -> None:
    screenshots = metainfo().findall("screenshots/screenshot")
    assert len(screenshots) >= 2
    assert [s.get("type") for s in screenshots].count("default") == 1
    for screenshot in screenshots:
        image = screenshot.find("image")
        assert image is not None and image.text is not None
        assert image.text.startswith("https://"), image.text
        local = ROOT / "docs" / "screenshots" / image.text.rsplit("/", 1)[-1]
        assert local.is_file(), f"{image.text} has no {local.relative_to(ROOT)}"
        assert png_size(local) == (int(image.get("width", 0)), int(image.get("height", 0)))
        captions = {c.get(XML_LANG) for c in screenshot.findall("caption")}
        assert captions == {None, "zh-CN"}


def test_appstreamcli_validates_the_metainfo() -> None:
    result = run_tool("appstreamcli", "validate", "--no-net", str(METAINFO_FILE))
    assert result.returncode == 0, result.stdout + result.stderr


# The icons


@pytest.mark.parametrize("size", ICON_SIZES)
def test_an_icon_is_there_at_every_size(size: int) -> None:
    path = THEME / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
    assert png_size(path) == (size, size)


def test_the_scalable_icon_is_the_application_icon() -> None:
    scalable = THEME / "scalable" / "apps" / f"{APP_ID}.svg"
    source = ROOT / "src" / "ljtracker" / "icons" / "ljtracker.svg"
    assert scalable.read_bytes() == source.read_bytes()


# The icon's drawing: a blue tile, a white rising line and the gold target it reaches.
ICON_PALETTE = {"tile": QColor("#0F5A9C"), "line": QColor("#FFFFFF"), "target": QColor("#F2B01E")}


def pixels_near(image: QImage, color: QColor, tolerance: int = 40) -> int:
    return sum(
        1
        for y in range(image.height())
        for x in range(image.width())
        if image.pixelColor(x, y).alpha() > 200
        and max(
            abs(image.pixelColor(x, y).red() - color.red()),
            abs(image.pixelColor(x, y).green() - color.green()),
            abs(image.pixelColor(x, y).blue() - color.blue()),
        )
        <= tolerance
    )


@pytest.mark.parametrize("size", [16, 256])
def test_the_icon_shows_its_tile_line_and_target_at(size: int, qapp: Any) -> None:
    script = render_icons_script()
    image = script.render(script.source_for(size), size)
    area = size * size
    assert pixels_near(image, ICON_PALETTE["tile"]) > area / 3
    for part in ("line", "target"):
        # At 16 px each is a few clean pixels, not a blur of the two into each other.
        assert pixels_near(image, ICON_PALETTE[part]) >= area / 64, part


@pytest.mark.parametrize("size", ICON_SIZES)
def test_the_committed_icons_are_the_current_drawing(size: int, qapp: Any) -> None:
    script = render_icons_script()
    fresh = script.render(script.source_for(size), size)
    fresh = fresh.convertToFormat(QImage.Format.Format_ARGB32)
    committed = QImage(str(THEME / f"{size}x{size}" / "apps" / f"{APP_ID}.png"))
    committed = committed.convertToFormat(QImage.Format.Format_ARGB32)
    differences = [
        abs(QColor(fresh.pixel(x, y)).lightness() - QColor(committed.pixel(x, y)).lightness())
        for y in range(size)
        for x in range(size)
    ]
    assert sum(differences) / len(differences) < 3, "run python packaging/render_icons.py"


# The workbook file type


def test_workbook_files_are_recognised_by_their_name() -> None:
    node = mime_type()
    assert node.get("type") == MIME_TYPE
    patterns = [glob.get("pattern", "") for glob in node.findall(f"{MIME_NS}glob")]
    assert patterns == ["*.ljt"]
    assert fnmatch.fnmatch("Liangjiang plan 2025.ljt", patterns[0])
    assert not fnmatch.fnmatch("plan.ljt.lock", patterns[0])
    parent = node.find(f"{MIME_NS}sub-class-of")
    assert parent is not None and parent.get("type") == "application/vnd.sqlite3"


def magic_matches(rule: ET.Element, data: bytes) -> bool:
    offset = int(rule.get("offset", "0"))
    kind, value = rule.get("type"), rule.get("value", "")
    if kind == "string":
        expected = value.encode()
    elif kind == "big32":
        expected = struct.pack(">I", int(value, 0))
    else:
        raise AssertionError(f"magic type {kind} not understood by this test")
    if data[offset : offset + len(expected)] != expected:
        return False
    nested = rule.findall(f"{MIME_NS}match")
    return not nested or any(magic_matches(child, data) for child in nested)


def sniffed_as_workbook(path: Path) -> bool:
    data = path.read_bytes()[:512]
    rules = mime_type().findall(f"{MIME_NS}magic/{MIME_NS}match")
    return any(magic_matches(rule, data) for rule in rules)


def test_a_renamed_workbook_is_still_a_workbook_by_its_content(demo_path: Path) -> None:
    renamed = demo_path.rename(demo_path.with_name("figures from the office.db"))
    assert sniffed_as_workbook(renamed)


def test_another_sqlite_file_is_not_taken_for_a_workbook(tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite3"
    with sqlite3.connect(other) as db:
        db.execute("create table t (x)")
    db.close()
    assert not sniffed_as_workbook(other)


def test_update_mime_database_registers_the_glob_and_the_magic(tmp_path: Path) -> None:
    packages = tmp_path / "mime" / "packages"
    packages.mkdir(parents=True)
    shutil.copyfile(MIME_FILE, packages / f"{APP_ID}.xml")
    result = run_tool("update-mime-database", str(tmp_path / "mime"))
    assert result.returncode == 0, result.stderr
    assert f"{MIME_TYPE}:*.ljt" in (tmp_path / "mime" / "globs2").read_text()
    assert MIME_TYPE.encode() in (tmp_path / "mime" / "magic").read_bytes()

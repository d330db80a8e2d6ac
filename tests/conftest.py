from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from ljtracker.services.demo import write_demo
from ljtracker.storage.workbook import Workbook


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.ljt"
    write_demo(path)
    return path


@pytest.fixture
def demo_path(demo_template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "demo.ljt"
    path.write_bytes(demo_template.read_bytes())
    return path


@pytest.fixture
def demo(demo_path: Path) -> Iterator[Workbook]:
    with Workbook.open(demo_path) as wb:
        yield wb


@pytest.fixture
def empty(tmp_path: Path) -> Iterator[Workbook]:
    with Workbook.create(tmp_path / "empty.ljt") as wb:
        yield wb

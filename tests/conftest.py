from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from ljtracker.services import clock
from ljtracker.services.demo import write_demo
from ljtracker.storage.workbook import Workbook
from ljtracker.storage.writer import ChangeWriter, Entity


@pytest.fixture(scope="session", autouse=True)
def _a_widget_application_first(qapp: Any) -> None:
    """The report command makes a QGuiApplication when none exists, as it needs no widgets;
    made first by such a test, it would abort every later test's widget. The window's kind of
    application is made before any test runs, whichever runs first."""


@pytest.fixture(autouse=True)
def _widgets_closed_before_collection(request: pytest.FixtureRequest) -> Iterator[None]:
    """A pyqtgraph view holds reference cycles; when Python's collector frees one that is still
    open, its scene is torn down item by item in an order that can crash the interpreter (a
    legend label resized after its text item is gone). The window never leaves a chart to the
    collector (each belongs to a page: test_main_window holds that), but tests make charts of
    their own. During a test with widgets nothing is collected; afterwards only once pytest-qt
    has closed the widgets given to `qtbot.addWidget` (pyqtgraph's close clears the scene)."""
    if "qtbot" not in request.fixturenames:
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
        gc.collect(0)  # during the test nothing grew old


THIS_YEAR = 2026


@pytest.fixture(autouse=True)
def _the_year_it_is(monkeypatch: pytest.MonkeyPatch) -> None:
    """What a test expects does not change with the calendar: for every test the year it is
    is 2026 (the year after the demo's plans end), unless the test sets another."""
    monkeypatch.setattr(clock, "this_year", lambda: THIS_YEAR)


@pytest.fixture
def ids_used_again(monkeypatch: pytest.MonkeyPatch) -> None:
    """Rows numbered as workbooks written by earlier versions have them: a new row takes the
    number of the newest row deleted, as SQLite gives it. Such workbooks are still read."""

    def as_sqlite_numbers(writer: ChangeWriter, entity: Entity, _count: int = 1) -> int:
        (largest,) = writer.db.conn.execute(f"SELECT max(id) FROM {entity.value}").fetchone()
        return int(largest or 0) + 1

    monkeypatch.setattr(ChangeWriter, "_fresh_id", as_sqlite_numbers)


@pytest.fixture
def while_the_demo_plans_run(monkeypatch: pytest.MonkeyPatch) -> None:
    """The year it is is 2025, the last year of the demo's main plans: their targets are
    judged by their pace, not awaited."""
    monkeypatch.setattr(clock, "this_year", lambda: 2025)


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


@pytest.fixture
def user_dirs(qapp: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Settings and the data folder in a temporary place, in English."""
    from PySide6.QtCore import QEvent, QSettings, QStandardPaths
    from PySide6.QtWidgets import QApplication

    from ljtracker.ui import app, i18n

    # Widgets other tests closed are still waiting for deletion; a language change reaches them.
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    app.prepare_application()
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    QStandardPaths.setTestModeEnabled(True)
    for kind in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(kind, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    QSettings().clear()
    QSettings().setValue("language", "en")
    i18n.install("en")
    yield tmp_path
    i18n.install("en")
    QStandardPaths.setTestModeEnabled(False)


@pytest.fixture
def window(user_dirs: Path, demo_path: Path, qtbot: Any) -> Iterator[Any]:
    """The main window on a copy of the demo workbook."""
    from ljtracker.ui import app

    created = app.create_window([str(demo_path)])
    qtbot.addWidget(created)
    yield created
    created.close()


@pytest.fixture
def session(demo_path: Path, qtbot: Any) -> Iterator[Any]:
    """The window's session on a copy of the demo workbook, in English."""
    from ljtracker.ui.session import Session

    opened = Session(Workbook.open(demo_path), lang="en")
    yield opened
    opened.close()

"""Render the main views in English and Chinese to PNG files, for the README and packaging,
and the report's page on the Liangjiang GDP target to docs/report-page.png.

Usage: python scripts/screenshots.py [FOLDER]   (default docs/screenshots; runs offscreen)

Works on a copy of the demo workbook in a temporary folder, with settings kept there too, so
neither the user's settings nor their workbooks are touched.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QApplication

from ljtracker.report.builder import ReportOptions, build_report
from ljtracker.report.render import write_pdf
from ljtracker.services.demo import write_demo
from ljtracker.storage import reads
from ljtracker.storage.workbook import Workbook
from ljtracker.ui import app, i18n
from ljtracker.ui.app_settings import AppSettings
from ljtracker.ui.main_window import MainWindow

SIZE = (1400, 900)
PLAN, TARGET, YEAR = "LJ2025", "LJ-GDP", 2022
# the demo's latest figures: the plan judged while it ran, the same pictures whatever the year
AS_OF = 2023


def settle(qapp: QApplication) -> None:
    for _ in range(5):
        qapp.processEvents()


def capture(qapp: QApplication, window: MainWindow, path: Path) -> None:
    settle(qapp)
    if not window.grab().save(str(path)):
        raise SystemExit(f"could not write {path}")
    print(path)


def render(qapp: QApplication, workbook: Path, lang: str, folder: Path) -> None:
    settings = AppSettings()
    settings.language = lang
    i18n.install(lang)
    window = MainWindow(settings, lang)
    window.resize(*SIZE)
    window.show()
    if not window.open_path(workbook) or window.session is None:
        raise SystemExit(f"could not open {workbook}")
    window.session.set_as_of_year(AS_OF)
    wb = window.session.workbook
    plan = reads.plan_by_code(wb, PLAN)
    assert plan is not None and plan.id is not None
    target = reads.target_by_code(wb, plan.id, TARGET)
    assert target is not None and target.id is not None

    window.show_plan_view("plan")
    window.show_plan(plan.id)
    capture(qapp, window, folder / f"dashboard-{lang}.png")
    window.show_target(target.id)
    capture(qapp, window, folder / f"target-{lang}.png")
    window.show_plan_view("year_entry")
    window.show_plan(plan.id)
    window.views["year_entry"].set_year(YEAR)
    capture(qapp, window, folder / f"year-entry-{lang}.png")
    window.close()
    window.deleteLater()
    settle(qapp)


REPORT_PAGE = Path(__file__).resolve().parent.parent / "docs" / "report-page.png"
REPORT_AS_OF = 2021  # the year of the README's report example


def render_report_page(workbook: Path, temp: Path) -> None:
    """The page of the English report that opens the GDP target's section, at 80 dpi."""
    with Workbook.open(workbook, read_only=True) as wb:
        document = build_report(wb, ReportOptions(PLAN, "en", REPORT_AS_OF))
    pdf = temp / "report.pdf"
    pages = write_pdf(document, pdf)
    for page in range(1, pages + 1):
        text = subprocess.run(
            ["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        if f"{TARGET} " in text and "Kind: expected" in text:
            break
    else:
        raise SystemExit(f"no page of the report opens the section of {TARGET}")
    stem = temp / "page"
    pages_wanted = ["-f", str(page), "-l", str(page), "-singlefile"]
    subprocess.run(["pdftoppm", "-png", "-r", "80", *pages_wanted, str(pdf), str(stem)], check=True)
    REPORT_PAGE.write_bytes(stem.with_suffix(".png").read_bytes())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default="docs/screenshots")
    args = parser.parse_args(argv)
    folder = Path(args.folder)
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as temp:
        home = Path(temp)
        os.environ["HOME"] = str(home)
        qapp = app.prepare_application()
        QStandardPaths.setTestModeEnabled(True)
        QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(home))
        workbook = home / "demo.ljt"
        for lang in ("zh", "en"):  # the demo's notes and sources in the window's language
            workbook.unlink(missing_ok=True)
            write_demo(workbook, lang)
            render(qapp, workbook, lang, folder)
        render_report_page(workbook, home)
    return 0


if __name__ == "__main__":
    sys.exit(main())

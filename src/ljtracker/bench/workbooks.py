"""The files a benchmark run works on, made once per run in a scratch folder."""

from __future__ import annotations

import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import xlsxwriter

from ljtracker.bench.generate import generate, observation_rows
from ljtracker.services.demo import write_demo
from ljtracker.sheets.template import OBSERVATION_COLUMNS, OBSERVATIONS_SHEET
from ljtracker.sheets.writers import OutCell, write_csv


@dataclass(frozen=True)
class Size:
    plans: int
    targets: int
    years: int
    report_targets: int  # the plan of the first report; the second has all targets

    @property
    def observations(self) -> int:
        return self.targets * self.years


FULL = Size(plans=10, targets=1000, years=30, report_targets=100)
SMALL = Size(plans=2, targets=40, years=6, report_targets=20)


@dataclass(frozen=True)
class Files:
    folder: Path
    demo: Path
    large: Path  # `plans` plans of `targets` targets over `years` years, with revisions
    single_plan: Path  # one plan holding all the targets, for the report of all of them
    without_figures: Path  # the large workbook's plans and targets, no observation yet
    csv: Path  # the large workbook's observations in the template's long format
    xlsx: Path
    rows: int  # observations in the CSV and XLSX files


def _cell(value: object) -> OutCell:
    assert value is None or isinstance(value, str | float | int)
    return value


def _drop_observations(source: Path, destination: Path) -> None:
    shutil.copyfile(source, destination)
    conn = sqlite3.connect(destination)
    try:
        with conn:
            conn.execute("DELETE FROM observation")
        conn.execute("VACUUM")
    finally:
        conn.close()


def _write_xlsx(path: Path, rows: list[dict[str, object]]) -> None:
    book = xlsxwriter.Workbook(str(path), {"strings_to_numbers": False})
    sheet = book.add_worksheet(OBSERVATIONS_SHEET)
    sheet.write_row(0, 0, OBSERVATION_COLUMNS)
    for number, row in enumerate(rows, start=1):
        sheet.write_row(number, 0, [row[c] for c in OBSERVATION_COLUMNS])
    book.close()


def prepare(folder: Path, size: Size) -> Files:
    """Write every file the measures need into `folder` (which must be empty or missing)."""
    folder.mkdir(parents=True, exist_ok=True)
    demo = folder / "demo.ljt"
    write_demo(demo)
    large = generate(folder / "large.ljt", plans=size.plans, targets=size.targets, years=size.years)
    single = generate(folder / "single.ljt", plans=1, targets=size.targets, years=size.years)
    without = folder / "without-figures.ljt"
    _drop_observations(large, without)
    rows = observation_rows(large)
    csv_path = folder / "observations.csv"
    cells: list[list[OutCell]] = [[_cell(r[c]) for c in OBSERVATION_COLUMNS] for r in rows]
    write_csv(csv_path, (OBSERVATION_COLUMNS, cells))
    xlsx_path = folder / "observations.xlsx"
    _write_xlsx(xlsx_path, rows)
    return Files(folder, demo, large, single, without, csv_path, xlsx_path, len(rows))

"""An exported plan's by-year sheet, left aside by an import, checked for figures unlike those
the import leaves in the workbook.

An exported workbook holds each plan's figures twice: in the template's observations sheet,
which an import reads, and in a by-year sheet laid out for reading, which it leaves aside. A
figure edited in the by-year sheet alone would be lost without a word, so that sheet is read
as an import of it alone would read it, and its figures that differ from what this import
leaves in the workbook are named in a note.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, Protocol

from ljtracker.domain.model import Quality
from ljtracker.domain.wording import first_few
from ljtracker.services.import_plan import Action, FigureLine, ImportPlan, exact_amount
from ljtracker.sheets.cells import Note, SheetError, SourceFile
from ljtracker.sheets.shapes import Layout, ShapeKind, detect
from ljtracker.sheets.xlsx_sheets import is_by_year_sheet

_TABLES = frozenset({ShapeKind.WIDE, ShapeKind.LONG})
Key = tuple[str, str, int]  # plan code, target code, year


class TableReader(Protocol):
    def table(self, layout: Layout, mapping: Any, figure_quality: Quality) -> Any: ...

    def finish(self) -> ImportPlan: ...


def differing_by_year_sheets(
    source: SourceFile,
    skipped: Iterable[str],
    written: ImportPlan,
    new_reader: Callable[[], TableReader],
) -> list[Note]:
    """A note for each by-year sheet among the `skipped` ones whose figures differ from those
    the import of `written` leaves in the workbook; `new_reader` makes a fresh, unwritten
    import."""
    after = {_key(line): line.new.value for line in written.figure_lines}
    notes = []
    for name in filter(is_by_year_sheet, skipped):
        layout = detect(source.sheet(name))
        if layout is None or layout.kind not in _TABLES:
            continue
        reader = new_reader()
        try:
            reader.table(layout, {}, Quality.OFFICIAL)
        except SheetError:
            continue  # a plan this workbook does not have: nothing to compare with
        differing = [
            line
            for line in reader.finish().figure_lines
            if line.new.value != after.get(_key(line), _in_workbook(line))
        ]
        if differing:
            notes.append(_note(name, differing, after))
    return notes


def _key(line: FigureLine) -> Key:
    return line.plan, line.target, line.new.year


def _in_workbook(line: FigureLine) -> float | None:
    return None if line.action is Action.ADD or line.old is None else line.old.value


def _note(sheet: str, differing: list[FigureLine], after: dict[Key, float]) -> Note:
    def said(line: FigureLine, lang: str) -> str:
        zh = lang == "zh"
        here = after.get(_key(line), _in_workbook(line))
        there = exact_amount(line.new.value, line.unit, lang)
        kept = ("无数据" if zh else "none") if here is None else exact_amount(here, line.unit, lang)
        subject = f"{line.plan} {line.target} {line.new.year}"
        return (
            f"{subject}：此表 {there}，导入后 {kept}"
            if zh
            else f"{subject}: {there} there, {kept} after this import"
        )

    en, zh = first_few([said(d, "en") for d in differing], [said(d, "zh") for d in differing], 3)
    return Note(
        f'sheet "{sheet}" was not imported, but it holds {len(differing)} figure(s) unlike '
        f"those this import leaves in the workbook ({en}); only the template's sheets are "
        "imported: to keep that sheet's figures, import it on its own (choose that sheet)",
        f"工作表“{sheet}”未导入，但其中 {len(differing)} 项数据与本次导入后工作簿中的数据不同"
        f"（{zh}）；只导入模板的工作表：如要采用该表的数据，请单独导入该工作表（选择该工作表）",
    )

"""Importing a spreadsheet: a preview of what will be added, changed and left unchanged, with
every cell that cannot be read; then one recorded change that writes all of it, or nothing.

An import never deletes: a missing figure ("—", "-", "…", empty) means "no figure in this
file", and targets absent from the file stay as they are. Importing the same file twice
changes nothing the second time.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from ljtracker.domain import change_names as names
from ljtracker.domain.change_names import ChangeName
from ljtracker.domain.errors import UserError
from ljtracker.domain.model import Plan, Quality
from ljtracker.domain.number_text import counted
from ljtracker.services.changes import Changes
from ljtracker.services.import_older import going_back
from ljtracker.services.import_plan import Action, ImportPlan, Line
from ljtracker.services.import_plans import PlansSheet
from ljtracker.services.import_skipped import edited_by_year_sheets, figures_not_in_file
from ljtracker.services.import_tables import TableSheet
from ljtracker.services.import_targets import TargetsSheet
from ljtracker.services.safety import backup_before
from ljtracker.sheets.cells import (
    CellProblem,
    Note,
    Sheet,
    SheetError,
    SourceFile,
    cell_address,
)
from ljtracker.sheets.hidden_cells import hidden_cells_note
from ljtracker.sheets.layout import Layout, ShapeKind
from ljtracker.sheets.matching import Match
from ljtracker.sheets.readers import read_file
from ljtracker.sheets.shapes import detect
from ljtracker.storage.backup import BackupReason
from ljtracker.storage.workbook import Workbook

__all__ = [
    "Action",
    "ImportOptions",
    "ImportRefused",
    "Line",
    "NoTableFound",
    "Preview",
    "apply_import",
    "choose_layouts",
    "preview_import",
    "read_source",
]

NO_TABLE = (
    "no table found: expected the template's headers (plan, code, ...), a header row of years "
    "(2021, 2021年, FY2021) or columns of indicator, year and value"
)
NO_TABLE_ZH = (
    "未找到表格：应为导入模板的表头（规划、代码……）、一行年份表头（2021、2021年、FY2021），"
    "或指标、年份、数值三列"
)


class NoTableFound(SheetError):
    """No sheet of the file holds a table this program reads (or the sheet chosen does not)."""


class ImportRefused(UserError):
    """Some cells cannot be read; nothing was written. `problems` names each cell."""

    def __init__(self, problems: list[CellProblem]) -> None:
        self.problems = problems
        count = len(problems)
        super().__init__(
            f"{counted(count, 'cell')} cannot be read; nothing was imported",
            f"有 {count} 个单元格无法读取，未导入任何内容",
        )


@dataclass(frozen=True)
class ImportOptions:
    plan_code: str | None = None  # the plan of a wide or long table (default: best match)
    sheet: str | None = None  # default: the template's sheets, else the first table found
    mapping: Mapping[str, int | None] = field(default_factory=dict)  # indicator key -> target
    # the source and quality of figures from wide and long tables (default: the file's name,
    # official or the year's header mark); given, they are set on repeated values too
    source: str = ""
    quality: Quality | None = None
    lang: str = "en"  # of the preview's lines
    # the year of a table without a year column, given by the user who has read its title
    year: int | None = None


@dataclass(frozen=True)
class Preview:
    source: SourceFile
    layouts: tuple[Layout, ...]
    skipped_sheets: tuple[str, ...]
    plan: Plan | None  # the plan a wide or long table goes to
    matches: tuple[Match, ...]
    problems: tuple[CellProblem, ...]
    notes: tuple[Note, ...]
    plan_of_writes: ImportPlan = field(repr=False, compare=False)
    # values the import would put back to what they held before a later change (the notes
    # say which): the sign of an older copy of the workbook's data
    goes_back: bool = False
    # figures a hundred times or a hundredth of the figure each is compared with, or more (a
    # note names them): most often a table in another unit (万元 for 亿元), to be confirmed
    hundredfold: int = 0
    # sheets not imported (a template's by-year sheets) holding figures edited there
    edited_elsewhere: tuple[str, ...] = ()
    # the sheets left aside that hold a table, which --sheet could import instead
    other_tables: tuple[str, ...] = ()

    @cached_property
    def lines(self) -> tuple[Line, ...]:
        """What the import adds, changes and leaves unchanged; written out when first asked."""
        return self.plan_of_writes.all_lines()

    def _of(self, action: Action) -> tuple[Line, ...]:
        return tuple(line for line in self.lines if line.action is action)

    @property
    def added(self) -> tuple[Line, ...]:
        return self._of(Action.ADD)

    @property
    def changed(self) -> tuple[Line, ...]:
        return self._of(Action.CHANGE)

    @property
    def unchanged(self) -> tuple[Line, ...]:
        return self._of(Action.UNCHANGED)

    @property
    def refusal(self) -> CellProblem | None:
        """Why a table is refused where one is (a title naming 1—9月, a year it denies)."""
        return next((lay.refusal for lay in self.layouts if lay.refusal), None)

    @property
    def nothing_matched(self) -> bool:
        """Whether the table has rows and none of them goes to a target."""
        return bool(self.matches) and all(m.target is None for m in self.matches)

    @property
    def has_changes(self) -> bool:
        """Whether importing would write anything; does not write out the preview's lines."""
        return self.plan_of_writes.writes_anything


@contextmanager
def _collector_paused() -> Iterator[None]:
    """An import makes tens of thousands of objects that all live until it ends, which the
    cyclic collector would walk again and again while they are made (a tenth of an import's
    time), for nothing to free; it runs as before afterwards."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


@_collector_paused()
def read_source(path: str | Path) -> SourceFile:
    return read_file(path)


class PlanBuilder(PlansSheet, TargetsSheet, TableSheet):
    """Works out, sheet by sheet, everything an import does, without writing anything."""


_TEMPLATE_ORDER = {
    ShapeKind.PLANS: 0,
    ShapeKind.AREAS: 1,
    ShapeKind.TARGETS: 2,
    ShapeKind.OBSERVATIONS: 3,
}


def choose_layouts(
    source: SourceFile, sheet: str | None, year: int | None = None
) -> tuple[list[Layout], list[Layout]]:
    """The layouts to import, and those of the sheets left aside that hold a table; `year`:
    that of a table without a year column, as given."""
    if sheet is not None:
        layout = detect(source.sheet(sheet), year)
        if layout is None:
            raise NoTableFound(
                f"{source.path.name}, sheet {sheet!r}: {NO_TABLE}",
                f"{source.path.name}，工作表“{sheet}”：{NO_TABLE_ZH}",
            )
        return [layout], []
    detected = [(s, detect(s)) for s in source.sheets]
    if year is not None and not any(lay for _, lay in detected):
        detected = _read_with_the_year(source, year)
    templates = [lay for _, lay in detected if lay and lay.kind in _TEMPLATE_ORDER]
    if templates:
        chosen = sorted(templates, key=lambda lay: _TEMPLATE_ORDER[lay.kind])
    else:  # a table with rows to import before one refused (a title naming 1—9月)
        found = [lay for _, lay in detected if lay is not None]
        found.sort(key=lambda lay: lay.sheet.hidden)  # a sheet in view before a hidden one
        chosen = ([lay for lay in found if lay.indicators] or found)[:1]
    if not chosen:
        en, zh = f"{source.path.name}: {NO_TABLE}", f"{source.path.name}：{NO_TABLE_ZH}"
        if source.kind == "csv" and source.path.suffix.lower() in (
            ".xlsx",
            ".xlsm",
            ".xls",
            ".ods",
        ):
            en += (
                f" (the name ends in {source.path.suffix}, but the file holds text and was read"
                " as CSV; open it in its program and save it again as a spreadsheet)"
            )
            zh += (
                f"（文件名以 {source.path.suffix} 结尾，但内容是文本，已按 CSV 读取；"
                "请用相应软件打开后另存为电子表格）"
            )
        raise NoTableFound(en, zh)
    taken = {id(lay) for lay in chosen}
    left_aside = [lay for _, lay in detected if lay is not None and id(lay) not in taken]
    if year is not None:  # the table chosen without it, read with the year given
        chosen = [_with_the_year(lay, year) for lay in chosen]
    return chosen, left_aside


def _with_the_year(layout: Layout, year: int) -> Layout:
    if layout.kind is not ShapeKind.ONE_YEAR:
        return layout
    again = detect(layout.sheet, year)
    assert again is not None  # a table of one year is one with its year given too
    return again


def _read_with_the_year(source: SourceFile, year: int) -> list[tuple[Sheet, Layout | None]]:
    """The sheets read with a year given, where none holds a table without it (a title naming
    no year): the one sheet a year makes a table of; refused where it makes one of several."""
    detected = [(s, detect(s, year)) for s in source.sheets]
    found = [s.name for s, lay in detected if lay is not None]
    if len(found) > 1:
        listed_en, listed_zh = ", ".join(map(repr, found)), "、".join(f"“{n}”" for n in found)
        raise SheetError(
            f"{source.path.name}: sheets {listed_en} could each be a table of one year: choose"
            " the sheet the year is of",
            f"{source.path.name}：工作表 {listed_zh} 都可能是单年表格：请选择该年份所属的工作表",
        )
    return detected


def _why_refused(left_aside: Sequence[Layout]) -> list[Note]:
    """Why sheets left aside were refused, where a table of them was (a title naming 1—9月):
    a planner who meant that sheet learns why another was imported."""
    notes = []
    for layout in left_aside:
        refused, name = layout.refusal, layout.sheet.name
        if refused is not None:
            notes.append(
                Note(
                    f"sheet {name!r} is refused: {refused.where}: {refused.message_en}",
                    f"工作表“{name}”未能读取：{refused.where}：{refused.message_zh}",
                )
            )
    return notes


def _year_read_note(layout: Layout) -> Note:
    cell = layout.year_read_at
    assert cell is not None and layout.years
    where = cell_address(layout.sheet.name, cell.row, cell.col)
    return Note(
        f"the figures' year, {layout.years[0]}, is read from the title in {where}"
        f" ({cell.text!r}): check it",
        f"数据所属年份 {layout.years[0]} 读自 {where} 的标题（“{cell.text}”）：请核对",
    )


@_collector_paused()
def preview_import(wb: Workbook, source: SourceFile, options: ImportOptions) -> Preview:
    """What importing `source` would do; writes nothing."""
    layouts, left_aside = choose_layouts(source, options.sheet, options.year)
    chosen = {layout.sheet.name for layout in layouts}
    skipped = [s.name for s in source.sheets if s.name not in chosen]
    builder = PlanBuilder(wb, options.plan_code, options.source, source.path.name, options.lang)
    plan: Plan | None = None
    matches: list[Match] = []
    for layout in layouts:
        if layout.kind is ShapeKind.PLANS:
            builder.plans_sheet(layout)
        elif layout.kind is ShapeKind.AREAS:
            builder.areas_sheet(layout)
        elif layout.kind is ShapeKind.TARGETS:
            builder.targets_sheet(layout)
        elif layout.kind is ShapeKind.OBSERVATIONS:
            builder.observations_sheet(layout)
        else:
            plan, found = builder.table(layout, options.mapping, options.quality)
            matches += found
    result = builder.finish()
    notes = [*source.notes, *(n for lay in layouts for n in lay.ignored), *result.notes]
    notes += [_year_read_note(lay) for lay in layouts if lay.year_read_at is not None]
    notes += [note for lay in layouts if (note := hidden_cells_note(lay)) is not None]
    back = going_back(wb, result)
    notes += back
    edited_elsewhere: list[str] = []
    if skipped:
        notes.append(
            Note(
                f"{'sheet' if len(skipped) == 1 else 'sheets'} not imported: {', '.join(skipped)}",
                f"未导入的工作表：{'、'.join(skipped)}",
            )
        )
        notes += _why_refused(left_aside)
        if layouts[0].kind in _TEMPLATE_ORDER and options.sheet is None:
            edited_notes, edited_elsewhere = edited_by_year_sheets(wb, left_aside, result)
            notes += edited_notes
            if any(layout.kind is ShapeKind.OBSERVATIONS for layout in layouts):
                notes += figures_not_in_file(wb, left_aside, result)
    return Preview(
        source=source,
        layouts=tuple(layouts),
        skipped_sheets=tuple(skipped),
        plan=plan,
        matches=tuple(matches),
        problems=tuple(result.problems),
        notes=tuple(notes),
        plan_of_writes=result,
        goes_back=bool(back),
        hundredfold=result.hundredfold,
        edited_elsewhere=tuple(edited_elsewhere),
        other_tables=tuple(layout.sheet.name for layout in left_aside),
    )


@_collector_paused()
def apply_import(
    wb: Workbook, source: SourceFile, options: ImportOptions, name: ChangeName | None = None
) -> Changes:
    """Import in one transaction and one recorded change; ImportRefused (nothing written) when
    any cell cannot be read."""
    preview = preview_import(wb, source, options)
    if preview.problems:
        raise ImportRefused(list(preview.problems))
    if not preview.has_changes:
        return Changes()
    backup_before(wb, BackupReason.BEFORE_IMPORT)
    with wb.change(name or names.import_file(source.path.name)) as w:
        preview.plan_of_writes.write(w)
    return Changes.of(w)

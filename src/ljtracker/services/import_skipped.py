"""An exported plan's by-year sheet, left aside by an import, checked for figures that were
edited there.

An exported workbook holds each plan's figures twice: in the template's observations sheet,
which an import reads, and in a by-year sheet laid out for reading, which it leaves aside. A
figure edited in the by-year sheet alone would be lost without a word. So each figure there is
compared with the one the import leaves in the workbook and with the one the workbook held
before: a figure unlike both was edited there (one like the old figure is only a copy the
by-year sheet kept while the observations sheet was edited), and so was a figure made
unreadable; each is named in a note. A figure empty there (emptied, or added after the
export: the file cannot tell) is named apart: it stays, and importing that sheet would not
take it out either (no import deletes a figure). A figure like one the workbook held before
some later change is named apart: a copy from before that change (a file imported a second
time), unless it was edited back by hand, which the file cannot tell. The workbook need not
hold the plan yet: a figure unlike the import's where it holds none is named as the two sheets
disagreeing, since either may have been edited.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from enum import Enum

from ljtracker.domain.model import Target
from ljtracker.domain.number_text import counted
from ljtracker.domain.wording import first_few
from ljtracker.services.import_plan import ImportPlan, exact_amount
from ljtracker.sheets.cells import Note, reads_as
from ljtracker.sheets.layout import Indicator, Layout, Located, ShapeKind
from ljtracker.sheets.records import CellReader
from ljtracker.sheets.xlsx_sheets import (
    BY_YEAR_BASELINE,
    BY_YEAR_LABELS,
    by_year_sheet_plan,
)
from ljtracker.storage import reads
from ljtracker.storage.history import revisions_of_target
from ljtracker.storage.workbook import Workbook
from ljtracker.storage.writer import Entity

Key = tuple[str, str, int]  # plan code, target code, year
Figures = dict[Key, tuple[float | None, float | None]]  # after this import, before it
Baseline = tuple[int | None, float | None]  # its year and value


class Found(Enum):
    """What a figure unlike the import's in a by-year sheet is."""

    EDITED = "edited"  # edited there
    FORMER = "former"  # a value the workbook held once: an older copy, or edited back to it
    UNSURE = "unsure"  # the workbook has none to tell which of the two sheets was edited
    EMPTIED = "emptied"  # emptied there: no import takes a figure out


def edited_by_year_sheets(
    wb: Workbook, left_aside: Iterable[Layout], written: ImportPlan
) -> tuple[list[Note], list[str]]:
    """A note for each by-year sheet among the tables `left_aside` holding a figure edited
    there (or one the workbook held before a later change), and the names of the sheets
    holding figures edited there."""
    imported: Figures = {
        (line.plan, line.target, line.new.year): (
            line.new.value,
            None if line.old is None else line.old.value,
        )
        for line in written.figure_lines
    }
    notes = []
    sheets = []
    writes = written.writes_anything  # else the workbook keeps what it holds
    known = _plan_codes(wb, written)
    for layout in left_aside:
        name = layout.sheet.name
        plan = by_year_sheet_plan(name, *known)
        if plan is None or not _as_exported(layout):
            continue
        held = _Held(wb, plan)
        found = [
            found
            for indicator in layout.indicators
            if indicator.code
            for found in _edited(plan, indicator, layout, imported, held, writes)
        ]
        if any(kind is Found.EDITED for _, kind in found):
            sheets.append(name)
        notes += _notes_by_kind(name, found, _FIGURE_NOTES)
        baselines = _baselines_unlike(plan, layout, held, written)
        notes += _notes_by_kind(name, baselines, _BASELINE_NOTES)
    return notes, sheets


NoteMaker = Callable[[str, list[tuple[str, str]]], Note]


def _notes_by_kind(
    sheet: str, found: list[tuple[tuple[str, str], Found]], makers: dict[Found, NoteMaker]
) -> list[Note]:
    """A note for each kind of finding there is, in the order of `makers`."""
    notes = []
    for kind, make in makers.items():
        said = [text for text, of_kind in found if of_kind is kind]
        if said:
            notes.append(make(sheet, said))
    return notes


def _baselines_unlike(
    plan: str, layout: Layout, held: _Held, written: ImportPlan
) -> list[tuple[tuple[str, str], Found]]:
    """The baselines the by-year sheet gives unlike those its targets have after the import,
    in English and Chinese: no import reads them there (a baseline is the targets sheet's).
    Each is edited there, or, for a target the workbook does not hold, unlike the targets
    sheet's with nothing to tell which of the two was edited."""
    sheet = layout.sheet
    header = [sheet.text(layout.header_row, col) for col in range(sheet.width)]
    columns = next(
        (
            (header.index(year), header.index(value))
            for year, value in BY_YEAR_BASELINE.values()
            if year in header and value in header
        ),
        None,
    )
    if columns is None:
        return []
    reader = CellReader.of(sheet)
    updates = {update.target_id: update.values for update in written.target_updates}
    added = {ref: target for ref, _, target in written.targets}  # as the targets sheet gives
    said = []
    for indicator in layout.indicators:
        if not indicator.code:
            continue
        held_target = held.target(indicator.code)
        target = held_target or added.get((plan, indicator.code))
        if target is None:
            continue
        given = updates.get(target.id, {}) if target.id is not None else {}
        after: Baseline = (
            given.get("baseline_year", target.baseline_year),
            given.get("baseline_value", target.baseline_value),
        )
        year_cell, value_cell = (
            Located(indicator.row, c, sheet.cell(indicator.row, c)) for c in columns
        )
        before = len(reader.problems)
        there = (reader.year(year_cell), reader.number(value_cell, target.unit))
        unreadable = len(reader.problems) > before
        held_now = (target.baseline_year, target.baseline_value)
        if not unreadable and (_same(there, after) or _same(there, held_now)):
            continue  # as the import leaves it, or a copy kept while the targets were edited
        subject = f"{plan} {target.code}"
        shown = [_baseline_text(there, target.unit, lang) for lang in ("en", "zh")]
        kept = [_baseline_text(after, target.unit, lang) for lang in ("en", "zh")]
        if unreadable:
            shown = [
                f'"{year_cell.text} {value_cell.text}"',
                f"“{year_cell.text} {value_cell.text}”",
            ]
        texts = (
            f"{subject} baseline: {shown[0]} there, {kept[0]} in the targets",
            f"{subject} 基期：此表{shown[1]}，指标中为{kept[1]}",
        )
        said.append((texts, Found.EDITED if held_target is not None else Found.UNSURE))
    return said


def _same(there: Baseline, held: Baseline) -> bool:
    return there[0] == held[0] and reads_as(held[1], there[1])


def _disagreeing_baselines_note(sheet: str, said: list[tuple[str, str]]) -> Note:
    en, zh = _listed(said)
    one = len(said) == 1
    return Note(
        f'sheet "{sheet}" was not imported; {counted(len(said), "baseline")} in it'
        f" {'differs' if one else 'differ'} from the targets sheet's, which"
        f" {'is' if one else 'are'} imported ({en}), and the workbook holds no target to tell"
        " which sheet was edited: check them; a baseline is changed in the targets sheet",
        f"工作表“{sheet}”未导入；其中有 {len(said)} 个基期与所导入的 targets 表不同（{zh}），"
        "工作簿中没有该指标可判断哪张表被修改过：请核对；基期请在 targets 表中修改",
    )


def _baseline_text(baseline: Baseline, unit: str, lang: str) -> str:
    year, value = baseline
    if value is None:
        return "none" if lang == "en" else "无"
    amount = exact_amount(value, unit, lang)
    if year is None:
        return amount
    return f"{amount} ({year})" if lang == "en" else f"{year}年{amount}"


def _baselines_note(sheet: str, said: list[tuple[str, str]]) -> Note:
    en, zh = _listed(said)
    one = len(said) == 1
    return Note(
        f'sheet "{sheet}" was not imported, and {counted(len(said), "baseline")} in it'
        f" {'differs' if one else 'differ'} from the targets' ({en}): a baseline is changed"
        " in the targets sheet (baseline_year, baseline_value) or in the target's form, which"
        " alone takes one out",
        f"工作表“{sheet}”未导入，其中有 {len(said)} 个基期与指标的基期不同（{zh}）："
        "基期请在 targets 表（baseline_year、baseline_value）或指标表单中修改；删除基期只能在"
        "指标表单中进行",
    )


def figures_not_in_file(
    wb: Workbook, left_aside: Iterable[Layout], written: ImportPlan
) -> list[Note]:
    """An exported workbook imported back (its by-year sheets left aside): the figures of its
    plans that the workbook holds, its by-year sheet shows and its observations sheet no longer
    lists (a row deleted there) stay, as no import deletes a figure; said, as the planner may
    have meant them gone."""
    in_file = {(line.plan, line.target, line.new.year) for line in written.figure_lines}
    missing = []
    known = _plan_codes(wb, written)
    for layout in left_aside:
        plan_code = by_year_sheet_plan(layout.sheet.name, *known)
        plan = None if plan_code is None else reads.plan_by_code(wb, plan_code)
        if plan is None or plan.id is None or not _as_exported(layout):
            continue
        codes = {t.id: t.code for t in reads.targets(wb, plan.id) if t.id is not None}
        # a figure the by-year sheet shows was in the export: its row was deleted since (one
        # added to the workbook after the export is in neither)
        shown = {
            (indicator.code, figure.year)
            for indicator in layout.indicators
            for figure in indicator.figures
            if figure.year is not None and not figure.value.blank
        }
        missing += [
            f"{plan.code} {codes[o.target_id]} {o.year}"
            for o in reads.observations(wb, codes)
            if (plan.code, codes[o.target_id], o.year) not in in_file
            and (codes[o.target_id], o.year) in shown
        ]
    if not missing:
        return []
    named, named_zh = first_few(missing, [f"{m}年" for m in missing])
    one = len(missing) == 1
    return [
        Note(
            f"{counted(len(missing), 'figure')} of the workbook {'is' if one else 'are'} not in"
            f" the file's observations sheet and {'stays' if one else 'stay'} ({named}): an"
            " import does not delete figures; to take one out, delete it in the window or with"
            " `ljtracker remove`",
            f"工作簿中有 {len(missing)} 项数据不在文件的 observations 表中，仍保留（{named_zh}）："
            "导入不会删除数据；如需删除，请在窗口中删除，或用 `ljtracker remove`",
        )
    ]


def _as_exported(layout: Layout) -> bool:
    """Whether the sheet was read as export lays it out, its years after the target's columns
    and baseline. A plan without figures yet has no year's column, and a row whose baseline
    year reads as one ("2025") would be taken for the header, the baselines below it for
    figures; a header retitled or moved (a row above it deleted) is still export's."""
    columns = [f.value.col for i in layout.indicators for f in i.figures]
    first_year = len(BY_YEAR_LABELS[False]) + len(BY_YEAR_BASELINE[False])
    return layout.kind is ShapeKind.WIDE and bool(columns) and min(columns) >= first_year


def _plan_codes(wb: Workbook, written: ImportPlan) -> tuple[list[str], list[str]]:
    """The codes a by-year sheet's name, cut short or with a character a sheet's name cannot
    hold, may stand for: those of the plans the file names (its plans, areas, targets and
    figures) first, then the workbook's."""
    named = [line.plan for line in written.lines] + [line.plan for line in written.figure_lines]
    given = list(dict.fromkeys(named))
    return given, [p.code for p in reads.plans(wb) if p.code not in given]


class _Held:
    """The workbook's figures of one plan, by target code, read when first asked for: an
    import that gives no figure for a year leaves the workbook's as it is."""

    def __init__(self, wb: Workbook, plan_code: str) -> None:
        self._wb = wb
        self._plan = reads.plan_by_code(wb, plan_code)
        self._figures: dict[str, dict[int, float]] = {}
        self._former: dict[str, dict[int, set[float | None]]] = {}
        self._targets: dict[str, Target | None] = {}

    def target(self, code: str) -> Target | None:
        plan = self._plan
        if plan is None or plan.id is None:
            return None
        if code not in self._targets:
            self._targets[code] = reads.target_by_code(self._wb, plan.id, code)
        return self._targets[code]

    def _target_id(self, code: str) -> int | None:
        target = self.target(code)
        return None if target is None else target.id

    def of(self, code: str) -> dict[int, float]:
        if code not in self._figures:
            target_id = self._target_id(code)
            found = [] if target_id is None else reads.observations(self._wb, [target_id])
            self._figures[code] = {o.year: o.value for o in found}
        return self._figures[code]

    def ever(self, code: str, year: int) -> set[float | None]:
        """Every value the figure has had, as its revisions record them; None when the target
        was once without it (the figure added after the target, or removed)."""
        if code not in self._former:
            target_id = self._target_id(code)
            revisions = [] if target_id is None else revisions_of_target(self._wb, target_id)
            created = min(
                (
                    r.change_id
                    for r in revisions
                    if r.entity is Entity.TARGET and r.action == "insert"
                ),
                default=None,
            )
            former: dict[int, set[float | None]] = {}
            for rev in revisions:
                if rev.entity is not Entity.OBSERVATION:
                    continue
                rows = [row for row in (rev.old, rev.new) if row is not None]
                values = former.setdefault(rows[0]["year"], set())
                values.update(row["value"] for row in rows)
                added_later = (
                    rev.action == "insert" and created is not None and rev.change_id > created
                )
                if rev.action == "delete" or added_later:
                    values.add(None)
            self._former[code] = former
        return self._former[code].get(year, set())


def _edited(
    plan: str, indicator: Indicator, layout: Layout, imported: Figures, held: _Held, writes: bool
) -> list[tuple[tuple[str, str], Found]]:
    """The figures of the indicator's row unlike the import's, in English and Chinese, each
    with what it is: edited there, a value the figure held once (an older copy, or an edit back
    to it: the file cannot say), or unlike a figure the workbook does not hold yet (the file
    cannot say which of its two sheets was edited)."""
    reader = CellReader.of(layout.sheet)
    cells = {f.year: f.value for f in indicator.figures if f.year is not None}
    unit, code = indicator.unit, indicator.code
    said = []
    for year in layout.years:
        after, before = imported.get((plan, code, year)) or (held.of(code).get(year),) * 2
        cell = cells.get(year)
        problems = len(reader.problems)
        there = None if cell is None else reader.number(cell, unit)
        unreadable = len(reader.problems) > problems
        if not unreadable and (reads_as(after, there) or reads_as(before, there)):
            continue  # as the import leaves it, or a copy kept while the other sheet changed
        kind = Found.EDITED
        if not unreadable and there is None:
            kind = Found.EMPTIED  # emptied there, or added after the export: either way, kept
        elif not unreadable and any(reads_as(value, there) for value in held.ever(code, year)):
            kind = Found.FORMER
        elif not unreadable and before is None and None not in (after, there):
            kind = Found.UNSURE  # the import writes a figure the by-year sheet has otherwise
        if unreadable:
            text = reader.problems[-1].text
            shown = (f'"{text}" (not a number)', f"“{text}”（不是数字）")
        elif there is None:
            shown = ("empty", "为空")
        else:
            shown = (exact_amount(there, unit, "en"), exact_amount(there, unit, "zh"))
        kept = ("none", "无数据")
        if after is not None:
            kept = (exact_amount(after, unit, "en"), exact_amount(after, unit, "zh"))
        subject = f"{plan} {code} {year}"
        said.append(
            (
                (
                    f"{subject}: {shown[0]} there, {kept[0]} "
                    + ("after this import" if writes else "in the workbook"),
                    f"{subject}年：此表{shown[1]}，"
                    + ("导入后" if writes else "工作簿中")
                    + kept[1],
                ),
                kind,
            )
        )
    return said


def _listed(said: list[tuple[str, str]]) -> tuple[str, str]:
    """The first few figures said, in English and Chinese."""
    return first_few([s[0] for s in said], [s[1] for s in said], 3, clauses=True)


def _older_copy_note(sheet: str, said: list[tuple[str, str]]) -> Note:
    en, zh = _listed(said)
    return Note(
        f'sheet "{sheet}" was not imported; {counted(len(said), "figure")} in it'
        f" {'is a value' if len(said) == 1 else 'are values'} the workbook held before a later"
        f" change ({en}): an older copy if this file was exported before that change; if"
        f" {'it was' if len(said) == 1 else 'they were'} put back there by hand, import that"
        f" sheet on its own (choose that sheet) to keep {'it' if len(said) == 1 else 'them'}",
        f"工作表“{sheet}”未导入；其中有 {len(said)} 项数据是工作簿在之后某次更改之前的数值"
        f"（{zh}）：如本文件导出于该更改之前，这只是旧的副本；如是在该表中手工改回的，请单独导入该工作表"
        "（选择该工作表）以采用",
    )


def _disagreeing_note(sheet: str, said: list[tuple[str, str]]) -> Note:
    en, zh = _listed(said)
    return Note(
        f'sheet "{sheet}" was not imported; {counted(len(said), "figure")} in it'
        f" {'differs' if len(said) == 1 else 'differ'} from the observations sheet's, which"
        f" {'is' if len(said) == 1 else 'are'} imported ({en}), and the workbook holds no"
        " figure to tell which sheet was edited: check them; if that sheet's are right, import"
        " it on its own (choose that sheet)",
        f"工作表“{sheet}”未导入；其中有 {len(said)} 项数据与所导入的数据表（observations）不同"
        f"（{zh}），工作簿中没有原数据可判断哪张表被修改过：请核对；如该表的数据正确，请单独导入该工作表"
        "（选择该工作表）",
    )


def _emptied_note(sheet: str, said: list[tuple[str, str]]) -> Note:
    """Figures empty in the by-year sheet (emptied there, or added after the export): they
    stay, and importing that sheet would not take them out either (an empty cell never
    removes a figure)."""
    en, zh = _listed(said)
    one = len(said) == 1
    return Note(
        f'sheet "{sheet}" was not imported, and {counted(len(said), "figure")} empty in it'
        f" {'stays' if one else 'stay'} in the workbook ({en}): an import does not delete"
        f" figures; if {'it is' if one else 'one is'} to go, delete it in the window or with"
        " `ljtracker remove`",
        f"工作表“{sheet}”未导入，其中为空的 {len(said)} 项数据仍保留在工作簿中（{zh}）："
        "导入不会删除数据；如需删除，请在窗口中删除，或用 `ljtracker remove`",
    )


def _note(sheet: str, said: list[tuple[str, str]]) -> Note:
    en, zh = _listed(said)
    return Note(
        f'sheet "{sheet}" was not imported, but {counted(len(said), "figure")} in it'
        f" {'was' if len(said) == 1 else 'were'} edited there "
        f"({en}); only the template's sheets are imported: to keep that sheet's figures, import "
        "it on its own (choose that sheet)",
        f"工作表“{sheet}”未导入，但其中有 {len(said)} 项数据是在该表中修改的（{zh}）；"
        "只导入模板的工作表：如要采用该表的数据，请单独导入该工作表（选择该工作表）",
    )


_FIGURE_NOTES: dict[Found, NoteMaker] = {
    Found.EDITED: _note,
    Found.FORMER: _older_copy_note,
    Found.UNSURE: _disagreeing_note,
    Found.EMPTIED: _emptied_note,
}
_BASELINE_NOTES: dict[Found, NoteMaker] = {
    Found.EDITED: _baselines_note,
    Found.UNSURE: _disagreeing_baselines_note,
}

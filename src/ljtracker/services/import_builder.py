"""Working an import out row by row against the workbook, without writing anything."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from ljtracker.domain import wording
from ljtracker.domain.closest import did_you_mean, lookalike, same_but_case
from ljtracker.domain.model import Area, Observation, Plan, Quality, Target, unstated_quality
from ljtracker.domain.number_text import counted, exact_number
from ljtracker.domain.numbers import is_missing_marker
from ljtracker.domain.validation import future_year_problem, limit_problem, plan_problems
from ljtracker.domain.wording import first_few
from ljtracker.services import clock
from ljtracker.services.figure_jumps import Jump, may_jump
from ljtracker.services.import_jumps import import_jumps
from ljtracker.services.import_plan import (
    Action,
    FigureLine,
    ImportPlan,
    Line,
    NewRef,
    Ref,
    exact_amount,
)
from ljtracker.sheets.cells import CellProblem, Note, cell_address, reads_as
from ljtracker.sheets.layout import Layout, Located, Record
from ljtracker.sheets.records import CellReader, quality
from ljtracker.storage import reads
from ljtracker.storage.workbook import Workbook
from ljtracker.storage.writer import Entity

_FIGURE_FIELDS = ("value", "quality", "source", "note")
UNKNOWN_YEAR = 2000  # stands in for a new plan's years until its period is worked out


def no_plan_code(record: Record, reader: CellReader) -> None:
    reader.problem(record.cell("plan"), "the plan's code is empty", "规划代码为空")


PLAN_CODE = ("plan code", "规划代码")
TARGET_CODE = ("target code", "指标代码")


def case_twin_refused(
    code: str, known: Iterable[str], noun: tuple[str, str], cell: Located, reader: CellReader
) -> bool:
    """Whether `code` is one of `known` in another case, said at its cell: one plan or
    indicator typed two ways would become two."""
    twin = same_but_case(code, known)
    if twin is None:
        return False
    reader.problem(
        cell,
        f"the {noun[0]} {code} differs from {twin} only in case; write {twin}",
        f"{noun[1]} {code} 与 {twin} 仅大小写不同；请写作 {twin}",
    )
    return True


@dataclass(frozen=True)
class GivenPeriod:
    """The years a plans sheet row gives a new plan (None: left to its targets), and where."""

    start: int | None = None
    end: int | None = None
    sheet: str = ""
    record: Record | None = None

    def too_short(self, start: int, end: int) -> CellProblem:
        """The problem of a period that ends before it starts, on the cell that ends it."""
        assert self.record is not None  # a period worked out alone never ends too soon
        cell = self.record.cell("end_year" if self.end is not None else "start_year")
        return CellProblem(
            self.sheet,
            cell.row,
            cell.col,
            cell.text,
            f"the period ends ({end}) before it starts ({start}, from its targets)",
            f"规划期结束年份（{end}）早于开始年份（{start}，由其指标推算）",
        )


class BuilderBase:
    """What every part of an import shares: the workbook as read once, the figures, the result."""

    def __init__(
        self, wb: Workbook, plan_code: str | None, given_source: str, file_name: str, lang: str
    ) -> None:
        self.wb = wb
        self.plan_code = plan_code
        self.figure_source = given_source or file_name
        # given by the user, not the file's name: set on figures the table repeats too
        self.source_given = bool(given_source)
        self.lang = lang  # of the preview's lines
        self.this_year = clock.this_year()
        self.result = ImportPlan(lang=lang)
        self.plans = {p.code: p for p in reads.plans(wb)}
        self._targets: dict[str, dict[str, Target]] = {}
        self._areas: dict[str, list[Area]] = {}
        self._observations: dict[int, dict[int, Observation]] | None = None
        self.new_plans: dict[str, Plan] = {}
        self.plan_years: dict[str, list[tuple[str, int]]] = {}
        # a new plan's figures, each with its target's baseline year (None: not set)
        self.figure_starts: dict[str, list[tuple[int, int | None]]] = {}
        self.given_periods: dict[str, GivenPeriod] = {}  # by a plans sheet
        self.new_areas: dict[NewRef, Area] = {}
        self.area_refs: dict[tuple[str, str], Ref] = {}  # plan, a name as read -> its area
        self.pending: dict[NewRef, Target] = {}  # targets as the import leaves them
        self.target_rows: dict[NewRef, int] = {}
        self.refused_targets: dict[NewRef, str] = {}  # where a target's row has a problem
        self.figure_cells: dict[tuple[Ref, int], tuple[str, int, int]] = {}  # sheet, row, col
        self.refused_headings: set[tuple[str, int, int]] = set()  # years still to come
        self.next_position: dict[str, int] = {}
        self.missing_figures = 0
        self.kept_figures: list[tuple[str, str]] = []  # left empty in the file, kept: en, zh
        self.downgraded: list[str] = []  # figures whose quality the import lowers
        self.unit_changes: list[tuple[str, Target]] = []  # plan code, target as it was
        # figures whose quality it raises to official though the file gave none
        self.raised_unstated: list[str] = []
        self._years: dict[str, int] = {}  # a year's text, as read before
        self._qualities: dict[str, Quality] = {}  # and a quality's
        # figures of the workbook the import revises: plan, target code, before, after
        self.revised_figures: list[tuple[Plan, str, Observation, Observation]] = []

    # --- what the workbook holds -------------------------------------------------------

    def existing_targets(self, plan_code: str) -> dict[str, Target]:
        plan = self.plans.get(plan_code)
        if plan is None:
            return {}
        if plan_code not in self._targets:
            self._targets[plan_code] = {t.code: t for t in reads.targets(self.wb, plan.id)}
        return self._targets[plan_code]

    def existing_areas(self, plan_code: str) -> list[Area]:
        plan = self.plans.get(plan_code)
        if plan is None or plan.id is None:
            return []
        if plan_code not in self._areas:
            self._areas[plan_code] = reads.areas(self.wb, plan.id)
        return self._areas[plan_code]

    def existing_figures(self, ref: Ref) -> dict[int, Observation]:
        if not isinstance(ref, int):
            return {}
        if self._observations is None:
            self._observations = {
                target_id: {o.year: o for o in observations}
                for target_id, observations in reads.observations_by_target(self.wb).items()
            }
        return self._observations.get(ref, {})

    def plan_ready(self, plan_code: str, record: Record, reader: CellReader) -> bool:
        """The plan exists or will be created (its title defaults to its code)."""
        if plan_code in self.plans or plan_code in self.new_plans:
            return True
        draft = Plan(plan_code, plan_code, plan_code, UNKNOWN_YEAR, UNKNOWN_YEAR)
        problems = [p for p in plan_problems(draft) if p.field == "code"]
        if problems:
            reader.problem(record.cells["plan"], problems[0].message_en, problems[0].message_zh)
            return False
        if self.typed_another_way(plan_code, record, reader):
            return False
        self.new_plans[plan_code] = draft
        hint_en, hint_zh = lookalike(plan_code, [*self.plans, *self.new_plans])
        if hint_en:  # a typo in the plan column would otherwise quietly start a plan
            self.result.notes.append(
                Note(
                    f"{plan_code} is a new plan{hint_en}",
                    f"{plan_code} 是新规划{hint_zh}",
                )
            )
        return True

    def _note_early_figures(self, plan: Plan) -> None:
        figures = self.figure_starts.get(plan.code, [])
        before = plan.start_year - 1  # a target's baseline year, when it has none
        early = [(y, start) for y, start in figures if y < (before if start is None else start)]
        if early:
            years = [y for y, _ in early]
            baselines = {start is not None for _, start in early}
            self.result.notes.append(_early_figures_note(plan, years, baselines))

    def typed_another_way(self, plan_code: str, record: Record, reader: CellReader) -> bool:
        """Whether a new plan's code is a known or new one's in another case, said at its cell:
        one plan typed two ways would become two plans."""
        # the code may come from the command line, where the sheet has no plan column
        cell = record.cell("plan") if record.text("plan") else next(iter(record.cells.values()))
        known = [*self.plans, *self.new_plans]
        return case_twin_refused(plan_code, known, PLAN_CODE, cell, reader)

    # --- figures -----------------------------------------------------------------------

    def _identified(self, record: Record, reader: CellReader) -> tuple[str, str] | None:
        plan_code = record.text("plan") or self.plan_code or ""
        code = record.text("code")
        if not plan_code:
            no_plan_code(record, reader)
            return None
        if not code:
            reader.problem(record.cell("code"), "the target's code is empty", "指标代码为空")
            return None
        return plan_code, code

    def observations_sheet(self, layout: Layout) -> None:
        reader = CellReader.of(layout.sheet)
        for record in layout.records:
            self._observation_record(record, reader)
        self.result.problems += reader.problems

    def _target_ref(self, plan_code: str, code: str) -> tuple[Ref | None, Target | None]:
        existing = self.existing_targets(plan_code).get(code)
        pending = self.pending.get((plan_code, code))
        if existing is not None:
            return existing.id, pending or existing
        if pending is not None:
            return (plan_code, code), pending
        return None, None

    def _observation_record(self, record: Record, reader: CellReader) -> None:
        identified = self._identified(record, reader)
        if identified is None:
            return
        plan_code, code = identified
        if is_missing_marker(record.text("value")):
            self.missing_figures += 1
            return
        ref, target = self._target_ref(plan_code, code)
        if ref is None or target is None:
            self._unknown(record, reader, plan_code, code)
            return
        year = self._years.get(record.text("year"))
        if year is None:
            year = self._year(record.cell("year"), reader)
        value_cell = record.cell("value")
        value = reader.number(value_cell, target.unit)
        figure_quality = self._quality(record, reader)
        if year is None or value is None:
            return
        given = {"value"}
        source, note = record.text("source"), record.text("note")
        if source:
            given.add("source")
        if note:
            given.add("note")
        if figure_quality is not None:
            given.add("quality")
        quality = figure_quality or unstated_quality(year, self.this_year)
        observation = Observation(0, year, value, quality, source, note)
        cells = (record.cell("year"), value_cell)
        self._figure(ref, target, plan_code, observation, cells, reader, given)

    def _unknown(self, record: Record, reader: CellReader, plan_code: str, code: str) -> None:
        """A figure for a target or plan the workbook does not have, with the nearest name."""
        refused = self.refused_targets.get((plan_code, code))
        if refused is not None:  # not a typo: the target's own row could not be read
            reader.problem(
                record.cell("code"),
                f"target {code} of plan {plan_code} is not imported: its row ({refused}) has a"
                " problem",
                f"规划 {plan_code} 的指标 {code} 未能导入：其所在行（{refused}）有问题",
            )
            return
        if plan_code in self.plans or plan_code in self.new_plans:
            pending = (c for p, c in self.pending if p == plan_code)
            wrong, known = code, [*self.existing_targets(plan_code), *pending]
            en, zh = f"plan {plan_code} has no target {code}", f"规划 {plan_code} 没有指标 {code}"
            cell = record.cell("code")
        else:
            wrong, known = plan_code, [*self.plans, *self.new_plans]
            en, zh = f"there is no plan {plan_code}", f"没有代码为 {plan_code} 的规划"
            cell = record.cell("plan") if record.text("plan") else record.cell("code")
        hint_en, hint_zh = did_you_mean(wrong, known)
        reader.problem(cell, en + hint_en, zh + hint_zh)

    def _quality(self, record: Record, reader: CellReader) -> Quality | None:
        text = record.text("quality")
        known = self._qualities.get(text)
        if known is not None or not text:
            return known
        before = len(reader.problems)
        found = quality(record, reader)
        if found is not None and len(reader.problems) == before:
            self._qualities[text] = found
        return found

    def _year(self, cell: Located, reader: CellReader) -> int | None:
        before = len(reader.problems)
        year = reader.year(cell)
        if year is None and len(reader.problems) == before:
            reader.problem(cell, "the year is empty", "年份为空")
        if year is not None:
            self._years[cell.text] = year
        return year

    def _figure(
        self,
        ref: Ref,
        target: Target,
        plan_code: str,
        observation: Observation,
        cells: tuple[Located, Located],
        reader: CellReader,
        given: set[str],
    ) -> None:
        """Add or change one figure, read from `cells` (its year's and its value's). `given`:
        what the file says about it besides the value. A changed value takes the whole
        observation (quality, source, note) with it; an unchanged one keeps what the file
        leaves blank."""
        year_cell, cell = cells
        key = (ref, observation.year)
        if key in self.figure_cells:
            sheet, row, col = self.figure_cells[key]
            other = cell_address(sheet, row, col)
            reader.problem(
                cell,
                f"the {observation.year} figure of {target.code} is also given in {other}",
                f"{target.code} 的 {observation.year}年数值在 {other} 中也出现了",
            )
            return
        self.figure_cells[key] = (reader.sheet, cell.row, cell.col)
        existing = self.existing_figures(ref).get(observation.year)
        if existing is not None and reads_as(existing.value, observation.value):
            observation = replace(observation, value=existing.value)  # kept to its last digit
        if existing is None or existing.value != observation.value:  # a kept value stays
            if self._year_refused(year_cell, cell, target, observation.year, reader):
                return
            for problem in limit_problem("value", observation.value, target.natural_limit):
                reader.problem(
                    cell,
                    f"{target.code} {observation.year}: {problem.message_en}",
                    f"{target.code} {observation.year}年：{problem.message_zh}",
                )
                return
        self._check_baseline(target, plan_code, observation)
        if plan_code in self.new_plans:
            start = target.baseline_year
            self.figure_starts.setdefault(plan_code, []).append((observation.year, start))
        figure_lines = self.result.figure_lines
        if existing is None:
            self.result.figures.append((ref, observation))
            figure_lines.append(
                FigureLine(Action.ADD, plan_code, target.code, target.unit, observation)
            )
            return
        fields = _FIGURE_FIELDS if existing.value != observation.value else given
        values = {
            n: getattr(observation, n)
            for n in fields
            if _differs(getattr(existing, n), getattr(observation, n))
        }
        if not values:
            figure_lines.append(
                FigureLine(
                    Action.UNCHANGED, plan_code, target.code, target.unit, observation, existing
                )
            )
            return
        assert existing.id is not None
        shown = frozenset(values)
        if "quality" in values and _RANK[observation.quality] > _RANK[existing.quality]:
            self.downgraded.append(f"{plan_code} {target.code} {observation.year}")
        elif "quality" in values and "quality" not in given:
            self.raised_unstated.append(f"{plan_code} {target.code} {observation.year}")
        if "quality" in values:
            values["quality"] = observation.quality.value
        self.result.figure_updates.append((existing.id, values))
        if isinstance(ref, int) and plan_code in self.plans:
            revised = replace(existing, **{n: getattr(observation, n) for n in shown})
            self.revised_figures.append((self.plans[plan_code], target.code, existing, revised))
        figure_lines.append(
            FigureLine(
                Action.CHANGE,
                plan_code,
                target.code,
                target.unit,
                observation,
                existing,
                shown,
                self._unit_before(plan_code, target),
            )
        )

    def _unit_before(self, plan_code: str, target: Target) -> str | None:
        """The target's unit in the workbook where the import changes it; else None."""
        was = self.existing_targets(plan_code).get(target.code)
        return None if was is None or was.unit == target.unit else was.unit

    def _year_refused(
        self, year_cell: Located, cell: Located, target: Target, year: int, reader: CellReader
    ) -> bool:
        """Whether a figure's year is still to come, said at the year's cell: once for a
        column's heading in a table of years, whatever the rows below it."""
        problems = future_year_problem(year, self.this_year)
        if not problems:
            return False
        (problem,) = problems
        if year_cell.row == cell.row:  # the row's own year
            en, zh = f"{target.code} {year}: ", f"{target.code} {year}年："
        elif (reader.sheet, year_cell.row, year_cell.col) in self.refused_headings:
            return True
        else:
            self.refused_headings.add((reader.sheet, year_cell.row, year_cell.col))
            en, zh = f"{year}: ", f"{year}年："
        reader.problem(year_cell, en + problem.message_en, zh + problem.message_zh)
        return True

    def _jumps(self) -> list[Jump]:
        """The values the import sets ten times or a tenth of the figure they are compared
        with, or more so: a slipped digit, or a table in 万元 read as 亿元 (see
        import_jumps)."""
        found: list[Jump] = []
        by_target: dict[tuple[str, str], list[FigureLine]] = {}
        for line in self.result.figure_lines:
            by_target.setdefault((line.plan, line.target), []).append(line)
        for (plan_code, code), lines in by_target.items():
            ref, target = self._target_ref(plan_code, code)
            if ref is None or target is None:
                continue
            new = {line.new.year: line.new.value for line in lines if _new_value(line)}
            # a figure replaced in another unit is not one to compare with (4,000 亿元 with
            # 40,000,000 万元); those kept are read in the new unit, as the note on it says
            replaced = set(new) if self._unit_before(plan_code, target) is not None else set()
            workbook = {
                year: o.value
                for year, o in self.existing_figures(ref).items()
                if year not in replaced
            }
            baseline = _baseline_of(target).values()
            if may_jump([*workbook.values(), *new.values(), *baseline]):
                found += import_jumps(target, workbook, new)
        return found

    def _check_baseline(self, target: Target, plan_code: str, observation: Observation) -> None:
        if target.baseline_year != observation.year or target.baseline_value is None:
            return
        if target.baseline_value != observation.value:
            figure, baseline = observation.value, target.baseline_value
            unit, year = target.unit, observation.year
            self.result.notes.append(
                Note(
                    f"{plan_code} {target.code}: the {year} figure "
                    f"{exact_amount(figure, unit, 'en')} differs from the baseline "
                    f"{exact_amount(baseline, unit, 'en')} of the same year",
                    f"{plan_code} {target.code}：{year} 年数据 {exact_amount(figure, unit, 'zh')}"
                    f" 与同年基期值 {exact_amount(baseline, unit, 'zh')} 不一致",
                )
            )

    # --- the end -------------------------------------------------------------------------

    def finish(self) -> ImportPlan:
        result = self.result
        plan_lines = []
        for code, draft in self.new_plans.items():
            given = self.given_periods.get(code, GivenPeriod())
            figures = [("figure", year) for year, _ in self.figure_starts.get(code, [])]
            start, end = _period([*self.plan_years.get(code, []), *figures], given)
            if end < start:
                result.problems.append(given.too_short(start, end))
                continue
            plan = replace(draft, start_year=start, end_year=end)
            result.plans.append(plan)
            self._note_early_figures(plan)
            title = wording.title(plan, self.lang)
            start_year, end_year = plan.start_year, plan.end_year
            period = (
                f"（{start_year}—{end_year}年）"
                if self.lang == "zh"
                else f" ({start_year}–{end_year})"
            )
            if f"{start_year}" in title and f"{end_year}" in title:
                period = ""  # the title names its period already
            plan_lines.append(
                Line(Action.ADD, Entity.PLAN, code, new=title + period, lang=self.lang)
            )
        result.lines[:0] = plan_lines
        if self.missing_figures:
            result.notes.append(
                Note(
                    f"{counted(self.missing_figures, 'empty or missing figure')} (—, -, …):"
                    " nothing imported for them, existing figures kept",
                    f"{self.missing_figures} 个数值为空或缺失（—、-、…）：未导入，已有数值保留",
                )
            )
        if self.kept_figures:
            result.notes.append(_kept_note(self.kept_figures))
        if self.downgraded:
            result.notes.append(_downgraded_note(self.downgraded))
        if self.raised_unstated:
            result.notes.append(_raised_unstated_note(self.raised_unstated))
        jumped = self._jumps()
        result.hundredfold = sum(jump.refuses_import for jump in jumped)
        # those the import is refused for named first: the note names only the first few
        jumped.sort(key=lambda jump: not jump.refuses_import)
        if jumped:
            result.notes.append(_jumps_note(jumped))
        order = {p.sheet: i for i, p in reversed(list(enumerate(result.problems)))}
        result.problems.sort(key=lambda p: (order[p.sheet], p.row, p.col))
        return result


_RANK = {Quality.OFFICIAL: 0, Quality.PRELIMINARY: 1, Quality.ESTIMATE: 2}


def _kept_note(figures: list[tuple[str, str]]) -> Note:
    """That figures the file leaves empty stay as the workbook has them, naming the first few:
    a planner who emptied a wrong figure in a table would otherwise think it gone."""
    named_en, named_zh = first_few([en for en, _ in figures], [zh for _, zh in figures])
    return Note(
        f"{counted(len(figures), 'figure')} empty in the file kept as the workbook has them"
        f" (an import does not delete figures; delete them in the window): {named_en}",
        f"{len(figures)} 个数值在文件中为空，工作簿中的数值保留（导入不会删除数值；"
        f"如需删除，请在窗口中操作）：{named_zh}",
    )


def _downgraded_note(figures: list[str]) -> Note:
    """That the import replaces figures with ones of a lower quality (an official figure with a
    preliminary one, say), naming the first few."""
    named, named_zh = first_few(figures, figures)
    return Note(
        f"{counted(len(figures), 'figure')} replaced by a figure of lower quality"
        f" (official → preliminary or estimate, preliminary → estimate): {named}",
        f"{len(figures)} 个数值将被质量较低的数值替换（正式→初步或估算，初步→估算）：{named_zh}",
    )


def _raised_unstated_note(figures: list[str]) -> Note:
    """That the import marks official figures that replace preliminary or estimated ones, as
    the file gives no quality for them (a table of years has no quality column)."""
    named, named_zh = first_few(figures, figures)
    return Note(
        f"{counted(len(figures), 'figure')} replacing preliminary or estimated figures will be"
        " marked official, as the file gives no quality for"
        f" {'it' if len(figures) == 1 else 'them'} (give the file a quality column, or change"
        f" the quality after the import, where that is not so): {named}",
        f"{len(figures)} 个数值将替换初步或估算数值，因文件未注明数据质量，将记为正式数据"
        f"（如并非正式数据，请在文件中加上数据质量列，或导入后修改）：{named_zh}",
    )


def _new_value(line: FigureLine) -> bool:
    return line.action is Action.ADD or (
        line.action is Action.CHANGE and line.old is not None and line.old.value != line.new.value
    )


def _baseline_of(target: Target) -> dict[int, float]:
    year, value = target.baseline_year, target.baseline_value
    return {} if year is None or value is None else {year: value}


def _jumps_note(jumped: list[Jump]) -> Note:
    """The figures far from the figure each is compared with, the first few said in full."""
    said_en = [f"{j.target.code} {j.year}: {j.text('en', exact_number)}" for j in jumped]
    said_zh = [f"{j.target.code} {j.year}年：{j.text('zh', exact_number)}" for j in jumped]
    named_en, named_zh = first_few(said_en, said_zh, most=3)
    count, each = counted(len(jumped), "figure"), "each is" if len(jumped) > 1 else "it is"
    if all(j.below_zero for j in jumped):
        return Note(
            f"{count} below zero where the figure {each} compared with is above it: check the"
            f" sign ({named_en})",
            f"{len(jumped)} 个数值为负数而所对照的数据为正数，请核对正负号（{named_zh}）",
        )
    if not any(j.below_zero for j in jumped):
        return Note(
            f"{count} ten times or a tenth of the figure {each} compared with, or more: check"
            f" the unit and decimal point ({named_en})",
            f"{len(jumped)} 个数值与所对照的数据相差十倍以上，请核对单位和小数点（{named_zh}）",
        )
    return Note(
        f"{count} far from the figure {each} compared with (tenfold, or below zero): check the"
        f" unit, decimal point and sign ({named_en})",
        f"{len(jumped)} 个数值与所对照的数据相差十倍以上或正负相反，请核对单位、小数点和正负号"
        f"（{named_zh}）",
    )


def _differs(old: Any, new: Any) -> bool:
    if isinstance(old, str) and isinstance(new, str):
        return old.strip() != new.strip()
    return bool(old != new)


def _early_figures_note(plan: Plan, years: list[int], baselines: set[bool]) -> Note:
    """A new plan given figures from before its baseline year: an old plan's, carried over
    with its targets by mistake? `baselines`: whether their targets have a baseline year
    (True), none (False, the year before the plan period standing for it), or some of each."""
    first, last, count = min(years), max(years), len(years)
    span, span_zh = (
        (str(first), str(first)) if first == last else (f"{first}–{last}", f"{first}—{last}")
    )
    before_en, before_zh = {
        frozenset({True}): ("their targets' baseline years", "其指标的基期年份"),
        frozenset({False}): (
            "the year before it (their targets have no baseline)",
            "其前一年（这些指标没有基期）",
        ),
    }.get(
        frozenset(baselines),
        (
            "their targets' baseline years (the year before the period for those with none)",
            "其指标的基期年份（无基期的指标为规划期前一年）",
        ),
    )
    period = f"{plan.start_year}–{plan.end_year}", f"{plan.start_year}—{plan.end_year}"
    if first >= plan.start_year:  # within the period, before baselines set later in it
        period_en, period_zh = "", ""
    elif last >= plan.start_year:  # some within it, some before it
        period_en, period_zh = f"the plan period {period[0]} or ", f"规划期 {period[1]} 年或"
    else:
        period_en, period_zh = f"the plan period {period[0]} and ", f"规划期 {period[1]} 年及"
    return Note(
        f"{plan.code}: {counted(count, 'figure')} of {span}, before {period_en}{before_en};"
        " check that they belong to this plan (figures of an earlier plan's targets stay with"
        " that plan)",
        f"{plan.code}：有 {count} 个数值属于 {span_zh} 年，早于{period_zh}{before_zh}；"
        "请确认这些数值属于本规划（上一规划的指标数据应留在上一规划）",
    )


def _period(years: list[tuple[str, int]], given: GivenPeriod) -> tuple[int, int]:
    """A new plan's period: as its plans sheet row gives it, the rest from its targets' and
    figures' years (`years`: "start", "end" or "figure" with a year)."""
    starts = [y for kind, y in years if kind == "start"]
    inferred = min(starts) if starts else min((y for _, y in years), default=None)
    start = given.start or inferred or given.end or clock.this_year()
    end = given.end or max([y for kind, y in years if kind == "end"] + [start])
    return start, end

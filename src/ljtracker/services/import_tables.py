"""Wide and long tables: their rows matched to a plan's targets, their figures read."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ljtracker.domain.closest import no_such_plan
from ljtracker.domain.model import Observation, Plan, Quality, Target, unstated_quality
from ljtracker.domain.number_text import counted
from ljtracker.domain.numbers import is_missing_marker
from ljtracker.domain.wording import first_few
from ljtracker.services.import_builder import BuilderBase
from ljtracker.services.import_plan import exact_amount
from ljtracker.sheets.cells import Note, SheetError
from ljtracker.sheets.layout import Figure, Layout, Located
from ljtracker.sheets.matching import (
    Match,
    MatchHow,
    count_matched,
    likely_targets,
    listed_units,
    match_indicators,
    same_unit,
)
from ljtracker.sheets.records import CellReader
from ljtracker.storage import reads


class TableSheet(BuilderBase):
    def table(
        self, layout: Layout, mapping: Mapping[str, int | None], figure_quality: Quality | None
    ) -> tuple[Plan, list[Match]]:
        """The figures of a wide or long table. A value the file repeats keeps the figure's
        quality and source, unless the user gave them (`figure_quality`, a source)."""
        plan = self._table_plan(layout, mapping)
        assert plan.id is not None
        targets = reads.targets(self.wb, plan.id)
        matches = match_indicators(layout.indicators, targets, mapping)
        reader = CellReader.of(layout.sheet)
        used: dict[int, Match] = {}
        rows: set[int] = set()
        given = {"value"}
        if self.source_given:
            given.add("source")
        for match in matches:
            target = match.target
            if target is None or target.id is None:
                continue
            indicator = match.indicator
            if target.id in used:
                other = used[target.id].indicator
                reader.problem(
                    indicator.label_cell,
                    f'"{indicator.label}" and "{other.label}" (row {other.row + 1}) both go to '
                    f"target {target.code}; map one of them to another target or leave it out",
                    f"“{indicator.label}”和第 {other.row + 1} 行的“{other.label}”都对应指标 "
                    f"{target.code}；请把其中一行改为其他指标或不导入",
                )
                continue
            used[target.id] = match
            rows.update((indicator.row, *(f.value.row for f in indicator.figures)))
            if not self._unit_agrees(match, layout, reader):
                continue  # its figures are not listed as changes the import cannot make
            for figure in indicator.figures:
                self._table_figure(plan, target, figure, reader, figure_quality, given)
            self._note_kept(target, layout.years, indicator.figures)
        # a table's problems in the rows imported, or why it has none to import
        reader.problems += [p for p in layout.problems if p.row in rows or layout.refusal]
        self.result.problems += reader.problems
        free = [t for t in targets if t.id not in used]
        self._note_left_out(matches, free, layout.table_unit)
        return plan, matches

    def _table_figure(
        self,
        plan: Plan,
        target: Target,
        figure: Figure,
        reader: CellReader,
        figure_quality: Quality | None,
        given: set[str],
    ) -> None:
        """One figure of a matched row. A long table's row may give its own unit (checked),
        quality, source and note; the options serve where it does not."""
        assert target.id is not None
        if is_missing_marker(figure.value.text):
            self.missing_figures += 1
            return
        unit = figure.unit_cell
        if (
            unit is not None
            and unit.text
            and not _same_unit_or_problem(target, unit.text, unit, "row", reader)
        ):
            return
        year = figure.year if figure.year is not None else self._year(figure.year_cell, reader)
        value = reader.number(figure.value, target.unit)
        row_quality = None
        if figure.quality_cell is not None and figure.quality_cell.text:
            row_quality = reader.choice(figure.quality_cell, Quality, None)
            if row_quality is None:
                return
        if year is None or value is None:
            return
        # a row's own quality, then a year's own mark (2025年（初步）), are more particular
        # than the option; the row's quality, a final mark (2021年（最终核实）) and the option,
        # given, also relabel figures the table repeats, a preliminary mark does not
        marked = row_quality or figure.quality
        quality = marked or figure_quality or unstated_quality(year, self.this_year)
        given = set(given)
        confirms = figure.quality is Quality.OFFICIAL
        if row_quality is not None or confirms or (figure_quality is not None and marked is None):
            given.add("quality")
        source = figure.source_cell.text if figure.source_cell is not None else ""
        if source:
            given.add("source")
        note = figure.note_cell.text if figure.note_cell is not None else ""
        if note:
            given.add("note")
        observation = Observation(
            target.id, year, value, quality, source or self.figure_source, note
        )
        cells = (figure.year_cell, figure.value)
        self._figure(target.id, target, plan.code, observation, cells, reader, given)

    def _note_left_out(
        self, matches: Sequence[Match], free: Sequence[Target], table_unit: str
    ) -> None:
        """Name the rows not imported: those the mapping leaves out, and those matched to no
        target, each with the targets not yet given a row whose names hold its name (or are
        held in it)."""
        chosen = [m.indicator.label for m in matches if m.how is MatchHow.LEFT_OUT]
        if chosen:
            en, zh = first_few(chosen, [f"“{label}”" for label in chosen], 5)
            self.result.notes.append(
                Note(
                    f"{counted(len(chosen), 'row')} left out by the mapping, not imported: {en}",
                    f"{len(chosen)} 行按对应关系不导入：{zh}",
                )
            )
        left_out = [m.indicator for m in matches if m.how is MatchHow.NONE]
        if not left_out:
            return
        shown_en, shown_zh = [], []
        for indicator in left_out[:5]:
            label = indicator.label
            found = [t.code for t in likely_targets(indicator, free, table_unit)]
            codes = found[:3] + (["…"] if len(found) > 3 else [])
            shown_en.append(label + (f" (perhaps {' or '.join(codes)})" if codes else ""))
            shown_zh.append(f"“{label}”" + (f"（可能是 {' 或 '.join(codes)}）" if codes else ""))
        more = len(left_out) > 5
        self.result.notes.append(
            Note(
                f"{counted(len(left_out), 'row')} not matched to a target, not imported: "
                + ", ".join(shown_en)
                + (", …" if more else ""),
                f"{len(left_out)} 行未对应到指标，未导入："
                + "".join(shown_zh)
                + ("……" if more else ""),
            )
        )

    def _note_kept(self, target: Target, years: Sequence[int], figures: Sequence[Figure]) -> None:
        """Note the year columns of a wide table left blank where the workbook has a figure (a
        missing-figure mark such as "—" has a note of its own)."""
        given = {f.year for f in figures}
        existing = self.existing_figures(target.id) if target.id is not None else {}
        for year in years:
            if year not in given and year in existing:
                value = existing[year].value
                self.kept_figures.append(
                    (
                        f"{target.code} {year} ({exact_amount(value, target.unit, 'en')})",
                        f"{target.code} {year}年（{exact_amount(value, target.unit, 'zh')}）",
                    )
                )

    def _table_plan(self, layout: Layout, mapping: Mapping[str, int | None]) -> Plan:
        if self.plan_code:
            plan = self.plans.get(self.plan_code)
            if plan is None:
                raise SheetError(*no_such_plan(self.plan_code, self.plans))
            return plan
        refused = layout.refusal  # no rows to choose a plan by: why
        if refused is not None:
            raise SheetError(
                f"{refused.where}: {refused.message_en}",
                f"{refused.where}：{refused.message_zh}",
            )
        scores = []
        for plan in self.plans.values():
            targets = reads.targets(self.wb, plan.id)
            scores.append(
                (count_matched(match_indicators(layout.indicators, targets, mapping)), plan)
            )
        best = max((s for s, _ in scores), default=0)
        leaders = [p for s, p in scores if s == best]
        if best == 0:
            raise SheetError(
                f"sheet {layout.sheet.name!r}: no row matches a target of any plan by code or "
                "name; choose the plan",
                f"工作表“{layout.sheet.name}”：没有哪一行的代码或名称与任何规划的指标相符；"
                "请选择规划",
            )
        if len(leaders) > 1:
            codes = ", ".join(p.code for p in leaders)
            codes_zh = "、".join(p.code for p in leaders)
            raise SheetError(
                f"sheet {layout.sheet.name!r}: rows match plans {codes}; choose one",
                f"工作表“{layout.sheet.name}”：表中各行与规划 {codes_zh} 的匹配程度相同；"
                "请选择一个规划",
            )
        return leaders[0]

    def _unit_agrees(self, match: Match, layout: Layout, reader: CellReader) -> bool:
        """Whether the unit the table gives the row agrees with its target's; a problem at
        the unit's cell when it does not."""
        target = match.target
        assert target is not None
        if not target.unit.strip():
            return True
        indicator = match.indicator
        if indicator.unit and indicator.unit_cell is not None:
            unit, cell, where = indicator.unit, indicator.unit_cell, "row"
        elif match.label_unit:
            unit, cell, where = match.label_unit, indicator.label_cell, "label"
        elif layout.table_unit:
            # "单位：亿元、%": the units of the table's columns or rows, the target's among them;
            # a number and words not known as a unit ("Unit: 1,000 yuan") are still the
            # table's unit, where a phrase ("单位：见各指标") gives none
            table_unit = layout.table_unit
            units = listed_units(table_unit) or ([table_unit] if table_unit[:1].isdigit() else [])
            if not units or any(same_unit(unit, target.unit) for unit in units):
                return True
            unit, cell, where = "、".join(units), indicator.label_cell, "table"
        else:
            return True
        return _same_unit_or_problem(target, unit, cell, where, reader)


def _same_unit_or_problem(
    target: Target, unit: str, cell: Located, where: str, reader: CellReader
) -> bool:
    """Whether `unit`, as the table gives it (`where`: in the row, the name or above the
    table), is the target's; a problem at its cell when it is not."""
    if not target.unit.strip() or same_unit(unit, target.unit):
        return True
    # the cell named is the row's: a unit above the table is said to be there
    said_en = {
        "row": f'the row\'s unit "{unit}"',
        "label": f'the unit "{unit}" in the name',
        "table": f'the unit "{unit}" written above the table',
    }
    said_zh = {"row": "该行单位", "label": "名称中的单位", "table": "表格上方标注的单位"}
    reader.problem(
        cell,
        f'{said_en[where]} differs from the unit "{target.unit}" of target '
        f"{target.code}; convert the figures or change the mapping",
        f"{said_zh[where]}“{unit}”与指标 {target.code} 的单位“{target.unit}”不同；"
        "请换算数值或修改对应关系",
    )
    return False

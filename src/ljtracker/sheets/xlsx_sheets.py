"""The sheets of an exported XLSX file: a plan's summary, a table, a plan's figures by year.

Each sheet has its header rows frozen, columns sized to their contents, and a print setup
(A4 landscape, one page wide, header rows repeated, page numbers in the footer).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from xlsxwriter.format import Format
from xlsxwriter.workbook import Workbook as Book
from xlsxwriter.worksheet import Worksheet

from ljtracker.domain import wording
from ljtracker.domain.explain import METHOD_NAMES
from ljtracker.domain.model import Comparator, Kind, Quality, Trajectory
from ljtracker.domain.number_text import format_number
from ljtracker.domain.status_look import look_of
from ljtracker.domain.text_width import display_width
from ljtracker.sheets.cells import FORMULA_STARTS
from ljtracker.sheets.template import (
    AREA_ALIASES,
    ENUM_WORDS,
    OBSERVATION_ALIASES,
    PLAN_ALIASES,
    TARGET_ALIASES,
    header_lookup,
    normalize_header,
)

if TYPE_CHECKING:
    from ljtracker.sheets.writers import OutCell, PlanExport, Table

MAX_WIDTH = 60
WRAP_WIDTH = 48  # columns of long text (notes, sources) wrap at this width
EMPTY_TEXT_WIDTH = 30  # the width of those columns in an empty template
LINE_HEIGHT = 15.5
_HEADER = {"bold": True, "bg_color": "#DDE3EA", "border": 1, "text_wrap": True, "valign": "top"}
_SHEET_NAME_BAD = re.compile(r"[\[\]:*?/\\]")
_WRAPPED = {
    "notes",
    "source",
    "baseline_source",
    "note",
    "meaning",
    "说明",
    "title_zh",
    "title_en",
    "issuer",
    "milestones",
    "source_url",  # wrapped at its column's edge, having no spaces
}
_VALIDATED = {
    "kind": Kind,
    "comparator": Comparator,
    "trajectory": Trajectory,
    "quality": Quality,
    "baseline_quality": Quality,
}
_TEMPLATE_COLUMNS = header_lookup(
    {**TARGET_ALIASES, **OBSERVATION_ALIASES, **PLAN_ALIASES, **AREA_ALIASES}
)


def _literal(text: str) -> str:
    """Text as a literal inside an Excel number format: every character escaped."""
    return "".join("\\" + c for c in text)


class _Exact(float):
    """A number xlsxwriter writes to all its digits: it writes 16 significant ones, and
    1466.6666666666667 (4400 / 3) would come back from the file as 1466.666666666667."""

    def __format__(self, spec: str) -> str:
        written = float.__format__(self, spec)
        return written if float(written) == self else float.__repr__(self)


class Styles:
    """Cell formats of one file, made once per distinct look."""

    def __init__(self, book: Book) -> None:
        self.book = book
        self._made: dict[tuple[tuple[str, Any], ...], Format] = {}

    def get(self, **props: Any) -> Format:
        key = tuple(sorted(props.items()))
        if key not in self._made:
            self._made[key] = self.book.add_format(props)
        return self._made[key]


class SheetWriter:
    """Writes cells of one sheet, keeping track of column widths and wrapped text."""

    def __init__(self, sheet: Worksheet, styles: Styles) -> None:
        self.sheet = sheet
        self.styles = styles
        self.widths: dict[int, int] = {}
        self.wrapped: list[tuple[int, int, str]] = []

    def _measure(self, col: int, text: str) -> None:
        width = max((display_width(line) for line in text.splitlines()), default=0)
        self.widths[col] = max(self.widths.get(col, 0), min(width, MAX_WIDTH))

    def format(self, value: OutCell, props: dict[str, Any]) -> Format | None:
        if isinstance(value, str) and value.startswith(FORMULA_STARTS):
            # Written as a string anyway; the quote prefix keeps an edit from making a formula.
            props = {**props, "quote_prefix": True}
        return self.styles.get(**props) if props else None

    def write(self, row: int, col: int, value: OutCell, **props: Any) -> None:
        fmt = self.format(value, props)
        if value is None or value == "":
            if fmt is not None:
                self.sheet.write_blank(row, col, None, fmt)
        elif isinstance(value, str):
            self.sheet.write_string(row, col, value, fmt)
            self._measure(col, value)
            if props.get("text_wrap"):
                self.wrapped.append((row, col, value))
        else:
            self.sheet.write_number(row, col, _Exact(value), fmt)
            self._measure(col, format_number(float(value)) + "  ")

    def header(self, row: int, col: int, text: OutCell, **props: Any) -> None:
        """A header cell: wraps between words, so the column need only fit the longest word."""
        self.sheet.write(row, col, text, self.styles.get(**_HEADER, **props))
        words = str(text).split() or [""]
        self._measure(col, max(words, key=display_width))
        self.wrapped.append((row, col, str(text)))

    def number(
        self, row: int, col: int, value: float, unit: str = "", prefix: str = "", **props: Any
    ) -> None:
        """A number shown as the app shows it ("4,000 亿元", "≥ 5,000 亿元"); the cell stays a
        number whatever its format."""
        shown = format_number(value)
        decimals = len(shown.partition(".")[2])
        code = "#,##0" + ("." + "0" * decimals if decimals else "")
        suffix = f" {unit}" if unit else ""
        self.write(row, col, value, num_format=_literal(prefix) + code + _literal(suffix), **props)
        self._measure(col, f"{prefix}{shown}{suffix}  ")

    def finish(
        self,
        minimum: int = 6,
        fixed: dict[int, int] | None = None,
        wrap: frozenset[int] = frozenset(),
    ) -> None:
        """Set the column widths (the `wrap` columns wrap whatever is typed into them), then the
        heights of rows whose text wraps."""
        fixed = fixed or {}
        widths = {col: max(w, minimum) + 2 for col, w in self.widths.items()} | fixed
        wrapping = self.styles.get(text_wrap=True, valign="top")
        for col, width in widths.items():
            self.sheet.set_column(col, col, width, wrapping if col in wrap else None)
        lines: dict[int, int] = {}
        for row, col, text in self.wrapped:
            room = max(widths.get(col, 10) - 1, 1)
            count = sum(max(1, math.ceil(display_width(part) / room)) for part in text.split("\n"))
            lines[row] = max(lines.get(row, 1), count)
        for row, count in lines.items():
            if count > 1:
                self.sheet.set_row(row, LINE_HEIGHT * count + 3)


BY_YEAR_WORDS = {False: "by year", True: "分年数据"}  # of a plan's by-year sheet's name
# its columns before the years': the target's, then its baseline year and value
BY_YEAR_LABELS = {False: ("code", "indicator", "unit"), True: ("代码", "指标", "单位")}
BY_YEAR_BASELINE = {False: ("baseline year", "baseline"), True: ("基期年份", "基期值")}
BY_YEAR_HEADER_ROW = 2  # below the plan's title and the note that the sheet is for reading


def by_year_sheet_plan(name: str, *known: Iterable[str]) -> str | None:
    """The plan code of an exported plan's figures by year, from the sheet's name: of the
    codes `known` (tiers of them, the likelier first), the one the name gives as it stands,
    else the one export names so, having cut it short or changed it (LJ/2030 as "LJ_2030 by
    year"); else the name's first words; None for another sheet."""
    named = None
    for words in BY_YEAR_WORDS.values():
        plan, found, _suffix = name.partition(f" {words}")
        if found and plan:
            named = plan
    for tier in known:
        codes = list(tier)
        if named is not None and named in codes:
            return named
        for code in codes:
            if name in {sheet_name(f"{code} {words}") for words in BY_YEAR_WORDS.values()}:
                return code
    return named


def sheet_name(wanted: str) -> str:
    """`wanted` as a sheet may be named: no []:*?/\\, no quote at either end, 31 characters."""
    return _SHEET_NAME_BAD.sub("_", wanted).strip("'")[:31] or "sheet"


def unique_sheet_name(book: Book, wanted: str) -> str:
    name = sheet_name(wanted)
    taken = {s.get_name().casefold() for s in book.worksheets()}
    candidate, n = name, 2
    while candidate.casefold() in taken:
        suffix = f" ({n})"
        candidate, n = name[: 31 - len(suffix)] + suffix, n + 1
    return candidate


def _print_setup(sheet: Worksheet, header_rows: tuple[int, int], title: str) -> None:
    sheet.set_landscape()
    sheet.set_paper(9)  # A4
    sheet.fit_to_pages(1, 0)
    sheet.repeat_rows(*header_rows)
    sheet.set_margins(left=0.5, right=0.5, top=0.7, bottom=0.7)
    sheet.set_header("&L" + title.replace("&", "&&")[:200])
    sheet.set_footer("&R&P / &N")


def table_sheet(book: Book, styles: Styles, name: str, table: Table, lang: str = "en") -> None:
    """A plain table with its header in row 1: the template's sheets and the instructions;
    columns of kinds, comparators, trajectories and qualities offer their words in `lang`."""
    header, rows = table
    sheet = book.add_worksheet(unique_sheet_name(book, name))
    out = SheetWriter(sheet, styles)
    for col, text in enumerate(header):
        out.header(0, col, text)
    wrap = {
        col
        for col, column in enumerate(header)
        if column in _WRAPPED or _TEMPLATE_COLUMNS.get(normalize_header(column)) in _WRAPPED
    }
    for r, row in enumerate(rows, start=1):
        for col, value in enumerate(row):
            if col in wrap:
                out.write(r, col, value, text_wrap=True, valign="top")
            else:
                out.write(r, col, value, valign="top")
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, max(len(rows), 1), len(header) - 1)
    last = max(len(rows), 1) + 500
    for col, column in enumerate(header):
        enum = _VALIDATED.get(_TEMPLATE_COLUMNS.get(normalize_header(column), ""))
        if enum is not None:
            zh = lang == "zh"  # each choice's first Chinese word, else its value
            choices = [words[0] if zh else value for value, words in ENUM_WORDS[enum].items()]
            sheet.data_validation(
                1, col, last, col, {"validate": "list", "source": choices, "show_error": False}
            )
    fixed = {c: WRAP_WIDTH for c in wrap if out.widths.get(c, 0) > WRAP_WIDTH}
    if not rows:  # an empty template: room to type a source or a note
        fixed = {c: EMPTY_TEXT_WIDTH for c in wrap}
    out.finish(minimum=8, fixed=fixed, wrap=frozenset(wrap))
    _print_setup(sheet, (0, 0), name)


def _summary_header(lang: str) -> tuple[str, ...]:
    if lang == "zh":
        return (
            "代码", "指标", "属性", "基期年份", "基期值", "最新年份", "最新值",
            "目标年份", "目标", "完成度", "状态", "说明",
        )  # fmt: skip
    return (
        "Code", "Indicator", "Kind", "Baseline year", "Baseline", "Latest year", "Latest",
        "Target year", "Target", "Achievement", "Status", "Explanation",
    )  # fmt: skip


_PREFIX = {Comparator.AT_LEAST: "≥ ", Comparator.AT_MOST: "≤ ", Comparator.ABOUT: "≈ "}


def summary_sheet(book: Book, styles: Styles, export: PlanExport, lang: str) -> None:
    zh = lang == "zh"
    plan = export.plan
    sheet = book.add_worksheet(
        unique_sheet_name(book, f"{plan.code} {'概况' if zh else 'summary'}")
    )
    out = SheetWriter(sheet, styles)
    header = _summary_header(lang)
    out.write(0, 0, wording.title(plan, lang), bold=True, font_size=14)
    as_of = export.as_of_year
    method = METHOD_NAMES[export.method][1 if zh else 0]
    years = f"{plan.start_year}–{plan.end_year}"
    if zh:
        as_of_zh = f"{as_of}年" if as_of else "最新数据"
        line = f"{plan.code}，{years}年；截至{as_of_zh}；方法：{method}"
    else:
        line = f"{plan.code}, {years}; as of {as_of or 'the latest figures'}; method: {method}"
    out.write(1, 0, line, italic=True, font_color="#555555")
    out.widths.clear()
    for col, text in enumerate(header):
        out.header(3, col, text)
    row = 4
    areas = [*export.areas, None]
    for area in areas:
        members = [
            t
            for t in export.targets
            if (t.area.id if t.area else None) == (area.id if area else None)
        ]
        if not members:
            continue
        name = "其他" if zh else "Other" if area is None else ""
        if area is not None:
            name = (area.name_zh or area.name_en) if zh else (area.name_en or area.name_zh)
        band = out.format(name, {"bold": True, "bg_color": "#F2F2F2"})
        sheet.merge_range(row, 0, row, len(header) - 1, name, band)
        row += 1
        for member in members:
            _summary_row(out, row, member, lang)
            row += 1
    sheet.freeze_panes(4, 2)
    out.finish(fixed={11: MAX_WIDTH})
    sheet.protect("", _READ_ONLY)  # worked out from the workbook: nothing to edit here
    _print_setup(sheet, (3, 3), f"{plan.code} {wording.title(plan, lang)}")


def _summary_row(out: SheetWriter, row: int, export: Any, lang: str) -> None:
    t, a = export.target, export.assessment
    unit = t.unit
    top = {"valign": "top"}
    out.write(row, 0, t.code, **top)
    out.write(row, 1, wording.name(t, lang), text_wrap=True, **top)
    out.write(row, 2, wording.KIND_WORDS[t.kind][1 if lang == "zh" else 0], **top)
    out.write(row, 3, a.baseline_year, **top)
    if a.baseline_value is not None:
        out.number(row, 4, a.baseline_value, unit, **top)
    if a.shown_latest is not None:
        out.write(row, 5, a.shown_latest.year, **top)
        out.number(row, 6, a.shown_latest.value, unit, **top)
    out.write(row, 7, t.target_year, **top)
    if t.comparator is not None and t.target_value is not None:
        prefix = _PREFIX[t.comparator]
        shown_unit = unit
        if t.comparator is Comparator.ABOUT and t.tolerance is not None:
            shown_unit = f"{unit} ± {format_number(t.tolerance)}".strip()
        out.number(row, 8, t.target_value, shown_unit, prefix, **top)
    else:
        out.write(row, 8, wording.goal(t, lang), text_wrap=True, **top)
    if a.achievement.value is not None:
        out.write(row, 9, a.achievement.value, num_format="#,##0.00%", **top)  # as the report
    look = look_of(a.shown)
    label = a.status_text(lang)
    out.write(
        row, 10, f"{look.symbol} {label}", bg_color=look.tint, font_color=look.ink, bold=True, **top
    )
    explanation = a.explanation_zh if lang == "zh" else a.explanation_en
    out.write(row, 11, explanation, text_wrap=True, **top)


_WIDE_NOTE = {
    False: "For reading and printing: an import reads the figures from the observations sheet;"
    " edit them there.",
    True: "本表供查阅和打印：导入时读取 observations 表中的数据，请在该表中修改。",
}
# a protected sheet that can still be selected, copied, filtered and resized
_READ_ONLY = {
    "select_locked_cells": True,
    "select_unlocked_cells": True,
    "format_columns": True,
    "format_rows": True,
    "autofilter": True,
    "sort": True,
}


def wide_sheet(book: Book, styles: Styles, export: PlanExport, lang: str) -> None:
    """The plan's figures as planners keep them: one row per target, one column per year. For
    reading and printing: an import reads the observations sheet, so this one is protected
    (without a password)."""
    zh = lang == "zh"
    plan = export.plan
    sheet = book.add_worksheet(unique_sheet_name(book, f"{plan.code} {BY_YEAR_WORDS[zh]}"))
    out = SheetWriter(sheet, styles)
    seen = {o.year for t in export.targets for o in t.observations}
    years = list(range(min(seen), max(seen) + 1)) if seen else []
    out.write(0, 0, wording.title(plan, lang), bold=True, font_size=12)
    out.write(1, 0, _WIDE_NOTE[zh], italic=True, font_color="#555555")
    out.widths.clear()
    labels: list[OutCell] = [*BY_YEAR_LABELS[zh], *BY_YEAR_BASELINE[zh]]
    first = len(labels)  # the years' columns after the target's own baseline, as plans list it
    for col, text in enumerate([*labels, *years]):
        out.header(BY_YEAR_HEADER_ROW, col, text, align="center")
    for row, member in enumerate(export.targets, start=BY_YEAR_HEADER_ROW + 1):
        t = member.target
        out.write(row, 0, t.code)
        out.write(row, 1, wording.name(t, lang))
        out.write(row, 2, t.unit)
        if t.baseline_year is not None and t.baseline_value is not None:
            out.write(row, 3, t.baseline_year)
            out.number(row, 4, t.baseline_value)
        by_year = {o.year: o.value for o in member.observations}
        for col, year in enumerate(years, start=first):
            if year in by_year:
                out.number(row, col, by_year[year])
    sheet.freeze_panes(3, first)
    out.finish(minimum=8)
    sheet.protect("", _READ_ONLY)
    _print_setup(sheet, (2, 2), f"{plan.code} {wording.title(plan, lang)}")

"""Commands for spreadsheets: import (with its preview), export, and the empty template."""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

from ljtracker.cli.common import (
    EXIT_DATA,
    EXIT_OK,
    CommandError,
    add_lang_option,
    add_overwrite_option,
    as_of_argument,
    command_language,
    open_workbook,
    quality_argument,
    refuse_before_every_plan,
    refuse_to_replace,
    year_argument,
)
from ljtracker.cli.table import render_table
from ljtracker.domain.closest import did_you_mean
from ljtracker.domain.model import Quality
from ljtracker.domain.number_text import counted
from ljtracker.domain.wording import command_word, quoted_names
from ljtracker.services.exporting import export_plans, write_template
from ljtracker.services.importing import (
    Action,
    ImportOptions,
    NoTableFound,
    Preview,
    apply_import,
    preview_import,
    read_source,
)
from ljtracker.sheets.cells import SourceFile
from ljtracker.sheets.layout import Indicator, Layout, ShapeKind
from ljtracker.sheets.matching import (
    MatchHow,
    normalize_name,
    split_label_unit,
    without_qualifiers,
)
from ljtracker.sheets.writers import TABLES
from ljtracker.storage import reads
from ljtracker.storage.workbook import Workbook


def register(sub: Any) -> None:
    imp = sub.add_parser(
        "import",
        help="import figures (and targets) from an XLSX, XLS, ODS or CSV file; "
        "prints the preview, then writes all of it as one change, or nothing",
    )
    imp.add_argument("path", metavar="PATH", help="the workbook")
    imp.add_argument("source", metavar="SOURCE", help="the spreadsheet or CSV file")
    imp.add_argument(
        "--plan",
        metavar="CODE",
        help="the plan a wide, long or one-year table goes to (default: the plan whose targets"
        " its rows match); for the template, the plan of rows that name none",
    )
    imp.add_argument(
        "--sheet",
        metavar="NAME",
        help="import only this sheet (default: the template's sheets, else the first table)",
    )
    imp.add_argument(
        "--map",
        metavar="ROW=TARGET",
        action="append",
        default=[],
        help="map a row of a wide, long or one-year table (its name, code or 'row N') to a"
        " target code, "
        "or to '-' to leave it out; repeatable",
    )
    imp.add_argument(
        "--source",
        dest="figure_source",
        metavar="TEXT",
        default="",
        help="the source recorded with figures of wide, long and one-year tables (default: file"
        " name;"
        " a long table's source column comes first); given, it is also set on figures whose"
        " value the file repeats",
    )
    imp.add_argument(
        "--quality",
        type=quality_argument,
        metavar="{official,preliminary,estimate}",
        help="the quality recorded with figures of wide, long and one-year tables, in years whose"
        " header"
        " has no mark of its own (2023年（初步）keeps preliminary) and rows whose quality"
        " column is blank, figures whose value the file"
        " repeats included (not given: official, an estimate for the current year, and a"
        " repeated figure keeps its own)",
    )
    imp.add_argument(
        "--year",
        type=year_argument,
        help="the year of the figures of a table without a year column: needed to import one"
        " whose title names its year (the preview says which), or reads one whose title names"
        " none",
    )
    imp.add_argument("--dry-run", action="store_true", help="print the preview; write nothing")
    imp.add_argument(
        "--put-back",
        action="store_true",
        help="import even when the file would put values back to what they were before a later"
        " change (an older copy of the data does); refused without it",
    )
    imp.add_argument(
        "--accept-jumps",
        action="store_true",
        help="import even when figures are a hundred times or a hundredth of the figure each is"
        " compared with, or more (a table in another unit; the preview's note names them);"
        " refused without it",
    )
    add_lang_option(imp)
    imp.set_defaults(handler=run_import)

    exp = sub.add_parser("export", help="export plans to XLSX (summary, template sheets, "
                         "figures by year) or CSV (the template's long format)")  # fmt: skip
    exp.add_argument("path", metavar="PATH", help="the workbook")
    exp.add_argument(
        "-o", "--output", required=True, metavar="OUT", help="OUT.xlsx or OUT.csv; written whole"
    )
    exp.add_argument("--plan", metavar="CODE", help="only this plan (default: all plans)")
    exp.add_argument(
        "--year", metavar="AS_OF", type=as_of_argument, help="judge progress as of this year"
    )
    exp.add_argument(
        "--table",
        choices=TABLES,
        help="for CSV: the figures (default), the targets, the plans or their areas",
    )
    add_overwrite_option(exp)
    add_lang_option(exp)
    exp.set_defaults(handler=run_export)

    tpl = sub.add_parser("template", help="write the empty import template (XLSX or CSV)")
    tpl.add_argument("output", metavar="OUT", help="OUT.xlsx (every sheet) or OUT.csv (one)")
    tpl.add_argument(
        "--table",
        choices=TABLES,
        help="for CSV: the figures table (default), the targets, plans or areas table",
    )
    add_lang_option(tpl)
    tpl.set_defaults(handler=run_template)


def _resolve_map(wb: Workbook, preview: Preview, pairs: list[str]) -> dict[str, int | None]:
    if not pairs:
        return {}
    if preview.plan is None or preview.plan.id is None:
        raise CommandError("--map applies to wide and long tables only", "--map 只适用于宽表和长表")
    targets = {t.code: t.id for t in reads.targets(wb, preview.plan.id)}
    mapping: dict[str, int | None] = {}
    for pair in pairs:
        left, sep, right = pair.partition("=")
        if not sep:
            raise CommandError(
                f"--map {pair}: write ROW=TARGET, e.g. 地区生产总值=LJ-GDP",
                f"--map {pair}：请写成 行=指标，例如 地区生产总值=LJ-GDP",
            )
        wanted = normalize_name(_row_key(left))
        found = [m.indicator.key for m in preview.matches if wanted in _row_names(m.indicator)]
        if not found:
            rows = [m.indicator.label for m in preview.matches]
            listed = "、".join(rows[:8]) + ("……" if len(rows) > 8 else "")
            raise CommandError(
                f"--map {pair}: no row of the sheet is called {left!r}; its rows are "
                + ", ".join(repr(r) for r in rows[:8])
                + (", …" if len(rows) > 8 else ""),
                f"--map {pair}：表中没有名为“{left}”的行；表中各行为：{listed}",
            )
        code = right.strip()
        if code != "-" and code not in targets:
            hint_en, hint_zh = did_you_mean(code, targets)
            raise CommandError(
                f"--map {pair}: plan {preview.plan.code} has no target {code}{hint_en}",
                f"--map {pair}：规划 {preview.plan.code} 没有指标 {code}{hint_zh}",
            )
        for key in found:
            mapping[key] = None if code == "-" else targets[code]
    return mapping


def _row_names(indicator: Indicator) -> set[str]:
    """What --map may call a row: its key, "row N" of any of its rows, code or name, a name
    also without the unit or price basis in its brackets ("地区生产总值" for "地区生产总值
    （亿元）")."""
    rows = {indicator.row, *(figure.value.row for figure in indicator.figures)}
    names = {indicator.key, indicator.code, *(f"row {row + 1}" for row in rows)}
    for name in indicator.names:
        split = split_label_unit(name)
        names |= {name, without_qualifiers(name), split[0] if split else name}
    return {normalize_name(name) for name in names} - {""}


_ROW_ZH = re.compile(r"\s*第\s*(\d+)\s*行\s*")


def _row_key(text: str) -> str:
    """A row named as the Chinese preview names it ("第4行") as the key it stands for."""
    found = _ROW_ZH.fullmatch(text)
    return f"row {found.group(1)}" if found else text


def _row_text(key: str, zh: bool) -> str:
    """A row's key as the preview shows it: "row 4", in Chinese "第4行"."""
    word, _, number = key.partition(" ")
    return f"第{number}行" if zh and word == "row" and number.isdigit() else key


def _counts(preview: Preview, action: Action) -> int:
    return len({line.thing for line in preview.lines if line.action is action})


_SHAPES = {
    "plans": ("template: plans", "模板：规划"),
    "areas": ("template: areas", "模板：领域"),
    "targets": ("template: targets", "模板：指标"),
    "observations": ("template: figures", "模板：数据"),
    "wide": ("wide table", "宽表"),
    "long": ("long table", "长表"),
    "one_year": ("table of one year (no year column)", "单年表格（无年份列）"),
}
_MATCH_HEADER = (
    ["row", "in the sheet", "target", "matched"],
    ["行", "表中名称", "指标", "匹配方式"],
)
_HOW = {
    MatchHow.CODE: ("by code", "按代码"),
    MatchHow.NAME: ("by name", "按名称"),
    MatchHow.MANUAL: ("as mapped", "手动指定"),
    MatchHow.LEFT_OUT: ("as mapped", "手动指定"),
}


def _layout_line(preview: Preview, layout: Layout, zh: bool) -> str:
    name, sheet = preview.source.path.name, layout.sheet.name
    shape = _SHAPES[layout.kind.value][zh]
    if layout.years:
        first, last = layout.years[0], layout.years[-1]
        if first == last:
            shape += f"，年份 {first}" if zh else f", year {first}"
        else:
            shape += f"，年份 {first}—{last}" if zh else f", years {first}–{last}"
    if preview.plan and layout.indicators:
        shape += f"，规划 {preview.plan.code}" if zh else f", plan {preview.plan.code}"
    return f"{name}，工作表“{sheet}”：{shape}" if zh else f"{name}, sheet {sheet}: {shape}"


def print_preview(preview: Preview, lang: str = "en") -> None:
    zh = lang == "zh"
    for layout in preview.layouts:
        print(_layout_line(preview, layout, zh))
    if preview.matches:
        rows = []
        for m in preview.matches:
            target = m.target.code if m.target else ("不导入" if zh else "not imported")
            how = "" if m.how is MatchHow.NONE else _HOW[m.how][zh]
            rows.append([_row_text(m.indicator.key, zh), m.indicator.label, target, how])
        header = _MATCH_HEADER[zh]
        if all(key == label for key, label, *_ in rows):  # a long table: named, not by row
            header, rows = header[1:], [row[1:] for row in rows]
        print(render_table(header, rows))
    added, changed = _counts(preview, Action.ADD), _counts(preview, Action.CHANGE)
    unchanged = _counts(preview, Action.UNCHANGED)
    if zh:
        print(f"新增 {added} 项，修改 {changed} 项，{unchanged} 项不变：")
    else:
        print(f"Adds {added}, changes {changed}, leaves {unchanged} unchanged:")
    for action in (Action.ADD, Action.CHANGE, Action.UNCHANGED):
        for line in preview.lines:
            if line.action is action:
                print(f"  {line}")
    for note in preview.notes:
        print(f"注意：{note.zh}" if zh else f"Note: {note.en}")
    if preview.problems:  # why the import is refused: on stderr, where scripts look
        sys.stdout.flush()  # after the preview it refers to, in a log of both
        count, name = len(preview.problems), preview.source.path.name  # its cells name sheets
        said = (
            f"{name} 中有 {count} 个单元格无法读取："
            if zh
            else f"{counted(count, 'cell')} of {name} cannot be read:"
        )
        print(said, file=sys.stderr)
        for problem in preview.problems:
            where = f"  {problem.where}：{problem.message_zh}" if zh else f"  {problem}"
            print(where, file=sys.stderr)


_SAID = {
    "refused": (
        "Nothing was imported: fix these cells (or the mapping) and import again.",
        "未导入任何内容：请修正这些单元格（或对应关系）后重新导入。",
    ),
    "dry_run": ("Dry run: nothing was written.", "试运行：未写入任何内容。"),
    "dry_run_goes_back": (
        "Imported, it would put values back to what they were before a later change (see the"
        " note above): the import is refused unless given --put-back.",
        "如导入，会把一些数值改回之后某次更改之前的数值（见上方说明）：除非加 --put-back，"
        "否则导入会被拒绝。",
    ),
    "goes_back": (
        "Nothing was imported: the file would put values back to what they were before a later"
        " change (see the note above). If it is an older copy, import a newer one; if those"
        " values are meant, import again with --put-back.",
        "未导入任何内容：本文件会把一些数值改回之后某次更改之前的数值（见上方说明）。"
        "如本文件是较早的副本，请导入较新的文件；如确需采用这些数值，请加 --put-back 重新导入。",
    ),
    "dry_run_jumps": (
        "Imported, {count} would be a hundred times or a hundredth of the figure each is"
        " compared with, or more (see the note above): the import is refused unless given"
        " --accept-jumps.",
        "如导入，有 {count}数值与所对照的数据相差百倍以上（见上方说明）：除非加 --accept-jumps，"
        "否则导入会被拒绝。",
    ),
    "jumps": (
        "Nothing was imported: {count} a hundred times or a hundredth of the figure each is"
        " compared with, or more (see the note above). Check the table's unit (万元 for 亿元,"
        " 人 for 万人); if the figures are right, import again with --accept-jumps.",
        "未导入任何内容：有 {count}数值与所对照的数据相差百倍以上（见上方说明）。请核对表格的"
        "单位（如万元与亿元、人与万人）；如数值无误，请加 --accept-jumps 重新导入。",
    ),
    "unmatched": (
        "Nothing was imported: no row of the table matched a target of {plan}; name the"
        " target of each row with --map ROW=TARGET, or choose another plan with --plan.",
        "未导入任何内容：表中没有任何一行对应到 {plan} 的指标；请用 --map 行=指标代码"
        " 指定各行对应的指标，或用 --plan 选择其他规划。",
    ),
    "unmatched_other_sheets": (
        "Nothing was imported: no row of the table in sheet {sheet} matched a target of {plan};"
        " name the target of each row with --map ROW=TARGET, choose another plan with --plan,"
        " or another sheet with --sheet (the file also holds {others}).",
        "未导入任何内容：工作表{sheet}中没有任何一行对应到 {plan} 的指标；请用 --map"
        " 行=指标代码 指定各行对应的指标，用 --plan 选择其他规划，或用 --sheet"
        " 选择其他工作表（文件中还有{others}）。",
    ),
    "all_left_out": (
        "Nothing was imported: --map left out every row that was to go to a target of {plan}.",
        "未导入任何内容：--map 把所有对应到 {plan} 指标的行都设为不导入。",
    ),
    "empty": (
        "Nothing was imported: the file holds no figure or target to import.",
        "未导入任何内容：文件中没有可导入的数值或指标。",
    ),
    "nothing": (
        "Nothing to change: the workbook already holds all of it.",
        "无需更改：工作簿已包含全部内容。",
    ),
    "edited_elsewhere": (
        "Nothing was imported: the workbook already holds what the template's sheets give, and"
        " the figures edited in {sheets} are not imported with them (see the note above); to"
        " keep those, import that sheet on its own with --sheet.",
        "未导入任何内容：模板各工作表的内容工作簿中都已有，而在 {sheets} 中修改的数据不随之导入"
        "（见上方说明）；如要采用，请用 --sheet 单独导入该工作表。",
    ),
    "confirm_year": (
        "the figures' year is read from the table's title: nothing was imported; if {year} is"
        " their year, import with {options}",
        "数据所属年份读自表格标题：未导入任何内容；如 {year} 年确为其年份，请加上 {options} 导入",
    ),
    "dry_run_year": (
        "The figures' year is read from the table's title: to import them as {year}'s, add"
        " {options}.",
        "数据所属年份读自表格标题：如按 {year} 年导入，请加上 {options}。",
    ),
    "imported": (
        "Imported as one change (#{id}): {added} added, {changed} changed.",
        "已作为一次更改（#{id}）导入：新增 {added} 项，修改 {changed} 项。",
    ),
    "exported": (
        "Wrote {path}: {plans_en}, {targets_en}, {figures_en}",
        "已写入 {path}：{plans} 个规划，{targets} 个指标，{figures} 个数据",
    ),
    "exported_table": (
        "Wrote {path}: the {table} table, {rows_en}",
        "已写入 {path}：{table}表，{rows} 行",
    ),
    "template": ("Wrote the import template to {path}", "已将导入模板写入 {path}"),
}


_TABLES_ZH = {"plans": "规划", "areas": "领域", "targets": "指标", "observations": "年度数据"}


def _figures(count: int, lang: str) -> str:
    return f"{count} 个" if lang == "zh" else counted(count, "figure")


def _say(what: str, lang: str, **values: object) -> None:
    print(_SAID[what][lang == "zh"].format(**values))


def run_import(args: argparse.Namespace) -> int:
    lang = command_language(args)
    source: SourceFile = read_source(args.source)
    with open_workbook(args.path, read_only=args.dry_run) as wb:
        options = ImportOptions(
            plan_code=args.plan,
            sheet=args.sheet,
            source=args.figure_source.strip(),
            quality=Quality(args.quality) if args.quality else None,
            lang=lang,
            year=args.year,
        )
        preview = _previewed(wb, source, options)
        _refuse_a_year_for_years(preview, args.year)
        if args.map and preview.refusal is None:  # a table refused has no rows to map: why
            mapping = _resolve_map(wb, preview, args.map)
            options = replace(
                options,
                plan_code=args.plan or (preview.plan.code if preview.plan else None),
                mapping=mapping,
            )
            preview = preview_import(wb, source, options)
        print_preview(preview, lang)
        if preview.problems:
            print(f"ljtracker: {_SAID['refused'][lang == 'zh']}", file=sys.stderr)
            return EXIT_DATA
        if preview.nothing_matched:
            plan = preview.plan.code if preview.plan else "?"
            left_out = any(m.how is MatchHow.LEFT_OUT for m in preview.matches)
            others = preview.other_tables
            kind = (
                "all_left_out" if left_out else "unmatched_other_sheets" if others else "unmatched"
            )
            said = _SAID[kind][lang == "zh"].format(
                plan=plan,
                sheet=quoted_names([lay.sheet.name for lay in preview.layouts], lang),
                others=quoted_names(others, lang),
            )
            print(f"ljtracker: {said}", file=sys.stderr)
            return EXIT_DATA
        if not preview.lines:  # not "the workbook holds all of it": nothing was read
            print(f"ljtracker: {_SAID['empty'][lang == 'zh']}", file=sys.stderr)
            return EXIT_DATA
        if not preview.has_changes and preview.edited_elsewhere:  # a dry run says it too
            sheets = quoted_names(preview.edited_elsewhere, lang)
            said = _SAID["edited_elsewhere"][lang == "zh"].format(sheets=sheets)
            print(f"ljtracker: {said}", file=sys.stderr)
            return EXIT_DATA
        unconfirmed = _year_to_confirm(preview)
        if args.dry_run:
            _say("dry_run", lang)
            if preview.goes_back:
                _say("dry_run_goes_back", lang)
            if preview.hundredfold:
                _say("dry_run_jumps", lang, count=_figures(preview.hundredfold, lang))
            if unconfirmed is not None:
                _say("dry_run_year", lang, **unconfirmed)
            return EXIT_OK
        if unconfirmed is not None:  # a year read from a title is the user's to confirm
            said = _SAID["confirm_year"][lang == "zh"].format(**unconfirmed)
            print(f"ljtracker: {said}", file=sys.stderr)
            return EXIT_DATA
        refused = []  # both said at once: the second is not found only on the next try
        if preview.goes_back and not args.put_back:
            refused.append(_SAID["goes_back"][lang == "zh"])
        if preview.hundredfold and not args.accept_jumps:
            count = _figures(preview.hundredfold, lang)
            refused.append(_SAID["jumps"][lang == "zh"].format(count=count))
        if refused:
            for said in refused:
                print(f"ljtracker: {said}", file=sys.stderr)
            return EXIT_DATA
        if not preview.has_changes:
            _say("nothing", lang)
            return EXIT_OK
        changes = apply_import(wb, source, options)
    added, changed = _counts(preview, Action.ADD), _counts(preview, Action.CHANGE)
    _say("imported", lang, id=changes.change_id, added=added, changed=changed)
    return EXIT_OK


def _previewed(wb: Workbook, source: SourceFile, options: ImportOptions) -> Preview:
    """The preview; a file where no table is found is told that --year reads one of
    indicator and value columns whose title names no year."""
    try:
        return preview_import(wb, source, options)
    except NoTableFound as e:
        if options.year is not None:
            raise
        raise NoTableFound(
            f"{e.message_en}; a table of indicator and value columns whose title names no year"
            " is read with its year given: --year YEAR",
            f"{e.message_zh}；标题未写年份的指标、数值两列表格，可用 --year 年份 指明其年份后读取",
        ) from e


def _year_to_confirm(preview: Preview) -> dict[str, object] | None:
    """The year a table takes from its title, and the options that confirm it."""
    read = next((lay for lay in preview.layouts if lay.year_read_at is not None), None)
    if read is None:
        return None
    several = len(preview.source.sheets) > 1  # "--sheet=": a name may start with "-"
    sheet = f"--sheet={command_word(read.sheet.name)} " if several else ""
    return {"year": read.years[0], "options": f"{sheet}--year {read.years[0]}"}


def _refuse_a_year_for_years(preview: Preview, year: int | None) -> None:
    """--year is for a table without a year column: refused for one with its years."""
    if year is None or any(lay.kind is ShapeKind.ONE_YEAR for lay in preview.layouts):
        return
    en = ", ".join(repr(lay.sheet.name) for lay in preview.layouts)
    zh = "、".join(f"“{lay.sheet.name}”" for lay in preview.layouts)
    raise CommandError(
        f"--year gives the year of a table without a year column; what this file imports"
        f" ({en}) is no such table: leave --year out, or choose the sheet of one year with"
        " --sheet",
        f"--year 用于指明没有年份列的表格的年份；本文件所导入的工作表（{zh}）不是此类表格："
        "请去掉 --year，或用 --sheet 选择单年表格所在的工作表",
    )


def _csv_table(args: argparse.Namespace) -> str:
    """The table --table chooses; refused for an XLSX file, which holds every table."""
    if args.table is not None and not str(args.output).lower().endswith(".csv"):
        raise CommandError(
            "--table chooses the one table a CSV file holds; an XLSX file holds every table:"
            " leave --table out or name a .csv file",
            "--table 用于选择 CSV 文件所含的一个表；XLSX 文件包含全部表：请去掉 --table 或改用"
            " .csv 文件名",
        )
    return args.table or "observations"


def run_export(args: argparse.Namespace) -> int:
    lang = command_language(args)
    table = _csv_table(args)
    with open_workbook(args.path, read_only=True) as wb:
        if args.plan is None or reads.plan_by_code(wb, args.plan) is not None:
            refuse_to_replace(args, (Path(args.path),))  # an unknown plan is said first
        if args.year is not None:
            plans = [p for p in reads.plans(wb) if args.plan in (None, p.code)]
            refuse_before_every_plan(wb, plans, args.year)
        summary = export_plans(
            wb, args.output, plan_code=args.plan, lang=lang, as_of_year=args.year, table=table
        )
    if summary.table:
        table = summary.table
        if lang == "zh":  # the option's own word beside it: --table observations
            table = f"{_TABLES_ZH.get(table, table)}（{table}）"
        _say(
            "exported_table",
            lang,
            path=summary.path,
            table=table,
            rows=summary.rows,
            rows_en=counted(summary.rows, "row"),
        )
        return EXIT_OK
    _say(
        "exported",
        lang,
        path=summary.path,
        plans=len(summary.plans),
        targets=summary.targets,
        figures=summary.figures,
        plans_en=counted(len(summary.plans), "plan"),
        targets_en=counted(summary.targets, "target"),
        figures_en=counted(summary.figures, "figure"),
    )
    return EXIT_OK


def run_template(args: argparse.Namespace) -> int:
    lang = command_language(args)
    table = _csv_table(args)
    if Path(args.output).exists():  # a template is there to be filled in: never wipe one
        raise CommandError(
            f"{args.output} exists; the template is written to a new file only",
            f"{args.output} 已存在；模板只写入新文件",
        )
    write_template(args.output, table=table, lang=lang)
    _say("template", lang, path=args.output)
    return EXIT_OK

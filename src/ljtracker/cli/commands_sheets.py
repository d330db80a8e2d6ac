"""Commands for spreadsheets: import (with its preview), export, and the empty template."""

from __future__ import annotations

import argparse
from typing import Any

from ljtracker.cli.common import (
    EXIT_DATA,
    EXIT_OK,
    CommandError,
    add_lang_option,
    default_language,
    open_workbook,
    year_argument,
)
from ljtracker.cli.table import render_table
from ljtracker.domain.model import Quality
from ljtracker.services.exporting import export_plans, write_template
from ljtracker.services.importing import (
    Action,
    ImportOptions,
    ImportRefused,
    Preview,
    apply_import,
    preview_import,
    read_source,
)
from ljtracker.sheets.cells import SourceFile
from ljtracker.sheets.matching import MatchHow, normalize_name
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
        help="the plan a wide or long table goes to (default: the plan whose targets its rows "
        "match); for the template, the plan of rows that name none",
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
        help="map a row of a wide or long table (its name, code or 'row N') to a target code, "
        "or to '-' to leave it out; repeatable",
    )
    imp.add_argument(
        "--source",
        dest="figure_source",
        metavar="TEXT",
        default="",
        help="the source recorded with figures of wide and long tables (default: file name)",
    )
    imp.add_argument(
        "--quality",
        choices=[q.value for q in Quality],
        default=Quality.OFFICIAL.value,
        help="the quality recorded with figures of wide and long tables",
    )
    imp.add_argument("--dry-run", action="store_true", help="print the preview; write nothing")
    imp.set_defaults(handler=run_import)

    exp = sub.add_parser("export", help="export plans to XLSX (summary, template sheets, "
                         "figures by year) or CSV (the template's long format)")  # fmt: skip
    exp.add_argument("path", metavar="PATH", help="the workbook")
    exp.add_argument(
        "-o", "--output", required=True, metavar="OUT", help="OUT.xlsx or OUT.csv; written whole"
    )
    exp.add_argument("--plan", metavar="CODE", help="only this plan (default: all plans)")
    exp.add_argument(
        "--year", metavar="AS_OF", type=year_argument, help="judge progress as of this year"
    )
    exp.add_argument(
        "--table",
        choices=TABLES,
        default="observations",
        help="for CSV: the figures (default) or the targets",
    )
    add_lang_option(exp)
    exp.set_defaults(handler=run_export)

    tpl = sub.add_parser("template", help="write the empty import template (XLSX or CSV)")
    tpl.add_argument("output", metavar="OUT", help="OUT.xlsx (both sheets) or OUT.csv (one)")
    tpl.add_argument(
        "--table",
        choices=TABLES,
        default="observations",
        help="for CSV: the figures table (default) or the targets table",
    )
    add_lang_option(tpl)
    tpl.set_defaults(handler=run_template)


def _resolve_map(wb: Workbook, preview: Preview, pairs: list[str]) -> dict[str, int | None]:
    if not pairs:
        return {}
    if preview.plan is None or preview.plan.id is None:
        raise CommandError("--map applies to wide and long tables only")
    targets = {t.code: t.id for t in reads.targets(wb, preview.plan.id)}
    mapping: dict[str, int | None] = {}
    for pair in pairs:
        left, sep, right = pair.partition("=")
        if not sep:
            raise CommandError(f"--map {pair}: write ROW=TARGET, e.g. 地区生产总值=LJ-GDP")
        wanted = normalize_name(left)
        found = [
            m.indicator.key
            for m in preview.matches
            if wanted
            in {normalize_name(x) for x in (m.indicator.key, m.indicator.code, *m.indicator.names)}
        ]
        if not found:
            raise CommandError(f"--map {pair}: no row of the sheet is called {left!r}")
        code = right.strip()
        if code != "-" and code not in targets:
            raise CommandError(f"--map {pair}: plan {preview.plan.code} has no target {code}")
        for key in found:
            mapping[key] = None if code == "-" else targets[code]
    return mapping


def _counts(preview: Preview, action: Action) -> int:
    return len({line.thing for line in preview.lines if line.action is action})


def print_preview(preview: Preview) -> None:
    source = preview.source
    for layout in preview.layouts:
        what = {"targets": "template: targets", "observations": "template: figures"}
        shape = what.get(layout.kind.value, f"{layout.kind.value} table")
        if layout.years:
            shape += f", years {layout.years[0]}–{layout.years[-1]}"
        plan = f", plan {preview.plan.code}" if preview.plan and layout.indicators else ""
        print(f"{source.path.name}, sheet {layout.sheet.name}: {shape}{plan}")
    if preview.matches:
        rows = []
        for m in preview.matches:
            target = "not imported" if m.target is None else m.target.code
            how = "" if m.how is MatchHow.NONE else f"by {m.how.value}"
            rows.append([m.indicator.key, m.indicator.label, target, how])
        print(render_table(["row", "in the sheet", "target", "matched"], rows))
    added, changed = _counts(preview, Action.ADD), _counts(preview, Action.CHANGE)
    unchanged = _counts(preview, Action.UNCHANGED)
    print(f"Adds {added}, changes {changed}, leaves {unchanged} unchanged:")
    for action in (Action.ADD, Action.CHANGE, Action.UNCHANGED):
        for line in preview.lines:
            if line.action is action:
                print(f"  {line}")
    for note in preview.notes:
        print(f"Note: {note.en}")
    if preview.problems:
        print(f"{len(preview.problems)} cell(s) cannot be read:")
        for problem in preview.problems:
            print(f"  {problem}")


def run_import(args: argparse.Namespace) -> int:
    source: SourceFile = read_source(args.source)
    with open_workbook(args.path, read_only=args.dry_run) as wb:
        options = ImportOptions(
            plan_code=args.plan,
            sheet=args.sheet,
            source=args.figure_source,
            quality=Quality(args.quality),
        )
        preview = preview_import(wb, source, options)
        if args.map:
            mapping = _resolve_map(wb, preview, args.map)
            options = ImportOptions(
                args.plan or (preview.plan.code if preview.plan else None),
                args.sheet,
                mapping,
                args.figure_source,
                Quality(args.quality),
            )
            preview = preview_import(wb, source, options)
        print_preview(preview)
        if preview.problems:
            print("Nothing was imported: fix these cells (or the mapping) and import again.")
            return EXIT_DATA
        if args.dry_run:
            print("Dry run: nothing was written.")
            return EXIT_OK
        if not preview.has_changes:
            print("Nothing to change: the workbook already holds all of it.")
            return EXIT_OK
        try:
            changes = apply_import(wb, source, options)
        except ImportRefused as e:
            raise CommandError(str(e)) from e
    print(
        f"Imported as one change (#{changes.change_id}): "
        f"{_counts(preview, Action.ADD)} added, {_counts(preview, Action.CHANGE)} changed."
    )
    return EXIT_OK


def run_export(args: argparse.Namespace) -> int:
    as_of = args.year
    with open_workbook(args.path, read_only=True) as wb:
        summary = export_plans(
            wb,
            args.output,
            plan_code=args.plan,
            lang=args.lang or default_language(),
            as_of_year=as_of,
            table=args.table,
        )
    print(
        f"Wrote {summary.path}: {len(summary.plans)} plan(s), {summary.targets} targets, "
        f"{summary.figures} figures"
    )
    return EXIT_OK


def run_template(args: argparse.Namespace) -> int:
    write_template(args.output, table=args.table, lang=args.lang or default_language())
    print(f"Wrote the import template to {args.output}")
    return EXIT_OK

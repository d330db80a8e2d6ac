"""The status command: every target's progress, as a table, JSON or CSV."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from typing import Any

from ljtracker.cli.commands_safety import (
    add_known_on_option,
    known_on_note,
    known_on_text,
    known_view,
)
from ljtracker.cli.common import (
    EXIT_OK,
    CommandError,
    add_lang_option,
    as_of_argument,
    command_language,
    method_argument,
    open_workbook,
    refuse_before_every_plan,
)
from ljtracker.cli.table import render_table
from ljtracker.domain.closest import no_such_plan
from ljtracker.domain.model import Method
from ljtracker.services.progress import PlanProgress, plan_progress
from ljtracker.services.status_view import plan_status_dict, status_rows
from ljtracker.storage import reads


def register(sub: Any) -> None:
    status = sub.add_parser("status", help="show every target's progress and status")
    status.add_argument("path", metavar="PATH")
    status.add_argument("--plan", metavar="CODE", help="only this plan (default: all plans)")
    status.add_argument(
        "--year",
        metavar="AS_OF",
        type=as_of_argument,
        help="judge progress as of this year (default: all figures count, in the year it is)",
    )
    status.add_argument(
        "--method",
        type=method_argument,
        metavar="{growth_ratio,projection,schedule}",
        default=None,
        help="progress method (default: the workbook's setting, growth_ratio unless changed)",
    )
    status.add_argument("--format", choices=("table", "json", "csv"), default="table")
    add_known_on_option(status)
    add_lang_option(status)
    status.set_defaults(handler=run_status)


def collect(args: argparse.Namespace) -> list[PlanProgress]:
    as_of = args.year
    method = None if args.method is None else Method(args.method)
    with open_workbook(args.path, read_only=True) as opened, known_view(opened, args) as wb:
        every = plans = reads.plans(wb)
        if args.plan is not None:
            plans = [p for p in plans if p.code == args.plan]
            if not plans:
                codes = (p.code for p in every)
                raise CommandError(*no_such_plan(args.plan, codes, args.path))
        if as_of is not None:
            refuse_before_every_plan(wb, plans, as_of)
        return [plan_progress(wb, p, as_of_year=as_of, method=method) for p in plans]


def run_status(args: argparse.Namespace) -> int:
    lang = command_language(args)
    progress = collect(args)
    as_of = args.year
    method = progress[0].settings.method.value if progress else (args.method or "growth_ratio")
    if args.format == "json":
        document = {
            "as_of": as_of,
            "method": method,
            "as_known_on": known_on_note(args),
            "plans": [plan_status_dict(p, lang) for p in progress],
        }
        json.dump(document, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif args.format == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        header, rows = status_rows(progress, lang, for_terminal=False)
        writer.writerow(header)
        writer.writerows(rows)
    else:
        note = known_on_text(args)
        if note:
            print(f"按 {note} 时的记录\n" if lang == "zh" else f"As known on {note}\n")
        if not progress:  # an empty workbook: said on stderr, as "no backups yet"
            print(
                f"{args.path}：尚无规划" if lang == "zh" else f"{args.path}: no plans yet",
                file=sys.stderr,
            )
        for plan in progress:
            title = plan.plan.title_zh if lang == "zh" else plan.plan.title_en
            print(f"{plan.plan.code}  {title or plan.plan.title_en or plan.plan.title_zh}")
            header, rows = status_rows([plan], lang, for_terminal=True)
            print(render_table(header[:-1], [r[:-1] for r in rows]))
            for row in rows:
                print(f"  {row[0]}: {row[-1]}")
            print()
    return EXIT_OK

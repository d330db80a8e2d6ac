"""The report command: a plan's progress report as a PDF file, or sent to a print queue."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

from ljtracker.cli.commands_safety import add_known_on_option, known_on_moment, known_view
from ljtracker.cli.common import (
    EXIT_OK,
    CommandError,
    add_lang_option,
    add_overwrite_option,
    as_of_argument,
    command_language,
    method_argument,
    open_workbook,
    refuse_to_replace,
)
from ljtracker.domain.closest import no_such_plan
from ljtracker.domain.model import Method
from ljtracker.domain.status_look import every_shown, shown_from
from ljtracker.domain.wording import area_name
from ljtracker.report.document import ReportKind, Section
from ljtracker.report.print_queue import check_queue
from ljtracker.report.text import as_lang, phrase
from ljtracker.storage import reads
from ljtracker.storage.workbook import Workbook


def register(sub: Any) -> None:
    report = sub.add_parser(
        "report",
        help="write a plan's progress report as PDF, or print it",
        description="Write a plan's progress report (cover, summary, table of all targets, one "
        "section per target, appendices on the method and the data sources) as a PDF file, or "
        "send it to a print queue.",
    )
    report.add_argument("path", metavar="PATH")
    where = report.add_mutually_exclusive_group(required=True)
    where.add_argument("-o", "--output", metavar="OUT.pdf", help="the PDF file to write")
    where.add_argument(
        "--printer", metavar="NAME", help="send the report to this print queue instead"
    )
    report.add_argument(
        "--plan", metavar="CODE", help="the plan (needed when the workbook holds several)"
    )
    report.add_argument(
        "--year",
        metavar="AS_OF",
        type=as_of_argument,
        help=(
            "progress as of this year (default: the latest figure's, or a target year"
            " that is over, if later; for a final evaluation, no later than the plan's last"
            " year)"
        ),
    )
    add_lang_option(report)
    report.add_argument(
        "--method",
        type=method_argument,
        metavar="{growth_ratio,projection,schedule}",
        default=None,
        help="progress method (default: the workbook's setting)",
    )
    report.add_argument(
        "--kind",
        choices=[k.value for k in ReportKind],
        default=ReportKind.PROGRESS.value,
        help="what the cover calls the report: a progress report (default), a mid-term or a"
        " final evaluation",
    )
    report.add_argument("--paper", choices=("a4", "letter"), default="a4", help="default: a4")
    report.add_argument("--landscape", action="store_true", help="landscape pages")
    add_overwrite_option(report)
    report.add_argument(
        "--sections",
        metavar="LIST",
        help="comma-separated sections to include (default: all): "
        + ",".join(s.value for s in Section),
    )
    report.add_argument(
        "--area",
        metavar="N",
        type=int,
        action="append",
        help="only targets of the plan's N-th area, as the window's navigator lists them (1 is"
        " the first); repeatable",
    )
    report.add_argument(
        "--status",
        choices=[str(s) for s in every_shown()],
        action="append",
        help="only targets shown with this status, as the summary counts them (missed: the "
        "target's year came unmet, whatever its pace); repeatable",
    )
    add_known_on_option(report)
    report.set_defaults(handler=run_report)


def _sections(text: str | None) -> frozenset[Section]:
    if text is None:
        return frozenset(Section)
    names = [part.strip() for part in text.split(",") if part.strip()]
    known = {s.value for s in Section}
    unknown = [name for name in names if name not in known]
    if unknown or not names:
        raise CommandError(
            f"unknown section {', '.join(unknown) or '(none given)'}; "
            f"choose from {', '.join(sorted(known))}",
            f"未知的部分：{'、'.join(unknown) or '（未给出）'}；可选：{'、'.join(sorted(known))}",
        )
    return frozenset(Section(name) for name in names)


def _plan_code(wb: Workbook, wanted: str | None, path: str) -> str:
    codes = [p.code for p in reads.plans(wb)]
    if wanted is not None:
        if wanted not in codes:
            raise CommandError(*no_such_plan(wanted, codes, path))
        return wanted
    if len(codes) == 1:
        return codes[0]
    if not codes:
        raise CommandError(f"{path} holds no plan", f"{path} 中没有规划")
    raise CommandError(
        f"{path} holds several plans ({', '.join(codes)}); choose one with --plan",
        f"{path} 中有多个规划（{'、'.join(codes)}）；请用 --plan 选择一个",
    )


def _area_ids(wb: Workbook, plan_code: str, positions: list[int] | None) -> frozenset[int | None]:
    plan = reads.plan_by_code(wb, plan_code)
    assert plan is not None and plan.id is not None
    areas = reads.areas(wb, plan.id)
    chosen: set[int | None] = set()
    for n in positions or []:
        if not 1 <= n <= len(areas):
            raise CommandError(
                f"the plan {plan_code} has {len(areas)} areas; there is no area {n}",
                f"规划 {plan_code} 有 {len(areas)} 个领域，没有第 {n} 个",
            )
        chosen.add(areas[n - 1].id)
    held = {t.area_id for t in reads.targets(wb, plan.id)}
    empty = [n for n in positions or [] if areas[n - 1].id not in held]
    if empty:  # the report would list it, and show none of its targets
        numbered = [(n, a) for n, a in enumerate(areas, start=1) if a.id in held]
        en = "; ".join(f"{n} {area_name(a, 'en')}" for n, a in numbered)
        zh = "；".join(f"{n} {area_name(a, 'zh')}" for n, a in numbered)
        which = ", ".join(map(str, empty))
        raise CommandError(
            f"area {which} of the plan {plan_code} holds no target; "
            + (f"the areas that hold targets are {en}" if numbered else "no area holds one"),
            f"规划 {plan_code} 的第 {which} 个领域中没有指标；"
            + (f"有指标的领域为：{zh}" if numbered else "没有哪个领域有指标"),
        )
    return frozenset(chosen)


_application: list[Any] = []  # the application this command made, kept alive while it runs


def ensure_gui_application() -> None:
    """Qt paints the report; without a display it paints offscreen."""
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:
        if not any(os.environ.get(v) for v in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")):
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
        _application.append(QGuiApplication(["ljtracker"]))


def run_report(args: argparse.Namespace) -> int:
    from ljtracker.report.builder import ReportOptions, build_report

    ensure_gui_application()
    from ljtracker.report.render import PageSetup, print_document, write_pdf

    if args.output is not None and Path(args.output).suffix.lower() != ".pdf":
        raise CommandError(
            f"{args.output}: choose a file name ending in .pdf",
            f"{args.output}：请使用以 .pdf 结尾的文件名",
        )
    as_of = args.year
    sections = _sections(args.sections)
    with open_workbook(args.path, read_only=True) as opened, known_view(opened, args) as wb:
        code = _plan_code(wb, args.plan, args.path)
        if args.output is not None:  # an unknown plan is said first
            refuse_to_replace(args, (Path(args.path),))
        options = ReportOptions(
            plan_code=code,
            lang=as_lang(command_language(args)),
            as_of_year=as_of,
            method=None if args.method is None else Method(args.method),
            sections=sections,
            areas=None if not args.area else _area_ids(wb, code, args.area),
            statuses=None if not args.status else frozenset(map(shown_from, args.status)),
            as_known_on=known_on_moment(args),
            kind=ReportKind(args.kind),
        )
        document = build_report(wb, options)
    setup = PageSetup(args.paper, args.landscape)
    name = phrase(f"report_kind_{options.kind.value}", options.lang)  # as its cover calls it
    name = name if options.lang == "zh" else "the " + name[0].lower() + name[1:]
    if args.printer is not None:
        paused = check_queue(args.printer)  # a queue refusing jobs is said to before any is sent
        pages = print_document(document, args.printer, setup)
        print(
            f"已将{name}（{pages} 页）发送到打印机 {args.printer}"
            if options.lang == "zh"
            else f"Sent {name} ({pages} pages) to the printer {args.printer}"
        )
        if paused:
            print(
                f"打印机 {args.printer} 已暂停，任务在队列中等待"
                if options.lang == "zh"
                else f"The printer {args.printer} is paused: the job waits in its queue"
            )
    else:
        pages = write_pdf(document, args.output, setup, protected=(Path(args.path),))
        print(
            f"已将{name}（{pages} 页）写入 {args.output}"
            if options.lang == "zh"
            else f"Wrote {name} ({pages} pages) to {args.output}"
        )
    return EXIT_OK

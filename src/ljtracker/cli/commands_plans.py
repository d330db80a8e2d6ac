"""Plans made from other plans: next-plan."""

from __future__ import annotations

import argparse
from typing import Any

from ljtracker.cli.common import (
    EXIT_OK,
    CommandError,
    add_lang_option,
    command_language,
    open_workbook,
)
from ljtracker.domain.closest import no_such_plan
from ljtracker.domain.model import Plan
from ljtracker.domain.numbers import parse_year
from ljtracker.services.follow_on import earlier_figures, follow_on_plan
from ljtracker.storage import reads


def register(sub: Any) -> None:
    after = sub.add_parser(
        "next-plan",
        help="add the plan that follows another, with its areas and indicators and, as"
        " baselines, its figures of the year before the new period; one recorded change",
    )
    after.add_argument("path", metavar="PATH")
    after.add_argument("earlier", metavar="EARLIER", help="the code of the plan it follows")
    after.add_argument("code", metavar="CODE", help="the new plan's code, e.g. LJ2030")
    after.add_argument("--start", help="its first year (default: the year after EARLIER's)")
    after.add_argument("--end", help="its last year (default: a period as long as EARLIER's)")
    after.add_argument("--title-zh", default="", help="its Chinese title")
    after.add_argument("--title-en", default="", help="its English title")
    add_lang_option(after)
    after.set_defaults(handler=run_next_plan)


def run_next_plan(args: argparse.Namespace) -> int:
    zh = command_language(args) == "zh"
    with open_workbook(args.path) as wb:
        earlier = reads.plan_by_code(wb, args.earlier)
        if earlier is None or earlier.id is None:
            raise CommandError(*no_such_plan(args.earlier, (p.code for p in reads.plans(wb))))
        start = earlier.end_year + 1 if args.start is None else parse_year(args.start)
        length = earlier.end_year - earlier.start_year
        end = start + length if args.end is None else parse_year(args.end)
        title_zh, title_en = args.title_zh, args.title_en
        if not (title_zh.strip() or title_en.strip()):
            title_zh = title_en = args.code  # as an import titles a plan without one
        plan = Plan(args.code, title_zh, title_en, start, end, issuer=earlier.issuer)
        follow_on_plan(wb, earlier.id, plan)
        held = earlier_figures(wb, earlier.id, start - 1)
        found, total, later = held.found, held.total, held.later
    if zh:
        print(
            f"已添加规划 {args.code}（{start}—{end}年），沿用 {earlier.code} 的 {total} 个指标，"
            f"其中 {found} 个以 {start - 1} 年数据为基期；请逐一设定新目标"
        )
    else:
        print(
            f"Added plan {args.code} ({start}–{end}) with the {total} indicators of"
            f" {earlier.code}; {found} of them start from their {start - 1} figure as baseline."
            " Set their new targets one by one."
        )
    if later is not None:
        en, zh_list = later
        print(
            f"{earlier.code} 还有 {start - 1} 年之后的数据（{zh_list}），仍留在该规划中，"
            f"不计入 {args.code}；如属新规划，请在 {args.code} 中录入"
            if zh
            else f"{earlier.code} also holds figures after {start - 1} ({en}); they stay with"
            f" it and do not count in {args.code}: record them in {args.code} if they belong"
            " to it."
        )
    return EXIT_OK

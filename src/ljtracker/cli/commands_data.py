"""Commands that create, check and change workbooks: new, demo, check, record, remove,
history."""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable
from typing import Any, TypeVar

from ljtracker.cli.common import (
    EXIT_DATA,
    EXIT_OK,
    CommandError,
    add_lang_option,
    command_language,
    open_workbook,
    quality_argument,
    tab_separated,
)
from ljtracker.domain import change_names as names
from ljtracker.domain.closest import did_you_mean, no_such_plan
from ljtracker.domain.model import Observation, Quality, unstated_quality
from ljtracker.domain.number_text import counted, exact_number, join_unit
from ljtracker.domain.numbers import NumberError, parse_number, parse_year
from ljtracker.domain.wording import command_word
from ljtracker.services import clock, editing
from ljtracker.services.checks import consistency
from ljtracker.services.demo import write_demo
from ljtracker.services.figure_jumps import jumps
from ljtracker.services.revision_text import area_names, describe_revision, units_in_force
from ljtracker.sheets.template import choice_word
from ljtracker.storage import reads
from ljtracker.storage.history import (
    deleted_plan_ids,
    deleted_targets,
    moment_text,
    revisions_of_target,
)
from ljtracker.storage.workbook import Workbook


def register(sub: Any) -> None:
    new = sub.add_parser("new", help="write an empty workbook to PATH, as File ▸ New does")
    new.add_argument("path", metavar="PATH", help="the new workbook file; must not exist")
    add_lang_option(new)
    new.set_defaults(handler=run_new)

    demo = sub.add_parser("demo", help="write the demo workbook (four real plans) to PATH")
    demo.add_argument("path", metavar="PATH", help="the new workbook file; must not exist")
    add_lang_option(demo)  # the language of its notes and sources too
    demo.set_defaults(handler=run_demo)

    check = sub.add_parser("check", help="check a workbook's integrity and consistency")
    check.add_argument("path", metavar="PATH")
    add_lang_option(check)
    check.set_defaults(handler=run_check)

    record = sub.add_parser(
        "record", help="set (or correct) one yearly figure of a target; one recorded change"
    )
    _add_figure_place(record)
    record.add_argument("value", metavar="VALUE", help="the figure, e.g. 4,000 or 15%%")
    # argparse takes "-1,000", "-1e3" or "-inf" for an option, not a value (only "-1000" and
    # "-1.5" are numbers to it); no option of record's starts with a digit, a point or "inf"
    record._negative_number_matcher = re.compile(r"^-(?:[\d.,０-９．]|inf|∞)", re.IGNORECASE)
    kept = "; when not given, kept if the value is unchanged, else {}"
    record.add_argument(
        "--quality",
        type=quality_argument,
        metavar="{official,preliminary,estimate}",
        help="how final the figure is"
        + kept.format("official (an estimate for the current year, not over yet)"),
    )
    record.add_argument(
        "--source", help='where the figure comes from ("" for none)' + kept.format("none")
    )
    record.add_argument("--note", help='a note on the figure ("" for none)' + kept.format("none"))
    add_lang_option(record)
    record.set_defaults(handler=run_record)

    remove = sub.add_parser(
        "remove", help="take one yearly figure of a target out; one recorded change"
    )
    _add_figure_place(remove)
    add_lang_option(remove)
    remove.set_defaults(handler=run_remove)

    history = sub.add_parser("history", help="list a target's revisions, newest first")
    history.add_argument("path", metavar="PATH")
    history.add_argument("plan", metavar="PLAN")
    history.add_argument("target", metavar="TARGET")
    history.add_argument(
        "--deleted",
        action="store_true",
        help="the target deleted last under this code, where a target added since has it",
    )
    add_lang_option(history)
    history.set_defaults(handler=run_history)


def _add_figure_place(command: Any) -> None:
    """The workbook, plan, target and year a command's figure is of."""
    command.add_argument("path", metavar="PATH")
    command.add_argument("plan", metavar="PLAN", help="the plan's code, e.g. LJ2025")
    command.add_argument("target", metavar="TARGET", help="the target's code, e.g. LJ-GDP")
    command.add_argument("year", metavar="YEAR")


def run_new(args: argparse.Namespace) -> int:
    zh = command_language(args) == "zh"
    Workbook.create(args.path).close()
    print(f"已写出空白工作簿 {args.path}" if zh else f"Wrote an empty workbook to {args.path}")
    return EXIT_OK


def run_demo(args: argparse.Namespace) -> int:
    lang = command_language(args)
    write_demo(args.path, lang)
    print(
        f"已将演示工作簿写入 {args.path}"
        if lang == "zh"
        else f"Wrote the demo workbook to {args.path}"
    )
    return EXIT_OK


def run_check(args: argparse.Namespace) -> int:
    lang = command_language(args)
    with open_workbook(args.path, read_only=True) as wb:
        found, notes = consistency(wb, lang)
        problems = wb.integrity_problems() + found
    for note in notes:
        print(f"注意：{note}" if lang == "zh" else f"Note: {note}")
    if problems:
        for problem in problems:
            print(problem)
        count = len(problems)
        print(
            f"{args.path}：发现 {count} 个问题"
            if lang == "zh"
            else f"{args.path}: {counted(count, 'problem')} found"
        )
        return EXIT_DATA
    print(f"{args.path}：完好" if lang == "zh" else f"{args.path}: sound")
    return EXIT_OK


def _find_target(wb: Any, plan_code: str, target_code: str) -> Any:
    plan = reads.plan_by_code(wb, plan_code)
    if plan is None:
        codes = (p.code for p in reads.plans(wb))
        raise CommandError(*no_such_plan(plan_code, codes, wb.path))
    target = reads.target_by_code(wb, plan.id or 0, target_code)
    if target is None:
        en, zh = did_you_mean(target_code, (t.code for t in reads.targets(wb, plan.id)))
        raise CommandError(
            f"plan {plan_code} has no target with the code {target_code}{en}",
            f"规划 {plan_code} 没有代码为 {target_code} 的指标{zh}",
        )
    return target


T = TypeVar("T")


def run_record(args: argparse.Namespace) -> int:
    zh = command_language(args) == "zh"
    with open_workbook(args.path) as wb:
        target = _find_target(wb, args.plan, args.target)
        year = _named(target.code, None, lambda: parse_year(args.year))
        value = _named(target.code, year, lambda: parse_number(args.value, unit=target.unit))
        held = next((o for o in reads.observations(wb, [target.id]) if o.year == year), None)
        # the same value keeps what is not given; a new one is not the old source's figure
        kept = (
            held
            if held is not None and held.value == value
            else editing.ObservationEntry(
                target.id, year, value, unstated_quality(year, clock.this_year())
            )
        )
        quality = Quality(args.quality) if args.quality else kept.quality
        source = kept.source if args.source is None else args.source.strip()
        note = kept.note if args.note is None else args.note.strip()
        entry = editing.ObservationEntry(target.id, year, value, quality, source, note)
        name = names.set_figure(target.code, year, new=held is None)
        new_value = held is None or held.value != value
        jumped = jumps(wb, [(target, year, value)]) if new_value else []
        changes = editing.set_observations(wb, [entry], name)
    figure = join_unit(exact_number(value), target.unit, zh=zh)
    replaced = _replaced(held, entry, target.unit, zh) if held is not None else ""
    if zh:
        said = "未变" if changes.empty else f"{figure}（{choice_word(quality, 'zh')}）已记录"
        print(f"{target.code} {year}年：{said}{replaced}")
    elif changes.empty:
        print(f"{target.code} {year}: unchanged")
    else:
        print(f"{target.code} {year}: {figure} ({quality.value}) recorded{replaced}")
    for following in changes.followed_baselines:
        print(following.text("zh" if zh else "en"))
    for jump in jumped if changes.change_id is not None else []:
        revert = f"ljtracker revert {command_word(args.path)} {changes.change_id}"
        print(
            f"注意：{jump.text('zh', exact_number)}；如{jump.slip('zh')}有误，可用 {revert} 撤销"
            if zh
            else f"Note: {jump.text('en', exact_number)}; if {jump.slip('en')} slipped,"
            f" {revert} takes it back"
        )
    return EXIT_OK


def run_remove(args: argparse.Namespace) -> int:
    zh = command_language(args) == "zh"
    with open_workbook(args.path) as wb:
        target = _find_target(wb, args.plan, args.target)
        year = _named(target.code, None, lambda: parse_year(args.year))
        held = next((o for o in reads.observations(wb, [target.id]) if o.year == year), None)
        if held is None:
            raise CommandError(
                f"{target.code} has no figure of {year}; nothing was changed",
                f"{target.code} 没有 {year}年的数据；未做任何更改",
            )
        entry = editing.ObservationEntry(target.id, year, None)
        changes = editing.set_observations(wb, [entry], names.remove_figure(target.code, year))
    figure = join_unit(exact_number(held.value), target.unit, zh=zh)
    revert = f"ljtracker revert {command_word(args.path)} {changes.change_id}"
    print(
        f"{target.code} {year}年：已删除 {figure}（{choice_word(held.quality, 'zh')}）；"
        f"可用 {revert} 恢复"
        if zh
        else f"{target.code} {year}: {figure} ({held.quality.value}) removed; {revert} puts it back"
    )
    for following in changes.followed_baselines:
        print(following.text("zh" if zh else "en"))
    return EXIT_OK


def _named(code: str, year: int | None, parse: Callable[[], T]) -> T:
    """What `parse` gives; its refusal names the target (and year) it concerns, so that a
    script recording many figures can tell which one was refused."""
    try:
        return parse()
    except NumberError as e:
        en, zh = (code, code) if year is None else (f"{code} {year}", f"{code} {year}年")
        raise CommandError(f"{en}: {e.message_en}", f"{zh}：{e.message_zh}") from None


def _replaced(held: Observation, entry: editing.ObservationEntry, unit: str, zh: bool) -> str:
    """What the figure recorded replaced: the value (or, the value kept, the quality) it
    had, and its source and note where they were added, changed or not kept."""
    if held.value != entry.value:
        old = join_unit(exact_number(held.value), unit, zh=zh)
        quality = choice_word(held.quality, "zh") if zh else held.quality.value
        said = f"，替换了{old}（{quality}）" if zh else f", replacing {old} ({quality})"
    elif held.quality != entry.quality:
        said = f"，原为{choice_word(held.quality, 'zh')}" if zh else f", was {held.quality.value}"
    else:
        said = ""
    for label_en, label_zh, text, now in (
        ("source", "来源", held.source or "", entry.source or ""),
        ("note", "备注", held.note or "", entry.note or ""),
    ):
        if text == now:
            continue
        if not text:
            said += f"；已添加{label_zh}“{now}”" if zh else f'; {label_en} "{now}" added'
        elif zh:
            said += f"；原{label_zh}“{text}”" + ("已替换" if now else "未保留")
        else:
            said += (
                f'; its {label_en} was "{text}"'
                if now
                else f'; its {label_en} "{text}" was not kept'
            )
    return said


def _called_then(code_then: str, code: str) -> tuple[str, str]:
    """ " (as LJ-PEOPLE)" for a target deleted under another code than the one asked for."""
    if code_then == code:
        return "", ""
    return f" (as {code_then})", f"（时为 {code_then}）"


def run_history(args: argparse.Namespace) -> int:
    """Each revision: when, who, the change it belongs to and what it changed (old → new).
    A target since deleted (alone or with its plan) is found by its codes."""
    lang = command_language(args)

    def say(en: str, zh: str) -> None:
        print(f"ljtracker: {zh if lang == 'zh' else en}", file=sys.stderr)

    with open_workbook(args.path, read_only=True) as wb:
        plan = reads.plan_by_code(wb, args.plan)
        current = None if plan is None else reads.target_by_code(wb, plan.id or 0, args.target)
        # the plan there now under the code, and those deleted under it
        plans = ([] if plan is None or plan.id is None else [plan.id]) + deleted_plan_ids(
            wb, args.plan
        )
        gone, renamed = [], []
        for found in deleted_targets(wb, plans, args.target):
            now = reads.target_by_id(wb, found[0])
            if now is None:
                gone.append(found)
            elif current is None or now.id != current.id:  # brought back, renamed since
                renamed.append(now.code)
        if not gone and current is None and renamed:
            say(
                f"plan {args.plan} has no target with the code {args.target} now: it was"
                f" renamed {renamed[0]}, under which its history is listed",
                f"规划 {args.plan} 现已没有代码为 {args.target} 的指标：该指标已改名为"
                f" {renamed[0]}，请按此代码查看其修订",
            )
            return EXIT_DATA
        if not plans or (not gone and current is None and plan is not None):
            _find_target(wb, args.plan, args.target)  # refused: no such plan, or target
        if not gone and (args.deleted or current is None):
            if plan is None:  # not "no plan with the code": one was, deleted since
                say(
                    f"plan {args.plan} was deleted, and no target {args.target} with it",
                    f"规划 {args.plan} 已被删除，其中没有指标 {args.target}",
                )
            else:
                say(
                    f"no target {args.target} of plan {args.plan} was deleted",
                    f"规划 {args.plan} 的指标 {args.target} 未曾被删除",
                )
            return EXIT_DATA
        shown: list[tuple[int | None, str, int | None, str]] = list(gone)
        if current is not None and not args.deleted:
            shown = [(current.id, current.unit, None, current.code)]
            if gone:  # the target there now starts without the other's past
                _, _, latest, code_then = gone[0]
                as_en, as_zh = _called_then(code_then, args.target)
                say(
                    f"an earlier target {args.target} of plan {args.plan} was deleted by change"
                    f" #{latest}{as_en}; --deleted lists {'its' if len(gone) == 1 else 'their'}"
                    " revisions",
                    f"规划 {args.plan} 此前另有指标 {args.target}，已由更改 #{latest} 删除{as_zh}；"
                    "加 --deleted 可列出其修订",
                )
        listed = []
        for target_id, unit_now, last, code_then in shown:
            revisions = revisions_of_target(wb, target_id or 0)
            if last is not None:  # its number may have gone to a target added since
                revisions = [rev for rev in revisions if rev.change_id <= last]
                as_en, as_zh = _called_then(code_then, args.target)
                say(
                    f"target {args.target} of plan {args.plan} was deleted by change"
                    f" #{last}{as_en}",
                    f"规划 {args.plan} 的指标 {args.target} 已由更改 #{last} 删除{as_zh}",
                )
            listed.append((revisions, unit_now))
        areas = area_names(wb, lang)
    for revisions, unit_now in listed:
        for rev, unit in zip(revisions, units_in_force(revisions, unit_now), strict=True):
            what = describe_revision(rev, lang, areas, unit)
            print(tab_separated(moment_text(rev.at), rev.user, rev.name.text(lang), what))
    return EXIT_OK

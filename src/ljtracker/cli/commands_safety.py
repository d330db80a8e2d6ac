"""Commands that keep figures safe: list backups, restore one; list changes, revert one."""

from __future__ import annotations

import argparse
import datetime
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ljtracker.cli.common import (
    EXIT_OK,
    CommandError,
    add_lang_option,
    command_language,
    open_for_writing_when_free,
    positive_count,
    tab_separated,
)
from ljtracker.cli.usage_errors import ArgumentRefused
from ljtracker.domain import change_names as names
from ljtracker.domain.number_text import counted
from ljtracker.domain.wording import command_word
from ljtracker.services import editing, safety
from ljtracker.services.restoring import NotABackup, changes_since, restore_backup
from ljtracker.storage.backup import backups_of_others_gone, list_backups
from ljtracker.storage.history import (
    ChangeSummary,
    change_summary,
    moment_text,
    plans_of_changes,
    recent_changes,
)
from ljtracker.storage.known_on import MomentRefused, known_on, moment_shown, parse_moment
from ljtracker.storage.workbook import (
    Workbook,
    WorkbookDamaged,
    WorkbookMissing,
    stamped_version,
)

MAX_PLANS_NAMED = 3  # beside a change's name; more, and it is a workbook-wide change


def register(sub: Any) -> None:
    backups = sub.add_parser(
        "backups",
        help="list a workbook's backups, newest first: full path, time and size in bytes",
    )
    backups.add_argument("path", metavar="PATH")
    add_lang_option(backups)
    backups.set_defaults(handler=run_backups)

    restore = sub.add_parser(
        "restore",
        help="restore a backup into the workbook (the current state is backed up first)",
    )
    restore.add_argument("path", metavar="PATH")
    restore.add_argument(
        "backup", metavar="BACKUP", help="a backup's path, or its file name as `backups` lists it"
    )
    restore.add_argument(
        "--other-workbook",
        action="store_true",
        help="restore BACKUP even though it is another workbook, not a backup of PATH",
    )
    add_lang_option(restore)
    restore.set_defaults(handler=run_restore)

    changes = sub.add_parser("changes", help="list the workbook's recorded changes, newest first")
    changes.add_argument("path", metavar="PATH")
    changes.add_argument(
        "--last", metavar="N", type=positive_count, default=20, help="how many (default: 20)"
    )
    add_lang_option(changes)
    changes.set_defaults(handler=run_changes)

    revert = sub.add_parser(
        "revert",
        help="undo a recorded change (as `changes` numbers it) as one new change; reverting a"
        " revert redoes",
    )
    revert.add_argument("path", metavar="PATH")
    revert.add_argument("change", metavar="CHANGE", type=_change_number)
    add_lang_option(revert)
    revert.set_defaults(handler=run_revert)


def _change_number(text: str) -> int:
    number = text.removeprefix("#")
    if not number.isdigit() or int(number) < 1:
        raise ArgumentRefused(
            f"{text!r} is not a change number, e.g. 12 or #12",
            f"“{text}”不是更改编号，如 12 或 #12",
        )
    return int(number)


def add_known_on_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--as-known-on",
        metavar="WHEN",
        dest="as_known_on",
        type=_moment_argument,
        help="show the figures as they stood at WHEN: an ISO date (the end of that day) or "
        "date and time (the end of that minute), in local time, e.g. 2024-05-31 or "
        "2024-05-31T17:30",
    )


def _moment_argument(text: str) -> datetime.datetime:
    try:
        return parse_moment(text)
    except MomentRefused as e:
        raise ArgumentRefused.of(e) from e


def known_on_moment(args: argparse.Namespace) -> datetime.datetime | None:
    moment: datetime.datetime | None = getattr(args, "as_known_on", None)
    return moment


def run_backups(args: argparse.Namespace) -> int:
    zh = command_language(args) == "zh"
    backups = list_backups(args.path)
    if not backups:
        if not Path(args.path).exists():
            raise CommandError(
                f"{args.path}: no such file, and no backups of it",
                f"{args.path}：没有这个文件，也没有它的备份",
            )
        if Path(args.path).is_dir():
            raise CommandError(
                f"{args.path}: a folder, not a workbook", f"{args.path}：是文件夹，不是工作簿"
            )
        stamped_version(args.path)  # refuses a file that is not a workbook
        print(f"{args.path}：尚无备份" if zh else f"{args.path}: no backups yet", file=sys.stderr)
        for folder in backups_of_others_gone(args.path):  # it may have been renamed
            print(
                f"{folder} 中有名为 {folder.name} 的工作簿的备份，该工作簿已不在此处；若是本工作簿"
                "改名前的名称，可用 ljtracker restore 恢复其中的备份"
                if zh
                else f"{folder} holds backups of a workbook named {folder.name}, no longer here;"
                " if that was this workbook's name before, ljtracker restore restores them",
                file=sys.stderr,
            )
    for backup in backups:
        print(
            tab_separated(str(backup.path), f"{backup.taken:%Y-%m-%d %H:%M:%S}", str(backup.size))
        )
    return EXIT_OK


def run_restore(args: argparse.Namespace) -> int:
    zh = command_language(args) == "zh"
    backup = safety.find_backup(args.path, args.backup)
    try:
        wb = open_for_writing_when_free(args.path, daily_backup=False)
    except WorkbookMissing:  # deleted: its backup is put in its place
        _put_in_place(args.path, backup, args.other_workbook)
        print(f"已用 {backup} 恢复 {args.path}" if zh else f"Restored {args.path} from {backup}")
        return EXIT_OK
    except WorkbookDamaged as e:
        kept = _put_in_place(args.path, backup, args.other_workbook)
        print(e.message_zh if zh else e.message_en)
        if zh:
            print(f"已用 {backup} 恢复 {args.path}；损坏的文件保留为 {kept}")
        else:
            print(f"Restored {args.path} from {backup}; the damaged file was kept as {kept}")
        return EXIT_OK
    name = names.restore_backup(backup.name)
    with wb:
        since = changes_since(wb, backup)
        try:
            restored = restore_backup(wb, backup, name, other_workbook=args.other_workbook)
        except NotABackup as e:
            raise CommandError(
                f"{e.message_en} (--other-workbook restores it anyway)",
                f"{e.message_zh}（如确需恢复，请加 --other-workbook）",
            ) from e
        except WorkbookDamaged as e:  # the backup, not the workbook: another backup will do
            raise _another_backup(e, args.path) from e
    if restored.changes.empty:
        if zh:
            print(f"无需恢复：{args.path} 与 {backup} 的内容相同")
        else:
            print(f"Nothing to restore: {args.path} holds what {backup} holds")
        return EXIT_OK
    number = restored.changes.change_id
    if zh:
        print(f"已用 {backup} 恢复 {args.path}，记为更改 #{number}；此前的修改记录全部保留")
    else:
        print(
            f"Restored {args.path} from {backup} as change #{number}; "
            "the history keeps every change before it"
        )
    if since:
        print(_taken_back(since, zh))
    if restored.saved is not None:
        saved = restored.saved.path
        print(
            f"恢复前的状态已保存为 {saved}"
            if zh
            else f"The state before the restore was kept as {saved}"
        )
    return EXIT_OK


def _put_in_place(path: str, backup: Path, other_workbook: bool) -> Path:
    """The backup put where the workbook was (damaged, or gone); where a damaged one was kept.
    A file not among the workbook's backups may be another workbook's: refused unless
    `other_workbook` (its history cannot be compared with the workbook's)."""
    own = {b.path.resolve() for b in list_backups(path)}
    if not other_workbook and backup.resolve() not in own:
        typed = command_word(path)
        raise CommandError(
            f"{backup} is not one of the backups of {path} (`ljtracker backups {typed}` lists"
            " them); --other-workbook puts it in place anyway",
            f"{backup} 不是 {path} 的备份（`ljtracker backups {typed}` 列出其备份）；"
            "如确需用它替换，请加 --other-workbook",
        )
    try:
        return safety.restore_damaged(path, backup)
    except WorkbookDamaged as e:  # the backup, not the workbook: another backup will do
        raise _another_backup(e, path) from e


def _another_backup(e: WorkbookDamaged, path: str) -> CommandError:
    typed = command_word(path)
    return CommandError(
        f"{e.message_en}; that backup cannot be restored: choose another"
        f" (`ljtracker backups {typed}` lists them)",
        f"{e.message_zh}；该备份无法恢复，请另选一个（`ljtracker backups {typed}` 列出全部备份）",
    )


def _taken_back(since: list[ChangeSummary], zh: bool) -> str:
    """The changes made after the backup, which its restore took back (newest first)."""
    if len(since) == 1:
        (change,) = since
        if zh:
            return f"恢复撤回了备份之后的更改 #{change.change_id}（{change.name.text('zh')}）"
        return (
            f"It took back change #{change.change_id} ({change.name.text('en')}), made after"
            " the backup"
        )
    first, last = since[-1].change_id, since[0].change_id
    if zh:
        return f"恢复撤回了备份之后的 {len(since):,} 次更改（#{first} 至 #{last}）"
    return f"It took back the {len(since):,} changes made after the backup, #{first} to #{last}"


def _names(name: str, code: str) -> bool:
    """Whether a change's name states the code as a word of its own ("LJ" is not in "LJ-GDP")."""
    return re.search(rf"(?<![\w-]){re.escape(code)}(?![\w-])", name) is not None


def run_changes(args: argparse.Namespace) -> int:
    lang = command_language(args)
    zh = lang == "zh"
    with Workbook.open(args.path, read_only=True) as wb:
        found = recent_changes(wb, args.last)
        plans = plans_of_changes(wb, [change.change_id for change in found])
    for change in found:
        when = moment_text(change.at)
        rows = f"{change.revisions} 行" if zh else counted(change.revisions, "row")
        name = change.name.text(lang)
        # a target's code may be another plan's too (a next plan's indicators keep theirs)
        codes = [code for code in plans.get(change.change_id, []) if not _names(name, code)]
        if codes and len(codes) <= MAX_PLANS_NAMED:
            name += f"（{'、'.join(codes)}）" if zh else f" ({', '.join(codes)})"
        fields = [f"#{change.change_id}", when, change.user, name, rows]
        if change.reverts is not None:
            fields.append(f"撤回 #{change.reverts}" if zh else f"reverts #{change.reverts}")
        print(tab_separated(*fields))
    return EXIT_OK


def run_revert(args: argparse.Namespace) -> int:
    zh = command_language(args) == "zh"
    with open_for_writing_when_free(args.path) as wb:
        change = change_summary(wb, args.change)
        if change is None or change.revisions == 0:
            raise CommandError(
                f"{args.path}: no change #{args.change} with anything to revert"
                f" (see `ljtracker changes {command_word(args.path)}`)",
                f"{args.path}：没有可撤回的更改 #{args.change}"
                f"（见 `ljtracker changes {command_word(args.path)}`）",
            )
        undone = None if change.reverts is None else change_summary(wb, change.reverts)
        what = change.name if undone is None else undone.name  # a revert's revert redoes it
        changes = editing.revert_recorded(wb, args.change, editing.revert_name(wb, args.change))
    done = changes.change_id
    # reverting a revert redoes the change it undid: that change is the one named
    named = args.change if undone is None else undone.change_id
    if zh:
        verb = "已重做" if undone is not None else "已撤回"
        print(f"{verb}更改 #{named}（{what.text('zh')}），记为更改 #{done}")
    elif undone is not None:
        print(f"Redid change #{named} ({what.text('en')}) as change #{done}")
    else:
        print(f"Reverted change #{named} ({what.text('en')}) as change #{done}")
    return EXIT_OK


@contextmanager
def known_view(wb: Workbook, args: argparse.Namespace) -> Iterator[Workbook]:
    """The workbook itself, or with `--as-known-on` its state at that moment."""
    moment = known_on_moment(args)
    if moment is None:
        yield wb
        return
    with known_on(wb, moment) as past:
        yield past


def known_on_note(args: argparse.Namespace) -> str | None:
    """`--as-known-on` as JSON gives it: "2026-11-29T09:40:59+08:00"."""
    moment = known_on_moment(args)
    return None if moment is None else moment.isoformat(timespec="seconds")


def known_on_text(args: argparse.Namespace) -> str:
    """`--as-known-on` as people read it; empty without."""
    moment = known_on_moment(args)
    return "" if moment is None else moment_shown(moment)

"""The workbook as it was known at an earlier moment, rebuilt from its revision history.

The workbook is copied into memory through the backup API and, from the first change recorded
after the moment on, every change is reverted in the copy, then dropped from the copy's
history; the file is not touched. Changes are taken in the order they were made: a computer
whose clock is behind another's can time a change before the one it followed, and the state
between the two never was.
"""

from __future__ import annotations

import contextlib
import datetime
import re
import sqlite3

from ljtracker.domain.change_names import ChangeName
from ljtracker.domain.errors import UserError
from ljtracker.storage.history import revert_into, revisions_from
from ljtracker.storage.workbook import Workbook, WorkbookError


class MomentRefused(UserError, ValueError):
    """A moment that is not one, or is still to come."""


def parse_moment(text: str) -> datetime.datetime:
    """An ISO date (the end of that day) or date and time; local time unless an offset is given.

    Raises MomentRefused with a one-line message, also for a moment still to come (today, or
    the minute now, is taken: its end is the figures as they stand now).
    """
    text = text.strip()
    try:
        day = datetime.date.fromisoformat(text)
    except ValueError:
        pass
    else:
        if day > datetime.date.today():
            raise _future(text)
        return datetime.datetime.combine(day, datetime.time.max).astimezone()
    try:
        moment = datetime.datetime.fromisoformat(text)
    except ValueError:
        raise MomentRefused(
            f"{text!r} is not a date (2024-05-31) or a date and time (2024-05-31T17:30)",
            f"“{text}”不是日期（2024-05-31）或日期加时间（2024-05-31T17:30）",
        ) from None
    if moment > datetime.datetime.now(moment.tzinfo):  # naive: both in local time
        raise _future(text)
    with contextlib.suppress(OverflowError):  # the last moment there is: nothing after it
        moment += _rest_of(text)
    return moment.astimezone() if moment.tzinfo is None else moment


def _future(text: str) -> MomentRefused:
    """The figures as they will stand later are not known: naming such a moment is a claim."""
    return MomentRefused(
        f"{text!r} is still to come; without --as-known-on the figures are shown as they stand now",
        f"“{text}”尚未到来；不加 --as-known-on 即显示数据的现状",
    )


_TIME = re.compile(r"[T ](\d{2})(?::?(\d{2}))?(?::?(\d{2}))?([.,]\d+)?")


def _rest_of(text: str) -> datetime.timedelta:
    """As a date means the end of that day, 17:30 means the end of that minute (17:30:59.999999)
    and 17:30:05 the end of that second: changes made within it are counted."""
    found = _TIME.search(text)
    if found is None or found[4]:
        return datetime.timedelta(0)
    if found[3]:
        return datetime.timedelta(microseconds=999_999)
    if found[2]:
        return datetime.timedelta(seconds=59, microseconds=999_999)
    return datetime.timedelta(minutes=59, seconds=59, microseconds=999_999)


def _recorded_at(text: str) -> datetime.datetime:
    moment = datetime.datetime.fromisoformat(text)
    return moment.astimezone() if moment.tzinfo is None else moment


def _times(wb: Workbook) -> list[tuple[int, datetime.datetime]]:
    """Each change's number and recorded time, in the order the changes were made."""
    rows = wb.query("SELECT id, at FROM change ORDER BY id")
    return [(row["id"], _recorded_at(row["at"])) for row in rows]


def known_on(wb: Workbook, moment: datetime.datetime) -> Workbook:
    """A read-only, in-memory workbook holding what `wb` held at `moment`.

    Raises WorkbookError when nothing had been recorded in the workbook by then.
    """
    memory = sqlite3.connect(":memory:")
    wb.conn.backup(memory)
    memory.execute("PRAGMA trusted_schema = OFF")
    memory.execute("PRAGMA foreign_keys = ON")
    past = Workbook(wb.path, memory, read_only=False)
    if past.needs_upgrade():  # a file open read-only keeps its older format
        past.upgrade()
    times = _times(past)  # of the copy: a change made since reading them would be kept
    if times and times[0][1] > moment:
        past.close()
        # both in the moment's own offset: told in two, they read as a contradiction
        asked = moment_shown(moment)
        earliest = moment_shown(times[0][1].astimezone(moment.tzinfo))
        raise WorkbookError(
            f"{wb.path}: nothing had been recorded by {asked}; the first change is from {earliest}",
            f"{wb.path}：{asked} 之前尚无任何记录；最早的更改在 {earliest}",
        )
    after = next((change_id for change_id, at in times if at > moment), None)
    later = [] if after is None else revisions_from(past, after)
    if later:
        with past.change(ChangeName("As known earlier", "截至当时的状态")) as writer:
            revert_into(writer, later)
        dropped = sorted({r.change_id for r in later} | {writer.change_id or 0})
        marks = ", ".join("?" for _ in dropped)
        with past.db.atomic():
            past.db.execute(f"DELETE FROM revision WHERE change_id IN ({marks})", dropped)
            past.db.execute(f"DELETE FROM change WHERE id IN ({marks})", dropped)
    past.read_only = True
    return past


def moment_shown(moment: datetime.datetime) -> str:
    """An `--as-known-on` moment as people read it: "2026-11-29 09:40:59 UTC+08:00"."""
    offset = moment.isoformat(timespec="seconds")[19:] or "+00:00"
    return f"{moment:%Y-%m-%d %H:%M:%S} UTC{offset}"

"""`--as-known-on`: the figures as they stood at an earlier moment; user text shown literally."""

from __future__ import annotations

import datetime
import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from demo_targets import gdp_id

from ljtracker.cli import main
from ljtracker.domain.model import Method, Settings
from ljtracker.services import editing, safety
from ljtracker.services.editing import ObservationEntry
from ljtracker.services.settings import save_settings
from ljtracker.storage import reads
from ljtracker.storage.history import revisions_of_target
from ljtracker.storage.known_on import known_on, parse_moment
from ljtracker.storage.workbook import Workbook, WorkbookError


def status_json(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, Any]:
    assert main(["status", *args, "--format", "json", "--lang", "en"]) == 0
    document: dict[str, Any] = json.loads(capsys.readouterr().out)
    return document


def test_parse_moment_reads_dates_as_the_end_of_the_day_in_local_time(beijing_time: None) -> None:
    end = parse_moment("2024-05-31")
    assert end.isoformat() == "2024-05-31T23:59:59.999999+08:00"
    assert parse_moment("2024-05-31T17:30").isoformat() == "2024-05-31T17:30:59.999999+08:00"
    assert parse_moment("2024-05-31T17:30:05").isoformat() == "2024-05-31T17:30:05.999999+08:00"
    assert parse_moment("2024-05-31T17:30:05,5").isoformat() == "2024-05-31T17:30:05.500000+08:00"
    assert parse_moment("2024-05-31T17:30+08:00").utcoffset() == datetime.timedelta(hours=8)
    with pytest.raises(ValueError, match="not a date"):
        parse_moment("31/05/2024")


def test_changes_from_another_time_zone_are_listed_on_this_computer_s_clock(
    demo_path: Path, beijing_time: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """A change made in New York at 05:44 (10:44 UTC) was listed as 05:44, before one made in
    Beijing at 18:36 that same day (10:36 UTC), the other way round."""
    from ljtracker.storage.history import moment_text

    assert moment_text("2026-11-29T05:44:37.123456-05:00") == "2026-11-29 18:44:37"
    assert moment_text("2026-11-29T18:36:09+08:00") == "2026-11-29 18:36:09"
    with safety.open_for_writing(demo_path) as wb:
        editing.set_observations(wb, [ObservationEntry(gdp_id(wb), 2022, 4300.0)])
        wb.conn.execute(
            "UPDATE change SET at = '2026-11-29T05:44:37.5-05:00' WHERE id = (SELECT max(id)"
            " FROM change)"
        )
        wb.conn.commit()
    assert main(["changes", str(demo_path), "--lang", "en"]) == 0
    assert "2026-11-29 18:44:37" in capsys.readouterr().out


def test_status_as_known_on_reproduces_an_earlier_moment(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    then = status_json(capsys, str(demo_path))
    moment = datetime.datetime.now().astimezone()
    with safety.open_for_writing(demo_path) as wb:
        editing.set_observations(wb, [ObservationEntry(gdp_id(wb), 2022, 3000.0)])
        editing.set_observations(wb, [ObservationEntry(gdp_id(wb), 2021, None)])
        plan = reads.plan_by_code(wb, "CQ2022")
        assert plan is not None and plan.id is not None
        editing.delete_plan(wb, plan.id)
        save_settings(wb, Settings(method=Method.SCHEDULE))
    now = status_json(capsys, str(demo_path))
    assert now != {**then, "as_known_on": None}
    earlier = status_json(capsys, str(demo_path), "--as-known-on", moment.isoformat())
    assert earlier["as_known_on"] == moment.isoformat(timespec="seconds")
    assert {**earlier, "as_known_on": None} == {**then, "as_known_on": None}


def test_a_date_means_the_end_of_that_day(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    conn_wb = Workbook.open(demo_path)
    conn_wb.conn.execute("UPDATE change SET at = '2024-01-10T09:00:00.000000+08:00'")
    conn_wb.conn.commit()
    conn_wb.close()
    then = status_json(capsys, str(demo_path), "--plan", "LJ2025")
    assert main(["record", str(demo_path), "LJ2025", "LJ-GDP", "2022", "3000"]) == 0
    capsys.readouterr()
    same_day = status_json(
        capsys, str(demo_path), "--plan", "LJ2025", "--as-known-on", "2024-01-10"
    )
    assert same_day["plans"] == then["plans"]
    assert main(["status", str(demo_path), "--as-known-on", "2024-01-09"]) == 1
    assert "nothing had been recorded by 2024-01-09 23:59:59" in capsys.readouterr().err
    # a moment in another offset: the first change is told in that offset too
    assert main(["status", str(demo_path), "--as-known-on", "2024-01-10T00:30+00:00"]) == 1
    assert capsys.readouterr().err.endswith(
        "nothing had been recorded by 2024-01-10 00:30:59 UTC+00:00; the first change is from"
        " 2024-01-10 01:00:00 UTC+00:00\n"
    )


def test_the_known_copy_is_read_only_and_its_history_ends_then(demo: Workbook) -> None:
    moment = datetime.datetime.now().astimezone()
    target = gdp_id(demo)
    editing.set_observations(demo, [ObservationEntry(target, 2022, 4500.0)])
    with known_on(demo, moment) as past:
        assert all(o.year != 2022 for o in reads.observations(past, [target]))
        assert len(revisions_of_target(past, target)) < len(revisions_of_target(demo, target))
        with pytest.raises(WorkbookError, match="read-only"):
            editing.set_observations(past, [ObservationEntry(target, 2023, 1.0)])
    assert any(o.year == 2022 for o in reads.observations(demo, [target])), "file untouched"


def test_a_bad_moment_is_a_clear_usage_error(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["status", str(demo_path), "--as-known-on", "yesterday"])
    assert exited.value.code == 2
    assert "--as-known-on: 'yesterday' is not a date" in capsys.readouterr().err


def test_a_moment_still_to_come_is_refused_and_today_is_taken(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tomorrow = (datetime.date.today() + datetime.timedelta(days=1)).isoformat()
    with pytest.raises(SystemExit) as exited:
        main(["status", str(demo_path), "--as-known-on", tomorrow])
    assert exited.value.code == 2
    assert f"'{tomorrow}' is still to come" in capsys.readouterr().err
    in_an_hour = datetime.datetime.now() + datetime.timedelta(hours=1)
    with pytest.raises(ValueError, match="still to come"):
        parse_moment(in_an_hour.isoformat(timespec="minutes"))
    now = datetime.datetime.now(datetime.UTC).isoformat(timespec="minutes")
    assert parse_moment(now) > datetime.datetime.now(datetime.UTC)  # the end of this minute
    today = status_json(capsys, str(demo_path), "--as-known-on", datetime.date.today().isoformat())
    assert {**today, "as_known_on": None} == {
        **status_json(capsys, str(demo_path)),
        "as_known_on": None,
    }


HOSTILE_NAMES = ("<img src=x onerror=alert(1)>", '=HYPERLINK("http://example.com","click")')


def test_user_text_appears_literally_in_status(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with safety.open_for_writing(demo_path) as wb:
        target = reads.target_by_id(wb, gdp_id(wb))
        assert target is not None
        editing.update_target(wb, replace(target, name_en=HOSTILE_NAMES[0]))
        other = reads.targets(wb, target.plan_id)[1]
        editing.update_target(wb, replace(other, name_en=HOSTILE_NAMES[1]))
    document = status_json(capsys, str(demo_path), "--plan", "LJ2025")
    names = [t["name"] for p in document["plans"] for t in p["targets"]]
    assert set(HOSTILE_NAMES) <= set(names)
    assert main(["status", str(demo_path), "--plan", "LJ2025", "--lang", "en"]) == 0
    table = capsys.readouterr().out
    for name in HOSTILE_NAMES:
        assert name in table
    assert "&lt;" not in table and "&quot;" not in table


def test_a_change_timed_before_the_one_it_followed_does_not_split_the_history(
    demo_path: Path,
) -> None:
    """A colleague's computer whose clock is behind timed a change before the one it followed.
    The changes timed after the moment were reverted, not those made after it: the state
    rebuilt never was (a figure missing altogether), or could not be built ("the change was
    not saved (UNIQUE constraint failed …)")."""
    with safety.open_for_writing(demo_path) as wb:
        gdp = gdp_id(wb)
        for value in (4400.0, None, 4500.0):  # set, removed, set again
            editing.set_observations(wb, [ObservationEntry(gdp, 2022, value)])
        ids = [row[0] for row in wb.conn.execute("SELECT id FROM change ORDER BY id")]
        # the demo made, then the three edits, the last on a clock 3 minutes behind
        times = ["04:00", "04:30", "05:00", "04:57"]
        for change_id, at in zip(ids, times, strict=True):
            wb.conn.execute(
                "UPDATE change SET at = ? WHERE id = ?", (f"2026-11-20T{at}:00+00:00", change_id)
            )
        wb.conn.commit()
    with Workbook.open(demo_path, read_only=True) as wb:
        for moment, expected in (("04:58", 4400.0), ("04:45", 4400.0), ("05:01", 4500.0)):
            with known_on(wb, parse_moment(f"2026-11-20T{moment}+00:00")) as past:
                figures = {o.year: o.value for o in reads.observations(past, [gdp])}
                assert figures.get(2022) == expected, moment

"""Writing many rows at once records exactly what writing them one by one records; a target's
history finds its figures' revisions, also after their ids are reused."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ljtracker.domain.change_names import ChangeName
from ljtracker.services import editing
from ljtracker.services.changes import Changes
from ljtracker.services.editing import ObservationEntry
from ljtracker.storage import reads
from ljtracker.storage.history import revisions_of_change, revisions_of_target
from ljtracker.storage.workbook import Workbook
from ljtracker.storage.writer import Entity


def _figures(target_id: int) -> list[dict[str, Any]]:
    return [
        {
            "target_id": target_id,
            "year": 2030 + n,
            "value": 100.5 + n,
            "quality": "official",
            "source": f"Yearbook {n}",
            "note": "" if n % 2 else "revised",
        }
        for n in range(5)
    ]


def _target_id(wb: Workbook) -> int:
    target = reads.targets(wb)[0]
    assert target.id is not None
    return target.id


def _recorded(wb: Workbook, change_id: int | None) -> list[tuple[Any, ...]]:
    assert change_id is not None
    return [(r.entity, r.action, r.old, r.new) for r in revisions_of_change(wb, change_id)]


def test_bulk_and_single_inserts_leave_the_same_rows_and_revisions(
    demo_path: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other.ljt"
    other.write_bytes(demo_path.read_bytes())
    with Workbook.open(demo_path) as bulk, Workbook.open(other) as single:
        rows = _figures(_target_id(bulk))
        with bulk.change(ChangeName("Add figures")) as w:
            ids = w.insert_many(Entity.OBSERVATION, rows)
        bulk_changes = Changes.of(w)
        with single.change(ChangeName("Add figures")) as w:
            single_ids = [w.insert(Entity.OBSERVATION, row) for row in rows]
        single_changes = Changes.of(w)
        assert ids == single_ids
        assert reads.observations(bulk) == reads.observations(single)
        assert _recorded(bulk, bulk_changes.change_id) == _recorded(
            single, single_changes.change_id
        )
        assert bulk_changes.target_ids == single_changes.target_ids
        assert bulk_changes.years == single_changes.years == {2030, 2031, 2032, 2033, 2034}


def test_a_bulk_insert_is_undone_as_one_change(demo: Workbook) -> None:
    before = reads.observations(demo)
    with demo.change(ChangeName("Add figures")) as w:
        w.insert_many(Entity.OBSERVATION, _figures(_target_id(demo)))
    assert len(reads.observations(demo)) == len(before) + 5
    assert w.change_id is not None
    editing.revert(demo, w.change_id)
    assert reads.observations(demo) == before


def test_rows_naming_different_columns_are_refused(demo: Workbook) -> None:
    rows = _figures(_target_id(demo))
    del rows[1]["note"]
    with pytest.raises(ValueError), demo.change(ChangeName("Add figures")) as w:
        w.insert_many(Entity.OBSERVATION, rows)
    assert all(o.year < 2030 for o in reads.observations(demo))


def test_rows_naming_their_columns_in_another_order_are_written_by_name(demo: Workbook) -> None:
    rows = _figures(_target_id(demo))
    rows[1] = dict(reversed(rows[1].items()))
    with demo.change(ChangeName("Add figures")) as w:
        w.insert_many(Entity.OBSERVATION, rows)
    written = {o.year: (o.value, o.source, o.note) for o in reads.observations(demo)}
    assert all(written[row["year"]] == (row["value"], row["source"], row["note"]) for row in rows)


@pytest.mark.usefixtures("ids_used_again")
def test_history_keeps_each_figure_with_its_own_target_when_ids_are_reused(
    demo: Workbook,
) -> None:
    first, second = (t.id for t in reads.targets(demo)[:2])
    assert first is not None and second is not None
    (max_id,) = demo.conn.execute("SELECT max(id) FROM observation").fetchone()
    editing.set_observations(demo, [ObservationEntry(first, 2010, 1.0)])
    editing.set_observations(demo, [ObservationEntry(first, 2010, None)])
    editing.set_observations(demo, [ObservationEntry(second, 2011, 2.0)])
    (reused,) = demo.conn.execute(
        "SELECT id FROM observation WHERE target_id = ? AND year = 2011", [second]
    ).fetchone()
    assert reused == max_id + 1  # the deleted figure's id, now the second target's
    mine = [
        (r.action, (r.new or r.old or {}).get("year")) for r in revisions_of_target(demo, first)
    ]
    assert mine[:2] == [("delete", 2010), ("insert", 2010)]
    assert all(year != 2011 for _, year in mine)
    theirs = revisions_of_target(demo, second)
    assert [(r.action, (r.new or {}).get("year")) for r in theirs][:1] == [("insert", 2011)]
    assert all((r.new or r.old or {}).get("year") != 2010 for r in theirs)


def _workbook_with_a_target() -> tuple[Workbook, int]:
    wb = Workbook.in_memory()
    with wb.change(ChangeName("Set up")) as w:
        plan_id = w.insert(
            Entity.PLAN, {"code": "P", "title_en": "Plan", "start_year": 2020, "end_year": 2030}
        )
        target_id = w.insert(Entity.TARGET, {"plan_id": plan_id, "code": "T", "name_en": "T"})
    return wb, target_id


def _revision_texts(wb: Workbook, change_id: int | None) -> list[tuple[Any, ...]]:
    return wb.conn.execute(
        "SELECT entity, entity_id, action, old, new FROM revision WHERE change_id = ? ORDER BY id",
        [change_id],
    ).fetchall()


_TEXT = st.text(
    st.characters(codec="utf-8", exclude_categories=["Cs"])
    | st.sampled_from('"\\\n\t\x00\x1f\x7f\u2028\U0001f600统计局'),
    max_size=12,
)
_VALUE = (
    st.floats(min_value=-1e15, max_value=1e15, allow_nan=False)
    | st.integers(-(10**15), 10**15)
    | st.floats(allow_nan=False, allow_infinity=False)  # any size
)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(_VALUE, _TEXT, _TEXT), min_size=1, max_size=5))
def test_bulk_revisions_hold_the_very_text_single_inserts_write(
    figures: list[tuple[float, str, str]],
) -> None:
    def rows(wb: Workbook) -> list[dict[str, Any]]:
        return [
            {
                "target_id": _target_id(wb),
                "year": 2000 + n,
                "value": value,
                "quality": "estimate",
                "source": source,
                "note": note,
            }
            for n, (value, source, note) in enumerate(figures)
        ]

    bulk, single = _revisions_both_ways(Entity.OBSERVATION, rows)
    assert bulk == single
    assert len(bulk) == len(figures)


def test_bulk_revisions_of_rows_with_empty_numbers_match_single_inserts() -> None:
    def rows(wb: Workbook) -> list[dict[str, Any]]:
        return [
            {
                "plan_id": reads.plans(wb)[0].id,
                "code": f"T{n}",
                "name_en": "T",
                "baseline_year": None if value is None else 2020,
                "baseline_value": value,
            }
            for n, value in enumerate((None, 1e-300, 7.0, None))
        ]

    bulk, single = _revisions_both_ways(Entity.TARGET, rows)
    assert bulk == single
    assert '"baseline_value": null' in bulk[0][4] and '"baseline_value": 1e-300' in bulk[1][4]


def _revisions_both_ways(
    entity: Entity, rows: Callable[[Workbook], list[dict[str, Any]]]
) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """The revisions of the same rows inserted in bulk and one by one, each into a new workbook
    with one plan and one target."""
    written = []
    for in_bulk in (True, False):
        wb, _ = _workbook_with_a_target()
        with wb.change(ChangeName("Add rows")) as w:
            if in_bulk:
                w.insert_many(entity, rows(wb))
            else:
                for row in rows(wb):
                    w.insert(entity, row)
        written.append(_revision_texts(wb, w.change_id))
        wb.close()
    return written[0], written[1]


def test_a_row_is_still_written_when_the_largest_number_is_taken() -> None:
    """Another program had given a row SQLite's largest number: a new row, numbered one past
    it, could not be written at all, nor could an import's rows."""
    wb, target_id = _workbook_with_a_target()
    with wb.change(ChangeName("Far")) as w:
        w.insert(
            Entity.OBSERVATION,
            {"id": 2**63 - 1, "target_id": target_id, "year": 2021, "value": 1.0},
        )
    with wb.change(ChangeName("Next")) as w:
        written = w.insert(Entity.OBSERVATION, {"target_id": target_id, "year": 2022, "value": 2.0})
    assert written not in (2**63 - 1, None)
    with wb.change(ChangeName("Bulk")) as w:  # numbered by SQLite, a row at a time
        rows = [{"target_id": target_id, "year": year, "value": 3.0} for year in (2023, 2024)]
        numbers = w.insert_many(Entity.OBSERVATION, rows)
    assert len(set(numbers)) == 2 and 2**63 - 1 not in numbers
    (written,) = wb.conn.execute("SELECT count(*) FROM observation WHERE value = 3.0").fetchone()
    assert written == 2

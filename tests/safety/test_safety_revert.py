"""Undoing a recorded change from the command line: `changes` lists them, `revert` undoes one."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from pathlib import Path

import pytest

from ljtracker.cli import main
from ljtracker.domain.change_names import ChangeName
from ljtracker.domain.model import Target
from ljtracker.services import editing
from ljtracker.services.changes import Changes
from ljtracker.services.editing import ObservationEntry
from ljtracker.storage import reads
from ljtracker.storage.backup import list_backups
from ljtracker.storage.workbook import Workbook


def gdp_2022(demo_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """LJ-GDP's latest figure, as `status` gives it."""
    assert main(["status", str(demo_path), "--plan", "LJ2025", "--format", "csv"]) == 0
    rows = csv.DictReader(io.StringIO(capsys.readouterr().out))
    return next(row["latest"] for row in rows if row["code"] == "LJ-GDP")


def test_a_mistaken_change_is_reverted_by_its_number_and_redone(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = gdp_2022(demo_path, capsys)
    assert main(["record", str(demo_path), "LJ2025", "LJ-GDP", "2022", "41,500"]) == 0
    capsys.readouterr()
    assert main(["changes", str(demo_path), "--last", "2"]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert len(listed) == 2
    number, _, _, description, rows = listed[0].split("\t")
    assert description == "Set the 2022 figure of LJ-GDP (LJ2025)" and rows == "1 row"
    assert main(["revert", str(demo_path), number]) == 0
    said = capsys.readouterr().out
    assert said.startswith(f"Reverted change {number} (Set the 2022 figure of LJ-GDP) as change")
    assert gdp_2022(demo_path, capsys) == before
    undo = said.rstrip().rsplit("#", 1)[1]
    assert main(["revert", str(demo_path), undo]) == 0  # the revert, reverted: a redo
    assert capsys.readouterr().out.startswith(
        f"Redid change {number} (Set the 2022 figure of LJ-GDP) as change"
    )
    assert gdp_2022(demo_path, capsys) == "2022: 41,500"
    assert main(["changes", str(demo_path), "--last", "1", "--lang", "zh"]) == 0
    assert "\t重做：设置 LJ-GDP 的 2022年数据（LJ2025）\t1 行\t撤回 #" in capsys.readouterr().out


def test_a_change_followed_by_later_edits_of_its_rows_is_not_reverted(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    record = ["record", str(demo_path), "LJ2025", "LJ-GDP", "2022"]
    assert main([*record, "4,100"]) == 0
    assert main([*record, "4,200"]) == 0  # the same figure again
    capsys.readouterr()
    assert main(["changes", str(demo_path), "--last", "2"]) == 0
    newest, older = (x.split("\t")[0] for x in capsys.readouterr().out.splitlines())
    assert main(["revert", str(demo_path), older]) == 1
    err = capsys.readouterr().err
    assert f"cannot be reverted: it was followed by changes to the same rows ({newest})" in err
    assert main(["revert", str(demo_path), "#999"]) == 1
    assert "no change #999" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["revert", str(demo_path), "twelve"])
    assert "is not a change number" in capsys.readouterr().err


def test_changes_undone_newest_first_one_command_each(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """As the window's Undo does: once a later change to the same rows is reverted, the
    earlier one can be; redone, it is in the way again."""
    before = gdp_2022(demo_path, capsys)
    record = ["record", str(demo_path), "LJ2025", "LJ-GDP", "2022"]
    assert main([*record, "4,100"]) == 0
    assert main([*record, "4,200"]) == 0
    capsys.readouterr()
    assert main(["changes", str(demo_path), "--last", "2"]) == 0
    newest, older = (x.split("\t")[0] for x in capsys.readouterr().out.splitlines())

    assert main(["revert", str(demo_path), newest]) == 0
    undo = capsys.readouterr().out.rstrip().rsplit("#", 1)[1]
    assert gdp_2022(demo_path, capsys) == "2022: 4,100"
    assert main(["revert", str(demo_path), undo]) == 0  # redone: 4,200 again
    capsys.readouterr()
    assert main(["revert", str(demo_path), older]) == 1
    assert f"same rows ({newest}); revert those first" in capsys.readouterr().err  # redone
    assert main(["changes", str(demo_path), "--last", "1"]) == 0
    redo = capsys.readouterr().out.split("\t")[0]
    assert main(["revert", str(demo_path), redo]) == 0  # undone again: back to 4,100
    assert main(["revert", str(demo_path), older]) == 0
    capsys.readouterr()
    assert gdp_2022(demo_path, capsys) == before


def test_a_figure_removed_and_entered_again_keeps_the_first_change_from_being_reverted(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The figure entered again may take the row the first change wrote, with the same value;
    reverting the first change would remove the later one's figure."""
    with Workbook.open(demo_path) as wb:
        gdp = wb.conn.execute("SELECT id FROM target WHERE code = 'LJ-GDP'").fetchone()[0]
        first = editing.set_observations(wb, [ObservationEntry(gdp, 2022, 4100.0)])
        editing.set_observations(wb, [ObservationEntry(gdp, 2022, None)])
        again = editing.set_observations(wb, [ObservationEntry(gdp, 2022, 4100.0)])
    assert main(["revert", str(demo_path), str(first.change_id)]) == 1
    assert "cannot be reverted" in capsys.readouterr().err
    assert gdp_2022(demo_path, capsys) == "2022: 4,100"
    assert main(["revert", str(demo_path), str(again.change_id)]) == 0  # newest first: fine


def test_a_change_that_later_changes_rest_on_is_refused_in_words(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Workbook.open(demo_path) as wb:  # a figure removed, then added again
        gdp = wb.conn.execute("SELECT id FROM target WHERE code = 'LJ-GDP'").fetchone()[0]
        removal = editing.set_observations(wb, [ObservationEntry(gdp, 2021, None)])
        again = editing.set_observations(wb, [ObservationEntry(gdp, 2021, 4200.0)])
    assert main(["revert", str(demo_path), str(removal.change_id)]) == 1
    err = capsys.readouterr().err
    assert err == (
        f"ljtracker: change #{removal.change_id} cannot be reverted: later changes rest on what"
        f" it wrote (#{again.change_id}); revert those first, newest first\n"
    )
    assert main(["revert", str(demo_path), str(removal.change_id), "--lang", "zh"]) == 1
    assert "之后的更改以其内容为基础" in capsys.readouterr().err


def record_then_revert(
    demo_path: Path, capsys: pytest.CaptureFixture[str], target: str = "LJ-GDP", year: int = 2022
) -> tuple[str, str]:
    """Record a figure, then revert that change: the two changes' numbers."""
    assert main(["record", str(demo_path), "LJ2025", target, str(year), "41,500"]) == 0
    capsys.readouterr()
    assert main(["changes", str(demo_path), "--last", "1"]) == 0
    number = capsys.readouterr().out.split("\t")[0]
    assert main(["revert", str(demo_path), number]) == 0
    return number, capsys.readouterr().out.rstrip().rsplit("#", 1)[1]


def test_a_redo_names_the_change_it_redoes_in_either_language(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Reverting revert #13 redoes #12: the Chinese message said #13."""
    number, revert = record_then_revert(demo_path, capsys)
    assert main(["revert", str(demo_path), revert, "--lang", "zh"]) == 0
    assert capsys.readouterr().out.startswith(f"已重做更改 {number}（设置 LJ-GDP 的 2022年数据）")


def test_a_change_reverted_already_says_so(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A second revert of #N, reverted by #R, said "revert those first (#R)": a redo."""
    number, revert = record_then_revert(demo_path, capsys)
    assert main(["revert", str(demo_path), number]) == 1
    assert capsys.readouterr().err == (
        f"ljtracker: change {number} is already reverted, by #{revert} (reverting #{revert}"
        " would redo it)\n"
    )


def test_a_change_redone_can_be_reverted_again(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    number, revert = record_then_revert(demo_path, capsys)
    assert main(["revert", str(demo_path), revert]) == 0  # a redo: the change is back
    capsys.readouterr()
    assert main(["revert", str(demo_path), number]) == 0
    capsys.readouterr()
    assert gdp_2022(demo_path, capsys) != "2022: 41,500"


def test_a_change_reverted_then_edited_again_says_both(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Reverted by #R and then edited by #E: "already reverted by #R (reverting #R would redo
    it)" led to reverting #R, which #E refused in turn; then "revert those first (#R, #E)"
    led to redoing the change only to revert it again. It is said to be reverted already and
    changed since, which asks for nothing."""
    number, revert = record_then_revert(demo_path, capsys, "LJ-POP", 2023)  # the demo's 333
    assert main(["record", str(demo_path), "LJ2025", "LJ-POP", "2023", "350"]) == 0
    capsys.readouterr()
    assert main(["changes", str(demo_path), "--last", "1"]) == 0
    edit = capsys.readouterr().out.split("\t")[0]
    assert main(["revert", str(demo_path), number]) == 1
    assert capsys.readouterr().err == (
        f"ljtracker: change {number} is already reverted, by #{revert}, and what it changed was"
        f" changed again since ({edit})\n"
    )


def test_reverting_a_change_that_made_plans_keeps_a_backup_first(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Reverting the demo's creation deleted every plan with no backup, where deleting one
    plan in the window makes one; a figure's revert needs none."""
    from ljtracker.storage.backup import list_backups

    assert main(["record", str(demo_path), "LJ2025", "LJ-GDP", "2022", "4,100"]) == 0
    assert main(["revert", str(demo_path), "2"]) == 0
    assert [b.reason for b in list_backups(demo_path)].count("before-delete") == 0
    assert main(["revert", str(demo_path), "1"]) == 0  # the demo's creation
    saved = [b for b in list_backups(demo_path) if b.reason == "before-delete"]
    assert len(saved) == 1
    with Workbook.open(saved[0].path, read_only=True) as copy:
        (plans,) = copy.conn.execute("SELECT count(*) FROM plan").fetchone()
    assert plans == 4


def a_target_added_then_given_a_figure(wb: Workbook) -> tuple[Changes, Target, Changes]:
    """A copy of LJ-GDP added (LJ-GDP-2), then its 2022 figure entered: the two changes."""
    plan = reads.plan_by_code(wb, "LJ2025")
    assert plan is not None and plan.id is not None
    gdp = reads.target_by_code(wb, plan.id, "LJ-GDP")
    assert gdp is not None
    added = editing.add_target(wb, replace(gdp, id=None, code="LJ-GDP-2"))
    copy = reads.target_by_code(wb, plan.id, "LJ-GDP-2")
    assert copy is not None and copy.id is not None
    figure = editing.set_observations(wb, [ObservationEntry(copy.id, 2022, 4100.0)])
    return added, copy, figure


def test_a_target_s_creation_with_figures_entered_since_is_refused_before_it_is_tried(
    demo_path: Path,
) -> None:
    """Found only on trying: the history asked to confirm deleting the target, took a backup
    first, and then refused."""
    with Workbook.open(demo_path) as wb:
        added, copy, figure = a_target_added_then_given_a_figure(wb)
        written = wb.conn.total_changes
        refusal = editing.history_revert_refusal(wb, added.change_id)
        assert refusal is not None and "revert those first" in str(refusal)
        assert editing.history_revert_refusal(wb, figure.change_id) is None
        assert wb.conn.total_changes == written  # read, not tried: a large revert took seconds
        assert reads.target_by_code(wb, copy.plan_id, "LJ-GDP-2") == copy  # nothing written
        assert [o.value for o in reads.observations(wb, [copy.id or 0])] == [4100.0]


def test_a_refused_revert_of_a_target_s_creation_takes_no_backup_first(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each refused try added a before-delete backup (and thinned the older ones)."""
    with Workbook.open(demo_path) as wb:
        added, _, _ = a_target_added_then_given_a_figure(wb)
    assert main(["revert", str(demo_path), str(added.change_id)]) == 1
    assert "later changes rest on what it wrote" in capsys.readouterr().err
    assert [b for b in list_backups(demo_path) if b.reason != "daily"] == []


def test_a_refusal_names_only_the_later_changes_that_rest_on_the_change(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """It named every later change ("#5, #6, #7"), though one figure rested on the target:
    reverting the others would have undone work for nothing."""
    with Workbook.open(demo_path) as wb:
        added, _, figure = a_target_added_then_given_a_figure(wb)
        pop = wb.conn.execute("SELECT id FROM target WHERE code = 'LJ-POP'").fetchone()[0]
        unrelated = editing.set_observations(wb, [ObservationEntry(pop, 2022, 330.0)])
    assert main(["revert", str(demo_path), str(added.change_id)]) == 1
    err = capsys.readouterr().err
    assert f"(#{figure.change_id}); revert those first" in err
    assert f"#{unrelated.change_id}" not in err


def test_a_figure_s_removal_after_its_target_was_deleted_names_that_deletion(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Workbook.open(demo_path) as wb:
        gdp = wb.conn.execute("SELECT id FROM target WHERE code = 'LJ-GDP'").fetchone()[0]
        pop = wb.conn.execute("SELECT id FROM target WHERE code = 'LJ-POP'").fetchone()[0]
        removal = editing.set_observations(wb, [ObservationEntry(gdp, 2021, None)])
        deletion = editing.delete_target(wb, gdp)
        unrelated = editing.set_observations(wb, [ObservationEntry(pop, 2022, 330.0)])
    assert main(["revert", str(demo_path), str(removal.change_id)]) == 1
    err = capsys.readouterr().err
    assert f"rest on what it wrote (#{deletion.change_id}); revert those first" in err
    assert f"#{unrelated.change_id}" not in err
    assert main(["revert", str(demo_path), str(deletion.change_id)]) == 0
    assert main(["revert", str(demo_path), str(removal.change_id)]) == 0  # in that order: fine


def test_a_refusal_names_the_change_in_effect_not_a_revert_that_leads_round_in_circles(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A figure added (#3) and edited (#4), the edit reverted (#5): the target's revert named
    #5, whose revert redid #4 and was named in turn, and so on; #3 is the one to revert."""
    with Workbook.open(demo_path) as wb:
        added, copy, figure = a_target_added_then_given_a_figure(wb)
        assert copy.id is not None
        edit = editing.set_observations(wb, [ObservationEntry(copy.id, 2022, 4200.0)])
        editing.revert(wb, edit.change_id)
    assert main(["revert", str(demo_path), str(added.change_id)]) == 1
    assert f"rest on what it wrote (#{figure.change_id}); revert" in capsys.readouterr().err
    assert main(["revert", str(demo_path), str(figure.change_id)]) == 0
    assert main(["revert", str(demo_path), str(added.change_id)]) == 0


def test_a_change_undone_and_redone_since_can_be_reverted(demo: Workbook) -> None:
    """An area deleted, the deletion undone and redone: the undo and the redo cancel out, and
    the history refused to revert the deletion, though the revert goes through."""
    plan = reads.plan_by_code(demo, "LJ2025")
    assert plan is not None and plan.id is not None
    area = reads.areas(demo, plan.id)[0]
    assert area.id is not None
    deletion = editing.delete_area(demo, area.id)
    undo = editing.undo_recorded(demo, deletion.change_id, ChangeName("Undo"))
    editing.undo_recorded(demo, undo.change_id, ChangeName("Redo"))
    assert editing.history_revert_refusal(demo, deletion.change_id) is None
    editing.revert_from_history(demo, deletion.change_id, ChangeName("Revert"))
    assert [a.id for a in reads.areas(demo, plan.id)][:1] == [area.id]


def test_a_change_whose_row_another_program_deleted_is_refused_in_words(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """It ended in a traceback: "LookupError: no observation with id 31"."""
    import sqlite3

    assert main(["record", str(demo_path), "LJ2025", "LJ-GDP", "2022", "4,100"]) == 0
    other = sqlite3.connect(demo_path)
    with other:
        other.execute("DELETE FROM observation WHERE year = 2022 AND value = 4100")
    other.close()
    capsys.readouterr()
    assert main(["revert", str(demo_path), "2"]) == 1
    err = capsys.readouterr().err
    assert "change #2 cannot be reverted: a row it wrote is no longer in the workbook" in err
    with Workbook.open(demo_path, read_only=True) as wb:
        (changes,) = wb.conn.execute("SELECT count(*) FROM change").fetchone()
    assert changes == 2  # nothing recorded


def test_a_revert_blocked_by_a_row_another_program_added_says_so(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """It said "later changes rest on what it wrote (); revert those first" with none to name."""
    import sqlite3

    assert main(["record", str(demo_path), "LJ2025", "LJ-GDP", "2022", "4,100"]) == 0
    assert main(["revert", str(demo_path), "2"]) == 0  # change #3 takes the figure out
    other = sqlite3.connect(demo_path)
    with other:
        (gone,) = other.execute("SELECT entity_id FROM revision WHERE change_id = 3").fetchone()
        other.execute(
            "INSERT INTO observation (id, target_id, year, value, quality)"
            " SELECT ?, target_id, 2023, 1.0, 'official' FROM observation LIMIT 1",
            [gone],
        )
    other.close()
    # a later change of other rows: it was named as in the way, and after it its revert
    assert main(["record", str(demo_path), "CQ2022", "CQ18-AIR", "2021", "330"]) == 0
    capsys.readouterr()
    assert main(["revert", str(demo_path), "3"]) == 1
    err = capsys.readouterr().err
    assert "change #3 cannot be reverted: what it would write back clashes with a row" in err
    assert "another program changed the file" in err and "#4" not in err
    with Workbook.open(demo_path, read_only=True) as wb:
        (changes,) = wb.conn.execute("SELECT count(*) FROM change").fetchone()
    assert changes == 4  # nothing recorded


def test_the_history_says_a_change_reverted_then_edited_again_is_both(demo_path: Path) -> None:
    """The window's history answered "revert those first, newest first", the change's own
    revert among them: following it undid the later edit only to be told it was reverted."""
    from ljtracker.services.editing import ObservationEntry

    with Workbook.open(demo_path) as wb:
        gdp = wb.conn.execute("SELECT id FROM target WHERE code = 'LJ-GDP'").fetchone()[0]
        first = editing.set_observations(wb, [ObservationEntry(gdp, 2021, 4100.0)]).change_id
        editing.revert(wb, first or 0)
        editing.set_observations(wb, [ObservationEntry(gdp, 2021, 4200.0)])
        refused = editing.history_revert_refusal(wb, first or 0)
        assert refused is not None and str(refused) == (
            "It is already reverted: its revert is higher up in this history, and what it"
            " changed was changed again since."
        )
        with pytest.raises(editing.EditError, match="already reverted"):
            editing.revert_from_history(wb, first or 0, ChangeName("Revert"))

"""An import that changes figures is preceded by a verified backup; one that changes nothing
makes none."""

from __future__ import annotations

from pathlib import Path

from ljtracker.services.importing import ImportOptions, apply_import, read_source
from ljtracker.storage import reads
from ljtracker.storage.backup import Backup, BackupReason, list_backups
from ljtracker.storage.workbook import Workbook


def figures_csv(path: Path, value: str) -> Path:
    path.write_text(
        "plan,code,year,value,quality,source,note\n"
        f'LJ2025,LJ-GDP,2022,"{value}",preliminary,work report,\n',
        encoding="utf-8",
    )
    return path


def before_import(workbook: Path) -> list[Backup]:
    return [b for b in list_backups(workbook) if b.reason == BackupReason.BEFORE_IMPORT]


def gdp_figures(wb: Workbook) -> dict[int, float]:
    plan = reads.plan_by_code(wb, "LJ2025")
    assert plan is not None and plan.id is not None
    target = reads.target_by_code(wb, plan.id, "LJ-GDP")
    assert target is not None and target.id is not None
    return {obs.year: obs.value for obs in reads.observations(wb, [target.id])}


def test_import_makes_a_backup_first(demo: Workbook, tmp_path: Path) -> None:
    source = read_source(figures_csv(tmp_path / "gdp.csv", "4,400"))
    changes = apply_import(demo, source, ImportOptions())
    assert not changes.empty
    assert gdp_figures(demo)[2022] == 4400
    (backup,) = before_import(demo.path)
    kept = Workbook.open(backup.path, read_only=True)
    try:
        assert 2022 not in gdp_figures(kept)  # the workbook as it was before the import
        assert gdp_figures(kept)[2021] == 4000
    finally:
        kept.close()


def test_import_that_changes_nothing_makes_no_backup(demo: Workbook, tmp_path: Path) -> None:
    source = read_source(figures_csv(tmp_path / "gdp.csv", "4,400"))
    apply_import(demo, source, ImportOptions())
    again = apply_import(demo, source, ImportOptions())
    assert again.empty
    assert len(before_import(demo.path)) == 1

"""Exporting plans to XLSX (summary, the template's sheets, figures by year) or to CSV (the
template's long format), and writing the empty template."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from ljtracker.domain.closest import no_such_plan
from ljtracker.domain.model import Method
from ljtracker.services.progress import plan_progress
from ljtracker.sheets.cells import SheetError
from ljtracker.sheets.writers import (
    TABLES,
    PlanExport,
    TargetExport,
    table_choices,
    template_table,
    write_csv,
    write_template,
    write_xlsx,
)
from ljtracker.storage import reads
from ljtracker.storage.workbook import Workbook

__all__ = ["ExportSummary", "export_plans", "plan_exports", "write_template"]

FORMATS = (".xlsx", ".csv")


@dataclass(frozen=True)
class ExportSummary:
    path: Path
    plans: tuple[str, ...]
    targets: int
    figures: int
    table: str = ""  # a CSV's one table, with its number of rows
    rows: int = 0


def plan_exports(
    wb: Workbook,
    plan_code: str | None = None,
    *,
    as_of_year: int | None = None,
    method: Method | None = None,
) -> list[PlanExport]:
    """Every plan (or the one named) with its targets, figures and progress."""
    every = plans = reads.plans(wb)
    if plan_code is not None:
        plans = [p for p in plans if p.code == plan_code]
        if not plans:
            raise SheetError(*no_such_plan(plan_code, (p.code for p in every)))
    exports = []
    for plan in plans:
        progress = plan_progress(wb, plan, as_of_year=as_of_year, method=method)
        areas = {a.id: a for a in progress.areas}
        targets = tuple(
            TargetExport(
                row.target, areas.get(row.target.area_id), row.observations, row.assessment
            )
            for row in progress.targets
        )
        exports.append(
            PlanExport(plan, progress.areas, targets, as_of_year, progress.settings.method)
        )
    return exports


def export_plans(
    wb: Workbook,
    path: str | Path,
    *,
    plan_code: str | None = None,
    lang: str = "en",
    as_of_year: int | None = None,
    table: str = "observations",
) -> ExportSummary:
    """Write the plans to `path`: XLSX or CSV by its suffix; `table` chooses the CSV table."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise SheetError(
            f"{path.name}: choose a file name ending in .xlsx or .csv",
            f"{path.name}：请使用以 .xlsx 或 .csv 结尾的文件名",
        )
    if table not in TABLES:
        raise SheetError(
            f"no table {table!r}; choose {table_choices('en')}",
            f"没有“{table}”表；请选择 {table_choices('zh')}",
        )
    exports = plan_exports(wb, plan_code, as_of_year=as_of_year)
    summary = ExportSummary(
        path,
        tuple(e.plan.code for e in exports),
        sum(len(e.targets) for e in exports),
        sum(len(t.observations) for e in exports for t in e.targets),
    )
    if suffix == ".xlsx":
        write_xlsx(path, exports, lang)
        return summary
    header, rows = template_table(table, exports, lang)
    write_csv(path, (header, rows))
    return replace(summary, table=table, rows=len(rows))

"""The window's progress cache answers exactly as reading the workbook afresh would."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from ljtracker.domain.model import Method, Quality
from ljtracker.services import clock, editing
from ljtracker.services.editing import ObservationEntry
from ljtracker.services.progress import ProgressCache, plan_progress, target_progress
from ljtracker.services.settings import load_settings, save_settings
from ljtracker.storage import reads
from ljtracker.storage.workbook import Workbook, WorkbookWrittenElsewhere


def _all_progress(wb: Workbook, cache: ProgressCache, **options: object) -> None:
    for plan in reads.plans(wb):
        assert cache.plan_progress(plan, **options) == plan_progress(wb, plan, **options)  # type: ignore[arg-type]


def _gdp(wb: Workbook) -> int:
    plan = reads.plan_by_code(wb, "LJ2025")
    assert plan is not None and plan.id is not None
    target = reads.target_by_code(wb, plan.id, "LJ-GDP")
    assert target is not None and target.id is not None
    return target.id


def test_answers_match_the_workbook_for_every_method_and_year(demo: Workbook) -> None:
    cache = ProgressCache(demo)
    for method in Method:
        for year in (None, 2021, 2023):
            _all_progress(demo, cache, as_of_year=year, method=method)


def test_a_recorded_change_is_seen_once_forgotten(demo: Workbook) -> None:
    cache = ProgressCache(demo)
    _all_progress(demo, cache)
    gdp = _gdp(demo)
    entry = ObservationEntry(gdp, 2022, 4400.0, Quality.PRELIMINARY, "test")
    changes = editing.set_observations(demo, [entry])
    cache.forget(changes)
    _all_progress(demo, cache)
    target = reads.target_by_id(demo, gdp)
    assert target is not None
    shown = cache.target_progress(target)
    assert shown == target_progress(demo, target)
    assert shown.assessment.latest is not None and shown.assessment.latest.value == 4400.0


def test_a_write_it_was_not_told_about_empties_it(demo: Workbook) -> None:
    cache = ProgressCache(demo)
    _all_progress(demo, cache)
    gdp = _gdp(demo)
    editing.set_observations(demo, [ObservationEntry(gdp, 2022, 4100.0)])
    _all_progress(demo, cache)
    target = reads.target_by_id(demo, gdp)
    assert target is not None
    latest = cache.target_progress(target).assessment.latest
    assert latest is not None and latest.value == 4100.0


def test_the_same_question_twice_is_answered_from_memory(demo: Workbook) -> None:
    cache = ProgressCache(demo)
    plan = reads.plans(demo)[0]
    first = cache.plan_progress(plan, as_of_year=2022)
    assert cache.plan_progress(plan, as_of_year=2022) is first
    assert cache.plan_progress(plan, as_of_year=2021) is not first


def test_a_change_of_structure_reads_everything_again(demo: Workbook) -> None:
    cache = ProgressCache(demo)
    _all_progress(demo, cache)
    plan = reads.plan_by_code(demo, "LJ2025")
    assert plan is not None and plan.id is not None
    target = reads.target_by_id(demo, _gdp(demo))
    assert target is not None
    changes = editing.delete_target(demo, target.id or 0)
    cache.forget(changes)
    assert all(r.target.id != target.id for r in cache.plan_progress(plan).targets)
    _all_progress(demo, cache)


def test_a_target_asked_twice_is_judged_once_until_its_figures_change(demo: Workbook) -> None:
    cache = ProgressCache(demo)
    target = reads.target_by_id(demo, _gdp(demo))
    assert target is not None
    first = cache.target_progress(target)
    assert cache.target_progress(target) is first
    assert cache.target_progress(target, as_of_year=2021) is not first
    changes = editing.set_observations(demo, [ObservationEntry(_gdp(demo), 2022, 4300.0)])
    cache.forget(changes)
    again = cache.target_progress(target)
    assert again == target_progress(demo, target) != first
    assert again.assessment.latest is not None and again.assessment.latest.value == 4300.0


def test_changed_settings_are_read_again(demo: Workbook) -> None:
    cache = ProgressCache(demo)
    plan = reads.plans(demo)[0]
    cache.plan_progress(plan)
    settings = load_settings(demo)
    changes = save_settings(demo, replace(settings, method=Method.SCHEDULE))
    cache.forget(changes)
    assert cache.plan_progress(plan).settings.method is Method.SCHEDULE
    assert cache.plan_progress(plan) == plan_progress(demo, plan)


def test_a_commit_by_another_connection_is_not_missed(demo_path: Path) -> None:
    with Workbook.open(demo_path) as wb, Workbook.open(demo_path) as other:
        cache = ProgressCache(wb)
        plan = reads.plans(wb)[0]
        cache.plan_progress(plan)
        save_settings(other, replace(load_settings(other), method=Method.SCHEDULE))
        with pytest.raises(WorkbookWrittenElsewhere):  # it would write over what other wrote
            editing.set_observations(wb, [ObservationEntry(_gdp(wb), 2022, 4300.0)])
        assert cache.plan_progress(plan).settings.method is Method.SCHEDULE
        assert cache.plan_progress(plan) == plan_progress(wb, plan)


def test_a_new_year_is_seen_without_any_change(
    demo: Workbook, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A window left open over New Year judges in the year it has become."""
    cache = ProgressCache(demo)
    target = reads.target_by_id(demo, _gdp(demo))
    assert target is not None
    monkeypatch.setattr(clock, "this_year", lambda: 2025)
    assert not cache.target_progress(target).assessment.awaiting_target_figure
    _all_progress(demo, cache)
    monkeypatch.setattr(clock, "this_year", lambda: 2026)
    assert cache.target_progress(target).assessment.awaiting_target_figure
    _all_progress(demo, cache)

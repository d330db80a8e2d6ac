"""Use cases that change a workbook: each is one transaction and one recorded change."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace

from ljtracker.domain import change_names as names
from ljtracker.domain.change_names import ChangeName
from ljtracker.domain.closest import same_but_case
from ljtracker.domain.errors import UserError
from ljtracker.domain.model import Area, Observation, Plan, Quality, Target
from ljtracker.domain.validation import (
    Problem,
    figures_past_limit,
    observation_problems,
    plan_problems,
    target_problems,
)
from ljtracker.services import clock
from ljtracker.services.carried_baselines import FollowingBaseline, baselines_following
from ljtracker.services.changes import Changes
from ljtracker.services.safety import backup_before
from ljtracker.sheets.matching import normalize_name
from ljtracker.storage import reads
from ljtracker.storage.backup import BackupReason
from ljtracker.storage.history import (
    Revision,
    change_summary,
    changes_resting_on,
    code_after,
    later_changes_in_the_way,
    revert_into,
    revisions_of_change,
)
from ljtracker.storage.rows import area_to_row, observation_to_row, plan_to_row, target_to_row
from ljtracker.storage.workbook import Workbook, WorkbookError
from ljtracker.storage.writer import ChangeWriter, Entity, RowGone


class EditError(UserError):
    """The change was refused; nothing was written. `problems` says why."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = list(problems)
        super().__init__(
            "; ".join(p.message_en for p in self.problems),
            "；".join(p.message_zh for p in self.problems),
        )


def _refuse(message_en: str, message_zh: str, field: str = "") -> EditError:
    return EditError([Problem(field, message_en, message_zh)])


def _check(problems: list[Problem]) -> None:
    if problems:
        raise EditError(problems)


def plan_row(wb: Workbook, plan: Plan) -> dict[str, object]:
    _check(plan_problems(plan))
    other = reads.plan_by_code(wb, plan.code)
    if other is not None and other.id != plan.id:
        raise _refuse(
            f"a plan with the code {plan.code} already exists",
            f"代码为 {plan.code} 的规划已存在",
            "code",
        )
    # a code kept as it was stays (a workbook may hold twins from before they were refused)
    # the plan's own code is not its twin: its capitals may be put right
    others = (p.code for p in reads.plans(wb) if p.id != plan.id)
    twin = None if other else same_but_case(plan.code, others)
    if twin is not None:  # one plan typed two ways would read as two plans
        raise _refuse(
            f"the plan code {plan.code} differs from {twin} only in case; choose another code",
            f"规划代码 {plan.code} 与 {twin} 仅大小写不同；请换一个代码",
            "code",
        )
    row = plan_to_row(plan)
    row.pop("id", None)
    return row


def add_plan(wb: Workbook, plan: Plan, name: ChangeName | None = None) -> Changes:
    row = plan_row(wb, plan)
    with wb.change(name or names.add_plan(plan.code)) as w:
        w.insert(Entity.PLAN, row)
    return Changes.of(w)


def update_plan(wb: Workbook, plan: Plan, name: ChangeName | None = None) -> Changes:
    assert plan.id is not None
    row = plan_row(wb, plan)
    with wb.change(name or names.edit_plan(plan.code)) as w:
        w.update(Entity.PLAN, plan.id, row)
    return Changes.of(w)


def _delete_target_rows(w: ChangeWriter, wb: Workbook, target_id: int) -> None:
    for obs in reads.observations(wb, [target_id]):
        assert obs.id is not None
        w.delete(Entity.OBSERVATION, obs.id)
    w.delete(Entity.TARGET, target_id)


def delete_plan(wb: Workbook, plan_id: int, name: ChangeName | None = None) -> Changes:
    plan = reads.plan_by_id(wb, plan_id)
    if plan is None:
        raise _refuse("that plan no longer exists", "该规划已不存在")
    backup_before(wb, BackupReason.BEFORE_DELETE)
    with wb.change(name or names.delete_plan(plan.code)) as w:
        for target in reads.targets(wb, plan_id):
            assert target.id is not None
            _delete_target_rows(w, wb, target.id)
        for area in reads.areas(wb, plan_id):
            assert area.id is not None
            w.delete(Entity.AREA, area.id)
        w.delete(Entity.PLAN, plan_id)
    return Changes.of(w)


def _area_problems(wb: Workbook, area: Area) -> list[Problem]:
    if not (area.name_zh.strip() or area.name_en.strip()):
        return [Problem("name", "the area needs a name", "领域需要名称")]
    problems = []
    siblings = reads.areas(wb, area.plan_id)
    before = next((a for a in siblings if a.id is not None and a.id == area.id), None)
    # An import finds an area by either of its names, read as it reads them.
    taken = {
        normalize_name(name)
        for other in siblings
        if other.id != area.id
        for name in (other.name_zh, other.name_en)
        if name.strip()
    }
    for field in ("name_zh", "name_en"):
        name = getattr(area, field).strip()
        unchanged = before is not None and getattr(before, field).strip() == name
        if name and not unchanged and normalize_name(name) in taken:
            problems.append(
                Problem(
                    field,
                    f"the plan already has an area named {name}",
                    f"该规划已有名为“{name}”的领域",
                )
            )
    return problems


def add_area(wb: Workbook, area: Area, name: ChangeName | None = None) -> Changes:
    _check(_area_problems(wb, area))
    position = max((a.position for a in reads.areas(wb, area.plan_id)), default=0) + 1
    row = area_to_row(replace(area, position=position))
    with wb.change(name or names.add_area(area)) as w:
        w.insert(Entity.AREA, row)
    return Changes.of(w)


def update_area(wb: Workbook, area: Area, name: ChangeName | None = None) -> Changes:
    assert area.id is not None
    _check(_area_problems(wb, area))
    with wb.change(name or names.rename_area(area)) as w:
        w.update(Entity.AREA, area.id, area_to_row(area))
    return Changes.of(w)


def delete_area(wb: Workbook, area_id: int, name: ChangeName | None = None) -> Changes:
    """Delete an area; its targets stay in the plan without an area."""
    area = reads.area_by_id(wb, area_id)
    if area is None:
        raise _refuse("that area no longer exists", "该领域已不存在")
    with wb.change(name or names.delete_area(area)) as w:
        for target in reads.targets(wb, area.plan_id):
            if target.area_id == area_id:
                assert target.id is not None
                w.update(Entity.TARGET, target.id, {"area_id": None})
        w.delete(Entity.AREA, area_id)
    return Changes.of(w)


def _target_row(wb: Workbook, target: Target, before: Target | None = None) -> dict[str, object]:
    _check(target_problems(target, this_year=clock.this_year(), before=before))
    other = reads.target_by_code(wb, target.plan_id, target.code)
    if other is not None and other.id != target.id:
        raise _refuse(
            f"the plan already has a target with the code {target.code}",
            f"该规划已有代码为 {target.code} 的指标",
            "code",
        )
    codes = (t.code for t in reads.targets(wb, target.plan_id) if t.id != target.id)
    twin = None if other else same_but_case(target.code, codes)  # as for plans
    if twin is not None:  # an import or a paste naming the one would be refused as the other
        raise _refuse(
            f"the target code {target.code} differs from {twin} only in case; choose another code",
            f"指标代码 {target.code} 与 {twin} 仅大小写不同；请换一个代码",
            "code",
        )
    if target.area_id is not None:
        area_ids = {a.id for a in reads.areas(wb, target.plan_id)}
        if target.area_id not in area_ids:
            raise _refuse("the area is not in this plan", "该领域不属于此规划", "area")
    row = target_to_row(target)
    row.pop("id", None)
    return row


def add_target(wb: Workbook, target: Target, name: ChangeName | None = None) -> Changes:
    position = max((t.position for t in reads.targets(wb, target.plan_id)), default=0) + 1
    row = _target_row(wb, replace(target, position=position))
    with wb.change(name or names.add_target(target.code)) as w:
        w.insert(Entity.TARGET, row)
    return Changes.of(w)


def update_target(wb: Workbook, target: Target, name: ChangeName | None = None) -> Changes:
    target_id = target.id
    assert target_id is not None
    before = reads.target_by_id(wb, target_id)
    if before is not None and before.area_id != target.area_id:  # last of its new area
        siblings = reads.targets(wb, target.plan_id)
        target = replace(target, position=max(t.position for t in siblings) + 1)
    row = _target_row(wb, target, before)
    if before is not None and before.natural_limit != target.natural_limit:
        _check(figures_past_limit(target.natural_limit, reads.observations(wb, [target_id])))
    with wb.change(name or names.edit_target(target.code)) as w:
        w.update(Entity.TARGET, target_id, row)
    return Changes.of(w)


def delete_target(wb: Workbook, target_id: int, name: ChangeName | None = None) -> Changes:
    target = reads.target_by_id(wb, target_id)
    if target is None:
        raise _refuse("that target no longer exists", "该指标已不存在")
    backup_before(wb, BackupReason.BEFORE_DELETE)
    with wb.change(name or names.delete_target(target.code)) as w:
        _delete_target_rows(w, wb, target_id)
    return Changes.of(w)


def move(wb: Workbook, entity: Entity, ordered_ids: Sequence[int], name: ChangeName) -> Changes:
    """Reorder areas or targets: `ordered_ids` in their new order. They share out the numbers
    they held, so that only those whose place changed are written and recorded as moved (after
    a deletion left a gap, numbering them from 1 moved every one after the gap)."""
    assert entity in (Entity.AREA, Entity.TARGET)
    with wb.change(name) as w:
        rows = [w.get(entity, entity_id) for entity_id in ordered_ids]
        numbers = sorted(row["position"] for row in rows if row is not None)
        if len(set(numbers)) != len(ordered_ids):  # shared or missing: numbered afresh
            numbers = list(range(1, len(ordered_ids) + 1))
        for position, entity_id in zip(numbers, ordered_ids, strict=True):
            w.update(entity, entity_id, {"position": position})
    return Changes.of(w)


@dataclass(frozen=True)
class ObservationEntry:
    """A figure to set for a target and year; `value` None removes the figure."""

    target_id: int
    year: int
    value: float | None
    quality: Quality = Quality.OFFICIAL
    source: str = ""
    note: str = ""


def entry_problems(
    target: Target, old: Observation | None, entry: ObservationEntry, this_year: int
) -> list[Problem]:
    """Why a figure entered for `target`, where it had `old`, is refused; none for taking a
    figure out. A figure already past a limit set later may keep its value (and take a note)."""
    if entry.value is None:
        return []
    kept = old is not None and old.value == entry.value
    observation = Observation(entry.target_id, entry.year, entry.value, entry.quality)
    return observation_problems(
        observation,
        None if kept else target.natural_limit,
        this_year=None if kept else this_year,
    )


def set_observations(
    wb: Workbook, entries: Sequence[ObservationEntry], name: ChangeName | None = None
) -> Changes:
    """Set, correct or remove figures, all in one change; unchanged figures record nothing."""
    targets = reads.targets_by_id(wb, {e.target_id for e in entries})
    existing = {
        (o.target_id, o.year): o for o in reads.observations(wb, {e.target_id for e in entries})
    }
    problems: list[Problem] = []
    now = clock.this_year()
    for entry in entries:
        target = targets.get(entry.target_id)
        old = existing.get((entry.target_id, entry.year))
        if target is None:
            problems.append(Problem("target", "that target no longer exists", "该指标已不存在"))
        else:
            problems += [
                Problem(
                    p.field,
                    f"{target.code} {entry.year}: {p.message_en}",
                    f"{target.code} {entry.year}年：{p.message_zh}",
                )
                for p in entry_problems(target, old, entry, now)
            ]
    _check(problems)
    revised: list[tuple[Target, Observation, Observation]] = []
    with wb.change(name or _describe(entries, targets)) as w:
        for entry in entries:
            old = existing.get((entry.target_id, entry.year))
            if entry.value is None:
                if old is not None:
                    assert old.id is not None
                    w.delete(Entity.OBSERVATION, old.id)
                continue
            new = Observation(
                entry.target_id, entry.year, entry.value, entry.quality, entry.source, entry.note
            )
            row = observation_to_row(new)
            if old is None:
                w.insert(Entity.OBSERVATION, row)
            else:
                assert old.id is not None
                if w.update(Entity.OBSERVATION, old.id, row):
                    revised.append((targets[entry.target_id], old, new))
        followed = _baselines_following(wb, revised)
        for following in followed:
            assert following.target.id is not None
            if following.problem is None:
                w.update(Entity.TARGET, following.target.id, following.values())
    return replace(Changes.of(w), followed_baselines=tuple(followed))


def _baselines_following(
    wb: Workbook, revised: Sequence[tuple[Target, Observation, Observation]]
) -> list[FollowingBaseline]:
    """The later plans' baselines carried from the revised figures, which follow them."""
    if not revised:
        return []
    plans = {plan.id: plan for plan in reads.plans(wb)}

    def target_in(plan: Plan, code: str) -> Target | None:
        return reads.target_by_code(wb, plan.id or 0, code)

    return [
        following
        for target, before, after in revised
        for following in baselines_following(
            plans[target.plan_id], before, after, target.code, plans.values(), target_in
        )
    ]


def _describe(entries: Sequence[ObservationEntry], targets: Mapping[int, Target]) -> ChangeName:
    if len(entries) == 1:
        entry = entries[0]
        code = targets[entry.target_id].code
        if entry.value is None:
            return names.remove_figure(code, entry.year)
        return names.set_figure(code, entry.year)
    return names.set_figures(len(entries))


Refusal = Callable[[int, Sequence[int]], EditError]
AlreadyReverted = Callable[[int, int], EditError]


def revert_recorded(
    wb: Workbook,
    change_id: int,
    name: ChangeName,
    *,
    in_the_way: Refusal | None = None,
    already: AlreadyReverted | None = None,
) -> Changes:
    """Undo any recorded change, not only the last, as a new change; refused while a later
    change that wrote one of its rows is in effect (revert that first), so that no later edit
    is lost. `in_the_way` and `already` word the refusals for where it is asked (the window's
    Undo, its history)."""
    refused = revert_refusal(wb, change_id, in_the_way=in_the_way, already=already)
    if refused is not None:
        raise refused
    revisions = revisions_of_change(wb, change_id)
    # said before the backup such a revert takes is made
    if _deletes(revisions) and (resting := changes_resting_on(wb, change_id, revisions)):
        raise (in_the_way or _resting_first)(change_id, resting)
    try:
        return revert(wb, change_id, name, revisions)
    except RowGone as e:  # a row it wrote deleted since, unrecorded: the change is undone
        raise _changed_outside(
            change_id,
            "a row it wrote is no longer in the workbook, though no recorded change deleted it",
            "其写入的一行已不在工作簿中，但没有任何已记录的更改删除它",
        ) from e
    except WorkbookError as e:
        if not isinstance(e.__cause__, sqlite3.IntegrityError):
            raise
        # later changes rest on what it wrote (figures of a target it added, say) or take a
        # place it would give back (a figure added again after it removed one)
        resting = changes_resting_on(wb, change_id, revisions)
        if not resting:  # no change in effect wrote what is in the way: another program did
            raise _changed_outside(
                change_id,
                "what it would write back clashes with a row that no recorded change in effect"
                " wrote",
                "其要写回的内容与一行并非由任何仍有效的已记录更改写入的数据冲突",
            ) from e
        raise (in_the_way or _resting_first)(change_id, resting) from e


def _changed_outside(change_id: int, what_en: str, what_zh: str) -> EditError:
    return _refuse(
        f"change #{change_id} cannot be reverted: {what_en} (another program changed the"
        " file); nothing was changed. `ljtracker check` looks the workbook over.",
        f"更改 #{change_id} 无法撤回：{what_zh}（文件曾被其他程序修改）；未做任何更改。"
        "可用 `ljtracker check` 检查工作簿。",
    )


def revert_refusal(
    wb: Workbook,
    change_id: int,
    *,
    in_the_way: Refusal | None = None,
    already: AlreadyReverted | None = None,
) -> EditError | None:
    """Why the change cannot be reverted now, as far as can be told before trying: reverted
    already, or a later change to its rows in effect; None when nothing is in the way."""
    later = later_changes_in_the_way(wb, change_id)
    undone_by = [n for n in later if (c := change_summary(wb, n)) and c.reverts == change_id]
    if later and undone_by == later:  # "revert those first" meant: redo it, then undo it
        return (already or _already_reverted)(change_id, undone_by[-1])
    if undone_by and already is not None:  # the window's history, which shows no numbers
        return _reverted_above_and_changed()
    if undone_by and in_the_way is None:  # not "revert its own revert first"
        since = [n for n in later if n not in undone_by]
        return _reverted_and_changed_since(change_id, undone_by[-1], since)
    if later:  # a revert among them still in the way of a later edit: that edit first
        return (in_the_way or _same_rows_first)(change_id, later)
    return None


def _reverted_and_changed_since(change_id: int, revert_id: int, since: Sequence[int]) -> EditError:
    listed = _numbers(since)
    return _refuse(
        f"change #{change_id} is already reverted, by #{revert_id}, and what it changed was"
        f" changed again since ({listed})",
        f"更改 #{change_id} 已被 #{revert_id} 撤回，其所改的内容此后又被修改（{listed}）",
    )


def _resting_first(change_id: int, later: Sequence[int]) -> EditError:
    return _later_changes_first(change_id, later, _RESTING)


def _already_reverted(change_id: int, revert_id: int) -> EditError:
    return _refuse(
        f"change #{change_id} is already reverted, by #{revert_id} (reverting #{revert_id}"
        " would redo it)",
        f"更改 #{change_id} 已被 #{revert_id} 撤回（撤回 #{revert_id} 可将其重做）",
    )


def _same_rows_first(change_id: int, later: Sequence[int]) -> EditError:
    return _later_changes_first(change_id, later, _SAME_ROWS)


def revert_from_history(wb: Workbook, change_id: int, name: ChangeName) -> Changes:
    """As revert_recorded, for the window's history, which shows no change numbers: a
    refusal says what to do without them."""
    return revert_recorded(
        wb, change_id, name, in_the_way=_later_changes_in_effect, already=_reverted_above
    )


def history_revert_refusal(wb: Workbook, change_id: int) -> EditError | None:
    """revert_refusal in the history's words, to be said before anything is asked, with the
    later changes resting on the change."""
    refused = revert_refusal(
        wb, change_id, in_the_way=_later_changes_in_effect, already=_reverted_above
    )
    if refused is None:
        resting = changes_resting_on(wb, change_id, revisions_of_change(wb, change_id))
        refused = _later_changes_in_effect(change_id, resting) if resting else None
    return refused


def _later_changes_in_effect(_change_id: int, _later: Sequence[int]) -> EditError:
    return _refuse(
        "It cannot be reverted while later changes to what it wrote, or resting on it, are in"
        " effect: revert those first, newest first (with Undo, or from the history of the"
        " targets they changed).",
        "之后还有更改涉及或依赖其所改的内容，暂不能撤回：请先从最新的开始撤回那些更改"
        "（用“撤销”，或在相应指标的修订历史中撤回）。",
    )


def _reverted_above_and_changed() -> EditError:
    return _refuse(
        "It is already reverted: its revert is higher up in this history, and what it changed"
        " was changed again since.",
        "该更改已撤回：其撤回记录在本修订历史的上方，且其所改的内容此后又被修改。",
    )


def _reverted_above(_change_id: int, _revert_id: int) -> EditError:
    return _refuse(
        "It is already reverted: its revert is higher up in this history, and reverting that"
        " redoes it.",
        "该更改已撤回：其撤回记录在本修订历史的上方，撤回那条记录即可重做。",
    )


@dataclass(frozen=True)
class Reach:
    """What reverting a recorded change takes back beyond one target's figures and definition:
    other targets (their definitions or figures), their figures, plans or areas, and whether
    it deletes the target itself (the change created it)."""

    targets: int
    figures: int
    structure: bool
    deletes_target: bool

    @property
    def beyond(self) -> bool:
        return bool(self.targets or self.figures or self.structure or self.deletes_target)


def reach_beyond(wb: Workbook, change_id: int, target_id: int) -> Reach:
    others: set[object] = set()
    figures, structure, deletes = 0, False, False
    for rev in revisions_of_change(wb, change_id):
        row = rev.new or rev.old or {}
        if rev.entity is Entity.OBSERVATION and row.get("target_id") != target_id:
            figures += 1
            others.add(row.get("target_id"))
        elif rev.entity is Entity.TARGET and rev.entity_id != target_id:
            others.add(rev.entity_id)
        elif rev.entity is Entity.TARGET and rev.action == "insert":
            deletes = True
        elif rev.entity in (Entity.PLAN, Entity.AREA):
            structure = True
    return Reach(len(others), figures, structure, deletes)


def revert_name(wb: Workbook, change_id: int) -> ChangeName:
    """What reverting a recorded change is called: "Revert: …", or "Redo: …" for the revert of
    a revert (reverting it redoes what it undid)."""
    change = change_summary(wb, change_id)
    if change is None:
        raise _refuse(f"there is no change #{change_id}", f"没有更改 #{change_id}")
    undone = None if change.reverts is None else change_summary(wb, change.reverts)
    return names.redo(undone.name) if undone is not None else names.revert(change.name)


def undo_recorded(wb: Workbook, change_id: int, name: ChangeName) -> Changes:
    """As revert_recorded, for the window's Undo and Redo: its own later changes are undone
    first, so a change in the way was made outside it, which is said in the window's words."""
    return revert_recorded(wb, change_id, name, in_the_way=_changed_outside_the_window)


def _changed_outside_the_window(change_id: int, later: Sequence[int]) -> EditError:
    listed = _numbers(later)
    return _refuse(
        f"what this step changed was changed again since, outside this window ({listed} in"
        " `ljtracker changes`); nothing was changed here. Open the workbook again to see"
        " it; once it is closed here, `ljtracker revert` can take that change back.",
        f"这一步所改的内容此后又在本窗口之外被修改（`ljtracker changes` 中的 {listed}）；"
        "此处未做任何更改。请重新打开工作簿查看；在此关闭工作簿后，可用 `ljtracker revert`"
        " 撤销那次修改。",
    )


def _numbers(changes: Sequence[int]) -> str:
    """ "#3, #4", the first five and an ellipsis for more."""
    return ", ".join(f"#{n}" for n in changes[:5]) + (" …" if len(changes) > 5 else "")


# why later changes keep a change from being reverted, in English and Chinese
_SAME_ROWS = ("it was followed by changes to the same rows", "之后又有更改涉及相同的内容")
_RESTING = ("later changes rest on what it wrote", "之后的更改以其内容为基础")


def _later_changes_first(change_id: int, later: Sequence[int], why: tuple[str, str]) -> EditError:
    listed = _numbers(later)
    return _refuse(
        f"change #{change_id} cannot be reverted: {why[0]} ({listed}); revert those first,"
        " newest first",
        f"更改 #{change_id} 无法撤回：{why[1]}（{listed}）；请先从最新的开始撤回这些更改",
    )


_DELETED_WITH_A_BACKUP = frozenset({Entity.PLAN, Entity.TARGET})


def _deletes(revisions: Sequence[Revision]) -> bool:
    """Whether reverting these revisions deletes plans or targets (a backup is made first)."""
    return any(r.action == "insert" and r.entity in _DELETED_WITH_A_BACKUP for r in revisions)


def revert(
    wb: Workbook,
    change_id: int,
    name: ChangeName | None = None,
    revisions: list[Revision] | None = None,
) -> Changes:
    """Undo a recorded change (or redo one, by reverting its revert) as a new change;
    `revisions`: the change's, where they were read already."""
    if revisions is None:
        revisions = revisions_of_change(wb, change_id)
    if not revisions:
        raise _refuse("there is nothing to revert in that change", "该次修改没有可撤回的内容")
    if _deletes(revisions):
        backup_before(wb, BackupReason.BEFORE_DELETE)  # reverting it deletes plans or targets
    with wb.change(name or names.revert(revisions[0].name)) as w:
        w.reverts = change_id
        revert_into(w, revisions)
        _refuse_twins_given_back(wb, change_id, revisions)  # rolls the revert back
    return Changes.of(w)


def _refuse_twins_given_back(wb: Workbook, change_id: int, revisions: Sequence[Revision]) -> None:
    """A code a revert gives back (a rename taken back, a plan or target deleted brought
    back) refused when another code differing from it only in case was given to a row since
    the change, as adding or renaming refuses it; twins from before they were refused are
    left as they were."""
    given = {
        (rev.entity, rev.entity_id): str(rev.old["code"])
        for rev in revisions
        if rev.entity in (Entity.PLAN, Entity.TARGET)
        and rev.old is not None
        and "code" in rev.old
        and (rev.new is None or rev.new.get("code") != rev.old["code"])
    }
    for (entity, entity_id), code in given.items():
        if entity is Entity.PLAN:
            rows = [(p.id, p.code) for p in reads.plans(wb)]
            kind_en, kind_zh = "plan code", "规划代码"
        else:
            target = reads.target_by_id(wb, entity_id)
            rows = (
                []
                if target is None
                else [(t.id, t.code) for t in reads.targets(wb, target.plan_id)]
            )
            kind_en, kind_zh = "target code", "指标代码"
        for other_id, other in rows:
            if other_id is None or (entity, other_id) in given:
                continue  # given back together: as they were before the change
            if same_but_case(code, [other]) is None:
                continue
            then = code_after(wb, entity, other_id, change_id, other)
            if then is not None and same_but_case(code, [then]) is not None:
                continue  # twins already when the change was made (let in before refused)
            raise _refuse(
                f"change #{change_id} cannot be reverted: it would give back the {kind_en}"
                f" {code}, which differs from {other} only in case; rename {other} first",
                f"更改 #{change_id} 无法撤回：撤回后将恢复{kind_zh} {code}，与 {other}"
                f" 仅大小写不同；请先重命名 {other}",
            )

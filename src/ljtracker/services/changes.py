"""The small value every service returns: what its change touched."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ljtracker.storage.writer import ChangeWriter

if TYPE_CHECKING:
    from ljtracker.services.carried_baselines import FollowingBaseline


@dataclass(frozen=True)
class Changes:
    change_id: int | None = None  # None: nothing differed, nothing was recorded
    plan_ids: frozenset[int] = frozenset()
    target_ids: frozenset[int] = frozenset()
    years: frozenset[int] = frozenset()
    structure: bool = False  # plans, areas or targets added, removed, reordered or renamed
    settings: bool = False
    # later plans' baselines that followed a figure revised by the change
    followed_baselines: tuple[FollowingBaseline, ...] = ()

    @property
    def empty(self) -> bool:
        return self.change_id is None

    @classmethod
    def of(cls, writer: ChangeWriter) -> Changes:
        t = writer.touched
        return cls(
            change_id=writer.change_id,
            plan_ids=frozenset(t.plan_ids),
            target_ids=frozenset(t.target_ids),
            years=frozenset(t.years),
            structure=t.structure,
            settings=t.settings,
        )

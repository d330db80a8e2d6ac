"""The progress engine: quantities, status and explanation of a target, as in METHOD.md."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cached_property, partial
from typing import Any, NamedTuple

from ljtracker.domain import explain
from ljtracker.domain.explain import STATUS_LABELS, Context, Movement, Reason
from ljtracker.domain.model import (
    Comparator,
    Kind,
    Method,
    Observation,
    Quality,
    Settings,
    Status,
    Target,
    Thresholds,
    Trajectory,
    reaches,
)
from ljtracker.domain.number_text import format_number, format_percent, format_ratio
from ljtracker.domain.quantities import (
    Frame,
    Quantities,
    Quantity,
    first_from,
    frame_of,
    number,
    reason_of,
    undefined,
    usable_figures,
    year_of,
)
from ljtracker.domain.status_look import Shown, shown_as
from ljtracker.domain.status_rules import (
    monitoring_cuts,
    ratio_cuts,
    status_from_growth_ratio,
    status_from_monitoring_growth,
    status_from_projection_ratio,
    status_from_schedule_index,
)
from ljtracker.domain.trajectory import planned_path, planned_value

__all__ = [
    "STATUS_LABELS",
    "Assessment",
    "Quantity",
    "assess",
    "format_number",
    "format_percent",
    "format_ratio",
    "planned_path",
    "planned_value",
    "status_from_growth_ratio",
    "status_from_monitoring_growth",
    "status_from_projection_ratio",
    "status_from_schedule_index",
]

_DEFAULT_SETTINGS = Settings()
Sentence = Callable[[], tuple[str, str]]
_WARNED = frozenset({Status.NEEDS_ACCELERATION, Status.LIMITED_PROGRESS, Status.DETERIORATION})

# Years between the latest figure and the year judged from which the sentence says how old the
# figure is (a figure a year behind is the usual lag of published statistics).
OLD_AFTER = 2


@dataclass(frozen=True)
class Assessment:
    status: Status
    warning: bool
    baseline_year: int | None
    baseline_value: float | None
    baseline_from_first_observation: bool
    latest: Observation | None
    quantities: Quantities  # achievement, elapsed, ... projected: read them by their names
    ratio: Quantity
    method: Method
    # the explanation in both languages, written when first asked for: a status is judged far
    # more often than its sentence is read
    sentence: Sentence = field(compare=False, repr=False)
    # years from the latest figure to the year judged, when that makes the figure old
    latest_age: int | None = None
    # a figure of the target year (or later) is in, and the target is not met
    missed: bool = False
    # judged after the target year, whose figure is not in (whether it was met is not known):
    # the status its last figure gave
    last_pace: Status | None = None
    # the first figure, when it serves as the baseline (no baseline set)
    first_figure: Observation | None = None
    # the figure of its target year that met it, when a later one (the latest) does not
    met_in_time: Observation | None = None
    # the figures the status rests on, oldest first: the one that met the target in its year,
    # the latest, or a lone first figure that met or missed it; and the figure of the target
    # year that missed it
    resting_on: tuple[Observation, ...] = ()

    @property
    def achievement(self) -> Quantity:
        return self.quantities.achievement

    @property
    def elapsed(self) -> Quantity:
        return self.quantities.elapsed

    @property
    def planned_value(self) -> Quantity:
        return self.quantities.planned

    @property
    def schedule_index(self) -> Quantity:
        return self.quantities.schedule_index

    @property
    def observed_growth(self) -> Quantity:
        return self.quantities.observed_growth

    @property
    def required_growth(self) -> Quantity:
        return self.quantities.required_growth

    @property
    def required_growth_from_latest(self) -> Quantity:
        return self.quantities.required_growth_from_latest

    @property
    def required_yearly_amount(self) -> Quantity:
        return self.quantities.required_yearly_amount

    @property
    def projected_value(self) -> Quantity:
        return self.quantities.projected

    @property
    def shown(self) -> Shown:
        """What the target is counted and marked as: MISSED once its year has come unmet
        (its pace is its status), else its status."""
        return shown_as(self.status, self.missed)

    @property
    def shown_latest(self) -> Observation | None:
        """The latest figure as views show it: a lone first figure, which serves as the
        baseline, is the latest there is too (shown as missing, it read as never entered)."""
        return self.latest if self.latest is not None else self.first_figure

    @property
    def awaiting_target_figure(self) -> bool:
        return self.last_pace is not None

    @cached_property
    def _explanation(self) -> tuple[str, str]:
        return self.sentence()

    @property
    def explanation_en(self) -> str:
        return self._explanation[0]

    @property
    def explanation_zh(self) -> str:
        return self._explanation[1]

    def status_text(self, lang: str) -> str:
        """The status as a cell shows it, with what became of the target's year and ⚠."""
        return explain.status_text(
            self.status,
            lang,
            warning=self.warning,
            missed=self.missed,
            awaiting=self.awaiting_target_figure,
        )


def projection_shown(assessment: Assessment, target_year: int | None) -> Quantity:
    """The projection to the target year as views show it: once that year's figure (or a later
    one) is in, the figure says where the target ended, and a projection would only repeat it
    ("2025 projected" beside the 2025 figure read as if the figure were still to come)."""
    latest = assessment.shown_latest  # a lone first figure, serving as the baseline, too
    if latest is not None and target_year is not None and latest.year >= target_year:
        return undefined(explain.TARGET_YEAR_REACHED)
    return assessment.projected_value


def _context(
    target: Target, t0: int, y0: float, from_first: bool, latest: Observation | None
) -> Context | None:
    if latest is None:
        return None
    return Context(
        unit=target.unit,
        comparator=target.comparator,
        sign=target.sign,
        baseline_year=t0,
        baseline_value=y0,
        baseline_from_first_observation=from_first,
        latest_year=latest.year,
        latest_value=latest.value,
        target_year=target.target_year,
        target_value=target.target_value,
        tolerance=abs(target.tolerance or 0.0),
    )


_ContextOf = tuple[Target, int, float, bool, Observation | None]  # what _context reads

# Sentences are partials rather than closures: every judged target keeps its sentence, and a
# partial is one object where a closure is a function and a cell for each name it holds.


def _told(write: Callable[..., tuple[str, str]], f: Frame, *args: Any, **kwargs: Any) -> Sentence:
    """The sentence `write(context, *args, **kwargs)` gives, with the frame's context made only
    once the sentence is written. What the context reads of the frame is kept, not its
    figures: a report holds every target's sentence, and would hold all their figures."""
    frame: _ContextOf = (f.target, f.t0, f.y0, f.from_first, f.latest)
    return partial(_written, write, frame, *args, **kwargs)


def _written(
    write: Callable[..., tuple[str, str]], frame: _ContextOf, *args: Any, **kwargs: Any
) -> tuple[str, str]:
    return write(_context(*frame), *args, **kwargs)


def _then(sentence: Sentence, add: Callable[..., tuple[str, str]], *args: Any) -> Sentence:
    """The sentence with `add(text, *args)` applied to it once it is written."""
    return partial(_added, sentence, add, *args)


def _added(sentence: Sentence, add: Callable[..., tuple[str, str]], *args: Any) -> tuple[str, str]:
    return add(sentence(), *args)


class _Verdict(NamedTuple):
    status: Status
    ratio: Quantity
    method: Method
    text: Sentence
    too_late: bool = False  # on track by its pace, but its year has come unmet


def assess(
    target: Target,
    observations: Sequence[Observation],
    *,
    as_of_year: int | None = None,
    this_year: int | None = None,
    settings: Settings = _DEFAULT_SETTINGS,
) -> Assessment:
    """Judge a target's progress from its observations up to as_of_year (all when None).

    `this_year` is the year it is: judged on all figures, a target whose year is over by
    then without its figure is awaited, as it is judged as of its target year or later."""
    usable = usable_figures(observations, as_of_year)
    of_target_year = _of_target_year(target, usable)
    frame = frame_of(target, usable)
    if frame is None:
        awaited = _awaited(target, of_target_year, as_of_year, this_year)
        return _without_baseline(target, settings.method, awaited=awaited)
    q = Quantities(frame)
    due = _missed(target, of_target_year)
    # the missed sentence gives the target year's figure first: when it is the latest, the
    # pace's sentence need not repeat it (nor project that year)
    latest = frame.latest
    told = due is not None and latest is not None and latest.year == due.year == target.target_year
    verdict = _verdict(frame, q, settings, time_up=due is not None, figure_told=told)
    met = _met_in_time(target, of_target_year)
    since = latest is not None and met is not None and latest.year > met.year
    if met is not None and since and verdict.status is not Status.TARGET_ACHIEVED:
        # met in its year, and short of it since: met (a later figure does not undo it)
        text = _told(explain.met_in_time, frame, met.year, met.value)
        verdict = _Verdict(Status.TARGET_ACHIEVED, verdict.ratio, verdict.method, text)
    else:
        met = None
    # achieved late is achieved (METHOD counts a target met "whatever the year"), and said to
    # be late; a pace that cannot be judged does not hide a target year's figure that falls short
    text = verdict.text
    if verdict.status is Status.TARGET_ACHIEVED:
        if due is not None:
            text = _then(text, explain.with_met_late, target, due.year, due.value)
        due = None
    if due is not None:
        late = verdict.too_late
        text = _then(text, partial(explain.with_missed, late=late), target, due.year, due.value)
    pace = verdict.status
    awaited = (
        _awaited(target, of_target_year, as_of_year, this_year)
        and pace is not Status.TARGET_ACHIEVED
    )
    if awaited:
        verdict, q = _awaiting_target_year(frame, q, verdict)
        text = verdict.text
    # a binding target missed in its year is warned of whatever its pace; one whose year is
    # over without its figure, unless its last figure had it on track
    warning = target.kind is Kind.BINDING and (
        verdict.status in _WARNED or due is not None or (awaited and pace is not Status.ON_TRACK)
    )
    text = _then(text, explain.with_warning) if warning else text
    other = _other_baseline_figure(target, usable)
    if other is not None:
        assert target.baseline_value is not None
        text = _then(
            text,
            explain.with_other_baseline_figure,
            other.year,
            other.value,
            target.baseline_value,
            target.unit,
        )
    # a lone first figure, serving as the baseline, is shown as the latest too: marked old
    # when it is, as a latest figure would be (its sentence names its year already)
    first_figure = usable[0] if frame.from_first else None
    shown = frame.latest or first_figure
    age = None
    if _old(shown, target.target_year, as_of_year):
        assert shown is not None and as_of_year is not None
        age = as_of_year - shown.year
        if frame.latest is not None and not awaited:  # awaited: its sentence names the year
            text = _then(text, explain.with_age, frame.latest.year, as_of_year)
    judged = pace is not Status.NOT_ASSESSABLE or due is not None
    basis = (met or frame.latest or first_figure) if judged else None
    resting = sorted({f.year: f for f in (basis, due) if f is not None}.values(), key=year_of)
    for figure in resting:
        if figure.quality is not Quality.OFFICIAL:
            text = _then(text, explain.with_quality, figure.year, figure.quality)
    return Assessment(
        status=verdict.status,
        warning=warning,
        baseline_year=frame.t0,
        baseline_value=frame.y0,
        baseline_from_first_observation=frame.from_first,
        latest=frame.latest,
        quantities=q,
        ratio=verdict.ratio,
        method=verdict.method,
        sentence=text,
        latest_age=age,
        missed=due is not None,
        last_pace=pace if awaited else None,
        first_figure=first_figure,
        met_in_time=met,
        resting_on=() if awaited else tuple(resting),  # awaited: it rests on no figure
    )


def _other_baseline_figure(target: Target, usable: Sequence[Observation]) -> Observation | None:
    """A figure of the baseline year that is not the baseline set with the target."""
    year = target.baseline_year
    if year is None or target.baseline_value is None:
        return None
    found = first_from(usable, year)
    if found is None or found.year != year or found.value == target.baseline_value:
        return None
    return found


def _of_target_year(target: Target, usable: Sequence[Observation]) -> Observation | None:
    """The first figure of the target year or after; None without a target year."""
    year = target.target_year
    return None if year is None else first_from(usable, year)


def _missed(target: Target, of_target_year: Observation | None) -> Observation | None:
    """The first figure of the target year or after, when it does not meet the target: the
    target was missed (a later figure does not undo that, nor an earlier one meeting it)."""
    if target.comparator is None or target.target_value is None or of_target_year is None:
        return None
    return None if target.met_by(of_target_year.value) else of_target_year


def _met_in_time(target: Target, of_target_year: Observation | None) -> Observation | None:
    """The first figure of the target year or after, when it meets the target."""
    if target.comparator is None or target.target_value is None or of_target_year is None:
        return None
    return of_target_year if target.met_by(of_target_year.value) else None


def _awaited(
    target: Target,
    of_target_year: Observation | None,
    as_of_year: int | None,
    this_year: int | None,
) -> bool:
    """Whether the target's year has come when judged and no figure of it (or after it) is
    in, whatever figures came before: as of that year or a later one (a report as of a year
    gives the same answer whenever it is made); on all figures, once the year it is has
    come after it (while the target year runs, its figure cannot be in)."""
    year = target.target_year
    if year is None or target.comparator is None:
        return False
    if as_of_year is not None:
        come = as_of_year >= year
    else:
        come = this_year is not None and this_year > year
    return come and of_target_year is None


def _awaiting_target_year(f: Frame, q: Quantities, pace: _Verdict) -> tuple[_Verdict, Quantities]:
    """A target whose year is over without its figure: whether it was met cannot be said yet,
    and no amount is still needed "from now"; its pace by the last figure is told."""
    year = f.target.target_year
    assert year is not None
    last = f.latest.year if f.latest is not None else f.t0
    paced = pace.status is not Status.NOT_ASSESSABLE

    def text() -> tuple[str, str]:
        told = pace.text() if paced else None
        return explain.awaiting_target_figure(year, last, told, pace.status)

    over = undefined(explain.target_year_come(year))
    # the pace's ratio stays shown, as its sentence gives it
    judged = _Verdict(Status.NOT_ASSESSABLE, pace.ratio, pace.method, text)
    return judged, q.with_time_up(over)


def _old(latest: Observation | None, target_year: int | None, as_of_year: int | None) -> bool:
    """Whether the year judged lies far after the latest figure, and before the target year's
    own figure (a target's last figure does not age once its year is past)."""
    if latest is None or as_of_year is None or as_of_year - latest.year < OLD_AFTER:
        return False
    return target_year is None or latest.year < target_year


def _without_baseline(target: Target, method: Method, *, awaited: bool) -> Assessment:
    """Nothing to judge by. Once the target's year has come, that is said as of a target
    whose figure is awaited, and a binding one is warned of: nothing shows it met."""
    none = undefined(explain.NO_BASELINE)
    sentence: Sentence = partial(explain.not_assessable, None, explain.NO_BASELINE)
    if awaited:
        assert target.target_year is not None
        sentence = partial(explain.awaited_without_figures, target.target_year)
        if target.kind is Kind.BINDING:
            sentence = _then(sentence, explain.with_warning)
    return Assessment(
        status=Status.NOT_ASSESSABLE,
        warning=awaited and target.kind is Kind.BINDING,
        baseline_year=None,
        baseline_value=None,
        baseline_from_first_observation=False,
        latest=None,
        quantities=Quantities.all_undefined(explain.NO_BASELINE),
        ratio=none,
        method=Method.GROWTH_RATIO if target.is_monitoring else method,
        sentence=sentence,
        last_pace=Status.NOT_ASSESSABLE if awaited else None,
    )


def _refuse(f: Frame, reason: Reason, method: Method, *, time_up: bool = False) -> _Verdict:
    """Not assessable; once the target's year has come unmet, only its pace is (the missed
    target's sentence says the result first)."""
    text = _told(explain.not_assessable, f, reason, pace_only=time_up)
    return _Verdict(Status.NOT_ASSESSABLE, undefined(reason), method, text)


def _single_figure(f: Frame, method: Method, time_up: bool) -> _Verdict:
    """One figure and no baseline of the target's own: achieved if it meets the target."""
    target = f.target
    assert f.value is not None
    ctx = Context(
        unit=target.unit,
        comparator=target.comparator,
        sign=target.sign,
        baseline_year=f.t0,
        baseline_value=f.y0,
        baseline_from_first_observation=False,
        latest_year=f.t0,
        latest_value=f.y0,
        target_year=target.target_year,
        target_value=target.target_value,
        tolerance=abs(target.tolerance or 0.0),
    )
    reason = f.why_no_latest
    assert reason is not None  # the only figure
    if target.comparator is Comparator.ABOUT or not target.met_by(f.y0):
        # a figure of the target year that falls short is said to be missed, in its own words
        of_target_year = target.target_year is not None and f.t0 >= target.target_year
        if of_target_year and time_up:
            # missed in its year: the missed sentence before this one gives the figure
            text = _told(explain.not_assessable, f, explain.ONLY_FIGURE, pace_only=True)
            return _Verdict(Status.NOT_ASSESSABLE, undefined(reason), method, text)
        short = reason if of_target_year else reason.plus(explain.not_meeting(ctx))
        return _refuse(f, short, method, time_up=time_up)
    text = partial(explain.achieved_by_only_figure, ctx)
    return _Verdict(Status.TARGET_ACHIEVED, undefined(reason), method, text)


def _in_time(status: Status, time_up: bool) -> Status:
    """Once the target's year has come unmet, a pace that would have met it in time is too
    late: such a target needs acceleration at best, never on track."""
    return Status.NEEDS_ACCELERATION if time_up and status is Status.ON_TRACK else status


def _verdict(
    f: Frame,
    q: Quantities,
    settings: Settings,
    *,
    time_up: bool = False,
    figure_told: bool = False,
) -> _Verdict:
    target, method = f.target, settings.method
    if target.is_monitoring:
        return _monitoring(f, q, settings.thresholds)
    if f.latest is None and f.from_first and f.value is not None:
        return _single_figure(f, method, time_up)
    if f.latest is None or f.value is None:
        why = f.why_no_latest or f.why_no_value or explain.NO_LATEST
        return _refuse(f, why, method, time_up=time_up)
    if target.comparator is Comparator.ABOUT:
        return _band(f, method, figure_told=figure_told)
    if f.latest_met:
        text = _told(explain.achieved, f)
        return _Verdict(Status.TARGET_ACHIEVED, _ratio(f, q, method), method, text)
    if reason := f.why_no_year:
        return _refuse(f, reason, method, time_up=time_up)
    if reason := f.why_no_path:
        text = _told(explain.baseline_met_but_missed, f, figure_told=figure_told)
        return _Verdict(Status.DETERIORATION, undefined(reason), method, text)
    ratio = _ratio(f, q, method)
    if ratio.value is None and reason_of(ratio) == explain.PLANNED_EQUALS_BASELINE:
        return _against_held_plan(f, q, settings, time_up=time_up, figure_told=figure_told)
    if ratio.value is None:
        reason = reason_of(ratio)
        schedule_can = q.schedule_index.value is not None  # not on a compound path through 0
        if method is Method.GROWTH_RATIO and f.nonpositive() is not None and schedule_can:
            reason = reason.plus(explain.USE_SCHEDULE)
        return _refuse(f, reason, method, time_up=time_up)
    th = settings.thresholds
    cuts = ratio_cuts(method, th)
    if method is Method.GROWTH_RATIO:
        assert q.observed_growth.value is not None and q.required_growth.value is not None
        paced = status_from_growth_ratio(ratio.value, th)
        status = _in_time(paced, time_up)
        text = _told(
            explain.growth,
            f,
            q.observed_growth.value,
            q.required_growth.value,
            ratio.value,
            status,
            cuts,
        )
    elif method is Method.PROJECTION:
        assert q.projected.value is not None
        paced = status_from_projection_ratio(ratio.value, th)
        status = _in_time(paced, time_up)
        stagnation = status is Status.LIMITED_PROGRESS and not reaches(
            ratio.value, th.projection_stagnation
        )
        text = _told(
            explain.projection,
            f,
            q.projected.value,
            q.observed_growth.value,
            ratio.value,
            status,
            stagnation=stagnation,
            cuts=cuts,
            # the missed sentence gave the target year's figure, which is the projection
            figure_told=figure_told or (time_up and f.ended is not None),
        )
    else:
        assert q.planned.value is not None
        paced = status_from_schedule_index(ratio.value, th)
        status = _in_time(paced, time_up)
        text = _told(
            explain.schedule,
            f,
            q.planned.value,
            ratio.value,
            q.achievement.value,
            q.elapsed.value,
            status,
            path=_path_shape(f),
            cuts=cuts,
            figure_told=figure_told,
        )
    return _Verdict(status, ratio, method, text, too_late=status is not paced)


def _against_held_plan(
    f: Frame, q: Quantities, settings: Settings, *, time_up: bool, figure_told: bool
) -> _Verdict:
    """By schedule, where the plan holds the baseline value in the latest figure's year (its
    milestones keep it there a while): no index (0 / 0), but the figure is at or ahead of the
    plan (on track) or behind it, below where it started (deterioration)."""
    assert f.latest is not None and q.planned.value is not None
    ahead = f.target.sign * (f.latest.value - f.y0) >= 0
    paced = Status.ON_TRACK if ahead else Status.DETERIORATION
    status = _in_time(paced, time_up)
    text = _told(
        explain.schedule,
        f,
        q.planned.value,
        None,
        q.achievement.value,
        q.elapsed.value,
        status,
        path=_path_shape(f),
        figure_told=figure_told,
    )
    return _Verdict(status, q.schedule_index, settings.method, text, too_late=status is not paced)


def _path_shape(f: Frame) -> str:
    """The shape of the planned path the schedule index is measured on."""
    end = f.target.target_year or f.t0
    if any(f.t0 < m.year < end for m in f.target.milestones):
        return "milestones"
    return "compound" if f.target.trajectory is Trajectory.COMPOUND else "linear"


def _ratio(f: Frame, q: Quantities, method: Method) -> Quantity:
    """The number the method compares with its thresholds: R, r or S."""
    if method is Method.SCHEDULE:
        return q.schedule_index
    if method is Method.PROJECTION:
        if q.projected.value is None:
            return q.projected
        if reason := f.why_no_path:
            return undefined(reason)
        if f.value is None or f.value == f.y0:
            return undefined(f.why_no_value or explain.TARGET_EQUALS_BASELINE)
        return number((q.projected.value - f.y0) / (f.value - f.y0))
    if q.observed_growth.value is None:
        return q.observed_growth
    if q.required_growth.value is None:
        return q.required_growth
    if q.required_growth.value == 0:
        return undefined(explain.TARGET_EQUALS_BASELINE)
    return number(q.observed_growth.value / q.required_growth.value)


def _monitoring(f: Frame, q: Quantities, th: Thresholds) -> _Verdict:
    """Monitoring indicators follow the growth_ratio rule without a target, whatever the method."""
    method = Method.GROWTH_RATIO
    observed = q.observed_growth
    if f.latest is None or observed.value is None:
        return _refuse(f, reason_of(observed), method)
    if f.target.direction is None:
        text = _told(explain.watched, f, observed.value)
        return _Verdict(Status.NOT_ASSESSABLE, undefined(explain.NO_DIRECTION), method, text)
    growth = f.target.sign * observed.value
    status = status_from_monitoring_growth(growth, th)
    return _Verdict(
        status,
        Quantity(growth),
        method,
        _told(explain.monitoring, f, observed.value, status, monitoring_cuts(th)),
    )


def _band(f: Frame, method: Method, *, figure_told: bool = False) -> _Verdict:
    """about targets: inside the band is on track (achieved from the target year on)."""
    assert f.latest is not None and f.value is not None
    tolerance = abs(f.target.tolerance or 0.0)
    low, high = f.value - tolerance, f.value + tolerance
    previous = f.series[-2]

    def distance(value: float) -> float:
        return 0.0 if f.target.met_by(value) else max(low - value, value - high)

    now, before = distance(f.latest.value), distance(previous[1])
    if now == 0:
        movement = Movement.INSIDE
        reached = f.year is not None and f.latest.year >= f.year
        status = Status.TARGET_ACHIEVED if reached else Status.ON_TRACK
    elif math.isclose(now, before, rel_tol=1e-9, abs_tol=1e-12):
        movement, status = Movement.SAME, Status.LIMITED_PROGRESS
    elif now < before:
        movement, status = Movement.TOWARD, Status.NEEDS_ACCELERATION
    else:
        movement, status = Movement.AWAY, Status.DETERIORATION
    text = _told(explain.band, f, low, high, movement, previous, status, figure_told=figure_told)
    return _Verdict(status, undefined(explain.BAND_RULE), method, text)

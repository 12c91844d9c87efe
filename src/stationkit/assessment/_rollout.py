"""The status of a rollout programme as of a day, from the completions recorded."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from typing import Literal

import attrs

from stationkit.errors import InputError, InputProblem
from stationkit.records._model import Completion, Dataset
from stationkit.standard._dated import UnitStatus, unit_status
from stationkit.standard._programme import Programme
from stationkit.standard._standard import Edition
from stationkit.standard._text import Text

MilestoneStatusName = Literal["pending", "done_on_time", "done_late", "overdue"]


#: The programme JSON names a unit not yet due "pending" (its first released shape).
_NAMES: dict[UnitStatus, MilestoneStatusName] = {
    UnitStatus.NOT_YET_DUE: "pending",
    UnitStatus.DONE_ON_TIME: "done_on_time",
    UnitStatus.DONE_LATE: "done_late",
    UnitStatus.OVERDUE: "overdue",
}


@attrs.frozen
class MilestoneStatus:
    milestone: str
    status: MilestoneStatusName
    due: date
    completed_on: date | None
    days_late: int
    late_quarter: str | None
    """The calendar quarter (e.g. "2024Q3") of the day after ``due``, for late milestones."""

    @property
    def late(self) -> bool:
        return self.status in ("done_late", "overdue")


@attrs.frozen
class ProgrammeStatus:
    programme: str
    as_of: date
    milestones: tuple[MilestoneStatus, ...]
    late_count: int
    penalty_total: float | None
    penalty_unit: Text | None
    late_by_quarter: Mapping[str, int] = attrs.field(hash=False)

    def of(self, milestone_id: str) -> MilestoneStatus:
        for status in self.milestones:
            if status.milestone == milestone_id:
                return status
        raise KeyError(milestone_id)


def quarter_of(day: date) -> str:
    return f"{day.year}Q{(day.month - 1) // 3 + 1}"


def programme_status(
    programme: Programme, completions: Iterable[Completion], as_of: date
) -> ProgrammeStatus:
    """Each milestone's status at the end of ``as_of``; completions after it are ignored.

    Late = done late, or past due and not done. The penalty total is ``late_count`` times
    ``penalty_per_late`` (None when the programme sets no penalty).
    """
    known = {milestone.id for milestone in programme.milestones}
    earliest: dict[str, date] = {}
    for completion in completions:
        if completion.milestone not in known:
            raise ValueError(
                f"completion names milestone {completion.milestone!r}, which programme "
                f"{programme.id!r} does not have; its milestones: {sorted(known)}"
            )
        if completion.completed_on > as_of:
            continue  # not yet known on as_of: replaying a past day gives that day's state
        previous = earliest.get(completion.milestone)
        if previous is None or completion.completed_on < previous:
            earliest[completion.milestone] = completion.completed_on
    statuses: list[MilestoneStatus] = []
    by_quarter: dict[str, int] = {}
    for milestone in programme.milestones:
        done = earliest.get(milestone.id)
        unit = unit_status(milestone.due, done, as_of)
        status = _NAMES[unit]
        if done is not None:
            days_late = max(0, (done - milestone.due).days)
        elif unit is UnitStatus.OVERDUE:
            days_late = (as_of - milestone.due).days
        else:
            days_late = 0
        quarter = None
        if status in ("done_late", "overdue"):
            quarter = quarter_of(milestone.due + timedelta(days=1))
            by_quarter[quarter] = by_quarter.get(quarter, 0) + 1
        statuses.append(
            MilestoneStatus(milestone.id, status, milestone.due, done, days_late, quarter)
        )
    late = sum(by_quarter.values())
    penalty = None if programme.penalty_per_late is None else late * programme.penalty_per_late
    return ProgrammeStatus(
        programme=programme.id,
        as_of=as_of,
        milestones=tuple(statuses),
        late_count=late,
        penalty_total=penalty,
        penalty_unit=programme.penalty_unit,
        late_by_quarter=dict(sorted(by_quarter.items())),
    )


def programme_statuses(
    edition: Edition,
    dataset: Dataset,
    as_of: date,
    values: Mapping[str, object] | None = None,
) -> list[ProgrammeStatus]:
    """Each programme's status; a completion is matched to the programme that has its
    milestone, and one naming a milestone no programme has is an error naming it.
    ``values`` are tailored parameters: milestones take their dates from them."""
    known = {m.id for p in edition.programmes for m in p.milestones}
    unknown = sorted({c.milestone for c in dataset.completions} - known)
    if unknown:
        raise InputError(
            [
                InputProblem(
                    "<dataset>",
                    "completions",
                    f"milestones {unknown} are in no programme of this "
                    f"edition; known: {sorted(known)}",
                )
            ]
        )
    statuses = []
    for p in edition.programmes:
        p = p.tailored(values or {})
        ids = {m.id for m in p.milestones}
        statuses.append(
            programme_status(p, [c for c in dataset.completions if c.milestone in ids], as_of)
        )
    return statuses

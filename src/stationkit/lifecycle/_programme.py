"""Rollout programmes: dated milestones, completions, and their status as of a date."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from typing import Literal

import attrs

from stationkit._records import Completion
from stationkit._text import Citation, Text
from stationkit.lifecycle._guards import as_date
from stationkit.lifecycle._state import RecordState

MilestoneStatusName = Literal["pending", "done_on_time", "done_late", "overdue"]


@attrs.frozen
class Milestone:
    """A dated task of a programme. Done on ``due`` is on time; the day after is late."""

    id: str
    title: Text
    due: date
    responsible: tuple[str, ...]
    evidence: Text
    citation: Citation
    window_start: date | None = None
    note: Text | None = None


@attrs.frozen
class Programme:
    """A rollout programme a standard edition carries, e.g. a province's construction plan."""

    id: str
    title: Text
    milestones: tuple[Milestone, ...]
    citation: Citation | None = None
    penalty_per_late: float | None = None
    penalty_unit: Text | None = None

    def __attrs_post_init__(self) -> None:
        ids = [milestone.id for milestone in self.milestones]
        duplicates = sorted({item for item in ids if ids.count(item) > 1})
        if duplicates:
            raise ValueError(f"programme {self.id!r} repeats milestone ids {duplicates}")

    def milestone(self, milestone_id: str) -> Milestone:
        for milestone in self.milestones:
            if milestone.id == milestone_id:
                return milestone
        raise KeyError(milestone_id)


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
        status: MilestoneStatusName
        if done is not None:
            status = "done_on_time" if done <= milestone.due else "done_late"
            days_late = max(0, (done - milestone.due).days)
        elif as_of > milestone.due:
            status, days_late = "overdue", (as_of - milestone.due).days
        else:
            status, days_late = "pending", 0
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


def completions_from_states(
    states: Iterable[RecordState], programme_id: str
) -> tuple[Completion, ...]:
    """The completions of a programme's milestones, read from replayed rollout records."""
    found: list[Completion] = []
    for state in states:
        if state.machine != "rollout" or state.facts.get("programme") != programme_id:
            continue
        milestone = state.facts.get("milestone")
        done = as_date(state.facts.get("completed_on"))
        evidence = state.facts.get("evidence")
        if state.state == "completed" and isinstance(milestone, str) and done is not None:
            found.append(Completion(milestone, done, evidence if isinstance(evidence, str)
                                    else None))
    return tuple(found)

"""A record's history: every event with the state it led to, and when a hazard was overdue.

A hazard is overdue on each day after its deadline while the deadline runs (the states in
``DEADLINE_STATES``); the span ends on the day of the event that stopped it (a claimed
rectification, an escalation, a later deadline granted). A hazard closed late keeps the
record of it: *was overdue from D1 to D2*.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta

import attrs

from stationkit.lifecycle._events import Event, JSONValue
from stationkit.lifecycle._guards import as_date
from stationkit.lifecycle._machines._hazard import DEADLINE_STATES
from stationkit.lifecycle._replay import Definitions, _definition
from stationkit.lifecycle._state import RecordState
from stationkit.lifecycle._step import step


@attrs.frozen
class HistoryStep:
    """One event and the record's state right after it."""

    event: Event
    state: RecordState


@attrs.frozen
class OverdueSpan:
    """Days a hazard spent past ``deadline``: from ``first_day`` (the day after the deadline,
    or the day the deadline started running if later) to ``last_day``, both inclusive.

    ``ended_by`` is the type of the event that stopped it, or None if it is still overdue at
    the history's ``as_of`` (then ``last_day`` is ``as_of``).
    """

    deadline: date
    first_day: date
    last_day: date
    ended_by: str | None

    @property
    def days_overdue(self) -> int:
        """Days past the deadline on ``last_day``."""
        return (self.last_day - self.deadline).days

    def to_json(self) -> dict[str, JSONValue]:
        return {
            "deadline": self.deadline.isoformat(),
            "from": self.first_day.isoformat(),
            "to": self.last_day.isoformat(),
            "days_overdue": self.days_overdue,
            "ended_by": self.ended_by,
        }

    def describe(self) -> str:
        days = f"{self.days_overdue} day{'s' if self.days_overdue != 1 else ''}"
        if self.ended_by is None:
            return (
                f"overdue since {self.first_day} ({days} past the deadline {self.deadline} "
                f"on {self.last_day})"
            )
        return (
            f"was overdue from {self.first_day} to {self.last_day} ({days} past the deadline "
            f"{self.deadline}; ended by {self.ended_by})"
        )


@attrs.frozen
class RecordHistory:
    record_id: str
    as_of: date
    steps: tuple[HistoryStep, ...]
    overdue: tuple[OverdueSpan, ...]

    @property
    def state(self) -> RecordState | None:
        return self.steps[-1].state if self.steps else None


def _running_deadline(state: RecordState) -> date | None:
    if state.machine != "hazard" or state.state not in DEADLINE_STATES:
        return None
    return as_date(state.facts.get("deadline"))


def _span(deadline: date, since: datetime, until: date, ended_by: str | None) -> OverdueSpan | None:
    first = max(deadline + timedelta(days=1), since.date())
    return OverdueSpan(deadline, first, until, ended_by) if until >= first else None


def record_history(
    events: Iterable[Event], definitions: Definitions, as_of: date
) -> RecordHistory | None:
    """Step one record's events (in version order) up to the end of ``as_of``; None if the
    record has no event by then. A refused event raises, as ``step`` does."""
    steps: list[HistoryStep] = []
    spans: list[OverdueSpan] = []
    state: RecordState | None = None
    for event in events:
        if event.at.date() > as_of:
            break
        state = step(_definition(definitions, event), state, event)[0]
        steps.append(HistoryStep(event, state))
    if state is None:
        return None
    # Between consecutive events the state (and its deadline) stands still; a stretch of
    # events that leave the same deadline running is one span.
    since: datetime | None = None
    for here, after in zip(steps, [*steps[1:], None], strict=True):
        deadline = _running_deadline(here.state)
        if deadline is None:
            since = None
            continue
        if since is None:
            since = here.event.at
        if after is not None and _running_deadline(after.state) == deadline:
            continue
        if after is None:
            span = _span(deadline, since, as_of, None)
        else:
            span = _span(deadline, since, after.event.at.date(), after.event.type)
        since = None
        if span is not None:
            spans.append(span)
    return RecordHistory(state.record_id, as_of, tuple(steps), tuple(spans))

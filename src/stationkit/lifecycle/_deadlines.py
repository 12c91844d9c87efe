"""Deadlines from data: overdue status and due escalations at an ``as_of`` date, no clocks."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import attrs

from stationkit.lifecycle._definition import MachineDefinition
from stationkit.lifecycle._events import Event
from stationkit.lifecycle._guards import as_date
from stationkit.lifecycle._ledger import Ledger
from stationkit.lifecycle._machines._hazard import DEADLINE_STATES
from stationkit.lifecycle._overdue import overdue_moment
from stationkit.lifecycle._policy import DeadlinePolicy, EscalationLevel
from stationkit.lifecycle._replay import replay
from stationkit.lifecycle._resolve import base_machine
from stationkit.lifecycle._state import RecordState

ESCALATION_ACTOR = "stationkit:deadlines"


@attrs.frozen
class HazardStatus:
    """A hazard's deadline position at the end of ``as_of``.

    The deadline day itself is not overdue; the day after is (``days_overdue`` = 1).
    """

    record_id: str
    state: str
    as_of: date
    level: str | None
    deadline: date | None
    deadline_running: bool
    overdue: bool
    days_overdue: int
    escalation_due: bool
    next_level: EscalationLevel | None


def hazard_status(state: RecordState, as_of: date, policy: DeadlinePolicy) -> HazardStatus:
    level_fact = state.facts.get("level")
    level = level_fact if isinstance(level_fact, str) else None
    deadline = as_date(state.facts.get("deadline"))
    running = state.state in DEADLINE_STATES and deadline is not None
    overdue = running and deadline is not None and as_of > deadline
    days = (as_of - deadline).days if overdue and deadline is not None else 0
    above = policy.level_above(level) if level is not None else None
    return HazardStatus(
        record_id=state.record_id,
        state=state.state,
        as_of=as_of,
        level=level,
        deadline=deadline,
        deadline_running=running,
        overdue=overdue,
        days_overdue=days,
        escalation_due=overdue and above is not None,
        next_level=above,
    )


def due_escalations(
    states: Iterable[RecordState], as_of: date, policy: DeadlinePolicy
) -> tuple[Event, ...]:
    """The escalation events due as of ``as_of``, each dated when its deadline passed.

    Deterministic: the event id is derived from the record and its version, so computing the
    same escalations twice and submitting both stores each once.
    """
    due: list[Event] = []
    for state in states:
        if state.machine != "hazard":
            continue
        status = hazard_status(state, as_of, policy)
        if not status.escalation_due:
            continue
        assert status.deadline is not None and status.next_level is not None
        due.append(
            Event(
                event_id=f"{state.record_id}/escalate/v{state.version + 1}",
                record_id=state.record_id,
                type="escalate",
                at=overdue_moment(status.deadline, state.updated_at),
                machine="hazard",
                payload={
                    "deadline": status.deadline.isoformat(),
                    "from_level": status.level,
                    "to_level": status.next_level.id,
                },
                actor=ESCALATION_ACTOR,
            )
        )
    return tuple(sorted(due, key=lambda event: (event.at, event.record_id)))


def escalate_overdue(
    ledger: Ledger, as_of: date, definition: MachineDefinition | None = None
) -> tuple[Event, ...]:
    """Replay the ledger's hazards at ``as_of`` and return the escalation events now due.

    Submit them (e.g. through ``Lifecycle.submit``) to apply them; nothing is written here.
    """
    hazard = definition if definition is not None else base_machine("hazard")
    states = replay(ledger.events("hazard"), {"hazard": hazard}, as_of)
    return due_escalations(states.values(), as_of, hazard.policy)

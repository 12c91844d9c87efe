"""The pure step: (definition, state, event) -> (new state, effects). The only hot path."""

from __future__ import annotations

from stationkit.lifecycle._definition import MachineDefinition
from stationkit.lifecycle._effects import Effect
from stationkit.lifecycle._errors import GuardFailed, IllegalEvent, LifecycleError
from stationkit.lifecycle._events import Event
from stationkit.lifecycle._state import START, RecordState

_NO_EFFECTS: tuple[Effect, ...] = ()


def blank_state(definition: MachineDefinition, record_id: str) -> RecordState:
    """The record before its creating event."""
    return RecordState(record_id, definition.name, START, 0)


def step(
    definition: MachineDefinition, state: RecordState | None, event: Event
) -> tuple[RecordState, tuple[Effect, ...]]:
    """Apply ``event`` to ``state`` (None = the record does not exist yet).

    Raises ``IllegalEvent`` or ``GuardFailed`` and leaves ``state`` untouched (it is immutable;
    nothing else is changed either).
    """
    if event.machine != definition.name:
        raise LifecycleError(
            f"event {event.event_id!r} is for machine {event.machine!r}, "
            f"not {definition.name!r}"
        )
    current = state if state is not None else blank_state(definition, event.record_id)
    if current.record_id != event.record_id:
        raise LifecycleError(
            f"event {event.event_id!r} is for record {event.record_id!r}, "
            f"not {current.record_id!r}"
        )
    rows = definition.table.get(current.state)
    row = rows.get(event.type) if rows is not None else None
    if row is None:
        raise IllegalEvent(
            current.record_id, definition.name, current.state, event.type,
            definition.allowed(current.state),
        )
    policy = definition.policy
    for guard in row.guards:
        reason = guard.check(current, event, policy)
        if reason is not None:
            raise GuardFailed(
                current.record_id, definition.name, current.state, event.type, guard.name, reason
            )
    facts = current.facts
    effects = _NO_EFFECTS
    for action in row.actions:
        updates, produced = action.apply(current, event, policy)
        if updates:
            facts = {**facts, **updates}
        if produced:
            effects = effects + produced
    return (
        RecordState(current.record_id, definition.name, row.dest, current.version + 1, facts,
                    event.at),
        effects,
    )

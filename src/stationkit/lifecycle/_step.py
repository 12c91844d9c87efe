"""The pure step: (definition, state, event) -> (new state, effects). The only hot path."""

from __future__ import annotations

from stationkit.lifecycle._definition import MachineDefinition
from stationkit.lifecycle._effects import Effect
from stationkit.lifecycle._errors import GuardFailedError, IllegalEventError, LifecycleError
from stationkit.lifecycle._events import Event
from stationkit.lifecycle._state import START, RecordState

_NO_EFFECTS: tuple[Effect, ...] = ()
_new_tuple = tuple.__new__


def blank_state(definition: MachineDefinition, record_id: str) -> RecordState:
    """The record before its creating event."""
    return RecordState(record_id, definition.name, START, 0)


def step(
    definition: MachineDefinition, state: RecordState | None, event: Event
) -> tuple[RecordState, tuple[Effect, ...]]:
    """Apply ``event`` to ``state`` (None = the record does not exist yet).

    Raises ``IllegalEventError`` or ``GuardFailedError`` and leaves ``state`` untouched (it is
    immutable; nothing else is changed either).
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
    rows = definition.rows.get(current.state)
    row = rows.get(event.type) if rows is not None else None
    if row is None:
        raise IllegalEventError(
            current.record_id, definition.name, current.state, event.type,
            definition.allowed(current.state),
        )
    facts = current.facts
    effects = _NO_EFFECTS
    if row.guards:
        policy = definition.policy
        for guard in row.guards:
            reason = guard.check(current, event, policy)
            if reason is not None:
                raise GuardFailedError(
                    current.record_id, definition.name, current.state, event.type, guard.name,
                    reason,
                )
    if row.actions:
        policy = definition.policy
        for action in row.actions:
            updates, produced = action.apply(current, event, policy)
            if updates:
                facts = {**facts, **updates} if facts else updates
            if produced:
                effects = effects + produced
    # tuple.__new__ directly: the NamedTuple's own __new__ adds a Python frame per event.
    new_state = _new_tuple(
        RecordState,
        (current.record_id, definition.name, row.dest, current.version + 1, facts, event.at),
    )
    return new_state, effects

"""The pure step: (definition, state, event) -> (new state, effects).

``replay`` inlines the same logic (with the same errors) for whole ledgers.
"""

from __future__ import annotations

from stationkit.errors import IllegalEventError, LifecycleError
from stationkit.lifecycle._definition import MachineDefinition
from stationkit.lifecycle._effects import Effect
from stationkit.lifecycle._events import Event
from stationkit.lifecycle._state import START, RecordState


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
            f"event {event.event_id!r} is for machine {event.machine!r}, not {definition.name!r}"
        )
    current = state if state is not None else blank_state(definition, event.record_id)
    if current.record_id != event.record_id:
        raise LifecycleError(
            f"event {event.event_id!r} is for record {event.record_id!r}, not {current.record_id!r}"
        )
    rows = definition.step_rows.get(current.state)
    fire = rows.get(event.type) if rows is not None else None
    if fire is None:
        raise IllegalEventError(
            current.record_id,
            definition.name,
            current.state,
            event.type,
            definition.allowed(current.state),
        )
    # The row's guards, actions and new state, compiled into one function (see _compile).
    return fire(current, event)

"""Replay (state is what the ledger gives) and the Lifecycle service that validates appends."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date

import attrs

from stationkit.lifecycle._definition import MachineDefinition
from stationkit.lifecycle._effects import Effect
from stationkit.lifecycle._errors import LifecycleError
from stationkit.lifecycle._events import Event
from stationkit.lifecycle._ledger import Ledger
from stationkit.lifecycle._resolve import base_machine, resolve_machine
from stationkit.lifecycle._spec import MACHINE_NAMES, MachineExtension
from stationkit.lifecycle._state import RecordState
from stationkit.lifecycle._step import step

Definitions = Mapping[str, MachineDefinition]


def base_definitions() -> dict[str, MachineDefinition]:
    """All five core machines, unextended."""
    return {name: base_machine(name) for name in MACHINE_NAMES}


def resolve_definitions(
    extensions: Sequence[MachineExtension], edition: str | None = None
) -> dict[str, MachineDefinition]:
    """All five machines as extended for one standard (edition)."""
    return {name: resolve_machine(name, extensions, edition) for name in MACHINE_NAMES}


def _definition(definitions: Definitions, event: Event) -> MachineDefinition:
    definition = definitions.get(event.machine)
    if definition is None:
        raise LifecycleError(
            f"event {event.event_id!r} of record {event.record_id!r} names unknown machine "
            f"{event.machine!r}; machines are: {', '.join(sorted(definitions))}"
        )
    return definition


def replay(
    events: Iterable[Event], definitions: Definitions, as_of: date | None = None
) -> dict[str, RecordState]:
    """Fold events (in ledger order) into each record's state.

    With ``as_of``, events after that day are skipped: the result is the state at the end of
    ``as_of``. A refused event raises (``IllegalEventError``/``GuardFailedError``): a ledger written
    through ``Lifecycle`` never holds one.
    """
    states: dict[str, RecordState] = {}
    get_state = states.get
    get_definition = definitions.get
    for event in events:
        if as_of is not None and event.at.date() > as_of:
            continue
        definition = get_definition(event.machine)
        if definition is None:
            definition = _definition(definitions, event)  # raises, naming the machine
        states[event.record_id] = step(definition, get_state(event.record_id), event)[0]
    return states


def replay_record(
    history: Iterable[Event], definitions: Definitions, as_of: date | None = None
) -> RecordState | None:
    """Fold one record's history (in version order) into its state; None if it has none."""
    return _fold(history, definitions, as_of)


def _fold(
    history: Iterable[Event], definitions: Definitions, as_of: date | None
) -> RecordState | None:
    state: RecordState | None = None
    for event in history:
        if as_of is not None and event.at.date() > as_of:
            continue
        state = step(_definition(definitions, event), state, event)[0]
    return state


@attrs.frozen
class Submission:
    """What submitting an event did: the record's new state, effects, and whether it repeated."""

    state: RecordState
    effects: tuple[Effect, ...]
    duplicate: bool


class Lifecycle:
    """Validates events against the machines and appends them to a ledger.

    Holds no state of its own: each submit replays the record's history, steps, and appends
    with the record's version as the expected version (so concurrent writers conflict).
    """

    def __init__(self, ledger: Ledger, definitions: Definitions | None = None) -> None:
        self.ledger = ledger
        self.definitions: Definitions = (
            definitions if definitions is not None else base_definitions()
        )

    def state(self, record_id: str, as_of: date | None = None) -> RecordState | None:
        return _fold(self.ledger.history(record_id), self.definitions, as_of)

    def states(self, as_of: date | None = None, machine: str | None = None
               ) -> dict[str, RecordState]:
        return replay(self.ledger.events(machine), self.definitions, as_of)

    def submit(self, event: Event) -> Submission:
        """Step the record with ``event`` and append it; refused events change nothing.

        Posting an event id again returns the current state with ``duplicate=True``.
        """
        history = self.ledger.history(event.record_id)
        if self.ledger.get(event.event_id) is not None:
            result = self.ledger.append(event, len(history))  # raises if the content differs
            state = _fold(history, self.definitions, None)
            assert state is not None
            return Submission(state, (), result.duplicate)
        current = _fold(history, self.definitions, None)
        new_state, effects = step(_definition(self.definitions, event), current, event)
        self.ledger.append(event, len(history))
        return Submission(new_state, effects, False)

"""Replay (state is what the ledger gives) and the Lifecycle service that validates appends."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime

import attrs

from stationkit.errors import LifecycleError
from stationkit.lifecycle._compile import ReplayFn
from stationkit.lifecycle._definition import MachineDefinition
from stationkit.lifecycle._effects import Effect
from stationkit.lifecycle._events import (
    Event,
    EventRow,
    EventRows,
    event_from_row,
    make_event,
    payload_from_json,
)
from stationkit.lifecycle._ledger import Ledger
from stationkit.lifecycle._resolve import base_machine, resolve_machine
from stationkit.lifecycle._spec import MACHINE_NAMES, MachineExtension
from stationkit.lifecycle._state import _NO_FACTS, START, RecordState
from stationkit.lifecycle._step import step

Definitions = Mapping[str, MachineDefinition]

# tuple.__new__ directly: the NamedTuple's own __new__ adds a Python frame per record.
_new_tuple = tuple.__new__


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


def _replay_table(definitions: Definitions, event: Event) -> Mapping[str, Mapping[str, ReplayFn]]:
    """The compiled replay rows for ``event``'s machine; raises as ``step`` would if unusable."""
    definition = _definition(definitions, event)  # raises, naming an unknown machine
    if definition.name != event.machine:
        raise LifecycleError(
            f"event {event.event_id!r} is for machine {event.machine!r}, not {definition.name!r}"
        )
    return definition.replay_rows


def replay(
    events: Iterable[Event], definitions: Definitions, as_of: date | None = None
) -> dict[str, RecordState]:
    """Fold events (in ledger order) into each record's state.

    With ``as_of``, events after that day are skipped: the result is the state at the end of
    ``as_of``. A refused event raises (``IllegalEventError``/``GuardFailedError``): a ledger written
    through ``Lifecycle`` never holds one.

    This is ``step`` inlined: one lookup of the row's compiled function per event (guards,
    actions and the new state in one call, see ``_compile``); the effects are not collected.
    The states, and the errors with their messages, are those of stepping event by event.
    """
    if isinstance(events, EventRows):
        return _replay_rows(events.rows(), definitions, as_of)
    if as_of is not None:
        events = (event for event in events if event.at.date() <= as_of)
    states: dict[str, RecordState] = {}
    get_state = states.get
    tables: dict[str, Mapping[str, Mapping[str, ReplayFn]]] = {}
    last_machine: str | None = None  # events of one machine in a row share its table
    table: Mapping[str, Mapping[str, ReplayFn]] = {}
    for event in events:
        machine = event.machine
        if machine is not last_machine:
            found = tables.get(machine)
            if found is None:
                found = tables[machine] = _replay_table(definitions, event)
            table = found
            last_machine = machine
        record_id = event.record_id
        current = get_state(record_id)
        if current is None:  # the record before its creating event (as ``blank_state``)
            current = _new_tuple(RecordState, (record_id, machine, START, 0, _NO_FACTS, None))
        try:
            fire: ReplayFn | None = table[current[2]][event.type]
        except KeyError:
            fire = None
        if fire is None:
            # Not allowed in this state: ``step`` raises the IllegalEventError, as always.
            step(_definition(definitions, event), get_state(record_id), event)
            raise AssertionError("unreachable: step accepted an event the table lacks")
        states[record_id] = fire(current, event)
    return states


def _replay_rows(
    rows: Iterator[EventRow], definitions: Definitions, as_of: date | None
) -> dict[str, RecordState]:
    """``replay`` over stored rows: the same states and errors, fewer objects.

    Each row's time is parsed (for ``as_of`` and ``updated_at``); a row whose transition has
    neither guards nor actions moves the record without an ``Event``; the others are decoded
    into an ``Event`` for the row's compiled function, as in ``replay``.
    """
    states: dict[str, RecordState] = {}
    get_state = states.get
    tables: dict[str, tuple[str, Mapping[str, Mapping[str, ReplayFn]], dict[ReplayFn, str]]] = {}
    get_table = tables.get
    parse_at = datetime.fromisoformat
    for row in rows:
        event_id, record_id, machine, type_, payload, at_text, actor = row
        at = parse_at(at_text)
        if as_of is not None and at.date() > as_of:
            continue
        entry = get_table(machine)
        if entry is None:
            event = event_from_row(row)
            definition = _definition(definitions, event)
            entry = tables[machine] = (
                definition.name,
                _replay_table(definitions, event),
                definition.replay_moves,
            )
        name, table, moves = entry
        current = get_state(record_id)
        if current is None:  # the record before its creating event (as ``blank_state``)
            current = _new_tuple(RecordState, (record_id, name, START, 0, _NO_FACTS, None))
        try:
            fire: ReplayFn | None = table[current[2]][type_]
        except KeyError:
            fire = None
        if fire is None:
            event = make_event(
                event_id, record_id, type_, at, machine, payload_from_json(payload), actor
            )
            step(_definition(definitions, event), get_state(record_id), event)
            raise AssertionError("unreachable: step accepted an event the table lacks")
        dest = moves.get(fire)
        if dest is not None:
            states[record_id] = _new_tuple(
                RecordState, (current[0], name, dest, current[3] + 1, current[4], at)
            )
            continue
        states[record_id] = fire(
            current,
            make_event(event_id, record_id, type_, at, machine, payload_from_json(payload), actor),
        )
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

    def states(
        self, as_of: date | None = None, machine: str | None = None
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

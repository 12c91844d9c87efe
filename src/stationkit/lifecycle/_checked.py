"""Replay that says where: each refused event reported with its location (``file:line``).

``replay`` is the fast fold for ledgers written through ``Lifecycle`` (which never hold a
refused event). Event files written by hand or by other systems can: ``replay_located`` names
the location of the first refusal, or with ``keep_going`` skips each refused event, reports
it, and folds the rest.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from datetime import date

import attrs

from stationkit.errors import LedgerError, LifecycleError
from stationkit.lifecycle._events import Event, JSONValue, Located
from stationkit.lifecycle._replay import Definitions, _definition, replay
from stationkit.lifecycle._state import RecordState
from stationkit.lifecycle._step import step


@attrs.frozen
class Refusal:
    """An event the machines refused (or a line that is no event), and where it stands."""

    location: str
    reason: str
    event_id: str | None = None
    record_id: str | None = None
    type: str | None = None

    def __str__(self) -> str:
        return f"{self.location}: {self.reason}"

    def to_json(self) -> dict[str, JSONValue]:
        return {
            "location": self.location,
            "event_id": self.event_id,
            "record_id": self.record_id,
            "type": self.type,
            "reason": self.reason,
        }


@attrs.frozen
class CheckedReplay:
    """The states replay gave, and the events it refused (only with ``keep_going``)."""

    states: dict[str, RecordState]
    refused: tuple[Refusal, ...]


def _refusal(location: str, event: Event, error: Exception) -> Refusal:
    return Refusal(location, str(error), event.event_id, event.record_id, event.type)


def replay_located(
    items: Iterable[Located],
    definitions: Definitions,
    as_of: date | None = None,
    *,
    machine: str | None = None,
    keep_going: bool = False,
) -> CheckedReplay:
    """Fold located events (see ``locate_events``) into each record's state at ``as_of``.

    Without ``keep_going`` the first refused event (or unreadable line) raises
    ``LedgerError`` naming its location; with it, refused events are skipped and reported.
    Events of other machines (with ``machine``) and after ``as_of`` are left out, not refused.
    """
    if not keep_going:
        return CheckedReplay(_replay_strict(items, definitions, as_of, machine), ())
    states: dict[str, RecordState] = {}
    refused: list[Refusal] = []
    for location, found in items:
        if isinstance(found, str):
            refused.append(Refusal(location, found))
            continue
        if machine is not None and found.machine != machine:
            continue
        if as_of is not None and found.at.date() > as_of:
            continue
        try:
            definition = _definition(definitions, found)
            states[found.record_id] = step(definition, states.get(found.record_id), found)[0]
        except LifecycleError as error:
            refused.append(_refusal(location, found, error))
    return CheckedReplay(states, tuple(refused))


def _replay_strict(
    items: Iterable[Located], definitions: Definitions, as_of: date | None, machine: str | None
) -> dict[str, RecordState]:
    # The fast fold, fed by a generator that remembers where the last event came from: when
    # the fold refuses an event, it is the last one handed over.
    where: list[tuple[str, Event]] = []

    def events() -> Iterator[Event]:
        for location, found in items:
            if isinstance(found, str):
                raise LedgerError(f"{location}: {found}")
            if machine is not None and found.machine != machine:
                continue
            where[:] = [(location, found)]
            yield found

    try:
        return replay(events(), definitions, as_of)
    except LedgerError:
        raise
    except LifecycleError as error:
        if not where:
            raise
        location, event = where[0]
        raise LedgerError(str(_refusal(location, event, error))) from None


def states_json(states: Mapping[str, RecordState]) -> list[dict[str, JSONValue]]:
    """The ``ledger replay`` JSON rows, ordered by machine and record."""
    rows = sorted(states.values(), key=lambda state: (state.machine, state.record_id))
    return [
        {
            "record_id": s.record_id,
            "machine": s.machine,
            "state": s.state,
            "version": s.version,
            "facts": dict(s.facts),
            "updated_at": s.updated_at.isoformat() if s.updated_at else None,
        }
        for s in rows
    ]

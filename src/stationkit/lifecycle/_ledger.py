"""The ledger protocol and its in-memory store. State is what replaying the ledger gives."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Protocol

import attrs

from stationkit.errors import DuplicateEventError, VersionConflictError
from stationkit.lifecycle._events import Event, EventRow


@attrs.frozen
class AppendResult:
    """The outcome of one append: the record's version after it, and whether it was a repeat."""

    event_id: str
    record_id: str
    version: int
    duplicate: bool


def repeated_append(stored: Sequence[Any], row: EventRow) -> AppendResult:
    """The result of posting ``row`` again when ``stored`` (its columns, then its version) is
    already in a ledger under the same id; a different event under that id is refused."""
    if tuple(stored[:7]) != row:
        raise DuplicateEventError(row[0])
    return AppendResult(row[0], row[1], int(stored[7]), True)


class Ledger(Protocol):
    """An append-only event log.

    ``append`` is atomic and idempotent: an event id already stored is not stored again (the
    stored copy's result comes back with ``duplicate=True``; a different event under the same
    id is a ``DuplicateEventError``). ``expected_version`` is the number of events the
    writer saw for the record; if the ledger holds more, ``VersionConflictError`` is raised and
    nothing is written.
    """

    def append(self, event: Event, expected_version: int) -> AppendResult: ...

    def append_batch(self, items: Iterable[tuple[Event, int]]) -> list[AppendResult]:
        """Append many (event, expected version) pairs in one transaction: all or none."""
        ...

    def get(self, event_id: str) -> Event | None: ...

    def version(self, record_id: str) -> int: ...

    def history(self, record_id: str) -> tuple[Event, ...]:
        """The record's events, in version order."""
        ...

    def events(self, machine: str | None = None) -> Iterator[Event]:
        """All events in append order (optionally of one machine)."""
        ...


class InMemoryLedger:
    """A ledger in a process's memory: for tests, tools and short-lived batches."""

    def __init__(self) -> None:
        self._events: list[tuple[Event, int]] = []
        self._by_id: dict[str, tuple[Event, int]] = {}
        self._by_record: dict[str, list[Event]] = {}

    def append(self, event: Event, expected_version: int) -> AppendResult:
        return self.append_batch([(event, expected_version)])[0]

    def append_batch(self, items: Iterable[tuple[Event, int]]) -> list[AppendResult]:
        staged: list[tuple[Event, int]] = []
        staged_ids: dict[str, tuple[Event, int]] = {}
        versions: dict[str, int] = {}
        results: list[AppendResult] = []
        # Check everything first so a refused item leaves the ledger as it was.
        for event, expected in items:
            known = self._by_id.get(event.event_id) or staged_ids.get(event.event_id)
            if known is not None:
                if known[0] != event:
                    raise DuplicateEventError(event.event_id)
                results.append(AppendResult(event.event_id, event.record_id, known[1], True))
                continue
            actual = versions.get(event.record_id, self.version(event.record_id))
            if expected != actual:
                raise VersionConflictError(event.record_id, expected, actual)
            versions[event.record_id] = actual + 1
            staged.append((event, actual + 1))
            staged_ids[event.event_id] = (event, actual + 1)
            results.append(AppendResult(event.event_id, event.record_id, actual + 1, False))
        for event, version in staged:
            self._events.append((event, version))
            self._by_id[event.event_id] = (event, version)
            self._by_record.setdefault(event.record_id, []).append(event)
        return results

    def get(self, event_id: str) -> Event | None:
        found = self._by_id.get(event_id)
        return found[0] if found else None

    def version(self, record_id: str) -> int:
        return len(self._by_record.get(record_id, ()))

    def history(self, record_id: str) -> tuple[Event, ...]:
        return tuple(self._by_record.get(record_id, ()))

    def events(self, machine: str | None = None) -> Iterator[Event]:
        for event, _ in self._events:
            if machine is None or event.machine == machine:
                yield event

"""The event: one fact appended to the ledger, and its JSON form."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import datetime
from pathlib import Path
from types import MappingProxyType
from typing import Any, TypeAlias

import attrs

from stationkit.errors import InputError, LedgerError
from stationkit.records._limits import check_tree
from stationkit.records._strict_json import JsonRefusedError, parse_json

JSONValue: TypeAlias = str | int | float | bool | list["JSONValue"] | dict[str, "JSONValue"] | None
Payload: TypeAlias = Mapping[str, JSONValue]

_EMPTY: Payload = MappingProxyType({})  # shared default: read-only


@attrs.frozen
class Event:
    """Something that happened to a record: the only input that moves a lifecycle.

    ``event_id`` is the idempotency key: the ledger stores an id once, however often it is
    posted. ``type`` names the trigger of ``machine`` (e.g. ``"assign"`` of ``"hazard"``).
    """

    event_id: str
    record_id: str
    type: str
    at: datetime
    machine: str
    payload: Payload = attrs.field(default=_EMPTY, hash=False)
    actor: str | None = None

    def to_json(self) -> dict[str, JSONValue]:
        return {
            "event_id": self.event_id,
            "record_id": self.record_id,
            "machine": self.machine,
            "type": self.type,
            "at": self.at.isoformat(),
            "actor": self.actor,
            "payload": dict(self.payload),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Event:
        """Build an event from its JSON object; a ``ValueError`` names the missing/bad field."""
        for key in ("event_id", "record_id", "machine", "type", "at"):
            if not isinstance(data.get(key), str) or not data[key]:
                raise ValueError(f"event field {key!r} is missing or not a non-empty string")
        payload = data.get("payload", {})
        if not isinstance(payload, dict):
            raise ValueError(f"event {data['event_id']!r}: 'payload' must be an object")
        actor = data.get("actor")
        if actor is not None and not isinstance(actor, str):
            raise ValueError(f"event {data['event_id']!r}: 'actor' must be a string or null")
        try:
            at = datetime.fromisoformat(data["at"])
        except ValueError:
            raise ValueError(
                f"event {data['event_id']!r}: 'at' is not an ISO date-time: {data['at']!r}"
            ) from None
        return cls(
            event_id=data["event_id"],
            record_id=data["record_id"],
            type=data["type"],
            at=at,
            machine=data["machine"],
            payload=payload,
            actor=actor,
        )


def payload_json(payload: Payload) -> str:
    """The canonical JSON text of a payload (sorted keys), as stored in the SQLite ledger."""
    data = payload if isinstance(payload, dict) else dict(payload)  # e.g. the read-only default
    try:
        return json.dumps(
            data, sort_keys=True, ensure_ascii=False, separators=(",", ":"), allow_nan=False
        )
    except ValueError:  # NaN or an infinity: not JSON, and never stored
        raise LedgerError("a payload holds NaN or an infinity, which JSON cannot store") from None


# --- Stored rows ------------------------------------------------------------------------------

EventRow: TypeAlias = tuple[str, str, str, str, str, str, "str | None"]
"""An event as a ledger stores it: (event_id, record_id, machine, type, payload as JSON text,
``at`` as ISO text, actor)."""

# The decoder's C scanner (what json.loads ends in, without its Python-level wrappers).
_scan_json: Callable[[str, int], tuple[Any, int]] = json.JSONDecoder().scan_once  # type: ignore[attr-defined]
_new_object = object.__new__
# Event is a frozen, slotted attrs class without converters or validators: its __init__ only
# sets the seven slots (through object.__setattr__, one generic call each). Decoding a
# ledger builds one Event per row, so rows are decoded by setting the slots directly; the
# result is equal in every field to ``Event(...)`` (tests check that, and that Event still
# has no converter or validator).
_set_event_id = Event.__dict__["event_id"].__set__
_set_record_id = Event.__dict__["record_id"].__set__
_set_type = Event.__dict__["type"].__set__
_set_at = Event.__dict__["at"].__set__
_set_machine = Event.__dict__["machine"].__set__
_set_payload = Event.__dict__["payload"].__set__
_set_actor = Event.__dict__["actor"].__set__


def payload_from_json(text: str) -> Payload:
    """A stored payload (``payload_json`` text) decoded; the empty one without parsing.

    Stored payloads are compact JSON objects, so the C scanner reads them in one call;
    anything else (surrounding whitespace, bad JSON) goes through ``json.loads``, which
    decodes it or raises its usual error.
    """
    if text == "{}":
        return {}
    try:
        value, end = _scan_json(text, 0)
    except StopIteration:
        end = -1
    if end != len(text) or not isinstance(value, dict):
        value = json.loads(text)
        if not isinstance(value, dict):
            raise ValueError(f"a stored payload is not a JSON object: {text[:60]!r}")
    return value


def make_event(
    event_id: str,
    record_id: str,
    type_: str,
    at: datetime,
    machine: str,
    payload: Payload,
    actor: str | None,
) -> Event:
    """``Event(event_id, record_id, type_, at, machine, payload, actor)``, built faster."""
    event: Event = _new_object(Event)
    _set_event_id(event, event_id)
    _set_record_id(event, record_id)
    _set_type(event, type_)
    _set_at(event, at)
    _set_machine(event, machine)
    _set_payload(event, payload)
    _set_actor(event, actor)
    return event


def event_row(event: Event) -> EventRow:
    """The row a ledger stores for ``event`` (``event_from_row`` reads it back)."""
    return (
        event.event_id,
        event.record_id,
        event.machine,
        event.type,
        payload_json(event.payload),
        event.at.isoformat(),
        event.actor,
    )


def event_from_row(row: EventRow) -> Event:
    event_id, record_id, machine, type_, payload, at, actor = row
    return make_event(
        event_id,
        record_id,
        type_,
        datetime.fromisoformat(at),
        machine,
        payload_from_json(payload),
        actor,
    )


class EventRows(Iterator[Event]):
    """The events of stored rows, decoded one by one as they are iterated.

    ``replay`` recognises it and reads the rows directly: it parses each row's time, and
    builds an ``Event`` (decoding its payload) only for the rows whose transition has guards
    or actions that look at it.
    """

    def __init__(self, rows: Iterator[EventRow]) -> None:
        self._rows = rows

    def __next__(self) -> Event:
        return event_from_row(next(self._rows))

    def rows(self) -> Iterator[EventRow]:
        """The remaining rows, undecoded (they are consumed: iterate one or the other)."""
        return self._rows


MAX_EVENT_CHARS = 1_000_000
"""The longest event a JSON text may hold (one line, or one whole-file object)."""

Located: TypeAlias = tuple[str, "Event | str"]
"""An event read from a text, with its location (``file:line``), or the reason the line at
that location is not an event."""


_NOT_UTF8 = re.compile("[\udc80-\udcff]")  # how surrogateescape keeps a byte that is not UTF-8


def _event_of(text: str) -> Event:
    """One event from its JSON text, read strictly: no NaN or infinities, no duplicate keys,
    numbers and nesting within the input limits; a ``ValueError`` says what is wrong."""
    if len(text) > MAX_EVENT_CHARS:
        raise ValueError(f"an event is at most {MAX_EVENT_CHARS} characters")
    bad = _NOT_UTF8.search(text)
    if bad is not None:  # a byte that was not UTF-8, kept by the surrogateescape reader
        byte = ord(bad.group()) - 0xDC00
        raise ValueError(
            f"byte 0x{byte:02X} at column {bad.start() + 1} is not UTF-8; events are UTF-8"
        )
    try:
        data = parse_json(text)
        check_tree(data, "event")
    except JsonRefusedError as error:
        raise ValueError(error.message) from None
    except InputError as error:
        problem = error.problems[0]
        raise ValueError(f"{problem.path}: {problem.message}") from None
    if not isinstance(data, dict):
        raise ValueError("each line must be a JSON object")
    return Event.from_json(data)


def _fingerprint(event: Event) -> bytes:
    """The event's content, canonical and short: a repeated id is compared by this."""
    text = json.dumps(event.to_json(), sort_keys=True, ensure_ascii=False)
    return hashlib.blake2b(text.encode(), digest_size=16).digest()


def locate_events(lines: Iterable[str], name: str) -> Iterator[Located]:
    """Each non-blank line of a JSON-lines text as an event, or why it is not one.

    Read as a ledger stores events: an event id seen before with the same content is left out
    (a retried submission counts once); with other content it is refused, naming both lines.
    A record's events go forward in time: one earlier than the record's previous event is
    refused, naming both lines (as is mixing times with and without a timezone).
    """
    seen: dict[str, tuple[int, bytes]] = {}
    last: dict[str, tuple[int, datetime]] = {}
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{name}:{number}"
        try:
            event = _event_of(line)
        except ValueError as error:
            yield where, str(error)
            continue
        fingerprint = _fingerprint(event)
        first = seen.get(event.event_id)
        if first is not None:
            if first[1] != fingerprint:
                yield (
                    where,
                    (
                        f"event id {event.event_id!r} was used on line {first[0]} for different "
                        "content; an id names one event"
                    ),
                )
            continue  # the same event again: applied once
        problem = _out_of_order(event, last.get(event.record_id))
        if problem is not None:
            yield where, problem
            continue
        seen[event.event_id] = (number, fingerprint)
        last[event.record_id] = (number, event.at)
        yield where, event


def _out_of_order(event: Event, previous: tuple[int, datetime] | None) -> str | None:
    if previous is None:
        return None
    line, before = previous
    if (before.tzinfo is None) != (event.at.tzinfo is None):
        return (
            f"record {event.record_id!r} mixes times with and without a timezone "
            f"(line {line} and this one)"
        )
    if event.at < before:
        return (
            f"record {event.record_id!r} goes back in time: {event.at.isoformat()} is "
            f"before {before.isoformat()} on line {line}"
        )
    return None


def open_events(path: Path) -> Iterator[str]:
    """The lines of an event file: UTF-8 (a byte-order mark skipped); bytes that are not
    UTF-8 are kept as escapes for ``locate_events`` to report with their line."""
    with path.open(encoding="utf-8-sig", errors="surrogateescape") as handle:
        yield from handle


def locate_events_in_text(text: str, name: str) -> Iterator[Located]:
    """One event (a JSON object, possibly over several lines) or JSON lines, located."""
    stripped = text.strip()
    if stripped.startswith("{") and "\n" in stripped:
        try:
            whole = json.loads(stripped)
        except ValueError:
            whole = None  # not one object: read it as JSON lines
        if isinstance(whole, dict):
            try:
                yield f"{name}:1", Event.from_json(whole)
            except ValueError as error:
                yield f"{name}:1", str(error)
            return
    yield from locate_events(text.splitlines(), name)


def read_events_jsonl(path: Path) -> Iterator[Event]:
    """The events of a JSON-lines file, one ``Event.to_json()`` object a line (blank lines
    skipped); a bad line raises ``LedgerError`` naming the file and the line number."""
    for location, found in locate_events(open_events(path), str(path)):
        if isinstance(found, str):
            raise LedgerError(f"{location}: {found}")
        yield found

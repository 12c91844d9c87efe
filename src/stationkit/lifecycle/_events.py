"""The event: one fact appended to the ledger, and its JSON form."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime
from typing import Any, TypeAlias

import attrs

JSONValue: TypeAlias = (
    str | int | float | bool | list["JSONValue"] | dict[str, "JSONValue"] | None
)
Payload: TypeAlias = Mapping[str, JSONValue]

_EMPTY: Payload = {}


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
    return json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))

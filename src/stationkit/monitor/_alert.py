"""Alerts and the engine boundary every live monitor implements."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

import attrs

from stationkit.lifecycle import Event, JSONValue
from stationkit.standard import Citation, Text


@attrs.frozen
class Alert:
    """Something a live monitor raises about a record, by one rule.

    ``at`` is when the alert became due (the first moment past a deadline day, or the moment
    a drill's times were posted); ``due`` the deadline it is about (ISO date or date-time;
    None when the rule has none). ``level`` is the level that owned the record and
    ``next_level`` the one it goes to (None when the topic has no levels or at the top).
    """

    at: datetime
    rule: str
    record_id: str
    message: Text
    due: str | None = None
    level: str | None = None
    next_level: str | None = None
    citation: Citation | None = None

    def to_json(self) -> dict[str, JSONValue]:
        """The JSON-lines shape of ``stationkit monitor`` (docs/json.md)."""
        cite = self.citation
        return {
            "at": self.at.isoformat(),
            "rule": self.rule,
            "record": self.record_id,
            "level": self.level,
            "next_level": self.next_level,
            "due": self.due,
            "message": {"zh": self.message.zh, "en": self.message.en},
            "citation": None
            if cite is None
            else {
                "document": cite.document,
                "section": cite.section,
                "quote": cite.quote,
                "inferred": cite.inferred,
            },
        }


class MonitorEngine(Protocol):
    """A live monitor: events go in as they arrive, time passes through ``advance``.

    The clock is injected: ``advance(now)`` (and ``post``, which moves the clock to the
    event's time) is the only way time passes; no rule reads the wall clock. Alerts come back
    sorted by ``(at, record_id, rule)``.
    """

    name: str

    def post(self, event: Event) -> list[Alert]:
        """Apply one event; returns the alerts due up to the event's time, and those the
        event itself raises (e.g. a drill's response times).

        An event the record's state does not allow raises the lifecycle's error
        (``IllegalEventError`` / ``GuardFailedError``) and changes nothing.
        """
        ...

    def advance(self, now: datetime) -> list[Alert]:
        """Move the clock to ``now``; returns the alerts of deadlines passed by then."""
        ...

    def close(self) -> None:
        """Release the engine's resources; the monitor is not used afterwards."""
        ...

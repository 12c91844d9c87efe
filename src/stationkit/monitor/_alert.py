"""Alerts and the engine boundary every live monitor implements."""

from __future__ import annotations

from datetime import date, datetime
from typing import Protocol

import attrs

from stationkit.lifecycle import Event
from stationkit.standard._text import Text


@attrs.frozen
class Alert:
    """Something a live monitor raises about a record.

    ``kind`` is ``"overdue"`` (a hazard's rectification deadline passed without a claim of
    rectification). ``at`` is when it became due: the first moment past the deadline day.
    ``level`` is the level it goes to (the next rung up the policy's ladder), None when the
    record is already at the top; ``from_level`` the level that owned the record.
    """

    record_id: str
    kind: str
    at: datetime
    level: str | None
    detail: Text
    deadline: date | None = None
    from_level: str | None = None


class MonitorEngine(Protocol):
    """A live monitor: events go in as they arrive, time passes through ``advance``.

    The clock is injected: ``advance(now)`` (and ``post``, which moves the clock to the
    event's time) is the only way time passes; no rule reads the wall clock. Alerts come back
    sorted by ``(at, record_id)``.
    """

    def post(self, event: Event) -> list[Alert]:
        """Apply one event; returns the alerts that fell due up to the event's time.

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

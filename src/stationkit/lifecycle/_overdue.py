"""When a deadline passes: the start of the day after it (the deadline day is not overdue)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta


def overdue_moment(deadline: date, after: datetime | None) -> datetime:
    """The first moment past ``deadline`` (not before ``after``, the record's last event)."""
    tz = after.tzinfo if after is not None else None
    moment = datetime.combine(deadline + timedelta(days=1), time.min, tzinfo=tz)
    return max(moment, after) if after is not None else moment

"""Effects: what a transition asks the outside world to know, as data (never callbacks)."""

from __future__ import annotations

from datetime import date
from typing import TypeAlias

import attrs


@attrs.frozen
class DeadlineSet:
    """A deadline now runs for the record (assignment, granted extension)."""

    record_id: str
    deadline: date
    responsible: str | None = None


@attrs.frozen
class Escalated:
    """The record moved up the levels ladder because its deadline passed."""

    record_id: str
    from_level: str
    to_level: str


@attrs.frozen
class VerdictLocked:
    """A verdict became final and can no longer change."""

    record_id: str
    verdict: str
    grade: str | None = None


@attrs.frozen
class MilestoneCompleted:
    """A rollout milestone was completed on a date."""

    record_id: str
    completed_on: date


Effect: TypeAlias = DeadlineSet | Escalated | VerdictLocked | MilestoneCompleted

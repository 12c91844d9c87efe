"""Dated units of a rollout: each unit (a town, a phase, a pilot post) compared with its due
date at ``as_of``. A completion after ``as_of`` is not known on that day and does not count.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from enum import StrEnum
from typing import Any

import attrs

from stationkit.standard._findings import Check, Remedy, Status
from stationkit.standard._text import Text


class UnitStatus(StrEnum):
    NOT_YET_DUE = "not_yet_due"  # not done, and the due date has not passed
    DONE_ON_TIME = "done_on_time"  # done on or before the due date
    DONE_LATE = "done_late"  # done after the due date (and on or before as_of)
    OVERDUE = "overdue"  # past due and not done as of as_of

    @property
    def late(self) -> bool:
        return self in (UnitStatus.DONE_LATE, UnitStatus.OVERDUE)


def unit_status(due: date, completed_on: date | None, as_of: date) -> UnitStatus:
    """A unit's status at the end of ``as_of``; due on ``due`` inclusive."""
    if completed_on is not None and completed_on > as_of:
        completed_on = None  # not yet known on as_of
    if completed_on is None:
        return UnitStatus.OVERDUE if as_of > due else UnitStatus.NOT_YET_DUE
    return UnitStatus.DONE_ON_TIME if completed_on <= due else UnitStatus.DONE_LATE


@attrs.frozen
class DatedUnit:
    """One unit of a rollout with its due date and the completion known on ``as_of``."""

    name: str
    due: date
    completed_on: date | None
    status: UnitStatus

    @classmethod
    def at(cls, name: str, due: date, completed_on: date | None, as_of: date) -> DatedUnit:
        known = completed_on if completed_on is not None and completed_on <= as_of else None
        return cls(name, due, known, unit_status(due, known, as_of))

    def json(self) -> dict[str, Any]:
        return {
            "status": self.status.value,
            "due": self.due.isoformat(),
            "completed_on": self.completed_on.isoformat() if self.completed_on else None,
        }


def check_dated(
    units: Sequence[DatedUnit],
    expected: Any,
    remedy: Callable[[list[DatedUnit]], Remedy],
    *,
    late_fails: bool = True,
    observed: dict[str, Any] | None = None,
) -> Check:
    """The verdict over dated units: not met when a unit is overdue (or done late, when
    ``late_fails``), with credit for the units done on time; met when every unit is done;
    not applicable, with the units so far, while some are not yet due and none is late.

    The finding's ``observed`` is ``observed`` (what the caller counted) with ``units``
    added: each unit's name mapped to its status, due date and completion date.
    """
    observed = {**(observed or {}), "units": {u.name: u.json() for u in units}}
    failing = [u for u in units if u.status is UnitStatus.OVERDUE or (late_fails and u.status.late)]
    if failing:
        on_time = sum(u.status is UnitStatus.DONE_ON_TIME for u in units)
        return Check(
            Status.NOT_MET,
            observed,
            expected,
            remedy(failing),
            credit=on_time / len(units) if late_fails else None,
        )
    pending = [u for u in units if u.status is UnitStatus.NOT_YET_DUE]
    if pending:
        first = min(u.due for u in pending).isoformat()
        return Check(
            Status.NOT_APPLICABLE,
            observed,
            expected,
            note=Text(
                f"{len(pending)} 项尚未到期(最早 {first})",
                f"{len(pending)} unit(s) not yet due (the first on {first})",
            ),
        )
    late = [u.name for u in units if u.status is UnitStatus.DONE_LATE]
    note = Text("逾期完成: " + "、".join(late), "done late: " + ", ".join(late)) if late else None
    return Check(Status.MET, observed, expected, note=note)

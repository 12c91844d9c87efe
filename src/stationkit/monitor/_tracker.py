"""What both engines share: the lifecycle side (stepping hazards, deriving deadline changes),
the injected clock and the alert text. The engines differ only in how they keep pending
deadlines and match them against the clock."""

from __future__ import annotations

from abc import ABC, abstractmethod
from datetime import UTC, date, datetime, timedelta

import attrs

from stationkit.lifecycle import (
    Event,
    MachineDefinition,
    RecordState,
    hazard_status,
    overdue_moment,
    step,
)
from stationkit.monitor._alert import Alert
from stationkit.standard._text import Text

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MICRO = timedelta(microseconds=1)


def instant(moment: datetime) -> int:
    """A datetime as integer microseconds since the epoch (naive = UTC): a total order
    both engines compare the same way."""
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    return (aware - _EPOCH) // _MICRO


@attrs.frozen
class Watch:
    """A pending deadline: the alert is due at ``due`` unless cancelled first."""

    record_id: str
    deadline: date
    due: datetime
    level: str | None
    next_level: str | None


def _running(
    state: RecordState, definition: MachineDefinition, day: date
) -> tuple[date, str | None, str | None] | None:
    status = hazard_status(state, day, definition.policy)
    if not status.deadline_running or status.deadline is None:
        return None
    above = status.next_level.id if status.next_level is not None else None
    return status.deadline, status.level, above


def alert_for(watch: Watch, definition: MachineDefinition) -> Alert:
    titles = {level.id: level.title for level in definition.policy.levels()}
    deadline = watch.deadline.isoformat()
    if watch.next_level is not None:
        title = titles[watch.next_level]
        detail = Text(
            zh=f"隐患 {watch.record_id} 整改期限 {deadline} 已过，未报整改完成；"
            f"应升级至{title.zh}督办",
            en=f"hazard {watch.record_id}: the rectification deadline {deadline} has passed "
            f"without a claim of rectification; escalate to {title.en}",
        )
    else:
        detail = Text(
            zh=f"隐患 {watch.record_id} 整改期限 {deadline} 已过，未报整改完成；已无上一级",
            en=f"hazard {watch.record_id}: the rectification deadline {deadline} has passed "
            "without a claim of rectification; there is no level above",
        )
    return Alert(
        record_id=watch.record_id,
        kind="overdue",
        at=watch.due,
        level=watch.next_level,
        detail=detail,
        deadline=watch.deadline,
        from_level=watch.level,
    )


class MonitorBase(ABC):
    """The shared half of a monitor. Subclasses keep the pending deadlines (``_arm``,
    ``_disarm``) and say which fall due by a moment (``_fire``, removing them)."""

    def __init__(self, definition: MachineDefinition) -> None:
        if definition.name != "hazard":
            raise ValueError(f"a monitor watches the hazard machine, not {definition.name!r}")
        self.definition = definition
        self._states: dict[str, RecordState] = {}
        self._clock: datetime | None = None

    @abstractmethod
    def _arm(self, watch: Watch) -> None: ...

    @abstractmethod
    def _disarm(self, record_id: str) -> None: ...

    @abstractmethod
    def _fire(self, now: datetime) -> list[Watch]: ...

    def post(self, event: Event) -> list[Alert]:
        if event.machine != self.definition.name:
            return []
        old = self._states.get(event.record_id)
        new, _ = step(self.definition, old, event)  # raises before anything changes
        alerts = self.advance(event.at)
        day = event.at.date()
        before = _running(old, self.definition, day) if old is not None else None
        after = _running(new, self.definition, day)
        self._states[event.record_id] = new
        if before != after:
            # (3) claiming, closing or escalating stops the deadline: cancel its alert;
            # (2) a granted extension moves it: cancel and set again.
            if before is not None:
                self._disarm(event.record_id)
            if after is not None:
                # (1) an assigned deadline: due at the first moment past the deadline day.
                deadline, level, above = after
                self._arm(
                    Watch(
                        event.record_id, deadline, overdue_moment(deadline, event.at), level, above
                    )
                )
        return alerts

    def advance(self, now: datetime) -> list[Alert]:
        if self._clock is not None and instant(now) < instant(self._clock):
            now = self._clock  # time never goes back
        self._clock = now
        fired = self._fire(now)
        fired.sort(key=lambda watch: (instant(watch.due), watch.record_id))
        return [alert_for(watch, self.definition) for watch in fired]

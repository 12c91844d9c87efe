"""What both engines share: lifecycle stepping, observations, the schedule, the clock.

Python remembers (record states, pending deadlines, the clock); the rules decide (what a
change does to a deadline's alert, whether a passed deadline or a response time alerts).
The engines differ only in their ``Decider``: plain Python or durable_rules.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime, timedelta
from typing import Protocol

from stationkit.assessment import quarter_of
from stationkit.errors import MonitorError
from stationkit.lifecycle import (
    DRILL_TIME_FIELDS,
    Event,
    MachineDefinition,
    RecordState,
    hazard_status,
    overdue_moment,
    step,
)
from stationkit.monitor._alert import Alert
from stationkit.monitor._core_rules import DEFAULT_RULES, SCHEDULE_RULES
from stationkit.monitor._rules import ALERTING, Constant, Observation, Rule, combine
from stationkit.monitor._schedule import Schedule, Watch, instant
from stationkit.standard import Programme

WATCHED = ("hazard", "drill", "rollout", "station")
"""The machines a monitor can follow; events of the others only move the clock."""

BUILT = frozenset(
    {
        "trial_operation",
        "acceptance_applied",
        "accepted",
        "rejected",
        "rectifying",
        "operating",
        "suspended",
    }
)
"""Station states past construction."""
VERIFIED = frozenset({"accepted", "operating", "suspended"})
"""Station states past acceptance (核实/验收通过)."""

MAX_RECORDS = 1_000_000  # records followed by one monitor


class Decider(Protocol):
    """Decides one observation: the one rule that matches it, or ``RuleEngineError``."""

    def decide(self, observation: Observation) -> Rule: ...

    def close(self) -> None: ...


def rules_in_force(rules: Sequence[Rule] | None) -> tuple[Rule, ...]:
    """The schedule rules, the given rules, and the core's defaults for topics they leave."""
    # Idempotent: rules already in force (the schedule's included) give themselves back.
    supplied = tuple(rule for rule in rules or () if rule not in SCHEDULE_RULES)
    if any(rule.topic == "deadline" for rule in supplied):
        raise ValueError("the 'deadline' topic is decided by the core's schedule rules only")
    return SCHEDULE_RULES + combine(DEFAULT_RULES, supplied)


def _machines(
    machines: MachineDefinition | Iterable[MachineDefinition],
) -> dict[str, MachineDefinition]:
    items = [machines] if isinstance(machines, MachineDefinition) else list(machines)
    found = {definition.name: definition for definition in items}
    unwatched = sorted(set(found) - set(WATCHED))
    if unwatched:
        raise ValueError(f"a monitor follows {list(WATCHED)}, not {unwatched}")
    return found


def as_date(value: object) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def as_datetime(value: object) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def _alert(rule: Rule, observation: Mapping[str, Constant], at: datetime, due: str | None) -> Alert:
    level = observation.get("level")
    above = observation.get("next_level")
    return Alert(
        at=at,
        rule=rule.id,
        record_id=str(observation["record"]),
        message=rule.render(observation),
        due=due,
        level=level if isinstance(level, str) and level else None,
        next_level=above if isinstance(above, str) and above else None,
        citation=rule.citation,
    )


class Monitor:
    """A live monitor over the hazard, drill and rollout machines given, deciding with
    ``decider``. Use ``PythonMonitor`` or ``DurableMonitor``."""

    name = "base"

    def __init__(
        self,
        machines: MachineDefinition | Iterable[MachineDefinition],
        decider: Decider,
        programmes: Sequence[Programme] = (),
    ) -> None:
        self.definitions = _machines(machines)
        self._decider = decider
        self._states: dict[str, RecordState] = {}
        self._clock: datetime | None = None
        self._schedule = Schedule()
        self._milestones: dict[str, Observation] = {}
        self._closed = False
        for programme in programmes:
            for milestone in programme.milestones:
                key = f"{programme.id}/{milestone.id}"
                expired: Observation = {
                    "topic": "milestone.overdue",
                    "record": key,
                    "programme": programme.id,
                    "milestone": milestone.id,
                    "title_zh": milestone.title.zh,
                    "title_en": milestone.title.en,
                    "responsible": "、".join(milestone.responsible),
                    "due": milestone.due.isoformat(),
                    "quarter": quarter_of(milestone.due + timedelta(days=1)),
                }
                self._milestones[key] = expired
                self._steer("milestone", "seed", None, (milestone.due, expired), key, None)

    # -- the clock ---------------------------------------------------------------------
    @property
    def clock(self) -> datetime | None:
        return self._clock

    def advance(self, now: datetime) -> list[Alert]:
        self._check_open()
        if self._clock is not None and instant(now) < instant(self._clock):
            now = self._clock  # time never goes back
        self._clock = now
        alerts: list[Alert] = []
        while True:  # a periodic watch arms its next one, which may be due too
            fired = self._schedule.due(now)
            if not fired:
                break
            for watch in fired:
                expired = watch.expired
                if watch.periodic is not None:
                    expired = self._quarter_end(watch)
                rule = self._decider.decide(dict(expired))
                if rule.decision == ALERTING:
                    alerts.append(_alert(rule, expired, watch.due, watch.deadline))
        return _sorted(alerts)

    def _quarter_end(self, watch: Watch) -> Observation:
        """A station at the end of a quarter; the next quarter's end is armed."""
        assert watch.periodic is not None
        state = self._states[watch.periodic]
        last = (watch.due - timedelta(days=1)).date()
        if state.state != "decommissioned":
            self._arm_quarter(watch.periodic, last + timedelta(days=1))
        return {
            "topic": "station.quarter",
            "record": watch.periodic,
            "quarter": quarter_of(last),
            "state": state.state,
            "built": state.state in BUILT,
            "verified": state.state in VERIFIED,
        }

    def _arm_quarter(self, record: str, day: date) -> None:
        first_month = (day.month - 1) // 3 * 3 + 1
        if first_month == 10:
            end = date(day.year, 12, 31)
        else:
            end = date(day.year, first_month + 3, 1) - timedelta(days=1)
        self._schedule.arm(
            Watch(f"{record}#quarter", overdue_moment(end, None), end.isoformat(), {}, record)
        )

    # -- events ------------------------------------------------------------------------
    def post(self, event: Event) -> list[Alert]:
        self._check_open()
        definition = self.definitions.get(event.machine)
        if definition is None:
            return _sorted(self.advance(event.at))
        old = self._states.get(event.record_id)
        if old is None and len(self._states) >= MAX_RECORDS:
            raise MonitorError(f"a monitor follows at most {MAX_RECORDS} records")
        new, _ = step(definition, old, event)  # raises before anything changes
        alerts = self.advance(event.at)
        self._states[event.record_id] = new
        if event.machine == "hazard":
            self._hazard(definition, old, new, event)
        elif event.machine == "rollout":
            self._rollout(old, new, event)
        elif event.machine == "station":
            if old is None:  # a new station: looked at at the end of each quarter
                self._arm_quarter(event.record_id, event.at.date())
        else:
            alerts += self._drill(old, new, event)
        assert self._clock is not None
        alerts += self.advance(self._clock)  # a deadline already past is due at once
        return _sorted(alerts)

    def close(self) -> None:
        if not self._closed:
            self._closed = True
            self._schedule.clear()
            self._states.clear()
            self._decider.close()

    def _check_open(self) -> None:
        if self._closed:
            raise MonitorError(f"the {self.name} monitor is closed")

    # -- the schedule ------------------------------------------------------------------
    def _steer(
        self,
        watch: str,
        event: str,
        before: tuple[date, Observation] | None,
        after: tuple[date, Observation] | None,
        key: str,
        at: datetime | None,
    ) -> None:
        observation: Observation = {
            "topic": "deadline",
            "watch": watch,
            "event": event,
            "was_running": before is not None,
            "running": after is not None,
            "moved": before is not None and after is not None and before != after,
        }
        decision = self._decider.decide(observation).decision
        if decision == "cancel":
            self._schedule.cancel(key)
        elif decision in ("arm", "move"):
            assert after is not None
            deadline, expired = after
            self._schedule.arm(
                Watch(key, overdue_moment(deadline, at), deadline.isoformat(), expired)
            )

    def _hazard(
        self, definition: MachineDefinition, old: RecordState | None, new: RecordState, event: Event
    ) -> None:
        day = event.at.date()
        before = _hazard_running(old, definition, day) if old is not None else None
        after = _hazard_running(new, definition, day)
        self._steer("hazard", event.type, before, after, event.record_id, event.at)

    def _rollout(self, old: RecordState | None, new: RecordState, event: Event) -> None:
        programme, milestone = new.facts.get("programme"), new.facts.get("milestone")
        if not isinstance(programme, str) or not isinstance(milestone, str):
            return
        key = f"{programme}/{milestone}"
        known = self._milestones.get(key)
        before = (
            _milestone_running(old, known, key)
            if old is not None
            else (_milestone_running(None, known, key))
        )
        after = _milestone_running(new, known, key)
        self._steer("milestone", event.type, before, after, key, event.at)

    def _drill(self, old: RecordState | None, new: RecordState, event: Event) -> list[Alert]:
        if new.state != "executed" or (old is not None and old.state == "executed"):
            return []
        times = {name[:-3]: as_datetime(new.facts.get(name)) for name in DRILL_TIME_FIELDS}
        alarm = times.pop("alarm")
        alerts: list[Alert] = []
        for milestone, moment in times.items():
            if alarm is None or moment is None:
                continue
            seconds = int((moment - alarm).total_seconds())
            observation: Observation = {
                "topic": "drill.response",
                "record": event.record_id,
                "milestone": milestone,
                "seconds": seconds,
                "minutes": f"{seconds / 60:.1f}",
            }
            rule = self._decider.decide(observation)
            if rule.decision == ALERTING:
                alerts.append(_alert(rule, observation, event.at, moment.isoformat()))
        return alerts


def _sorted(alerts: list[Alert]) -> list[Alert]:
    alerts.sort(key=lambda alert: (instant(alert.at), alert.record_id, alert.rule))
    return alerts


def _hazard_running(
    state: RecordState, definition: MachineDefinition, day: date
) -> tuple[date, Observation] | None:
    status = hazard_status(state, day, definition.policy)
    if not status.deadline_running or status.deadline is None or status.level is None:
        return None
    titles = {level.id: level.title.zh for level in definition.policy.levels()}
    above = status.next_level.id if status.next_level is not None else ""
    grade = state.facts.get("grade")
    reassigned = state.facts.get("reassigned")
    escalations = state.facts.get("escalations")
    expired: Observation = {
        "topic": "hazard.overdue",
        "record": state.record_id,
        "level": status.level,
        "next_level": above,
        "level_zh": titles.get(status.level, status.level),
        "next_level_zh": titles.get(above, ""),
        "grade": grade if isinstance(grade, str) else "",
        "deadline": status.deadline.isoformat(),
        "reassigned": isinstance(reassigned, int) and reassigned > 0,
        "escalations": escalations if isinstance(escalations, int) else 0,
    }
    return status.deadline, expired


def _milestone_running(
    state: RecordState | None, known: Observation | None, key: str
) -> tuple[date, Observation] | None:
    if state is None:
        if known is None:
            return None
        return date.fromisoformat(str(known["due"])), known
    if state.state == "completed":
        return None
    if known is not None:
        return date.fromisoformat(str(known["due"])), known
    due = as_date(state.facts.get("due"))
    if due is None:
        return None
    programme, milestone = key.split("/", 1)
    responsible = state.facts.get("responsible")
    names = [str(x) for x in responsible] if isinstance(responsible, list) else []
    expired: Observation = {
        "topic": "milestone.overdue",
        "record": key,
        "programme": programme,
        "milestone": milestone,
        "title_zh": milestone,
        "title_en": milestone,
        "responsible": "、".join(names),
        "due": due.isoformat(),
        "quarter": quarter_of(due + timedelta(days=1)),
    }
    return due, expired

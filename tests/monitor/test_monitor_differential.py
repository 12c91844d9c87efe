"""Differential: durable, python, and the ledger replayed at each alert's time agree.

Random streams of hazard, rollout and drill events (refused ones included: the monitor
raises and changes nothing, as a ledger refuses them), clock ticks between them, reopenings
(``reopen``, ``fail_verification``, Xuan'en's ``reassign``), under the rules of Xuan'en and
of Quanzhou. Both engines must give the same alerts, and every alert must be what replaying
the accepted events says at its moment.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from datetime import datetime, time, timedelta

import pytest
from hypothesis import event as statistic
from hypothesis import given, settings
from hypothesis import strategies as st

from stationkit import Registry
from stationkit.assessment import programme_status
from stationkit.lifecycle import (
    Event,
    JSONValue,
    LifecycleError,
    MachineDefinition,
    RecordState,
    completions_from_states,
    hazard_status,
    replay,
    resolve_machine,
    step,
)
from stationkit.monitor import WATCHED, Alert, MonitorEngine, Rule, durable_unavailable
from stationkit.monitor import open_monitor as open_engine
from stationkit.monitor._monitor import BUILT, VERIFIED
from stationkit.standard import Programme

ACTORS = ("grid-1", "unit-a", "inspector-1", "township-1", None)
LEVELS = ("village", "township", "county", "nowhere")
HAZARD_TRIGGERS = (
    "report",
    "assess",
    "reject",
    "assign",
    "start_rectification",
    "request_extension",
    "grant_extension",
    "deny_extension",
    "claim_rectified",
    "verify",
    "fail_verification",
    "close",
    "escalate",
    "reopen",
    "reassign",
)


class Setup:
    def __init__(self, ref: str) -> None:
        registry = Registry(strict=True)
        registry.load_entry_points(only=[ref.split("@")[0]])
        std, ed = registry.standard(ref)
        extensions = registry.machine_extensions(std.id, ed.edition)
        self.machines = {name: resolve_machine(name, extensions, ed.edition) for name in WATCHED}
        self.rules: tuple[Rule, ...] = registry.monitor_rules(std.id, ed.edition)
        self.programmes: tuple[Programme, ...] = ed.programmes
        first = min(m.due for p in ed.programmes for m in p.milestones)
        # Half a minute past: an event is never exactly at a midnight, when alerts fall due.
        self.start = datetime.combine(first - timedelta(days=20), time(9, 0, 30))


SETUPS = {ref: Setup(ref) for ref in ("xuanen@2024", "quanzhou@2025", "pingshan@2023")}


def _payload(draw: st.DrawFn, at: datetime, trigger: str) -> dict[str, JSONValue]:
    """Mostly what the trigger's guards want, sometimes not (a refused event)."""
    payload: dict[str, JSONValue] = {
        "level": draw(st.sampled_from(LEVELS)),
        "grade": draw(st.sampled_from(("general", "major"))),
        "responsible": "unit-a",
        "reason": "not done",
        "deadline": (at + timedelta(days=draw(st.integers(-1, 12)))).date().isoformat(),
    }
    if trigger == "request_extension":
        payload["deadline"] = (at + timedelta(days=draw(st.integers(20, 90)))).date().isoformat()
    for key in list(payload):
        if draw(st.integers(0, 19)) == 0:
            del payload[key]
    return payload


def _pick(draw: st.DrawFn, definition: MachineDefinition, state: str | None) -> str:
    allowed = definition.allowed(state) if state is not None else definition.creating_events
    every = [t.trigger for t in definition.transitions]
    if allowed and draw(st.integers(0, 9)) > 0:
        return draw(st.sampled_from(sorted(allowed)))
    return draw(st.sampled_from(sorted(set(every))))  # often refused


@st.composite
def streams(draw: st.DrawFn, setup: Setup) -> tuple[list[Event], list[tuple[int, datetime]]]:
    """Events in time order (a walk mostly along allowed transitions), and clock ticks
    (before event index, moment)."""
    programme = setup.programmes[0]
    events: list[Event] = []
    states: dict[str, RecordState] = {}
    at = setup.start
    hazards = draw(st.integers(1, 3))
    for n in range(draw(st.integers(1, 60))):
        at += timedelta(minutes=draw(st.integers(0, 60 * 24 * 6)))
        kind = draw(st.sampled_from(("hazard",) * 6 + ("rollout", "drill", "drill", "station")))
        definition = setup.machines[kind]
        if kind == "hazard":
            record = f"H{draw(st.integers(1, hazards))}"
        elif kind == "rollout":
            record = "R-" + draw(st.sampled_from([m.id for m in programme.milestones] + ["X9"]))
        elif kind == "station":
            record = f"S{draw(st.integers(1, 2))}"
        else:
            record = f"D{draw(st.integers(1, 2))}"
        old = states.get(record)
        trigger = _pick(draw, definition, old.state if old is not None else None)
        if kind == "hazard":
            payload = _payload(draw, at, trigger)
            actor = draw(st.sampled_from(ACTORS))
        elif kind == "rollout":
            milestone = record[2:]
            payload = {
                "programme": programme.id if milestone != "X9" else "adhoc",
                "milestone": milestone,
                "responsible": ["county"],
                "reason": "redo",
                "due": (at + timedelta(days=draw(st.integers(-5, 30)))).date().isoformat(),
            }
            actor = "x"
        elif kind == "station":
            spec = next(t for t in definition.transitions if t.trigger == trigger)
            payload = dict(spec.example.payload_on(at.date()))
            actor = spec.example.actor or "street"
        else:
            offsets = sorted(draw(st.lists(st.integers(0, 1500), min_size=4, max_size=4)))
            payload = {"alarm_at": at.isoformat(), "summary": "ok"}
            for name, offset in zip(
                ("assembled_at", "departed_at", "arrived_at", "rescue_started_at"),
                offsets,
                strict=True,
            ):
                payload[name] = (at + timedelta(seconds=offset)).isoformat()
            actor = "x"
        event = Event(f"e{n}", record, trigger, at, kind, payload, actor)
        with contextlib.suppress(LifecycleError):  # refused: the monitor refuses it too
            states[record] = step(definition, old, event)[0]
        events.append(event)
    ticks = draw(
        st.lists(st.tuples(st.integers(0, len(events)), st.integers(0, 60 * 24 * 40)), max_size=6)
    )
    moments = [
        (index, (events[index - 1].at if index else setup.start) + timedelta(minutes=m))
        for index, m in ticks
    ]
    return events, sorted(moments, key=lambda tick: tick[0])


def _run(
    monitor: MonitorEngine,
    events: Sequence[Event],
    ticks: Sequence[tuple[int, datetime]],
    end: datetime,
) -> tuple[list[Alert], list[Event], list[int]]:
    """Alerts, the accepted events, and how many were accepted when each alert came."""
    alerts: list[Alert] = []
    accepted: list[Event] = []
    seen: list[int] = []
    pending = list(ticks)

    def take(found: list[Alert], count: int) -> None:
        alerts.extend(found)
        seen.extend([count] * len(found))

    for index, event in enumerate(events):
        while pending and pending[0][0] <= index:
            take(monitor.advance(pending.pop(0)[1]), len(accepted))
        try:
            found = monitor.post(event)
        except LifecycleError:
            continue
        accepted.append(event)
        take(found, len(accepted))
    for _, moment in pending:
        take(monitor.advance(moment), len(accepted))
    take(monitor.advance(end), len(accepted))
    return alerts, accepted, seen


def _check_against_replay(setup: Setup, alert: Alert, accepted: Sequence[Event]) -> None:
    """At the alert's moment, the replayed ledger says the same."""
    day = alert.at.date()
    if alert.rule.split(".")[1] == "hazard":
        state = replay(accepted, setup.machines)[alert.record_id]
        definition: MachineDefinition = setup.machines["hazard"]
        status = hazard_status(state, day, definition.policy)
        assert status.overdue, (alert, status)
        assert status.deadline is not None and alert.due == status.deadline.isoformat()
        assert alert.level == status.level
        assert alert.next_level == (status.next_level.id if status.next_level else None)
    elif alert.rule.split(".")[1] == "milestone":
        states = replay(accepted, setup.machines)
        programme_id, milestone = alert.record_id.split("/", 1)
        for programme in setup.programmes:
            if programme.id == programme_id:
                done = completions_from_states(states.values(), programme.id)
                found = programme_status(programme, done, day).of(milestone)
                assert found.status == "overdue", (alert, found)
                assert alert.due == found.due.isoformat()
                return
        rollout = [
            s
            for s in states.values()
            if s.machine == "rollout" and s.facts.get("milestone") == milestone
        ]
        assert rollout and all(s.state != "completed" for s in rollout), alert
    elif alert.rule.split(".")[1] == "station":
        state = replay(accepted, setup.machines)[alert.record_id]
        assert state.state in BUILT and state.state not in VERIFIED, (alert, state)
        assert alert.due == (alert.at - timedelta(days=1)).date().isoformat()
    else:
        assert alert.rule.split(".")[1] == "drill", alert
        state = replay(accepted, setup.machines)[alert.record_id]
        assert state.state == "executed" and state.updated_at == alert.at, (alert, state)


def _alerts_json(alerts: Sequence[Alert]) -> list[object]:
    return [alert.to_json() for alert in alerts]


ENGINES_HERE = ["python"] + ([] if durable_unavailable() else ["durable"])


@pytest.mark.parametrize("ref", sorted(SETUPS))
@settings(max_examples=100, deadline=None)
@given(data=st.data())
def test_engines_and_replay_agree(ref: str, data: st.DataObject) -> None:
    setup = SETUPS[ref]
    events, ticks = data.draw(streams(setup))
    end = events[-1].at + timedelta(days=90)
    results = {}
    for engine in ENGINES_HERE:
        monitor = open_engine(engine, setup.machines.values(), setup.rules, setup.programmes)
        try:
            results[engine] = _run(monitor, events, ticks, end)
        finally:
            monitor.close()
    alerts, accepted, seen = results["python"]
    statistic(f"alerts: {min(len(alerts), 10)}")
    statistic(f"accepted hazard events: {min(sum(e.machine == 'hazard' for e in accepted), 8)}")
    for alert in alerts:
        statistic(f"rule {alert.rule}")
    for engine, (other, _, _) in results.items():
        assert _alerts_json(other) == _alerts_json(alerts), engine
    for alert, count in zip(alerts, seen, strict=True):
        # What the ledger held when the alert came, up to the alert's moment.
        before = [e for e in accepted[:count] if e.at <= alert.at]
        _check_against_replay(setup, alert, before)
    # Every hazard still overdue at the end was alerted for its current deadline.
    for record, state in replay(accepted, setup.machines).items():
        if state.machine != "hazard":
            continue
        status = hazard_status(state, end.date(), setup.machines["hazard"].policy)
        if status.overdue:
            assert status.deadline is not None
            assert any(
                a.record_id == record and a.due == status.deadline.isoformat() for a in alerts
            ), (record, status)

"""Xuan'en's monitor rules: escalation per level the day after, reassignment after a failed
verification, and the programme's deduction quarter — on both engines."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest
from stationkit_xuanen import machines, monitoring
from stationkit_xuanen.parameters import default_values
from stationkit_xuanen.programmes import build_programme

from stationkit.lifecycle import Event, GuardFailedError, JSONValue, resolve_definitions
from stationkit.monitor import ENGINES, MonitorEngine, durable_unavailable, open_monitor

DEFS = resolve_definitions(machines.extensions(), "2024")
[BOOK] = monitoring.rule_books()


@pytest.fixture(params=ENGINES)
def monitor(request: pytest.FixtureRequest) -> Iterator[MonitorEngine]:
    if request.param == "durable" and durable_unavailable():
        pytest.skip(durable_unavailable() or "")
    engine = open_monitor(
        request.param,
        [DEFS["hazard"], DEFS["drill"], DEFS["rollout"]],
        BOOK.rules,
        [build_programme(default_values())],
    )
    yield engine
    engine.close()


def ev(n: int, type_: str, at: str, actor: str | None, **payload: JSONValue) -> Event:
    return Event(f"h/{n}", "H", type_, datetime.fromisoformat(at), "hazard", payload, actor)


def _hazard_alerts(
    m: MonitorEngine, events: list[Event], until: datetime
) -> list[tuple[str, str, str | None, str | None]]:
    found = [a for e in events for a in m.post(e)] + m.advance(until)
    return [(a.rule, a.at.isoformat(), a.level, a.next_level) for a in found if a.record_id == "H"]


def test_escalation_climbs_one_level_the_day_after_each_deadline(monitor: MonitorEngine) -> None:
    events = [
        ev(1, "report", "2024-06-01T09:00", "grid", level="village"),
        ev(2, "assess", "2024-06-01T10:00", "town", grade="general", level="village"),
        ev(3, "assign", "2024-06-01T11:00", "town", responsible="村委会", deadline="2024-06-20"),
        ev(4, "escalate", "2024-06-21T08:00", "system"),
        ev(5, "assign", "2024-06-21T09:00", "town", responsible="乡镇", deadline="2024-06-30"),
        ev(6, "escalate", "2024-07-01T08:00", "system"),
        ev(7, "assign", "2024-07-01T09:00", "county", responsible="县局", deadline="2024-07-05"),
    ]
    assert _hazard_alerts(monitor, events, datetime(2024, 7, 10)) == [
        ("xuanen.hazard.escalate.village", "2024-06-21T00:00:00", "village", "township"),
        ("xuanen.hazard.escalate.township", "2024-07-01T00:00:00", "township", "county"),
        ("xuanen.hazard.top.county", "2024-07-06T00:00:00", "county", None),
    ]


def test_a_failed_verification_reassigns_with_a_new_deadline(monitor: MonitorEngine) -> None:
    events = [
        ev(1, "report", "2024-06-01T09:00", "grid", level="village"),
        ev(2, "assess", "2024-06-01T10:00", "town", grade="general", level="village"),
        ev(3, "assign", "2024-06-01T11:00", "town", responsible="村委会", deadline="2024-06-20"),
        ev(4, "start_rectification", "2024-06-02T09:00", "村委会"),
        ev(5, "claim_rectified", "2024-06-10T09:00", "村委会"),
        ev(
            6,
            "reassign",
            "2024-06-12T09:00",
            "inspector",
            reason="not fixed",
            deadline="2024-06-25",
        ),
    ]
    # The old deadline (06-20) no longer counts; the new one (06-25) does.
    assert _hazard_alerts(monitor, events, datetime(2024, 6, 30)) == [
        ("xuanen.hazard.reassigned.escalate", "2024-06-26T00:00:00", "village", "township"),
    ]


def test_reassigning_needs_an_independent_verifier_and_a_new_deadline(
    monitor: MonitorEngine,
) -> None:
    events = [
        ev(1, "report", "2024-06-01T09:00", "grid", level="village"),
        ev(2, "assess", "2024-06-01T10:00", "town", grade="general", level="village"),
        ev(3, "assign", "2024-06-01T11:00", "town", responsible="u", deadline="2024-06-20"),
        ev(4, "start_rectification", "2024-06-02T09:00", "u"),
        ev(5, "claim_rectified", "2024-06-10T09:00", "u"),
    ]
    for event in events:
        monitor.post(event)
    with pytest.raises(GuardFailedError, match="cannot also verify"):
        monitor.post(ev(6, "reassign", "2024-06-12T09:00", "u", reason="x", deadline="2024-06-25"))
    with pytest.raises(GuardFailedError, match="new rectification deadline"):
        monitor.post(ev(7, "reassign", "2024-06-12T09:00", "inspector", reason="x"))
    with pytest.raises(GuardFailedError, match="at most 30 days"):
        monitor.post(
            ev(8, "reassign", "2024-06-12T09:00", "inspector", reason="x", deadline="2024-08-25")
        )


def test_a_late_milestone_names_its_deduction_quarter(monitor: MonitorEngine) -> None:
    alerts = monitor.advance(datetime(2024, 8, 1, 12))
    t3 = next(a for a in alerts if a.record_id == "xuanen-2024/T3")
    assert t3.at == datetime(2024, 8, 1) and t3.due == "2024-07-31"
    assert (
        "计入 2024Q3 季度考核" in t3.message.zh
        and "纳入优化营商环境工作季度考核扣分" in t3.message.zh
    )
    assert t3.citation is not None and t3.citation.section == "§三(六)"


def test_a_milestone_completed_in_time_does_not_alert(monitor: MonitorEngine) -> None:
    schedule = Event(
        "r1",
        "R-T3",
        "schedule",
        datetime(2024, 7, 1),
        "rollout",
        {"programme": "xuanen-2024", "milestone": "T3", "due": "2024-07-31"},
        "x",
    )
    done = Event("r2", "R-T3", "complete", datetime(2024, 7, 30), "rollout", {}, "x")
    monitor.post(schedule)
    monitor.post(done)
    alerts = monitor.advance(datetime(2024, 9, 1))
    assert "xuanen-2024/T3" not in {a.record_id for a in alerts}
    assert "xuanen-2024/T4" in {a.record_id for a in alerts}

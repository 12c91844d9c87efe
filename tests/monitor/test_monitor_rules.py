"""The monitor's rules, by example, on both engines."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

import pytest

from stationkit.lifecycle import Event, GuardFailedError, JSONValue, resolve_machine
from stationkit.monitor import ENGINES, Alert, MonitorEngine, durable_unavailable, open_monitor

HAZARD = resolve_machine("hazard", ())


@pytest.fixture(params=ENGINES)
def monitor(request: pytest.FixtureRequest) -> Iterator[MonitorEngine]:
    if request.param == "durable" and durable_unavailable():
        pytest.skip(durable_unavailable() or "")
    engine = open_monitor(request.param, HAZARD)
    yield engine
    engine.close()


_count = 0


def ev(
    type_: str, at: str, actor: str | None = "unit-a", record: str = "H1", **payload: JSONValue
) -> Event:
    global _count
    _count += 1
    return Event(f"e{_count}", record, type_, datetime.fromisoformat(at), "hazard", payload, actor)


def assigned(m: MonitorEngine, record: str = "H1", deadline: str = "2025-02-10") -> None:
    for event in (
        ev("report", "2025-02-01T09:00", "grid-1", record, level="village"),
        ev("assess", "2025-02-01T10:00", "township-1", record, grade="general", level="village"),
        ev(
            "assign",
            "2025-02-01T11:00",
            "township-1",
            record,
            responsible="unit-a",
            deadline=deadline,
        ),
    ):
        assert m.post(event) == []


def test_overdue_alert_after_the_deadline_day(monitor: MonitorEngine) -> None:
    assigned(monitor)
    assert monitor.advance(datetime(2025, 2, 10, 23, 59)) == []  # the deadline day is not
    [alert] = monitor.advance(datetime(2025, 2, 11, 8, 0))
    assert isinstance(alert, Alert)
    assert (alert.record_id, alert.rule, alert.at, alert.next_level, alert.level, alert.due) == (
        "H1",
        "core.hazard.escalate",
        datetime(2025, 2, 11),
        "township",
        "village",
        "2025-02-10",
    )
    assert "乡镇" in alert.message.zh and "township" in alert.message.en
    assert monitor.advance(datetime(2025, 3, 1)) == []  # once


def test_an_event_after_the_deadline_brings_the_alert(monitor: MonitorEngine) -> None:
    assigned(monitor)
    monitor.post(ev("start_rectification", "2025-02-05T09:00"))
    [alert] = monitor.post(ev("claim_rectified", "2025-02-12T09:00"))
    assert alert.at == datetime(2025, 2, 11)


def test_an_extension_moves_the_deadline(monitor: MonitorEngine) -> None:
    assigned(monitor)
    monitor.post(ev("start_rectification", "2025-02-02T09:00"))
    monitor.post(ev("request_extension", "2025-02-03T09:00", deadline="2025-02-20"))
    monitor.post(ev("grant_extension", "2025-02-04T09:00", "township-1"))
    assert monitor.advance(datetime(2025, 2, 15)) == []
    [alert] = monitor.advance(datetime(2025, 2, 21, 1))
    assert alert.at == datetime(2025, 2, 21) and alert.due == "2025-02-20"


def test_a_denied_extension_keeps_the_deadline(monitor: MonitorEngine) -> None:
    assigned(monitor)
    monitor.post(ev("start_rectification", "2025-02-02T09:00"))
    monitor.post(ev("request_extension", "2025-02-03T09:00", deadline="2025-02-20"))
    monitor.post(ev("deny_extension", "2025-02-04T09:00", "township-1"))
    [alert] = monitor.advance(datetime(2025, 2, 12))
    assert alert.due == date(2025, 2, 10).isoformat()


def test_claiming_and_closing_cancel_the_alert(monitor: MonitorEngine) -> None:
    assigned(monitor)
    monitor.post(ev("start_rectification", "2025-02-02T09:00"))
    monitor.post(ev("claim_rectified", "2025-02-09T09:00"))
    assert monitor.advance(datetime(2025, 2, 12)) == []
    monitor.post(ev("verify", "2025-02-13T09:00", "inspector-1"))
    monitor.post(ev("close", "2025-02-13T10:00", "township-1"))
    assert monitor.advance(datetime(2025, 6, 1)) == []


def test_failed_verification_runs_the_deadline_again(monitor: MonitorEngine) -> None:
    assigned(monitor)
    monitor.post(ev("start_rectification", "2025-02-02T09:00"))
    monitor.post(ev("claim_rectified", "2025-02-09T09:00"))
    # back to rectifying, past its deadline: due at once, at the failure's moment
    [alert] = monitor.post(
        ev("fail_verification", "2025-02-12T09:00", "inspector-1", reason="exit still blocked")
    )
    assert alert.at == datetime(2025, 2, 12, 9)


def test_escalation_and_reassignment(monitor: MonitorEngine) -> None:
    assigned(monitor)
    assert len(monitor.advance(datetime(2025, 2, 11, 8))) == 1
    monitor.post(ev("escalate", "2025-02-11T08:00", "system", deadline="2025-02-10"))
    monitor.post(
        ev("assign", "2025-02-11T09:00", "township-1", responsible="unit-b", deadline="2025-02-15")
    )
    [again] = monitor.advance(datetime(2025, 2, 16, 12))
    assert (again.level, again.next_level) == ("township", "county")


def test_top_of_the_ladder_has_no_level_above(monitor: MonitorEngine) -> None:
    for event in (
        ev("report", "2025-02-01T09:00", "grid-1", level="province"),
        ev("assess", "2025-02-01T10:00", "x", grade="general", level="province"),
        ev("assign", "2025-02-01T11:00", "x", responsible="unit-a", deadline="2025-02-02"),
    ):
        monitor.post(event)
    [alert] = monitor.advance(datetime(2025, 2, 3))
    assert alert.next_level is None and "no level above" in alert.message.en
    assert alert.rule == "core.hazard.top"


def test_several_records_come_in_time_order(monitor: MonitorEngine) -> None:
    assigned(monitor, "H2", "2025-02-12")
    assigned(monitor, "H1", "2025-02-10")
    assigned(monitor, "H3", "2025-02-10")
    alerts = monitor.advance(datetime(2025, 3, 1))
    assert [(a.record_id, a.at.day) for a in alerts] == [("H1", 11), ("H3", 11), ("H2", 13)]


def test_a_refused_event_changes_nothing(monitor: MonitorEngine) -> None:
    assigned(monitor)
    monitor.post(ev("start_rectification", "2025-02-02T09:00"))
    with pytest.raises(GuardFailedError):
        monitor.post(ev("claim_rectified", "2025-03-01T09:00", actor=None))
    [alert] = monitor.advance(datetime(2025, 2, 11))
    assert alert.record_id == "H1"


def test_other_machines_are_ignored(monitor: MonitorEngine) -> None:
    event = Event("d1", "D1", "plan", datetime(2025, 1, 1), "drill", {}, "x")
    assert monitor.post(event) == []


def test_time_never_goes_back(monitor: MonitorEngine) -> None:
    assigned(monitor)
    assert len(monitor.advance(datetime(2025, 2, 20))) == 1
    assert monitor.advance(datetime(2025, 2, 1)) == []

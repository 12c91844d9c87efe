"""Quanzhou's drill response limits (5/10/15/20 minutes after the alarm) as monitor rules."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest
from stationkit_quanzhou import monitoring
from stationkit_quanzhou.machines import EXTENSIONS
from stationkit_quanzhou.standard import STANDARD

from stationkit.lifecycle import Event, resolve_machine
from stationkit.monitor import ENGINES, MonitorEngine, durable_unavailable, open_monitor

BOOKS = {next(iter(book.editions or ())): book for book in monitoring.rule_books()}
ALARM = datetime(2025, 5, 12, 9)


@pytest.fixture(params=ENGINES)
def monitor(request: pytest.FixtureRequest) -> Iterator[MonitorEngine]:
    if request.param == "durable" and durable_unavailable():
        pytest.skip(durable_unavailable() or "")
    drill = resolve_machine("drill", EXTENSIONS, "2025")
    engine = open_monitor(request.param, [drill], BOOKS["2025"].rules)
    yield engine
    engine.close()


def _drill(monitor: MonitorEngine, minutes: dict[str, float]) -> list[tuple[str, str]]:
    times = {"alarm_at": ALARM.isoformat()}
    for name, value in minutes.items():
        times[f"{name}_at"] = (ALARM + timedelta(minutes=value)).isoformat()
    events = [
        Event("d1", "D1", "plan", ALARM, "drill", {}, "x"),
        Event("d2", "D1", "keep_unannounced", ALARM, "drill", {}, "x"),
        Event("d3", "D1", "execute", ALARM + timedelta(hours=1), "drill", times, "x"),
    ]
    alerts = [a for e in events for a in monitor.post(e)]
    return [(a.rule, a.message.en) for a in alerts]


def test_within_every_limit_no_alert(monitor: MonitorEngine) -> None:
    assert (
        _drill(monitor, {"assembled": 5, "departed": 10, "arrived": 15, "rescue_started": 20}) == []
    )


def test_each_limit_exceeded_alerts_citing_its_clause(monitor: MonitorEngine) -> None:
    found = _drill(
        monitor, {"assembled": 5.5, "departed": 10.2, "arrived": 16, "rescue_started": 21}
    )
    assert [rule for rule, _ in found] == [
        "quanzhou.drill.arrived.late",
        "quanzhou.drill.assembled.late",
        "quanzhou.drill.departed.late",
        "quanzhou.drill.rescue_started.late",
    ]
    assert "16.0 min after the alarm, over the 15-minute limit" in found[0][1]


def _minutes(value: object) -> int:
    assert isinstance(value, int)
    return value


def test_limits_and_citations_are_the_editions_parameters() -> None:
    for edition in STANDARD.editions:
        rules = {r.id: r for r in BOOKS[edition.edition].rules}
        for milestone, name, _, _ in monitoring.LIMITS:
            parameter = edition.parameter(name)
            late = rules[f"quanzhou.drill.{milestone}.late"]
            assert str(late.when[1]) == f"seconds > {_minutes(parameter.value) * 60}"
            assert late.citation == parameter.citation
    assert [
        _minutes(STANDARD.edition("2025").parameter(n).value) for _, n, _, _ in monitoring.LIMITS
    ] == [5, 10, 15, 20]


def test_a_phase_overdue_alerts_with_the_unit_responsible() -> None:
    rules = BOOKS["2025"].rules
    programme = STANDARD.edition("2025").programmes[0]
    engine = open_monitor(
        "python", [resolve_machine("rollout", EXTENSIONS, "2025")], rules, (programme,)
    )
    first = programme.milestones[0]
    alerts = engine.advance(datetime.combine(first.due + timedelta(days=1), datetime.min.time()))
    assert [a.record_id for a in alerts] == [f"{programme.id}/{first.id}"]
    assert first.responsible[0] in alerts[0].message.zh
    assert alerts[0].citation == programme.citation
    engine.close()

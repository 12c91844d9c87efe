"""Pingshan's 2023 phases as monitor rules: an unfinished phase alerts the day after."""

from __future__ import annotations

from datetime import datetime, timedelta

from stationkit_pingshan import monitoring
from stationkit_pingshan.standard import STANDARD

from stationkit.lifecycle import Event, resolve_machine
from stationkit.monitor import open_monitor


def test_each_phase_alerts_the_day_after_its_end_with_the_units() -> None:
    book = next(b for b in monitoring.rule_books() if b.editions == frozenset({"2023"}))
    [programme] = STANDARD.edition("2023").programmes
    monitor = open_monitor("python", [resolve_machine("rollout", ())], book.rules, (programme,))
    last = max(m.due for m in programme.milestones)
    alerts = monitor.advance(datetime.combine(last + timedelta(days=1), datetime.min.time()))
    assert [a.record_id for a in alerts] == [
        f"{programme.id}/{m.id}" for m in sorted(programme.milestones, key=lambda m: m.due)
    ]
    for alert, milestone in zip(
        alerts, sorted(programme.milestones, key=lambda m: m.due), strict=True
    ):
        assert alert.at.date() == milestone.due + timedelta(days=1)
        assert "、".join(milestone.responsible) in alert.message.zh
        assert alert.citation == programme.citation
    monitor.close()


def test_a_built_station_not_yet_verified_is_listed_at_each_quarter_end() -> None:
    book = next(b for b in monitoring.rule_books() if b.editions == frozenset({"2024"}))
    station = resolve_machine("station", ())
    monitor = open_monitor("python", [station], book.rules)
    steps = [
        ("plan", datetime(2024, 2, 1, 9)),
        ("choose_site", datetime(2024, 2, 10, 9)),
        ("start_construction", datetime(2024, 3, 1, 9)),
        ("start_trial", datetime(2024, 5, 20, 9)),  # built in Q2
        ("apply_acceptance", datetime(2024, 6, 10, 9)),
        ("accept", datetime(2024, 8, 1, 9)),  # verified in Q3
    ]
    alerts = []
    for n, (type_, at) in enumerate(steps):
        spec = next(t for t in station.transitions if t.trigger == type_)
        payload = spec.example.payload_on(at.date())
        actor = spec.example.actor or "street"
        alerts += monitor.post(Event(f"s{n}", "PS-1", type_, at, "station", payload, actor))
    alerts += monitor.advance(datetime(2024, 12, 31))
    # Q1: not built yet; Q2: built, not verified; Q3: verified.
    assert [(a.rule, a.at, a.due) for a in alerts] == [
        ("pingshan.station.unverified", datetime(2024, 7, 1), "2024-06-30")
    ]
    assert "2024Q2" in alerts[0].message.zh and "acceptance_applied" in alerts[0].message.en
    assert alerts[0].citation is not None and "每季度组织核实通过" in alerts[0].citation.quote
    monitor.close()

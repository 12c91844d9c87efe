"""Pingshan's 2023 phases as monitor rules: an unfinished phase alerts the day after."""

from __future__ import annotations

from datetime import datetime, timedelta

from stationkit_pingshan import monitoring
from stationkit_pingshan.standard import STANDARD

from stationkit.lifecycle import resolve_machine
from stationkit.monitor import open_monitor


def test_each_phase_alerts_the_day_after_its_end_with_the_units() -> None:
    [book] = monitoring.rule_books()
    assert book.editions == frozenset({"2023"})
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

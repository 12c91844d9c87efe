"""Dated rollout checks: QZ25 §二 "湖滨街道、蚶江镇、永宁镇、祥芝镇各1个", due by QZ25 §五(四)
"确保2025年10月底前完成目标任务"; each town by name is not yet due, done on time, done late
or overdue at as_of; a station completed after as_of does not count yet."""

from __future__ import annotations

from datetime import date
from typing import Any

import attrs
from stationkit_quanzhou.standard import STANDARD

import stationkit as sk
from stationkit.standard import RegionSubject


def _towns(qz: Any, as_of: date, **completed: str) -> sk.Finding:
    ds = qz.dataset("2025")
    towns = {r.code: r.name for r in ds.region.walk()}
    stations = tuple(
        attrs.evolve(s, completed_on=date.fromisoformat(completed[towns[s.region]]))
        if towns.get(s.region or "") in completed
        else s
        for s in ds.stations
    )
    subject = RegionSubject(ds.region, stations, 2025)
    report = sk.assess(subject, STANDARD, "2025", as_of=as_of, dataset=ds)
    return report.finding("rollout.towns")


def test_two_weeks_before_the_deadline_nothing_is_failing(qz: Any) -> None:
    finding = _towns(qz, date(2025, 10, 17), 永宁镇="2025-10-20")
    assert finding.status is sk.Status.NOT_APPLICABLE
    units = finding.observed["units"]
    assert units["永宁镇"] == {"status": "not_yet_due", "due": "2025-10-31", "completed_on": None}
    assert units["蚶江镇"]["status"] == "done_on_time"


def test_each_town_by_name_after_the_deadline(qz: Any) -> None:
    finding = _towns(qz, date(2025, 11, 15), 永宁镇="2025-11-03", 祥芝镇="2025-12-01")
    units = finding.observed["units"]
    assert [units[n]["status"] for n in ("湖滨街道", "蚶江镇", "永宁镇", "祥芝镇")] == [
        "done_on_time",
        "done_on_time",
        "done_late",
        "overdue",  # completed after as_of: not known yet
    ]
    assert finding.status is sk.Status.NOT_MET and finding.credit == 0.5
    assert finding.remedy is not None and "祥芝镇" in finding.remedy.text.zh


def test_every_town_on_time_is_met(qz: Any) -> None:
    assert _towns(qz, date(2025, 11, 15)).status is sk.Status.MET


def test_unit_status_boundaries() -> None:
    """ "by the end of April" is the last day of April, inclusive (docs/DESIGN: time)."""
    due = date(2025, 10, 31)
    status = sk.standard.unit_status
    assert status(due, due, due).value == "done_on_time"
    assert status(due, None, due).value == "not_yet_due"
    assert status(due, None, date(2025, 11, 1)).value == "overdue"
    assert status(due, date(2025, 11, 1), date(2025, 11, 1)).value == "done_late"
    assert status(due, date(2025, 11, 2), date(2025, 11, 1)).value == "overdue"

"""A post's staffing (dedicated staff, AB posts, sources), five functions, running once built."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import attrs
import pytest

import stationkit as sk
import stationkit.records
import stationkit.standard

Assess = Callable[..., sk.Report]
AS_OF = date(2024, 11, 30)
FUNCTIONS = ("hazard_investigation", "first_response", "warning", "team_drills", "publicity")


def finding(report: sk.Report, req: str) -> sk.Finding:
    return next(f for f in report.findings if f.requirement == req)


def post(**changes: Any) -> sk.Station:
    base = sk.Station(
        id="p1",
        name="测试驿站",
        kind="service_post",
        sub_kind="township",
        region="x",
        completed_on=date(2024, 9, 1),
        posts=(
            sk.records.Post("负责人", "甲", True, "emergency_office", "乙"),
            sk.records.Post("值守", "丙", True, "fire_station", "丁"),
        ),
        functions=(
            sk.records.Evidence("operation", ("投入运行",), date(2024, 9, 1)),
            *(sk.records.Evidence(t, ("记录",), date(2024, 10, 1)) for t in FUNCTIONS),
        ),
    )
    return attrs.evolve(base, **changes)


def check_fixed(station: sk.Station, req: str, assess: Assess) -> sk.Finding:
    f = finding(assess(station, AS_OF), req)
    if f.status is sk.Status.NOT_MET:
        assert f.remedy is not None and f.remedy.change
        fixed = sk.standard.apply_remedy(station, f.remedy)
        assert finding(assess(fixed, AS_OF), req).status is sk.Status.MET
    return f


def test_a_complete_post_passes(assess: Assess) -> None:
    report = assess(post(), AS_OF)
    assert report.outcome == "pass"
    assert report.score == 100.0


def test_ab_post_held_by_one_person_fails(assess: Assess) -> None:
    station = post(posts=(sk.records.Post("负责人", "甲", True, "emergency_office", "甲"),))
    f = check_fixed(station, "staff.ab_posts", assess)
    assert f.status is sk.Status.NOT_MET
    assert f.observed["a_is_b"] == ["负责人"]


def test_ab_post_without_b_fails(assess: Assess) -> None:
    station = post(
        posts=(
            sk.records.Post("负责人", "甲", True, "emergency_office", "乙"),
            sk.records.Post("值守", "丙", True, "fire_station"),
        )
    )
    f = check_fixed(station, "staff.ab_posts", assess)
    assert f.status is sk.Status.NOT_MET
    assert f.observed["without_b"] == ["值守"]


def test_posts_not_recorded_is_missing_evidence(assess: Assess) -> None:
    report = assess(post(posts=None), AS_OF)
    for req in ("staff.ab_posts", "staff.dedicated", "staff.sources"):
        assert finding(report, req).status is sk.Status.MISSING_EVIDENCE


def test_no_posts_fails_and_remedy_fixes(assess: Assess) -> None:
    assert check_fixed(post(posts=()), "staff.ab_posts", assess).status is sk.Status.NOT_MET
    assert check_fixed(post(posts=()), "staff.dedicated", assess).status is sk.Status.NOT_MET


def test_dedicated_staff_threshold(assess: Assess) -> None:
    part_time = post(posts=(sk.records.Post("宣传", "戊", False, "volunteer", "己"),))
    f = check_fixed(part_time, "staff.dedicated", assess)
    assert f.status is sk.Status.NOT_MET
    over = finding(assess(post(), AS_OF, parameters={"dedicated_staff_min": 3}), "staff.dedicated")
    assert over.status is sk.Status.NOT_MET
    at = finding(assess(post(), AS_OF, parameters={"dedicated_staff_min": 2}), "staff.dedicated")
    assert at.status is sk.Status.MET


def test_volunteers_welcome_but_not_as_dedicated_staff(assess: Assess) -> None:
    ok = post(
        posts=(*(post().posts or ()), sk.records.Post("宣传", "戊", False, "volunteer", "己"))
    )
    assert finding(assess(ok, AS_OF), "staff.sources").status is sk.Status.MET
    bad = post(posts=(sk.records.Post("负责人", "甲", True, "volunteer", "乙"),))
    assert check_fixed(bad, "staff.sources", assess).status is sk.Status.NOT_MET
    unknown = post(posts=(sk.records.Post("负责人", "甲", True, None, "乙"),))
    assert finding(assess(unknown, AS_OF), "staff.sources").status is (sk.Status.MISSING_EVIDENCE)


@pytest.mark.parametrize("topic", FUNCTIONS)
def test_each_function_needs_evidence(topic: str, assess: Assess) -> None:
    station = post(functions=tuple(e for e in post().functions or () if e.topic != topic))
    f = check_fixed(station, f"function.{topic}", assess)
    assert f.status is sk.Status.NOT_MET
    later = post(
        functions=tuple(
            attrs.evolve(e, on=date(2024, 12, 5)) if e.topic == topic else e
            for e in post().functions or ()
        )
    )
    assert finding(assess(later, AS_OF), f"function.{topic}").status is sk.Status.NOT_MET
    assert finding(assess(post(functions=None), AS_OF), f"function.{topic}").status is (
        sk.Status.MISSING_EVIDENCE
    )


def test_runs_from_the_day_it_is_built(assess: Assess) -> None:
    built = date(2024, 9, 1)

    def started(day: date) -> sk.Station:
        return post(functions=(sk.records.Evidence("operation", ("投入运行",), day),))

    assert finding(assess(started(built), AS_OF), "operation.runs_once_built").status is (
        sk.Status.MET
    )
    late = started(built + timedelta(days=1))
    assert check_fixed(late, "operation.runs_once_built", assess).status is sk.Status.NOT_MET
    relaxed = finding(
        assess(late, AS_OF, parameters={"start_operating_within_days": 1}),
        "operation.runs_once_built",
    )
    assert relaxed.status is sk.Status.MET
    assert finding(assess(post(), date(2024, 8, 31)), "operation.runs_once_built").status is (
        sk.Status.NOT_APPLICABLE
    )
    assert (
        finding(assess(post(completed_on=None), AS_OF), "operation.runs_once_built").status
        is sk.Status.MISSING_EVIDENCE
    )


def test_sample_post_verdicts(county: sk.Dataset, assess: Assess) -> None:
    failing = {
        s.name: [f.requirement for f in assess(s).findings if not f.passed] for s in county.stations
    }
    assert {k: v for k, v in failing.items() if v} == {
        "椿木营乡应急服务驿站": ["staff.ab_posts"],
        "高罗镇第1村应急服务驿站": ["staff.ab_posts"],
    }
    assert len(county.stations) == 12

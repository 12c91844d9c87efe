"""Coverage of 宣恩县: the tree, the 珠山镇 pilot, village posts, a post in every township."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import attrs

import stationkit as sk
import stationkit.standard

Assess = Callable[..., sk.Report]
AFTER_T5 = date(2024, 11, 30)
TOWNSHIPS = (
    "珠山镇",
    "椒园镇",
    "沙道沟镇",
    "李家河镇",
    "高罗镇",
    "万寨乡",
    "长潭河侗族乡",
    "晓关侗族乡",
    "椿木营乡",
)


def finding(report: sk.Report, req: str) -> sk.Finding:
    return next(f for f in report.findings if f.requirement == req)


def without(subject: sk.standard.RegionSubject, name: str) -> sk.standard.RegionSubject:
    return attrs.evolve(subject, stations=tuple(s for s in subject.stations if s.name != name))


def test_sample_tree_is_the_plan_county(subject: sk.standard.RegionSubject, assess: Assess) -> None:
    assert [t.name for t in subject.region.children] == list(TOWNSHIPS)
    assert {t.kind for t in subject.region.children} == {"town", "township"}
    f = finding(assess(subject), "scope.region_tree")
    assert f.status is sk.Status.MET
    assert f.observed == {"townships": 9, "villages": 162}


def test_every_township_has_a_post(subject: sk.standard.RegionSubject, assess: Assess) -> None:
    f = finding(assess(subject), "coverage.townships")
    assert f.status is sk.Status.MET
    assert f.observed["townships_with_post"] == 9


def test_short_by_one_township_fails_and_the_remedy_fixes_it(
    subject: sk.standard.RegionSubject, assess: Assess
) -> None:
    short = without(subject, "晓关侗族乡应急服务驿站")
    f = finding(assess(short), "coverage.townships")
    assert f.status is sk.Status.NOT_MET
    assert f.observed == {"townships_with_post": 8, "without_post": ["晓关侗族乡"]}
    assert f.remedy is not None
    fixed = sk.standard.apply_remedy(short, f.remedy)
    assert finding(assess(fixed), "coverage.townships").status is sk.Status.MET


def test_tree_short_by_one_township_fails(
    subject: sk.standard.RegionSubject, assess: Assess
) -> None:
    region = attrs.evolve(subject.region, children=subject.region.children[:-1])
    short = attrs.evolve(subject, region=region)
    report = assess(short)
    assert finding(report, "coverage.townships").status is sk.Status.NOT_MET
    assert finding(report, "scope.region_tree").status is sk.Status.NOT_MET


def test_a_post_counts_from_its_completion_date(
    subject: sk.standard.RegionSubject, assess: Assess
) -> None:
    last = max(
        s.completed_on
        for s in subject.stations
        if s.sub_kind == "township" and s.completed_on is not None
    )
    late = tuple(
        attrs.evolve(s, completed_on=date(2024, 11, 1)) if s.completed_on == last else s
        for s in subject.stations
    )
    f = finding(assess(attrs.evolve(subject, stations=late), AFTER_T5), "coverage.townships")
    assert f.status is sk.Status.MET  # built by the as-of date, if late for T5
    f = finding(
        assess(attrs.evolve(subject, stations=late), date(2024, 11, 1) - timedelta(days=0)),
        "coverage.townships",
    )
    assert f.status is sk.Status.MET


def test_township_coverage_is_not_due_before_t5(
    subject: sk.standard.RegionSubject, assess: Assess
) -> None:
    f = finding(
        assess(without(subject, "椿木营乡应急服务驿站"), date(2024, 10, 31)), "coverage.townships"
    )
    assert f.status is sk.Status.NOT_APPLICABLE
    assert f.observed["townships_with_post"] == 8
    f = finding(
        assess(without(subject, "椿木营乡应急服务驿站"), date(2024, 11, 1)), "coverage.townships"
    )
    assert f.status is sk.Status.NOT_MET


def test_undated_post_is_missing_evidence(
    subject: sk.standard.RegionSubject, assess: Assess
) -> None:
    undated = tuple(
        attrs.evolve(s, completed_on=None) if s.name == "万寨乡应急服务驿站" else s
        for s in subject.stations
    )
    f = finding(assess(attrs.evolve(subject, stations=undated)), "coverage.townships")
    assert f.status is sk.Status.MISSING_EVIDENCE


def test_pilot_at_zhushan(subject: sk.standard.RegionSubject, assess: Assess) -> None:
    assert finding(assess(subject), "coverage.pilot").status is sk.Status.MET
    short = without(subject, "珠山镇应急服务驿站")
    f = finding(assess(short), "coverage.pilot")
    assert f.status is sk.Status.NOT_MET
    assert f.remedy is not None
    fixed = sk.standard.apply_remedy(short, f.remedy)
    assert finding(assess(fixed), "coverage.pilot").status is sk.Status.MET
    assert finding(assess(short, date(2024, 5, 20)), "coverage.pilot").status is (
        sk.Status.NOT_APPLICABLE
    )


def test_village_pilot(subject: sk.standard.RegionSubject, assess: Assess) -> None:
    f = finding(assess(subject), "coverage.village_pilot")
    assert f.status is sk.Status.MET
    assert f.observed["village_posts"] == 3
    assert f.observed["units"]["village post 1"] == {
        "status": "done_on_time",
        "due": "2024-08-31",
        "completed_on": "2024-08-20",
    }
    no_villages = attrs.evolve(
        subject, stations=tuple(s for s in subject.stations if s.sub_kind != "village")
    )
    f = finding(assess(no_villages), "coverage.village_pilot")
    assert f.status is sk.Status.NOT_MET
    assert f.remedy is not None
    fixed = sk.standard.apply_remedy(no_villages, f.remedy)
    assert finding(assess(fixed), "coverage.village_pilot").status is sk.Status.MET
    more = finding(
        assess(subject, parameters={"pilot_village_posts_min": 4}), "coverage.village_pilot"
    )
    assert more.status is sk.Status.NOT_MET


def test_community_pilot_is_dated_by_the_end_of_august(
    subject: sk.standard.RegionSubject, assess: Assess
) -> None:
    """XE 工作流程表 5 "应急服务驿站社区试点建设\t县应急局、各乡镇、村（社区）\t8月底": the
    first village post is done late when built in September, and a post completed after
    as_of does not count yet."""
    late = tuple(
        attrs.evolve(s, completed_on=date(2024, 9, 5)) if s.sub_kind == "village" else s
        for s in subject.stations
    )
    f = finding(assess(attrs.evolve(subject, stations=late)), "coverage.village_pilot")
    assert f.observed["units"]["village post 1"]["status"] == "done_late"
    # Late tasks cost points in the quarterly assessment (XE §三(六)), not coverage:
    assert f.status is sk.Status.MET and f.note is not None
    future = tuple(
        attrs.evolve(s, completed_on=date(2025, 1, 5)) if s.sub_kind == "village" else s
        for s in subject.stations
    )
    f = finding(assess(attrs.evolve(subject, stations=future)), "coverage.village_pilot")
    assert f.status is sk.Status.NOT_MET
    assert f.observed["units"]["village post 1"]["status"] == "overdue"

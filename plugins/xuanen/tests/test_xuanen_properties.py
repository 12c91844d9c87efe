"""Hypothesis properties: on time iff done by the due date, AB posts, coverage, escalation."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st
from stationkit_xuanen import STANDARD, machines
from stationkit_xuanen.programmes import MILESTONES
from stationkit_xuanen.samples import COUNTY

import stationkit as sk
import stationkit.records
import stationkit.standard
from stationkit.lifecycle import (
    Event,
    due_escalations,
    replay,
    resolve_definitions,
)

DATA = sk.load_dataset(COUNTY)
assert DATA.region is not None
COUNTY_SUBJECT = sk.standard.RegionSubject(DATA.region, DATA.stations, DATA.year)
EDITION = STANDARD.edition("2024")
DEFS = resolve_definitions(machines.extensions(), "2024")
YEAR = st.dates(date(2024, 1, 1), date(2024, 12, 31))


def finding(report: sk.Report, req: str) -> sk.Finding:
    return next(f for f in report.findings if f.requirement == req)


@settings(max_examples=60, deadline=None)
@given(milestone=st.sampled_from(MILESTONES), done=YEAR, points=st.floats(0.5, 10, allow_nan=False))
def test_on_time_iff_done_by_the_due_date(milestone: object, done: date, points: float) -> None:
    assert hasattr(milestone, "id") and hasattr(milestone, "due")
    due = EDITION.parameter(milestone.due).value
    assert isinstance(due, date)
    data = attrs.evolve(DATA, completions=(sk.records.Completion(milestone.id, done, "ev"),))
    as_of = date(2024, 12, 31)
    f = finding(
        sk.assess(
            COUNTY_SUBJECT,
            STANDARD,
            "2024",
            as_of=as_of,
            dataset=data,
            parameters={"late_deduction_points": points},
        ),
        f"programme.{milestone.id}",
    )
    if done <= due:
        assert f.status is sk.Status.MET and f.points == 0.0
    else:
        assert f.status is sk.Status.NOT_MET and f.points == points
        assert f.observed["days_late"] == (done - due).days


PEOPLE = st.sampled_from(("甲", "乙", "丙"))


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(PEOPLE, st.none() | PEOPLE), min_size=1, max_size=4))
def test_ab_posts_met_iff_every_duty_has_a_distinct_b(
    holders: list[tuple[str, str | None]],
) -> None:
    posts = tuple(
        sk.records.Post(f"岗位{i}", a, True, "emergency_office", b)
        for i, (a, b) in enumerate(holders)
    )
    station = sk.Station("p", "驿站", "service_post", posts=posts)
    f = finding(sk.assess(station, STANDARD, "2024", as_of=date(2024, 11, 30)), "staff.ab_posts")
    expected = all(b is not None and b != a for a, b in holders)
    assert (f.status is sk.Status.MET) == expected
    if not expected:
        assert f.remedy is not None
        fixed = sk.standard.apply_remedy(station, f.remedy)
        again = sk.assess(fixed, STANDARD, "2024", as_of=date(2024, 11, 30))
        assert finding(again, "staff.ab_posts").status is sk.Status.MET


@settings(max_examples=30, deadline=None)
@given(st.sets(st.integers(0, 8)))
def test_coverage_fails_iff_a_township_lacks_its_post(removed: set[int]) -> None:
    names = {t.code for i, t in enumerate(DATA.region.children) if i in removed}  # type: ignore[union-attr]
    stations = tuple(s for s in DATA.stations if s.region not in names)
    subject = attrs.evolve(COUNTY_SUBJECT, stations=stations)
    f = finding(
        sk.assess(subject, STANDARD, "2024", as_of=date(2024, 11, 30), dataset=DATA),
        "coverage.townships",
    )
    assert (f.status is sk.Status.MET) == (not removed)
    assert f.observed["townships_with_post"] == 9 - len(removed)


@settings(max_examples=60, deadline=None)
@given(
    grade=st.sampled_from(("general", "major")), days=st.integers(0, 60), offset=st.integers(-3, 3)
)
def test_escalation_due_iff_the_deadline_has_passed(grade: str, days: int, offset: int) -> None:
    limit = 30 if grade == "general" else 60
    days = min(days, limit)
    start = datetime(2024, 6, 1, 9)
    deadline = start.date() + timedelta(days=days)
    events = [
        Event("e1", "h", "report", start, "hazard", {"level": "village"}, "grid"),
        Event("e2", "h", "assess", start, "hazard", {"grade": grade, "level": "village"}, "t"),
        Event(
            "e3",
            "h",
            "assign",
            start,
            "hazard",
            {"responsible": "村委会", "deadline": deadline.isoformat()},
            "t",
        ),
    ]
    as_of = deadline + timedelta(days=offset)
    if as_of < start.date():
        return
    due = due_escalations(replay(events, DEFS, as_of).values(), as_of, DEFS["hazard"].policy)
    assert bool(due) == (as_of > deadline)
    for event in due:
        assert event.at == datetime.combine(deadline + timedelta(days=1), datetime.min.time())
        assert event.payload["to_level"] == "township"

"""Hypothesis properties of the core on the example standard."""

from __future__ import annotations

import json
from datetime import date

import attrs
from core_support import AS_OF, make_station
from hypothesis import given, settings
from hypothesis import strategies as st
from stationkit_example.plugin import STANDARD

import stationkit as sk
import stationkit.records
import stationkit.standard
from stationkit.report._json import report_from_json, report_to_json

FAST = settings(max_examples=60, deadline=None)

stations = st.builds(
    make_station,
    members=st.integers(0, 40),
    age=st.integers(18, 60),
    phones=st.none() | st.integers(0, 3),
    screen=st.none() | st.floats(0, 200, allow_nan=False),
    sid=st.text("abcdef", min_size=1, max_size=4),
)
completion = st.none() | st.dates(date(2023, 1, 1), date(2024, 12, 31))


def _with_completion(station: sk.Station, day: date | None) -> sk.Station:
    return attrs.evolve(station, completed_on=day)


@FAST
@given(stations, completion, st.floats(0, 5))
def test_score_stays_within_bounds(station: sk.Station, day: date | None, bonus: float) -> None:
    report = sk.assess(
        _with_completion(station, day),
        STANDARD,
        as_of=AS_OF,
        parameters={"bonus_per_station": bonus},
    )
    assert 0.0 <= report.score <= report.max_score + 1.0  # the bonus cap is 1
    assert 0.0 <= report.base_score <= report.max_score


@FAST
@given(stations)
def test_assessment_is_deterministic(station: sk.Station) -> None:
    assert sk.assess(station, STANDARD, as_of=AS_OF) == sk.assess(station, STANDARD, as_of=AS_OF)


@FAST
@given(stations, st.sampled_from([{}, {"team_min": 10}, {"screen_min": 55.5}]))
def test_reports_round_trip_through_json(station: sk.Station, params: dict[str, object]) -> None:
    report = sk.assess(station, STANDARD, as_of=AS_OF, parameters=params)
    text = json.dumps(report_to_json(report), ensure_ascii=False)
    again = report_from_json(json.loads(text))
    assert again == report
    assert report_to_json(again) == json.loads(text)


@FAST
@given(stations)
def test_gates_decide_the_outcome(station: sk.Station) -> None:
    report = sk.assess(station, STANDARD, as_of=AS_OF)
    gate = report.finding("team.size")
    if not gate.passed:
        assert report.outcome == "fail" and report.failed_gates == ("team.size",)


@FAST
@given(st.lists(stations, min_size=1, max_size=25), st.floats(0, 1))
def test_rank_caps_are_never_exceeded(batch: list[sk.Station], share: float) -> None:
    reports = sk.assess_batch(batch, STANDARD, as_of=AS_OF, parameters={"excellent_share": share})
    excellent = sum(r.grade == "excellent" for r in reports)
    assert excellent <= int(share * len(batch) + 1e-9)
    # A cap only ever lowers grades.
    for report, station in zip(reports, batch, strict=True):
        alone = sk.assess(station, STANDARD, as_of=AS_OF, parameters={"excellent_share": share})
        assert report.score == alone.score
        if report.grade != alone.grade:
            assert report.rank_capped and alone.grade == "excellent"


@FAST
@given(
    stations,
    st.sampled_from(["team_min", "age_max", "phones_min", "screen_min"]),
    st.integers(0, 120),
)
def test_tailoring_changes_only_what_it_names(station: sk.Station, name: str, value: int) -> None:
    base = sk.assess(station, STANDARD, as_of=AS_OF)
    tailored = sk.assess(station, STANDARD, as_of=AS_OF, parameters={name: value})
    users = {r.id for r in STANDARD.edition().requirements if name in r.parameters}
    for before, after in zip(base.findings, tailored.findings, strict=True):
        if before.requirement not in users:
            assert before == after
    assert list(tailored.overridden) == [name]


@FAST
@given(stations)
def test_applying_a_remedy_makes_the_finding_met(station: sk.Station) -> None:
    report = sk.assess(station, STANDARD, as_of=AS_OF)
    for finding in report.findings:
        if finding.status is sk.Status.NOT_MET and finding.remedy and finding.remedy.change:
            fixed = sk.standard.apply_remedy(station, finding.remedy)
            again = sk.assess(fixed, STANDARD, as_of=AS_OF).finding(finding.requirement)
            assert again.status is sk.Status.MET, (finding.requirement, finding.remedy)


@FAST
@given(stations, st.integers(1, 10), st.integers(1, 3))
def test_monotone_requirements_never_flip_when_resources_are_added(
    station: sk.Station, more_members: int, more_phones: int
) -> None:
    before = sk.assess(station, STANDARD, as_of=AS_OF)
    team = station.team("rescue")
    members = (team.members or ()) if team else ()
    extra = tuple(sk.records.Member(f"extra{i}", age=30) for i in range(more_members))
    comms = station.communications or sk.records.Communications()
    richer = attrs.evolve(
        station,
        teams=(sk.records.Team("rescue", members=members + extra),),
        communications=attrs.evolve(
            comms, satellite_phones=(comms.satellite_phones or 0) + more_phones
        ),
    )
    after = sk.assess(richer, STANDARD, as_of=AS_OF)
    for req in STANDARD.edition().requirements:
        if req.monotone and req.scope.covers(station) and before.finding(req.id).passed:
            assert after.finding(req.id).passed, req.id


@FAST
@given(stations, st.data())
def test_waivers_change_acceptance_only(station: sk.Station, data: st.DataObject) -> None:
    """A waiver never changes a finding's status, the score or the grade; waiving every item
    that fails acceptance makes the subject accepted, and nothing else does."""
    plain = sk.assess(station, STANDARD, as_of=AS_OF)
    assert plain.acceptance is not None
    failing = list(plain.acceptance.not_met)
    chosen = data.draw(st.lists(st.sampled_from(failing), unique=True) if failing else st.just([]))
    waivers = [
        sk.standard.Waiver(r, "*", "approved exception", "county bureau", date(2030, 1, 1))
        for r in chosen
    ]
    waived = sk.assess(station, STANDARD, as_of=AS_OF, waivers=waivers)
    assert [f.status for f in waived.findings] == [f.status for f in plain.findings]
    assert (waived.score, waived.grade) == (plain.score, plain.grade)
    assert waived.acceptance is not None and set(waived.acceptance.waived) == set(chosen)
    below = waived.acceptance.below_pass_mark
    assert waived.passed is (set(chosen) == set(failing) and not below)

"""The property checks hold on the example standard and explain what they find."""

from __future__ import annotations

from datetime import date

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from stationkit_example.plugin import STANDARD

import stationkit as sk
import stationkit.records
from stationkit.testing import strategies as sts
from stationkit.testing.properties import (
    Policy,
    PropertyFailure,
    assert_fails,
    assert_met,
    assert_not_met,
    assert_passes,
    rank_cap_problems,
)

AS_OF = date(2024, 12, 31)
FAST = settings(max_examples=20, deadline=None, database=None)
POLICY = Policy(STANDARD, "2024", as_of=AS_OF)


def _station(members: int = 30, phones: int | None = 1) -> sk.Station:
    team = sk.records.Team(
        "rescue",
        members=tuple(sk.records.Member(f"m{i}", age=sk.records.Count(30)) for i in range(members)),
    )
    return sk.Station(
        "s1",
        "s1",
        "post",
        teams=(team,),
        communications=sk.records.Communications(satellite_phones=phones, screen_inches=100.0),
    )


def test_the_example_edition_is_well_formed() -> None:
    POLICY.check_contract()


@FAST
@given(sts.stations_for(STANDARD, as_of=AS_OF))
def test_every_single_subject_property_holds(station: sk.Station) -> None:
    POLICY.check(station)


@FAST
@given(sts.stations_for(STANDARD, as_of=AS_OF), sts.overrides(STANDARD.edition()))
def test_tailoring_changes_only_what_it_names(
    station: sk.Station, values: dict[str, object]
) -> None:
    POLICY.check_tailoring(station, values)


@FAST
@given(sts.stations_for(STANDARD).flatmap(lambda s: st.tuples(st.just(s), sts.more_resources(s))))
def test_monotone_requirements_survive_more_resources(pair: tuple[sk.Station, sk.Station]) -> None:
    POLICY.check_monotone(*pair)


def test_remedies_fix_a_small_team() -> None:
    POLICY.check_remedies(_station(members=12, phones=0))


def test_rank_caps_hold_over_a_batch_of_ties() -> None:
    POLICY.check_rank_caps([attrs.evolve(_station(), id=f"s{i}") for i in range(7)])


def test_rank_cap_check_catches_a_breach_in_constructed_reports() -> None:
    report = POLICY.assess(_station())
    assert report.grade == "excellent"
    problems = rank_cap_problems(POLICY.edition.grading, [report] * 4, POLICY.assessor.resolve)
    assert len(problems) == 1 and "4 of 4 reports hold grade 'excellent'" in problems[0].message


def test_a_failure_names_the_check_the_requirement_and_the_subject() -> None:
    problem_station = _station(members=3)
    with pytest.raises(PropertyFailure) as info:
        POLICY.check_monotone(_station(), problem_station)  # fewer, not more: flips
    text = str(info.value)
    assert "[monotone] example@2024 team.size" in text
    assert '"kind": "post"' in text  # the subject, as recorded facts


def test_explained_assertions() -> None:
    report = POLICY.assess(_station(members=29))
    assert_not_met(report, "team.size")
    assert_fails(report)
    with pytest.raises(AssertionError, match=r"team.size is not_met, expected met"):
        assert_met(report, "team.size")
    with pytest.raises(AssertionError, match=r"observed 29"):
        assert_passes(report)

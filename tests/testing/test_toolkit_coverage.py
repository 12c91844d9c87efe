"""Requirement coverage: seen met and not met, a report, a threshold."""

from __future__ import annotations

from datetime import date

import pytest
from stationkit_example import plugin
from stationkit_example.plugin import STANDARD

import stationkit as sk
import stationkit.records
from stationkit.testing import AssessHelper, FakeClock, RegistryFactory
from stationkit.testing.coverage import RequirementCoverage


def _station(members: int) -> sk.Station:
    team = sk.records.Team(
        "rescue",
        members=tuple(sk.records.Member(f"m{i}", age=sk.records.Count(30)) for i in range(members)),
    )
    return sk.Station(
        "s",
        "s",
        "post",
        teams=(team,),
        communications=sk.records.Communications(satellite_phones=1, screen_inches=99.0),
    )


def test_coverage_counts_requirements_seen_both_ways() -> None:
    cov = RequirementCoverage()
    cov.add_edition(STANDARD, "2024")
    for n in (29, 30):
        cov.record(sk.assess(_station(n), STANDARD, as_of=date(2024, 12, 31)))
    rep = cov.report()
    seen = {r.requirement: r for r in rep.rows}
    assert seen["team.size"].covered
    assert seen["comms.screen"].gap == "never met"
    assert seen["region.coverage"].gap == "never assessed"
    assert rep.covered == 1 and rep.total == 6
    assert "team.size: met 1, not met 1" in rep.render()
    with pytest.raises(AssertionError, match=r"(?s)below 50%.*comms.screen: never met"):
        cov.require(0.5)
    cov.require(0.1)


def test_the_fixtures(
    stationkit_registry: RegistryFactory,
    stationkit_assess: AssessHelper,
    stationkit_clock: FakeClock,
    stationkit_coverage: RequirementCoverage,
) -> None:
    registry = stationkit_registry(plugin)
    assert registry.standard("example@2024")[0] is STANDARD
    stationkit_clock.set(date(2024, 12, 31))
    assert stationkit_clock.advance(days=1) == date(2025, 1, 1)
    report = stationkit_assess(_station(30), "example@2024")
    assert report.as_of == date(2025, 1, 1)
    assert any(r.requirement == "team.size" and r.met for r in stationkit_coverage.report().rows)
    reports = stationkit_assess.batch([_station(30)] * 4, STANDARD)
    assert sum(r.grade == "excellent" for r in reports) <= 1

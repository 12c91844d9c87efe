"""The tests of docs/plugin-authors.md: the conformance suite, then the requirement itself."""

from __future__ import annotations

from datetime import date

import stationkit_mycounty.plugin as plugin

from stationkit import Station, Status, assess
from stationkit.records import Member, Team
from stationkit.testing.conformance import check_plugin


def test_conformance() -> None:
    check_plugin(plugin, name="mycounty")  # or check_plugin("mycounty") once installed


def station(members: int) -> Station:
    team = Team("rescue", members=tuple(Member(f"m{i}") for i in range(members)))
    return Station(id="s", name="s", kind="township_station", teams=(team,))


def test_team_size_at_and_below_the_threshold() -> None:
    as_of = date(2024, 6, 30)
    met = assess(station(30), plugin.STANDARD, as_of=as_of)
    short = assess(station(29), plugin.STANDARD, as_of=as_of)
    assert met.finding("rescue.team_size").status is Status.MET
    assert short.finding("rescue.team_size").status is Status.NOT_MET
    assert not short.passed  # a gate: failing it fails the station

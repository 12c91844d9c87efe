"""The strategies generate valid records, aimed at thresholds when asked."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st
from stationkit_example.plugin import STANDARD

import stationkit as sk
import stationkit.records
import stationkit.standard
from stationkit.records._loading import converter
from stationkit.testing import strategies as sts

FAST = settings(max_examples=25, deadline=None, database=None)
EDITION = STANDARD.edition("2024")
AS_OF = date(2024, 12, 31)


def _rescue(n: int) -> sk.Station:
    members = tuple(sk.records.Member(f"m{i}", age=sk.records.Count(30)) for i in range(n))
    return sk.Station("s", "s", "post", teams=(sk.records.Team("rescue", members=members),))


@FAST
@given(sts.stations_for(STANDARD, as_of=AS_OF))
def test_generated_stations_load_strictly_and_have_the_standards_kinds(s: sk.Station) -> None:
    data = converter().unstructure(s)
    assert sk.records.dataset_from_data({"stations": [data]}).stations == (s,)
    assert s.kind == "post"


@FAST
@given(sts.drills(as_of=AS_OF))
def test_consistent_drills_have_ordered_timestamps(drill: sk.records.Drill) -> None:
    stamps = [
        t
        for t in (
            drill.alarm_at,
            drill.assembled_at,
            drill.departed_at,
            drill.arrived_at,
            drill.rescue_started_at,
        )
        if t is not None
    ]
    assert stamps == sorted(stamps)
    assert drill.date <= AS_OF


@FAST
@given(sts.drills(as_of=AS_OF, consistent=False))
def test_inconsistent_drills_have_a_timestamp_out_of_order(drill: sk.records.Drill) -> None:
    stamps = [
        t
        for t in (
            drill.alarm_at,
            drill.assembled_at,
            drill.departed_at,
            drill.arrived_at,
            drill.rescue_started_at,
        )
        if t is not None
    ]
    assert stamps != sorted(stamps)


@FAST
@given(sts.stations_near(EDITION, "team_min", _rescue))
def test_stations_near_a_threshold_are_at_or_next_to_it(s: sk.Station) -> None:
    team = s.team("rescue")
    assert team is not None and team.members is not None
    assert len(team.members) in (29, 30, 31)


@FAST
@given(sts.thresholds(EDITION, "screen_min", "below"))
def test_just_below_a_real_threshold(value: float) -> None:
    assert value < 100.0 and value >= 99.0


@FAST
@given(sts.stations_for(STANDARD, teams=sts.teams_of("rescue", 29)))
def test_no_station_with_a_29_member_rescue_team_ever_passes(station: sk.Station) -> None:
    # The policy-author example: three lines with the strategies.
    assert not sk.assess(station, STANDARD, as_of=AS_OF).passed


@FAST
@given(sts.stations_for(STANDARD).flatmap(lambda s: st.tuples(st.just(s), sts.more_resources(s))))
def test_more_resources_never_removes_anything(pair: tuple[sk.Station, sk.Station]) -> None:
    station, richer = pair
    for before, after in zip(station.teams or (), richer.teams or (), strict=True):
        assert len(after.members or ()) >= len(before.members or ())
    assert len(richer.posts or ()) >= len(station.posts or ())
    assert sum(i.quantity for i in richer.equipment or ()) >= sum(
        i.quantity for i in station.equipment or ()
    )


@FAST
@given(sts.regions())
def test_region_trees_have_unique_codes_and_ordered_levels(tree: sk.records.Region) -> None:
    codes = [r.code for r in tree.walk()]
    assert len(codes) == len(set(codes))
    order = list(sk.records.RegionLevel)
    for node in tree.walk():
        for child in node.children:
            assert order.index(child.level) == order.index(node.level) + 1


@FAST
@given(sts.overrides(EDITION, max_size=2))
def test_overrides_are_valid_and_differ_from_the_source(values: dict[str, object]) -> None:
    report = sk.assess(_rescue(30), STANDARD, as_of=AS_OF, parameters=values)
    assert set(report.overridden) == set(values)
    for name, value in values.items():
        assert value != EDITION.parameter(name).value


@FAST
@given(sts.region_subjects(sts.stations_for(STANDARD)))
def test_region_subjects_hold_stations_of_their_villages(
    subject: sk.standard.RegionSubject,
) -> None:
    villages = {r.code for r in subject.region.walk()}
    assert all(s.region in villages for s in subject.stations)

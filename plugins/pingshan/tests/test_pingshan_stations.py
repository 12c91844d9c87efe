"""Station checks: the SZ city baseline and PS's five work areas, on a station that meets
them all and on stations that fall short by one, with remedies that fix them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

import attrs
import pytest
from stationkit_pingshan.standard import STANDARD

import stationkit as sk
import stationkit.records
import stationkit.standard

AS_OF = date(2024, 12, 31)
Edit = Callable[[sk.Station], sk.Station]


def _assess(station: sk.Station, dataset: sk.Dataset | None = None) -> sk.Report:
    return sk.assess(station, STANDARD, "2024", as_of=AS_OF, dataset=dataset)


def _team(station: sk.Station, **changes: Any) -> sk.Station:
    team = station.team("rescue")
    assert team is not None
    return attrs.evolve(station, teams=(attrs.evolve(team, **changes),))


def test_the_baseline_meets_every_station_check(baseline: sk.Station) -> None:
    report = _assess(baseline)
    assert report.passed and report.score == 100.0
    for f in report.findings:
        assert f.status in (sk.Status.MET, sk.Status.NOT_APPLICABLE), f.requirement
    assert {g.group for g in report.breakdown} == {
        "command",
        "prevention",
        "publicity",
        "rescue",
        "archives",
    }


def _members(n: int) -> tuple[sk.records.Member, ...]:
    roles = ["队长", "副队长", "通信员", "安全员"]
    return tuple(sk.records.Member(f"m{i}", roles[i] if i < 4 else None) for i in range(n))


SHORTFALLS: dict[str, Edit] = {
    "rescue.team_groups": lambda s: _team(s, groups=("应急处置组",)),
    "rescue.team_officers": lambda s: (
        _team(
            s,
            members=tuple(
                attrs.evolve(m, role=None) if m.role == "通信员" else m
                for m in s.teams[0].members or ()
            ),
        )
        if s.teams
        else s
    ),
    "rescue.vehicles": lambda s: _team(s, vehicles=1),
    "rescue.integration": lambda s: attrs.evolve(
        s, functions=tuple(e for e in s.functions or () if e.topic != "integration")
    ),
    "rescue.equipment_categories": lambda s: attrs.evolve(
        s, equipment=tuple(i for i in s.equipment or () if i.category != "破拆")
    ),
    "rescue.required_kit": lambda s: attrs.evolve(
        s, equipment=tuple(i for i in s.equipment or () if i.item != "消防泵")
    ),
    "rescue.store": lambda s: attrs.evolve(
        s, warehouse=sk.records.Warehouse(ledger=False, rules=())
    ),
    "command.plans": lambda s: attrs.evolve(s, plans=(sk.records.Plan("应急预案"),)),
    "command.drills": lambda s: attrs.evolve(s, drills=()),
    "command.duty": lambda s: attrs.evolve(s, duty=sk.records.DutyArrangement(True, 300)),
    "command.alarm_channels": lambda s: attrs.evolve(
        s, communications=sk.records.Communications(alarm_channels=("119平台",))
    ),
    "command.escape": lambda s: attrs.evolve(s, wall_maps=("逃生路线",)),
    "command.first_response": lambda s: attrs.evolve(
        s, functions=tuple(e for e in s.functions or () if e.topic != "first_response")
    ),
    "prevention.patrols": lambda s: attrs.evolve(
        s,
        ledgers=tuple(
            attrs.evolve(x, updated_on=date(2023, 12, 1)) if x.kind == "安全巡查" else x
            for x in s.ledgers or ()
        ),
    ),
    "prevention.reporting": lambda s: attrs.evolve(
        s, functions=tuple(e for e in s.functions or () if e.topic != "reporting")
    ),
    "prevention.risk_places": lambda s: attrs.evolve(s, grids=()),
    "publicity.core_skills": lambda s: attrs.evolve(
        s, trainings=tuple(t for t in s.trainings or () if not t.skills)
    ),
    "publicity.safety_topics": lambda s: attrs.evolve(
        s, trainings=tuple(t for t in s.trainings or () if t.topic != "交通安全")
    ),
    "publicity.themes": lambda s: attrs.evolve(
        s, functions=tuple(e for e in s.functions or () if e.topic != "publicity")
    ),
    "publicity.evacuation_drills": lambda s: attrs.evolve(
        s, drills=tuple(d for d in s.drills or () if d.kind != "应急疏散演练")
    ),
    "archives.rules": lambda s: attrs.evolve(s, rules=("应急值守",)),
    "archives.ledgers": lambda s: attrs.evolve(s, ledgers=()),
    "profile.functions": lambda s: attrs.evolve(
        s, functions=tuple(e for e in s.functions or () if e.topic != "functions")
    ),
    "profile.premises": lambda s: attrs.evolve(s, premises=sk.records.Premises(fixed=False)),
    "profile.sign": lambda s: attrs.evolve(s, signs=(sk.records.Sign("站"),)),
    "profile.service_desk": lambda s: attrs.evolve(s, functions=()),
    "profile.sub_kind": lambda s: attrs.evolve(s, sub_kind="airport"),
}


@pytest.mark.parametrize("requirement", sorted(SHORTFALLS))
def test_falling_short_is_not_met_and_the_remedy_fixes_it(
    baseline: sk.Station, requirement: str
) -> None:
    station = SHORTFALLS[requirement](baseline)
    finding = _assess(station).finding(requirement)
    assert finding.status is sk.Status.NOT_MET
    assert finding.remedy is not None and finding.remedy.change
    fixed = sk.standard.apply_remedy(station, finding.remedy)
    assert _assess(fixed).finding(requirement).status is sk.Status.MET


@pytest.mark.parametrize(("size", "ok"), [(9, False), (10, True), (30, True), (31, False)])
def test_team_of_ten_to_thirty(baseline: sk.Station, size: int, ok: bool) -> None:
    station = _team(baseline, members=_members(size))
    finding = _assess(station).finding("rescue.team_size")
    assert (finding.status is sk.Status.MET) == ok
    if not ok:
        assert finding.remedy is not None
        fixed = sk.standard.apply_remedy(station, finding.remedy)
        assert _assess(fixed).finding("rescue.team_size").status is sk.Status.MET


@pytest.mark.parametrize(("seconds", "ok"), [(299, True), (300, True), (301, False)])
def test_arrival_within_five_minutes(baseline: sk.Station, seconds: int, ok: bool) -> None:
    alarm = datetime(2024, 11, 1, 9, 0, 0)
    drill = sk.records.Drill(
        date(2024, 11, 1),
        "应急拉动演练",
        alarm_at=alarm,
        arrived_at=datetime.fromtimestamp(alarm.timestamp() + seconds),
    )
    station = attrs.evolve(baseline, drills=(*(baseline.drills or ()), drill))
    finding = _assess(station).finding("command.arrival")
    assert (finding.status is sk.Status.MET) == ok
    if not ok:
        assert finding.remedy is not None
        fixed = sk.standard.apply_remedy(station, finding.remedy)
        assert _assess(fixed).finding("command.arrival").status is sk.Status.MET


@pytest.mark.parametrize(("vehicles", "ok"), [(1, False), (2, True), (3, True)])
def test_at_least_two_vehicles(baseline: sk.Station, vehicles: int, ok: bool) -> None:
    finding = _assess(_team(baseline, vehicles=vehicles)).finding("rescue.vehicles")
    assert (finding.status is sk.Status.MET) == ok


@pytest.mark.parametrize(
    "field",
    [
        "teams",
        "equipment",
        "duty",
        "drills",
        "trainings",
        "rules",
        "ledgers",
        "functions",
        "plans",
        "communications",
    ],
)
def test_unrecorded_facts_are_missing_evidence_never_a_pass(
    baseline: sk.Station, field: str
) -> None:
    unrecorded: dict[str, Any] = {field: None}
    report = _assess(attrs.evolve(baseline, **unrecorded))
    missing = report.with_status(sk.Status.MISSING_EVIDENCE)
    assert missing, field
    assert not report.passed


def test_forest_area_stations_need_the_forest_kit(baseline: sk.Station) -> None:
    def dataset(mountainous: bool | None) -> sk.Dataset:
        node = sk.records.Region(
            "X", "某街道", sk.records.RegionLevel.TOWNSHIP, "street", mountainous=mountainous
        )
        return sk.Dataset(region=node, stations=(), year=2024)

    station = attrs.evolve(baseline, region="X")
    assert (
        _assess(station, dataset(False)).finding("rescue.forest_kit").status
        is sk.Status.NOT_APPLICABLE
    )
    assert (
        _assess(station, dataset(None)).finding("rescue.forest_kit").status
        is sk.Status.MISSING_EVIDENCE
    )
    finding = _assess(station, dataset(True)).finding("rescue.forest_kit")
    assert finding.status is sk.Status.NOT_MET and finding.remedy is not None
    fixed = sk.standard.apply_remedy(station, finding.remedy)
    assert _assess(fixed, dataset(True)).finding("rescue.forest_kit").status is sk.Status.MET


def test_integration_needs_two_of_the_kinds_forces(baseline: sk.Station) -> None:
    def with_forces(*items: str) -> sk.Station:
        kept = tuple(e for e in baseline.functions or () if e.topic != "integration")
        return attrs.evolve(
            baseline,
            kind="community",
            sub_kind=None,
            functions=(*kept, sk.records.Evidence("integration", items)),
        )

    assert _assess(with_forces("安全员")).finding("rescue.integration").status is sk.Status.NOT_MET
    assert (
        _assess(with_forces("安全员", "网格员")).finding("rescue.integration").status
        is sk.Status.MET
    )
    # a park's forces do not count for a community station
    assert (
        _assess(with_forces("园区物业人员", "企业安全管理人员"))
        .finding("rescue.integration")
        .status
        is sk.Status.NOT_MET
    )


def test_profile_findings_are_reported_but_not_scored(baseline: sk.Station) -> None:
    report = _assess(attrs.evolve(baseline, signs=(), premises=sk.records.Premises(fixed=False)))
    assert report.finding("profile.sign").status is sk.Status.NOT_MET
    assert report.score == 100.0 and report.passed

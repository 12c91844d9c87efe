"""Funding (保障措施, reported, not scored: it is not one of the eight haves) and the rollout
of each edition over a county (region subject): QZ23's one pilot, QZ25's four towns."""

from __future__ import annotations

from datetime import date

from stationkit import Station, Text
from stationkit.records import RegionLevel
from stationkit.standard import (
    Change,
    Check,
    Context,
    DatedUnit,
    RegionSubject,
    Remedy,
    Requirement,
    Role,
    Scope,
    UnitStatus,
    check_dated,
    counting,
    met,
    missing,
    not_met,
)
from stationkit_quanzhou import citations as c
from stationkit_quanzhou._checks import STATION_KIND, requirement

FUNDING = "funding"
ROLLOUT = "rollout"
COUNTY = Scope("region", levels=frozenset({RegionLevel.COUNTY}))


def construction_funding(station: Station, ctx: Context) -> Check:
    want = ctx.integer("funding_construction_yuan")
    expected = {"min_yuan": want}
    value = station.funding.construction_yuan if station.funding else None
    if value is None:
        return missing("funding.construction_yuan", expected)
    if value >= want:
        return met(value, expected)
    return not_met(
        value,
        expected,
        lambda: Remedy(
            Text(f"建设经费达到{want}元", f"fund construction with {want} yuan"),
            (Change("set", "funding.construction_yuan", want),),
        ),
    )


def upkeep_budget(station: Station, ctx: Context) -> Check:
    expected = {"annual_upkeep_yuan": "> 0, in the yearly budget"}
    value = station.funding.annual_upkeep_yuan if station.funding else None
    if value is None:
        return missing("funding.annual_upkeep_yuan", expected)
    if value > 0:
        return met(value, expected)
    return not_met(
        value,
        expected,
        lambda: Remedy(Text("每年安排管护经费并列入财政预算", "budget yearly upkeep funds")),
    )


def _stations_in(subject: RegionSubject) -> dict[str, list[Station]]:
    by_region: dict[str, list[Station]] = {}
    for station in subject.stations:
        if station.kind == STATION_KIND and station.region:
            by_region.setdefault(station.region, []).append(station)
    return by_region


def _not_a_station(station: Station, ctx: Context) -> Text | None:
    if station.kind != STATION_KIND:
        return Text(
            f"不是镇(街道)标准化应急管理站(kind={station.kind})",
            f"not a township station (kind {station.kind})",
        )
    return None


def _first_completion(stations: list[Station], ctx: Context) -> date | None:
    """The earliest completion known on ``as_of`` (a later one does not count yet)."""
    days = [s.completed_on for s in stations if s.completed_on and s.completed_on <= ctx.as_of]
    return min(days) if days else None


def _undated(stations: list[Station]) -> Station | None:
    return next((s for s in stations if s.completed_on is None), None)


@counting(_not_a_station)
def pilot(subject: RegionSubject, ctx: Context) -> Check:
    """QZ23: the county builds (at least) one pilot station by the end of October 2023."""
    need = ctx.integer("pilot_stations_min")
    due = ctx.day("rollout_due")
    expected = {"min": need, "due": due.isoformat()}
    stations = [s for v in _stations_in(subject).values() for s in v]
    known = sorted(
        s.completed_on for s in stations if s.completed_on and s.completed_on <= ctx.as_of
    )
    undated = _undated(stations)
    if len(known) < need and undated is not None:
        return missing(f"stations[id={undated.id}].completed_on", expected)
    units = [
        DatedUnit.at(f"pilot {k + 1}", due, known[k] if k < len(known) else None, ctx.as_of)
        for k in range(need)
    ]
    return check_dated(
        units,
        expected,
        lambda late: Remedy(
            Text("在试点乡镇建设标准化应急管理站", "build the pilot station"),
        ),
    )


@counting(_not_a_station)
def towns(subject: RegionSubject, ctx: Context) -> Check:
    """QZ25: one station in each named town (street) by the end of October 2025, by name:
    each town is not yet due, done on time, done late or overdue at ``as_of``."""
    names = ctx.names("rollout_towns")
    due = ctx.day("rollout_due")
    expected = {"one_station_in_each": list(names), "due": due.isoformat()}
    by_name = {r.name: r for r in subject.region.walk() if r.level is RegionLevel.TOWNSHIP}
    absent_towns = [n for n in names if n not in by_name]
    if absent_towns:
        return missing("region.children[name=" + "/".join(absent_towns) + "]", expected)
    built = _stations_in(subject)
    units = []
    for name in names:
        stations = built.get(by_name[name].code, [])
        done = _first_completion(stations, ctx)
        undated = _undated(stations)
        if done is None and undated is not None:
            return missing(f"stations[id={undated.id}].completed_on", expected)
        units.append(DatedUnit.at(name, due, done, ctx.as_of))

    def remedy(late: list[DatedUnit]) -> Remedy:
        lacking = [u.name for u in late if u.status is UnitStatus.OVERDUE]
        if not lacking:
            return Remedy(
                Text(
                    "逾期建成:" + "、".join(u.name for u in late),
                    "built late: " + ", ".join(u.name for u in late),
                )
            )
        return Remedy(
            Text(
                "在以下镇(街道)建成标准化应急管理站:" + "、".join(lacking),
                "build a station in: " + ", ".join(lacking),
            )
        )

    return check_dated(units, expected, remedy)


FUNDING_2023: tuple[Requirement, ...] = (
    requirement(
        "funding.construction",
        FUNDING,
        "建设经费(不少于下限)",
        "construction funding (at least the minimum)",
        c.FUNDING_23,
        construction_funding,
        ("funding_construction_yuan",),
        role=Role.INFO,
        monotone=True,
    ),
    requirement(
        "funding.upkeep",
        FUNDING,
        "年度管护经费列入预算",
        "yearly upkeep budget",
        c.UPKEEP_23,
        upkeep_budget,
        role=Role.INFO,
        monotone=True,
    ),
)

FUNDING_2025: tuple[Requirement, ...] = (
    requirement(
        "funding.construction",
        FUNDING,
        "建设资金约30万元(参考)",
        "construction funding of about 300,000 yuan (reference)",
        c.FUNDING_25,
        construction_funding,
        ("funding_construction_yuan",),
        role=Role.INFO,
        monotone=True,
    ),
    requirement(
        "funding.upkeep",
        FUNDING,
        "工作经费纳入财政预算",
        "running costs in the budget",
        c.UPKEEP_25,
        upkeep_budget,
        role=Role.INFO,
        monotone=True,
    ),
)

ROLLOUT_2023 = Requirement(
    "rollout.pilot",
    ROLLOUT,
    Text("建设1个试点应急管理站", "one pilot station"),
    c.PILOT_23,
    pilot,
    COUNTY,
    monotone=True,
    parameters=("pilot_stations_min", "rollout_due"),
)
ROLLOUT_2025 = Requirement(
    "rollout.towns",
    ROLLOUT,
    Text("湖滨街道、蚶江镇、永宁镇、祥芝镇各建1个", "one station in each of the four towns"),
    c.TOWNS_25,
    towns,
    COUNTY,
    monotone=True,
    parameters=("rollout_towns", "rollout_due"),
)

"""The street's construction indicator (建设指标, 40 %): 2023 "1+3+1" and 2024 "两过半+一批".

A station counts when its ``completed_on`` is on or before the target deadline (and the
assessment date). Each target is a *component*; the finding lists every component with what
was built and what the target asks, and its remedy adds the stations still lacking (built on
the deadline, in communities or parks not yet covered). Partial credit (default on,
``construction_partial_credit``) is the mean of each component's fulfilment, at most 1.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

import attrs

from stationkit import (
    Station,
    Status,
    Text,
)
from stationkit.records import RegionLevel
from stationkit.standard import (
    REMEDY_ITEMS_MAX,
    Change,
    Check,
    Context,
    RegionSubject,
    Remedy,
    Requirement,
    Role,
    counting,
    credit,
    met,
    not_met,
)
from stationkit_pingshan import citations as c
from stationkit_pingshan.kinds import COMMUNITY, INDUSTRIAL_PARK, STREET, STREET_CENTRE, STREETS
from stationkit_pingshan.scoring import CONSTRUCTION


@attrs.frozen
class Component:
    """One target: how many are built, how many are needed, and the stations that would fill
    the gap."""

    key: str
    built: int
    need: int
    zh: str
    en: str
    new: tuple[dict[str, Any], ...] = ()
    of: int | None = None  # coverage targets: how many communities / parks there are
    over: float | None = None

    @property
    def ok(self) -> bool:
        return self.built >= self.need

    @property
    def fulfilment(self) -> float:
        return 1.0 if self.need <= 0 else min(self.built / self.need, 1.0)

    def json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"built": self.built, "target": self.need}
        if self.of is not None:
            data |= {
                "of": self.of,
                "more_than": self.over,
                "ratio": round(self.built / self.of, 4) if self.of else None,
            }
        return data


def cutoff(ctx: Context) -> date:
    return min(ctx.as_of, ctx.day("construction_deadline"))


def built(subject: RegionSubject, ctx: Context) -> tuple[list[Station], list[Station]]:
    """(stations completed by the cutoff, stations whose completion date is not recorded)."""
    end = cutoff(ctx)
    done = [s for s in subject.stations if s.completed_on is not None and s.completed_on <= end]
    unknown = [s for s in subject.stations if s.completed_on is None]
    return done, unknown


def _new_station(
    subject: RegionSubject,
    ctx: Context,
    key: str,
    kind: str,
    region: str,
    n: int,
    sub_kind: str | None = None,
) -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": f"{subject.region.code}-new-{key}-{n}",
        "name": f"新建站点 {key} {n}",
        "kind": kind,
        "region": region,
        "completed_on": cutoff(ctx).isoformat(),
    }
    if sub_kind is not None:
        record["sub_kind"] = sub_kind
    return record


def _units(subject: RegionSubject, kind: str) -> list[str]:
    """The codes of the street's communities or industrial parks."""
    return [
        n.code for n in subject.region.walk() if n.level is RegionLevel.VILLAGE and n.kind == kind
    ]


def _count(
    subject: RegionSubject,
    ctx: Context,
    kind: str,
    need: int,
    zh: str,
    en: str,
    done: Sequence[Station],
    *,
    sub_kind: str | None = None,
    any_kind: bool = False,
) -> Component:
    """A target of ``need`` stations of ``kind`` (and ``sub_kind``); with ``any_kind``,
    stations of any kind with that ``sub_kind`` count (new ones are of ``kind``)."""
    key = kind if sub_kind is None else sub_kind
    have = sum(
        (any_kind or s.kind == kind) and (sub_kind is None or s.sub_kind == sub_kind) for s in done
    )
    units = _units(subject, kind) if kind != STREET else []
    served = {s.region for s in done if s.kind == kind}
    free = [u for u in units if u not in served] or units or [subject.region.code]
    new = tuple(
        _new_station(subject, ctx, key, kind, free[i % len(free)], i + 1, sub_kind)
        # One past the cap is enough to know the remedy will state the count instead.
        for i in range(min(max(need - have, 0), REMEDY_ITEMS_MAX + 1))
    )
    return Component(key, have, need, zh, en, new)


def _coverage(
    subject: RegionSubject,
    ctx: Context,
    kind: str,
    over_param: str,
    zh: str,
    en: str,
    done: Sequence[Station],
) -> Component | None:
    """More than ``over`` of the street's units of ``kind`` have a station of that kind."""
    units = _units(subject, kind)
    if not units:
        return None  # nothing to cover: the target is vacuous for this street
    over = ctx.number(over_param)
    need = next(k for k in range(len(units) + 1) if k / len(units) > over or k == len(units))
    covered = {s.region for s in done if s.kind == kind} & set(units)
    free = [u for u in units if u not in covered]
    gap = max(need - len(covered), 0)
    key = f"{kind}_coverage"
    new = tuple(
        _new_station(subject, ctx, key, kind, free[i], i + 1)
        for i in range(min(gap, REMEDY_ITEMS_MAX + 1))
    )
    return Component(key, len(covered), need, zh, en, new, len(units), over)


def _finding(components: Sequence[Component], unknown: Sequence[Station], ctx: Context) -> Check:
    """The targets as of ``as_of``, scored whenever assessed: PS 四 scores construction in the
    year's assessment, held 11月1日至12月31日 before the deadline ("2023年底"). ``observed``
    says whether the shortfall is ``not_yet_due`` or ``overdue``; stations completed after
    the deadline or after ``as_of`` do not count (``built``)."""
    due = ctx.day("construction_deadline")
    short = [comp for comp in components if not comp.ok]
    status = "done_on_time" if not short else "not_yet_due" if ctx.as_of <= due else "overdue"
    observed: dict[str, Any] = {comp.key: comp.json() for comp in components}
    observed |= {"due": due.isoformat(), "status": status}
    expected = {comp.key: comp.need for comp in components}
    partial = ctx.flag("construction_partial_credit")
    if not short:
        return met(observed, expected, credit=1.0)
    fulfil = sum(comp.fulfilment for comp in components) / len(components)
    got = credit(fulfil, 1.0, partial=partial)
    if unknown:
        ids = [s.id for s in unknown]
        return Check(
            Status.MISSING_EVIDENCE,
            {**observed, "not_recorded": [f"stations[id={i}].completed_on" for i in ids]},
            expected,
            Remedy(
                Text(
                    f"补充站点建成日期：{'、'.join(ids)}",
                    f"record when {', '.join(ids)} were completed",
                )
            ),
            None,
            got,
        )
    zh = "；".join(f"{comp.zh}还差{comp.need - comp.built:,}个" for comp in short)
    en = "; ".join(f"{comp.en}: {comp.need - comp.built:,} short" for comp in short)
    new = [station for comp in short for station in comp.new]
    change = (Change("append", "stations", new),) if len(new) <= REMEDY_ITEMS_MAX else ()
    return not_met(
        observed,
        expected,
        Remedy(Text(zh, en), change),
        credit=got,
    )


def _not_built(station: Station, ctx: Context) -> Text | None:
    """Why a station does not count towards the street's construction targets."""
    end = cutoff(ctx)
    if station.completed_on is None:
        return Text("未登记建成日期(completed_on)", "completion date not recorded")
    if station.completed_on > end:
        return Text(
            f"{station.completed_on.isoformat()}建成,晚于截止日{end.isoformat()}",
            f"completed {station.completed_on.isoformat()}, after the cutoff {end.isoformat()}",
        )
    return None


@counting(_not_built)
def construction_2023(subject: RegionSubject, ctx: Context) -> Check:
    """“1+3+1”: ≥ 1 community, ≥ 3 industrial-park and ≥ 1 street station, one of them the
    street centre station."""
    done, unknown = built(subject, ctx)
    centre = _count(
        subject,
        ctx,
        STREET,
        ctx.integer("target_centre_stations_min"),
        "街道中心站",
        "street centre station",
        done,
        sub_kind=STREET_CENTRE,
        any_kind=True,  # "其中一个为街道中心站": one of the 1+3+1, of whatever type
    )
    components = [
        _count(
            subject,
            ctx,
            COMMUNITY,
            ctx.integer("target_community_stations_min"),
            "社区类站点",
            "community stations",
            done,
        ),
        _count(
            subject,
            ctx,
            INDUSTRIAL_PARK,
            ctx.integer("target_park_stations_min"),
            "工业园区类站点",
            "industrial-park stations",
            done,
        ),
        _street(subject, ctx, done, len(centre.new)),
        centre,
    ]
    return _finding(components, unknown, ctx)


def _street(
    subject: RegionSubject, ctx: Context, done: Sequence[Station], centres_planned: int
) -> Component:
    """Street stations; centre stations the remedy already adds count towards them."""
    need = ctx.integer("target_street_stations_min")
    comp = _count(subject, ctx, STREET, need, "街面类站点", "street stations", done)
    keep = max(len(comp.new) - centres_planned, 0)
    return attrs.evolve(comp, new=comp.new[:keep])


@counting(_not_built)
def construction_2024(subject: RegionSubject, ctx: Context) -> Check:
    """“两过半+一批”: community and industrial-park stations each cover strictly more than
    half of the street's communities / parks, and ≥ 3 street stations."""
    done, unknown = built(subject, ctx)
    parts = [
        _coverage(
            subject,
            ctx,
            COMMUNITY,
            "target_community_coverage_over",
            "社区覆盖",
            "community coverage",
            done,
        ),
        _coverage(
            subject,
            ctx,
            INDUSTRIAL_PARK,
            "target_park_coverage_over",
            "工业园区覆盖",
            "industrial-park coverage",
            done,
        ),
        _street(subject, ctx, done, 0),
    ]
    return _finding([p for p in parts if p is not None], unknown, ctx)


def centre_station(subject: RegionSubject, ctx: Context) -> Check:
    """One street centre station per street (reported; the 2023 target scores it)."""
    # "其中一个为街道中心站" (PS 四(一)): one of the street's stations, of any type.
    centres = [s for s in subject.stations if s.sub_kind == STREET_CENTRE]
    expected = {"exactly": 1}
    ids = [s.id for s in centres]
    if len(centres) == 1:
        return met(ids, expected)
    if centres:
        return not_met(
            ids,
            expected,
            Remedy(
                Text("每个街道只设1个街道中心站", "keep one street centre station per street"),
                tuple(Change("set", f"stations[id={i}].sub_kind", "other") for i in ids[1:]),
            ),
        )
    streets = [s for s in subject.stations if s.kind == STREET]
    change = (
        Change("set", f"stations[id={streets[0].id}].sub_kind", STREET_CENTRE)
        if streets
        else Change(
            "append",
            "stations",
            [
                _new_station(
                    subject, ctx, STREET_CENTRE, STREET, subject.region.code, 1, STREET_CENTRE
                )
            ],
        )
    )
    return not_met(
        ids,
        expected,
        Remedy(
            Text(
                "确定1个街面类站点为街道中心站", "make one street station the street centre station"
            ),
            (change,),
        ),
    )


Predicate = Callable[[RegionSubject, Context], Check]


def construction(predicate: Predicate, cite: Any, params: tuple[str, ...]) -> Requirement:
    return Requirement(
        "street.construction",
        CONSTRUCTION,
        Text("建设指标", "construction target"),
        cite,
        predicate,
        STREETS,
        monotone=True,
        parameters=("construction_deadline", "construction_partial_credit", *params),
    )


CONSTRUCTION_2023 = construction(
    construction_2023,
    c.PS_CONSTRUCTION_2023,
    (
        "target_community_stations_min",
        "target_park_stations_min",
        "target_street_stations_min",
        "target_centre_stations_min",
    ),
)
CONSTRUCTION_2024 = construction(
    construction_2024,
    c.PS_CONSTRUCTION_2024,
    ("target_community_coverage_over", "target_park_coverage_over", "target_street_stations_min"),
)
CENTRE_STATION = Requirement(
    "street.centre_station",
    CONSTRUCTION,
    Text("街道中心站（每街道1个）", "one street centre station"),
    c.PS_CENTRE,
    centre_station,
    STREETS,
    role=Role.INFO,
    parameters=("construction_deadline",),
)

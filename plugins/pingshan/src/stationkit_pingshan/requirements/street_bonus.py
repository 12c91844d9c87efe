"""The continuous-construction bonus (持续建设加分): +0.1 on the year's total for each station
the street completes in the year, capped at +1 (the cap is the scoring model's
``bonus_cap``). The finding's ``points`` are uncapped; the report's ``bonus`` is capped."""

from __future__ import annotations

from stationkit import Station, Text
from stationkit.standard import (
    Change,
    Check,
    Context,
    RegionSubject,
    Remedy,
    Requirement,
    Role,
    in_year,
    met,
    missing,
    not_met,
    year_window,
)
from stationkit_pingshan import citations as c
from stationkit_pingshan.kinds import STREET, STREETS
from stationkit_pingshan.scoring import BONUS


def _verified(station: Station, ctx: Context) -> bool:
    """Passed a quarterly verification in the assessed year (by ``as_of``)."""
    return any(in_year(day, ctx) for day in station.verified_on or ())


def bonus(subject: RegionSubject, ctx: Context) -> Check:
    """+``bonus_per_station`` for each station completed in the year and verified in one of
    the year's quarterly checks (PS 四(三) "每季度组织核实通过，以年终统计通过数量确定加分值"):
    an unverified station earns nothing."""
    per = ctx.number("bonus_per_station")
    expected = {"per_station": per, "cap": ctx.number("bonus_cap"), "verified": True}
    unknown = [s.id for s in subject.stations if s.completed_on is None]
    if unknown:
        return missing(f"stations[id={unknown[0]}].completed_on", expected)
    built = [s for s in subject.stations if in_year(s.completed_on, ctx)]
    done = [s.id for s in built if _verified(s, ctx)]
    unverified = [s.id for s in built if not _verified(s, ctx)]
    points = round(per * len(done), 6)
    observed = {
        "completed_in_year": len(built),
        "stations": done,
        "unverified": unverified,
        "points_uncapped": points,
    }
    _start, day = year_window(ctx)
    if done:
        return met(observed, expected, points=points)
    if unverified:
        return not_met(
            observed,
            expected,
            Remedy(
                Text("组织季度核实: " + "、".join(unverified), "verify: " + ", ".join(unverified)),
                tuple(
                    Change("set", f"stations[id={i}].verified_on", [day.isoformat()])
                    for i in unverified
                ),
            ),
            points=0.0,
        )
    return not_met(
        observed,
        expected,
        Remedy(
            Text(
                f"当年每建成1个站点并经季度核实通过加{per:g}分",
                f"each station completed and verified this year adds {per:g}",
            ),
            (
                Change(
                    "append",
                    "stations",
                    [
                        {
                            "id": f"{subject.region.code}-new-bonus-1",
                            "name": "新建站点",
                            "kind": STREET,
                            "region": subject.region.code,
                            "completed_on": day.isoformat(),
                            "verified_on": [day.isoformat()],
                        }
                    ],
                ),
            ),
        ),
        points=0.0,
    )


REQUIREMENT = Requirement(
    "street.bonus",
    BONUS,
    Text("持续建设加分", "continuous-construction bonus"),
    c.PS_BONUS,
    bonus,
    STREETS,
    role=Role.BONUS,
    monotone=True,
    parameters=("bonus_per_station", "bonus_cap"),
)

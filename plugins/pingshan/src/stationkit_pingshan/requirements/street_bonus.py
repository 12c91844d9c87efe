"""The continuous-construction bonus (持续建设加分): +0.1 on the year's total for each station
the street completes in the year, capped at +1 (the cap is the scoring model's
``bonus_cap``). The finding's ``points`` are uncapped; the report's ``bonus`` is capped."""

from __future__ import annotations

from stationkit import Text
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


def bonus(subject: RegionSubject, ctx: Context) -> Check:
    per = ctx.number("bonus_per_station")
    expected = {"per_station": per, "cap": ctx.number("bonus_cap")}
    unknown = [s.id for s in subject.stations if s.completed_on is None]
    if unknown:
        return missing(f"stations[id={unknown[0]}].completed_on", expected)
    done = [s.id for s in subject.stations if in_year(s.completed_on, ctx)]
    points = round(per * len(done), 6)
    observed = {"completed_in_year": len(done), "stations": done, "points_uncapped": points}
    if done:
        return met(observed, expected, points=points)
    _start, day = year_window(ctx)
    return not_met(
        observed,
        expected,
        Remedy(
            Text(f"当年每建成1个站点加{per:g}分", f"each station completed this year adds {per:g}"),
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

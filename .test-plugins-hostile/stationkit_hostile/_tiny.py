"""A tiny, sound standard the faulty plugins start from (each breaks one thing)."""

from __future__ import annotations

from typing import Any

from stationkit import Citation, Station, Text
from stationkit.standard import (
    Check,
    Context,
    Edition,
    Parameter,
    Remedy,
    Requirement,
    Source,
    Standard,
    check_threshold,
)

CITE = Citation("HX", "§1", "救援队伍不少于10人")


def team_size(station: Station, ctx: Context) -> Check:
    team = station.team("rescue")
    have = len(team.members) if team is not None and team.members is not None else None
    return check_threshold(
        have,
        ctx.integer("team_min"),
        field="teams[kind=rescue].members",
        remedy=Remedy(Text("增加队员", "add members")),
    )


def requirement(req_id: str = "team.size", **changes: Any) -> Requirement:
    fields: dict[str, Any] = {
        "group": "rescue",
        "title": Text("救援队人数", "rescue team size"),
        "citation": CITE,
        "predicate": team_size,
        "parameters": ("team_min",),
    }
    fields.update(changes)
    return Requirement(req_id, **fields)


PARAMETER = Parameter("team_min", 10, CITE, Text("最少人数", "minimum size"), "people")


def edition(name: str = "2024", **changes: Any) -> Edition:
    fields: dict[str, Any] = {
        "title": Text("测试版", "test edition"),
        "sources": ("HX",),
        "parameters": (PARAMETER,),
        "requirements": (requirement(),),
    }
    fields.update(changes)
    return Edition(name, **fields)


def standard(ident: str, editions: tuple[Edition, ...] | None = None) -> Standard:
    return Standard(
        ident,
        Text("测试标准", "test standard"),
        (Source("HX", "a hostile test source"),),
        (edition(),) if editions is None else editions,
    )

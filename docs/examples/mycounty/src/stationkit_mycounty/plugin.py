"""The ``mycounty`` standard and its hooks, in one file."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from stationkit import Station, hookimpl
from stationkit.standard import (
    Change,
    Check,
    Citation,
    Context,
    Edition,
    Group,
    Kind,
    Parameter,
    Remedy,
    Requirement,
    Sample,
    Scope,
    Source,
    Standard,
    Text,
    check_threshold,
    missing,
)

DOC = "MC24"
C_TEAM = Citation(DOC, "§二(一)", "综合救援队伍不少于30人")  # the original quote
MEMBERS = "teams[kind=rescue].members"


def team_size(station: Station, ctx: Context) -> Check:
    want = ctx.integer("team_min")
    team = station.team("rescue")
    if team is None or team.members is None:
        return missing(MEMBERS, {"min": want})  # not recorded: never a pass or a zero
    need = max(want - len(team.members), 0)
    remedy = Remedy(
        Text(f"救援队增加 {need} 人", f"add {need} members"),
        (Change("append", MEMBERS, [{"name": f"new {i}"} for i in range(need)]),),
    )
    return check_threshold(len(team.members), want, field=MEMBERS, remedy=remedy)


TEAM_MIN = Parameter("team_min", 30, C_TEAM, Text("救援队最少人数", "minimum team size"), "people")
TEAM = Requirement(
    "rescue.team_size",
    "rescue",
    Text("救援队人数", "rescue team size"),
    C_TEAM,
    team_size,
    Scope("station", frozenset({"township_station"})),
    gate=True,
    monotone=True,
    parameters=("team_min",),
)

STANDARD = Standard(
    id="mycounty",
    title=Text("某县乡镇应急管理站", "My County township stations"),
    sources=(Source(DOC, "某县乡镇应急管理站建设方案", "某县应急管理局", 2024),),
    editions=(
        Edition(
            edition="2024",
            title=Text("2024 版", "2024 edition"),
            sources=(DOC,),
            parameters=(TEAM_MIN,),
            requirements=(TEAM,),
            groups=(Group("rescue", Text("救援队伍", "rescue team")),),
        ),
    ),
    kinds=(Kind("township_station", Text("乡镇应急管理站", "township station")),),
)


@hookimpl
def stationkit_standards() -> Sequence[Standard]:
    return [STANDARD]


@hookimpl
def stationkit_samples() -> Sequence[Sample]:
    path = Path(__file__).parent / "samples" / "mycounty.yaml"
    title = Text("两个站:一个达标,一个缺人", "two stations: one meets, one is short")
    return [Sample("mycounty-2024", path, "mycounty", "2024", date(2024, 6, 30), title)]

"""The ``example`` standard: four station requirements, one region requirement, a gate,
a bonus, bands and a rank cap — every part of the contract in a few lines."""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date

from stationkit import (
    Citation,
    Station,
    Text,
    hookimpl,
)
from stationkit.records import RegionLevel
from stationkit.standard import (
    Band,
    Change,
    Check,
    Context,
    Edition,
    GradingModel,
    Group,
    Kind,
    Milestone,
    Parameter,
    Programme,
    RankCap,
    RegionSubject,
    Remedy,
    Requirement,
    Role,
    Scope,
    ScoringModel,
    Source,
    Standard,
    append_new,
    check_threshold,
    met,
    missing,
    not_met,
)

DOC = "EX"
C_TEAM = Citation(DOC, "§1", "救援队伍不少于30人")
C_PHONE = Citation(DOC, "§2", "配备卫星电话不少于1部")
C_SCREEN = Citation(DOC, "§2", "视频会议屏幕不小于100寸")
C_AGE = Citation(DOC, "§1", "平均年龄不超过40岁")
C_COVER = Citation(DOC, "§3", "站点覆盖过半村(社区)")
C_CAP = Citation(DOC, "§4", "优秀比例不超过30%")


def team_size(station: Station, ctx: Context) -> Check:
    team = station.team("rescue")
    if team is None or team.members is None:
        return missing("teams[kind=rescue].members", {"min": ctx.integer("team_min")})
    need = ctx.integer("team_min") - len(team.members)
    remedy = Remedy(
        Text(f"救援队增加 {need:,} 人", f"add {need:,} members to the rescue team"),
        append_new(
            "teams[kind=rescue].members", need, lambda i: {"name": f"new member {i + 1}", "age": 30}
        ),
    )
    return check_threshold(
        len(team.members),
        ctx.integer("team_min"),
        field="teams[kind=rescue].members",
        remedy=remedy,
    )


def average_age(station: Station, ctx: Context) -> Check:
    team = station.team("rescue")
    limit = ctx.number("age_max")
    if team is None or team.members is None or not team.members:
        return missing("teams[kind=rescue].members", {"max": limit})
    ages = [m.age_on(ctx.as_of) for m in team.members]
    if any(a is None for a in ages):
        return missing("teams[kind=rescue].members[].birth_date", {"max": limit})
    known = [a for a in ages if a is not None]
    mean = sum(known) / len(known)
    if mean <= limit:
        return met(round(mean, 2), {"max": limit})
    # The smallest fix: enough young members (18, or younger if the limit is lower) to bring
    # the mean down to the limit. A mean can only approach the newcomers' age, so when the
    # limit is not above it no number of members will do: the remedy then has no change.
    young = min(18, math.floor(limit))
    if limit <= young:
        return not_met(
            round(mean, 2),
            {"max": limit},
            Remedy(Text("队员平均年龄须降低", "lower the team's average age")),
        )
    n, total = len(known), sum(known)
    add = max(math.ceil((total - limit * n) / (limit - young)), 0)
    remedy = Remedy(
        Text(f"增加 {add:,} 名{young}岁队员", f"add {add:,} members aged {young}"),
        append_new(
            "teams[kind=rescue].members",
            add,
            lambda i: {"name": f"young member {i + 1}", "age": young},
        ),
    )
    return not_met(round(mean, 2), {"max": limit}, remedy)


def satellite_phone(station: Station, ctx: Context) -> Check:
    comms = station.communications
    value = comms.satellite_phones if comms else None
    want = ctx.integer("phones_min")
    return check_threshold(
        value,
        want,
        field="communications.satellite_phones",
        remedy=Remedy(
            Text(f"配备卫星电话至 {want} 部", f"provide {want} satellite phone(s)"),
            (Change("set", "communications.satellite_phones", want),),
        ),
    )


def screen(station: Station, ctx: Context) -> Check:
    comms = station.communications
    value = comms.screen_inches if comms else None
    want = ctx.number("screen_min")
    return check_threshold(
        value,
        want,
        field="communications.screen_inches",
        remedy=Remedy(
            Text(f"更换不小于 {want:g} 寸屏幕", f"install a screen of at least {want:g} inches"),
            (Change("set", "communications.screen_inches", want),),
        ),
    )


def completed_bonus(station: Station, ctx: Context) -> Check:
    done = station.completed_on is not None and station.completed_on.year == ctx.year
    points = ctx.number("bonus_per_station") if done else 0.0
    return met(done, True, points=points) if done else not_met(done, True, None, points=0.0)


def coverage(subject: RegionSubject, ctx: Context) -> Check:
    villages = [r for r in subject.region.walk() if r.level is RegionLevel.VILLAGE]
    covered = {s.region for s in subject.stations}
    share = sum(v.code in covered for v in villages) / len(villages) if villages else 0.0
    expected = {"more_than": ctx.number("coverage_min")}
    if share > ctx.number("coverage_min"):
        return met(round(share, 4), expected)
    return not_met(
        round(share, 4),
        expected,
        Remedy(Text("在过半村(社区)建站", "build stations in more than half of the villages")),
    )


def _p(
    name: str,
    value: int | float,
    cite: Citation,
    zh: str,
    en: str,
    unit: str | None,
    default: bool = False,
) -> Parameter:
    return Parameter(name, value, cite, Text(zh, en), unit, default)


PARAMETERS = (
    _p("team_min", 30, C_TEAM, "救援队最少人数", "minimum rescue team size", "people"),
    _p("age_max", 40.0, C_AGE, "平均年龄上限", "maximum average age", "years"),
    _p("phones_min", 1, C_PHONE, "卫星电话最少数量", "minimum satellite phones", "units"),
    _p("screen_min", 100.0, C_SCREEN, "屏幕最小尺寸", "minimum screen size", "inch"),
    _p(
        "coverage_min",
        0.5,
        C_COVER,
        "覆盖比例下限(严格大于)",
        "coverage (strictly more than)",
        "ratio",
    ),
    _p("excellent_share", 0.3, C_CAP, "优秀比例上限", "share of excellent at most", "ratio"),
    _p(
        "bonus_per_station",
        0.5,
        Citation(DOC, "§5", ""),
        "建成加分",
        "bonus per station",
        "points",
        default=True,
    ),
)

STATION = Scope("station", frozenset({"post"}))
REQUIREMENTS = (
    Requirement(
        "team.size",
        "rescue",
        Text("救援队人数", "rescue team size"),
        C_TEAM,
        team_size,
        STATION,
        weight=2.0,
        gate=True,
        monotone=True,
        parameters=("team_min",),
    ),
    Requirement(
        "team.age",
        "rescue",
        Text("队员平均年龄", "team average age"),
        C_AGE,
        average_age,
        STATION,
        parameters=("age_max",),
    ),
    Requirement(
        "comms.phone",
        "command",
        Text("卫星电话", "satellite phone"),
        C_PHONE,
        satellite_phone,
        STATION,
        monotone=True,
        parameters=("phones_min",),
    ),
    Requirement(
        "comms.screen",
        "command",
        Text("视频会议屏幕", "video screen"),
        C_SCREEN,
        screen,
        STATION,
        monotone=True,
        parameters=("screen_min",),
    ),
    Requirement(
        "bonus.completed",
        "bonus",
        Text("当年建成加分", "completed this year"),
        Citation(DOC, "§5", ""),
        completed_bonus,
        STATION,
        role=Role.BONUS,
        parameters=("bonus_per_station",),
    ),
    Requirement(
        "region.coverage",
        "coverage",
        Text("村(社区)覆盖", "village coverage"),
        C_COVER,
        coverage,
        Scope("region", levels=frozenset({RegionLevel.TOWNSHIP})),
        parameters=("coverage_min",),
    ),
)

C_PLAN = Citation(DOC, "§6", "4月底前完成方案,8月底前全部建成")
PROGRAMME = Programme(
    id="example-rollout",
    title=Text("示例推进计划", "example rollout"),
    milestones=(
        Milestone(
            "plan",
            Text("完成方案", "plan done"),
            date(2024, 4, 30),
            ("县应急局",),
            Text("印发的方案", "the issued plan"),
            C_PLAN,
        ),
        Milestone(
            "built",
            Text("全部建成", "all built"),
            date(2024, 8, 31),
            ("各乡镇",),
            Text("验收记录", "acceptance records"),
            C_PLAN,
        ),
    ),
    citation=C_PLAN,
    penalty_per_late=1.0,
    penalty_unit=Text("分", "points"),
)

EDITION = Edition(
    edition="2024",
    title=Text("示例标准 2024", "Example standard 2024"),
    sources=(DOC,),
    parameters=PARAMETERS,
    requirements=REQUIREMENTS,
    groups=(
        Group("rescue", Text("救援", "rescue")),
        Group("command", Text("指挥", "command")),
        Group("coverage", Text("覆盖", "coverage")),
    ),
    scoring=ScoringModel(100.0, bonus_cap=1.0),
    grading=GradingModel(
        bands=(
            Band("excellent", Text("优秀", "excellent"), 90.0),
            Band("good", Text("良好", "good"), 75.0),
            Band("pass", Text("合格", "pass"), 60.0),
        ),
        pass_mark=60.0,
        fail_grade=Band("fail", Text("不合格", "fail"), 0.0),
        rank_caps=(RankCap("excellent", "excellent_share", C_CAP),),
    ),
    programmes=(PROGRAMME,),
)

STANDARD = Standard(
    id="example",
    title=Text("示例标准", "Example standard"),
    sources=(Source(DOC, "示例文件", "stationkit", 2024),),
    editions=(EDITION,),
    kinds=(Kind("post", Text("驿站", "post")),),
)


@hookimpl
def stationkit_standards() -> Sequence[Standard]:
    return [STANDARD]

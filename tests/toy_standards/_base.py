"""What the toy standards share: one source, a phones requirement, bands, a builder."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from stationkit import (
    Citation,
    Station,
    Text,
)
from stationkit.standard import (
    Band,
    Change,
    Check,
    Context,
    Edition,
    GradingModel,
    Group,
    Kind,
    Parameter,
    RankCap,
    Remedy,
    Requirement,
    Scope,
    Source,
    Standard,
    check_threshold,
)

DOC = "TOY"
CITE = Citation(DOC, "§1", "卫星电话不少于1部")
STATION = Scope("station", frozenset({"post"}))
PHONES = Parameter("phones_min", 1, CITE, Text("卫星电话最少数量", "minimum satellite phones"))


def phones(station: Station, ctx: Context) -> Check:
    comms = station.communications
    want = ctx.integer("phones_min")
    return check_threshold(
        comms.satellite_phones if comms else None,
        want,
        field="communications.satellite_phones",
        remedy=Remedy(
            Text(f"配备卫星电话至 {want} 部", f"provide {want} satellite phone(s)"),
            (Change("set", "communications.satellite_phones", want),),
        ),
    )


PHONES_REQ = Requirement(
    "comms.phone",
    "command",
    Text("卫星电话", "satellite phone"),
    CITE,
    phones,
    STATION,
    monotone=True,
    parameters=("phones_min",),
)

BANDS = (
    Band("excellent", Text("优秀", "excellent"), 90.0),
    Band("good", Text("良好", "good"), 75.0),
    Band("pass", Text("合格", "pass"), 60.0),
)
FAIL = Band("fail", Text("不合格", "fail"), 0.0)


def standard(
    ident: str,
    requirements: Sequence[Requirement],
    parameters: Sequence[Parameter] = (PHONES,),
    rank_caps: Sequence[RankCap] = (),
    **edition: Any,
) -> Standard:
    """A one-edition toy standard of station kind ``post``."""
    ed = Edition(
        edition="2024",
        title=Text(f"{ident} 2024", f"{ident} 2024"),
        sources=(DOC,),
        parameters=tuple(parameters),
        requirements=tuple(requirements),
        groups=(Group("command", Text("指挥", "command")),),
        grading=GradingModel(
            bands=BANDS, pass_mark=60.0, fail_grade=FAIL, rank_caps=tuple(rank_caps)
        ),
        **edition,
    )
    return Standard(
        ident,
        Text(ident, ident),
        (Source(DOC, "玩具标准"),),
        (ed,),
        (Kind("post", Text("驿站", "post")),),
    )

"""The five functions of a post (XE §六(二)) and "建成一家、运行一家" (XE §三(五)).

Each function is shown by ``Station.functions`` evidence of its topic (a record, photo or
report, dated on or before the assessment date). Operation is an ``operation`` evidence whose
date is the post's first day of operation.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import attrs

from stationkit import (
    Citation,
    Station,
    Text,
)
from stationkit.records import Evidence
from stationkit.standard import (
    Change,
    Check,
    Context,
    Remedy,
    Requirement,
    met,
    missing,
    not_applicable,
    not_met,
)
from stationkit_xuanen import citations as c
from stationkit_xuanen.kinds import POSTS

GROUP = "functions"
OPERATION = "operation"


@attrs.frozen
class Function:
    topic: str
    title: Text
    citation: Citation
    example: str


FUNCTIONS: tuple[Function, ...] = (
    Function(
        "hazard_investigation",
        Text("风险隐患排查治理", "hazard investigation and remediation (grid-based)"),
        c.F_HAZARDS,
        "网格隐患排查记录",
    ),
    Function(
        "first_response",
        Text("突发事件先期处置", "first response before the professionals arrive"),
        c.F_RESPONSE,
        "先期处置记录",
    ),
    Function(
        "warning",
        Text("自然灾害及时预警", "timely natural-hazard warnings"),
        c.F_WARNING,
        "预警发布及转移记录",
    ),
    Function(
        "team_drills",
        Text("应急队伍能力提升", "team building and regular drills"),
        c.F_TEAMS,
        "志愿者队伍名册及演练记录",
    ),
    Function(
        "publicity",
        Text("应急知识宣传培训", "safety publicity and training"),
        c.F_PUBLICITY,
        "安全宣传进社区记录",
    ),
)


def _evidence(station: Station, topic: str, ctx: Context) -> list[Evidence]:
    return [
        e
        for e in station.functions or ()
        if e.topic == topic and e.items and (e.on is None or e.on <= ctx.as_of)
    ]


def function_check(function: Function) -> Callable[[Station, Context], Check]:
    """The predicate for one function: some evidence of it, dated no later than as_of."""

    def check(station: Station, ctx: Context) -> Check:
        expected = {"topic": function.topic, "evidence": "at least one record"}
        if station.functions is None:
            return missing("functions", expected)
        found = _evidence(station, function.topic, ctx)
        if found:
            return met({"records": len(found), "items": sum(len(e.items) for e in found)}, expected)
        return not_met(
            {"records": 0},
            expected,
            Remedy(
                Text(
                    f"开展并记录“{function.title.zh}”工作",
                    f"carry out and record: {function.title.en}",
                ),
                (
                    Change(
                        "append",
                        "functions",
                        [
                            {
                                "topic": function.topic,
                                "items": [function.example],
                                "on": ctx.as_of.isoformat(),
                            }
                        ],
                    ),
                ),
            ),
        )

    return check


def runs_once_built(station: Station, ctx: Context) -> Check:
    """A built post runs from the day it is built (within ``start_operating_within_days``)."""
    days = ctx.integer("start_operating_within_days")
    if station.completed_on is None:
        return missing("completed_on", {"operating_within_days": days})
    built = station.completed_on
    if built > ctx.as_of:
        return not_applicable(
            Text(f"尚未建成({built.isoformat()})", f"not built yet ({built.isoformat()})")
        )
    latest = built + timedelta(days=days)
    expected = {"operating_by": latest.isoformat()}
    if station.functions is None:
        return missing("functions", expected)
    records = [e for e in station.functions if e.topic == OPERATION and e.items]
    if any(e.on is None for e in records):
        return missing("functions[topic=operation].on", expected)
    starts = sorted(e.on for e in records if e.on is not None and e.on <= ctx.as_of)
    first = starts[0] if starts else None
    observed = {
        "completed_on": built.isoformat(),
        "operating_from": first.isoformat() if first else None,
    }
    if first is not None and first <= latest:
        return met(observed, expected)
    return not_met(
        observed,
        expected,
        Remedy(
            Text(
                "按“建成一家、运行一家”, 建成即投入运行并记录运行起始日期",
                "'one built, one running': start operating when built and record the date",
            ),
            (
                Change(
                    "append",
                    "functions",
                    [{"topic": OPERATION, "items": ["投入运行"], "on": built.isoformat()}],
                ),
            ),
        ),
    )


REQUIREMENTS: tuple[Requirement, ...] = (
    *(
        Requirement(
            f"function.{f.topic}",
            GROUP,
            Text(f"职能: {f.title.zh}", f"function: {f.title.en}"),
            f.citation,
            function_check(f),
            POSTS,
            monotone=True,
        )
        for f in FUNCTIONS
    ),
    Requirement(
        "operation.runs_once_built",
        "operation",
        Text("建成一家、运行一家", "runs as soon as it is built"),
        c.RUN_WHEN_BUILT,
        runs_once_built,
        POSTS,
        parameters=("start_operating_within_days",),
    ),
)

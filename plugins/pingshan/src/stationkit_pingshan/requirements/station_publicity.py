"""Publicity and training (安全应急宣传 module): PS §三(二) — the “三会两技能一器材” skills,
traffic and electricity/gas safety, publicity on the named themes, evacuation drills."""

from __future__ import annotations

from typing import Any

from stationkit import Station, Text
from stationkit.standard import (
    Change,
    Check,
    Context,
    Figure,
    Remedy,
    Requirement,
    append_evidence,
    append_new,
    drill_totals,
    in_year,
    met,
    missing,
    names_check,
    not_met,
    year_window,
)
from stationkit_pingshan import citations as c
from stationkit_pingshan.kinds import STATIONS
from stationkit_pingshan.scoring import PUBLICITY


def _training(ctx: Context, topic: str, skills: list[str] | None = None) -> dict[str, Any]:
    _start, day = year_window(ctx)
    record: dict[str, Any] = {"date": day.isoformat(), "topic": topic}
    if skills is not None:
        record["skills"] = skills
    return record


def core_skills(station: Station, ctx: Context) -> Check:
    """Trainings held in the year cover every one of the 3 + 2 + 1 skills."""
    required = ctx.names("training_core_skills")
    have: list[str] | None = None
    if station.trainings is not None:
        have = [s for t in station.trainings if in_year(t.date, ctx) for s in t.skills or ()]
    return names_check(
        have,
        required,
        field="trainings",
        what=Text("培训“三会两技能一器材”", "train the core skills"),
        partial=False,
        change=lambda short: (
            Change("append", "trainings", [_training(ctx, "三会两技能一器材", short)]),
        ),
    )


def safety_topics(station: Station, ctx: Context) -> Check:
    required = ctx.names("training_safety_topics")
    have = (
        None
        if station.trainings is None
        else [t.topic for t in station.trainings if in_year(t.date, ctx)]
    )
    return names_check(
        have,
        required,
        field="trainings",
        what=Text("开展安全知识培训", "train the safety topics"),
        partial=False,
        change=lambda short: (Change("append", "trainings", [_training(ctx, t) for t in short]),),
    )


def publicity(station: Station, ctx: Context) -> Check:
    """Publicity held in the year (dated ``publicity`` evidence) covers the named themes."""
    required = ctx.names("publicity_themes")
    have = (
        None
        if station.functions is None
        else [
            item
            for e in station.functions
            if e.topic == "publicity" and in_year(e.on, ctx)
            for item in e.items
        ]
    )
    _start, day = year_window(ctx)
    return names_check(
        have,
        required,
        field="functions",
        what=Text("开展综合性宣传", "run publicity on the themes"),
        partial=False,
        change=lambda short: append_evidence("publicity", short, day),
    )


def evacuation_drills(station: Station, ctx: Context) -> Check:
    kind, want = ctx.text("drill_kind_evacuation"), ctx.integer("evacuation_drills_min")
    expected = {"kind": kind, "min_in_year": want}
    totals = drill_totals(station, ctx.year, (kind,), town=None)
    if station.drills is None and totals:
        # The year's totals of that kind stand for the list.
        held = sum(t.count for _, t in totals)
        observed = Figure(held, "summary", f"drill_totals[{totals[0][0]}].count").observed()
        if held >= want:
            return met(observed, expected)
        return not_met(
            observed,
            expected,
            Remedy(
                Text(
                    f"组织居民（员工）{kind} {want - held} 次",
                    f"hold {want - held} evacuation drill(s)",
                ),
                (
                    Change(
                        "set",
                        f"drill_totals[{totals[0][0]}].count",
                        totals[0][1].count + want - held,
                    ),
                ),
            ),
        )
    if station.drills is None:
        return missing("drills", expected)
    count = sum(d.kind == kind and in_year(d.date, ctx) for d in station.drills)
    if count >= want:
        return met(count, expected)
    _start, day = year_window(ctx)
    return not_met(
        count,
        expected,
        Remedy(
            Text(
                f"组织居民（员工）{kind} {want - count:,} 次",
                f"hold {want - count:,} evacuation drill(s)",
            ),
            append_new("drills", want - count, lambda _: {"date": day.isoformat(), "kind": kind}),
        ),
    )


def _r(
    rid: str, zh: str, en: str, cite: Any, predicate: Any, params: tuple[str, ...]
) -> Requirement:
    return Requirement(
        rid, PUBLICITY, Text(zh, en), cite, predicate, STATIONS, monotone=True, parameters=params
    )


REQUIREMENTS = (
    _r(
        "publicity.core_skills",
        "“三会两技能一器材”培训",
        "3 + 2 + 1 core skills trained",
        c.PS_THREE_TWO_ONE,
        core_skills,
        ("training_core_skills",),
    ),
    _r(
        "publicity.safety_topics",
        "交通、用电用气安全知识培训",
        "traffic, electricity and gas safety",
        c.PS_THREE_TWO_ONE,
        safety_topics,
        ("training_safety_topics",),
    ),
    _r(
        "publicity.themes",
        "综合性宣传",
        "publicity on the named themes",
        c.PS_PUBLICITY,
        publicity,
        ("publicity_themes",),
    ),
    _r(
        "publicity.evacuation_drills",
        "常态化应急疏散演练",
        "regular evacuation drills",
        c.PS_EVACUATION_DRILLS,
        evacuation_drills,
        ("drill_kind_evacuation", "evacuation_drills_min"),
    ),
)

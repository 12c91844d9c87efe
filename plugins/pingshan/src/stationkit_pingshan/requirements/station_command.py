"""Command and dispatch (应急指挥调度 module): plans, drills, duty, alarm channels, arrival
time, and PS §三(五)'s first-response preparation."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any

from stationkit import Station, Text
from stationkit.standard import (
    Change,
    Check,
    Context,
    Remedy,
    Requirement,
    append_new,
    evidence_check,
    in_year,
    met,
    missing,
    names_check,
    not_met,
    year_window,
)
from stationkit_pingshan import citations as c
from stationkit_pingshan.kinds import STATIONS
from stationkit_pingshan.scoring import COMMAND


def plans(station: Station, ctx: Context) -> Check:
    required = ctx.names("plan_types")
    have = None if station.plans is None else [p.type for p in station.plans]
    return names_check(
        have,
        required,
        field="plans",
        what=Text("修编预案、方案与规程", "issue the plans and procedures"),
        partial=False,
        change=lambda short: (Change("append", "plans", [{"type": t} for t in short]),),
    )


def _drill_json(ctx: Context, kind: str, minutes: int | None = None) -> dict[str, Any]:
    _start, day = year_window(ctx)
    record: dict[str, Any] = {"date": day.isoformat(), "kind": kind}
    if minutes is not None:
        alarm = datetime.combine(day, time(23, 0))
        record["alarm_at"] = alarm.isoformat()
        record["arrived_at"] = (alarm + timedelta(minutes=minutes)).isoformat()
    return record


def drills(station: Station, ctx: Context) -> Check:
    want = ctx.integer("drills_min")
    expected = {"min_in_year": want}
    if station.drills is None:
        return missing("drills", expected)
    count = sum(in_year(d.date, ctx) for d in station.drills)
    if count >= want:
        return met(count, expected)
    return not_met(
        count,
        expected,
        Remedy(
            Text(
                f"当年再组织 {want - count:,} 次应急演练",
                f"hold {want - count:,} more drill(s) this year",
            ),
            append_new("drills", want - count, lambda _: _drill_json(ctx, "应急拉动演练")),
        ),
    )


def duty(station: Station, ctx: Context) -> Check:
    always, days = ctx.flag("duty_around_the_clock"), ctx.integer("duty_days_per_year")
    expected = {"around_the_clock": always, "days_per_year": days}
    if station.duty is None:
        return missing("duty", expected)
    if station.duty.around_the_clock is None:
        return missing("duty.around_the_clock", expected)
    if station.duty.days_per_year is None:
        return missing("duty.days_per_year", expected)
    observed = {
        "around_the_clock": station.duty.around_the_clock,
        "days_per_year": station.duty.days_per_year,
    }
    if (station.duty.around_the_clock or not always) and station.duty.days_per_year >= days:
        return met(observed, expected)
    return not_met(
        observed,
        expected,
        Remedy(
            Text(f"实行{days}天24小时值班备勤", f"keep duty 24 hours a day, {days} days a year"),
            (
                Change("set", "duty.around_the_clock", always),
                Change("set", "duty.days_per_year", days),
            ),
        ),
    )


def arrival(station: Station, ctx: Context) -> Check:
    """The most recent timed drill of the year: alarm to arrival within the limit."""
    limit = ctx.integer("arrival_minutes_max")
    expected = {"max_minutes": limit}

    def fix() -> Remedy:  # built only when the limit is missed or the drill unrecorded
        return Remedy(
            Text(
                f"组织一次计时演练，{limit}分钟内到场",
                f"hold a timed drill arriving within {limit} minutes",
            ),
            (Change("append", "drills", [_drill_json(ctx, "应急拉动演练", limit)]),),
        )

    if station.drills is None:
        return missing("drills", expected, remedy=fix())
    timed = [
        d
        for d in station.drills
        if in_year(d.date, ctx) and d.alarm_at is not None and d.arrived_at is not None
    ]
    if not timed:
        return missing("drills[].arrived_at", expected, remedy=fix())
    times = [
        (d.date, d.alarm_at, d.arrived_at, d.id)
        for d in timed
        if d.alarm_at is not None and d.arrived_at is not None
    ]
    day, alarm, arrived, ident = max(times, key=lambda t: (t[0], t[1]))
    minutes = round((arrived - alarm).total_seconds() / 60, 2)
    observed = {"drill": ident or day.isoformat(), "minutes": minutes}
    if minutes <= limit:
        return met(observed, expected)
    return not_met(observed, expected, fix())


def alarm_channels(station: Station, ctx: Context) -> Check:
    required = ctx.names("alarm_channels")
    comms = station.communications
    if comms is None:
        return missing("communications", {"all_of": list(required)})
    return names_check(
        comms.alarm_channels,
        required,
        field="communications.alarm_channels",
        what=Text("开通接警渠道", "open the alarm channels"),
        partial=False,
        change=lambda short: (Change("append", "communications.alarm_channels", short),),
    )


def escape_provisions(station: Station, ctx: Context) -> Check:
    required = ctx.names("escape_provisions")
    return names_check(
        station.wall_maps,
        required,
        field="wall_maps",
        what=Text("规划逃生路线、设置避难场所并上墙", "map escape routes and shelters"),
        partial=False,
        change=lambda short: (Change("append", "wall_maps", short),),
    )


def first_response(station: Station, ctx: Context) -> Check:
    return evidence_check(
        station,
        "first_response",
        ctx.names("first_response_tasks"),
        what=Text("明确先期处置任务", "prepare the first-response tasks"),
        partial=False,
    )


def _r(
    rid: str,
    zh: str,
    en: str,
    cite: Any,
    predicate: Any,
    params: tuple[str, ...],
    *,
    monotone: bool = True,
) -> Requirement:
    return Requirement(
        rid, COMMAND, Text(zh, en), cite, predicate, STATIONS, monotone=monotone, parameters=params
    )


REQUIREMENTS = (
    _r(
        "command.plans",
        "应急预案、行动方案和操作规程",
        "emergency plan, action plan, procedures",
        c.PS_PLANS,
        plans,
        ("plan_types",),
    ),
    _r(
        "command.drills",
        "当年组织应急演练",
        "drills held in the year",
        c.PS_MOBILISATION_DRILLS,
        drills,
        ("drills_min",),
    ),
    _r(
        "command.duty",
        "全天候值班备勤(每天小时数、每年天数)",
        "on duty around the clock (hours a day, days a year)",
        c.SZ_DUTY,
        duty,
        ("duty_around_the_clock", "duty_days_per_year"),
    ),
    _r(
        "command.arrival",
        "到场时限(分钟)",
        "arrival within the time limit",
        c.SZ_FIVE_MINUTES,
        arrival,
        ("arrival_minutes_max",),
        monotone=False,
    ),
    _r(
        "command.alarm_channels",
        "多渠道接警",
        "alarm channels",
        c.SZ_ALARMS,
        alarm_channels,
        ("alarm_channels",),
    ),
    _r(
        "command.escape",
        "逃生路线和应急避难场所",
        "escape routes and shelters",
        c.PS_ESCAPE,
        escape_provisions,
        ("escape_provisions",),
    ),
    _r(
        "command.first_response",
        "先期处置准备",
        "first-response preparation",
        c.PS_FIRST_RESPONSE,
        first_response,
        ("first_response_tasks",),
    ),
)

"""The station's rescue team (应急救援 module): SZ's city baseline and PS §三(一)'s
integration of local forces. The team is ``teams[kind=rescue]``."""

from __future__ import annotations

from typing import Any

import attrs

from stationkit import Station, Text
from stationkit.records import Member, Team
from stationkit.standard import (
    Change,
    Check,
    Context,
    Figure,
    Remedy,
    Requirement,
    append_evidence,
    append_new,
    evidence_items,
    met,
    missing,
    new_items,
    not_met,
)
from stationkit_pingshan import citations as c
from stationkit_pingshan.kinds import COMMUNITY, INDUSTRIAL_PARK, STATIONS
from stationkit_pingshan.scoring import RESCUE

TEAM = "rescue"
PATH = "teams[kind=rescue]"


def _no_team(skeleton: dict[str, Any], expected: Any) -> Check:
    """The station records its teams but has no rescue team: the remedy founds one."""
    return not_met(
        None,
        expected,
        Remedy(
            Text("组建应急救援队伍", "form the rescue team"),
            (Change("append", "teams", [{"kind": TEAM, **skeleton}]),),
        ),
    )


def _team(station: Station, expected: Any, skeleton: dict[str, Any]) -> Team | Check:
    if station.teams is None:
        return missing("teams", expected)
    team = station.team(TEAM)
    return _no_team(skeleton, expected) if team is None else team


def _member_json(member: Member) -> dict[str, Any]:
    data = attrs.asdict(
        member, value_serializer=lambda _i, _a, v: getattr(v, "isoformat", lambda: v)()
    )
    return {k: v for k, v in data.items() if v is not None}


def team_groups(station: Station, ctx: Context) -> Check:
    required = ctx.names("team_groups")
    expected = {"all_of": list(required)}
    team = _team(station, expected, {"groups": list(required)})
    if isinstance(team, Check):
        return team
    if team.groups is None:
        return missing(f"{PATH}.groups", expected)
    short = [g for g in required if g not in team.groups]
    if not short:
        return met(list(team.groups), expected)
    return not_met(
        list(team.groups),
        expected,
        Remedy(
            Text(f"队伍设立 {'、'.join(short)}", f"set up the {', '.join(short)} group(s)"),
            (Change("append", f"{PATH}.groups", short),),
        ),
    )


def team_officers(station: Station, ctx: Context) -> Check:
    roles = ctx.names("team_officer_roles")
    expected = {"roles": list(roles)}
    new = [{"name": f"待配{role}", "role": role} for role in roles]
    team = _team(station, expected, {"members": new})
    if isinstance(team, Check):
        return team
    if team.members is None:
        return missing(f"{PATH}.members", expected)
    have = [m.role for m in team.members if m.role]
    short = [role for role in roles if role not in have]
    observed = sorted(set(have) & set(roles), key=list(roles).index)
    if not short:
        return met(observed, expected)
    return not_met(
        observed,
        expected,
        Remedy(
            Text(f"明确 {'、'.join(short)} 各1名", f"appoint one each of {', '.join(short)}"),
            (
                Change(
                    "append",
                    f"{PATH}.members",
                    [{"name": f"待配{role}", "role": role} for role in short],
                ),
            ),
        ),
    )


def _size_summary(size: int, low: int, high: int, expected: Any) -> Check:
    """The team's size from its headcount (no roster recorded)."""
    observed = Figure(size, "summary", f"{PATH}.headcount").observed()
    if low <= size <= high:
        return met(observed, expected)
    target = low if size < low else high
    text = (
        Text(f"队伍增加 {low - size} 人", f"add {low - size} members to the team")
        if size < low
        else Text(f"队伍精简至 {high} 人以内", f"reduce the team to at most {high}")
    )
    return not_met(observed, expected, Remedy(text, (Change("set", f"{PATH}.headcount", target),)))


def team_size(station: Station, ctx: Context) -> Check:
    low, high = ctx.integer("team_size_min"), ctx.integer("team_size_max")
    expected = {"min": low, "max": high}
    new = new_items(low, lambda i: {"name": f"队员{i + 1}"})
    team = _team(station, expected, {"members": new} if new is not None else {})
    if isinstance(team, Check):
        return team
    if team.members is None and team.headcount is not None:
        return _size_summary(team.headcount, low, high, expected)
    if team.members is None:
        return missing(f"{PATH}.members", expected)
    size = len(team.members)
    if low <= size <= high:
        return met(size, expected)
    if size < low:
        gap = low - size
        return not_met(
            size,
            expected,
            Remedy(
                Text(f"队伍增加 {gap:,} 人", f"add {gap:,} members to the team"),
                append_new(f"{PATH}.members", gap, lambda i: {"name": f"新队员{i + 1}"}),
            ),
        )
    keep = [_member_json(m) for m in team.members[:high]]
    return not_met(
        size,
        expected,
        Remedy(
            Text(f"队伍精简至 {high} 人以内", f"reduce the team to at most {high}"),
            (Change("set", f"{PATH}.members", keep),),
        ),
    )


def vehicles(station: Station, ctx: Context) -> Check:
    want = ctx.integer("vehicles_min")
    expected = {"min": want}
    team = _team(station, expected, {"vehicles": want})
    if isinstance(team, Check):
        return team
    if team.vehicles is None:
        return missing(f"{PATH}.vehicles", expected)
    if team.vehicles >= want:
        return met(team.vehicles, expected)
    return not_met(
        team.vehicles,
        expected,
        Remedy(
            Text(f"应急处置车辆配至 {want} 辆", f"provide {want} response vehicles"),
            (Change("set", f"{PATH}.vehicles", want),),
        ),
    )


def _forces_param(station: Station) -> str:
    if station.kind == COMMUNITY:
        return "community_forces"
    return "park_forces" if station.kind == INDUSTRIAL_PARK else "street_forces"


def integration(station: Station, ctx: Context) -> Check:
    """Records which of its kind's named forces the station integrates (``integration``)."""
    forces = ctx.names(_forces_param(station))
    need = min(ctx.integer("integration_min_forces"), len(forces))
    expected = {"at_least": need, "of": list(forces)}
    items = evidence_items(station, "integration")
    if items is None:
        return missing("functions", expected)
    have = [f for f in forces if f in items]
    if len(have) >= need:
        return met(have, expected)
    short = [f for f in forces if f not in have][: need - len(have)]
    return not_met(
        have,
        expected,
        Remedy(
            Text(f"整合 {'、'.join(short)}", f"integrate {', '.join(short)}"),
            append_evidence("integration", short),
        ),
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
        rid, RESCUE, Text(zh, en), cite, predicate, STATIONS, monotone=monotone, parameters=params
    )


REQUIREMENTS = (
    _r(
        "rescue.team_groups",
        "队伍设应急处置组和安全巡查组",
        "team has a response and a patrol group",
        c.SZ_TEAM_GROUPS,
        team_groups,
        ("team_groups",),
    ),
    _r(
        "rescue.team_officers",
        "正、副队长及通信员、安全员",
        "captain, vice-captain, signaller, safety officer",
        c.SZ_TEAM_OFFICERS,
        team_officers,
        ("team_officer_roles",),
    ),
    _r(
        "rescue.team_size",
        "队伍人数(在上下限之间)",
        "team size within the bounds",
        c.SZ_TEAM_SIZE,
        team_size,
        ("team_size_min", "team_size_max"),
        monotone=False,
    ),
    _r(
        "rescue.vehicles",
        "应急处置车辆数(不少于下限)",
        "response vehicles (at least the minimum)",
        c.SZ_VEHICLES,
        vehicles,
        ("vehicles_min",),
    ),
    _r(
        "rescue.integration",
        "整合基层力量组建队伍",
        "team integrates the named local forces",
        c.PS_TEAM_INTEGRATION,
        integration,
        ("community_forces", "park_forces", "street_forces", "integration_min_forces"),
    ),
)

"""enforcement — 有一支依法履行应急管理综合执法职能的队伍: formal officers in "1+1" pairs,
daily patrols and inspections, a current enforcement ledger."""

from __future__ import annotations

from stationkit import Station, Text
from stationkit.records import Member
from stationkit.standard import (
    REMEDY_ITEMS_MAX,
    Change,
    Check,
    Context,
    Remedy,
    Requirement,
    evidence_check,
    met,
    missing,
    not_met,
)
from stationkit_quanzhou import citations as c
from stationkit_quanzhou._checks import ledger_check, requirement

GROUP = "enforcement"
TEAM = "enforcement"
TOPIC_INSPECTIONS = "日常巡查和执法检查"
LEDGER_ENFORCEMENT = "执法检查台账"
PATH = f"teams[kind={TEAM}].members"


def _members(station: Station) -> tuple[Member, ...] | None:
    team = station.team(TEAM)
    return team.members if team is not None else None


def _add_team_or_members(station: Station, members: list[dict[str, object]]) -> Change:
    if station.team(TEAM) is None:
        return Change(
            "append", "teams", [{"kind": TEAM, "name": "综合执法队伍", "members": members}]
        )
    return Change("append", PATH, members)


def formal_officers(station: Station, ctx: Context) -> Check:
    """≥ 2 formal-establishment (正式编制) enforcement officers."""
    need = ctx.integer("enforcement_formal_min")
    expected = {"min_formal": need}
    if station.teams is None:
        return missing("teams", expected)
    members = _members(station)
    if members is None and station.team(TEAM) is not None:
        return missing(PATH, expected)
    members = members or ()
    have = sum(m.formal is True for m in members)
    if have >= need:
        return met(have, expected)
    if any(m.formal is None for m in members):
        return missing(f"{PATH}[].formal", expected)
    add = need - have
    aides = ctx.integer("enforcement_aides_per_officer")
    new: list[dict[str, object]] = []
    for i in range(add if add * (1 + aides) <= REMEDY_ITEMS_MAX else 0):
        partner = f"执法辅助人员{i + 1}-1" if aides else None
        new.append({"name": f"正式执法人员{i + 1}", "formal": True, "partner": partner})
        new += [{"name": f"执法辅助人员{i + 1}-{k + 1}", "formal": False} for k in range(aides)]
    return not_met(
        have,
        expected,
        lambda: Remedy(
            Text(
                f"配备{add:,}名正式编制执法人员(各配1名执法辅助人员)",
                f"appoint {add:,} formal enforcement officer(s), each with an aide",
            ),
            (_add_team_or_members(station, new),) if new else (),
        ),
    )


def pairs(station: Station, ctx: Context) -> Check:
    """ "1+1": every formal officer is paired with an auxiliary of the team, one aide each."""
    aides_each = ctx.integer("enforcement_aides_per_officer")
    expected = {"each_formal_officer_paired_with_aide": aides_each}
    if ctx.integer("enforcement_aides_per_officer") < 1:
        return met("pairing not required", expected)
    if station.teams is None:
        return missing("teams", expected)
    members = _members(station)
    if members is None:
        return missing(PATH, expected)
    if any(m.formal is None for m in members):
        return missing(f"{PATH}[].formal", expected)
    aides = {m.name for m in members if m.formal is False}
    used: set[str] = set()
    unpaired: list[int] = []
    for index, member in enumerate(members):
        if not member.formal:
            continue
        if member.partner in aides and member.partner not in used:
            used.add(member.partner)
        else:
            unpaired.append(index)
    formal = sum(m.formal is True for m in members)
    if not unpaired:
        return met({"formal": formal, "paired": formal}, expected)
    changes: list[Change] = []
    new_aides: list[dict[str, object]] = []
    for k, index in enumerate(unpaired):
        name = f"{members[index].name}的执法辅助人员"
        if name in aides or name in used:
            name = f"{name}{k + 1}"
        new_aides.append({"name": name, "formal": False})
        changes.append(Change("set", f"{PATH}[{index}].partner", name))
    return not_met(
        {
            "formal": formal,
            "paired": formal - len(unpaired),
            "unpaired": [members[i].name for i in unpaired],
        },
        expected,
        lambda: Remedy(
            Text(
                "按“1+1”模式为以下正式执法人员各配1名执法辅助人员:"
                + "、".join(members[i].name for i in unpaired),
                "pair each of these officers with an aide: "
                + ", ".join(members[i].name for i in unpaired),
            ),
            (Change("append", PATH, new_aides), *changes),
        ),
        credit=(formal - len(unpaired)) / formal if formal else 0.0,
    )


def inspections(station: Station, ctx: Context) -> Check:
    return evidence_check(
        station,
        TOPIC_INSPECTIONS,
        (),
        what=Text("日常巡查和执法检查", "daily patrols and inspections"),
        partial=True,
    )


def enforcement_ledger(station: Station, ctx: Context) -> Check:
    return ledger_check(
        station,
        ctx,
        LEDGER_ENFORCEMENT,
        max_age_param="ledger_max_age_days",
        what=Text("执法检查台账", "enforcement ledger"),
    )


REQUIREMENTS: tuple[Requirement, ...] = (
    requirement(
        "enforcement.formal_officers",
        GROUP,
        "正式编制执法人员数(不少于下限)",
        "formal enforcement officers (at least the minimum)",
        c.ENF_OFFICERS,
        formal_officers,
        ("enforcement_formal_min", "enforcement_aides_per_officer"),
        weight=2.0,
        gate=True,
        monotone=True,
    ),
    requirement(
        "enforcement.pairs",
        GROUP,
        "“1+1”执法模式",
        "'1+1' pairs of officer and aide",
        c.ENF_OFFICERS,
        pairs,
        ("enforcement_aides_per_officer",),
    ),
    requirement(
        "enforcement.inspections",
        GROUP,
        "日常巡查和执法检查",
        "daily patrols and inspections",
        c.ENF_INSPECTIONS,
        inspections,
        monotone=True,
    ),
    requirement(
        "enforcement.ledger",
        GROUP,
        "执法检查台账动态更新",
        "current enforcement ledger",
        c.ENF_INSPECTIONS,
        enforcement_ledger,
        ("ledger_max_age_days",),
        monotone=True,
    ),
)

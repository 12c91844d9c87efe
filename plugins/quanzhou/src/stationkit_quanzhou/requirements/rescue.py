"""rescue — 有一支常备常训的综合救援队伍: ≥ 30 members, a roster, average age ≤ 40,
≥ 2 concentrated trainings a year, protection and insurance, a fire team, a party commando."""

from __future__ import annotations

import math

from stationkit import Station, Text
from stationkit.records import Team, TrainingTotal
from stationkit.standard import (
    Change,
    Check,
    Context,
    Figure,
    Remedy,
    Requirement,
    append_new,
    credit,
    evidence_check,
    in_year,
    met,
    missing,
    new_items,
    not_met,
    team_count,
    team_headcount,
    training_total,
)
from stationkit_quanzhou import citations as c
from stationkit_quanzhou._checks import record_day, requirement

GROUP = "rescue"
TEAM = "rescue"
FIRE_TEAM = "fire"
PARTY_TEAM = "party_commando"
TOPIC_PROTECTION = "防护装备和保险记录"
TEAM_PATH = f"teams[kind={TEAM}]"
PATH = f"{TEAM_PATH}.members"
#: The age of the members a remedy proposes to recruit (adult volunteers).
YOUNGEST = 18


def _team_members(station: Station, expected: object) -> Team | Check:
    if station.teams is None:
        return missing("teams", expected)
    team = station.team(TEAM)
    if team is None:
        return missing(f"teams[kind={TEAM}]", expected)
    if team.members is None:
        return missing(PATH, expected)
    return team


def team_size(station: Station, ctx: Context) -> Check:
    need = ctx.integer("rescue_team_min")
    expected = {"min": need}
    if station.teams is None:
        return missing("teams", expected)
    team = station.team(TEAM)
    figure = team_headcount(team, TEAM_PATH) if team is not None else None
    if team is not None and figure is None:
        return missing(
            PATH,
            expected,
            remedy=Remedy(
                Text(
                    "登记队伍花名册(members)或队伍人数(headcount)",
                    "record the roster (members) or the headcount",
                )
            ),
        )
    have = int(figure.value) if figure else 0
    observed = figure.observed() if figure else 0
    if have >= need:
        return met(observed, expected)
    new = new_items(
        need - have,
        lambda i: {
            "name": f"新增队员{i + 1}",
            "age": 30,
            "insured": True,
            "protective_equipment": True,
        },
    )
    team_json = {"kind": TEAM, "name": "综合应急救援队伍", "members": new}
    change = (
        ()
        if new is None
        else (Change("append", PATH, new),)
        if team
        else (Change("append", "teams", [team_json]),)
    )
    if figure is not None and figure.source == "summary":
        change = (Change("set", f"{TEAM_PATH}.headcount", need),)
    return not_met(
        observed,
        expected,
        lambda: Remedy(
            Text(
                f"综合应急救援队伍增加{need - have:,}人,达到不少于{need:,}人",
                f"add {need - have:,} member{'s' if need - have > 1 else ''} to reach {need:,}",
            ),
            change,
        ),
    )


def roster(station: Station, ctx: Context) -> Check:
    """A roster with the team's base, headcount and the rescue types it takes on."""
    expected = {"roster": True, "base": "recorded", "rescue_types": "≥ 1"}
    if station.teams is None:
        return missing("teams", expected)
    team = station.team(TEAM)
    if team is None:
        return missing(f"teams[kind={TEAM}]", expected)
    if team.roster is None:
        return missing(f"teams[kind={TEAM}].roster", expected)
    observed = {
        "roster": team.roster,
        "base": team.base,
        "rescue_types": list(team.rescue_types) if team.rescue_types is not None else None,
    }
    if team.roster and team.base and team.rescue_types:
        return met(observed, expected)
    changes = []
    if not team.roster:
        changes.append(Change("set", f"teams[kind={TEAM}].roster", True))
    if not team.base:
        changes.append(Change("set", f"teams[kind={TEAM}].base", "队伍驻地(待登记)"))
    if not team.rescue_types:
        changes.append(Change("set", f"teams[kind={TEAM}].rescue_types", ["综合救援"]))
    return not_met(
        observed,
        expected,
        lambda: Remedy(
            Text(
                "建立队伍花名册,登记驻地、人数、救援类型、装备及存放地点",
                "keep a roster with base, headcount, rescue types, equipment and its storage",
            ),
            tuple(changes),
        ),
    )


#: Above this many new members, a record change is no longer a sensible remedy.
MAX_NEW_MEMBERS = 500


def average_age(station: Station, ctx: Context) -> Check:
    limit = ctx.number("rescue_average_age_max")
    expected = {"max_average": limit}
    if station.teams is not None:
        summary = station.team(TEAM)
        if summary is not None and summary.members is None and summary.average_age is not None:
            figure = Figure(summary.average_age, "summary", f"{TEAM_PATH}.average_age")
            if summary.average_age <= limit:
                return met(figure.observed(), expected)
            return not_met(
                figure.observed(),
                expected,
                Remedy(
                    Text(
                        f"队伍平均年龄{summary.average_age:g}岁,原则上不超过{limit:g}岁:吸收年轻队员",
                        f"average age {summary.average_age:g} exceeds {limit:g}: "
                        "recruit younger members",
                    )
                ),
            )
    team = _team_members(station, expected)
    if isinstance(team, Check):
        return team
    members = team.members or ()
    if not members:
        return missing(PATH, expected)
    ages = [m.age_on(ctx.as_of) for m in members]
    known = [a for a in ages if a is not None]
    if len(known) < len(ages):
        return missing(f"{PATH}[].birth_date", expected)
    mean = sum(known) / len(known)
    if mean <= limit:
        return met(round(mean, 2), expected)
    text = Text(
        f"队伍平均年龄{mean:.1f}岁,原则上不超过{limit:g}岁:吸收年轻队员",
        f"average age {mean:.1f} exceeds {limit:g}: recruit younger members",
    )
    # The smallest record change: enough members of the youngest age to bring the mean down.
    # The mean only approaches YOUNGEST, so a limit at or below it (a tailored value) has no
    # such change; nor is one offered when it would take more than MAX_NEW_MEMBERS people.
    if limit <= YOUNGEST:
        return not_met(round(mean, 2), expected, lambda: Remedy(text))
    add = math.ceil((sum(known) - limit * len(known)) / (limit - YOUNGEST))
    if add > MAX_NEW_MEMBERS:
        return not_met(round(mean, 2), expected, Remedy(text))
    young = {"age": YOUNGEST, "insured": True, "protective_equipment": True}
    change = append_new(PATH, add, lambda i: {"name": f"青年队员{i + 1}", **young})
    return not_met(round(mean, 2), expected, Remedy(text, change))


def trainings(station: Station, ctx: Context) -> Check:
    """≥ 2 concentrated trainings in the year, each reported and photographed."""
    need = ctx.integer("rescue_trainings_min")
    kind = ctx.text("training_kind")
    expected = {"min": need, "kind": kind, "reported": True, "photos": True}
    if station.trainings is None:
        total = training_total(station, ctx.year, kind)
        if total is None:
            return missing(
                "trainings",
                expected,
                remedy=Remedy(
                    Text(
                        f"登记本年{kind}记录(trainings),或本年次数合计(training_totals)",
                        f"record this year's {kind} (trainings) or their total (training_totals)",
                    )
                ),
            )
        return _training_summary(total, need, expected)
    of_year = [t for t in station.trainings if t.kind == kind and in_year(t.date, ctx)]
    good = [t for t in of_year if t.reported is True and t.photos is True]
    if len(good) >= need:
        return met(len(good), expected)
    if any(t.reported is None or t.photos is None for t in of_year):
        return missing("trainings[].reported/photos", expected)
    add = need - len(good)
    training = {
        "date": record_day(ctx).isoformat(),
        "topic": "综合应急救援队伍集中训练",
        "kind": kind,
        "reported": True,
        "photos": True,
    }
    return not_met(
        len(good),
        expected,
        lambda: Remedy(
            Text(
                f"本年再组织{add:,}次集中训练,报送县应急局并拍照留底",
                f"hold {add:,} more concentrated training(s) this year, reported, with photos",
            ),
            append_new("trainings", add, lambda _: dict(training)),
        ),
        credit=credit(len(good), need, partial=True),
    )


def _training_summary(total: TrainingTotal, need: int, expected: object) -> Check:
    """Trainings from the year's total. Each counted training must be both reported and
    photographed; totals prove that of at least reported + photographed - count of them and
    of at most the smaller of the two: between those bounds only a list can tell."""
    index = f"training_totals[year={total.year}]"
    if total.reported is None or total.photographed is None:
        return missing(f"{index}.reported/photographed", expected)
    low = max(total.reported + total.photographed - total.count, 0)
    high = min(total.reported, total.photographed)
    observed = Figure(low, "summary", index).observed()
    if low >= need:
        return met(observed, expected)
    if high >= need:
        return missing(
            "trainings",
            expected,
            remedy=Remedy(
                Text(
                    "合计无法说明哪几次训练既报送又留有照片:请逐次登记训练(trainings)",
                    "the totals cannot tell which trainings were both reported and "
                    "photographed: record the trainings one by one",
                )
            ),
        )
    return not_met(
        observed,
        expected,
        Remedy(
            Text(
                f"本年再组织{need - high}次集中训练,报送县应急局并拍照留底",
                f"hold {need - high} more concentrated training(s), reported, with photos",
            ),
            (
                Change("set", f"{index}.count", total.count + need - high),
                Change("set", f"{index}.reported", total.reported + need - high),
                Change("set", f"{index}.photographed", total.photographed + need - high),
            ),
        ),
        credit=low / need if need else 1.0,
    )


def _protection_summary(team: Team, expected: object) -> Check:
    size = team_headcount(team, TEAM_PATH)
    insured = team_count(team, "insured", "insured", TEAM_PATH)
    equipped = team_count(team, "equipped", "protective_equipment", TEAM_PATH)
    if size is None or insured is None or equipped is None:
        return missing(f"{TEAM_PATH}.headcount/insured/equipped", expected)
    observed = {
        "headcount": size.value,
        "insured": insured.value,
        "equipped": equipped.value,
        "source": "summary",
    }
    if insured.value >= size.value and equipped.value >= size.value:
        return met(observed, expected)
    short = int(size.value - min(insured.value, equipped.value))
    return not_met(
        observed,
        expected,
        Remedy(
            Text(
                f"为其余{short}名队员配备防护装备并购买人身意外伤害保险",
                f"equip and insure the other {short} members",
            ),
            (
                Change("set", f"{TEAM_PATH}.insured", int(size.value)),
                Change("set", f"{TEAM_PATH}.equipped", int(size.value)),
            ),
        ),
        credit=min(insured.value, equipped.value) / size.value if size.value else 0.0,
    )


def protection(station: Station, ctx: Context) -> Check:
    """Every member has protective equipment and personal accident insurance."""
    expected = {"every_member": {"insured": True, "protective_equipment": True}}
    if station.teams is not None:
        summary = station.team(TEAM)
        if summary is not None and summary.members is None:
            return _protection_summary(summary, expected)
    team = _team_members(station, expected)
    if isinstance(team, Check):
        return team
    members = team.members or ()
    failing = [
        i for i, m in enumerate(members) if m.insured is False or m.protective_equipment is False
    ]
    unknown = [
        i for i, m in enumerate(members) if m.insured is None or m.protective_equipment is None
    ]
    if not failing and not unknown:
        return met(len(members), expected)
    if not failing:
        return missing(f"{PATH}[].insured/protective_equipment", expected)
    changes = []
    for i in failing:
        if members[i].insured is not True:
            changes.append(Change("set", f"{PATH}[{i}].insured", True))
        if members[i].protective_equipment is not True:
            changes.append(Change("set", f"{PATH}[{i}].protective_equipment", True))
    names = [members[i].name for i in failing]
    return not_met(
        {"lacking": names},
        expected,
        lambda: Remedy(
            Text(
                "为以下队员配备防护装备并购买人身意外伤害保险:" + "、".join(names),
                "equip and insure: " + ", ".join(names),
            ),
            tuple(changes),
        ),
        credit=(len(members) - len(failing)) / len(members) if members else 0.0,
    )


def protection_records(station: Station, ctx: Context) -> Check:
    return evidence_check(
        station,
        TOPIC_PROTECTION,
        ctx.names("protection_records"),
        what=Text(
            "防护装备和保险的购买、发放、使用、维护记录",
            "records of purchase, issue, use and upkeep",
        ),
        partial=True,
    )


def _team_present(station: Station, kind: str, what: Text) -> Check:
    if station.teams is None:
        return missing("teams", {"team": kind})
    if station.team(kind) is not None:
        return met(kind, {"team": kind})
    return not_met(
        None,
        {"team": kind},
        Remedy(
            Text(f"建立{what.zh}", f"set up {what.en}"),
            (Change("append", "teams", [{"kind": kind, "name": what.zh}]),),
        ),
    )


def fire_team(station: Station, ctx: Context) -> Check:
    return _team_present(station, FIRE_TEAM, Text("乡镇消防队(站)/微型消防站", "a town fire team"))


def party_commando(station: Station, ctx: Context) -> Check:
    return _team_present(station, PARTY_TEAM, Text("党员应急突击队", "a party emergency commando"))


REQUIREMENTS: tuple[Requirement, ...] = (
    requirement(
        "rescue.size",
        GROUP,
        "综合应急救援队伍人数(不少于下限)",
        "rescue team size (at least the minimum)",
        c.RESCUE_SIZE,
        team_size,
        ("rescue_team_min",),
        weight=2.0,
        gate=True,
        monotone=True,
    ),
    requirement("rescue.roster", GROUP, "队伍花名册", "team roster", c.RESCUE_ROSTER, roster),
    requirement(
        "rescue.average_age",
        GROUP,
        "队伍平均年龄原则上不超过上限",
        "average age at most the limit (as a rule)",
        c.RESCUE_AGE,
        average_age,
        ("rescue_average_age_max",),
    ),
    requirement(
        "rescue.trainings",
        GROUP,
        "每年集中训练次数(不少于下限)",
        "trainings a year (at least the minimum)",
        c.RESCUE_TRAINING,
        trainings,
        ("rescue_trainings_min", "training_kind"),
        monotone=True,
    ),
    requirement(
        "rescue.protection",
        GROUP,
        "防护装备和人身意外伤害保险",
        "protective equipment and accident insurance",
        c.PROTECTION,
        protection,
    ),
    requirement(
        "rescue.protection_records",
        GROUP,
        "防护装备和保险记录",
        "protection and insurance records",
        c.PROTECTION,
        protection_records,
        ("protection_records",),
        monotone=True,
    ),
    requirement(
        "rescue.fire_team",
        GROUP,
        "乡镇消防队(站)",
        "town fire team",
        c.FIRE_TEAM,
        fire_team,
        weight=0.5,
        monotone=True,
    ),
    requirement(
        "rescue.party_commando",
        GROUP,
        "党员应急突击队",
        "party emergency commando",
        c.PARTY_COMMANDO_23,
        party_commando,
        weight=0.5,
        monotone=True,
    ),
)

"""plans — 有一套反应灵敏、上下联动的预案响应制度: the 10 plans and the 3 conditional ones,
handbook and wall maps, the "5-15-20" response standard, drills in town and villages."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime, time, timedelta

import attrs

from stationkit import (
    Citation,
    Station,
    Text,
)
from stationkit.records import Drill, RegionLevel
from stationkit.standard import (
    REMEDY_ITEMS_MAX,
    Change,
    Check,
    Context,
    Figure,
    Remedy,
    Requirement,
    Role,
    append_new,
    append_to,
    drill_totals,
    drills_in_villages,
    evidence_check,
    in_year,
    met,
    missing,
    names_check,
    not_applicable,
    not_met,
    village_totals,
)
from stationkit_quanzhou import citations as c
from stationkit_quanzhou._checks import drills_of_year, record_day, region_or_missing, requirement

GROUP = "plans"
TOPIC_MANAGEMENT = "预案管理"
TOPIC_CARRY_LISTS = "装备携带清单"
TOPIC_VILLAGE_GUIDANCE = "指导村(社区)预案制修订"
#: Enterprise kinds (``Region.enterprise_kinds``) that make a conditional plan required.
CONDITIONAL = (
    (
        "hazardous_chemicals",
        "plan_hazardous_chemicals",
        "危险化学品企业",
        "hazardous-chemicals firms",
    ),
    ("mining", "plan_mining", "矿山企业", "mines"),
    ("industry_trade", "plan_industry_trade", "工贸企业", "industry and trade firms"),
)
STAGES = (
    # requirement suffix, parameter, Drill field, zh, en
    ("assembled", "response_assemble_minutes", "assembled_at", "集结", "assembled"),
    ("departed", "response_depart_minutes", "departed_at", "出动", "departed"),
    ("arrived", "response_arrive_minutes", "arrived_at", "到达", "on scene"),
    ("rescue_started", "response_rescue_minutes", "rescue_started_at", "开展施救", "rescue begun"),
)
RESPONSE_PARAMS = tuple(stage[1] for stage in STAGES)
#: The kind a remedy gives a new town drill when the kinds parameter is tailored to ().
FALLBACK_DRILL_KIND = "综合演练"


def _drill_kind(ctx: Context, last: bool = False) -> str:
    kinds = ctx.names("town_drill_kinds")
    if not kinds:
        return FALLBACK_DRILL_KIND
    return kinds[-1] if last else kinds[0]


def _plan_types(station: Station) -> list[str] | None:
    return None if station.plans is None else [p.type for p in station.plans]


def _with_titles(check: Check, station: Station, need: Sequence[str]) -> Check:
    """``observed`` also says which filed title satisfied which required plan, when titles
    were filed in other words than the plan types (loading keeps them as ``Plan.title``)."""
    filed = {
        p.type: p.title
        for p in station.plans or ()
        if p.title is not None and p.title != p.type and p.type in need
    }
    if not filed:
        return check
    return attrs.evolve(check, observed={"plans": check.observed, "filed_as": filed})


def required_plans(station: Station, ctx: Context) -> Check:
    need = ctx.names("required_plans")
    check = names_check(
        _plan_types(station),
        need,
        field="plans",
        change=append_to("plans", lambda t: {"type": t, "issued_on": ctx.as_of.isoformat()}),
        what=Text("应急预案", "plans"),
        partial=True,
    )
    return _with_titles(check, station, need)


def conditional_plan(
    enterprise_kind: str, param: str, zh: str, en: str
) -> Callable[[Station, Context], Check]:
    """The plan named by ``param`` is required where the township has ``enterprise_kind``."""

    def predicate(station: Station, ctx: Context) -> Check:
        plan = ctx.text(param)
        expected = {"plan": plan, "required_if_enterprises": enterprise_kind}
        region = region_or_missing(station, ctx, expected)
        if isinstance(region, Check):
            return region
        if region.enterprise_kinds is None:
            return missing(f"dataset.region[{region.code}].enterprise_kinds", expected)
        if enterprise_kind not in region.enterprise_kinds:
            return not_applicable(Text(f"辖区无{zh},不需编制{plan}", f"no {en} in the township"))
        check = names_check(
            _plan_types(station),
            (plan,),
            field="plans",
            change=append_to("plans", lambda t: {"type": t, "issued_on": ctx.as_of.isoformat()}),
            what=Text("应急预案", "plan"),
            partial=True,
        )
        return _with_titles(check, station, (plan,))

    predicate.__name__ = f"conditional_plan_{enterprise_kind}"
    return predicate


def plans_management(station: Station, ctx: Context) -> Check:
    return evidence_check(
        station,
        TOPIC_MANAGEMENT,
        ctx.names("plans_management"),
        what=Text("预案修订、培训、宣传等日常管理", "plan revision, training, publicity"),
        partial=True,
    )


def handbook(station: Station, ctx: Context) -> Check:
    if station.handbook is None:
        return missing("handbook", True)
    if station.handbook:
        return met(True, True)
    return not_met(
        False,
        True,
        Remedy(
            Text("简化预案,编制应急手册", "condense the plans into a handbook"),
            (Change("set", "handbook", True),),
        ),
    )


def wall_maps(station: Station, ctx: Context) -> Check:
    return names_check(
        station.wall_maps,
        ctx.names("wall_maps"),
        field="wall_maps",
        change=append_to("wall_maps"),
        what=Text("上墙图(挂图作战)", "wall maps"),
        partial=True,
    )


def carry_lists(station: Station, ctx: Context) -> Check:
    return evidence_check(
        station,
        TOPIC_CARRY_LISTS,
        (),
        what=Text("处置不同突发事件的装备携带清单", "equipment carry-lists"),
        partial=True,
    )


def _timed_town_drills(station: Station, ctx: Context) -> list[Drill]:
    return [d for d in drills_of_year(station, ctx) if d.village is None and d.alarm_at]


def _model_drill(station: Station, ctx: Context) -> dict[str, object]:
    """A drill record meeting every stage limit, later than any drill the station has."""
    latest = max(_timed_town_drills(station, ctx), key=_drill_key, default=None)
    alarm = datetime.combine(record_day(ctx), time(9, 0))
    if latest is not None and latest.alarm_at is not None and latest.alarm_at >= alarm:
        alarm = latest.alarm_at + timedelta(minutes=1)
    record: dict[str, object] = {
        "date": record_day(ctx).isoformat(),
        "kind": _drill_kind(ctx),
        "alarm_at": alarm.isoformat(),
        "reviewed": True,
        "announced": False,
    }
    for _, param, field, _, _ in STAGES:
        record[field] = (alarm + timedelta(minutes=ctx.integer(param))).isoformat()
    return record


def _drill_key(drill: Drill) -> tuple[object, ...]:
    return (drill.date, drill.alarm_at)


# The four response stages read the same drill: found once per (station, context), not four
# times. One entry, compared by identity, replaced whole (safe across threads).
_LATEST: list[tuple[object, object, Drill | None]] = [(None, None, None)]


def _latest_timed(station: Station, ctx: Context) -> Drill | None:
    """The latest timed town drill of the year (None: none recorded)."""
    seen_station, seen_ctx, drill = _LATEST[0]
    if seen_station is station and seen_ctx is ctx:
        return drill
    timed = _timed_town_drills(station, ctx)
    drill = max(timed, key=_drill_key) if timed else None
    _LATEST[0] = (station, ctx, drill)
    return drill


def response_stage(
    suffix: str, param: str, field: str, zh: str, en: str
) -> Callable[[Station, Context], Check]:
    """The latest timed town drill of the year reached ``field`` within ``param`` minutes
    of the alarm."""

    def predicate(station: Station, ctx: Context) -> Check:
        limit = ctx.integer(param)
        expected = {"max_minutes_after_alarm": limit}
        if station.drills is None:
            return missing("drills", expected)
        drill = _latest_timed(station, ctx)
        if drill is None:
            return missing("drills[].alarm_at", expected)
        index = station.drills.index(drill)
        at: datetime | None = getattr(drill, field)
        if at is None or drill.alarm_at is None:
            return missing(f"drills[{index}].{field}", expected)
        minutes = (at - drill.alarm_at).total_seconds() / 60
        observed = {"drill": drill.id or drill.date.isoformat(), "minutes": round(minutes, 2)}
        if 0 <= minutes <= limit:
            return met(observed, expected)
        return not_met(
            observed,
            expected,
            lambda: Remedy(
                Text(
                    f"{zh}用时{minutes:.1f}分钟,超过{limit}分钟:优化出动流程并重新拉动演练检验",
                    f"{en} after {minutes:.1f} min (limit {limit}): streamline the turn-out and "
                    "re-test with a drill",
                ),
                (Change("append", "drills", [_model_drill(station, ctx)]),),
            ),
        )

    predicate.__name__ = f"response_{suffix}"
    return predicate


def town_drill(station: Station, ctx: Context) -> Check:
    """≥ 1 comprehensive or special town drill in the year, reviewed (复盘)."""
    need = ctx.integer("town_drills_min")
    kinds = ctx.names("town_drill_kinds")
    expected = {"min": need, "kinds": list(kinds), "reviewed": True}
    if station.drills is None and station.drill_totals is not None:
        return _town_drill_summary(station, ctx, need, kinds, expected)
    if station.drills is None:
        return missing("drills", expected)
    # An empty kinds list (tailored) lets any town drill count.
    town = [
        d
        for d in drills_of_year(station, ctx)
        if d.village is None and (d.kind in kinds or not kinds)
    ]
    reviewed = [d for d in town if d.reviewed is True]
    if len(reviewed) >= need:
        return met(len(reviewed), expected)
    if any(d.reviewed is None for d in town):
        return missing("drills[].reviewed", expected)
    add = need - len(reviewed)
    drill = {"date": record_day(ctx).isoformat(), "kind": _drill_kind(ctx), "reviewed": True}
    return not_met(
        {"held": len(town), "reviewed": len(reviewed)},
        expected,
        lambda: Remedy(
            Text(
                f"本年组织{add:,}次综合性或专项应急演练并复盘评估",
                f"hold {add:,} comprehensive or special drill(s) this year and review them",
            ),
            append_new("drills", add, lambda _: dict(drill)),
        ),
    )


def _town_drill_summary(
    station: Station, ctx: Context, need: int, kinds: tuple[str, ...], expected: object
) -> Check:
    totals = drill_totals(station, ctx.year, kinds, town=True)
    if any(t.reviewed is None for _, t in totals):
        return missing("drill_totals[].reviewed", expected)
    reviewed = sum(t.reviewed or 0 for _, t in totals)
    observed = Figure(reviewed, "summary", "drill_totals").observed()
    if reviewed >= need:
        return met(observed, expected)
    return not_met(
        observed,
        expected,
        Remedy(
            Text(
                f"本年组织{need - reviewed}次综合性或专项应急演练并复盘评估",
                f"hold {need - reviewed} comprehensive or special drill(s) this year and "
                "review them",
            ),
            (
                Change(
                    "append",
                    "drill_totals",
                    [
                        {
                            "year": ctx.year,
                            "kind": _drill_kind(ctx),
                            "count": need - reviewed,
                            "reviewed": need - reviewed,
                            "town": True,
                        }
                    ],
                ),
            ),
        ),
    )


def _village_drills_summary(
    station: Station, ctx: Context, villages: int, need: int, kind: str, expected: object
) -> Check:
    found = village_totals(station, ctx.year)
    if found is None or found[1].with_evacuation_drill is None or need > 1:
        # Drills counted per kind do not say which villages held them.
        return missing(
            "drills[].village",
            expected,
            remedy=Remedy(
                Text(
                    "逐次登记演练所在村(drills[].village),或登记本年开展过转移避险演练的村数"
                    "(village_totals.with_evacuation_drill)",
                    "record each drill's village (drills[].village), or how many villages "
                    "held an evacuation drill this year (village_totals.with_evacuation_drill)",
                )
            ),
        )
    index, total = found
    held = total.with_evacuation_drill or 0
    path = f"village_totals[{index}].with_evacuation_drill"
    observed = Figure(held, "summary", path).observed()
    if held >= villages:
        return met(observed, expected)
    return not_met(
        observed,
        expected,
        Remedy(
            Text(
                f"另有{villages - held}个村(社区)本年组织危险区域人员自主转移避险演练",
                f"{villages - held} more villages hold an evacuation drill this year",
            ),
            (Change("set", path, villages),),
        ),
        credit=held / villages,
    )


def village_drills(station: Station, ctx: Context) -> Check:
    """Every village (community) holds ≥ 1 evacuation drill a year."""
    need = ctx.integer("village_drills_min")
    kind = ctx.text("village_drill_kind")
    expected = {"every_village_min": need, "kind": kind}
    region = region_or_missing(station, ctx, expected)
    if isinstance(region, Check):
        return region
    villages = [v for v in region.children if v.level is RegionLevel.VILLAGE]
    if not villages:
        return not_applicable(Text("辖区未登记村(社区)", "no villages recorded under the township"))
    drills = drills_in_villages(station, region)
    if drills is None and (station.village_totals or station.drill_totals):
        return _village_drills_summary(station, ctx, len(villages), need, kind, expected)
    if drills is None:
        return missing("drills", expected)
    held: dict[str, int] = {}
    for d in drills:
        if d.village is not None and d.kind == kind and in_year(d.date, ctx):
            held[d.village] = held.get(d.village, 0) + 1
    short = {v.code: need - held.get(v.code, 0) for v in villages if held.get(v.code, 0) < need}
    observed = {v.code: held.get(v.code, 0) for v in villages}
    if not short:
        return met(observed, expected)
    day = record_day(ctx).isoformat()
    new = [{"date": day, "kind": kind, "village": code} for code, n in short.items()]
    # One drill per village short; more than one each only while the list stays short.
    change = (
        (Change("append", "drills", [d for d in new for _ in range(short[d["village"]])]),)
        if sum(short.values()) <= REMEDY_ITEMS_MAX
        else ()
    )
    return not_met(
        observed,
        expected,
        lambda: Remedy(
            Text(
                "以下村(社区)本年组织危险区域人员自主转移避险演练:" + "、".join(short),
                "hold an evacuation drill this year in: " + ", ".join(short),
            ),
            change,
        ),
        credit=(len(villages) - len(short)) / len(villages),
    )


def mountain_drills(station: Station, ctx: Context) -> Check:
    """Mountain townships drill flash floods and geohazards."""
    hazards = ctx.names("mountain_drill_hazards")
    expected = {"hazards_drilled": list(hazards), "if": "mountainous"}
    region = region_or_missing(station, ctx, expected)
    if isinstance(region, Check):
        return region
    if region.mountainous is None:
        return missing(f"dataset.region[{region.code}].mountainous", expected)
    if not region.mountainous:
        return not_applicable(Text("非山区", "not a mountain area"))
    if station.drills is None:
        return missing("drills", expected)
    drilled = {h for d in drills_of_year(station, ctx) for h in d.hazards or ()}
    absent = [h for h in hazards if h not in drilled]
    if not absent:
        return met(sorted(drilled & set(hazards)), expected)
    return not_met(
        sorted(drilled),
        expected,
        lambda: Remedy(
            Text(
                "组织山区专项演练:" + "、".join(absent),
                "drill in the mountains: " + ", ".join(absent),
            ),
            (
                Change(
                    "append",
                    "drills",
                    [
                        {
                            "date": record_day(ctx).isoformat(),
                            "kind": _drill_kind(ctx, last=True),
                            "hazards": absent,
                            "reviewed": True,
                        }
                    ],
                ),
            ),
        ),
    )


def double_blind(station: Station, ctx: Context) -> Check:
    """Encouraged, not required: reported only (an unannounced drill this year)."""
    expected = {"unannounced_drill": True}
    if station.drills is None:
        return missing("drills", expected)
    blind = [d for d in drills_of_year(station, ctx) if d.announced is False]
    if blind:
        return met(len(blind), expected)
    return not_met(
        0,
        expected,
        lambda: Remedy(
            Text(
                "采取不打招呼、零脚本的“双盲”方式开展队伍拉动演练",
                "hold an unannounced, unscripted turn-out drill",
            ),
            (
                Change(
                    "append",
                    "drills",
                    [
                        {
                            "date": record_day(ctx).isoformat(),
                            "kind": _drill_kind(ctx),
                            "announced": False,
                        }
                    ],
                ),
            ),
        ),
    )


def village_guidance(station: Station, ctx: Context) -> Check:
    return evidence_check(
        station,
        TOPIC_VILLAGE_GUIDANCE,
        (),
        what=Text(
            "指导村(社区)明确预案制修订任务和时间节点", "guidance to villages on plan drafting"
        ),
        partial=True,
    )


def _conditional_requirements() -> tuple[Requirement, ...]:
    return tuple(
        requirement(
            f"plans.conditional.{kind}",
            GROUP,
            f"视情编制:{zh}相关预案",
            f"conditional plan where there are {en}",
            c.CONDITIONAL_PLANS,
            conditional_plan(kind, param, zh, en),
            (param,),
            monotone=True,
        )
        for kind, param, zh, en in CONDITIONAL
    )


def _stage_requirements() -> tuple[Requirement, ...]:
    cites: dict[str, Citation] = {
        "assembled": c.ASSEMBLE,
        "departed": c.DEPART,
        "arrived": c.RESPONSE_STANDARD,
        "rescue_started": c.RESCUE_START,
    }
    return tuple(
        requirement(
            f"plans.response.{suffix}",
            GROUP,
            f"报警后{zh}时限",
            f"{en} within the limit",
            cites[suffix],
            response_stage(suffix, param, field, zh, en),
            (*RESPONSE_PARAMS, "town_drill_kinds"),
        )
        for suffix, param, field, zh, en in STAGES
    )


REQUIREMENTS: tuple[Requirement, ...] = (
    requirement(
        "plans.required",
        GROUP,
        "编制10项应急预案",
        "the 10 required plans",
        c.REQUIRED_PLANS,
        required_plans,
        ("required_plans",),
        weight=2.0,
        monotone=True,
    ),
    *_conditional_requirements(),
    requirement(
        "plans.management",
        GROUP,
        "预案日常管理",
        "daily plan management",
        c.PLANS_MANAGEMENT,
        plans_management,
        ("plans_management",),
        weight=0.5,
        monotone=True,
    ),
    requirement(
        "plans.handbook",
        GROUP,
        "应急手册",
        "emergency handbook",
        c.HANDBOOK,
        handbook,
        monotone=True,
    ),
    requirement(
        "plans.wall_maps",
        GROUP,
        "三张上墙图",
        "the three wall maps",
        c.WALL_MAPS,
        wall_maps,
        ("wall_maps",),
        monotone=True,
    ),
    requirement(
        "plans.carry_lists",
        GROUP,
        "装备携带清单",
        "equipment carry-lists",
        c.CARRY_LISTS,
        carry_lists,
        weight=0.5,
        monotone=True,
    ),
    *_stage_requirements(),
    requirement(
        "plans.town_drill",
        GROUP,
        "每年至少1次综合或专项演练并复盘",
        "at least one reviewed town drill a year",
        c.TOWN_DRILL,
        town_drill,
        ("town_drills_min", "town_drill_kinds"),
        monotone=True,
    ),
    requirement(
        "plans.village_drills",
        GROUP,
        "每村每年至少1次自主转移避险演练",
        "an evacuation drill a year in every village",
        c.VILLAGE_DRILL,
        village_drills,
        ("village_drills_min", "village_drill_kind"),
        monotone=True,
    ),
    requirement(
        "plans.mountain_drills",
        GROUP,
        "山区山洪、地质灾害演练",
        "mountain areas drill flash floods and geohazards",
        c.MOUNTAIN_DRILL,
        mountain_drills,
        ("mountain_drill_hazards", "town_drill_kinds"),
        monotone=True,
    ),
    requirement(
        "plans.double_blind",
        GROUP,
        "“双盲”拉动演练(鼓励,不计分)",
        "unannounced drills (encouraged, not scored)",
        c.DOUBLE_BLIND,
        double_blind,
        ("town_drill_kinds",),
        role=Role.INFO,
        monotone=True,
    ),
)

#: Added by the 2025 edition (QZ25 §四(三)5).
REQUIREMENTS_2025: tuple[Requirement, ...] = (
    requirement(
        "plans.village_guidance",
        GROUP,
        "指导村(社区)预案制修订",
        "guidance to villages on their plans",
        c.PLANS_GUIDANCE_25,
        village_guidance,
        weight=0.5,
        monotone=True,
    ),
)

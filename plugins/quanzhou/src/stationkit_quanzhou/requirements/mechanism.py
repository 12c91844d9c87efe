"""mechanism — 有一套标准化运行的工作机制: governance rules, the lists and the closed loop,
risk-area grids and village grid staff, "四合一" duty, reporting and informants; QZ25 adds a
supervision duty list and the safety-standardization information system."""

from __future__ import annotations

from stationkit import (
    Citation,
    Station,
    Text,
)
from stationkit.records import RegionLevel
from stationkit.standard import (
    Change,
    Check,
    Context,
    Figure,
    Remedy,
    Requirement,
    Status,
    append_to,
    evidence_check,
    evidence_items,
    met,
    missing,
    names_check,
    not_applicable,
    not_met,
    village_totals,
    villages_under,
    villages_with_grid_staff,
    villages_with_informants,
)
from stationkit_quanzhou import citations as c
from stationkit_quanzhou._checks import (
    StationPredicate,
    find_ledger,
    ledger_check,
    region_or_missing,
    requirement,
)

GROUP = "mechanism"

#: Record conventions (topics in ``functions``, kinds in ``ledgers``); see README.
TOPIC_ANNUAL_PLAN = "纳入年度工作安排"
TOPIC_ENTERPRISE_LISTS = "生产经营单位三张清单"
TOPIC_CLOSED_LOOP = "闭环管理"
TOPIC_RISK_AREAS_ABSENT = "辖区无此类风险区域"
TOPIC_GRID_PATROLS = "网格巡查"
LEDGER_GRID = "网格巡查台账"


def governance_rules(station: Station, ctx: Context) -> Check:
    return names_check(
        station.rules,
        ctx.names("governance_rules"),
        field="rules",
        change=append_to("rules"),
        what=Text("党委政府应急管理制度", "party/government emergency rules"),
        partial=True,
    )


def annual_plan(station: Station, ctx: Context) -> Check:
    return evidence_check(
        station,
        TOPIC_ANNUAL_PLAN,
        (),
        what=Text("应急管理工作纳入年度工作安排", "emergency work in the annual plan"),
        partial=True,
    )


def enterprise_lists(station: Station, ctx: Context) -> Check:
    return evidence_check(
        station,
        TOPIC_ENTERPRISE_LISTS,
        ctx.names("enterprise_lists"),
        what=Text("生产经营单位“三张清单”", "businesses' three lists"),
        partial=True,
    )


def town_lists(station: Station, ctx: Context) -> Check:
    have = None if station.ledgers is None else [ledger.kind for ledger in station.ledgers]
    return names_check(
        have,
        ctx.names("town_lists"),
        field="ledgers",
        change=append_to(
            "ledgers", lambda k: {"kind": k, "entries": 1, "updated_on": ctx.as_of.isoformat()}
        ),
        what=Text("乡镇“四张清单”", "the town's four lists"),
        partial=True,
    )


def closed_loop(station: Station, ctx: Context) -> Check:
    return evidence_check(
        station,
        TOPIC_CLOSED_LOOP,
        ctx.names("closed_loop_steps"),
        what=Text("闭环管理", "closed-loop management"),
        partial=True,
    )


def risk_grids(station: Station, ctx: Context) -> Check:
    """A grid with named staff for each of the 16 kinds of risk area the township has.

    A kind the township does not have is declared under the ``functions`` topic
    "辖区无此类风险区域"; without that declaration every kind is taken as present.
    """
    kinds = ctx.names("risk_areas")
    declared_absent = set(evidence_items(station, TOPIC_RISK_AREAS_ABSENT) or ())
    need = [k for k in kinds if k not in declared_absent]
    expected = {"grid_with_staff_for": need}
    if station.grids is None:
        return missing("grids", expected)
    staffed = {g.risk_area for g in station.grids if g.staff}
    lacking = [k for k in need if k not in staffed]
    if not lacking:
        return met(sorted(staffed & set(need)), expected)
    if station.functions is None:  # whether the township lacks those kinds is not recorded
        return missing(f"functions[topic={TOPIC_RISK_AREAS_ABSENT}]", expected)
    return not_met(
        {"lacking": lacking},
        expected,
        lambda: Remedy(
            Text(
                f"为以下风险区域建立责任网格并落实网格员:{'、'.join(lacking)}",
                f"set up grids with named staff for: {', '.join(lacking)}",
            ),
            (
                Change(
                    "append",
                    "grids",
                    [{"risk_area": k, "staff": ["待落实网格员"]} for k in lacking],
                ),
            ),
        ),
        credit=(len(need) - len(lacking)) / len(need) if need else 1.0,
    )


def village_grids(station: Station, ctx: Context) -> Check:
    """By the deadline, every village (community) has grid staff with emergency duties."""
    deadline = ctx.day("village_grid_deadline")
    expected = {"every_village_has_grid_staff": True, "by": deadline.isoformat()}
    region = region_or_missing(station, ctx, expected)
    if isinstance(region, Check):
        return region
    villages = [v for v in region.children if v.level is RegionLevel.VILLAGE]
    if not villages:
        return not_applicable(Text("辖区未登记村(社区)", "no villages recorded under the township"))
    found = villages_with_grid_staff(station, region)
    summary = village_totals(station, ctx.year)
    named = (found or set()) & {v.code for v in villages}
    if not named and summary is not None and summary[1].with_grid_staff is not None:
        # No village named one by one: the totals say how many have grid staff.
        check = _villages_summary(
            summary[1].with_grid_staff,
            len(villages),
            f"village_totals[{summary[0]}].with_grid_staff",
            expected,
            Text("有网格员的村(社区)", "villages with grid staff"),
        )
        if check.status is Status.NOT_MET and ctx.as_of <= deadline:
            return not_applicable(
                Text(f"期限 {deadline.isoformat()} 未到", f"not due until {deadline.isoformat()}")
            )
        return check
    if found is None:
        return missing("grids", expected)
    staffed = found
    lacking = [v.code for v in villages if v.code not in staffed]
    if not lacking:
        return met(sorted(staffed & {v.code for v in villages}), expected)
    if ctx.as_of <= deadline:
        return not_applicable(
            Text(
                f"期限 {deadline.isoformat()} 未到,尚缺:{'、'.join(lacking)}",
                f"not due until {deadline.isoformat()}; still lacking: {', '.join(lacking)}",
            )
        )
    return not_met(
        {"villages_lacking": lacking},
        expected,
        lambda: Remedy(
            Text(
                "将安全生产、风险隐患排查、避险转移纳入以下村(社区)网格员职责:"
                + "、".join(lacking),
                "give grid staff emergency duties in villages: " + ", ".join(lacking),
            ),
            (
                Change(
                    "append",
                    "grids",
                    [
                        {"risk_area": "村(社区)网格", "staff": ["待落实网格员"], "village": v}
                        for v in lacking
                    ],
                ),
            ),
        ),
        credit=(len(villages) - len(lacking)) / len(villages),
    )


def grid_patrols(station: Station, ctx: Context) -> Check:
    return evidence_check(
        station,
        TOPIC_GRID_PATROLS,
        ctx.names("grid_patrol_evidence"),
        what=Text("网格巡查材料", "grid patrol records"),
        partial=True,
    )


def grid_ledger(station: Station, ctx: Context) -> Check:
    return ledger_check(
        station,
        ctx,
        LEDGER_GRID,
        max_age_param="ledger_max_age_days",
        what=Text("网格巡查台账", "grid patrol ledger"),
    )


def four_in_one(station: Station, ctx: Context) -> Check:
    duty = station.duty
    return names_check(
        duty.merged_duties if duty else None,
        ctx.names("merged_duties"),
        field="duty.merged_duties",
        change=append_to("duty.merged_duties"),
        what=Text("“四合一”应急值班", "merged duties"),
        partial=True,
    )


def single_channel(station: Station, ctx: Context) -> Check:
    value = station.duty.single_channel if station.duty else None
    if value is None:
        return missing("duty.single_channel", True)
    if value:
        return met(True, True)
    return not_met(
        False,
        True,
        Remedy(
            Text(
                "应急值班与政务值班融合,信息报送同步同口径",
                "merge emergency and government duty; report on one channel",
            ),
            (Change("set", "duty.single_channel", True),),
        ),
    )


def _villages_summary(have: int, villages: int, path: str, expected: object, what: Text) -> Check:
    """How many villages have something, from the village totals."""
    observed = Figure(have, "summary", path).observed()
    if have >= villages:
        return met(observed, expected)
    return not_met(
        observed,
        expected,
        Remedy(
            Text(
                f"另有{villages - have}个村(社区)需落实:{what.zh}",
                f"{villages - have} more villages needed: {what.en}",
            ),
            (Change("set", path, villages),),
        ),
        credit=have / villages if villages else 1.0,
    )


def informants(station: Station, ctx: Context) -> Check:
    """An informant at the town and in every village; entries read "<region code>:<name>"
    (an entry without a code counts for the town)."""
    expected = {"informant_in": "town and every village"}
    region = region_or_missing(station, ctx, expected)
    if isinstance(region, Check):
        return region
    found = villages_with_informants(station, region)
    if found is None:
        return missing("informants", expected)
    covered = set(found)
    villages = villages_under(region)
    summary = village_totals(station, ctx.year)
    named = covered & {v.code for v in villages}
    if not named and summary is not None and summary[1].with_informant is not None:
        # No village named one by one: the villages' share comes from the totals.
        town = region.code in covered
        check = _villages_summary(
            summary[1].with_informant,
            len(villages),
            f"village_totals[{summary[0]}].with_informant",
            expected,
            Text("有信息员的村(社区)", "villages with an informant"),
        )
        if town or check.status is not Status.MET:
            return check
        if station.informants is not None:  # the town's list is recorded and lacks one
            return not_met(
                {"lacking": [region.code], "villages": check.observed},
                expected,
                Remedy(
                    Text("落实镇(街道)本级信息员", "appoint the township's own informant"),
                    (Change("append", "informants", ["待落实信息员"]),),
                ),
                credit=len(villages) / (len(villages) + 1),
            )
        return missing(
            "informants",
            expected,
            remedy=Remedy(Text("登记镇(街道)本级信息员", "record the township's own informant")),
        )
    places = [region.code, *(v.code for v in villages)]
    lacking = [p for p in places if p not in covered]
    if not lacking:
        return met(places, expected)
    return not_met(
        {"lacking": lacking},
        expected,
        lambda: Remedy(
            Text(
                "在以下镇/村(社区)落实信息员:" + "、".join(lacking),
                "appoint informants in: " + ", ".join(lacking),
            ),
            (Change("append", "informants", [f"{p}:待落实信息员" for p in lacking]),),
        ),
        credit=(len(places) - len(lacking)) / len(places),
    )


def supervision_list(station: Station, ctx: Context) -> Check:
    kind = ctx.text("supervision_list")
    expected = {"ledger": kind}
    if station.ledgers is None:
        return missing("ledgers", expected)
    if find_ledger(station, kind) is not None:
        return met(kind, expected)
    return not_met(
        None,
        expected,
        lambda: Remedy(
            Text(f"健全完善{kind}", f"draw up the {kind} (supervision duty list)"),
            (
                Change(
                    "append",
                    "ledgers",
                    [{"kind": kind, "entries": 1, "updated_on": ctx.as_of.isoformat()}],
                ),
            ),
        ),
    )


def standardization_system(station: Station, ctx: Context) -> Check:
    return evidence_check(
        station,
        ctx.text("standardization_system"),
        (),
        what=Text(
            "安全生产标准化信息系统应用", "use of the safety-standardization information system"
        ),
        partial=True,
    )


def _r(
    rid: str,
    zh: str,
    en: str,
    cite: Citation,
    pred: StationPredicate,
    params: tuple[str, ...] = (),
    *,
    monotone: bool = True,
) -> Requirement:
    return requirement(rid, GROUP, zh, en, cite, pred, params, monotone=monotone)


REQUIREMENTS: tuple[Requirement, ...] = (
    _r(
        "mechanism.governance",
        "党委政府应急管理会商议事制度",
        "party/government consultation rules",
        c.GOVERNANCE_23,
        governance_rules,
        ("governance_rules",),
    ),
    _r(
        "mechanism.annual_plan",
        "应急管理纳入年度工作安排",
        "emergency work in the annual plan",
        c.ANNUAL_PLAN,
        annual_plan,
    ),
    _r(
        "mechanism.enterprise_lists",
        "生产经营单位“三张清单”",
        "businesses' three lists",
        c.ENTERPRISE_LISTS,
        enterprise_lists,
        ("enterprise_lists",),
    ),
    _r(
        "mechanism.town_lists",
        "乡镇“四张清单”",
        "the town's four lists",
        c.TOWN_LISTS,
        town_lists,
        ("town_lists",),
    ),
    _r(
        "mechanism.closed_loop",
        "排查整改闭环管理",
        "closed-loop hazard management",
        c.CLOSED_LOOP,
        closed_loop,
        ("closed_loop_steps",),
    ),
    _r(
        "mechanism.risk_grids",
        "16类风险区域责任网格",
        "grids for the 16 kinds of risk area",
        c.RISK_GRIDS,
        risk_grids,
        ("risk_areas",),
    ),
    _r(
        "mechanism.village_grids",
        "村(社区)网格员应急职责",
        "village grid staff with emergency duties",
        c.VILLAGE_GRIDS,
        village_grids,
        ("village_grid_deadline",),
    ),
    _r(
        "mechanism.grid_patrols",
        "网格巡查记录、照片和报告",
        "grid patrol records, photos, reports",
        c.GRID_PATROLS,
        grid_patrols,
        ("grid_patrol_evidence",),
    ),
    _r(
        "mechanism.grid_ledger",
        "网格台账滚动更新",
        "rolling grid ledger",
        c.GRID_LEDGER,
        grid_ledger,
        ("ledger_max_age_days",),
    ),
    _r(
        "mechanism.four_in_one",
        "“四合一”应急值班",
        "'four-in-one' duty",
        c.FOUR_IN_ONE_23,
        four_in_one,
        ("merged_duties",),
    ),
    _r(
        "mechanism.single_channel",
        "信息报送同步同口径",
        "reports on one channel, one caliber",
        c.REPORTING_23,
        single_channel,
    ),
    _r(
        "mechanism.informants",
        "乡镇、村(社区)信息员",
        "informants in the town and every village",
        c.INFORMANTS,
        informants,
    ),
)

#: Added by the 2025 edition (QZ25 §四(三)4).
REQUIREMENTS_2025: tuple[Requirement, ...] = (
    _r(
        "mechanism.supervision_list",
        "综合监管职责清单",
        "comprehensive supervision duty list",
        c.SUPERVISION_LIST,
        supervision_list,
        ("supervision_list",),
    ),
    _r(
        "mechanism.standardization_system",
        "安全生产标准化信息系统应用",
        "use of the safety-standardization information system",
        c.STANDARDIZATION_SYSTEM,
        standardization_system,
        ("standardization_system",),
    ),
)

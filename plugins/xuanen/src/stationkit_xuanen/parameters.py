"""Every figure, list and date of XE as a named, citable, overridable parameter.

Dates without a year are 2024 (the plan's year). "N月底" is the last day of that month and
"N月M日前" is read as *on or before* M日 (inclusive): done on the due date is on time, the
next day is late. Values that XE leaves open are marked ``default=True``.
"""

from __future__ import annotations

from datetime import date

from stationkit import Citation, Text
from stationkit.standard import Parameter, ParamValue
from stationkit_xuanen import citations as c


def _p(
    name: str,
    value: ParamValue,
    cite: Citation,
    zh: str,
    en: str,
    unit: str | None = None,
    *,
    default: bool = False,
    note: Text | None = None,
    vocabulary: str | None = None,
) -> Parameter:
    return Parameter(name, value, cite, Text(zh, en), unit, default, note, vocabulary=vocabulary)


_BY_END_OF_MONTH = Text(
    zh="“月底”按该月最后一日(含)读取。", en="'end of the month' is read as its last day, inclusive."
)
_BEFORE_INCLUSIVE = Text(
    zh="“前”按“当日及以前”读取: 当日完成为按期, 次日为逾期。",
    en="'前' (before) is read as on or before: done on the due date is on time, the day "
    "after is late.",
)

SCOPE = (
    _p("township_count", 9, c.SCOPE, "乡镇数", "townships in the county", "townships"),
    _p(
        "village_count",
        162,
        c.SCOPE,
        "村（社区）数",
        "villages and communities in the county",
        "villages",
    ),
    _p("pilot_township", "珠山镇", c.PILOT, "试点乡镇", "pilot township"),
    _p(
        "pilot_village_posts_min",
        1,
        c.inferred(c.COMMUNITY_PILOT),
        "社区试点村级驿站最少数",
        "village posts the community pilot sets up, at least",
        "posts",
        default=True,
        note=Text(
            zh="方案未规定社区试点的村（社区）数量; 默认至少1个, 可调整。",
            en="XE does not say how many villages the community pilot covers; the "
            "default is at least one, overridable.",
        ),
    ),
)

MILESTONE_DATES = (
    _p("t1_meeting_on", date(2024, 4, 28), c.T1_TABLE, "协调会日期", "coordination meeting date"),
    _p(
        "t1_due",
        date(2024, 4, 30),
        c.T1_BODY,
        "T1 制定方案完成时限",
        "T1 plan due",
        note=_BY_END_OF_MONTH,
    ),
    _p(
        "t2_due",
        date(2024, 5, 20),
        c.inferred(c.T2_BODY),
        "T2 试点建设完成时间",
        "T2 pilot due",
        note=_BEFORE_INCLUSIVE,
    ),
    _p(
        "t3_due",
        date(2024, 7, 31),
        c.T3_TABLE,
        "T3 业务培训完成时间",
        "T3 training due",
        note=_BY_END_OF_MONTH,
    ),
    _p(
        "t4_due",
        date(2024, 8, 31),
        c.T4_BODY,
        "T4 社区试点完成时间",
        "T4 community pilot due",
        note=_BY_END_OF_MONTH,
    ),
    _p(
        "t5_start",
        date(2024, 9, 1),
        c.T5_BODY,
        "T5 全面运行窗口起始(正文)",
        "T5 full operation window start (body)",
        note=Text(
            zh="正文为“9月—10月”; 流程表为“8月-10月”, 见 t5_table_start。",
            en="The body says September–October; the table says August–October, see "
            "t5_table_start.",
        ),
    ),
    _p(
        "t5_table_start",
        date(2024, 8, 1),
        c.T5_TABLE,
        "T5 起始(流程表)",
        "T5 start as the table gives it",
        note=Text(
            zh="仅作记录并在 T5 结论中报告; 状态按正文窗口计算。",
            en="Recorded and reported with T5's finding; the status uses the body's window.",
        ),
    ),
    _p(
        "t5_due",
        date(2024, 10, 31),
        c.T5_BODY,
        "T5 全面运行完成时间",
        "T5 full operation due",
        note=_BY_END_OF_MONTH,
    ),
    _p(
        "t6_due",
        date(2024, 11, 25),
        c.inferred(c.T6_BODY),
        "T6 检查验收完成时间",
        "T6 acceptance due",
        note=_BEFORE_INCLUSIVE,
    ),
)

RESPONSIBLE = (
    _p("t1_responsible", ("县应急局", "各乡镇"), c.T1_TABLE, "T1 责任单位", "T1 responsible"),
    _p("t2_responsible", ("县应急局", "珠山镇"), c.T2_TABLE, "T2 责任单位", "T2 responsible"),
    _p("t3_responsible", ("县应急局",), c.T3_TABLE, "T3 责任单位", "T3 responsible"),
    _p(
        "t4_responsible",
        ("县应急局", "各乡镇", "村（社区）"),
        c.T4_TABLE,
        "T4 责任单位",
        "T4 responsible",
    ),
    _p(
        "t5_responsible",
        ("县应急局", "各乡镇", "村（社区）"),
        c.T5_TABLE,
        "T5 责任单位",
        "T5 responsible",
    ),
    _p("t6_responsible", ("县营商办", "县应急局"), c.T6_TABLE, "T6 责任单位", "T6 responsible"),
)

PENALTY = (
    _p(
        "late_deduction_points",
        1.0,
        c.inferred(c.LATE_DEDUCTION),
        "逾期任务季度考核扣分",
        "deduction per late task in the quarter's business-environment assessment",
        "points",
        default=True,
        note=Text(
            zh="方案未规定扣分分值; 默认每项1分, 可调整。季度取期限次日所在季度。",
            en="XE gives no amount; the default is 1 point per late task, overridable. "
            "The quarter is the one holding the day after the due date.",
        ),
    ),
)

STAFFING = (
    _p(
        "dedicated_staff_min",
        1,
        c.inferred(c.AB_POSTS),
        "专管人员最少数",
        "dedicated (full-time) staff, at least",
        "people",
        default=True,
        note=Text(
            zh="“配备专管人员”未给人数; 默认至少1名专职人员。",
            en="XE names no headcount; the default is at least one full-time person.",
        ),
    ),
    _p(
        "dedicated_staff_categories",
        ("emergency_office", "fire_station"),
        c.STAFF_SOURCES,
        "专管人员来源",
        "where dedicated staff come from (post categories)",
        note=Text(
            zh="emergency_office = 应急办工作人员; fire_station = 消防队员。",
            en="emergency_office = staff of the township 应急办; fire_station = firefighters.",
        ),
        vocabulary="post_category",
    ),
    _p(
        "volunteer_categories",
        ("volunteer",),
        c.STAFF_SOURCES,
        "志愿者岗位类别",
        "volunteer post categories (welcome, never dedicated)",
        vocabulary="post_category",
    ),
    _p(
        "start_operating_within_days",
        0,
        c.inferred(c.RUN_WHEN_BUILT),
        "建成后投入运行时限",
        "days from completion to operation, at most",
        "days",
        default=True,
        note=Text(
            zh="“建成一家、运行一家”: 默认建成当日即投入运行。",
            en="'one built, one running': by default a post runs from the day it is built.",
        ),
    ),
)

HAZARD_LOOP = (
    _p(
        "hazard_levels",
        ("village", "township", "county"),
        c.LOOP_THREE_LEVELS,
        "隐患闭环层级(由低到高)",
        "levels of the hazard loop, lowest first",
    ),
    _p(
        "hazard_days_general",
        30,
        c.inferred(c.LOOP_THREE_LEVELS),
        "一般隐患整改期限",
        "rectification deadline, general hazards",
        "days",
        default=True,
        note=Text(
            zh="方案未规定整改期限; 默认30天, 逾期升级至上一级督办。",
            en="XE sets no deadline; default 30 days, then escalation to the level above.",
        ),
    ),
    _p(
        "hazard_days_major",
        60,
        c.inferred(c.LOOP_THREE_LEVELS),
        "重大隐患整改期限",
        "rectification deadline, major hazards",
        "days",
        default=True,
        note=Text(
            zh="方案未规定整改期限; 默认60天, 逾期升级至上一级督办。",
            en="XE sets no deadline; default 60 days, then escalation to the level above.",
        ),
    ),
)

PARAMETERS: tuple[Parameter, ...] = (
    *SCOPE,
    *MILESTONE_DATES,
    *RESPONSIBLE,
    *PENALTY,
    *STAFFING,
    *HAZARD_LOOP,
)


def default_values() -> dict[str, ParamValue]:
    """The edition's values before tailoring (for building the programme and the machine)."""
    return {p.name: p.value for p in PARAMETERS}

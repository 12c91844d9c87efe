"""Every figure, list and date of the Pingshan standard as a named, cited parameter.

``default=True`` marks the plugin's own value where the sources are silent ([open]);
``Citation(inferred=True)`` with a note marks a reading the sources do not state outright.
Requirements read these only through ``ctx`` so that a deployment can tailor them.
"""

from __future__ import annotations

from datetime import date

from stationkit import Citation, Text
from stationkit.standard import Parameter, ParamValue
from stationkit_pingshan import citations as c


def _n(words: str) -> tuple[str, ...]:
    """A list of names written as one space-separated line (kept in the source's order)."""
    return tuple(words.split())


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


# -- station types and functions (PS §三, SZ) ------------------------------------------------
STATION_TYPES = (
    _p(
        "sz_sub_kinds",
        (
            "street_centre",
            "industrial_park",
            "mall",
            "community_service",
            "small",
            "hospital",
            "other",
        ),
        c.SZ_SUB_KINDS,
        "深圳市站点细分类型（街道中心站、工业园区站、大型商超站、社区服务站、小型站、医院站、其他）",
        "Shenzhen's finer station kinds (recorded as sub_kind)",
        "sub_kind keys",
        note=Text(
            "英文键依次对应原文七类站点；街道中心站记为 street 类、sub_kind=street_centre。",
            "The English keys stand for SZ's seven kinds in order; the street centre "
            "station is kind street with sub_kind street_centre.",
        ),
        vocabulary="station_sub_kind",
    ),
    _p(
        "community_functions",
        _n("安全宣教 防灾救助 应急处置 咨询服务"),
        c.PS_COMMUNITY_FUNCTIONS,
        "社区类站点综合功能",
        "functions of a community station",
        vocabulary="evidence_item",
    ),
    _p(
        "park_functions",
        _n("巡查 处置 救援 宣传 服务"),
        c.PS_PARK_STATION,
        "工业园区类站点工作",
        "work of an industrial-park station",
        vocabulary="evidence_item",
    ),
    _p(
        "street_functions",
        _n("信息枢纽 指挥调度 宣传培训 综合服务"),
        c.PS_STREET_STATION,
        "街面类站点作用",
        "roles of a street station",
        vocabulary="evidence_item",
    ),
    _p(
        "community_forces",
        _n("安全员 网格员 消防巡查员 社区民警 物业人员 股份公司管理员"),
        c.PS_COMMUNITY_STATION,
        "社区类站点整合力量",
        "forces a community station integrates",
        vocabulary="evidence_item",
    ),
    _p(
        "park_forces",
        _n("园区物业人员 企业安全管理人员"),
        c.PS_PARK_FORCES,
        "工业园区类站点整合力量",
        "forces an industrial-park station integrates",
        vocabulary="evidence_item",
    ),
    _p(
        "street_forces",
        _n("城中村物业管理队伍 安全网格员 森林巡防员 第一响应人 志愿者"),
        c.PS_STREET_FORCES,
        "街面类站点整合力量",
        "forces a street station integrates",
        vocabulary="evidence_item",
    ),
    _p(
        "integration_min_forces",
        2,
        c.PS_COMMUNITY_STATION,
        "至少整合的力量类别数",
        "named forces integrated, at least",
        "kinds",
        default=True,
        note=Text(
            "原文列举力量并以“等”结尾，未规定数量；默认至少整合其中2类。",
            "The source lists the forces ending in 等 and sets no number; the plugin's "
            "default is at least 2 of them.",
        ),
    ),
    _p(
        "sign_text",
        "应急管理服务站",
        c.PS_SIGNS,
        "统一标识应含名称",
        "the unified sign names",
        default=True,
        note=Text(
            "外观建设指引（附件5）不在文本中；默认只查标识牌写明“应急管理服务站”。",
            "The exterior guide (attachment 5) is not in the text; the plugin only checks "
            "that a sign names the 应急管理服务站.",
        ),
    ),
    _p(
        "goal_words",
        _n("功能场所固定 外观标识统一 队伍职能明确 响应处置迅速 应急服务到位"),
        c.PS_GOAL_WORDS,
        "建设目标（五句话）",
        "the five goal phrases",
    ),
)

# -- the SZ city baseline ------------------------------------------------------------------
CITY_BASELINE = (
    _p(
        "team_groups",
        _n("应急处置组 安全巡查组"),
        c.SZ_TEAM_GROUPS,
        "应急队伍分组",
        "team groups",
        vocabulary="team_group",
    ),
    _p(
        "team_officer_roles",
        _n("队长 副队长 通信员 安全员"),
        c.SZ_TEAM_OFFICERS,
        "队伍骨干岗位（各1名）",
        "team officer roles (one each)",
        vocabulary="member_role",
    ),
    _p("team_size_min", 10, c.SZ_TEAM_SIZE, "队伍人数下限", "team size, at least", "people"),
    _p("team_size_max", 30, c.SZ_TEAM_SIZE, "队伍人数上限", "team size, at most", "people"),
    _p(
        "vehicles_min",
        2,
        c.SZ_VEHICLES,
        "应急处置车辆最少数量",
        "response vehicles, at least",
        "vehicles",
    ),
    _p("duty_around_the_clock", True, c.SZ_DUTY, "24小时值班备勤", "on duty 24 hours a day"),
    _p("duty_days_per_year", 365, c.SZ_DUTY, "全年值班天数", "duty days a year", "days"),
    _p(
        "arrival_minutes_max",
        5,
        c.SZ_FIVE_MINUTES,
        "到场时限",
        "arrival within",
        "minutes",
        note=Text(
            "以当年最近一次记录了接警和到场时刻的演练为准（插件默认读法）。",
            "Read from the most recent drill of the year with alarm and arrival times "
            "(the plugin's reading).",
        ),
    ),
    _p(
        "alarm_channels",
        ("119平台", "街道办", "社区警务室", "群众电话", "到站求助"),
        c.SZ_ALARMS,
        "接警渠道",
        "alarm channels",
        vocabulary="alarm_channel",
    ),
    _p(
        "required_kit",
        _n("微型巡逻车 灭火装置 消防泵 个人防护 破拆工具 水域救生 应急通信"),
        c.SZ_REQUIRED_KIT,
        "必配硬件设备",
        "required kit",
        vocabulary="supply_item",
    ),
    _p(
        "forest_kit",
        _n("森林消防水车 水泵 搜救 水域救援"),
        c.SZ_FOREST_KIT,
        "林区站点加配装备",
        "extra kit of forest-area stations",
        note=Text(
            "“林区站点”按站点所在区域 mountainous=true 判断（推断）。",
            "A forest-area station is read as one whose region is marked mountainous "
            "(an inference).",
        ),
        vocabulary="supply_item",
    ),
    _p(
        "service_desk_items",
        _n("紧急医药用品 短时充电 紧急事项咨询"),
        c.SZ_SERVICE_DESK,
        "便民服务台项目",
        "services desk items",
        note=Text(
            "原文描述某一街面站的便民服务台，仅作信息项报告。",
            "SZ describes one street station's desk; reported for information only.",
        ),
        vocabulary="evidence_item",
    ),
)

# -- PS §三 (一)–(五): what a station runs ------------------------------------------------
STATION_WORK = (
    _p(
        "management_rules",
        _n("应急值守 紧急出动 训练培训 应急演练 分析评估 物资装备管理 考勤与奖惩"),
        c.PS_RULES,
        "七项管理制度",
        "the seven management rules",
        vocabulary="rule",
    ),
    _p(
        "ledger_kinds",
        _n("应急预案 应急培训 应急演练 安全隐患排查治理 应急队伍 应急物资 物业企业数量"),
        c.PS_LEDGERS,
        "管理台账",
        "management ledgers",
        vocabulary="ledger_kind",
    ),
    _p(
        "training_core_skills",
        _n("会逃生 会救人 会报警 灭火技能 逃生技能 灭火器材"),
        c.PS_THREE_TWO_ONE,
        "“三会两技能一器材”",
        "the 3 + 2 + 1 core skills",
        vocabulary="training_skill",
    ),
    _p(
        "training_safety_topics",
        _n("交通安全 用电用气安全"),
        c.PS_THREE_TWO_ONE,
        "安全知识培训主题",
        "safety knowledge topics",
        vocabulary="training_topic",
    ),
    _p(
        "publicity_themes",
        _n("风险辨识 防灾减灾 应急救援"),
        c.PS_PUBLICITY,
        "综合性宣传主题",
        "publicity themes",
        vocabulary="evidence_item",
    ),
    _p(
        "drill_kind_evacuation",
        "应急疏散演练",
        c.PS_EVACUATION_DRILLS,
        "疏散演练类型名",
        "kind name of evacuation drills",
        vocabulary="drill_kind",
    ),
    _p(
        "evacuation_drills_min",
        1,
        c.PS_EVACUATION_DRILLS,
        "每年应急疏散演练次数下限",
        "evacuation drills a year, at least",
        "drills",
        default=True,
        note=Text(
            "“常态化”未给次数；默认每年至少1次。",
            "“Regularly” gives no figure; the plugin's default is once a year.",
        ),
    ),
    _p(
        "drills_min",
        1,
        c.PS_MOBILISATION_DRILLS,
        "每年应急演练（拉动）次数下限",
        "drills of any kind a year, at least",
        "drills",
        default=True,
        note=Text("原文未给次数；默认每年至少1次。", "No figure given; default once a year."),
    ),
    _p(
        "patrol_ledger",
        "安全巡查",
        c.PS_PATROLS,
        "巡查台账名称",
        "kind of the patrol ledger",
        vocabulary="ledger_kind",
    ),
    _p(
        "patrol_entries_min",
        12,
        c.PS_PATROLS,
        "巡查台账最少记录数（当年更新）",
        "patrol ledger entries, at least (updated in the year)",
        "entries",
        default=True,
        note=Text(
            "“定期”未给频次；默认每月1次即12条。",
            "“Regularly” gives no frequency; the plugin's default is monthly, 12 entries.",
        ),
    ),
    _p(
        "report_categories",
        _n("火灾 触电 高空坠落 电梯事故 食物中毒 中毒窒息 交通事故 自然灾害 群体事件"),
        c.PS_REPORTING,
        "第一时间上报的事件类别",
        "event categories to report at once",
        vocabulary="evidence_item",
    ),
    _p(
        "risk_place_kinds",
        _n("人员密集场所 公共聚集场所 消防重点单位 老旧小区 三小场所 危险边坡 低洼地带")
        + _n("小散零星工程"),
        c.PS_RISK_PLACES,
        "重点风险区域场所",
        "places to risk-grade and control",
        vocabulary="risk_area",
    ),
    _p(
        "equipment_categories",
        _n("交通 防护 灭火 破拆 救生"),
        c.PS_EQUIPMENT,
        "应急救援装备器材类别",
        "equipment categories",
        vocabulary="supply_category",
    ),
    _p(
        "supply_rules",
        _n("日常管理 维修保养 物资管理调配"),
        c.PS_SUPPLY_RULES,
        "物资装备管理制度",
        "supplies upkeep and dispatch rules",
        vocabulary="rule",
    ),
    _p(
        "escape_provisions",
        _n("逃生路线 应急避难场所"),
        c.PS_ESCAPE,
        "逃生路线与避难场所",
        "escape routes and shelters",
        vocabulary="wall_map",
    ),
    _p(
        "plan_types",
        _n("应急预案 行动方案 应急装备安全操作规程"),
        c.PS_PLANS,
        "预案、方案与规程",
        "plans, action plans and procedures",
        vocabulary="plan_type",
    ),
    _p(
        "first_response_tasks",
        _n("先期处置 抢救伤员 疏散群众 维持秩序"),
        c.PS_FIRST_RESPONSE,
        "先期处置任务",
        "first-response tasks",
        vocabulary="evidence_item",
    ),
)

# -- PS §四: the street's yearly assessment --------------------------------------------------
SCORING = (
    _p(
        "construction_share",
        40.0,
        c.PS_CONSTRUCTION_SHARE,
        "建设指标占比",
        "construction share",
        "points",
    ),
    _p(
        "operations_share",
        60.0,
        c.PS_OPERATIONS_SHARE,
        "运营管理占比",
        "operations share",
        "points",
        note=Text("五个模块分值之和应等于本值。", "The five module shares should add up to this."),
    ),
    *(
        _p(
            f"share_{module}",
            12.0,
            cite,
            f"{zh}模块分值",
            f"{en} module share",
            "points",
            default=True,
            note=Text(
                "原文未规定五大模块的分配；默认均分60分，每模块12分。",
                "The split of the 60 points is not given; the plugin's default is equal, 12 each.",
            ),
        )
        for module, cite, zh, en in (
            ("command", c.PS_MODULE_COMMAND, "应急指挥调度", "command and dispatch"),
            ("prevention", c.PS_MODULE_PREVENTION, "安全防控", "safety prevention"),
            ("publicity", c.PS_MODULE_PUBLICITY, "安全应急宣传", "publicity and training"),
            ("rescue", c.PS_MODULE_RESCUE, "应急救援", "rescue"),
            ("archives", c.PS_MODULE_ARCHIVES, "台账管理与档案建设", "ledgers and archives"),
        )
    ),
    _p(
        "operations_partial_credit",
        True,
        c.PS_OPERATIONS,
        "运营模块按比例计分",
        "operations modules earn partial credit",
        default=True,
        note=Text(
            "评分细则（附件1）不在文本中；默认模块得分 = 各站点该模块检查达标比例的平均值；"
            "设为 false 时站点须全部达标才得分。",
            "The scoring rules (attachment 1) are not in the text; by default a module "
            "earns the mean over the street's stations of the share of the module's checks "
            "each meets; false: a station earns the module only when all are met.",
        ),
    ),
    _p(
        "construction_partial_credit",
        True,
        c.PS_ASSESSMENT,
        "建设指标按比例计分",
        "construction earns partial credit",
        default=True,
        note=Text(
            "默认建设指标得分 = 各分项完成度（已建/目标，封顶1）的平均值；设为 false 时全部"
            "达标才得分。",
            "By default construction earns the mean of each component's fulfilment "
            "(built / target, at most 1); false: all or nothing.",
        ),
    ),
    _p(
        "bonus_per_station",
        0.1,
        c.PS_BONUS_PER_STATION,
        "每建成1个站点加分",
        "bonus per station completed in the year",
        "points",
    ),
    _p("bonus_cap", 1.0, c.PS_BONUS_CAP, "加分封顶值", "bonus cap", "points"),
)

TARGETS_2023 = (
    _p("year_role", "示范建设年", c.PS_YEARS, "年度定位", "the year's role"),
    _p(
        "construction_deadline",
        date(2023, 12, 31),
        c.PS_TARGET_2023,
        "建设目标截止日",
        "construction target deadline",
    ),
    _p(
        "target_community_stations_min",
        1,
        c.PS_TARGET_2023_COMMUNITY,
        "社区类站点数下限",
        "community stations, at least",
        "stations",
    ),
    _p(
        "target_park_stations_min",
        3,
        c.PS_TARGET_2023_PARK,
        "工业园区类站点数",
        "industrial-park stations, at least",
        "stations",
        note=Text("“3个”按“不少于3个”读。", "“3” is read as “at least 3”."),
    ),
    _p(
        "target_street_stations_min",
        1,
        c.PS_TARGET_2023_STREET,
        "街面类站点数",
        "street stations, at least",
        "stations",
        note=Text("“1个”按“不少于1个”读。", "“1” is read as “at least 1”."),
    ),
    _p(
        "target_centre_stations_min",
        1,
        c.PS_CENTRE,
        "街道中心站数",
        "street centre stations",
        "stations",
    ),
)

TARGETS_2024 = (
    _p("year_role", "巩固提升年", c.PS_YEARS, "年度定位", "the year's role"),
    _p(
        "construction_deadline",
        date(2024, 12, 31),
        c.PS_TARGET_2024,
        "建设目标截止日",
        "construction target deadline",
    ),
    _p(
        "target_community_coverage_over",
        0.5,
        c.PS_TARGET_2024_COMMUNITY,
        "社区类站点覆盖率（严格大于）",
        "community coverage, strictly more than",
        "ratio",
        note=Text(
            "“过半”即严格大于一半：恰好一半不达标。",
            "“过半” is strictly more than half: exactly half falls short.",
        ),
    ),
    _p(
        "target_park_coverage_over",
        0.5,
        c.PS_TARGET_2024_PARK,
        "工业园区类站点覆盖率（严格大于）",
        "industrial-park coverage, strictly more than",
        "ratio",
        note=Text(
            "“过半”即严格大于一半：恰好一半不达标。",
            "“过半” is strictly more than half: exactly half falls short.",
        ),
    ),
    _p(
        "target_street_stations_min",
        3,
        c.PS_STREET_2024,
        "街面类站点数下限（“一批”）",
        "street stations, at least (“a batch”)",
        "stations",
    ),
)

SCHEDULE_2023 = (
    _p(
        "phase_survey_start",
        date(2023, 2, 1),
        c.PS_PHASE_SURVEY,
        "调研走访、构建框架阶段开始",
        "survey phase starts",
    ),
    _p(
        "phase_survey_end",
        date(2023, 3, 31),
        c.PS_PHASE_SURVEY,
        "调研走访、构建框架阶段结束",
        "survey phase ends",
    ),
    _p(
        "phase_plan_start",
        date(2023, 4, 1),
        c.PS_PHASE_PLAN,
        "制定方案、确立目标阶段开始",
        "planning phase starts",
    ),
    _p(
        "phase_plan_end",
        date(2023, 6, 30),
        c.PS_PHASE_PLAN,
        "制定方案、确立目标阶段结束",
        "planning phase ends",
    ),
    _p(
        "phase_pilot_start",
        date(2023, 7, 1),
        c.PS_PHASE_PILOT,
        "对照标准、建设试点阶段开始",
        "pilot phase starts",
    ),
    _p(
        "phase_pilot_end",
        date(2023, 10, 31),
        c.PS_PHASE_PILOT,
        "对照标准、建设试点阶段结束",
        "pilot phase ends",
    ),
    _p(
        "phase_review_start",
        date(2023, 11, 1),
        c.PS_PHASE_REVIEW,
        "考核评估、总结提升阶段开始",
        "review phase starts",
    ),
    _p(
        "phase_review_end",
        date(2023, 12, 31),
        c.PS_PHASE_REVIEW,
        "考核评估、总结提升阶段结束",
        "review phase ends",
    ),
    _p(
        "evaluation_2023_items",
        _n("外观标识 职责整合 运行调度 安全防控 应急响应 宣传培训 应急服务"),
        c.PS_EVALUATION_2023,
        "2023年评估验收内容",
        "what the 2023 year-end evaluation looks at",
    ),
)

#: The parameters both editions share.
COMMON = (*STATION_TYPES, *CITY_BASELINE, *STATION_WORK, *SCORING)

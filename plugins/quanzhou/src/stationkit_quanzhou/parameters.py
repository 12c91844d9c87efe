"""Every figure, list and date of the two editions as a named, cited, tailorable parameter.

``PARAMETERS_2023`` holds the QZ23 values. ``PARAMETERS_2025`` holds only what QZ25 restates
or changes; everything else the 2025 edition inherits from 2023 (QZ25 leaves the detail to
the guide of QZ23 附件2). ``default=True`` marks the plugin's own value where the sources are
silent ([open]).
"""

from __future__ import annotations

from datetime import date

from stationkit import Citation, Text
from stationkit.standard import Parameter, ParamValue
from stationkit_quanzhou import citations as c


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


_DEFAULT = Text(
    "来源未规定,本插件默认值,可覆盖", "the sources are silent: the plugin's default, overridable"
)

RISK_AREAS = (
    "山洪灾害易发区",
    "地质灾害隐患点",
    "高陡边坡",
    "危旧房屋",
    "排水设施",
    "河道",
    "水库山塘",
    "堤防",
    "低洼易涝点",
    "旅游景区和非景区景点",
    "农家乐",
    "学校",
    "卫生院",
    "避灾点",
    "道路桥梁",
    "在建工地",
)

REQUIRED_PLANS = (
    "突发事件总体应急预案",
    "防汛抗旱防台风应急预案",
    "突发地质灾害应急预案",
    "森林火灾应急预案",
    "自然灾害救助应急预案",
    "生产安全事故应急预案",
    "火灾事故应急预案",
    "防溺水事件应急预案",
    "处置突发群体性事件应急预案",
    "处置突发公共卫生事件应急预案",
)

#: 附件4, "category/subcategory": the supplies list by its table rows.
SUPPLY_SUBCATEGORIES = (
    "安全生产执法巡查装备/综合执法装备",
    "应急救援设备装备/预警设备",
    "应急救援设备装备/现场应急通信装备",
    "应急救援设备装备/个人防护物资和装备",
    "应急救援设备装备/常用工具",
    "应急救援设备装备/救援保障装备",
    "应急救援设备装备/抢险物料",
    "应急救援设备装备/防汛查险抢险设备器材",
    "应急救援设备装备/森林防灭火应急救援装备",
    "救灾物资储备/安置类",
    "救灾物资储备/被服类",
    "救灾物资储备/装具类",
    "救灾物资储备/食品或其他类",
)

GROUPS = ("org", "command", "mechanism", "enforcement", "rescue", "plans", "warehouse", "publicity")


def _scoring_parameters(cite: Citation) -> tuple[Parameter, ...]:
    """Points per have, grade bands and the pass mark: [open] in both sources."""
    return (
        *(
            _p(
                f"weight_{g}",
                1.0,
                cite,
                f"{g} 在100分中的相对权重",
                f"relative weight of {g} in the 100 points",
                "relative weight",
                default=True,
                note=Text(
                    "得分 = 100 × 本组权重 ÷ 所评各组权重之和;默认八个有各1.0,即各12.5分",
                    "points = 100 × weight ÷ sum of the weights of the groups assessed; by "
                    "default each have weighs 1.0, i.e. 12.5 points",
                ),
            )
            for g in GROUPS
        ),
        _p(
            "grade_excellent_min",
            90.0,
            cite,
            "优秀分数线",
            "excellent from",
            "points",
            default=True,
            note=_DEFAULT,
        ),
        _p(
            "grade_good_min",
            80.0,
            cite,
            "良好分数线",
            "good from",
            "points",
            default=True,
            note=_DEFAULT,
        ),
        _p(
            "pass_mark",
            70.0,
            cite,
            "合格(验收通过)分数线",
            "pass mark",
            "points",
            default=True,
            note=_DEFAULT,
        ),
    )


PARAMETERS_2023: tuple[Parameter, ...] = (
    # org
    _p("station_sign_suffix", "标准化应急管理站", c.SIGN, "站牌名称后缀", "station sign ends with"),
    _p(
        "station_sign_location",
        "外墙",
        c.SIGN,
        "站牌悬挂位置",
        "where the sign hangs",
        vocabulary="sign_location",
    ),
    _p("station_logo", "安安", c.SIGN, "统一logo形象", "the common logo", vocabulary="logo"),
    _p(
        "required_rooms",
        ("办公室", "会议室", "物资储备室"),
        c.PREMISES,
        "固定场所须有的功能室",
        "rooms the fixed premises must have",
        note=Text(
            "办公室即值班室;会议室用于指挥会商、培训、训练",
            "the office doubles as duty room; the meeting room serves command, training",
        ),
        vocabulary="room_kind",
    ),
    _p(
        "posts_min", 6, c.POSTS_23, "专兼职岗位最少数", "minimum full- and part-time posts", "posts"
    ),
    _p("full_time_posts_min", 2, c.POSTS_23, "专职岗位最少数", "minimum full-time posts", "posts"),
    _p(
        "posts_excluded_categories",
        ("enforcement", "rescue"),
        c.POSTS_23,
        "不计入岗位数的人员类别",
        "post categories that do not count",
        note=Text(
            "“不包含执法、救援人员”:category 为 enforcement/rescue 的岗位不计数",
            "posts whose category is enforcement or rescue do not count",
        ),
        vocabulary="post_category",
    ),
    _p(
        "post_duties",
        (
            "安全生产和防灾减灾检查",
            "综合协调",
            "“四个一”值班",
            "收集汇总数据",
            "上报各类信息",
            "物资管理",
        ),
        c.POST_DUTIES,
        "岗位职责",
        "duties the posts cover",
        note=Text(
            "后两项在原文分页后:“上报各类信息、 物资管理等工作”",
            "the last two follow a page break in the extraction",
        ),
        vocabulary="post_duty",
    ),
    # command
    _p(
        "satellite_phones_min",
        1,
        c.COMMS_23,
        "卫星电话最少数量",
        "minimum satellite phones",
        "phones",
    ),
    _p(
        "screen_inches_min",
        100.0,
        c.COMMS_23,
        "视频会议液晶屏最小尺寸",
        "minimum video-conference screen",
        "inch",
    ),
    _p(
        "screen_type",
        "液晶",
        c.COMMS_23,
        "视频会议显示屏类型(液晶)",
        "video-conference display type (LCD, 液晶)",
        vocabulary="screen_type",
    ),
    _p(
        "linked_platforms",
        ("prefecture", "county"),
        c.PLATFORM_23,
        "须对接的上级指挥平台(层级)",
        "command platforms to be connected (levels)",
        note=Text(
            "QZ23 要求“做好对接准备”,记录为已对接或已准备对接的层级",
            "QZ23 asks for readiness to connect; record the levels connected or ready",
        ),
        vocabulary="platform_level",
    ),
    # mechanism
    _p(
        "governance_rules",
        ("会商制度", "议事制度"),
        c.GOVERNANCE_23,
        "党委政府应急管理制度",
        "party/government emergency rules",
        vocabulary="rule",
    ),
    _p(
        "enterprise_lists",
        ("检查清单", "隐患清单", "整改清单"),
        c.ENTERPRISE_LISTS,
        "生产经营单位“三张清单”",
        "businesses' three lists",
        vocabulary="evidence_item",
    ),
    _p(
        "town_lists",
        ("排查清单", "隐患清单", "整改清单", "责任清单"),
        c.TOWN_LISTS,
        "乡镇“四张清单”",
        "the town's four lists",
        vocabulary="ledger_kind",
    ),
    _p(
        "closed_loop_steps",
        ("定期检查", "风险隐患排查", "问题整改", "复查", "回头看"),
        c.CLOSED_LOOP,
        "闭环管理环节",
        "closed-loop steps",
        vocabulary="evidence_item",
    ),
    _p(
        "risk_areas",
        RISK_AREAS,
        c.RISK_GRIDS,
        "须建责任网格的16类风险区域",
        "the 16 kinds of risk area that need a responsibility grid",
        note=Text(
            "前两类“山洪灾害易发区、地质灾害隐患点”在原文分页前",
            "the first two precede a page break in the extraction",
        ),
        vocabulary="risk_area",
    ),
    _p(
        "village_grid_deadline",
        date(2023, 12, 31),
        c.VILLAGE_GRIDS,
        "村(社区)网格员职责纳入期限",
        "deadline for village grid-staff duties",
    ),
    _p(
        "grid_patrol_evidence",
        ("巡查记录", "照片", "巡查报告"),
        c.GRID_PATROLS,
        "网格巡查留存材料",
        "grid patrol evidence",
        vocabulary="evidence_item",
    ),
    _p(
        "ledger_max_age_days",
        90,
        c.GRID_LEDGER,
        "台账“滚动/动态更新”的最长间隔",
        "longest gap for a 'rolling' ledger",
        "days",
        default=True,
        note=_DEFAULT,
    ),
    _p(
        "merged_duties",
        ("政务值班", "安全生产", "森林防灭火", "防汛抗旱"),
        c.FOUR_IN_ONE_23,
        "“四合一”应急值班",
        "the four merged duties",
        note=Text(
            "QZ23 附件2 的表述;附件3 与正文另作“防灾减灾、应急救援”",
            "worded as in QZ23 附件2; 附件3 and the body name 防灾减灾, 应急救援 instead",
        ),
        vocabulary="merged_duty",
    ),
    # enforcement
    _p(
        "enforcement_formal_min",
        2,
        c.ENF_OFFICERS,
        "正式编制执法人员最少数",
        "minimum formal enforcement officers",
        "people",
    ),
    _p(
        "enforcement_aides_per_officer",
        1,
        c.ENF_OFFICERS,
        "“1+1”:每名正式执法人员配执法辅助人员数",
        "'1+1': aides paired with each formal officer",
        "people",
    ),
    # rescue
    _p(
        "rescue_team_min",
        30,
        c.RESCUE_SIZE,
        "综合应急救援队伍最少人数",
        "minimum rescue team size",
        "people",
    ),
    _p(
        "rescue_average_age_max",
        40.0,
        c.RESCUE_AGE,
        "队伍平均年龄上限(原则上)",
        "maximum average age (as a rule)",
        "years",
    ),
    _p(
        "rescue_trainings_min",
        2,
        c.RESCUE_TRAINING,
        "每年集中训练最少次数",
        "minimum concentrated trainings a year",
        "per year",
    ),
    _p(
        "training_kind",
        "集中训练",
        c.RESCUE_TRAINING,
        "计数的训练类别",
        "training kind counted",
        vocabulary="training_kind",
    ),
    _p(
        "protection_records",
        ("购买记录", "发放记录", "使用记录", "维护记录"),
        c.PROTECTION,
        "防护装备和保险记录",
        "protective equipment and insurance records",
        vocabulary="evidence_item",
    ),
    # plans
    _p(
        "required_plans",
        REQUIRED_PLANS,
        c.REQUIRED_PLANS,
        "必须编制的10项应急预案",
        "the 10 required plans",
        vocabulary="plan_type",
    ),
    _p(
        "plan_hazardous_chemicals",
        "危险化学品生产安全事故应急预案",
        c.CONDITIONAL_PLANS,
        "有危化企业时须编制的预案",
        "plan required where hazardous-chemicals firms exist",
        vocabulary="plan_type",
    ),
    _p(
        "plan_mining",
        "矿山生产安全事故应急预案",
        c.CONDITIONAL_PLANS,
        "有矿山企业时须编制的预案",
        "plan required where mines exist",
        vocabulary="plan_type",
    ),
    _p(
        "plan_industry_trade",
        "工贸企业生产安全事故应急预案",
        c.CONDITIONAL_PLANS,
        "有工贸企业时须编制的预案",
        "plan required where industry/trade firms exist",
        vocabulary="plan_type",
    ),
    _p(
        "plans_management",
        ("修订", "培训", "宣传"),
        c.PLANS_MANAGEMENT,
        "预案日常管理",
        "daily plan management",
        vocabulary="evidence_item",
    ),
    _p(
        "wall_maps",
        ("防汛防台风形势图", "地质灾害风险点图", "避灾点分布图"),
        c.WALL_MAPS,
        "挂图作战的三张图",
        "the three wall maps",
        vocabulary="wall_map",
    ),
    _p(
        "response_assemble_minutes",
        5,
        c.ASSEMBLE,
        "集结时限(报警后)",
        "assembled within",
        "minutes",
    ),
    _p("response_depart_minutes", 10, c.DEPART, "出动时限(报警后)", "departed within", "minutes"),
    _p(
        "response_arrive_minutes",
        15,
        c.RESPONSE_STANDARD,
        "到达时限(报警后)",
        "on scene within",
        "minutes",
    ),
    _p(
        "response_rescue_minutes",
        20,
        c.RESCUE_START,
        "开展施救时限(报警后)",
        "rescue begun within",
        "minutes",
    ),
    _p(
        "town_drills_min",
        1,
        c.TOWN_DRILL,
        "镇每年综合或专项演练最少次数(均复盘)",
        "minimum reviewed town drills a year",
        "per year",
    ),
    _p(
        "town_drill_kinds",
        ("综合演练", "专项演练"),
        c.TOWN_DRILL,
        "计数的镇级演练类别",
        "town drill kinds counted",
        vocabulary="drill_kind",
    ),
    _p(
        "village_drills_min",
        1,
        c.VILLAGE_DRILL,
        "每村每年自主转移避险演练最少次数",
        "minimum evacuation drills per village a year",
        "per year",
    ),
    _p(
        "village_drill_kind",
        "转移避险演练",
        c.VILLAGE_DRILL,
        "村级演练类别",
        "village drill kind",
        vocabulary="drill_kind",
    ),
    _p(
        "mountain_drill_hazards",
        ("山洪", "地质灾害"),
        c.MOUNTAIN_DRILL,
        "山区须演练的灾种",
        "hazards mountain areas must drill",
        vocabulary="hazard",
    ),
    # warehouse
    _p(
        "warehouse_sign_suffix",
        "应急物资储备站",
        c.WAREHOUSE_SIGN,
        "储备站标牌名称后缀",
        "warehouse sign ends with",
    ),
    _p(
        "shelter_standards",
        ("标识醒目", "路径明显", "责任明确", "预案健全", "制度上墙", "设施配套", "功能完善"),
        c.SHELTER,
        "应急避灾示范点要求",
        "model shelter standards",
        note=Text(
            "后三项在原文分页后:“制度上墙、设施配套、功能完善”",
            "the last three follow a page break in the extraction",
        ),
        vocabulary="evidence_item",
    ),
    _p(
        "supply_subcategories",
        SUPPLY_SUBCATEGORIES,
        c.SUPPLIES,
        "附件4 物资装备类别(类别/子类)",
        "附件4 supplies categories (category/subcategory)",
    ),
    _p(
        "supply_items_min",
        1,
        c.SUPPLIES_LOCAL,
        "每个子类最少储备件数",
        "minimum items per subcategory",
        "items",
        default=True,
        note=Text(
            "数量由当地按需确定;本插件默认每子类至少1件",
            "quantities are set locally; the "
            "plugin's default asks for at least one item per subcategory",
        ),
    ),
    _p(
        "warehouse_rules",
        ("紧急采购", "维护检测", "分发使用", "回收报废", "核销补库"),
        c.WAREHOUSE_RULES,
        "应急物资管理制度",
        "warehouse management rules",
        vocabulary="rule",
    ),
    # publicity
    _p(
        "publicity_refresh_days",
        90,
        c.BOARD,
        "宣传警示栏“定期”更新的最长间隔",
        "longest gap between board updates",
        "days",
        default=True,
        note=_DEFAULT,
    ),
    _p(
        "column_sections",
        ("安全生产", "防灾减灾", "自救互救", "警示曝光"),
        c.COLUMN,
        "网站/公众号专栏的栏目",
        "sections of the online column",
        vocabulary="publicity_section",
    ),
    # money and rollout
    _p(
        "funding_construction_yuan",
        800000,
        c.FUNDING_23,
        "每站建设经费(不少于)",
        "construction funding per station (at least)",
        "yuan",
    ),
    _p("pilot_stations_min", 1, c.PILOT_23, "试点站数", "pilot stations", "stations"),
    _p(
        "rollout_due",
        date(2023, 10, 31),
        c.ROLLOUT_DUE_23,
        "试点站建成期限(10月底,含当日)",
        "the pilot station is due (end of October, inclusive)",
    ),
    *_scoring_parameters(c.GRADES_OPEN_23),
)

PARAMETERS_2025: tuple[Parameter, ...] = (
    _p(
        "posts_min", 6, c.POSTS_25, "专兼职岗位最少数", "minimum full- and part-time posts", "posts"
    ),
    _p("full_time_posts_min", 2, c.POSTS_25, "专职岗位最少数", "minimum full-time posts", "posts"),
    _p(
        "posts_excluded_categories",
        ("enforcement", "rescue"),
        Citation(c.QZ23, c.G_ORG, c.POSTS_23.quote, inferred=True),
        "不计入岗位数的人员类别",
        "post categories that do not count",
        note=Text(
            "QZ25 重申“不少于6个(专职不少于2个)”而未提排除;本插件沿用QZ23 指南的排除 [推断]",
            "QZ25 restates the figure without the exclusion; the plugin keeps the QZ23 "
            "guide's exclusion [infer]",
        ),
        vocabulary="post_category",
    ),
    _p(
        "satellite_phones_min",
        1,
        c.COMMS_25,
        "卫星电话最少数量",
        "minimum satellite phones",
        "phones",
    ),
    _p(
        "linked_platforms",
        ("province", "prefecture", "county"),
        c.COMMS_25,
        "视频会议贯通的上级平台(层级)",
        "levels the video conference links to",
        note=Text(
            "省、泉州市(地级)、石狮市(县级)", "province, 泉州市 (prefecture), 石狮市 (county level)"
        ),
        vocabulary="platform_level",
    ),
    _p(
        "governance_rules",
        ("统筹制度", "议事制度", "决策制度", "会商制度", "调度制度"),
        c.GOVERNANCE_25,
        "党委政府应急管理制度",
        "party/government emergency rules",
        vocabulary="rule",
    ),
    _p(
        "merged_duties",
        ("政务值班", "安全生产", "防灾减灾", "应急救援"),
        c.FOUR_IN_ONE_25,
        "“四合一”应急值班",
        "the four merged duties",
        vocabulary="merged_duty",
    ),
    _p(
        "supervision_list",
        "综合监管职责清单",
        c.SUPERVISION_LIST,
        "综合监管职责清单",
        "comprehensive supervision duty list",
        vocabulary="ledger_kind",
    ),
    _p(
        "standardization_system",
        "安全生产标准化信息系统",
        c.STANDARDIZATION_SYSTEM,
        "须整合应用的信息系统",
        "information system to use",
        vocabulary="evidence_topic",
    ),
    _p(
        "funding_construction_yuan",
        300000,
        c.FUNDING_25,
        "每站建设资金(约)",
        "construction funding per station (about)",
        "yuan",
        note=Text("“约30万元”:作为参考值报告,不计分", "'about 300,000': reported, not scored"),
    ),
    _p(
        "rollout_towns",
        ("湖滨街道", "蚶江镇", "永宁镇", "祥芝镇"),
        c.TOWNS_25,
        "2025年建站的镇(街道)",
        "towns (streets) building a station in 2025",
    ),
    _p(
        "rollout_due",
        date(2025, 10, 31),
        c.ROLLOUT_DUE_25,
        "各镇(街道)建站期限(10月底,含当日)",
        "each town's station is due (end of October, inclusive)",
    ),
    *_scoring_parameters(c.GRADES_OPEN_25),
    _p(
        "excellent_share_max",
        0.3,
        c.EXCELLENT_CAP,
        "优秀等级比例上限",
        "share of 优秀 at most",
        "ratio",
    ),
)

"""The source document (XE) and the original quotes this plugin cites.

Every quote is copied exactly from the plan's text (tabs in the 工作流程表 rows included), so
the generated docs show the clause as written. Section labels follow the plan's numbering.
"""

from __future__ import annotations

import attrs

from stationkit import Citation, Text
from stationkit.standard import Source

DOC = "XE"

SOURCE = Source(
    key=DOC,
    title="宣恩县探索建立基层应急服务驿站改革先行试点实施方案",
    issuer="宣恩县应急管理局",
    year=2024,
    note=Text(
        zh="日期未写年份的, 按方案年份 2024 年读取。",
        en="Dates without a year are read as 2024, the plan's year.",
    ),
)

TABLE = "§四 工作流程表"

# -- scope (§一, §二(二)) ----------------------------------------------------------------
SCOPE = Citation(
    DOC,
    "§一",
    "依托宣恩县九个乡镇 162 个村（社区）三级政务服务网点，各乡镇设置应急服务驿站",
)
SCOPE_DISPATCH = Citation(
    DOC,
    "§二(二)",
    "宣恩县应急管理局应急指挥调度系统打通全县9个乡镇162个村",
)
PILOT = Citation(
    DOC,
    "§三(二)",
    "由县应急局牵头，首先在珠山镇政府建设应急服务驿站试点",
)
COMMUNITY_PILOT = Citation(
    DOC,
    "§三(四)",
    "在各乡镇、村（社区）办公楼设立应急服务驿站",
)
RUN_WHEN_BUILT = Citation(
    DOC,
    "§三(五)",
    "按照“建成一家、运行一家”的原则，有序推进应急服务驿站在全县投入运行",
)

# -- milestones (§三 bodies and the 工作流程表 rows) ---------------------------------------
T1_BODY = Citation(
    DOC,
    "§三(一)",
    "制定《宣恩县应急管理局优化营商环境改革先行试点实施方案》。（完成时限：4月底）",
)
T1_MEETING = Citation(
    DOC,
    "§三(一)",
    "组织县应急管理局及各乡镇召开关于探索建立基层应急服务驿站协调会",
)
T1_TABLE = Citation(
    DOC,
    TABLE + " 1",
    "就应急服务驿站建设可行性进行充分讨论。\t县应急局、各乡镇。\t4月28日",
)
T2_BODY = Citation(
    DOC,
    "§三(二)",
    "加强经验总结，互学互鉴和复制推广。（完成时间：5月20日前）",
)
T2_TABLE = Citation(
    DOC,
    TABLE + " 2",
    "在珠山镇建设应急服务驿站试点，整合人员，推进基层应急管理业务。\t县应急局、珠山镇。\t5月20日",
)
T3_BODY = Citation(
    DOC,
    "§三(三)",
    "县应急局组织各乡镇应急办、消防救援站开展岗前培训，并予以实操考核考试，确保熟练掌握业务技能。",
)
T3_MOBILISATION = Citation(
    DOC,
    "§三(三)",
    "组织县应急局及各乡镇人民政府召开全县“应急服务驿站建设”动员部署会",
)
T3_TABLE = Citation(
    DOC,
    TABLE + " 4",
    "各乡镇应急办、消防大队开展岗前培训。\t县应急局\t7月底",
)
T4_BODY = Citation(
    DOC,
    "§三(四)",
    "整改督办闭环管理，解决基层安全管理能力薄弱难题。（完成时间：8月底）",
)
T4_TABLE = Citation(
    DOC,
    TABLE + " 5",
    "应急服务驿站社区试点建设\t县应急局、各乡镇、村（社区）\t8月底",
)
T5_BODY = Citation(
    DOC,
    "§三(五)",
    "防范化解重大风险隐患。（完成时间：9月—10月）",
)
T5_TABLE = Citation(
    DOC,
    TABLE + " 6",
    "在全县全面推广应急服务驿站\t县应急局、各乡镇、村（社区）\t8月-10月",
)
T6_BODY = Citation(
    DOC,
    "§三(六)",
    "做好整改提升工作。（完成时间：11月25日前）",
)
T6_TABLE = Citation(
    DOC,
    TABLE + " 7",
    "总结验收\t县营商办、县应急局\t11月25日",
)
T6_ACCEPTANCE = Citation(
    DOC,
    "§三(六)",
    "各乡镇将应急服务驿站建设、运行情况向县营商办报备，县营商办对应急服务驿站建设、运行情况进行检查验收。",
)
LATE_DEDUCTION = Citation(
    DOC,
    "§三(六)",
    "未能按期完成工作任务的，纳入优化营商环境工作季度考核扣分。",
)
SUPERVISION = Citation(
    DOC,
    "§四",
    "县应急局负责对应急服务驿站进行业务指导，县营商办根据时间进度和目标要求，对应急服务驿站建设运营情况进行",
)

# -- staffing and premises (§五(二), (三)) ------------------------------------------------
AB_POSTS = Citation(
    DOC,
    "§五(二)",
    "每个应急服务驿站要配备专管人员，并设立“AB”岗。",
)
STAFF_SOURCES = Citation(
    DOC,
    "§五(二)",
    "要选择政治过硬、责任心强、业务精通、综合素质高的应急办工作人员和消防队员进驻应急服务驿站，同时鼓励志愿者投身参与应急服务驿站工作",
)
NO_NEW_POSTS = Citation(
    DOC,
    "§五(三)",
    "原则上不新增岗位，新增加的其他业务事项由原应急办承接，并赋予相应权限。",
)
REUSE_PREMISES = Citation(
    DOC,
    "§五(三)",
    "应急服务驿站要充分利用原应急办工作岗位，原办公场地，增设应急服务相关设施设备。",
)

# -- the five functions (§六(二)) ---------------------------------------------------------
FUNCTIONS = Citation(
    DOC,
    "§六(二)",
    "应急服务驿站作为应急管理工作的前沿阵地，要凸显五大主要职能",
)
F_HAZARDS = Citation(
    DOC,
    "§六(二) 一",
    "一是风险隐患排查治理，推进安全风险网格化管理，强化日常基础工作",
)
F_RESPONSE = Citation(
    DOC,
    "§六(二) 二",
    "二是突发事件先期处置，在专业救援队伍赶到之前，组织开展先期处置、抢救伤员、疏散群众、控制事态等力所能及的处置工作",
)
F_WARNING = Citation(
    DOC,
    "§六(二) 三",
    "三是自然灾害及时预警，在重大自然灾害天气到来之前，及时发布预警，组织人员做好撤离转移，农业生产做好灾害防范",
)
F_TEAMS = Citation(
    DOC,
    "§六(二) 四",
    "四是应急队伍能力提升，建大建强社区应急志愿者队伍，培养一批具有专业能力的应急救援人员，定期开展各类应急演练",
)
F_PUBLICITY = Citation(
    DOC,
    "§六(二) 五",
    "五是应急知识宣传培训，开展安全宣传进社区，加强公益宣传，普及安全知识，培育安全文化",
)

# -- the hazard closed loop (§一, §三(四), §六(三)) ----------------------------------------
LOOP_THREE_LEVELS = Citation(
    DOC,
    "§六(三)",
    "实现县、乡镇、村（社区）三级风险隐患中心风险隐患采集、分析研判、分类交办、整改督办闭环管理",
)
LOOP_PROVINCE = Citation(
    DOC,
    "§一",
    "实现省、州、县三级风险隐患中心风险隐患采集、分析研判、分类交办、整改督办闭环管理",
)

# -- organisation, premises and background (not encoded: see standard.NOT_ENCODED) ---------
LEADING_GROUP = Citation(
    DOC,
    "§五(一)",
    "领导小组办公室设在县应急局，具体负责方案制定、安排部署、督导推进等工作。",
)
BASIC_SUPPLIES = Citation(
    DOC,
    "§一",
    "负责开展工作人员培训，并配备基本应急救援物资、装备。",
)


def inferred(citation: Citation) -> Citation:
    """The same clause, marked as read by the plugin (an [infer] reading or an [open] default
    filling in what the clause leaves unsaid)."""
    return attrs.evolve(citation, inferred=True)

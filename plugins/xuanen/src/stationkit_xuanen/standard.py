"""The ``xuanen`` standard, edition 2024: parameters, requirements, scoring, programme."""

from __future__ import annotations

from stationkit import Text
from stationkit.records import Term, Vocabulary
from stationkit.standard import (
    Edition,
    Group,
    ScoringModel,
    Standard,
)
from stationkit_xuanen.acceptance import OUTCOME
from stationkit_xuanen.citations import SOURCE
from stationkit_xuanen.kinds import KINDS, SUB_KINDS
from stationkit_xuanen.parameters import PARAMETERS, default_values
from stationkit_xuanen.programmes import build_programme
from stationkit_xuanen.requirements import coverage, functions, programme, staffing

STANDARD_ID = "xuanen"

GROUPS = (
    Group("staffing", Text("人员配置(专管人员、AB岗)", "staffing (dedicated staff, AB posts)")),
    Group("functions", Text("五大职能", "the five functions")),
    Group("operation", Text("建成即运行", "running once built")),
    Group("coverage", Text("驿站覆盖", "coverage of the county")),
    Group(
        "programme",
        Text("工作流程按期完成(逾期扣分)", "programme on time (late tasks cost points)"),
    ),
    Group(
        "scope", Text("区划范围", "scope"), note=Text("仅作报告, 不计分", "reported, not scored")
    ),
)

NOT_ENCODED: tuple[Text, ...] = (
    Text(
        "§五(三) “原则上不新增岗位”, 利用原应急办工作岗位和办公场地: 属编制与场地安排原则, "
        "记录中无对应字段, 不作判定。",
        "§五(三) no new posts in principle; reuse the 应急办's posts and office: a principle "
        "about the staffing establishment and premises with no field in the records, not "
        "judged.",
    ),
    Text(
        "§五(三) 增设应急服务相关设施设备; §一 配备基本应急救援物资、装备: 方案未列清单或数量, "
        "无法判定。",
        "§五(三) added facilities and §一 basic rescue supplies and equipment: XE gives no "
        "list or quantities, so there is nothing to check.",
    ),
    Text(
        "§五(二) 人员“政治过硬、责任心强、业务精通、综合素质高”: 属人员素质评价, 不作判定; "
        "仅判定人员来源(应急办、消防队员、志愿者)。",
        "§五(二) staff qualities (politically reliable, responsible, skilled): a judgement "
        "of persons, not encoded; only where the staff come from is checked.",
    ),
    Text(
        "§五(一) 领导小组(组长、副组长及成员) 及办公室职责: 组织安排, 不是对驿站或进度的要求。",
        "§五(一) the leading group (its leader, deputy, members and office): organisation, "
        "not a requirement on posts or on the programme.",
    ),
    Text(
        "§四 县应急局业务指导、县营商办跟进督办: 作为各里程碑的责任单位记录, 不单独判定。",
        "§四 guidance by the 县应急局 and supervision by the 县营商办: recorded as the "
        "milestones' responsible units, not judged on their own.",
    ),
    Text(
        "§一 省、州、县三级风险隐患中心: 隐患闭环按 §三(四)、§六(三) 的县、乡镇、村（社区）三级"
        "编码, 逾期升级止于县级, 不再向州、省升级。",
        "§一 the province–prefecture–county risk centres: the hazard loop is encoded on the "
        "county–township–village levels of §三(四) and §六(三); escalation stops at the county "
        "and does not go on to the prefecture or province.",
    ),
    Text(
        "§二 基础和优势(消防救援站、志愿者队伍、信息化平台): 背景陈述, 不是要求。",
        "§二 existing strengths (fire stations, volunteer teams, digital platforms): "
        "background, not requirements.",
    ),
    Text(
        "§六(一) 驿站作为日常办事机构、在乡镇党组织领导下开展工作: 组织关系, 记录中无对应字段。",
        "§六(一) the post as the township's standing office under the township Party "
        "organisation: an organisational relation with no field in the records.",
    ),
)

EDITION_2024 = Edition(
    edition="2024",
    title=Text(
        "宣恩县基层应急服务驿站改革先行试点(2024)",
        "Xuan'en grassroots emergency service posts, pilot reform (2024)",
    ),
    sources=(SOURCE.key,),
    parameters=PARAMETERS,
    requirements=(
        *staffing.REQUIREMENTS,
        *functions.REQUIREMENTS,
        *coverage.REQUIREMENTS,
        *programme.REQUIREMENTS,
    ),
    groups=GROUPS,
    scoring=ScoringModel(max_score=100.0),
    programmes=(build_programme(default_values()),),
    not_encoded=NOT_ENCODED,
    vocabularies=(
        SUB_KINDS,
        Vocabulary(
            "post_duty",
            "岗位职责",
            "post duties",
            (
                Term("驿站负责人", "驿站负责人", "post manager", ("负责人", "站长")),
                Term("驿站专管员", "驿站专管员", "dedicated keeper", ("专管员",)),
                Term("值守", "值守", "on duty", ("值班", "值班值守")),
                Term("宣传", "宣传", "publicity", ("宣传员", "宣传培训")),
            ),
            closed=False,
        ),
        Vocabulary(
            "evidence_topic",
            "工作记录主题",
            "evidence topics",
            (
                *(Term(f.topic, f.title.zh, f.title.en) for f in functions.FUNCTIONS),
                Term(functions.OPERATION, "投入运行", "in operation", ("运行",)),
            ),
            closed=False,
        ),
    ),
    outcome=OUTCOME,
)

STANDARD = Standard(
    id=STANDARD_ID,
    title=Text("宣恩县基层应急服务驿站", "Xuan'en grassroots emergency service posts"),
    sources=(SOURCE,),
    editions=(EDITION_2024,),
    kinds=KINDS,
)

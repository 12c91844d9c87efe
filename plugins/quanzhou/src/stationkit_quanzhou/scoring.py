"""Groups (the eight haves, with the inferred capability each serves), scoring and grading.

The sources ask for a "quantified evaluation" (QZ25 §四(四)2) without giving points, bands
or a pass mark: those are the plugin's defaults ([open]), every one a tailorable parameter.
Only the 30 % cap on 优秀 is a source figure, and only in QZ25.
"""

from __future__ import annotations

from stationkit import Text
from stationkit.standard import (
    Band,
    GradingModel,
    Group,
    GroupShare,
    RankCap,
    ScoringModel,
)
from stationkit_quanzhou import citations as c
from stationkit_quanzhou.parameters import GROUPS

_CAPABILITY = {
    "org": ("组织指挥能力", "organisation and command"),
    "command": ("组织指挥能力", "organisation and command"),
    "mechanism": ("安全风险防范能力", "safety-risk prevention"),
    "enforcement": ("安全风险防范能力", "safety-risk prevention"),
    "publicity": ("安全风险防范能力", "safety-risk prevention"),
    "rescue": ("应急救援队伍实战能力", "rescue-team combat readiness"),
    "plans": ("应急处置能力", "emergency response"),
    "warehouse": ("支撑保障能力", "support and logistics"),
}

_TITLES = {
    "org": ("有一个承担应急管理职责的工作机构", "a working body with emergency duties"),
    "command": (
        "有一个全时段运行的应急指挥和通信保障平台",
        "a round-the-clock command and communications platform",
    ),
    "mechanism": ("有一套标准化运行的工作机制", "a standard working mechanism"),
    "enforcement": ("有一支依法履行应急管理综合执法职能的队伍", "a comprehensive enforcement team"),
    "rescue": ("有一支常备常训的综合救援队伍", "a standing, trained rescue team"),
    "plans": ("有一套反应灵敏、上下联动的预案响应制度", "a responsive plan and response system"),
    "warehouse": ("有一个管理规范的应急物资综合储备仓库", "a well-run supplies warehouse"),
    "publicity": ("有一个便民体验的安全警示宣教场所", "a safety education venue"),
}


def _group(gid: str) -> Group:
    zh, en = _TITLES[gid]
    cap_zh, cap_en = _CAPABILITY[gid]
    return Group(
        gid,
        Text(zh, en),
        Text(
            f"对应能力(推断,来源未明示):{cap_zh}",
            f"capability (inferred mapping, not stated by the sources): {cap_en}",
        ),
    )


GROUP_LIST: tuple[Group, ...] = (
    *(_group(g) for g in GROUPS),
    Group(
        "funding",
        Text("经费保障(保障措施)", "funding (support measures)"),
        Text("不属“八个有”,仅报告不计分", "not one of the eight haves: reported, not scored"),
    ),
    Group(
        "rollout",
        Text("建设任务(县/市)", "rollout (county / city)"),
        Text("区域评估:建站数量与分布", "assessed on the county region: where stations are built"),
    ),
)

#: The haves' shares are relative weights (parameters, 1.0 each): the core rescales shares
#: over the groups a subject is assessed on, so each have gets 100 × 1/8 = 12.5 points. The
#: rollout group (region subjects only, never mixed with the haves) takes what the weights
#: leave of 100 and is likewise rescaled to the full 100 on a region.
SCORING = ScoringModel(
    max_score=100.0,
    shares=tuple(GroupShare(g, f"weight_{g}") for g in GROUPS),
)

EXCELLENT = Band("excellent", Text("优秀", "excellent"), "grade_excellent_min")
GOOD = Band("good", Text("良好", "good"), "grade_good_min")
PASS = Band("pass", Text("合格", "pass"), "pass_mark")
FAIL = Band("fail", Text("不合格", "fail"), 0.0)

GRADING_2023 = GradingModel(bands=(EXCELLENT, GOOD, PASS), pass_mark="pass_mark", fail_grade=FAIL)
GRADING_2025 = GradingModel(
    bands=(EXCELLENT, GOOD, PASS),
    pass_mark="pass_mark",
    fail_grade=FAIL,
    rank_caps=(RankCap("excellent", "excellent_share_max", c.EXCELLENT_CAP),),
)

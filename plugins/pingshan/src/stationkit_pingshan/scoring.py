"""The score groups: construction (40) and the five operations modules (60), plus the bonus
and the unscored station profile.

Station checks sit in the module they evidence, so a station's own report is scored over the
five modules, and the street's module score is computed from its stations' checks.
"""

from __future__ import annotations

from stationkit import Text
from stationkit.standard import (
    Group,
    GroupShare,
    ScoringModel,
)

CONSTRUCTION = "construction"
COMMAND = "command"
PREVENTION = "prevention"
PUBLICITY = "publicity"
RESCUE = "rescue"
ARCHIVES = "archives"
BONUS = "bonus"
PROFILE = "profile"

#: The five operations modules, in the order of PS §四(二).
MODULES = (COMMAND, PREVENTION, PUBLICITY, RESCUE, ARCHIVES)

GROUPS = (
    Group(
        CONSTRUCTION,
        Text("建设指标", "construction"),
        Text(
            "占年度考核成绩的40%：2023年“1+3+1”，2024年“两过半+一批”。",
            "40 % of the year: 2023 “1+3+1”, 2024 “two over half plus a batch”.",
        ),
    ),
    Group(
        COMMAND,
        Text("应急指挥调度", "command and dispatch"),
        Text("应急预案、应急演练、应急指挥能力。", "plans, drills, command capability."),
    ),
    Group(
        PREVENTION,
        Text("安全防控", "safety prevention"),
        Text(
            "风险辨识、风险防控、安全巡查、安全隐患排查治理。",
            "risk identification and control, patrols, hazard remediation.",
        ),
    ),
    Group(
        PUBLICITY,
        Text("安全应急宣传", "publicity and training"),
        Text("宣传培训开展情况。", "publicity and training done."),
    ),
    Group(
        RESCUE,
        Text("应急救援", "rescue"),
        Text(
            "应急救援队伍建设、应急救援物资装备及管理。",
            "the rescue team, supplies and equipment and their management.",
        ),
    ),
    Group(
        ARCHIVES,
        Text("台账管理与档案建设", "ledgers and archives"),
        Text("各类工作台账的管理情况。", "the ledgers and archives."),
    ),
    Group(
        BONUS,
        Text("持续建设加分", "continuous-construction bonus"),
        Text(
            "当年每建成1个站点加0.1分，封顶1分。",
            "+0.1 per station completed in the year, at most +1.",
        ),
    ),
    Group(
        PROFILE,
        Text("站点概况（不计分）", "station profile (not scored)"),
        Text(
            "类型职能、场所、标识与便民服务，仅作报告。",
            "type functions, premises, signs and services desk; reported only.",
        ),
    ),
)

SCORING = ScoringModel(
    max_score=100.0,
    shares=(
        GroupShare(CONSTRUCTION, "construction_share"),
        *(GroupShare(module, f"share_{module}") for module in MODULES),
    ),
    bonus_cap="bonus_cap",
)

"""How Quanzhou accepts a station: item by item, in both editions; the grade is apart.

QZ25 §四(四)1 reviews each station item by item against the "five capabilities" and the
"eight haves" ("逐项进行评审") and §四(四)2 grades it by a quantitative assessment: two
verdicts. QZ23's 县应急局 carries out a 综合验收 of the pilot against the guide (附件2) the
plan sets out, and "验收阶段将严格项目审查": the plugin reads the 2023 acceptance item by item
too (an inference, marked so). The pass mark stays a grading figure (the 合格 band), never
the acceptance.
"""

from __future__ import annotations

from stationkit import Text
from stationkit.standard import OutcomeKind, OutcomeRule
from stationkit_quanzhou import citations as c

OUTCOME_2023 = OutcomeRule(
    OutcomeKind.ITEM_BY_ITEM,
    c.ITEM_BY_ITEM_23,
    note=Text(
        "县应急局综合验收试点,对照附件2建设指南;“验收阶段将严格项目审查”(§六(二)):逐项评审为推断",
        "the 县应急局's 综合验收 of the pilot against the 附件2 guide; "
        "“验收阶段将严格项目审查” (§六(二)): item by item is an inference",
    ),
)
OUTCOME_2025 = OutcomeRule(
    OutcomeKind.ITEM_BY_ITEM,
    c.ACCEPTANCE_25,
    note=Text(
        "验收逐项评审(§四(四)1);评级另行量化评估(§四(四)2)",
        "accepted item by item (§四(四)1); graded apart by a quantitative assessment (§四(四)2)",
    ),
)

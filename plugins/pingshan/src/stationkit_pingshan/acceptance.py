"""How Pingshan accepts a station: item by item, the plugin's default.

PS 五(四) has the district evaluate and accept the stations' functions ("评估验收") and
四 score the streets yearly (construction 40 %, operations 60 %, a bonus), but gives no pass
mark and no acceptance rule: the plugin's default is item by item, marked so. The yearly
score grades; it never decides acceptance.
"""

from __future__ import annotations

from stationkit import Text
from stationkit.standard import OutcomeKind, OutcomeRule
from stationkit_pingshan import citations as c

OUTCOME = OutcomeRule(
    OutcomeKind.ITEM_BY_ITEM,
    c.ps(
        "五(四)",
        "组织对试点建设应急管理服务站的外观标识、职责整合、运行调度、安全防控、应急响应、"
        "宣传培训、应急服务等建设功能进行评估验收",
        inferred=True,
    ),
    default=True,
    note=Text(
        "方案未给合格线或验收规则:插件默认逐项;年度考核得分只用于评级",
        "the plan gives no pass mark or acceptance rule: item by item is the plugin's "
        "default; the yearly score only grades",
    ),
)

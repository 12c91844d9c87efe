"""How Xuan'en accepts a post: item by item, the plugin's default.

XE §三(六) has the 县营商办 inspect and accept the posts' building and running ("检查验收")
without a pass mark or a score; the plugin reads that as item by item over what the plan
asks of a post (a default where the plan is silent on how, marked so).
"""

from __future__ import annotations

from stationkit import Text
from stationkit.standard import OutcomeKind, OutcomeRule
from stationkit_xuanen import citations as c

OUTCOME = OutcomeRule(
    OutcomeKind.ITEM_BY_ITEM,
    c.inferred(c.T6_ACCEPTANCE),
    default=True,
    note=Text(
        "方案只说“检查验收”,未给合格线或评分:插件默认逐项",
        "the plan says only “检查验收”, with no pass mark or score: item by item is the "
        "plugin's default",
    ),
)

"""The station kind of this standard and its sub-kinds (XE §一, §三(四))."""

from __future__ import annotations

from stationkit import Text
from stationkit.records import Term, Vocabulary
from stationkit.standard import Kind, Scope

#: 应急服务驿站: every post of the plan, township or village.
KIND = "service_post"
#: A township's post (乡镇驿站), one in every township.
TOWNSHIP_POST = "township"
#: A village (community) post of the community pilot (村（社区）驿站).
VILLAGE_POST = "village"

POSTS = Scope("station", frozenset({KIND}))

KINDS = (
    Kind(
        KIND,
        Text(
            "应急服务驿站(sub_kind: township 乡镇 / village 村（社区）)",
            "emergency service post (sub_kind: township / village)",
        ),
        aliases=("应急服务驿站", "基层应急服务驿站", "驿站", "服务驿站"),
    ),
    Kind("county", Text("县(工作流程与覆盖)", "county (programme and coverage)"), subject="region"),
)

#: The two sub-kinds in the plan's words.
SUB_KINDS = Vocabulary(
    "station_sub_kind",
    "驿站层级",
    "post levels",
    (
        Term(TOWNSHIP_POST, "乡镇驿站", "township post", ("乡镇应急服务驿站", "镇驿站", "乡驿站")),
        Term(
            VILLAGE_POST,
            "村（社区）驿站",
            "village (community) post",
            ("村驿站", "社区驿站", "村级驿站", "村(社区)应急服务驿站"),
        ),
    ),
)

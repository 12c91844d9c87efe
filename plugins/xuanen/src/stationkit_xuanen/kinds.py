"""The station kind of this standard and its sub-kinds (XE §一, §三(四))."""

from __future__ import annotations

from stationkit import Text
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
    ),
    Kind("county", Text("县(工作流程与覆盖)", "county (programme and coverage)"), subject="region"),
)

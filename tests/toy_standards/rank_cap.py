"""Rank caps listed bottom-up: the "good" cap is applied before the "excellent" cap, whose
demotions then push "good" over its own share — the batch's grades breach a cap."""

from __future__ import annotations

from collections.abc import Sequence

from toy_standards._base import CITE, PHONES, PHONES_REQ, standard

from stationkit import Parameter, RankCap, Standard, Text, hookimpl

EXCELLENT = Parameter("excellent_share", 0.2, CITE, Text("优秀比例", "share of excellent"))
GOOD = Parameter("good_share", 0.3, CITE, Text("良好比例", "share of good"))

STANDARD = standard(
    "toy-rank-cap", (PHONES_REQ,), parameters=(PHONES, EXCELLENT, GOOD),
    rank_caps=(RankCap("good", "good_share", CITE),
               RankCap("excellent", "excellent_share", CITE)),
)


@hookimpl
def stationkit_standards() -> Sequence[Standard]:
    return [STANDARD]

"""A typo in the bands: the second band repeats the grade "excellent" where "good" was meant.
The 20 % cap on "excellent" demotes the surplus to the next band — which is named
"excellent" again — so the batch's grades breach the cap."""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from stationkit import Text, hookimpl
from stationkit.standard import (
    Band,
    Parameter,
    RankCap,
    Standard,
)
from toy_standards._base import CITE, PHONES, PHONES_REQ, standard

EXCELLENT = Parameter("excellent_share", 0.2, CITE, Text("优秀比例", "share of excellent"))
TYPO_BANDS = (
    Band("excellent", Text("优秀", "excellent"), 90.0),
    Band("excellent", Text("良好", "good"), 75.0),  # the typo: should be "good"
    Band("pass", Text("合格", "pass"), 60.0),
)

_BASE = standard(
    "toy-rank-cap",
    (PHONES_REQ,),
    parameters=(PHONES, EXCELLENT),
    rank_caps=(RankCap("excellent", "excellent_share", CITE),),
)
_EDITION = _BASE.editions[0]
STANDARD = attrs.evolve(
    _BASE,
    editions=(attrs.evolve(_EDITION, grading=attrs.evolve(_EDITION.grading, bands=TYPO_BANDS)),),
)


@hookimpl
def stationkit_standards() -> Sequence[Standard]:
    return [STANDARD]

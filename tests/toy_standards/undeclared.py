"""A requirement that reads ``phones_min`` without declaring it: tailoring the figure
changes a finding whose requirement does not say it depends on it."""

from __future__ import annotations

from collections.abc import Sequence

from stationkit import Text, hookimpl
from stationkit.standard import Requirement, Standard
from toy_standards._base import CITE, PHONES, STATION, phones, standard

STANDARD = standard(
    "toy-undeclared",
    (
        Requirement(
            "comms.phone",
            "command",
            Text("卫星电话", "satellite phone"),
            CITE,
            phones,
            STATION,
            monotone=True,
        ),
    ),  # parameters=("phones_min",) is missing
    parameters=(PHONES,),
)


@hookimpl
def stationkit_standards() -> Sequence[Standard]:
    return [STANDARD]

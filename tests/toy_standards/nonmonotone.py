"""Declares "at most 3 satellite phones" monotone: adding a phone can turn it from met to
not met, so the claim is false."""

from __future__ import annotations

from collections.abc import Sequence

from stationkit import (
    Station,
    Text,
    hookimpl,
)
from stationkit.standard import (
    Check,
    Context,
    Parameter,
    Remedy,
    Requirement,
    Standard,
    check_threshold,
)
from toy_standards._base import CITE, PHONES, PHONES_REQ, STATION, standard

MAX = Parameter("phones_max", 3, CITE, Text("卫星电话最多数量", "most satellite phones"))


def at_most(station: Station, ctx: Context) -> Check:
    comms = station.communications
    return check_threshold(
        comms.satellite_phones if comms else None,
        ctx.integer("phones_max"),
        field="communications.satellite_phones",
        at_most=True,
        remedy=Remedy(Text("减少卫星电话", "fewer satellite phones")),
    )


STANDARD = standard(
    "toy-nonmonotone",
    (
        PHONES_REQ,
        Requirement(
            "comms.phone_max",
            "command",
            Text("卫星电话上限", "phone limit"),
            CITE,
            at_most,
            STATION,
            monotone=True,
            parameters=("phones_max",),
        ),
    ),
    parameters=(PHONES, MAX),
)


@hookimpl
def stationkit_standards() -> Sequence[Standard]:
    return [STANDARD]

"""A remedy that does not fix: it proposes one phone fewer than the threshold needs."""

from __future__ import annotations

from collections.abc import Sequence

from stationkit import (
    Station,
    Text,
    hookimpl,
)
from stationkit.standard import (
    Change,
    Check,
    Context,
    Remedy,
    Requirement,
    Standard,
    check_threshold,
)
from toy_standards._base import CITE, PHONES, STATION, standard


def phones_off_by_one(station: Station, ctx: Context) -> Check:
    comms = station.communications
    want = ctx.integer("phones_min")
    return check_threshold(
        comms.satellite_phones if comms else None,
        want,
        field="communications.satellite_phones",
        remedy=Remedy(
            Text("配备卫星电话", "provide satellite phones"),
            (Change("set", "communications.satellite_phones", want - 1),),
        ),
    )


STANDARD = standard(
    "toy-bad-remedy",
    (
        Requirement(
            "comms.phone",
            "command",
            Text("卫星电话", "satellite phone"),
            CITE,
            phones_off_by_one,
            STATION,
            monotone=True,
            parameters=("phones_min",),
        ),
    ),
    parameters=(PHONES,),
)


@hookimpl
def stationkit_standards() -> Sequence[Standard]:
    return [STANDARD]

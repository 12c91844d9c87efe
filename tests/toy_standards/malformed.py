"""Malformed: a rank cap on a grade that is no band (never enforced), a parameter stated by
the source without its quote, a requirement in a group the edition does not list, and one
declaring a parameter that does not exist."""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from stationkit import Citation, hookimpl
from stationkit.standard import RankCap, Standard
from toy_standards._base import CITE, PHONES, PHONES_REQ, standard

STANDARD = standard(
    "toy-malformed",
    (
        PHONES_REQ,
        attrs.evolve(
            PHONES_REQ,
            id="comms.phone2",
            group="nowhere",
            parameters=("phones_min", "phones_minimum"),
        ),
    ),
    parameters=(attrs.evolve(PHONES, citation=Citation("TOY", "§1", "")),),
    rank_caps=(RankCap("outstanding", 0.1, CITE),),
)


@hookimpl
def stationkit_standards() -> Sequence[Standard]:
    return [STANDARD]

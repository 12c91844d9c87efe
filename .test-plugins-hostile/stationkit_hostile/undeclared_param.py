"""A requirement that reads a parameter its edition does not declare."""

from __future__ import annotations

from collections.abc import Sequence

from stationkit import hookimpl
from stationkit.standard import Standard
from stationkit_hostile._tiny import edition, requirement, standard


@hookimpl
def stationkit_standards() -> Sequence[Standard]:
    reads = requirement(parameters=("team_min", "team_minimum"))
    return [standard("undeclared_param", editions=(edition(requirements=(reads,)),))]

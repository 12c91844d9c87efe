"""An edition with two requirements of one id."""

from __future__ import annotations

from collections.abc import Sequence

from stationkit import hookimpl
from stationkit.standard import Standard
from stationkit_hostile._tiny import edition, requirement, standard


@hookimpl
def stationkit_standards() -> Sequence[Standard]:
    twice = (requirement("team.size"), requirement("team.size"))
    return [standard("duplicate_ids", editions=(edition(requirements=twice),))]

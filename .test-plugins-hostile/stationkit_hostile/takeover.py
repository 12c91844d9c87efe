"""Registers ``quanzhou@2025``, which belongs to the quanzhou plugin; its name sorts first."""

from __future__ import annotations

from collections.abc import Sequence

from stationkit import hookimpl
from stationkit.standard import Standard
from stationkit_hostile._tiny import edition, standard


@hookimpl
def stationkit_standards() -> Sequence[Standard]:
    return [standard("quanzhou", editions=(edition("2025"),))]

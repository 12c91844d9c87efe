"""A standard with no editions."""

from __future__ import annotations

from collections.abc import Sequence

from stationkit import hookimpl
from stationkit.standard import Standard
from stationkit_hostile._tiny import standard


@hookimpl
def stationkit_standards() -> Sequence[Standard]:
    return [standard("no_editions", editions=())]

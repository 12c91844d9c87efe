"""Raises KeyboardInterrupt from a hook: the plugin's fault, not the user's Ctrl-C."""

from __future__ import annotations

from collections.abc import Sequence

from stationkit import hookimpl
from stationkit.standard import Standard


@hookimpl
def stationkit_standards() -> Sequence[Standard]:
    raise KeyboardInterrupt

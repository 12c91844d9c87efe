"""Prints at import and in its hook: the output must stay off stdout (``--json``)."""

from __future__ import annotations

from collections.abc import Sequence

from stationkit import hookimpl
from stationkit.standard import Standard
from stationkit_hostile._tiny import standard

print("hello from an import")  # the fault under test


@hookimpl
def stationkit_standards() -> Sequence[Standard]:
    print("hello from a hook")  # the fault under test
    return [standard("prints")]

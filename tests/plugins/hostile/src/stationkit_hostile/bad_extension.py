"""A machine extension with a transition from a state the machine does not have."""

from __future__ import annotations

from collections.abc import Sequence

from stationkit import Text, hookimpl
from stationkit.lifecycle import MachineExtension, TransitionSpec
from stationkit.standard import Standard
from stationkit_hostile._tiny import standard


@hookimpl
def stationkit_standards() -> Sequence[Standard]:
    return [standard("bad_extension")]


@hookimpl
def stationkit_machine_extensions() -> Sequence[MachineExtension]:
    return [
        MachineExtension(
            machine="hazard",
            standard="bad_extension",
            add_transitions=(
                TransitionSpec("teleport", ("no_such_state",), "closed", Text("瞬移", "teleport")),
            ),
        )
    ]

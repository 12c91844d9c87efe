"""The hooks of the ``xuanen`` plugin (entry point ``stationkit_xuanen.plugin``)."""

from __future__ import annotations

from collections.abc import Sequence

from stationkit import hookimpl
from stationkit.lifecycle import MachineExtension
from stationkit.standard import Sample, Standard
from stationkit_xuanen import machines
from stationkit_xuanen.samples import samples
from stationkit_xuanen.standard import STANDARD


@hookimpl
def stationkit_standards() -> Sequence[Standard]:
    return [STANDARD]


@hookimpl
def stationkit_machine_extensions() -> Sequence[MachineExtension]:
    return list(machines.extensions())


@hookimpl
def stationkit_samples() -> Sequence[Sample]:
    return list(samples())

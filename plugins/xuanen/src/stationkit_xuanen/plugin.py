"""The hooks of the ``xuanen`` plugin (entry point ``stationkit_xuanen.plugin``)."""

from __future__ import annotations

from collections.abc import Sequence

from stationkit import hookimpl
from stationkit.lifecycle import MachineExtension
from stationkit.monitor import RuleBook
from stationkit.standard import Sample, Standard
from stationkit_xuanen import machines, monitoring
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


@hookimpl
def stationkit_monitor_rules() -> Sequence[RuleBook]:
    return list(monitoring.rule_books())

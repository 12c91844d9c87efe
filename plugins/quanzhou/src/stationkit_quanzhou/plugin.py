"""The hook implementations: the standard, its acceptance-machine extensions, the samples."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from stationkit import Text, hookimpl
from stationkit.lifecycle import MachineExtension
from stationkit.monitor import RuleBook
from stationkit.standard import Sample, Standard
from stationkit_quanzhou import monitoring
from stationkit_quanzhou.machines import EXTENSIONS
from stationkit_quanzhou.standard import STANDARD

SAMPLES_DIR = Path(__file__).parent / "samples"


@hookimpl
def stationkit_standards() -> Sequence[Standard]:
    return [STANDARD]


@hookimpl
def stationkit_machine_extensions() -> Sequence[MachineExtension]:
    return list(EXTENSIONS)


@hookimpl
def stationkit_samples() -> Sequence[Sample]:
    return [
        Sample(
            "quanzhou-shishi-2025",
            SAMPLES_DIR / "shishi_2025.yaml",
            "quanzhou",
            "2025",
            date(2025, 11, 15),
            Text(
                "石狮市2025:四个镇(街道)的站点——通过、门槛略差、证据缺失",
                "石狮市 2025: stations of the four towns — passing, narrowly failing, "
                "missing evidence",
            ),
        ),
        Sample(
            "quanzhou-county-2023",
            SAMPLES_DIR / "county_2023.yaml",
            "quanzhou",
            "2023",
            date(2023, 9, 30),
            Text(
                "XX县2023试点:试点镇站点及对照站点",
                "county pilot 2023: the pilot town's station and two contrasting stations",
            ),
        ),
    ]


@hookimpl
def stationkit_monitor_rules() -> Sequence[RuleBook]:
    return list(monitoring.rule_books())

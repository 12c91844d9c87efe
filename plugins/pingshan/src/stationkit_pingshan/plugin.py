"""The hook implementations: the standard and the bundled samples."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from stationkit import Text, hookimpl
from stationkit.monitor import RuleBook
from stationkit.standard import Sample, Standard
from stationkit_pingshan import monitoring
from stationkit_pingshan.standard import STANDARD

SAMPLES_DIR = Path(__file__).parent / "samples"


@hookimpl
def stationkit_standards() -> Sequence[Standard]:
    return [STANDARD]


@hookimpl
def stationkit_samples() -> Sequence[Sample]:
    return [
        Sample(
            "pingshan-2023",
            SAMPLES_DIR / "pingshan_2023.yaml",
            "pingshan",
            "2023",
            date(2023, 12, 31),
            Text(
                "坪山区六个街道 2023 年度考核（“1+3+1”）",
                "Pingshan's six streets, 2023 yearly assessment (“1+3+1”)",
            ),
            subject="region",
        ),
        Sample(
            "pingshan-2024",
            SAMPLES_DIR / "pingshan_2024.yaml",
            "pingshan",
            "2024",
            date(2024, 12, 31),
            Text(
                "坪山区六个街道 2024 年度考核（“两过半+一批”）",
                "Pingshan's six streets, 2024 yearly assessment (“two over half plus a batch”)",
            ),
            subject="region",
        ),
    ]


@hookimpl
def stationkit_monitor_rules() -> Sequence[RuleBook]:
    return list(monitoring.rule_books())

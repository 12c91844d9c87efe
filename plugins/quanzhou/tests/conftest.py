"""Fixtures of the quanzhou plugin tests: the bundled samples and an assess helper.

Helpers come as a fixture (``qz``), not as an importable module: the plugins' tests run in
one session with ``--import-mode=importlib``, where sibling imports do not resolve.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import ClassVar

import pytest
import stationkit_quanzhou
from stationkit_quanzhou.standard import STANDARD

import stationkit as sk
import stationkit.standard

SAMPLES = Path(stationkit_quanzhou.__file__).parent / "samples"


class QuanzhouHelper:
    """Loads the samples and assesses single requirements."""

    as_of: ClassVar[dict[str, date]] = {"2025": date(2025, 11, 15), "2023": date(2023, 9, 30)}
    files: ClassVar[dict[str, Path]] = {
        "2025": SAMPLES / "shishi_2025.yaml",
        "2023": SAMPLES / "county_2023.yaml",
    }
    passing: ClassVar[dict[str, str]] = {"2025": "qz-2025-hanjiang", "2023": "qz-2023-pilot"}
    standard = STANDARD

    def __init__(self) -> None:
        self._data = {ed: sk.load_dataset(path) for ed, path in self.files.items()}

    def dataset(self, edition: str) -> sk.Dataset:
        return self._data[edition]

    def station(self, edition: str, sid: str | None = None) -> sk.Station:
        wanted = sid or self.passing[edition]
        return next(s for s in self._data[edition].stations if s.id == wanted)

    def report(
        self,
        station: sk.Station,
        edition: str,
        params: dict[str, object] | None = None,
        dataset: sk.Dataset | None = None,
    ) -> sk.Report:
        return sk.assess(
            station,
            STANDARD,
            edition,
            as_of=self.as_of[edition],
            parameters=params,
            dataset=dataset or self._data[edition],
        )

    def finding(
        self,
        station: sk.Station,
        edition: str,
        requirement: str,
        params: dict[str, object] | None = None,
        dataset: sk.Dataset | None = None,
    ) -> sk.Finding:
        report = self.report(station, edition, params, dataset)
        return next(f for f in report.findings if f.requirement == requirement)

    def edit(self, station: sk.Station, *changes: sk.standard.Change) -> sk.Station:
        return sk.standard.apply_changes(station, tuple(changes))


_HELPER = QuanzhouHelper()


@pytest.fixture
def qz() -> QuanzhouHelper:
    return _HELPER


@pytest.fixture(params=["2023", "2025"])
def edition(request: pytest.FixtureRequest) -> str:
    value: str = request.param
    return value

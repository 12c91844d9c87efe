"""Fixtures for the xuanen plugin's tests: the standard, the bundled sample, assessment."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date

import pytest
from stationkit_xuanen import STANDARD
from stationkit_xuanen.samples import AS_OF, COUNTY

import stationkit as sk
import stationkit.standard

Assess = Callable[..., sk.Report]


@pytest.fixture(scope="session")
def county() -> sk.Dataset:
    return sk.load_dataset(COUNTY)


@pytest.fixture(scope="session")
def subject(county: sk.Dataset) -> sk.standard.RegionSubject:
    assert county.region is not None
    return sk.standard.RegionSubject(county.region, county.stations, county.year)


@pytest.fixture(scope="session")
def assess(county: sk.Dataset) -> Assess:
    """Assess a subject against xuanen@2024 with the sample dataset (or another)."""

    def run(
        subject: sk.standard.Subject,
        as_of: date = AS_OF,
        *,
        parameters: Mapping[str, object] | None = None,
        dataset: sk.Dataset | None = None,
    ) -> sk.Report:
        return sk.assess(
            subject,
            STANDARD,
            "2024",
            as_of=as_of,
            parameters=parameters,
            dataset=dataset if dataset is not None else county,
        )

    return run

"""Fixtures of the Pingshan plugin's tests: the bundled samples and a registry with only
this plugin."""

from __future__ import annotations

import pytest
import stationkit_pingshan.plugin as plugin
from stationkit_pingshan.plugin import SAMPLES_DIR

import stationkit as sk


@pytest.fixture(scope="session")
def pingshan_registry() -> sk.Registry:
    registry = sk.Registry(strict=True)
    registry.register(plugin, "pingshan")
    return registry


@pytest.fixture(scope="session")
def pingshan_2023() -> sk.Dataset:
    return sk.load_dataset(SAMPLES_DIR / "pingshan_2023.yaml")


@pytest.fixture(scope="session")
def pingshan_2024() -> sk.Dataset:
    return sk.load_dataset(SAMPLES_DIR / "pingshan_2024.yaml")


@pytest.fixture(scope="session")
def baseline(pingshan_2024: sk.Dataset) -> sk.Station:
    """A station that meets every station check of 2024 (the sample's first station)."""
    return pingshan_2024.stations[0]

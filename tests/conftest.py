"""Shared fixtures of the core's tests: a registry holding the example standard."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

import stationkit as sk
import stationkit.standard


@pytest.fixture
def registry() -> Iterator[sk.Registry]:
    from stationkit_example import plugin

    reg = sk.Registry(strict=True)
    reg.register(plugin, "example")
    yield reg
    reg.unregister("example")


@pytest.fixture
def example(registry: sk.Registry) -> sk.standard.Standard:
    return registry.standard("example@2024")[0]

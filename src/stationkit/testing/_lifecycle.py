"""Lifecycle conformance (placeholder until the lifecycle subsystem's exports settle)."""

from __future__ import annotations

from typing import Any

from hypothesis import settings as Settings  # noqa: N812

from stationkit._registry import Registry
from stationkit.testing.properties import Problem


def lifecycle_problems(registry: Registry, plugin_name: str, extensions: tuple[Any, ...],
                       settings: Settings) -> tuple[list[Problem], list[str]]:
    return [], ["lifecycle checks not run yet"]

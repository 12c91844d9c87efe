"""``STATIONKIT_REVERSE_TESTS=1`` runs the monitor tests in reverse order (``make test``
runs them both ways: the durable engines of one process must not depend on test order)."""

from __future__ import annotations

import os

import pytest


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if os.environ.get("STATIONKIT_REVERSE_TESTS"):
        items.reverse()

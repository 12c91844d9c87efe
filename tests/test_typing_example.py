"""The typing examples of the public API also run (mypy checks them in ``make typecheck``)."""

from __future__ import annotations

import pytest
import typing_example


def test_the_typing_examples_run(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STATIONKIT_PLUGINS", "example")
    typing_example.run_all()

"""The testing toolkit's conformance suite over the whole plugin (both editions)."""

from __future__ import annotations

import stationkit_quanzhou.plugin

from stationkit.testing.conformance import check_plugin


def test_quanzhou_conformance() -> None:
    check_plugin(stationkit_quanzhou.plugin, name="quanzhou")

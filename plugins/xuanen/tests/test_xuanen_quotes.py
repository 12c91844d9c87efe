"""Every quote the plugin stores is its source's text verbatim (one literal, never re-wrapped);
``sources/`` holds copies of the source documents' extracted texts."""

from __future__ import annotations

from pathlib import Path

from stationkit_xuanen.standard import STANDARD

from stationkit.testing.quotes import check_quotes


def test_every_quote_is_verbatim_in_its_source() -> None:
    check_quotes(STANDARD, Path(__file__).parent / "sources")

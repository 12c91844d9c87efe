"""Every quote the plugin stores is its source's text verbatim (one literal, never re-wrapped).

``sources/`` holds copies of the source documents' extracted texts.
"""

from __future__ import annotations

from pathlib import Path

from stationkit_xuanen.standard import STANDARD

from stationkit.testing.quotes import citations_of, misquoted

SOURCES = Path(__file__).parent / "sources"
TEXTS = {path.stem: path.read_text(encoding="utf-8") for path in SOURCES.glob("*.txt")}


def test_every_quote_is_verbatim_in_its_source() -> None:
    documents = {c.document for c in citations_of(STANDARD) if c.quote}
    assert documents <= set(TEXTS), f"no source text for {sorted(documents - set(TEXTS))}"
    assert [(c.label(), c.quote) for c in misquoted(STANDARD, TEXTS)] == []

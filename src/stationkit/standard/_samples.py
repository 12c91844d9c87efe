"""Sample datasets that plugins bundle for the demo and for documentation."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import attrs

from stationkit.standard._text import Text


@attrs.frozen
class Sample:
    """A dataset file and how to assess it: standard, edition, date, and what it shows."""

    name: str
    path: Path
    standard: str
    edition: str
    as_of: date
    title: Text
    subject: str = "station"  # or "region": assess the region tree as a whole
    ledger: Path | None = None

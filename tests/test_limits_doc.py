"""docs/limits.md lists every input limit with its value (the page and the code agree)."""

from __future__ import annotations

from pathlib import Path

import attrs

from stationkit.records import Limits
from stationkit.standard import REMEDY_ITEMS_MAX
from stationkit.standard._standard import DEFAULT_MAX, UNIT_MAX

PAGE = (Path(__file__).resolve().parent.parent / "docs" / "limits.md").read_text(encoding="utf-8")


def test_every_input_limit_is_documented_with_its_value() -> None:
    limits = Limits()
    for field in attrs.fields(Limits):
        value = getattr(limits, field.name)
        assert f"`{field.name}`" in PAGE and f"| {value:,} |" in PAGE, field.name


def test_unit_maxima_and_the_remedy_cap_are_documented() -> None:
    for unit, top in UNIT_MAX.items():
        rows = [line for line in PAGE.splitlines() if line.startswith("| ") and unit in line]
        assert any(f"{top:,}" in row for row in rows), unit
    assert f"{DEFAULT_MAX:,}" in PAGE
    assert f"{REMEDY_ITEMS_MAX} (`stationkit.standard.REMEDY_ITEMS_MAX`)" in PAGE


def test_every_exit_code_is_documented() -> None:
    for code in (0, 1, 2, 3, 130):
        assert f"\n| {code} |" in PAGE

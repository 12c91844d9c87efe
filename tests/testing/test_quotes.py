"""``stationkit.testing.quotes``: citations found through a standard's structure, quotes judged
verbatim against the source texts given."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

from stationkit.standard import Citation
from stationkit.testing.quotes import check_quotes, citations_of, misquoted


@attrs.frozen
class Holder:
    citation: Citation
    more: tuple[object, ...] = ()
    by_name: dict[str, object] = attrs.field(factory=dict)


def test_citations_are_found_in_fields_tuples_and_mappings() -> None:
    a = Citation("D", "§一", "甲乙")
    b = Citation("D", "§二", "丙丁")
    c = Citation("E", "§三", "戊")
    holder = Holder(a, (Holder(b),), {"x": [c]})
    assert list(citations_of(holder)) == [a, b, c]


def test_a_quote_not_verbatim_in_its_text_is_reported_once() -> None:
    good = Citation("D", "§一", "甲乙")
    wrapped = Citation("D", "§二", "甲 乙")  # a space the source does not have
    other = Citation("E", "§三", "not judged: no text given")
    assert misquoted(Holder(good, (wrapped, wrapped, other)), {"D": "……甲乙丙……"}) == [wrapped]


def test_check_quotes_names_a_missing_text_and_a_misquote(tmp_path: Path) -> None:
    (tmp_path / "D.txt").write_text("……甲乙丙……", encoding="utf-8")
    check_quotes(Holder(Citation("D", "§一", "甲乙")), tmp_path)
    holder = Holder(Citation("D", "§二", "甲 乙"), (Citation("E", "§三", "戊"),))
    with pytest.raises(AssertionError) as raised:
        check_quotes(holder, tmp_path)
    assert "no source text" in str(raised.value) and "E.txt" in str(raised.value)
    assert "D §二: not verbatim" in str(raised.value)

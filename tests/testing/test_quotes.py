"""``stationkit.testing.quotes``: citations found through a standard's structure, quotes judged
verbatim against the source texts given."""

from __future__ import annotations

import attrs

from stationkit.standard import Citation
from stationkit.testing.quotes import citations_of, misquoted


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

"""Quotes kept exactly: every citation of a standard quotes its source document verbatim.

In a plugin's tests, with the source texts copied next to them as ``sources/KEY.txt`` (one
file per document key)::

    from stationkit.testing.quotes import check_quotes

    def test_quotes_are_verbatim() -> None:
        check_quotes(STANDARD, Path(__file__).parent / "sources")
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import attrs

from stationkit.standard import Citation

__all__ = ["check_quotes", "citations_of", "misquoted"]

#: Deep enough for Standard → Edition → Requirement/Programme → Milestone → Citation.
MAX_DEPTH = 12


def citations_of(obj: object, *, _depth: int = 0) -> Iterator[Citation]:
    """Every ``Citation`` reachable from ``obj`` through attrs fields and containers."""
    if _depth > MAX_DEPTH:
        return
    if isinstance(obj, Citation):
        yield obj
    elif attrs.has(type(obj)):
        cls: Any = type(obj)  # attrs.has narrows nothing for mypy
        for field in attrs.fields(cls):
            yield from citations_of(getattr(obj, field.name), _depth=_depth + 1)
    elif isinstance(obj, list | tuple | frozenset | set):
        for item in obj:
            yield from citations_of(item, _depth=_depth + 1)
    elif isinstance(obj, Mapping):
        for item in obj.values():
            yield from citations_of(item, _depth=_depth + 1)


def misquoted(obj: object, texts: Mapping[str, str]) -> list[Citation]:
    """The citations reachable from ``obj`` whose document is in ``texts`` and whose quote is
    not a verbatim substring of it (citations of other documents are not judged)."""
    seen: set[Citation] = set()
    bad: list[Citation] = []
    for citation in citations_of(obj):
        if citation in seen or citation.document not in texts:
            continue
        seen.add(citation)
        if citation.quote not in texts[citation.document]:
            bad.append(citation)
    return bad


def check_quotes(obj: object, sources: Path) -> None:
    """Every quote reachable from ``obj`` is verbatim in ``sources/DOCUMENT.txt``; raises one
    AssertionError naming each document without a text and each quote not found."""
    texts = {path.stem: path.read_text(encoding="utf-8") for path in sources.glob("*.txt")}
    problems = [
        f"no source text {sources / (doc + '.txt')}"
        for doc in sorted({c.document for c in citations_of(obj) if c.quote} - set(texts))
    ]
    problems += [
        f"{c.label()}: not verbatim in its source: {c.quote!r}" for c in misquoted(obj, texts)
    ]
    if problems:
        raise AssertionError("\n".join(problems))

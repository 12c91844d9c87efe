"""Check helpers plugins share, each with one meaning.

- **Names**: ``names_check`` asks that every name of a source list be recorded. Its
  ``observed`` is always ``{"present": [...], "lacking": [...]}``, both in the order the source
  lists the names; ``expected`` is ``{"all_of": [...]}``.
- **Evidence**: generic evidence is ``Station.functions`` (``Evidence(topic, items, on)``); the
  items of a topic are those of all its entries together. ``evidence_items`` is ``None`` when
  ``functions`` is not recorded and empty when no entry has the topic; ``evidence_check`` asks
  of them what ``names_check`` asks of names (``observed`` adds ``"topic"``).
- **Partial credit**: ``credit(done, total, partial=...)`` is the share done; with
  ``partial=False`` it is 1 when all are done, else 0. A plugin says which it means at every
  check (its source decides), never by default.
- **Date windows**: the assessment year is 1 January of ``ctx.year`` up to ``as_of`` (and not
  past 31 December): ``year_window``, ``in_year``. ``within_days`` is the ``days`` before
  ``as_of``, both ends included. Records dated after ``as_of`` never count.

Every helper follows the core's rule: ``None`` (not recorded) gives missing evidence, an empty
collection is a real "none", and a not-met check carries the record change that meets it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date, timedelta
from typing import Any

from stationkit.records import Evidence, Station
from stationkit.standard._context import Context
from stationkit.standard._findings import Change, Check, Remedy, met, missing, not_met
from stationkit.standard._text import Text

#: Builds the record changes that add the lacking names (the remedy of a names check).
ChangeFor = Callable[[list[str]], tuple[Change, ...]]


def credit(done: float, total: float, *, partial: bool) -> float:
    """Credit for ``done`` of ``total`` (counts, or weights): the share (``partial``) or
    all-or-nothing; 1 when nothing is asked (``total`` 0), and never outside [0, 1]."""
    if total <= 0 or done >= total:
        return 1.0
    if not partial or done <= 0:
        return 0.0
    return done / total


def lacking(have: Iterable[str], need: Sequence[str]) -> list[str]:
    """The names of ``need`` not among ``have``, in the order the source lists them."""
    present = set(have)
    return [name for name in need if name not in present]


def append_to(path: str, item: Callable[[str], Any] | None = None) -> ChangeFor:
    """The change appending one item per lacking name (the name, or ``item(name)``) to the
    list at ``path``."""

    def change(short: list[str]) -> tuple[Change, ...]:
        return (Change("append", path, [item(n) if item else n for n in short]),)

    return change


def names_check(
    have: Iterable[str] | None,
    need: Sequence[str],
    *,
    field: str,
    what: Text,
    change: ChangeFor,
    partial: bool,
) -> Check:
    """Every name of ``need`` recorded among ``have`` (``field`` is where ``have`` was read,
    for a missing-evidence finding); the remedy adds the lacking names via ``change``."""
    expected = {"all_of": list(need)}
    if have is None:
        return missing(field, expected)
    recorded = set(have)
    short = lacking(recorded, need)
    observed = {"present": [n for n in need if n in recorded], "lacking": short}
    if not short:
        return met(observed, expected)
    # All or nothing needs no figure: a check without credit counts 1 when met, else 0.
    got = credit(len(need) - len(short), len(need), partial=True) if partial else None

    def remedy() -> Remedy:  # built only when a report needs it
        return Remedy(
            Text(f"{what.zh}：补齐 {'、'.join(short)}", f"{what.en}: add {', '.join(short)}"),
            change(short),
        )

    return not_met(observed, expected, remedy, credit=got)


def evidence(station: Station, topic: str) -> tuple[Evidence, ...] | None:
    """The station's evidence entries of ``topic``; None when no evidence is recorded."""
    if station.functions is None:
        return None
    return tuple(e for e in station.functions if e.topic == topic)


def evidence_items(station: Station, topic: str) -> tuple[str, ...] | None:
    """The items of every entry of ``topic`` together; None when no evidence is recorded."""
    entries = evidence(station, topic)
    if entries is None:
        return None
    return tuple(item for entry in entries for item in entry.items)


def append_evidence(topic: str, items: Sequence[str], on: date | None = None) -> tuple[Change, ...]:
    """The change adding an evidence entry of ``topic`` with ``items`` (dated ``on``)."""
    record: dict[str, Any] = {"topic": topic, "items": list(items)}
    if on is not None:
        record["on"] = on.isoformat()
    return (Change("append", "functions", [record]),)


def evidence_check(
    station: Station,
    topic: str,
    need: Sequence[str],
    *,
    what: Text,
    partial: bool,
    on: date | None = None,
) -> Check:
    """Evidence of ``topic`` holding every item of ``need``; with an empty ``need``, at least
    one item (``what.zh`` names the item a remedy adds). The remedy adds the lacking items to
    the topic's entry, or a new entry (dated ``on``) when the topic has none."""
    entries = evidence(station, topic)
    expected: dict[str, Any] = (
        {"topic": topic, "all_of": list(need)}
        if need
        else {
            "topic": topic,
            "at_least": 1,
        }
    )
    if entries is None:
        return missing("functions", expected)
    items = [item for entry in entries for item in entry.items]
    short = lacking(items, need) if need else ([] if items else [what.zh])
    present = [n for n in need if n in set(items)] if need else items
    observed = {"topic": topic, "present": present, "lacking": short}
    if not short:
        return met(observed, expected)
    if entries:
        change: tuple[Change, ...] = (Change("append", f"functions[topic={topic}].items", short),)
    else:
        change = append_evidence(topic, short, on)
    got = credit(len(need) - len(short), len(need), partial=True) if need and partial else None

    def remedy() -> Remedy:  # built only when a report needs it
        return Remedy(
            Text(f"{what.zh}：补齐 {'、'.join(short)}", f"{what.en}: add {', '.join(short)}"),
            change,
        )

    return not_met(observed, expected, remedy, credit=got)


def year_window(ctx: Context) -> tuple[date, date]:
    """The assessment year up to ``as_of``: records dated inside count for the year."""
    return date(ctx.year, 1, 1), min(ctx.as_of, date(ctx.year, 12, 31))


def in_year(day: date | None, ctx: Context) -> bool:
    """``day`` is recorded and falls in ``year_window``."""
    start, end = year_window(ctx)
    return day is not None and start <= day <= end


def within_days(day: date | None, as_of: date, days: int) -> bool:
    """``day`` is recorded and at most ``days`` before ``as_of`` (both ends included)."""
    return day is not None and as_of - timedelta(days=days) <= day <= as_of

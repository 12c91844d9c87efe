"""Small helpers the requirement modules share: the assessment window, named-list checks,
and looking up generic evidence records.

Evidence topics the plugin reads from ``Station.functions`` (``Evidence(topic, items, on)``):
``integration`` (forces integrated), ``functions`` (functions performed), ``reporting``
(event categories the reporting procedure covers), ``risk_identification`` (risk places
identified in the area), ``first_response`` (first-response tasks prepared), ``publicity``
(publicity themes, dated), ``service_desk`` (services offered).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import Any

from stationkit import Station, Text
from stationkit.records import Evidence
from stationkit.standard import (
    Change,
    Check,
    Context,
    Remedy,
    met,
    missing,
    not_met,
)

#: Builds the structured change that adds the lacking names.
ChangeFor = Callable[[list[str]], tuple[Change, ...]]


def window(ctx: Context) -> tuple[date, date]:
    """The assessment year up to ``as_of``: records dated inside count for the year."""
    start = date(ctx.year, 1, 1)
    return start, min(ctx.as_of, date(ctx.year, 12, 31))


def in_window(day: date | None, ctx: Context) -> bool:
    start, end = window(ctx)
    return day is not None and start <= day <= end


def lacking(have: Iterable[str], required: Sequence[str]) -> list[str]:
    present = set(have)
    return [name for name in required if name not in present]


def names_check(
    have: Iterable[str] | None,
    required: Sequence[str],
    *,
    field: str,
    zh: str,
    en: str,
    change: ChangeFor,
) -> Check:
    """Every name of ``required`` present in ``have``; the remedy adds the lacking ones."""
    expected = {"all_of": list(required)}
    if have is None:
        return missing(field, expected)
    have = list(have)
    short = lacking(have, required)
    observed = sorted(set(have) & set(required), key=list(required).index)
    if not short:
        return met(observed, expected)
    listed = "、".join(short)
    return not_met(
        observed,
        expected,
        Remedy(Text(f"{zh}：补齐 {listed}", f"{en}: add {', '.join(short)}"), change(short)),
    )


def evidence(station: Station, topic: str) -> tuple[Evidence, ...] | None:
    """The station's evidence records of ``topic``; None when no evidence is recorded."""
    if station.functions is None:
        return None
    return tuple(e for e in station.functions if e.topic == topic)


def evidence_items(station: Station, topic: str) -> list[str] | None:
    records = evidence(station, topic)
    if records is None:
        return None
    return [item for record in records for item in record.items]


def append_evidence(topic: str, items: list[str], on: date | None = None) -> tuple[Change, ...]:
    record: dict[str, Any] = {"topic": topic, "items": items}
    if on is not None:
        record["on"] = on.isoformat()
    return (Change("append", "functions", [record]),)


def evidence_check(
    station: Station, topic: str, required: Sequence[str], *, zh: str, en: str
) -> Check:
    """A standing arrangement recorded as evidence of ``topic`` listing every required item."""
    return names_check(
        evidence_items(station, topic),
        required,
        field="functions",
        zh=zh,
        en=en,
        change=lambda short: append_evidence(topic, short),
    )

"""This plugin's own pieces of the requirement predicates: the station scope, ledgers, drills,
the township region, the day a remedy dates a record. Names, evidence, partial credit and date
windows are ``stationkit.standard``'s shared helpers.

Every helper follows the core's rule: ``None`` (not recorded) gives missing evidence, an empty
tuple is a real "none", and a not-met finding carries the smallest record change that meets it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from stationkit import (
    Citation,
    Station,
    Text,
)
from stationkit.records import (
    Drill,
    RecordBook,
    Region,
)
from stationkit.standard import (
    Change,
    Check,
    Context,
    Remedy,
    Requirement,
    Role,
    Scope,
    in_year,
    met,
    missing,
    not_met,
)

#: The kind of station this standard assesses (镇/街道标准化应急管理站).
STATION_KIND = "township_station"

StationPredicate = Callable[[Station, Context], Check]
STATION_SCOPE = Scope("station", frozenset({STATION_KIND}))


def requirement(
    rid: str,
    group: str,
    zh: str,
    en: str,
    cite: Citation,
    predicate: StationPredicate,
    parameters: tuple[str, ...] = (),
    *,
    weight: float = 1.0,
    gate: bool = False,
    monotone: bool = False,
    role: Role = Role.SCORED,
) -> Requirement:
    """A station requirement of this standard (scope: township stations)."""
    return Requirement(
        rid,
        group,
        Text(zh, en),
        cite,
        predicate,
        STATION_SCOPE,
        weight=weight,
        gate=gate,
        role=role,
        monotone=monotone,
        parameters=parameters,
    )


def find_ledger(station: Station, kind: str) -> RecordBook | None:
    for ledger in station.ledgers or ():
        if ledger.kind == kind:
            return ledger
    return None


def ledger_check(
    station: Station, ctx: Context, kind: str, *, max_age_param: str, what: Text
) -> Check:
    """A ledger of ``kind`` with entries, updated no longer ago than the parameter allows."""
    max_age = ctx.integer(max_age_param)
    expected = {"ledger": kind, "entries": "≥ 1", "updated_within_days": max_age}
    # Built only when the ledger fails (most stations keep theirs current).
    fix = Text(f"建立并更新{what.zh}", f"keep the {what.en} current")
    if station.ledgers is None:
        return missing("ledgers", expected)
    record = {"kind": kind, "entries": 1, "updated_on": ctx.as_of.isoformat()}
    ledgers = [entry for entry in station.ledgers if entry.kind == kind]
    if not ledgers:
        return not_met(
            {"ledger": kind, "recorded": False},
            expected,
            Remedy(fix, (Change("append", "ledgers", [record]),)),
        )
    for entry in ledgers:  # any current ledger of the kind will do
        if (
            entry.entries is not None
            and entry.updated_on is not None
            and entry.entries >= 1
            and 0 <= (ctx.as_of - entry.updated_on).days <= max_age
        ):
            return met(
                {
                    "entries": entry.entries,
                    "updated_on": entry.updated_on.isoformat(),
                    "age_days": (ctx.as_of - entry.updated_on).days,
                },
                expected,
            )
    ledger = ledgers[0]  # the one a ``[kind=…]`` path selects
    if ledger.entries is None or ledger.updated_on is None:
        field = "entries" if ledger.entries is None else "updated_on"
        return missing(f"ledgers[kind={kind}].{field}", expected)
    age = (ctx.as_of - ledger.updated_on).days
    observed = {
        "entries": ledger.entries,
        "updated_on": ledger.updated_on.isoformat(),
        "age_days": age,
    }
    changes = [Change("set", f"ledgers[kind={kind}].updated_on", ctx.as_of.isoformat())]
    if ledger.entries < 1:
        changes.append(Change("set", f"ledgers[kind={kind}].entries", 1))
    return not_met(observed, expected, Remedy(fix, tuple(changes)))


def drills_of_year(station: Station, ctx: Context) -> list[Drill]:
    return [d for d in station.drills or () if in_year(d.date, ctx)]


def region_or_missing(station: Station, ctx: Context, expected: Any) -> Region | Check:
    """The station's township region node, or the missing-evidence check saying why not."""
    if station.region is None:
        return missing("region", expected)
    region = ctx.region_of(station)
    if region is None:
        return missing(f"dataset.region[{station.region}]", expected)
    return region


def record_day(ctx: Context) -> date:
    """The day a remedy dates a new record (a drill, a training): ``as_of``, kept inside the
    assessment year so the new record counts for it."""
    if ctx.as_of.year > ctx.year:
        return date(ctx.year, 12, 31)
    return ctx.as_of

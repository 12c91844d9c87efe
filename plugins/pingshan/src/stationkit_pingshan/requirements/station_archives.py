"""Ledgers and archives (台账管理与档案建设 module): PS §三(一)'s seven management rules and
its management ledgers."""

from __future__ import annotations

from stationkit import Station, Text
from stationkit.standard import (
    Change,
    Check,
    Context,
    Requirement,
    names_check,
)
from stationkit_pingshan import citations as c
from stationkit_pingshan.kinds import STATIONS
from stationkit_pingshan.scoring import ARCHIVES


def rules(station: Station, ctx: Context) -> Check:
    return names_check(
        station.rules,
        ctx.names("management_rules"),
        field="rules",
        what=Text("建立管理制度", "adopt the management rules"),
        partial=False,
        change=lambda short: (Change("append", "rules", short),),
    )


def ledgers(station: Station, ctx: Context) -> Check:
    have = None if station.ledgers is None else [x.kind for x in station.ledgers]
    return names_check(
        have,
        ctx.names("ledger_kinds"),
        field="ledgers",
        what=Text("建立管理台账", "keep the management ledgers"),
        partial=False,
        change=lambda short: (Change("append", "ledgers", [{"kind": k} for k in short]),),
    )


REQUIREMENTS = (
    Requirement(
        "archives.rules",
        ARCHIVES,
        Text("七项管理制度", "the seven management rules"),
        c.PS_RULES,
        rules,
        STATIONS,
        monotone=True,
        parameters=("management_rules",),
    ),
    Requirement(
        "archives.ledgers",
        ARCHIVES,
        Text("各类管理台账", "the management ledgers"),
        c.PS_LEDGERS,
        ledgers,
        STATIONS,
        monotone=True,
        parameters=("ledger_kinds",),
    ),
)

"""Safety prevention (安全防控 module): PS §三(三) — regular patrols, reporting at once, and
risk grading and control of the named risk places."""

from __future__ import annotations

from typing import Any

from stationkit import Station, Text
from stationkit.standard import (
    Change,
    Check,
    Context,
    Remedy,
    Requirement,
    evidence_check,
    evidence_items,
    in_year,
    met,
    missing,
    not_met,
    year_window,
)
from stationkit_pingshan import citations as c
from stationkit_pingshan.kinds import STATIONS
from stationkit_pingshan.scoring import PREVENTION


def patrols(station: Station, ctx: Context) -> Check:
    """The patrol ledger holds enough entries and was kept up in the assessment year."""
    kind, want = ctx.text("patrol_ledger"), ctx.integer("patrol_entries_min")
    expected = {"ledger": kind, "min_entries": want, "updated_in": ctx.year}
    _start, day = year_window(ctx)
    if station.ledgers is None:
        return missing("ledgers", expected)
    ledger = next((x for x in station.ledgers if x.kind == kind), None)
    if ledger is None:
        return not_met(
            None,
            expected,
            Remedy(
                Text(
                    f"建立{kind}台账并定期巡查",
                    f"keep a {kind} (patrol) ledger and patrol regularly",
                ),
                (
                    Change(
                        "append",
                        "ledgers",
                        [{"kind": kind, "entries": want, "updated_on": day.isoformat()}],
                    ),
                ),
            ),
        )
    path = f"ledgers[kind={kind}]"
    if ledger.entries is None:
        return missing(f"{path}.entries", expected)
    if ledger.updated_on is None:
        return missing(f"{path}.updated_on", expected)
    observed = {"entries": ledger.entries, "updated_on": ledger.updated_on.isoformat()}
    if ledger.entries >= want and in_year(ledger.updated_on, ctx):
        return met(observed, expected)
    return not_met(
        observed,
        expected,
        Remedy(
            Text(
                f"当年定期巡查并记入台账（不少于{want}条）",
                f"patrol regularly this year and log it (at least {want} entries)",
            ),
            (
                Change("set", f"{path}.entries", max(ledger.entries, want)),
                Change("set", f"{path}.updated_on", day.isoformat()),
            ),
        ),
    )


def reporting(station: Station, ctx: Context) -> Check:
    return evidence_check(
        station,
        "reporting",
        ctx.names("report_categories"),
        what=Text("第一时间上报的事件类别", "report at once"),
        partial=False,
    )


def risk_places(station: Station, ctx: Context) -> Check:
    """Each named risk place identified in the area has a grid with staff (分级管控)."""
    kinds = ctx.names("risk_place_kinds")
    identified = evidence_items(station, "risk_identification")
    expected: dict[str, Any] = {"grid_for_each_identified": list(kinds)}
    if identified is None:
        return missing("functions", expected)
    if not _identification_recorded(station):
        return not_met(
            None,
            expected,
            Remedy(
                Text("开展风险辨识并记录", "identify the risk places and record them"),
                (Change("append", "functions", [{"topic": "risk_identification", "items": []}]),),
            ),
        )
    places = [k for k in kinds if k in identified]
    if not places:
        return met({"identified": []}, expected)
    if station.grids is None:
        return missing("grids", expected)
    staffed = {g.risk_area for g in station.grids if g.staff}
    short = [p for p in places if p not in staffed]
    observed = {"identified": places, "controlled": [p for p in places if p in staffed]}
    if not short:
        return met(observed, expected)
    return not_met(
        observed,
        expected,
        Remedy(
            Text(
                f"对 {'、'.join(short)} 落实分级管控网格和人员",
                f"assign a control grid and staff to {', '.join(short)}",
            ),
            (Change("append", "grids", [{"risk_area": p, "staff": ["待指定"]} for p in short]),),
        ),
    )


def _identification_recorded(station: Station) -> bool:
    """Whether the station recorded a risk identification at all (possibly finding none)."""
    return any(e.topic == "risk_identification" for e in station.functions or ())


def _r(
    rid: str,
    zh: str,
    en: str,
    cite: Any,
    predicate: Any,
    params: tuple[str, ...],
    *,
    monotone: bool = True,
) -> Requirement:
    return Requirement(
        rid,
        PREVENTION,
        Text(zh, en),
        cite,
        predicate,
        STATIONS,
        monotone=monotone,
        parameters=params,
    )


REQUIREMENTS = (
    _r(
        "prevention.patrols",
        "定期安全巡查",
        "regular safety patrols",
        c.PS_PATROLS,
        patrols,
        ("patrol_ledger", "patrol_entries_min"),
    ),
    _r(
        "prevention.reporting",
        "突发事件第一时间上报",
        "report incidents at once",
        c.PS_REPORTING,
        reporting,
        ("report_categories",),
    ),
    _r(
        "prevention.risk_places",
        "重点场所风险辨识与分级管控",
        "risk places identified and controlled",
        c.PS_RISK_PLACES,
        risk_places,
        ("risk_place_kinds",),
        monotone=False,
    ),
)

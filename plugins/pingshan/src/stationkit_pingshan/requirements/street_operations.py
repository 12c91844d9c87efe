"""The street's operations score (运营管理, 60 %): one requirement per module, scored from the
street's stations' evidence.

Each module runs the station checks of that module on every station of the street in
operation (completed by the assessment date, or with no date recorded). A station earns the
weighted share of its applicable checks that are met (or, with
``operations_partial_credit`` false, 1 only when all are met); the module's credit is the mean
over the stations. The finding lists each station's credit and every check still open, and
its remedy gathers the stations' own remedies (paths under ``stations[id=…]``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import attrs

from stationkit import Status, Text
from stationkit.standard import (
    Change,
    Check,
    Context,
    RegionSubject,
    Remedy,
    Requirement,
    credit,
    met,
    not_met,
)
from stationkit_pingshan.kinds import STREETS
from stationkit_pingshan.scoring import GROUPS

_TITLES = {g.id: g.title for g in GROUPS}


@attrs.frozen
class ModuleScore:
    """A module's station checks run over a street's stations: the predicate of the module's
    street-level requirement."""

    module: str
    checks: tuple[Requirement, ...]

    def __call__(self, subject: RegionSubject, ctx: Context) -> Check:
        partial = ctx.flag("operations_partial_credit")
        stations = [
            s for s in subject.stations if s.completed_on is None or s.completed_on <= ctx.as_of
        ]
        expected = {"station_checks": [r.id for r in self.checks], "all": "met"}
        if not stations:
            return not_met(
                {"stations": 0},
                expected,
                Remedy(Text("街道尚无运行中的站点", "the street has no station in operation yet")),
                credit=0.0,
            )
        per_station: dict[str, float] = {}
        open_items: list[dict[str, str]] = []
        changes: list[Change] = []
        zh: list[str] = []
        en: list[str] = []
        any_not_met = False
        for station in stations:
            weight = earned = 0.0
            all_met = True
            for req in self.checks:
                if not req.scope.covers(station):
                    continue
                check: Check = req.predicate(station, ctx)
                if check.status is Status.NOT_APPLICABLE:
                    continue
                got = (
                    check.credit if check.credit is not None else float(check.status is Status.MET)
                )
                weight += req.weight
                earned += req.weight * got
                if check.status is Status.MET:
                    continue
                all_met = False
                any_not_met |= check.status is Status.NOT_MET
                open_items.append(
                    {"station": station.id, "check": req.id, "status": check.status.value}
                )
                if check.remedy is not None and f"{station.id} {check.remedy.text.zh}" not in zh:
                    zh.append(f"{station.id} {check.remedy.text.zh}")
                    en.append(f"{station.id}: {check.remedy.text.en}")
                    changes += [
                        attrs.evolve(ch, path=f"stations[id={station.id}].{ch.path}")
                        for ch in check.remedy.change
                    ]
            if weight:
                # All or nothing: the station earns the module only when every check is met.
                share = credit(earned, weight, partial=True) if partial else float(all_met)
                per_station[station.id] = round(share, 4)
        module_credit = sum(per_station.values()) / len(per_station) if per_station else 0.0
        observed: dict[str, Any] = {
            "stations": per_station,
            "credit": round(module_credit, 4),
            "open": open_items,
        }
        if not open_items:
            return met(observed, expected, credit=1.0)
        remedy = Remedy(Text("；".join(zh), "; ".join(en)), tuple(changes))
        if any_not_met:
            return not_met(observed, expected, remedy, credit=module_credit)
        return Check(Status.MISSING_EVIDENCE, observed, expected, remedy, None, module_credit)


def module_requirement(module: str, checks: Sequence[Requirement], cite: Any) -> Requirement:
    title = _TITLES[module]
    params = tuple(dict.fromkeys(p for r in checks for p in r.parameters))
    return Requirement(
        f"street.operations.{module}",
        module,
        Text(f"运营管理：{title.zh}（街道）", f"operations: {title.en} (street)"),
        cite,
        ModuleScore(module, tuple(checks)),
        STREETS,
        parameters=("operations_partial_credit", *params),
    )

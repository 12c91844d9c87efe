"""Counts a rule reads, from the detailed list when there is one and from the totals otherwise.

Loading has already checked that the two agree where both are recorded. A rule shows which it
used: :meth:`Figure.observed` keeps the rule's usual observation for the detail and gives
``{"value", "source": "summary", "path"}`` for a total.
"""

from __future__ import annotations

from typing import Any

import attrs

from stationkit.records._model import DrillTotal, Station, Team, TrainingTotal, VillageTotals

DETAIL = "detail"
SUMMARY = "summary"


@attrs.frozen
class Figure:
    """A number and where it came from (``detail`` or ``summary``, and the field path)."""

    value: float
    source: str
    path: str

    def observed(self, detail: Any = None) -> Any:
        """What a finding shows: ``detail`` (the rule's usual observation) when the figure
        came from the list, the total with its source and path otherwise."""
        if self.source == DETAIL:
            return self.value if detail is None else detail
        value = int(self.value) if float(self.value).is_integer() else round(self.value, 2)
        return {"value": value, "source": SUMMARY, "path": self.path}


def team_headcount(team: Team, path: str) -> Figure | None:
    if team.members is not None:
        return Figure(len(team.members), DETAIL, f"{path}.members")
    if team.headcount is not None:
        return Figure(team.headcount, SUMMARY, f"{path}.headcount")
    return None


def team_count(team: Team, field: str, member_field: str, path: str) -> Figure | None:
    """How many members have ``member_field`` true (e.g. ``insured``): the roster when every
    member records it, else the team's total ``field``."""
    members = team.members
    if members is not None and all(getattr(m, member_field) is not None for m in members):
        have = sum(getattr(m, member_field) is True for m in members)
        return Figure(have, DETAIL, f"{path}.members[].{member_field}")
    value = getattr(team, field)
    if value is not None:
        return Figure(value, SUMMARY, f"{path}.{field}")
    return None


def training_total(station: Station, year: int, kind: str | None) -> TrainingTotal | None:
    """The recorded total of ``kind`` trainings in ``year``."""
    for total in station.training_totals or ():
        if total.year == year and total.kind == kind:
            return total
    return None


def drill_totals(
    station: Station, year: int, kinds: tuple[str, ...], town: bool | None
) -> list[tuple[int, DrillTotal]]:
    """The recorded drill totals of ``year`` whose kind is in ``kinds`` (any kind when empty)
    and level matches ``town`` (None: either), with their indexes."""
    return [
        (i, t)
        for i, t in enumerate(station.drill_totals or ())
        if t.year == year
        and (not kinds or t.kind in kinds)
        and (town is None or t.town is None or t.town == town)
    ]


def village_totals(station: Station, year: int) -> tuple[int, VillageTotals] | None:
    for i, total in enumerate(station.village_totals or ()):
        if total.year == year:
            return i, total
    return None

"""The assessed period is a calendar year: QZ23 附件2 "综合应急救援队伍每年集中训练不少于2次"
counts the trainings of the year assessed (1 January – 31 December), not the 365 days
before as_of, and not necessarily the year of as_of."""

from __future__ import annotations

from datetime import date
from typing import Any

import attrs
import pytest
from stationkit_quanzhou.standard import STANDARD

import stationkit as sk
from stationkit.records import Training


def _with_trainings(qz: Any, *days: date) -> sk.Station:
    station: sk.Station = qz.station("2023")
    kind = next(t.kind for t in station.trainings or () if t.kind)
    trainings = tuple(Training(d, "集中训练", kind, 30, True, True) for d in days)
    return attrs.evolve(station, trainings=trainings)


def _trainings(station: sk.Station, as_of: date, period: int | None) -> sk.Finding:
    report = sk.assess(station, STANDARD, "2023", as_of=as_of, period=period)
    return report.finding("rescue.trainings")


def test_assessing_2023_on_2024_01_15_counts_only_2023(qz: Any) -> None:
    station = _with_trainings(qz, date(2023, 3, 1), date(2024, 1, 10))
    in_2023 = _trainings(station, date(2024, 1, 15), 2023)
    assert in_2023.status is sk.Status.NOT_MET and in_2023.observed == 1
    # A rolling 365 days would count both; the calendar year 2024 counts only January's.
    assert _trainings(station, date(2024, 1, 15), 2024).observed == 1
    both = _with_trainings(qz, date(2023, 3, 1), date(2023, 12, 31))
    assert _trainings(both, date(2024, 1, 15), 2023).status is sk.Status.MET


def test_the_period_defaults_to_the_year_of_as_of(qz: Any) -> None:
    station = _with_trainings(qz, date(2023, 3, 1), date(2023, 6, 1))
    report = sk.assess(station, STANDARD, "2023", as_of=date(2023, 9, 30))
    assert report.period == 2023
    assert sk.assess(station, STANDARD, "2023", as_of=date(2024, 1, 15)).period == 2024


def test_a_year_not_yet_begun_is_refused(qz: Any) -> None:
    with pytest.raises(sk.StationkitError, match="2025"):
        sk.assess(qz.station("2023"), STANDARD, "2023", as_of=date(2024, 1, 15), period=2025)


def test_the_edition_in_force_for_a_year() -> None:
    assert STANDARD.edition_for(2023).edition == "2023"
    assert STANDARD.edition_for(2024).edition == "2023"  # QZ25 is not yet in force
    assert STANDARD.edition_for(2026).edition == "2025"

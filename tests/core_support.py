"""Helpers of the core's tests (importable: tests/ is on pytest's pythonpath)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import stationkit as sk
import stationkit.records

DATA = Path(__file__).parent / "data"
AS_OF = date(2024, 6, 30)


def make_station(
    members: int = 30,
    age: int = 35,
    phones: int | None = 1,
    screen: float | None = 100.0,
    sid: str = "s1",
) -> sk.Station:
    team = sk.records.Team(
        "rescue", members=tuple(sk.records.Member(f"m{i}", age=age) for i in range(members))
    )
    comms = sk.records.Communications(satellite_phones=phones, screen_inches=screen)
    return sk.Station(
        id=sid, name=f"station {sid}", kind="post", teams=(team,), communications=comms
    )

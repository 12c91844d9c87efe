"""QZ25 §四(四)2 "优秀等级控制在30%以内" caps a population: the cap counts the population
declared (``population`` / ``--cap-over``), and grades computed without it are provisional."""

from __future__ import annotations

import json
from io import StringIO
from typing import Any

import attrs
from stationkit_quanzhou.plugin import SAMPLES_DIR
from stationkit_quanzhou.standard import STANDARD

import stationkit as sk
from stationkit.cli._main import main


def _assess(qz: Any, batch: list[sk.Station], population: list[sk.Station] | None) -> list[Any]:
    ds = qz.dataset("2025")
    return sk.assess_batch(
        batch, STANDARD, "2025", as_of=qz.as_of["2025"], dataset=ds, population=population
    )


def test_alone_a_station_may_be_excellent_provisionally(qz: Any) -> None:
    hubin = qz.station("2025", "qz-2025-hubin")
    alone = qz.report(hubin, "2025")
    assert alone.grade == "excellent" and alone.grade_provisional


def test_the_cap_counts_the_declared_population(qz: Any) -> None:
    ds = qz.dataset("2025")
    hubin = qz.station("2025", "qz-2025-hubin")
    (of_four,) = _assess(qz, [hubin], list(ds.stations))
    # 30 % of 4 stations is 1: 蚶江 (100) holds it, 湖滨 is 良好, and that is final.
    assert of_four.grade == "good" and of_four.rank_capped
    assert not of_four.grade_provisional and of_four.rank_population == 4
    weaker = [
        attrs.evolve(qz.station("2025", "qz-2025-xiangzhi"), id=f"weak-{i}") for i in range(6)
    ]
    (of_ten,) = _assess(qz, [hubin], [*ds.stations, *weaker])
    assert of_ten.grade == "excellent" and not of_ten.rank_capped  # 3 of 10 may be 优秀
    assert of_ten.rank_population == 10


def test_cli_cap_over(qz: Any) -> None:
    out = StringIO()
    sample = str(SAMPLES_DIR / "shishi_2025.yaml")
    argv = ["assess", sample, "--standard", "quanzhou@2025", "--as-of", "2025-11-15"]
    main([*argv, "--format", "json", "--subject", "station", "--cap-over", sample], out=out)
    reports = json.loads(out.getvalue())["reports"]
    assert {r["rank_population"] for r in reports} == {4}
    assert not any(r["grade_provisional"] for r in reports)
    out = StringIO()
    main([*argv, "--format", "json", "--subject", "station"], out=out)
    hubin = next(
        r for r in json.loads(out.getvalue())["reports"] if r["subject"]["id"] == "qz-2025-hubin"
    )
    assert hubin["grade_provisional"]  # no population declared

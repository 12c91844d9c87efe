"""Shenzhen's station words: kinds and sub-kinds as the documents name them give the same
reports as the codes; a sub-kind written as a kind is refused with a hint."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from stationkit_pingshan.plugin import SAMPLES_DIR

from stationkit.cli._main import main


def _assess(
    tmp_path: Path, data: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> tuple[int, Any, str]:
    path = tmp_path / "stations.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    out = io.StringIO()
    argv = ["assess", str(path), "--standard", "pingshan@2024", "--as-of", "2024-12-31"]
    code = main([*argv, "--format", "json"], out=out)
    text = out.getvalue()
    return code, json.loads(text) if text else None, capsys.readouterr().err


def _data() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(
        (SAMPLES_DIR / "pingshan_2024.yaml").read_text(encoding="utf-8")
    )
    return data


WORDS = {
    "community": ("社区类", "社区站"),
    "industrial_park": ("工业园区站", "工业园区类"),
    "street": ("街面类", "街面站"),
}
SUB_WORDS = {
    "street_centre": "街道中心站",
    "mall": "大型商超站",
    "hospital": "医院站",
    "small": "小型站",
    "other": "其他",
}


def test_kinds_and_sub_kinds_in_the_documents_words_give_the_same_reports(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = _data()
    _, reference, _ = _assess(tmp_path, data, capsys)
    for i, station in enumerate(data["stations"]):
        station["kind"] = WORDS[station["kind"]][i % 2]
        if station.get("sub_kind") in SUB_WORDS:
            station["sub_kind"] = SUB_WORDS[station["sub_kind"]]
    _code, written, _ = _assess(tmp_path, data, capsys)
    assert written == reference
    assert len(reference["reports"]) == len(written["reports"])


def test_a_sub_kind_written_as_the_kind_is_refused_with_a_hint(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = _data()
    data["stations"][0]["kind"] = "大型商超站"
    code, result, err = _assess(tmp_path, data, capsys)
    assert code == 2 and result is None
    assert "stations[0] (id 440310001-S01).kind" in err and "'大型商超站'" in err
    assert "station_sub_kind (mall)" in err


def _statuses(data: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Any:
    _, result, _ = _assess(tmp_path, data, capsys)
    keep = ("publicity.evacuation_drills", "rescue.team_size")
    return {
        (r["subject"]["id"], f["requirement"]): f["status"]
        for r in result["reports"]
        for f in r["findings"]
        if f["requirement"] in keep
    }


def test_team_and_drill_totals_give_the_statuses_of_the_lists(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = _data()
    reference = _statuses(data, tmp_path, capsys)
    for station in data["stations"]:
        for team in station.get("teams") or ():
            if team.get("members") is not None:
                team["headcount"] = len(team.pop("members"))
        drills = station.pop("drills", None)
        if drills is not None:
            kinds: dict[str, int] = {}
            for drill in drills:
                if str(drill["date"]).startswith("2024"):
                    kinds[drill["kind"]] = kinds.get(drill["kind"], 0) + 1
            kinds.setdefault("应急疏散演练", 0)
            station["drill_totals"] = [
                {"year": 2024, "kind": kind, "count": n} for kind, n in kinds.items()
            ]
    written = _statuses(data, tmp_path, capsys)
    assert written == reference
    assert any(s == "met" for s in written.values())

"""Alarm channels, wall maps (escape provisions), rules (制度), team groups, member roles,
training skills and evidence items written in the documents' own words (or a clerk's
variant) give the verdict of the codes; a team group that is neither of the two is refused
with exit 2 naming the file, the path and the word; ``--set`` maps the documents' words."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from stationkit_pingshan.plugin import SAMPLES_DIR
from stationkit_pingshan.standard import STANDARD

from stationkit.assessment import assess_dataset
from stationkit.cli._main import main
from stationkit.records import dataset_from_data
from stationkit.report._json import report_to_json
from stationkit.standard import vocabularies_for

SAMPLE = SAMPLES_DIR / "pingshan_2024.yaml"
AS_OF = "2024-12-31"
STREET = "440310001-S01"
VOCABS = vocabularies_for(STANDARD, "2024")


def _data() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(SAMPLE.read_text(encoding="utf-8"))
    return data


def _station(data: dict[str, Any], sid: str = STREET) -> dict[str, Any]:
    station: dict[str, Any] = next(s for s in data["stations"] if s["id"] == sid)
    return station


def _team(station: dict[str, Any]) -> dict[str, Any]:
    team: dict[str, Any] = next(t for t in station["teams"] if t["kind"] == "rescue")
    return team


def _assess(
    tmp_path: Path, data: dict[str, Any], *extra: str, capsys: pytest.CaptureFixture[str]
) -> tuple[int, dict[str, Any] | None, str]:
    path = tmp_path / "stations.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    out = io.StringIO()
    argv = ["assess", str(path), "--standard", "pingshan@2024", "--as-of", AS_OF]
    code = main([*argv, "--format", "json", *extra], out=out)
    err = capsys.readouterr().err
    return code, (json.loads(out.getvalue()) if out.getvalue() else None), err


def _finding(result: dict[str, Any] | None, req: str, sid: str = STREET) -> dict[str, Any]:
    assert result is not None
    report = next(r for r in result["reports"] if r["subject"]["id"] == sid)
    finding: dict[str, Any] = next(f for f in report["findings"] if f["requirement"] == req)
    return finding


def test_the_documents_words_give_the_verdicts_of_the_codes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reference = _assess(tmp_path, _data(), capsys=capsys)
    data = _data()
    station = _station(data)
    station["communications"]["alarm_channels"] = [
        "119",
        "街道办事处",
        "警务室",
        "群众来电",
        "上门求助",
    ]
    station["wall_maps"] = ["疏散路线图", "避难场所"]
    station["rules"] = [
        "应急值守制度",
        "紧急出动制度",
        "训练培训制度",
        "应急演练制度",
        "分析评估制度",
        "物资装备管理制度",
        "考勤和奖惩制度",
    ]
    station["warehouse"]["rules"] = ["日常管理制度", "维修保养制度", "物资调配制度"]
    team = _team(station)
    team["groups"] = ["处置组", "安全巡查小组"]
    roles = {"队长": "正队长", "通信员": "通讯员", "安全员": "安全員"}
    for member in team["members"]:
        member["role"] = roles.get(member.get("role"), member.get("role"))
    for training in station["trainings"]:
        if training.get("skills"):
            training["skills"] = ["会逃生", "救人", "报警", "灭火", "逃生技能", "灭火器使用"]
    for entry in station["functions"]:
        if entry["topic"] == "first_response":
            entry["items"] = ["先期处置", "救治伤员", "疏散人员", "维护秩序"]
    code, result, err = _assess(tmp_path, data, capsys=capsys)
    assert (code, err) == reference[0::2]
    for req in (
        "command.alarm_channels",
        "command.escape",
        "archives.rules",
        "rescue.store",
        "rescue.team_groups",
        "rescue.team_officers",
        "publicity.core_skills",
        "command.first_response",
    ):
        assert _finding(result, req) == _finding(reference[1], req), req
        assert _finding(result, req)["status"] == "met", req


def test_a_third_team_group_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = _data()
    _team(_station(data))["groups"] = ["应急处置组", "后勤保障组"]
    code, result, err = _assess(tmp_path, data, capsys=capsys)
    assert code == 2 and result is None
    assert "stations.yaml" in err and ".groups[1]" in err
    assert "'后勤保障组'" in err and "team_group" in err


def test_set_maps_alarm_channels_and_refuses_unknown_ones(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    coded = _assess(tmp_path, _data(), "--set", "alarm_channels=119平台,街道办", capsys=capsys)
    words = _assess(tmp_path, _data(), "--set", "alarm_channels=119,街道办事处", capsys=capsys)
    assert coded[1] is not None and words[1] is not None
    assert coded[1]["reports"] == words[1]["reports"]
    code, result, err = _assess(
        tmp_path, _data(), "--set", "alarm_channels=119平台,110平台", capsys=capsys
    )
    assert code == 2 and result is None
    assert "alarm_channels" in err and "'110平台'" in err and "did you mean" in err


def _reports(data: dict[str, Any]) -> list[dict[str, Any]]:
    dataset = dataset_from_data(data, vocabularies=VOCABS)
    reports = assess_dataset(dataset, STANDARD, "2024", as_of=date(2024, 12, 31), subjects="all")
    return [report_to_json(r) for r in reports]


_REFERENCE = _reports(_data())


def _respell(words: list[str], vocab_id: str, data: st.DataObject) -> list[str]:
    vocab = VOCABS[vocab_id]
    out = []
    for word in words:
        code = vocab.lookup(word)
        spellings = [s for s in vocab.term(code).spellings() if s] if code else [word]
        out.append(data.draw(st.sampled_from(spellings), label=f"{vocab_id}:{word}"))
    return out


@settings(
    max_examples=10, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)
@given(st.data())
def test_aliases_change_nothing(data: st.DataObject) -> None:
    """The first stations' words of these fields replaced by random spellings of their terms:
    the reports are those of the codes."""
    raw = _data()
    for station in raw["stations"][:6]:
        comms = station.get("communications") or {}
        if comms.get("alarm_channels"):
            comms["alarm_channels"] = _respell(comms["alarm_channels"], "alarm_channel", data)
        if station.get("wall_maps"):
            station["wall_maps"] = _respell(station["wall_maps"], "wall_map", data)
        if station.get("rules"):
            station["rules"] = _respell(station["rules"], "rule", data)
        for team in station.get("teams") or ():
            if team.get("groups"):
                team["groups"] = _respell(team["groups"], "team_group", data)
            for member in team.get("members") or ():
                if member.get("role"):
                    member["role"] = _respell([member["role"]], "member_role", data)[0]
        for training in station.get("trainings") or ():
            if training.get("skills"):
                training["skills"] = _respell(training["skills"], "training_skill", data)
        for entry in station.get("functions") or ():
            entry["items"] = _respell(entry["items"], "evidence_item", data)
    assert _reports(raw) == _REFERENCE


def test_kit_and_training_topics_in_the_documents_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reference = _assess(tmp_path, _data(), capsys=capsys)
    data = _data()
    station = _station(data)
    spelt = {"消防泵": "手抬机动消防泵", "个人防护": "个人防护装备", "应急通信": "应急通信设备"}
    for item in station["equipment"]:
        item["item"] = spelt.get(item["item"], item["item"])
    topics = {"交通安全": "交通安全知识", "用电用气安全": "用电、用气安全"}
    for training in station["trainings"]:
        training["topic"] = topics.get(training["topic"], training["topic"])
    code, result, err = _assess(tmp_path, data, capsys=capsys)
    assert (code, err) == reference[0::2]
    for req in ("rescue.required_kit", "publicity.safety_topics"):
        assert _finding(result, req) == _finding(reference[1], req), req
        assert _finding(result, req)["status"] == "met", req


def test_region_kinds_in_chinese_give_the_streets_verdicts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reference = _assess(tmp_path, _data(), "--subject", "region", capsys=capsys)
    data = _data()
    chinese = {"community": "社区", "industrial_park": "工业园区", "street": "街道办事处"}

    def rename(node: dict[str, Any]) -> None:
        node["kind"] = chinese.get(node.get("kind") or "", node.get("kind"))
        for child in node.get("children") or ():
            rename(child)

    rename(data["region"])
    written = _assess(tmp_path, data, "--subject", "region", capsys=capsys)
    assert written[0] == reference[0]
    assert written[1] is not None and reference[1] is not None
    assert written[1]["reports"] == reference[1]["reports"]

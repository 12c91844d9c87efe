"""Wall maps, rules (制度), publicity sections, the merged duty lines, evidence items, the
command platforms and the screen type written in the documents' own words (or a clerk's
variant) give the verdict of the codes; a word of a closed vocabulary that is no term is
refused with exit 2 naming the file, the path and the word; ``--set`` takes the documents'
words too and refuses unknown ones naming the parameter."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import stationkit_quanzhou
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from stationkit_quanzhou.standard import STANDARD

from stationkit.assessment import Assessor, assess_dataset
from stationkit.cli._main import main
from stationkit.errors import TailoringError
from stationkit.records import dataset_from_data
from stationkit.report._json import report_to_json
from stationkit.standard import vocabularies_for

SAMPLE = Path(stationkit_quanzhou.__file__).parent / "samples" / "shishi_2025.yaml"
AS_OF = "2025-11-15"
DAY = date(2025, 11, 15)
HANJIANG = "qz-2025-hanjiang"

#: Field → (where in the station, the vocabulary): the fields this change maps.
FIELDS: dict[str, tuple[tuple[str, ...], str]] = {
    "wall_maps": (("wall_maps",), "wall_map"),
    "rules": (("rules",), "rule"),
    "warehouse.rules": (("warehouse", "rules"), "rule"),
    "communications.linked_platforms": (("communications", "linked_platforms"), "platform_level"),
    "duty.merged_duties": (("duty", "merged_duties"), "merged_duty"),
}


def _data() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(SAMPLE.read_text(encoding="utf-8"))
    return data


def _station(data: dict[str, Any], sid: str = HANJIANG) -> dict[str, Any]:
    station: dict[str, Any] = next(s for s in data["stations"] if s["id"] == sid)
    return station


def _assess(
    tmp_path: Path, data: dict[str, Any], *extra: str, capsys: pytest.CaptureFixture[str]
) -> tuple[int, dict[str, Any] | None, str]:
    path = tmp_path / "stations.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    out = io.StringIO()
    argv = ["assess", str(path), "--standard", "quanzhou@2025", "--as-of", AS_OF]
    code = main([*argv, "--format", "json", *extra], out=out)
    err = capsys.readouterr().err
    return code, (json.loads(out.getvalue()) if out.getvalue() else None), err


def _finding(result: dict[str, Any] | None, req: str, sid: str = HANJIANG) -> dict[str, Any]:
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
    # As a clerk copies them from QZ23 附件2 and QZ25 §四, with and without 图/制度 and in
    # full-width or traditional characters.
    station["wall_maps"] = ["防汛防台形势图", "地灾风险点的图", "避災點分佈圖"]
    station["rules"] = ["统筹", "议事", "决策", "会商", "调度制度"]
    station["warehouse"]["rules"] = [
        "紧急采购制度",
        "维护检测管理制度",
        "分发使用制度",
        "回收報廢",
        "核销补库制度",
    ]
    station["communications"]["linked_platforms"] = ["省级", "泉州市", "石狮市"]
    station["communications"]["screen_type"] = "液晶显示屏"
    station["duty"]["merged_duties"] = ["政务值班值守", "安全生产值班", "防灾减灾救灾", "应急救援"]
    for column in station["publicity"]:
        if column.get("sections"):
            column["sections"] = ["安全生产栏目", "防灾减灾", "应急自救互救常识", "曝光台"]
    code, result, err = _assess(tmp_path, data, capsys=capsys)
    assert (code, err) == reference[0::2]
    for req in (
        "plans.wall_maps",
        "mechanism.governance",
        "warehouse.rules",
        "command.platform_links",
        "command.screen",
        "mechanism.four_in_one",
        "publicity.column",
    ):
        assert _finding(result, req) == _finding(reference[1], req), req
        assert _finding(result, req)["status"] == "met", req


def test_an_unknown_wall_map_is_listed_and_never_taken_for_a_required_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = _data()
    _station(data)["wall_maps"] = ["防汛防台风形势图", "地质灾害风险点图", "人员转移路线图"]
    _code, result, _err = _assess(tmp_path, data, capsys=capsys)
    finding = _finding(result, "plans.wall_maps")
    assert finding["status"] == "not_met"
    assert finding["observed"]["lacking"] == ["避灾点分布图"]
    assert result is not None
    report = next(r for r in result["reports"] if r["subject"]["id"] == HANJIANG)
    assert any(
        u["word"] == "人员转移路线图" and u["vocabulary"] == "wall_map"
        for u in report["unrecognised"]
    )


def test_a_merged_duty_that_is_none_of_the_four_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = _data()
    _station(data)["duty"]["merged_duties"] = ["政务值班", "安全生产", "防灾减灾", "应急值班"]
    code, result, err = _assess(tmp_path, data, capsys=capsys)
    assert code == 2 and result is None
    assert "stations.yaml" in err
    assert "duty.merged_duties[3]" in err
    assert "'应急值班'" in err and "merged_duty" in err


def test_a_bare_city_is_refused_as_a_platform_level(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = _data()
    _station(data)["communications"]["linked_platforms"] = ["省", "市", "县级"]
    code, _result, err = _assess(tmp_path, data, capsys=capsys)
    assert code == 2
    assert "communications.linked_platforms[1]" in err and "'市'" in err


def test_set_takes_the_documents_words(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    coded = _assess(
        tmp_path, _data(), "--set", "wall_maps=防汛防台风形势图,避灾点分布图", capsys=capsys
    )
    words = _assess(tmp_path, _data(), "--set", "wall_maps=防汛防台形势图, 避灾点图", capsys=capsys)
    assert coded[0] == words[0]
    assert coded[1] is not None and words[1] is not None
    assert coded[1]["reports"] == words[1]["reports"]
    assert _finding(words[1], "plans.wall_maps")["expected"] == {
        "all_of": ["防汛防台风形势图", "避灾点分布图"]
    }


def test_set_refuses_an_unknown_word_naming_the_parameter(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, result, err = _assess(
        tmp_path, _data(), "--set", "wall_maps=防汛防台风形势图,避灾点分部图", capsys=capsys
    )
    assert code == 2 and result is None
    assert "wall_maps" in err and "'避灾点分部图'" in err
    assert "did you mean 避灾点分布图" in err
    assert "Traceback" not in err


def test_python_parameters_are_mapped_the_same() -> None:
    assessor = Assessor(
        STANDARD, "2025", as_of=DAY, parameters={"merged_duties": ["政务值守", "三防"]}
    )
    assert assessor.values["merged_duties"] == ("政务值班", "防汛抗旱")
    with pytest.raises(TailoringError, match=r"merged_duties.*'值班'"):
        Assessor(STANDARD, "2025", as_of=DAY, parameters={"merged_duties": ["政务值班", "值班"]})


# -- the property: aliases change nothing ----------------------------------------------------

_VOCABS = vocabularies_for(STANDARD, "2025")


def _reports(data: dict[str, Any]) -> list[dict[str, Any]]:
    dataset = dataset_from_data(data, vocabularies=_VOCABS)
    reports = assess_dataset(dataset, STANDARD, "2025", as_of=DAY, subjects="all")
    return [report_to_json(r) for r in reports]


_REFERENCE = _reports(_data())


@settings(
    max_examples=15, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)
@given(st.data())
def test_aliases_change_nothing(data: st.DataObject) -> None:
    """Every code of these fields (in every station) replaced by a random spelling of its
    term: the reports are those of the codes."""
    raw = _data()
    for station in raw["stations"]:
        for path, vocab_id in FIELDS.values():
            holder: Any = station
            for part in path[:-1]:
                holder = holder.get(part) if isinstance(holder, dict) else None
            words = holder.get(path[-1]) if isinstance(holder, dict) else None
            if not words:
                continue
            vocab = _VOCABS[vocab_id]
            spelt = []
            for word in words:
                code = vocab.lookup(word)
                assert code is not None, (vocab_id, word)
                spellings = [s for s in vocab.term(code).spellings() if s]
                spelt.append(data.draw(st.sampled_from(spellings), label=f"{vocab_id}:{code}"))
            holder[path[-1]] = spelt
        for entry in station.get("functions") or ():
            vocab = _VOCABS["evidence_item"]
            entry["items"] = [
                data.draw(st.sampled_from([s for s in vocab.term(c).spellings() if s]))
                if (c := vocab.lookup(item)) is not None
                else item
                for item in entry["items"]
            ]
    assert _reports(raw) == _REFERENCE


def _mountain_drills(data: dict[str, Any], hazards: list[str]) -> dict[str, Any]:
    town = next(c for c in data["region"]["children"] if c["name"] == "蚶江镇")
    town["mountainous"] = True
    station = _station(data)
    station["drills"][0]["hazards"] = hazards
    return data


def test_sign_and_drill_hazards_in_the_documents_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    coded = _assess(tmp_path, _mountain_drills(_data(), ["山洪", "地质灾害"]), capsys=capsys)
    data = _mountain_drills(_data(), ["山洪灾害", "地灾"])
    sign = _station(data)["signs"][0]
    sign["location"], sign["logo"] = "外墙醒目位置", "「安安」"
    words = _assess(tmp_path, data, capsys=capsys)
    for req in ("org.sign", "plans.mountain_drills"):
        assert _finding(words[1], req) == _finding(coded[1], req), req
        assert _finding(words[1], req)["status"] == "met", req
    # A place that is not the outer wall is listed, never taken for it.
    sign["location"] = "大厅内"
    _code, result, _err = _assess(tmp_path, data, capsys=capsys)
    assert _finding(result, "org.sign")["status"] != "met"

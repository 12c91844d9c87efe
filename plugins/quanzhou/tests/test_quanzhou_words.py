"""The data clerks write: the documents' own words, region names, and unknown words refused.

Each example of issue 11 is here: the word as a county clerk writes it gives the verdict the
documents give (the same report as the code), or the file is refused with exit 2 naming the
file, the field path, the word and the closest terms.
"""

from __future__ import annotations

import copy
import io
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import stationkit_quanzhou
import yaml
from stationkit_quanzhou.standard import STANDARD

from stationkit.cli._main import main

SAMPLE = Path(stationkit_quanzhou.__file__).parent / "samples" / "shishi_2025.yaml"
AS_OF = "2025-11-15"
HANJIANG = "qz-2025-hanjiang"


def _data() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(SAMPLE.read_text(encoding="utf-8"))
    return data


def _station(data: dict[str, Any], sid: str = HANJIANG) -> dict[str, Any]:
    station: dict[str, Any] = next(s for s in data["stations"] if s["id"] == sid)
    return station


def _town(data: dict[str, Any], name: str) -> dict[str, Any]:
    town: dict[str, Any] = next(c for c in data["region"]["children"] if c["name"] == name)
    return town


def _assess(
    tmp_path: Path, data: dict[str, Any], *extra: str, capsys: pytest.CaptureFixture[str]
) -> tuple[int, dict[str, Any] | None, str]:
    path = tmp_path / "stations.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    out = io.StringIO()
    code = main(
        [
            "assess",
            str(path),
            "--standard",
            "quanzhou@2025",
            "--as-of",
            AS_OF,
            "--format",
            "json",
            *list(extra),
        ],
        out=out,
    )
    err = capsys.readouterr().err
    return code, (json.loads(out.getvalue()) if out.getvalue() else None), err


def _finding(result: dict[str, Any] | None, sid: str, req: str) -> dict[str, Any]:
    assert result is not None
    report = next(r for r in result["reports"] if r["subject"]["id"] == sid)
    finding: dict[str, Any] = next(f for f in report["findings"] if f["requirement"] == req)
    return finding


def test_enterprise_kind_in_the_documents_word_makes_the_plan_required(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = _data()
    _town(data, "蚶江镇")["enterprise_kinds"] = ["危险化学品", "工贸企业"]
    plans = _station(data)["plans"]
    _station(data)["plans"] = [p for p in plans if not p["type"].startswith("危险化学品")]
    code, result, _ = _assess(tmp_path, data, capsys=capsys)
    assert code == 1
    finding = _finding(result, HANJIANG, "plans.conditional.hazardous_chemicals")
    assert finding["status"] == "not_met"  # not "not_applicable": the firms are there


def test_special_and_comprehensive_drills_count_as_the_town_drill(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = _data()
    station = _station(data)
    for drill in station["drills"]:
        if drill.get("village") is None:
            drill["kind"] = "专项应急演练"
    _, written, _ = _assess(tmp_path, data, capsys=capsys)
    _, reference, _ = _assess(tmp_path, _data(), capsys=capsys)
    for req in ("plans.town_drill", "plans.response.arrived"):
        assert _finding(written, HANJIANG, req)["status"] == "met"
        assert _finding(written, HANJIANG, req) == _finding(reference, HANJIANG, req)
    station["drills"][0]["kind"] = "综合性应急演练"
    _, again, _ = _assess(tmp_path, data, capsys=capsys)
    assert _finding(again, HANJIANG, "plans.town_drill")["status"] == "met"


def test_plan_titles_as_filed_meet_the_required_plans_and_say_which(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = _data()
    filed = {
        "突发事件总体应急预案": "XX镇突发事件总体应急预案",
        "防溺水事件应急预案": "防溺水应急预案",
        "森林火灾应急预案": "森林防火应急预案",
        "自然灾害救助应急预案": "蚶江镇自然灾害救助应急预案(2024年修订)",
        "处置突发群体性事件应急预案": "石狮市蚶江镇群体性事件应急预案",
    }
    for plan in _station(data)["plans"]:
        plan["type"] = filed.get(plan["type"], plan["type"])
    _code, result, _ = _assess(tmp_path, data, capsys=capsys)
    finding = _finding(result, HANJIANG, "plans.required")
    assert finding["status"] == "met"
    assert finding["observed"]["filed_as"] == {
        "突发事件总体应急预案": "XX镇突发事件总体应急预案",
        "防溺水事件应急预案": "防溺水应急预案",
        "森林火灾应急预案": "森林防火应急预案",
        "自然灾害救助应急预案": "蚶江镇自然灾害救助应急预案(2024年修订)",
        "处置突发群体性事件应急预案": "石狮市蚶江镇群体性事件应急预案",
    }


def test_an_enforcement_post_in_chinese_is_not_counted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = _data()
    _, reference, _ = _assess(tmp_path, data, capsys=capsys)
    for post in _station(data)["posts"]:
        if post.get("category") == "enforcement":
            post["category"] = "执法"
    _, written, _ = _assess(tmp_path, data, capsys=capsys)
    assert _finding(written, HANJIANG, "org.posts") == _finding(reference, HANJIANG, "org.posts")


@pytest.mark.parametrize(
    ("sid", "region"),
    [
        (HANJIANG, "蚶江镇"),
        (HANJIANG, "蚶江"),
        (HANJIANG, "石狮市蚶江镇"),
        ("qz-2025-hubin", "石狮市湖滨街道"),
        ("qz-2025-hubin", "湖滨"),
    ],
)
def test_a_region_written_by_name_is_the_same_region(
    sid: str, region: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = _data()
    _, reference, _ = _assess(tmp_path, data, capsys=capsys)
    _station(data, sid)["region"] = region
    _code, written, _ = _assess(tmp_path, data, capsys=capsys)
    assert written == reference


def test_an_ambiguous_region_name_lists_the_candidates(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = _data()
    # A second 永宁 (a village of 蚶江镇): 永宁 now names two unrelated nodes.
    _town(data, "蚶江镇")["children"].append(
        {"code": "350581100299", "name": "永宁村", "level": "village", "kind": "village"}
    )
    _station(data)["region"] = "永宁"
    code, result, err = _assess(tmp_path, data, capsys=capsys)
    assert code == 2 and result is None
    assert "stations.yaml" in err and f"stations[0] (id {HANJIANG}).region" in err
    assert "ambiguous" in err and "350581101" in err and "350581100299" in err


def test_an_unknown_region_is_refused_with_suggestions(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = _data()
    _station(data)["region"] = "蚶江街道"
    code, _, err = _assess(tmp_path, data, capsys=capsys)
    assert code == 2
    assert "'蚶江街道'" in err and "did you mean" in err and "蚶江镇" in err


@pytest.mark.parametrize(
    ("field", "word", "vocabulary", "suggestion"),
    [
        (("posts", 6, "category"), "执法队", "post_category", "enforcement"),
        (("drills", 0, "kind"), "专项应急演习", "drill_kind", "专项演练"),
        (("teams", 0, "kind"), "救援分队", "team_kind", "rescue"),
        (("kind",), "乡镇应急站点", "station_kind", "township_station"),
    ],
)
def test_an_unknown_word_exits_2_naming_file_path_word_and_suggestions(
    field: tuple[Any, ...],
    word: str,
    vocabulary: str,
    suggestion: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    data = _data()
    target: Any = _station(data)
    for key in field[:-1]:
        target = target[key]
    target[field[-1]] = word
    code, result, err = _assess(tmp_path, data, capsys=capsys)
    assert code == 2 and result is None
    path = ".".join(str(k) for k in field).replace(".0.", "[0].").replace(".6.", "[6].")
    assert f"stations[0] (id {HANJIANG}).{path}" in err
    assert repr(word) in err and vocabulary in err and suggestion in err
    assert "stations.yaml" in err


def test_lenient_keeps_the_word_and_lists_it_as_unrecognised(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = _data()
    _station(data)["drills"][0]["kind"] = "专项应急演习"
    code, result, _ = _assess(tmp_path, data, "--lenient", capsys=capsys)
    assert code in (0, 1) and result is not None
    report = next(r for r in result["reports"] if r["subject"]["id"] == HANJIANG)
    (entry,) = report["unrecognised"]
    assert entry["word"] == "专项应急演习" and entry["vocabulary"] == "drill_kind"
    assert entry["path"] == f"stations[0] (id {HANJIANG}).drills[0].kind"
    assert any("专项演练" in s for s in entry["suggestions"])


def test_an_open_vocabulary_keeps_an_extra_plan_and_lists_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = _data()
    _, reference, _ = _assess(tmp_path, data, capsys=capsys)
    _station(data)["plans"].append({"type": "防范台风“三停”工作方案"})
    _code, result, _ = _assess(tmp_path, data, capsys=capsys)
    assert result is not None
    report = next(r for r in result["reports"] if r["subject"]["id"] == HANJIANG)
    assert [u["word"] for u in report["unrecognised"]] == ["防范台风“三停”工作方案"]
    assert _finding(result, HANJIANG, "plans.required") == _finding(
        reference, HANJIANG, "plans.required"
    )


def test_a_sub_kind_the_standard_does_not_know_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = _data()
    _station(data)["sub_kind"] = "大型商超站"
    code, _, err = _assess(tmp_path, data, capsys=capsys)
    assert code == 2 and "station_sub_kind" in err and "'大型商超站'" in err


def test_the_default_loader_maps_core_words_without_a_standard() -> None:
    import stationkit as sk

    data = copy.deepcopy(_data())
    _town(data, "蚶江镇")["enterprise_kinds"] = ["危化品"]
    dataset = sk.records.dataset_from_data(data)
    town = dataset.region_index()["350581100"]
    assert town.enterprise_kinds == ("hazardous_chemicals",)
    assert STANDARD.edition("2025").vocabularies
    assert date.fromisoformat(AS_OF)


def test_region_findings_list_the_stations_counted_and_not_counted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    county = Path(stationkit_quanzhou.__file__).parent / "samples" / "county_2023.yaml"
    data = yaml.safe_load(county.read_text(encoding="utf-8"))
    stray = copy.deepcopy(data["stations"][0])
    stray.update(id="qz-stray", region=None)
    data["stations"].append(stray)
    path = tmp_path / "county.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    out = io.StringIO()
    argv = ["assess", str(path), "--standard", "quanzhou@2023", "--as-of", "2023-09-30"]
    main([*argv, "--subject", "region", "--format", "json"], out=out)
    (report,) = json.loads(out.getvalue())["reports"]
    finding = next(f for f in report["findings"] if f["requirement"] == "rollout.pilot")
    assert "qz-2023-pilot" in finding["stations"]["counted"]
    (left,) = finding["stations"]["not_counted"]
    assert left["id"] == "qz-stray" and "no region" in left["reason"]["en"]

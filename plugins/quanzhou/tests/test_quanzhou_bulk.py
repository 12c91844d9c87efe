"""The bulk path on the real standard: the same verdicts as the explained reports, whatever the
input form (YAML, spreadsheet, JSON lines in parts), the run (one process, workers) and the
terms (waivers, tailoring, a declared population for the 30 % cap), with the documents' own
words read through the standard's vocabularies."""

from __future__ import annotations

import json
from datetime import date
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
import yaml
from stationkit_quanzhou.plugin import SAMPLES_DIR
from stationkit_quanzhou.standard import STANDARD

import stationkit as sk
from stationkit.assessment import Tailoring, assess_files
from stationkit.cli._main import main
from stationkit.errors import InputError
from stationkit.standard import Waiver, vocabularies_for

SAMPLE = SAMPLES_DIR / "shishi_2025.yaml"
AS_OF = date(2025, 11, 15)


def _raw() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        json.dumps(yaml.safe_load(SAMPLE.read_text(encoding="utf-8")), default=str)
    )
    return data


def _jsonl(path: Path, data: dict[str, Any]) -> Path:
    header = {k: v for k, v in data.items() if k != "stations"}
    lines = [json.dumps(header, ensure_ascii=False)]
    lines += [json.dumps(s, ensure_ascii=False) for s in data["stations"]]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _explained(**terms: Any) -> list[sk.Report]:
    population = terms.pop("population", None)
    dataset = sk.load_dataset(SAMPLE, vocabularies=vocabularies_for(STANDARD, "2025"))
    assessor = sk.Assessor(STANDARD, "2025", as_of=AS_OF, dataset=dataset, **terms)
    subjects = sk.assessment.subjects_of(dataset, assessor.edition)
    return assessor.assess_batch(subjects, population)


WAIVERS = [
    Waiver("rescue.size", "*", "队伍整合中", "石狮市应急管理局", date(2026, 6, 30)),
    Waiver(
        "org.posts_full_time", "qz-2025-xiangzhi", "招聘中", "石狮市应急管理局", date(2026, 1, 1)
    ),
]
TERMS: list[dict[str, Any]] = [
    {},
    {"waivers": WAIVERS},
    {"tailoring": Tailoring(values={"rescue_team_min": 35}, reasons={"rescue_team_min": "试点"})},
    {"tailoring": Tailoring(select=("rescue", "command")), "waivers": WAIVERS},
    {"tailoring": Tailoring(unselect=("plans.village_drills",)), "period": 2025},
]


@pytest.mark.parametrize("terms", TERMS)
def test_rows_and_reports_are_the_explained_reports(terms: dict[str, Any]) -> None:
    expected = _explained(**terms)
    bulk = assess_files([SAMPLE], STANDARD, "2025", as_of=AS_OF, findings="all", **terms)
    assert bulk.reports == expected
    for row, report in zip(bulk.rows, expected, strict=True):
        assert (row.id, row.outcome, row.score, row.grade) == (
            report.subject.id,
            report.outcome,
            report.score,
            report.grade,
        )
        assert row.failing == tuple(
            (f.requirement, f.status.value) for f in report.findings if not f.passed
        )
        assert set(row.waived) == set(report.acceptance.waived if report.acceptance else ())
        assert (row.grade_provisional, row.rank_population) == (
            report.grade_provisional,
            report.rank_population,
        )


def test_a_declared_population_caps_alike() -> None:
    dataset = sk.load_dataset(SAMPLE)
    population = list(dataset.stations)
    expected = _explained(population=population)
    bulk = assess_files([SAMPLE], STANDARD, "2025", as_of=AS_OF, findings="none", cap_over=[SAMPLE])
    assert [(r.subject.id, r.grade, r.rank_capped, r.grade_provisional) for r in expected] == [
        (r.id, r.grade, r.rank_capped, r.grade_provisional) for r in bulk.rows
    ]
    assert {r.rank_population for r in bulk.rows if r.subject == "station"} == {4}


def test_json_lines_in_parts_and_workers_give_the_same_verdicts(tmp_path: Path) -> None:
    lines = _jsonl(tmp_path / "shishi.jsonl", _raw())
    expected = assess_files([SAMPLE], STANDARD, "2025", as_of=AS_OF, findings="failing")
    for jobs in (1, 2):
        got = assess_files([lines], STANDARD, "2025", as_of=AS_OF, findings="failing", jobs=jobs)
        assert got == expected


def test_a_workbook_gives_the_same_verdicts() -> None:
    expected = assess_files([SAMPLE], STANDARD, "2025", as_of=AS_OF)
    got = assess_files([SAMPLES_DIR / "shishi_2025.xlsx"], STANDARD, "2025", as_of=AS_OF)
    assert [(r.id, r.outcome, r.score, r.grade, r.failing) for r in got.rows] == [
        (r.id, r.outcome, r.score, r.grade, r.failing) for r in expected.rows
    ]


def test_region_names_and_the_documents_words_read_as_codes(tmp_path: Path) -> None:
    data = _raw()
    names = {node["code"]: node["name"] for node in _nodes(data["region"])}
    for station in data["stations"]:
        station["region"] = names[station["region"]]  # 蚶江镇, not 350581100
    lines = _jsonl(tmp_path / "named.jsonl", data)
    expected = assess_files([SAMPLE], STANDARD, "2025", as_of=AS_OF)
    assert assess_files([lines], STANDARD, "2025", as_of=AS_OF).rows == expected.rows


def _nodes(node: dict[str, Any]) -> list[dict[str, Any]]:
    return [node, *(n for child in node.get("children") or () for n in _nodes(child))]


def test_an_unknown_word_names_the_line_station_and_path(tmp_path: Path) -> None:
    data = _raw()
    data["stations"][1]["drills"][0]["kind"] = "外星人入侵演练"  # drill kinds are a closed list
    lines = _jsonl(tmp_path / "odd.jsonl", data)
    with pytest.raises(InputError) as info:
        assess_files([lines], STANDARD, "2025", as_of=AS_OF)
    (problem,) = info.value.problems
    sid = data["stations"][1]["id"]
    assert problem.path == f"line 3 (id {sid}).drills[0].kind"
    assert "外星人入侵演练" in problem.message
    lenient = assess_files([lines], STANDARD, "2025", as_of=AS_OF, findings="all", lenient=True)
    report = next(r for r in lenient.reports if r.subject.id == sid)
    assert [(u.path, u.word) for u in report.unrecognised] == [
        (f"line 3 (id {sid}).drills[0].kind", "外星人入侵演练")
    ]


def test_a_station_given_twice_is_refused(tmp_path: Path) -> None:
    data = _raw()
    data["stations"].append(data["stations"][0])
    lines = _jsonl(tmp_path / "twice.jsonl", data)
    with pytest.raises(InputError, match="appears twice"):
        assess_files([lines], STANDARD, "2025", as_of=AS_OF)


def test_cli_jsonl_lines_are_the_json_reports_with_waivers_and_tailoring(tmp_path: Path) -> None:
    waivers = tmp_path / "waivers.yaml"
    waivers.write_text(
        "waivers:\n"
        "  - requirement: rescue.size\n    subject: '*'\n    justification: 队伍整合中\n"
        "    approved_by: 石狮市应急管理局\n    expires: 2026-06-30\n",
        encoding="utf-8",
    )
    tailoring = tmp_path / "tailoring.yaml"
    tailoring.write_text(
        "set:\n  rescue_team_min: {value: 35, reason: 试点}\nunselect: [plans.village_drills]\n",
        encoding="utf-8",
    )
    argv = ["assess", str(SAMPLE), "--standard", "quanzhou@2025", "--as-of", "2025-11-15"]
    argv += ["--waivers", str(waivers), "--tailoring", str(tailoring), "--cap-over", str(SAMPLE)]
    out, lines = StringIO(), StringIO()
    code = main([*argv, "--format", "json"], out=out)
    code_lines = main([*argv, "--format", "jsonl", "--findings", "all", "--jobs", "2"], out=lines)
    assert code == code_lines
    reports = json.loads(out.getvalue())["reports"]
    assert [json.loads(line) for line in lines.getvalue().splitlines()] == reports
    assert any(r["acceptance"]["waived"] for r in reports)


def test_whatif_weighs_a_change_under_the_same_waivers(tmp_path: Path) -> None:
    argv = ["whatif", str(SAMPLE), "--standard", "quanzhou@2025", "--as-of", "2025-11-15"]
    argv += ["--set", "rescue_team_min=35", "--format", "jsonl"]
    out = StringIO()
    assert main(argv, out=out) == 1
    summary = json.loads(out.getvalue().splitlines()[-1])["summary"]
    assert summary["outcome"]["pass_to_fail"] == 1  # 蚶江: its team of 32 falls short
    waivers = tmp_path / "waivers.yaml"
    waivers.write_text(
        "- requirement: rescue.size\n  subject: qz-2025-hanjiang\n  justification: 队伍扩编中\n"
        "  approved_by: 石狮市应急管理局\n  expires: 2026-06-30\n",
        encoding="utf-8",
    )
    out = StringIO()
    assert main([*argv, "--waivers", str(waivers)], out=out) == 1
    summary = json.loads(out.getvalue().splitlines()[-1])["summary"]
    # Waived, 蚶江 is still accepted; its grade falls all the same (a waiver never grades).
    assert summary["outcome"]["pass_to_fail"] == 0
    assert summary["grade_changes"] == 2


@pytest.mark.slow
def test_a_local_dask_cluster_gives_the_same_lines(tmp_path: Path) -> None:
    """``--scheduler local:2``: worker processes of a Dask LocalCluster (the standard's
    predicates, closures included, sent to them), the same lines as one process."""
    pytest.importorskip("distributed")
    lines = _jsonl(tmp_path / "shishi.jsonl", _raw())
    argv = ["assess", str(lines), "--standard", "quanzhou@2025", "--as-of", "2025-11-15"]
    argv += ["--format", "jsonl", "--findings", "all"]
    one, on_dask = StringIO(), StringIO()
    assert main([*argv, "--jobs", "1"], out=one) == main(
        [*argv, "--scheduler", "local:2"], out=on_dask
    )
    assert on_dask.getvalue() == one.getvalue()
    assert len(one.getvalue().splitlines()) == 5  # four stations and the city


def test_the_region_task_reports_nothing_the_station_parts_do_not(tmp_path: Path) -> None:
    """Region subjects read the same texts as the station parts (not strictly, when those
    run): a duplicate key is reported once, as the strict reader names it."""
    lines = _jsonl(tmp_path / "dup.jsonl", _raw()).read_text(encoding="utf-8").splitlines()
    lines[2] = lines[2][:-1] + ', "name": "又一个名字"}'  # line 3: its name given twice
    path = tmp_path / "dup2.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        assess_files([path], STANDARD, "2025", as_of=AS_OF)
    assert [(p.path, p.message) for p in info.value.problems] == [
        ("line 3", "duplicate key 'name'")
    ]

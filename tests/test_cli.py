"""The command line: documented JSON shapes and exit codes, errors without tracebacks."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from core_support import DATA

from stationkit.cli._main import main

ENV = {"STATIONKIT_PLUGINS": "example,broken"}


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), out)
    return code, out.getvalue()


@pytest.fixture(autouse=True)
def _only_test_plugins(monkeypatch: pytest.MonkeyPatch) -> None:
    for key, value in ENV.items():
        monkeypatch.setenv(key, value)


def test_plugins_json_lists_loaded_and_failed() -> None:
    code, text = run("plugins", "--json")
    rows = {row["name"]: row for row in json.loads(text)}
    assert code == 0
    assert set(rows["example"]) >= {"name", "distribution", "version", "standards", "error"}
    assert rows["example"]["standards"] == ["example@2024"] and rows["example"]["error"] is None
    assert "ImportError" in rows["broken"]["error"]


def test_standards_json() -> None:
    code, text = run("standards", "--json")
    assert code == 0
    assert json.loads(text) == [
        {
            "id": "example",
            "edition": "2024",
            "title": {"zh": "示例标准", "en": "Example standard"},
            "plugin": "example",
        }
    ]


def test_show_json_has_every_parameter_with_its_citation() -> None:
    code, text = run("show", "example@2024", "--json")
    data = json.loads(text)
    assert code == 0 and data["id"] == "example" and data["edition"] == "2024"
    assert {"id", "edition", "title", "sources", "parameters", "requirements"} <= set(data)
    team_min = next(p for p in data["parameters"] if p["name"] == "team_min")
    assert team_min["value"] == 30 and team_min["default"] is False
    assert team_min["citation"] == {
        "document": "EX",
        "section": "§1",
        "quote": "救援队伍不少于30人",
        "inferred": False,
    }
    req = data["requirements"][0]
    assert {"id", "group", "title", "gate", "weight", "citation"} <= set(req)


def test_show_markdown_is_the_generated_doc() -> None:
    code, text = run("show", "example")
    assert code == 0 and "# 示例标准 / Example standard" in text and "救援队伍不少于30人" in text
    assert "*default*" in text  # bonus_per_station is the plugin's own default


def test_assess_json_shape_and_exit_code() -> None:
    code, text = run(
        "assess",
        str(DATA / "example.yaml"),
        "--standard",
        "example@2024",
        "--as-of",
        "2024-06-30",
        "--format",
        "json",
        "--set",
        "screen_min=110",
    )
    data = json.loads(text)
    assert code == 1  # p2 and p3 fail
    ids = [r["subject"]["id"] for r in data["reports"]]
    assert ids == ["p1", "p2", "p3", "420001"]
    p1 = data["reports"][0]
    assert p1["overridden"] == {
        "screen_min": {"value": 110.0, "source_value": 100.0, "reason": None}
    }
    assert p1["as_of"] == "2024-06-30" and p1["outcome"] == "pass"
    assert p1["score"] == 101.0 - 0.5  # 0.5 bonus for completing in 2024; no deduction


def test_assess_passing_subset_exits_zero() -> None:
    code, _ = run(
        "assess",
        str(DATA / "example.yaml"),
        "--standard",
        "example",
        "--as-of",
        "2024-06-30",
        "--subject",
        "region",
        "--set",
        "coverage_min=0.7",
    )
    assert code == 0


@pytest.mark.parametrize("fmt", ["text", "md"])
def test_assess_human_formats(fmt: str) -> None:
    code, text = run(
        "assess",
        str(DATA / "example.yaml"),
        "--standard",
        "example",
        "--as-of",
        "2024-06-30",
        "--format",
        fmt,
    )
    assert code == 1 and "team.size" in text and "remedy" in text


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (
            ["assess", str(DATA / "bad.yaml"), "--standard", "example"],
            "stations[0] (id x1).teams[0].members[0].age",
        ),
        (["assess", str(DATA / "broken.yaml"), "--standard", "example"], "broken YAML"),
        (["assess", str(DATA / "example.yaml"), "--standard", "nope"], "no plugin provides"),
        (
            ["assess", str(DATA / "example.yaml"), "--standard", "example", "--set", "x=1"],
            "unknown parameter 'x'",
        ),
        (
            [
                "assess",
                str(DATA / "example.yaml"),
                "--standard",
                "example",
                "--as-of",
                "2024-02-30",
            ],
            "YYYY-MM-DD",
        ),
        (["assess", "/nonexistent.yaml", "--standard", "example"], "nonexistent.yaml"),
    ],
)
def test_bad_input_exits_2_with_a_message(
    argv: list[str], needle: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _ = run(*argv)
    err = capsys.readouterr().err
    assert code == 2 and needle in err and "Traceback" not in err


def test_schema_is_valid_and_accepts_the_example_data() -> None:
    import jsonschema
    import yaml

    code, text = run("schema")
    schema = json.loads(text)
    jsonschema.Draft202012Validator.check_schema(schema)
    data = yaml.load((DATA / "example.yaml").read_text(), Loader=yaml.BaseLoader)
    assert code == 0 and data is not None
    # The schema is written for JSON: the example loaded as JSON-native values validates.
    from stationkit.records._loading import converter, load_dataset

    native = json.loads(json.dumps(converter().unstructure(load_dataset(DATA / "example.yaml"))))
    jsonschema.validate(native, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"stations": [{"id": "a", "name": "b", "kind": "c", "x": 1}]}, schema)


def test_the_installed_command_never_prints_a_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"stations": [{"id": 1}]')
    exe = Path(sys.executable).parent / "stationkit"
    proc = subprocess.run(
        [str(exe), "assess", str(bad), "--standard", "example"],
        capture_output=True,
        text=True,
        env={**os.environ, **ENV},
        check=False,
    )
    assert proc.returncode == 2
    assert "broken JSON" in proc.stderr and "Traceback" not in proc.stderr


def test_programme_status_json_and_exit_code() -> None:
    code, text = run(
        "programme",
        str(DATA / "example.yaml"),
        "--standard",
        "example",
        "--as-of",
        "2024-09-30",
        "--format",
        "json",
    )
    (status,) = json.loads(text)["programmes"]
    assert code == 1  # one milestone late
    plan, built = status["milestones"]
    assert (plan["status"], plan["days_late"]) == ("done_on_time", 0)  # on the due date
    assert (built["status"], built["days_late"], built["late_quarter"]) == (
        "done_late",
        2,
        "2024Q3",
    )
    assert status["penalty_total"] == 1.0 and status["late_by_quarter"] == {"2024Q3": 1}


def test_programme_status_at_a_past_date() -> None:
    code, text = run(
        "programme", str(DATA / "example.yaml"), "--standard", "example", "--as-of", "2024-08-31"
    )
    assert code == 0 and "待完成 pending" in text and "按期完成 on time" in text


def test_a_bug_is_reported_as_an_internal_error_not_as_bad_input(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import stationkit.cli._main as cli

    def broken(*_: object) -> int:
        raise AttributeError("oops")

    monkeypatch.setattr(cli, "cmd_schema", broken)
    monkeypatch.delenv("STATIONKIT_DEBUG", raising=False)
    assert run("schema")[0] == 3
    err = capsys.readouterr().err
    assert "internal error" in err and "STATIONKIT_DEBUG" in err and "Traceback" not in err


def test_a_completion_of_an_unknown_milestone_is_bad_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "odd.yaml"
    data.write_text("stations: []\ncompletions: [{milestone: T9, completed_on: 2024-05-01}]\n")
    code, _ = run("programme", str(data), "--standard", "example", "--as-of", "2024-06-30")
    err = capsys.readouterr().err
    assert code == 2 and "completions" in err and "T9" in err

"""The command line a user expects: help on every subcommand and argument, exit codes in
``--help``, ``--version``, ``--lang``, ``samples``, ``--plugin``, shell completion."""

from __future__ import annotations

import argparse
import io
import json
from importlib.metadata import version
from pathlib import Path

import pytest
import stationkit_example.plugin
from core_support import DATA

from stationkit.cli._main import build_parser, main

ENV = {"STATIONKIT_PLUGINS": "example"}


@pytest.fixture(autouse=True)
def _only_the_example(monkeypatch: pytest.MonkeyPatch) -> None:
    for key, value in ENV.items():
        monkeypatch.setenv(key, value)


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(list(argv), out), out.getvalue()


def _parsers(
    parser: argparse.ArgumentParser, path: str = "stationkit"
) -> list[tuple[str, argparse.ArgumentParser]]:
    found = [(path, parser)]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found += _parsers(sub, f"{path} {name}")
    return found


PARSERS = _parsers(build_parser())


@pytest.mark.parametrize(("path", "parser"), PARSERS, ids=[p for p, _ in PARSERS])
def test_every_command_and_argument_has_help(path: str, parser: argparse.ArgumentParser) -> None:
    assert parser.description, f"{path}: no description"
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            helped = {a.dest for a in action._choices_actions if a.help}
            assert helped == set(action.choices), f"{path}: subcommands without help"
        else:
            assert action.help, f"{path}: {action.option_strings or action.dest} has no help"


def test_help_states_the_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (["--help"], ["assess", "--help"], ["machines", "show", "--help"]):
        with pytest.raises(SystemExit) as exited:
            build_parser().parse_args(argv)
        assert exited.value.code == 0
        text = capsys.readouterr().out
        for code in ("0  done", "1  done; some", "2  bad input", "3  internal error"):
            assert code in text, f"{argv}: {code!r} missing"


def test_version_is_the_package_metadata(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("--version")[0] == 0
    assert capsys.readouterr().out == f"stationkit {version('stationkit')}\n"


def _assess_text(lang: str) -> str:
    argv = ["--lang", lang, "assess", str(DATA / "example.yaml"), "--standard", "example"]
    code, text = run(*argv, "--as-of", "2024-06-30")
    assert code == 1
    return text


def test_lang_chooses_the_language_of_text_reports() -> None:
    zh, en, both = _assess_text("zh"), _assess_text("en"), _assess_text("both")
    assert "救援队人数" in zh and "rescue team size" not in zh and "remedy" not in zh
    assert "rescue team size" in en and "救援队人数" not in en and "整改" not in en
    assert "救援队人数 / rescue team size" in both and "remedy 整改" in both
    assert "score:" in en and "得分" not in en and "通过" not in en
    assert "得分:" in zh and "score" not in zh and "PASS" not in zh


def test_lang_in_programme_status() -> None:
    argv = ["programme", str(DATA / "example.yaml"), "--standard", "example"]
    code, en = run("--lang", "en", *argv, "--as-of", "2024-12-31")
    assert code in (0, 1)
    assert "example rollout" in en and "示例推进计划" not in en


def test_samples_lists_real_files_as_json() -> None:
    with pytest.MonkeyPatch.context() as mp:
        mp.delenv("STATIONKIT_PLUGINS")
        code, text = run("samples", "--json")
        assert code == 0
        rows = json.loads(text)
        assert {"quanzhou-shishi-2025", "pingshan-2024"} <= {r["name"] for r in rows}
        assert all(Path(r["path"]).is_file() for r in rows)
        code, paths = run("samples", "--paths")
        assert paths.split() == [r["path"] for r in rows]


def test_plugin_option_loads_a_module_without_its_entry_point(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("STATIONKIT_PLUGINS", "none-installed")
    assert "example@2024" not in run("standards")[1]
    code, text = run("--plugin", "stationkit_example.plugin", "standards", "--json")
    assert code == 0
    assert {(r["id"], r["plugin"]) for r in json.loads(text)} == {("example", "example")}
    named = run("-p", "mine=stationkit_example.plugin", "plugins", "--json")[1]
    assert [p["name"] for p in json.loads(named)] == ["mine"]
    assert stationkit_example.plugin.STANDARD.id == "example"


@pytest.mark.parametrize(
    ("spec", "needle"),
    [
        ("no_such_module", "cannot import no_such_module"),
        ("stationkit_example.plugin:nothing", "has no attribute 'nothing'"),
        ("not a spec", "expected [NAME=]MODULE[:OBJECT]"),
        ("json", "has no stationkit hooks"),
    ],
)
def test_a_plugin_option_that_cannot_be_loaded_is_bad_input(
    spec: str, needle: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("--plugin", spec, "standards")[0] == 2
    assert needle in capsys.readouterr().err


def test_completion_prints_the_shell_hook() -> None:
    code, hook = run("completion", "bash")
    assert code == 0 and "complete " in hook and "stationkit" in hook

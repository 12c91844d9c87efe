"""The lifecycle CLI commands: machines show, ledger replay."""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

import pytest

from stationkit.cli._lifecycle import add_commands, main, run
from stationkit.lifecycle import (
    Event,
    MachineExtension,
    SQLiteLedger,
    StateSpec,
    TransitionSpec,
)
from stationkit.standard._text import Text

EXT = MachineExtension(
    machine="drill",
    standard="quanzhou",
    add_states=(StateSpec("archived", Text(zh="已存档", en="archived")),),
    add_transitions=(
        TransitionSpec("archive", ("closed",), "archived", Text(zh="存档", en="archive")),
    ),
)


def extensions_for(standard: str, edition: str | None) -> Sequence[MachineExtension]:
    if standard != "quanzhou":
        raise LookupError(f"no standard {standard!r}")
    return [EXT]


def cli(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="stationkit")
    add_commands(parser.add_subparsers(dest="command", required=True))
    return run(parser.parse_args(argv), extensions_for)


def test_machines_show_mermaid(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["machines", "show", "hazard"]) == 0
    out = capsys.readouterr().out
    assert "stateDiagram-v2" in out and "已销号" in out


def test_machines_show_with_standard_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        cli(["machines", "show", "drill", "--standard", "quanzhou@2025", "--format", "json"]) == 0
    )
    data = json.loads(capsys.readouterr().out)
    assert "archived" in [s["name"] for s in data["states"]]
    assert data["origins"] == ["core", "quanzhou"]


@pytest.mark.parametrize(
    "argv, message",
    [
        (["machines", "show", "boat"], "unknown machine"),
        (["machines", "show", "drill", "--standard", "nowhere"], "nowhere"),
        (["ledger", "replay", "/no/such/file", "--as-of", "2024-01-01"], "no such file"),
    ],
)
def test_bad_input_exits_2_with_a_message(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli(argv) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def _events() -> list[Event]:
    return [
        Event("1", "d1", "plan", datetime(2024, 5, 1, 9), "drill"),
        Event("2", "d1", "announce", datetime(2024, 5, 3, 9), "drill"),
        Event("3", "h1", "report", datetime(2024, 5, 2, 9), "hazard", {"level": "village"}),
    ]


def test_ledger_replay_jsonl_as_of(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "events.jsonl"
    path.write_text("\n".join(json.dumps(e.to_json()) for e in _events()) + "\n", "utf-8")
    assert cli(["ledger", "replay", str(path), "--as-of", "2024-05-02", "--format", "json"]) == 0
    states = {s["record_id"]: s["state"] for s in json.loads(capsys.readouterr().out)}
    assert states == {"d1": "planned", "h1": "reported"}
    assert cli(["ledger", "replay", str(path), "--as-of", "2024-05-03", "--machine", "drill"]) == 0
    out = capsys.readouterr().out
    assert "announced" in out and "h1" not in out


def test_ledger_replay_sqlite(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "ledger.sqlite"
    with SQLiteLedger(path) as ledger:
        for event, version in zip(_events(), (0, 1, 0), strict=True):
            ledger.append(event, version)
    assert cli(["ledger", "replay", str(path), "--as-of", "2024-05-31"]) == 0
    assert "announced" in capsys.readouterr().out


def test_ledger_replay_reports_bad_lines_and_illegal_events(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"event_id": "1"}\n', "utf-8")
    assert cli(["ledger", "replay", str(bad), "--as-of", "2024-05-31"]) == 2
    assert "bad.jsonl:1" in capsys.readouterr().err
    illegal = tmp_path / "illegal.jsonl"
    event = Event("1", "d1", "review", datetime(2024, 5, 1), "drill", {"summary": "x"})
    illegal.write_text(json.dumps(event.to_json()) + "\n", "utf-8")
    assert cli(["ledger", "replay", str(illegal), "--as-of", "2024-05-31"]) == 2
    assert "'d1'" in capsys.readouterr().err
    assert cli(["ledger", "replay", str(illegal), "--as-of", "May"]) == 2

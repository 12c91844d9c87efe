"""The ``stationkit ledger`` commands on SQLite and PostgreSQL, driven by the Xuan'en sample."""

from __future__ import annotations

import io
import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from stationkit.cli import main
from stationkit.lifecycle import SQLiteLedger
from stationkit.lifecycle._migrations import SQLITE_STEPS

SAMPLE = Path(__file__).parents[2] / "plugins/xuanen/src/stationkit_xuanen/samples/hazards.jsonl"
LINES = SAMPLE.read_text("utf-8").splitlines()


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def run_json(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, Any]:
    code, out, err = run([*argv, "--format", "json"], capsys)
    assert "Traceback" not in err
    return code, json.loads(out)


def test_append_one_event_then_a_stream_per_event(
    ledger_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    one = tmp_path / "event.json"
    one.write_text(json.dumps(json.loads(LINES[0]), indent=2, ensure_ascii=False), "utf-8")
    code, data = run_json(["ledger", "append", "--ledger", ledger_url, str(one)], capsys)
    assert code == 0
    assert data["results"] == [
        {
            "location": f"{one}:1",
            "event_id": "XE-H-2024-001/01-report",
            "record_id": "XE-H-2024-001",
            "status": "stored",
            "version": 1,
            "state": "reported",
        }
    ]
    stream = tmp_path / "events.jsonl"
    stream.write_text("\n".join([*LINES[:3], LINES[4], "not json"]) + "\n", "utf-8")
    code, data = run_json(["ledger", "append", "--ledger", ledger_url, str(stream)], capsys)
    assert code == 1  # some refused
    statuses = [(r["location"].rsplit(":", 1)[1], r["status"]) for r in data["results"]]
    assert statuses == [
        ("1", "duplicate"),
        ("2", "stored"),
        ("3", "stored"),
        ("4", "refused"),
        ("5", "refused"),
    ]
    assert "does not allow event 'claim_rectified'" in data["results"][3]["reason"]
    assert (data["stored"], data["duplicates"], data["refused"]) == (2, 1, 2)


def test_append_from_stdin_in_text(
    ledger_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("\n".join(LINES[:2]) + "\n"))
    code, out, _ = run(["ledger", "append", "--ledger", ledger_url, "-"], capsys)
    assert code == 0
    assert out.splitlines() == [
        "<stdin>:1: XE-H-2024-001/01-report → XE-H-2024-001 version 1 (reported)",
        "<stdin>:2: XE-H-2024-001/02-assess → XE-H-2024-001 version 2 (assessed)",
    ]


def _load(url: str, lines: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "load.jsonl"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    assert run(["ledger", "append", "--ledger", url, str(path)], capsys)[0] == 0


def test_overdue_escalations_and_history(
    ledger_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # XE-H-2024-002 up to its rectification start (deadline 2024-08-02), not escalated yet.
    _load(ledger_url, LINES[:11], tmp_path, capsys)
    code, data = run_json(
        ["ledger", "overdue", "--ledger", ledger_url, "--as-of", "2024-08-10"], capsys
    )
    assert code == 1
    assert data == {
        "as_of": "2024-08-10",
        "overdue": [
            {
                "record_id": "XE-H-2024-002",
                "state": "rectifying",
                "level": "village",
                "deadline": "2024-08-02",
                "days_overdue": 8,
                "escalation_due": True,
                "next_level": "township",
            }
        ],
    }
    code, data = run_json(
        ["ledger", "escalations", "--ledger", ledger_url, "--as-of", "2024-08-02T23:00"], capsys
    )
    assert (code, data["escalations"]) == (0, [])
    argv = ["ledger", "escalations", "--ledger", ledger_url, "--as-of", "2024-08-10T08:00"]
    code, data = run_json(argv, capsys)
    (due,) = data["escalations"]
    assert due["status"] == "due" and due["event"]["at"] == "2024-08-03T00:00:00"
    code, data = run_json([*argv, "--apply"], capsys)
    assert data["applied"] and data["escalations"][0]["status"] == "stored"
    code, data = run_json([*argv, "--apply"], capsys)
    assert data["escalations"] == []  # recorded: no longer due
    # The rest of the record: reassigned, rectified, closed; the history keeps the lateness.
    _load(ledger_url, LINES[12:17], tmp_path, capsys)
    code, out, _ = run(
        ["ledger", "history", "XE-H-2024-002", "--ledger", ledger_url, "--as-of", "2024-12-31"],
        capsys,
    )
    assert code == 0
    assert out.splitlines()[-1] == (
        "was overdue from 2024-08-03 to 2024-08-03 (1 day past the deadline 2024-08-02; "
        "ended by escalate)"
    )
    code, data = run_json(
        ["ledger", "history", "XE-H-2024-002", "--ledger", ledger_url, "--as-of", "2024-12-31"],
        capsys,
    )
    assert data["state"] == "closed" and len(data["steps"]) == 10
    assert data["overdue"] == [
        {
            "deadline": "2024-08-02",
            "from": "2024-08-03",
            "to": "2024-08-03",
            "days_overdue": 1,
            "ended_by": "escalate",
        }
    ]


def test_history_of_a_hazard_closed_late_without_escalation(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    events = [json.loads(line) for line in LINES[:7]]
    events[4]["at"] = "2024-07-04T16:00:00"  # claimed rectified 4 days after the 06-30 deadline
    for later in events[5:]:
        later["at"] = later["at"].replace("2024-06", "2024-07")
    path = tmp_path / "late.jsonl"
    path.write_text("\n".join(json.dumps(e, ensure_ascii=False) for e in events), "utf-8")
    code, data = run_json(
        ["ledger", "history", "XE-H-2024-001", "--ledger", str(path), "--as-of", "2024-12-31"],
        capsys,
    )
    assert code == 0 and data["state"] == "closed"
    assert data["overdue"] == [
        {
            "deadline": "2024-06-30",
            "from": "2024-07-01",
            "to": "2024-07-04",
            "days_overdue": 4,
            "ended_by": "claim_rectified",
        }
    ]


def test_replay_stops_at_the_first_refusal_or_keeps_going(
    ledger_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join([*LINES[:3], LINES[4], LINES[7]]) + "\n", "utf-8")
    code, out, err = run(["ledger", "replay", str(path), "--as-of", "2024-12-31"], capsys)
    assert code == 2 and out == ""
    assert f"{path}:4: hazard record 'XE-H-2024-001' is in state 'assigned'" in err
    code, data = run_json(
        ["ledger", "replay", "--ledger", str(path), "--as-of", "2024-12-31", "--keep-going"],
        capsys,
    )
    assert code == 1
    assert {s["record_id"]: s["state"] for s in data["states"]} == {
        "XE-H-2024-001": "assigned",
        "XE-H-2024-002": "reported",
    }
    (refused,) = data["refused"]
    assert refused["location"] == f"{path}:4" and refused["type"] == "claim_rectified"
    # The same events in a ledger database: all but the refused one were stored.
    _load(ledger_url, [*LINES[:3], LINES[7]], tmp_path, capsys)
    code, data = run_json(
        ["ledger", "replay", "--ledger", ledger_url, "--as-of", "2024-12-31"], capsys
    )
    assert code == 0 and len(data) == 2


def test_replay_opens_sqlite_read_only(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "v1.sqlite"  # a ledger from before schema versions: replay must not migrate
    with sqlite3.connect(path) as db:
        db.execute(SQLITE_STEPS[1][0])
        row = json.loads(LINES[0])
        db.execute(
            "INSERT INTO events (event_id, record_id, version, machine, type, payload, at, actor)"
            " VALUES (?, ?, 1, ?, ?, ?, ?, ?)",
            (
                row["event_id"],
                row["record_id"],
                "hazard",
                "report",
                json.dumps(row["payload"], ensure_ascii=False),
                row["at"],
                row["actor"],
            ),
        )
    db.close()
    code, data = run_json(["ledger", "replay", str(path), "--as-of", "2024-12-31"], capsys)
    assert code == 0 and data[0]["state"] == "reported"
    with SQLiteLedger(path, read_only=True) as ledger:
        assert ledger.schema_version() == 1
    code, data = run_json(["ledger", "migrate", f"sqlite:///{path}"], capsys)
    assert (code, data["schema_before"], data["schema_version"]) == (0, 1, 2)


def test_init_migrate_and_unreachable_databases(
    pg_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, data = run_json(["ledger", "init", pg_url], capsys)
    assert (code, data["schema_before"], data["schema_version"]) == (0, 0, 2)
    code, out, err = run(["ledger", "init", pg_url], capsys)
    assert code == 2 and "ledger migrate" in err
    code, out, _ = run(["ledger", "migrate", pg_url], capsys)
    assert code == 0 and "current (version 2)" in out
    code, out, err = run(
        ["ledger", "append", "--ledger", "postgresql://ann:s3cret@127.0.0.1:1/x", str(SAMPLE)],
        capsys,
    )
    assert code == 2 and "cannot connect" in err and "s3cret" not in err + out
    code, out, err = run(
        ["ledger", "overdue", "--ledger", "mysql://h/db", "--as-of", "2024-01-01"], capsys
    )
    assert code == 2 and "not supported" in err


def test_a_hazard_reported_again_after_closing_is_reopened_not_refused(
    ledger_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _load(ledger_url, LINES[:7], tmp_path, capsys)  # XE-H-2024-001: closed on 2024-06-28
    again = {
        "event_id": "XE-H-2024-001/08-report",
        "record_id": "XE-H-2024-001",
        "machine": "hazard",
        "type": "report",
        "at": "2024-09-10T10:00:00",
        "actor": "珠山镇回头看复查组",
        "payload": {"level": "village", "description": "回头看复查:落石隐患再次出现"},
    }
    path = tmp_path / "again.json"
    path.write_text(json.dumps(again, ensure_ascii=False), "utf-8")
    code, data = run_json(["ledger", "append", "--ledger", ledger_url, str(path)], capsys)
    assert code == 0 and data["results"][0]["state"] == "reported"
    assert data["results"][0]["version"] == 8
    code, data = run_json(
        ["ledger", "history", "XE-H-2024-001", "--ledger", ledger_url, "--as-of", "2024-12-31"],
        capsys,
    )
    assert [s["state"] for s in data["steps"]][-2:] == ["closed", "reported"]
    assert data["steps"][-1]["facts"]["reopened"] == 1

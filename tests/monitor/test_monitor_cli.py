"""``stationkit monitor``: JSON lines in, alerts out as they fall due; exit 0 or 2."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from stationkit.cli import main
from stationkit.monitor import durable_unavailable

ROOT = Path(__file__).resolve().parents[2]
HAZARDS = ROOT / "plugins/xuanen/src/stationkit_xuanen/samples/hazards.jsonl"
ENGINES = ["python"] + ([] if durable_unavailable() else ["durable"])
CLI = [sys.executable, "-c", "import sys; from stationkit.cli import main; sys.exit(main())"]
KEYS = ["at", "rule", "record", "level", "next_level", "due", "message", "citation"]


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(["monitor", *argv], out)
    return code, out.getvalue()


def _event(n: int, type_: str, at: str, actor: str | None = "unit-a", **payload: object) -> str:
    return json.dumps(
        {
            "event_id": f"e{n}",
            "record_id": "H1",
            "machine": "hazard",
            "type": type_,
            "at": at,
            "actor": actor,
            "payload": payload,
        }
    )


LOOP = [
    _event(1, "report", "2025-02-01T09:00:00", "grid-1", level="village"),
    _event(2, "assess", "2025-02-01T10:00:00", "township-1", grade="general", level="village"),
    _event(
        3,
        "assign",
        "2025-02-01T11:00:00",
        "township-1",
        responsible="unit-a",
        deadline="2025-02-10",
    ),
]


@pytest.mark.parametrize("engine", ENGINES)
def test_the_xuanen_sample_escalates_identically(engine: str) -> None:
    code, text = run(
        str(HAZARDS),
        "--standard",
        "xuanen@2024",
        "--clock",
        "events",
        "--until",
        "2024-12-31",
        "--engine",
        engine,
    )
    assert code == 0
    alerts = [json.loads(line) for line in text.splitlines()]
    assert all(list(alert) == KEYS for alert in alerts)
    [hazard] = [a for a in alerts if a["record"] == "XE-H-2024-002"]
    assert (hazard["at"], hazard["rule"], hazard["level"], hazard["next_level"], hazard["due"]) == (
        "2024-08-03T00:00:00",
        "xuanen.hazard.escalate.village",
        "village",
        "township",
        "2024-08-02",
    )
    assert hazard["citation"]["section"] == "§六(三)"
    t3 = next(a for a in alerts if a["record"] == "xuanen-2024/T3")
    assert (
        "2024Q3" in t3["message"]["zh"]
        and "纳入优化营商环境工作季度考核扣分" in t3["message"]["zh"]
    )
    assert "县应急局" in t3["message"]["zh"]
    if engine == "durable":
        _, python = run(
            str(HAZARDS), "--standard", "xuanen@2024", "--until", "2024-12-31", "--engine", "python"
        )
        assert python == text


def test_without_until_only_what_the_events_reach(tmp_path: Path) -> None:
    path = tmp_path / "loop.jsonl"
    path.write_text("\n".join(LOOP) + "\n", encoding="utf-8")
    assert run(str(path), "--engine", "python") == (0, "")
    code, text = run(
        str(path), "--engine", "python", "--until", "2025-02-11T00:00", "--format", "text"
    )
    assert code == 0
    assert text.startswith("2025-02-11T00:00:00  H1  [core.hazard.escalate]\n")
    assert "乡镇" in text and "escalate to township" in text


def test_stdin_alerts_come_as_events_arrive() -> None:
    """At the end of a pipe: the alert is printed before the input ends."""
    process = subprocess.Popen(
        [*CLI, "monitor", "-", "--engine", "python"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    assert process.stdin is not None and process.stdout is not None
    for line in LOOP:
        process.stdin.write(line + "\n")
    process.stdin.write(_event(4, "start_rectification", "2025-02-12T09:00:00") + "\n")
    process.stdin.flush()
    alert = json.loads(process.stdout.readline())  # the input is still open
    assert (alert["record"], alert["at"]) == ("H1", "2025-02-11T00:00:00")
    process.stdin.close()
    assert process.wait(timeout=60) == 0


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "<stdin>:2: Expecting property name"),
        ("[1, 2]", "<stdin>:2: each line must be a JSON object"),
        ('{"event_id": "x"}', "<stdin>:2: event field 'record_id' is missing"),
    ],
)
def test_bad_input_names_the_line_and_exits_2(line: str, message: str) -> None:
    result = subprocess.run(
        [*CLI, "monitor", "-", "--engine", "python"],
        input=LOOP[0] + "\n" + line + "\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert result.returncode == 2
    assert message in result.stderr and "Traceback" not in result.stderr


def test_a_refused_event_is_reported_and_skipped() -> None:
    lines = [*LOOP, _event(4, "verify", "2025-02-02T09:00:00", "inspector-1")]
    result = subprocess.run(
        [*CLI, "monitor", "-", "--engine", "python", "--until", "2025-02-12"],
        input="\n".join(lines) + "\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert result.returncode == 0
    assert "<stdin>:4: event refused" in result.stderr
    assert len(result.stdout.splitlines()) == 1  # the deadline still passed


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("missing.jsonl", "--engine", "python")[0] == 2
    assert run(str(HAZARDS), "--until", "someday")[0] == 2
    assert run(str(HAZARDS), "--engine", "python", "--standard", "nosuch")[0] == 2
    assert "Traceback" not in capsys.readouterr().err


def test_durable_on_python_3_13_exits_2_naming_the_version(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "version_info", (3, 13, 1, "final", 0))
    assert run(str(HAZARDS), "--engine", "durable")[0] == 2
    err = capsys.readouterr().err
    assert "Python 3.13.1" in err and "--engine python" in err
    assert run(str(HAZARDS), "--until", "2024-12-31")[0] == 0  # the default falls back

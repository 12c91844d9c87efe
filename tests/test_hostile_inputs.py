"""The corpus of hostile inputs through the CLI: exit 2, a message naming the file and the
place, no traceback, never exit 3, nothing from the input unescaped on the terminal.

Every case runs in-process (``main``) under a time limit; a representative case of each class
runs again as a real process capped at 10 s of CPU and 1 GB of memory.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import signal
import unicodedata
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from types import FrameType

import pytest
from hostile_corpus import Case, build
from hostile_support import TEST_PLUGINS, TIME_CAP_S, run_cli

from stationkit.cli import main
from stationkit.report._escape import BIDI_CONTROLS

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "plugins/quanzhou/src/stationkit_quanzhou/samples/shishi_2025.yaml"
PROGRAMME_SAMPLE = ROOT / "plugins/pingshan/src/stationkit_pingshan/samples/pingshan_2023.yaml"
#: A place in the input: a line, a byte, a row, a field path, or the file as a whole.
PLACE = re.compile(
    r"line \d|byte [\d,]+|:\d+:|row \d|stations\[|completions|region|\(top level\)|\(file\)"
    r"|events table|event '|not a database|malformed|--set|--as-of|parameter '|standard '"
    r"|: [\w.\[\]() =-]+: "  # FILE: PATH: message
)
#: One case of each class, run again as a capped process.
IN_A_PROCESS = (
    "dataset:billion-laughs",
    "dataset:deep-json-50000",
    "dataset:deep-flow-50000",
    "dataset:int-5000-digits",
    "dataset:utf16-no-bom",
    "dataset:json-NaN",
    "dataset:long-text",
    "dataset:hostile-id-bad-field",
    "dataset:aliases-many",
    "set:'rescue_team_min=1000000000000'",
    "set:'rescue_team_min=nan'",
    "jsonl:backwards",
    "jsonl:deep-payload",
    "sqlite:corrupt-page",
    "sqlite:payload-nan",
    "programme:laughs",
    "machines-standard:'nosuch'",
)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[Case]:
    return build(tmp_path_factory.mktemp("hostile"), SAMPLE, PROGRAMME_SAMPLE)


def test_the_corpus_is_large_and_covers_every_input(corpus: list[Case]) -> None:
    assert len(corpus) >= 150
    kinds = {case.name.split(":")[0] for case in corpus}
    assert {"dataset", "set", "as-of", "jsonl", "sqlite", "programme", "standard"} <= kinds
    assert len({case.name for case in corpus}) == len(corpus)


@contextlib.contextmanager
def _time_limit(seconds: int) -> Iterator[None]:
    def expired(signum: int, frame: FrameType | None) -> None:
        raise TimeoutError(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _unescaped(text: str) -> list[str]:
    """Characters that must never reach a terminal raw."""
    return [
        ch
        for ch in text
        if ch in BIDI_CONTROLS or (unicodedata.category(ch) in ("Cc", "Cs") and ch not in "\n\t")
    ]


def _judge(case: Case, code: int, stdout: str, stderr: str) -> list[str]:
    faults = []
    if code != 2:
        faults.append(f"exit {code}, not 2")
    if "Traceback" in stderr or "internal error" in stderr:
        faults.append("a traceback or an internal error")
    if case.names not in stderr:
        faults.append(f"the message does not name {case.names!r}")
    if not PLACE.search(stderr):
        faults.append("the message names no place")
    if _unescaped(stdout + stderr):
        faults.append(f"unescaped characters: {_unescaped(stdout + stderr)[:5]!r}")
    return faults


def _in_process(case: Case) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with _time_limit(TIME_CAP_S), contextlib.redirect_stderr(err):
        code = main(list(case.args), out=out)
    return code, out.getvalue(), err.getvalue()


def test_every_case_is_refused_clearly_in_process(corpus: list[Case]) -> None:
    faults = {}
    for case in corpus:
        code, stdout, stderr = _in_process(case)
        found = _judge(case, code, stdout, stderr)
        if found:
            faults[case.name] = (found, stderr[-300:])
    assert faults == {}


@pytest.mark.slow
def test_classes_of_cases_are_refused_by_a_capped_process(corpus: list[Case]) -> None:
    chosen = [case for case in corpus if case.name in IN_A_PROCESS]
    assert len(chosen) == len(IN_A_PROCESS)
    with ThreadPoolExecutor(max_workers=2) as pool:
        runs = list(pool.map(lambda c: run_cli(c.args, plugin_dirs=[TEST_PLUGINS]), chosen))
    faults = {}
    for case, run in zip(chosen, runs, strict=True):
        found = _judge(case, run.code, run.stdout, run.stderr)
        if found:
            faults[case.name] = (found, run.stderr[-300:])
    assert faults == {}


@pytest.mark.parametrize("fmt", ["text", "md", "json", "html", "junit"])
def test_hostile_text_in_a_dataset_is_escaped_in_every_format(
    fmt: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    from hostile_corpus import HOSTILE_TEXT

    text = SAMPLE.read_text(encoding="utf-8").replace(
        "石狮市蚶江镇标准化应急管理站", json.dumps(HOSTILE_TEXT), 1
    )
    path = tmp_path_factory.mktemp("evil") / "evil.yaml"
    path.write_text(text, encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    args = ["assess", str(path), "--standard", "quanzhou@2025", "--as-of", "2026-01-01"]
    with contextlib.redirect_stderr(err):
        code = main([*args, "--format", fmt], out=out)
    assert code in (0, 1), err.getvalue()
    shown = out.getvalue()
    assert "pwned" in shown  # the name is there, made harmless
    assert _unescaped(shown + err.getvalue()) == []
    if fmt in ("md", "html", "junit"):
        assert "<b>x</b>" not in shown  # the input's markup is shown as text, not obeyed

"""A bounded fuzz of the loaders: whatever the bytes, a dataset or an ``InputError`` (an event
list or a ``LedgerError``), never another exception, and every message printable safely."""

from __future__ import annotations

import tempfile
import unicodedata
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import stationkit as sk
import stationkit.errors
from stationkit.lifecycle._events import read_events_jsonl
from stationkit.records._loading import load_file
from stationkit.report._escape import BIDI_CONTROLS, markdown, printable

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
#: Characters that make YAML and JSON interesting: structure, anchors, tags, quotes, escapes.
SYNTAX = st.sampled_from(
    [
        *"[]{}:,&*!-#'\"\\ \n\t|>?%@`",
        "nan",
        ".inf",
        "1e400",
        "99999999999999999999999999999999",
        "true",
        "yes",
        "~",
        "null",
        "<<",
        "\u202e",
        "\x1b",
        "é",
        "站",
        "stations",
        "id",
        "name",
        "kind",
    ]
)
YAMLISH = st.lists(SYNTAX, max_size=80).map("".join)


def _load(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / f"input{suffix}"
        path.write_bytes(data)
        try:
            load_file(path)
        except sk.InputError as error:
            for problem in error.problems:
                assert problem.source == str(path) and problem.path
                assert _safe(printable(str(problem), keep_newlines=True))


def _safe(text: str) -> bool:
    return not any(
        ch in BIDI_CONTROLS or (unicodedata.category(ch) in ("Cc", "Cs") and ch != "\n")
        for ch in text
    )


@FUZZ
@given(st.binary(max_size=400), st.sampled_from([".yaml", ".json"]))
def test_any_bytes_load_or_are_refused(data: bytes, suffix: str) -> None:
    _load(data, suffix)


@FUZZ
@given(YAMLISH, st.sampled_from([".yaml", ".json"]))
def test_yaml_like_text_loads_or_is_refused(text: str, suffix: str) -> None:
    _load(text.encode("utf-8", "surrogatepass"), suffix)


@FUZZ
@given(st.lists(st.one_of(YAMLISH, st.binary(max_size=60).map(repr)), max_size=5))
def test_any_event_lines_read_or_are_refused(lines: list[str]) -> None:
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "events.jsonl"
        path.write_bytes("\n".join(lines).encode("utf-8", "surrogatepass"))
        try:
            list(read_events_jsonl(path))
        except sk.errors.LedgerError as error:
            assert str(path) in str(error)


@FUZZ
@given(st.text(max_size=200))
def test_escaped_text_is_safe_on_a_terminal_and_in_markdown(text: str) -> None:
    assert _safe(printable(text))
    shown = markdown(text)
    assert _safe(shown) and "<" not in shown and "\n" not in shown

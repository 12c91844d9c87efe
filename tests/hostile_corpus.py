"""A corpus of malformed and hostile inputs, built into a directory, one case per input.

Each case is a command line of ``stationkit`` that must end in exit 2 with a message naming
the file (or the option) and a place in it, without a traceback, and with nothing from the
input reaching the terminal unescaped. The cases cover datasets (YAML and JSON), ``--set``,
``--as-of``, JSON-lines and SQLite ledgers, and programme files; most are generated from a
few templates, so each class of fault is tried in several forms.
"""

from __future__ import annotations

import codecs
import json
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import attrs

STANDARD = "quanzhou@2025"
PROGRAMME_STANDARD = "pingshan@2023"
ESC, RLO = "\x1b", "\u202e"
HOSTILE_TEXT = f"{ESC}[2J{ESC}]0;pwned\x07{RLO}gnp.exe# <b>x</b> *y*"


@attrs.frozen
class Case:
    name: str
    args: tuple[str, ...]
    #: what must appear in the message: the file's name, or the option's
    names: str


STATION = {
    "id": "s1",
    "name": "一号站",
    "kind": "township_station",
    "teams": [{"kind": "rescue", "members": [{"name": "a", "age": 30}]}],
}


def _yaml_station(extra: str = "", **fields: str) -> str:
    body = {"id": "s1", "name": "一号站", "kind": "township_station", **fields}
    lines = [f"  {key}: {value}" for key, value in body.items()]
    lines[0] = "- " + lines[0][2:]
    return "stations:\n" + "\n".join("  " + line for line in lines) + "\n" + extra


def _laughs(levels: int, width: int) -> str:
    text = 'a: &a ["lol"]\n'
    previous = "a"
    for i in range(levels):
        name = f"l{i}"
        text += f"{name}: &{name} [{', '.join(['*' + previous] * width)}]\n"
        previous = name
    return text + "stations: []\n"


def dataset_texts() -> Iterator[tuple[str, str, bytes]]:
    """(case name, file suffix, bytes) of malformed or hostile datasets."""
    utf8 = _yaml_station().encode()
    # Encodings
    yield "latin1", ".yaml", _yaml_station(name="café").encode("latin-1")
    yield "latin1-json", ".json", json.dumps({"stations": [{"id": "é"}]}).encode("latin-1")
    yield "binary-nul", ".yaml", b"\x00\x01\x02\x03binary\xff\xfe"
    yield "utf16-no-bom", ".yaml", _yaml_station().encode("utf-16-le")
    yield "utf16-bom-odd", ".yaml", codecs.BOM_UTF16_LE + b"s\x00t\x00\x00\xd8"
    yield "utf8-bom-bad", ".yaml", codecs.BOM_UTF8 + b"stations: \xff\n"
    yield "utf32-bom-bad", ".yaml", codecs.BOM_UTF32_LE + b"\xff\xff\xff\xff"
    yield "random-high", ".yaml", bytes(range(128, 256)) * 4
    yield "png", ".yaml", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
    yield "gb-not-chinese", ".yaml", b"stations:\n- id: \x81\x30\x81\x30\x81\x30\n"
    yield "truncated-utf8", ".yaml", utf8 + "站".encode()[:2]
    # Aliases and expansion
    yield "billion-laughs", ".yaml", _laughs(9, 9).encode()
    yield "laughs-wide", ".yaml", _laughs(4, 40).encode()
    yield "laughs-deep", ".yaml", _laughs(30, 2).encode()
    yield "alias-cycle", ".yaml", b"a: &a [1, *a]\nstations: []\n"
    yield "aliases-many", ".yaml", ("x: &x 1\ny: [" + ", ".join(["*x"] * 1200) + "]\n").encode()
    yield "alias-undefined", ".yaml", b"stations: *nowhere\n"
    # Nesting
    for depth in (100, 2_000, 50_000):
        yield f"deep-flow-{depth}", ".yaml", ("stations: " + "[" * depth + "]" * depth).encode()
        yield (
            f"deep-json-{depth}",
            ".json",
            ('{"stations": ' + "[" * depth + "]" * depth + "}").encode(),
        )
    deep_block = "stations:\n" + "".join(" " * i + "- \n" for i in range(1, 300))
    yield "deep-block", ".yaml", deep_block.encode()
    deep_map = "".join(" " * i + f"k{i}:\n" for i in range(200)) + " " * 200 + "v: 1\n"
    yield "deep-mapping", ".yaml", deep_map.encode()
    yield "deep-in-name", ".yaml", _yaml_station(name="[" * 100 + "]" * 100).encode()
    # Duplicate keys
    yield "dup-top", ".yaml", b"stations: []\nstations: []\n"
    yield "dup-station-key", ".yaml", _yaml_station(extra="    id: s2\n").encode()
    yield "dup-json", ".json", b'{"stations": [], "year": 2024, "stations": []}'
    yield (
        "dup-json-nested",
        ".json",
        json.dumps({"stations": [STATION]}, ensure_ascii=False)
        .replace('"name": "一号站"', '"name": "一号站", "name": "二号站"')
        .encode(),
    )
    # Numbers that are not numbers
    for literal in (".nan", ".NaN", ".inf", "-.inf", "+.INF"):
        yield f"yaml{literal}", ".yaml", _yaml_station(extra=f"year: {literal}\n").encode()
    for literal in ("NaN", "Infinity", "-Infinity", "1e400", "-1e400"):
        data = json.dumps({"year": 0, "stations": []}).replace("0", literal, 1)
        yield f"json-{literal}", ".json", data.encode()
    big = "9" * 5_000
    yield "int-5000-digits", ".yaml", _yaml_station(extra=f"year: {big}\n").encode()
    yield "int-5000-json", ".json", f'{{"year": {big}, "stations": []}}'.encode()
    yield "int-31-digits", ".yaml", _yaml_station(extra=f"year: {'1' * 31}\n").encode()
    yield "float-long", ".json", f'{{"year": 1.{"0" * 5000}, "stations": []}}'.encode()
    yield "hex-int-huge", ".yaml", _yaml_station(extra=f"year: 0x{'f' * 200}\n").encode()
    yield (
        "nan-in-team",
        ".json",
        json.dumps({"stations": [STATION]}).replace('"age": 30', '"age": NaN').encode(),
    )
    # Tags
    tags = (
        "!!set {a, b}",
        "!!binary aGVsbG8=",
        "!!timestamp 2024-13-45",
        "!!timestamp 2024-01-01",
        "!!omap [a: 1]",
        "!!python/object:os.system {}",
        "!custom x",
        "!!pairs [a: 1]",
    )
    for number, tag in enumerate(tags):
        yield f"tag-{number}", ".yaml", f"stations: {tag}\n".encode()
    # Sizes
    yield "long-text", ".yaml", _yaml_station(name="x" * 200_001).encode()
    yield "long-key", ".yaml", ("k" * 200_001 + ": 1\nstations: []\n").encode()
    yield "yaml-over-size", ".yaml", b"stations: []\n#" + b"x" * 10_000_001 + b"\n"
    # Syntax
    yield "empty", ".yaml", b""
    yield "comments-only", ".yaml", b"# nothing\n"
    yield "top-list", ".yaml", b"- a\n- b\n"
    yield "top-scalar", ".yaml", b"hello\n"
    yield "two-documents", ".yaml", b"stations: []\n---\nstations: []\n"
    yield "tab-indent", ".yaml", b"stations:\n\t- id: s1\n"
    yield "unclosed-quote", ".yaml", b'stations: [{id: "s1}]\n'
    yield "unclosed-flow", ".yaml", b"stations: [{id: s1\n"
    yield "bad-indent", ".yaml", b"stations:\n  - id: s1\n name: x\n"
    yield "control-char", ".yaml", _yaml_station(name=f'"{ESC}x"').replace("\\x1b", ESC).encode()
    yield "raw-escape", ".yaml", f"stations:\n- id: a{ESC}[31m\n".encode()
    yield "json-trailing-comma", ".json", b'{"stations": [],}'
    yield "json-comment", ".json", b'{"stations": [] // no\n}'
    yield "json-single-quotes", ".json", b"{'stations': []}"
    yield "json-truncated", ".json", b'{"stations": [{"id": "s1"'
    yield "json-empty", ".json", b""
    yield "json-array", ".json", b"[1, 2, 3]"
    yield "json-bom-array", ".json", codecs.BOM_UTF8 + b"[]"
    yield "json-lone-surrogate", ".json", b'{"stations": [{"id": "\\ud800"}]}'
    # Wrong values, hostile text in values (the messages must show them escaped)
    wrong = {
        "count-text": "teams: [{kind: rescue, members: [{name: a, age: thirty}]}]",
        "count-negative": "teams: [{kind: rescue, members: [{name: a, age: -1}]}]",
        "count-float": "teams: [{kind: rescue, members: [{name: a, age: 30.5}]}]",
        "count-bool": "teams: [{kind: rescue, members: [{name: a, age: true}]}]",
        "bool-yes": "handbook: yes",
        "bool-on": "handbook: on",
        "date-bad": "completed_on: 2024-13-45",
        "date-int": "completed_on: 20240101",
        "date-text": "completed_on: yesterday",
        "list-as-text": "wall_maps: 风险图",
        "mapping-as-list": "communications: [1, 2]",
        "unknown-key": "sattelite: 1",
        "hostile-key": f'"{RLO}evil{ESC}[0m": 1',
        "hostile-id-bad-field": f'teams: "{HOSTILE_TEXT}"',
        "screen-inf-text": "communications: {screen_inches: .inf}",
        "screen-negative": "communications: {screen_inches: -3}",
        "null-name": "name: null",
        "id-list": "id: [a, b]",
        "kind-number": "kind: 7",
        "unhashable-key": "? [a, b]\n    : 1",
    }
    for name, line in wrong.items():
        station = "stations:\n- id: s1\n  name: 一号站\n  kind: township_station\n"
        yield name, ".yaml", (station + "  " + line + "\n").encode()
    yield (
        "region-bad-level",
        ".yaml",
        b"region: {code: '1', name: x, level: galaxy}\nstations: []\n",
    )
    yield (
        "region-deep",
        ".yaml",
        (
            "region: " + "{code: '1', name: x, level: county, children: [" * 70 + "]}" * 70 + "\n"
        ).encode(),
    )
    yield "year-text", ".yaml", b"year: twenty\nstations: []\n"
    yield "stations-mapping", ".yaml", b"stations: {a: 1}\n"


def _jsonl(events: list[dict[str, object] | str]) -> bytes:
    lines = [e if isinstance(e, str) else json.dumps(e, ensure_ascii=False) for e in events]
    return ("\n".join(lines) + "\n").encode()


def _event(n: int, **changes: object) -> dict[str, object]:
    event: dict[str, object] = {
        "event_id": f"e{n}",
        "record_id": "h1",
        "machine": "hazard",
        "type": "report",
        "at": f"2024-01-{n:02d}T08:00:00",
        "payload": {},
    }
    event.update(changes)
    return event


def ledger_texts() -> Iterator[tuple[str, bytes]]:
    """(case name, bytes) of malformed JSON-lines event files."""
    yield "latin1", _jsonl([_event(1, actor="café")]).replace("é".encode(), b"\xe9")
    yield "utf16", json.dumps(_event(1)).encode("utf-16")
    yield "binary", b"\x00\xff\xfe\x00garbage\n"
    yield "broken-json", b'{"event_id": "e1",\n'
    yield "not-object", b"[1, 2]\n"
    yield "nan-payload", _jsonl([json.dumps(_event(1)).replace("{}", '{"x": NaN}')])
    yield "inf-payload", _jsonl([json.dumps(_event(1)).replace("{}", '{"x": Infinity}')])
    yield "big-int", _jsonl([json.dumps(_event(1)).replace("{}", '{"x": ' + "9" * 5000 + "}")])
    yield "dup-key", _jsonl([json.dumps(_event(1)).replace('"payload"', '"type": "x", "payload"')])
    yield "deep-payload", _jsonl([json.dumps(_event(1)).replace("{}", "[" * 50_000 + "]" * 50_000)])
    yield "missing-field", _jsonl([{"event_id": "e1"}])
    yield "bad-at", _jsonl([_event(1, at="tuesday")])
    yield "at-number", _jsonl([_event(1, at=20240101)])
    yield "payload-list", _jsonl([_event(1, payload=[1])])
    yield "actor-number", _jsonl([_event(1, actor=7)])
    yield "same-id-other-content", _jsonl([_event(1), _event(1, at="2024-01-05T08:00:00")])
    yield "backwards", _jsonl([_event(2), _event(1, type="assess")])
    yield "mixed-timezones", _jsonl([_event(1), _event(2, at="2024-01-02T08:00:00+08:00")])
    yield "unknown-machine", _jsonl([_event(1, machine="spaceship")])
    yield "hostile-record", _jsonl([_event(1, record_id=HOSTILE_TEXT, machine="nope")])
    yield "illegal-event", _jsonl([_event(1, type="close")])
    yield "long-line", _jsonl([_event(1, actor="x" * 1_000_001)])


def _sqlite(path: Path, build: Callable[[sqlite3.Connection], object]) -> None:
    db = sqlite3.connect(path)
    build(db)
    db.commit()
    db.close()


_SCHEMA = """CREATE TABLE events (seq INTEGER PRIMARY KEY AUTOINCREMENT, event_id TEXT NOT NULL
UNIQUE, record_id TEXT NOT NULL, version INTEGER NOT NULL, machine TEXT NOT NULL, type TEXT NOT
NULL, payload TEXT NOT NULL, at TEXT NOT NULL, actor TEXT, UNIQUE (record_id, version))"""


def _rows(*rows: tuple[object, ...]) -> Callable[[sqlite3.Connection], None]:
    def build(db: sqlite3.Connection) -> None:
        db.execute(_SCHEMA)
        db.executemany(
            "INSERT INTO events (event_id, record_id, version, machine, type, payload, at, actor)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )

    return build


GOOD_ROW = ("e1", "h1", 1, "hazard", "report", "{}", "2024-01-01T08:00:00", None)


def sqlite_files(directory: Path) -> Iterator[tuple[str, Path]]:
    """(case name, path) of malformed SQLite ledgers."""

    def made(name: str, build: Callable[[sqlite3.Connection], object]) -> tuple[str, Path]:
        path = directory / f"{name}.sqlite"
        _sqlite(path, build)
        return name, path

    yield made("other-schema", lambda db: db.execute("CREATE TABLE events (a, b)"))
    yield made("no-events", lambda db: db.execute("CREATE TABLE notes (a)"))
    yield made("bad-at", _rows(GOOD_ROW, ("e2", "h1", 2, "hazard", "assess", "{}", "soon", None)))
    yield made("at-blob", _rows(("e1", "h1", 1, "hazard", "report", "{}", b"2024", None)))
    yield made("at-real", _rows(("e1", "h1", 1, "hazard", "report", "{}", 1.5, None)))
    yield made("payload-broken", _rows(("e1", "h1", 1, "hazard", "report", "{", GOOD_ROW[6], None)))
    nan = '{"deadline": NaN, "responsible": "x"}'
    assign = ("e2", "h1", 2, "hazard", "assign")
    yield made("payload-nan", _rows(GOOD_ROW, (*assign, nan, "2024-01-02T08:00:00", None)))
    yield made("payload-list", _rows(GOOD_ROW, (*assign, "[1]", "2024-01-02T08:00:00", None)))
    yield made(
        "payload-blob", _rows(("e1", "h1", 1, "hazard", "report", b"\xff", GOOD_ROW[6], None))
    )
    yield made("machine-null-ish", _rows(("e1", "h1", 1, "", "report", "{}", GOOD_ROW[6], None)))
    yield made("type-number", _rows(("e1", "h1", 1, "hazard", 5, "{}", GOOD_ROW[6], None)))
    # Files that say SQLite and are not (or no longer) a database.
    header = b"SQLite format 3\x00"
    for name, data in (("header-only", header), ("garbage", header + b"\xff" * 5000)):
        path = directory / f"{name}.sqlite"
        path.write_bytes(data)
        yield name, path
    good = directory / "good.sqlite"
    _sqlite(
        good,
        _rows(
            *[
                (f"e{i}", f"h{i}", 1, "hazard", "report", "{}", GOOD_ROW[6], None)
                for i in range(2000)
            ]
        ),
    )
    whole = good.read_bytes()
    for name, cut in (
        ("truncated", whole[: len(whole) // 3]),
        (
            "corrupt-page",
            whole[:4096] + b"\xa5" * (len(whole) // 2) + whole[4096 + len(whole) // 2 :],
        ),
    ):
        path = directory / f"{name}.sqlite"
        path.write_bytes(cut)
        yield name, path


def programme_texts() -> Iterator[tuple[str, bytes]]:
    """(case name, bytes) of malformed programme (completions) files."""
    yield "unknown-milestone", b"completions: [{milestone: nope, completed_on: 2023-01-01}]\n"
    yield (
        "hostile-milestone",
        (f'completions: [{{milestone: "{RLO}{ESC}[1m", completed_on: 2023-01-01}}]\n'.encode()),
    )
    yield (
        "bad-date",
        b"completions: [{milestone: pingshan-2023.survey, completed_on: 2023-02-30}]\n",
    )
    yield "no-date", b"completions: [{milestone: pingshan-2023.survey}]\n"
    yield "completions-text", b"completions: done\n"
    yield "nan-year", b"year: .nan\ncompletions: []\n"
    yield "laughs", _laughs(9, 9).replace("stations: []", "completions: []").encode()
    yield "gbk-not-chinese", b"completions: [{milestone: \xa1\x40\xa1\x40}]\n"
    yield "deep", ("completions: " + "[" * 3000 + "]" * 3000 + "\n").encode()
    yield "dup", b"completions: []\ncompletions: []\n"


SET_VALUES = {
    "rescue_team_min=nan": "rescue_team_min",
    "rescue_team_min=inf": "rescue_team_min",
    "rescue_team_min=-inf": "rescue_team_min",
    "rescue_team_min=1e400": "rescue_team_min",
    "rescue_team_min=1000000000000": "rescue_team_min",
    "rescue_team_min=1000000": "rescue_team_min",
    f"rescue_team_min={'9' * 5000}": "rescue_team_min",
    "rescue_team_min=-1": "rescue_team_min",
    "rescue_team_min=thirty": "rescue_team_min",
    "rescue_team_min=3.5": "rescue_team_min",
    "rescue_team_min=": "rescue_team_min",
    "rescue_average_age_max=NaN": "rescue_average_age_max",
    "rescue_average_age_max=1e309": "rescue_average_age_max",
    "rescue_average_age_max=200": "rescue_average_age_max",
    "screen_inches_min=Infinity": "screen_inches_min",
    "response_assemble_minutes=99999999": "response_assemble_minutes",
    "funding_construction_yuan=1e30": "funding_construction_yuan",
    "pass_mark=1e6": "pass_mark",
    "no_such_parameter=1": "no_such_parameter",
    f"{RLO}evil=1": "evil",
    "=5": "--set",
    "rescue_team_min": "--set",
    f"rescue_team_min={ESC}[31m": "rescue_team_min",
}

AS_OF_VALUES = (
    "2024-13-01",
    "2024-02-30",
    "yesterday",
    "",
    "99999-01-01",
    f"2024-01-01{RLO}",
    "2024-01-01T00:00:00",
    "0000-01-01",
    "x" * 10_000,
)


def build(directory: Path, sample: Path, programme_sample: Path) -> list[Case]:
    """Write every input under ``directory``; the cases that run them."""
    cases: list[Case] = []
    for name, suffix, data in dataset_texts():
        path = directory / f"dataset-{name}{suffix}"
        path.write_bytes(data)
        cases.append(
            Case(
                f"dataset:{name}",
                ("assess", str(path), "--standard", STANDARD, "--as-of", "2026-01-01"),
                path.name,
            )
        )
    for value, names in SET_VALUES.items():
        cases.append(
            Case(
                f"set:{value[:40]!r}",
                (
                    "assess",
                    str(sample),
                    "--standard",
                    STANDARD,
                    "--as-of",
                    "2026-01-01",
                    "--set",
                    value,
                ),
                names,
            )
        )
    for value in AS_OF_VALUES:
        cases.append(
            Case(
                f"as-of:{value[:20]!r}",
                ("assess", str(sample), "--standard", STANDARD, "--as-of", value),
                "--as-of",
            )
        )
        cases.append(
            Case(
                f"replay-as-of:{value[:20]!r}",
                ("ledger", "replay", str(sample), "--as-of", value),
                "--as-of",
            )
        )
    for name, data in ledger_texts():
        path = directory / f"ledger-{name}.jsonl"
        path.write_bytes(data)
        cases.append(
            Case(
                f"jsonl:{name}", ("ledger", "replay", str(path), "--as-of", "2024-12-31"), path.name
            )
        )
    sqlite_dir = directory / "sqlite"
    sqlite_dir.mkdir(exist_ok=True)
    for name, path in sqlite_files(sqlite_dir):
        cases.append(
            Case(
                f"sqlite:{name}",
                ("ledger", "replay", str(path), "--as-of", "2024-12-31"),
                path.name,
            )
        )
    for name, data in programme_texts():
        path = directory / f"programme-{name}.yaml"
        path.write_bytes(data)
        cases.append(
            Case(
                f"programme:{name}",
                ("programme", str(path), "--standard", PROGRAMME_STANDARD, "--as-of", "2024-01-01"),
                path.name,
            )
        )
    for ref in ("nosuch", "quanzhou@1999", f"{RLO}quanzhou", "@2025", "quanzhou@2025@x"):
        cases.append(
            Case(f"standard:{ref!r}", ("assess", str(sample), "--standard", ref), "standard")
        )
        cases.append(
            Case(
                f"machines-standard:{ref!r}",
                ("machines", "show", "hazard", "--standard", ref),
                "standard",
            )
        )
        cases.append(
            Case(
                f"programme-standard:{ref!r}",
                ("programme", str(programme_sample), "--standard", ref),
                "standard",
            )
        )
    return cases

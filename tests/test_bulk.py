"""The bulk path: compact rows and partial reports agree with the explained reports, in one
process, in worker processes and on Dask; streaming input and output."""

from __future__ import annotations

import io
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

import attrs
import pytest
import yaml
from core_support import AS_OF, DATA, make_station
from hypothesis import given, settings
from hypothesis import strategies as st
from stationkit_example.plugin import STANDARD
from toy_standards.rank_cap import STANDARD as RANK_CAP_STANDARD

import stationkit as sk
from stationkit.assessment import Assessor, Row
from stationkit.assessment._parallel import Job, assess_sources
from stationkit.cli import main
from stationkit.errors import InputError, TailoringError
from stationkit.records._stream import open_source

FAST = settings(max_examples=40, deadline=None)

stations = st.builds(
    make_station,
    members=st.integers(0, 40),
    age=st.integers(18, 60),
    phones=st.none() | st.integers(0, 3),
    screen=st.none() | st.floats(0, 200, allow_nan=False),
)
params = st.sampled_from([{}, {"team_min": 10}, {"screen_min": 55.5}, {"age_max": 30}])


def _numbered(batch: list[sk.Station]) -> list[sk.Station]:
    return [attrs.evolve(s, id=f"s{i}") for i, s in enumerate(batch)]


def _row_of(report: sk.Report) -> tuple[Any, ...]:
    failing = tuple((f.requirement, f.status.value) for f in report.findings if not f.passed)
    waived = tuple(report.acceptance.waived) if report.acceptance else ()
    return (
        report.subject.id,
        report.outcome,
        report.score,
        report.grade,
        report.rank_capped,
        failing,
        waived,
        report.grade_provisional,
        report.rank_tie,
        report.rank_population,
    )


def _compact(row: Row) -> tuple[Any, ...]:
    return (
        row.id,
        row.outcome,
        row.score,
        row.grade,
        row.rank_capped,
        row.failing,
        row.waived,
        row.grade_provisional,
        row.rank_tie,
        row.rank_population,
    )


@FAST
@given(st.lists(stations, min_size=1, max_size=12), params)
def test_rows_and_reports_match_the_explained_batch(
    batch: list[sk.Station], parameters: dict[str, object]
) -> None:
    batch = _numbered(batch)
    assessor = Assessor(STANDARD, as_of=AS_OF, parameters=parameters)
    explained = assessor.assess_batch(batch)
    rows = assessor.assess_rows(batch)
    assert [_compact(r) for r in rows] == [_row_of(r) for r in explained]
    rows2, reports = assessor.assess_many(batch, findings="all")
    assert reports == explained
    assert rows2 == rows
    _, failing = assessor.assess_many(batch, findings="failing")
    _, bare = assessor.assess_many(batch, findings="none")
    for full, part, none in zip(explained, failing, bare, strict=True):
        assert part.findings == tuple(f for f in full.findings if not f.passed)
        assert none.findings == ()
        assert attrs.evolve(part, findings=()) == attrs.evolve(full, findings=()) == none


@FAST
@given(st.lists(st.integers(0, 3), min_size=1, max_size=30), st.integers(0, 30))
def test_rank_caps_over_rows_match_caps_over_reports(phones: list[int], more: int) -> None:
    batch = _numbered([make_station(phones=p) for p in phones])
    assessor = Assessor(RANK_CAP_STANDARD, as_of=AS_OF)
    assert [_compact(r) for r in assessor.assess_rows(batch)] == [
        _row_of(r) for r in assessor.assess_batch(batch)
    ]
    # Over a declared population (the batch and others): the same demotions, ties, sizes.
    others = [make_station(phones=p % 4, sid=f"o{p}") for p in range(more)]
    population = [*batch, *others]
    assert [_compact(r) for r in assessor.assess_rows(batch, population)] == [
        _row_of(r) for r in assessor.assess_batch(batch, population)
    ]


@FAST
@given(st.lists(stations, min_size=1, max_size=8), st.data())
def test_rows_keep_waivers_and_tailoring_as_reports_do(
    batch: list[sk.Station], data: st.DataObject
) -> None:
    """Acceptance with waivers, and a tailoring's selection, read the same from rows."""
    batch = _numbered(batch)
    ids = [r.id for r in STANDARD.edition().requirements]
    waived = data.draw(st.lists(st.sampled_from(ids), unique=True))
    subjects = data.draw(st.sampled_from(["*", "s0"]))
    waivers = [
        sk.standard.Waiver(r, subjects, "approved exception", "county bureau", date(2030, 1, 1))
        for r in waived
    ]
    unselect = tuple(data.draw(st.lists(st.sampled_from(ids), unique=True, max_size=2)))
    assessor = Assessor(
        STANDARD,
        as_of=AS_OF,
        waivers=waivers,
        tailoring=sk.assessment.Tailoring(unselect=unselect),
    )
    assert [_compact(r) for r in assessor.assess_rows(batch)] == [
        _row_of(r) for r in assessor.assess_batch(batch)
    ]


def test_select_restricts_the_requirements_and_refuses_unknown_ids() -> None:
    station = make_station()
    ids = [r.id for r in STANDARD.edition().requirements][:2]
    chosen = sk.assessment.Tailoring(select=tuple(ids))
    report = Assessor(STANDARD, as_of=AS_OF, tailoring=chosen).assess(station)
    assert [f.requirement for f in report.findings] == ids
    with pytest.raises(TailoringError, match="no-such"):
        Assessor(STANDARD, as_of=AS_OF, tailoring=sk.assessment.Tailoring(select=("no-such",)))


# -- streaming input ------------------------------------------------------------------------
def _example() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((DATA / "example.yaml").read_text(encoding="utf-8"))
    again: dict[str, Any] = json.loads(json.dumps(data, default=str))
    return again


def _write_jsonl(path: Path, header: dict[str, Any] | None, items: list[Any]) -> Path:
    lines = [json.dumps(header)] if header is not None else []
    lines += [json.dumps(s, ensure_ascii=False) for s in items]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _many(n: int) -> dict[str, Any]:
    """The example dataset with its stations repeated to ``n`` (distinct ids)."""
    data = _example()
    base = data["stations"]
    data["stations"] = [{**base[i % len(base)], "id": f"p{i}"} for i in range(n)]
    return data


def _into(reports: list[sk.Report]) -> Any:
    return lambda _, report: reports.append(report)


def _rows(job: Job, paths: list[Path], **kw: Any) -> list[Row]:
    return assess_sources(job, [open_source(p, kw.pop("regions", None)) for p in paths], **kw)


def test_jsonl_input_with_a_header_line_or_regions_file_matches_the_document(
    tmp_path: Path,
) -> None:
    data = _many(23)
    stations = data.pop("stations")
    doc = tmp_path / "all.json"
    doc.write_text(json.dumps({**data, "stations": stations}), encoding="utf-8")
    with_header = _write_jsonl(tmp_path / "a.jsonl", data, stations)
    regions = tmp_path / "regions.json"
    regions.write_text(json.dumps(data), encoding="utf-8")
    bare = _write_jsonl(tmp_path / "b.jsonl", None, stations)
    job = Job(STANDARD, "2024", AS_OF)
    expected = Assessor(STANDARD, as_of=AS_OF).assess_rows(
        sk.assessment.subjects_of(sk.records.load_dataset(doc), STANDARD.edition())
    )
    assert _rows(job, [doc], size=4) == expected
    assert _rows(job, [with_header], size=5) == expected
    assert _rows(job, [bare], size=7, regions=regions) == expected


def test_jsonl_input_problems_name_the_line_and_station(tmp_path: Path) -> None:
    data = _many(3)
    stations = data.pop("stations")
    stations[1]["communications"] = {"satellite_phones": "two"}
    path = _write_jsonl(tmp_path / "bad.jsonl", data, [*stations, "not a station"])
    path.write_text(path.read_text(encoding="utf-8") + "{broken\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        _rows(Job(STANDARD, "2024", AS_OF), [path], size=2)
    text = str(info.value)
    assert "line 3 (id p1).communications.satellite_phones" in text
    assert "line 5: expected a station" in text
    assert "line 6: broken JSON" in text


def test_a_regions_file_with_stations_is_refused(tmp_path: Path) -> None:
    data = _many(2)
    path = _write_jsonl(tmp_path / "s.jsonl", None, data["stations"])
    regions = tmp_path / "r.json"
    regions.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(InputError, match="region tree only"):
        open_source(path, regions)


# -- every core, and Dask ---------------------------------------------------------------------
def test_worker_processes_give_the_same_rows_and_reports(tmp_path: Path) -> None:
    doc = tmp_path / "many.json"
    doc.write_text(json.dumps(_many(40)), encoding="utf-8")
    results = []
    for jobs in (1, 2):
        job = Job(STANDARD, "2024", AS_OF, {"team_min": 18}, findings="failing")
        reports: list[sk.Report] = []
        rows = assess_sources(job, [open_source(doc)], jobs=jobs, size=3, sink=_into(reports))
        results.append((rows, reports))
    assert results[0] == results[1]
    assert len(results[0][0]) == 41  # 40 stations and the township


@pytest.mark.slow
def test_dask_gives_the_same_rows_as_one_process(tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    doc = tmp_path / "many.json"
    doc.write_text(json.dumps(_many(30)), encoding="utf-8")
    job = Job(STANDARD, "2024", AS_OF, findings="failing")
    local = assess_sources(job, [open_source(doc)], size=4)
    with (
        distributed.LocalCluster(
            n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        on_dask = assess_sources(job, [open_source(doc)], client=client, size=4)
    assert on_dask == local


# -- the command line ---------------------------------------------------------------------------
def _cli(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), out=out)
    return code, out.getvalue()


def test_jsonl_output_lines_are_the_json_report_items(tmp_path: Path) -> None:
    doc = tmp_path / "many.json"
    doc.write_text(json.dumps(_many(12)), encoding="utf-8")
    common = [str(doc), "--standard", "example@2024", "--as-of", AS_OF.isoformat()]
    code, text = _cli("assess", *common, "--format", "json", "--jobs", "1")
    code2, lines = _cli("assess", *common, "--format", "jsonl", "--findings", "all", "--jobs", "2")
    assert code == code2
    assert [json.loads(line) for line in lines.splitlines()] == json.loads(text)["reports"]
    _, failing = _cli("assess", *common, "--format", "jsonl")
    for line, full in zip(failing.splitlines(), json.loads(text)["reports"], strict=True):
        item = json.loads(line)
        assert item["findings"] == [
            f for f in full["findings"] if f["status"] in ("not_met", "missing_evidence")
        ]
        assert item["score"] == full["score"]


def test_cli_jsonl_input_and_jobs_agree(tmp_path: Path) -> None:
    data = _many(9)
    stations = data.pop("stations")
    path = _write_jsonl(tmp_path / "s.jsonl", data, stations)
    common = ["assess", str(path), "--standard", "example", "--as-of", "2024-06-30"]
    one = _cli(*common, "--format", "jsonl", "--jobs", "1")
    two = _cli(*common, "--format", "jsonl", "--jobs", "2")
    assert one == two
    assert len(one[1].splitlines()) == 10


def test_scheduler_without_dask_exits_2_with_the_install_hint(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)
    code = main(
        ["assess", str(DATA / "example.yaml"), "--standard", "example", "--scheduler", "local:1"]
    )
    assert code == 2
    assert "pip install 'stationkit[dask]'" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--scheduler", "somewhere"], "tcp://HOST:PORT or local:N"),
        (["--scheduler", "local:1", "--jobs", "2"], "exclude each other"),
        (["--regions", str(DATA / "example.yaml")], "--regions applies to .jsonl"),
    ],
)
def test_bulk_options_are_checked(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["assess", str(DATA / "example.yaml"), "--standard", "example", *argv])
    assert code == 2
    assert message in capsys.readouterr().err


def test_assess_files_is_the_python_face_of_the_bulk_path(tmp_path: Path) -> None:
    doc = tmp_path / "many.json"
    doc.write_text(json.dumps(_many(20)), encoding="utf-8")
    one = sk.assessment.assess_files([doc], STANDARD, as_of=AS_OF, findings="all")
    two = sk.assessment.assess_files([doc], STANDARD, as_of=AS_OF, findings="all", jobs=2)
    assert one == two
    dataset = sk.records.load_dataset(doc)
    assert one.reports == sk.assessment.assess_dataset(dataset, STANDARD, as_of=AS_OF)
    picked = sk.assessment.assess_files(
        [doc], STANDARD, as_of=AS_OF, tailoring=sk.assessment.Tailoring(select=("team.size",))
    )
    assert {f for r in picked.rows for f, _ in r.failing} <= {"team.size"}
    assert picked.reports == []


def test_a_jsonl_file_with_a_byte_order_mark_reads_as_without(tmp_path: Path) -> None:
    data = _many(3)
    stations = data.pop("stations")
    plain = _write_jsonl(tmp_path / "plain.jsonl", data, stations)
    marked = tmp_path / "marked.jsonl"
    marked.write_bytes(b"\xef\xbb\xbf" + plain.read_bytes())
    job = Job(STANDARD, "2024", AS_OF)
    assert _rows(job, [marked]) == _rows(job, [plain])


def test_a_first_station_without_its_id_is_named_as_a_station(tmp_path: Path) -> None:
    data = _many(2)
    stations = data.pop("stations")
    del stations[0]["id"]
    path = _write_jsonl(tmp_path / "noid.jsonl", None, stations)
    with pytest.raises(InputError) as info:
        _rows(Job(STANDARD, "2024", AS_OF), [path], regions=_regions_file(tmp_path, data))
    assert any(
        p.path.startswith("line 1") and "id" in p.path + p.message for p in info.value.problems
    )


def _regions_file(tmp_path: Path, data: dict[str, Any]) -> Path:
    path = tmp_path / "regions.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path

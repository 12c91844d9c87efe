"""Bulk assessment over parts of the input: in this process, in worker processes, or on a
Dask cluster — the same function on the same parts, so the results are the same.

Each part goes out as unstructured stations (cheap to send) and comes back as compact rows
(and, when asked, reports already rendered by the caller's ``render``, e.g. to JSON lines):
full report objects cost more to pickle than to compute. Rank caps, which need the whole
population, are applied by the caller over the gathered rows.
"""

from __future__ import annotations

import multiprocessing
import os
import uuid
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from datetime import date
from pathlib import Path
from typing import Any

import attrs

from stationkit.assessment._assessor import Assessor, capped_reports
from stationkit.assessment._bulk import Row, check_findings, gc_paused
from stationkit.assessment._report import Report
from stationkit.assessment._subjects import region_subjects
from stationkit.assessment._tailoring_file import Tailoring
from stationkit.errors import InputError, InputProblem, UsageError
from stationkit.records._model import Dataset, Station
from stationkit.records._parts import PartReader
from stationkit.records._stream import (
    MAX_PROBLEMS,
    Part,
    Source,
    open_source,
    read_parts,
    structure_part,
)
from stationkit.records._vocabulary import Vocabulary
from stationkit.standard._standard import Standard, Subject
from stationkit.standard._vocabularies import vocabularies_for
from stationkit.standard._waiver import Waiver

#: Parts in flight per worker: enough to keep workers busy, few enough that memory stays
#: bounded by the parts, not the input.
WINDOW_PER_WORKER = 3
#: The most worker processes a run starts.
MAX_JOBS = 256


@attrs.frozen
class Job:
    """Everything a worker needs to assess parts: built once, sent once per worker.

    The assessment's terms are those of :class:`Assessor` (``parameters``, ``tailoring``,
    ``waivers``, ``period``); ``lenient`` as for loading. ``findings``: None for rows only,
    else which findings each report carries (``all``, ``failing``, ``none``); ``render`` (a
    module-level function, so it pickles by name) turns each report into what is sent back,
    e.g. a JSON line.
    """

    standard: Standard
    edition: str
    as_of: date
    parameters: Mapping[str, object] = attrs.field(factory=dict)
    tailoring: Tailoring | None = None
    waivers: tuple[Waiver, ...] = ()
    period: int | None = None
    lenient: bool = False
    findings: str | None = None
    render: Callable[[Report], Any] | None = None
    key: str = attrs.field(factory=lambda: uuid.uuid4().hex)

    def assessor(self, dataset: Dataset | None = None) -> Assessor:
        return Assessor(
            self.standard,
            self.edition,
            as_of=self.as_of,
            parameters=self.parameters,
            dataset=dataset,
            period=self.period,
            tailoring=self.tailoring,
            waivers=self.waivers,
        )

    def vocabularies(self) -> dict[str, Vocabulary]:
        """The words the edition's records are read with (core and the standard's own)."""
        return vocabularies_for(self.standard, self.edition)

    def source(
        self, path: str | os.PathLike[str], regions: str | os.PathLike[str] | None = None
    ) -> Source:
        """An input opened for reading in parts, its header read with the job's words
        (``regions``: the region tree of a ``.jsonl`` input without a header line)."""
        return open_source(
            Path(path),
            Path(regions) if regions else None,
            vocabularies=self.vocabularies(),
            lenient=self.lenient,
        )


@attrs.frozen
class Done:
    """What assessing one part gave: rows, reports (rendered) or the part's input problems;
    ``regions``: the region subjects of its input (see :class:`RegionTask`)."""

    index: int
    rows: list[Row]
    reports: list[Any]
    problems: list[InputProblem] = attrs.field(factory=list)
    regions: bool = False


@attrs.frozen
class RegionTask:
    """The region subjects of one input. They hold every station of their region, so the
    input is read whole for them: in a worker of its own, alongside the station parts.
    ``strict``: False when the station parts read the same texts strictly in the same run
    (their problems are the ones reported; see ``structure_part``)."""

    source: Source
    strict: bool = True


#: What a worker is given: some stations, or an input's region subjects.
Work = Part | RegionTask


class _Worker:
    """A worker's assessor for one job, bound to each input's header once."""

    def __init__(self, job: Job, headers: Sequence[Dataset]) -> None:
        self.job = job
        base = job.assessor()
        self.vocabularies = job.vocabularies()
        self.headers = list(headers)
        self.readers: dict[int, PartReader] = {}  # by input, made on its first part
        self.regions = [h.region_index() for h in headers]
        self.assessors = [
            base.for_dataset(h, r) for h, r in zip(headers, self.regions, strict=True)
        ]
        self._scopes = [r.scope for r in base.edition.requirements if r.scope.subject == "station"]
        self.covered: dict[str, bool] = {}

    def _covers(self, station: Station) -> bool:
        covered = self.covered.get(station.kind)
        if covered is None:
            covered = self.covered[station.kind] = any(s.covers(station) for s in self._scopes)
        return covered

    def run(self, index: int, work: Work) -> Done:
        # Structuring and assessing allocate only acyclic objects: the collector would
        # only re-scan them (it was a third of the time of structuring).
        with gc_paused():
            if isinstance(work, RegionTask):
                return self._regions(index, work.source, work.strict)
            return self._run(index, work)

    def _regions(self, index: int, source: Source, strict: bool) -> Done:
        job = self.job
        try:
            dataset = source.dataset(self.vocabularies, job.lenient, strict=strict)
        except InputError as exc:
            return Done(index, [], [], exc.problems, regions=True)
        assessor = self.assessors[index].for_dataset(dataset, self.regions[index])
        rows, reports = self._assessed(assessor, region_subjects(dataset, assessor.edition))
        return Done(index, rows, reports, regions=True)

    def _assessed(
        self, assessor: Assessor, subjects: Iterable[Subject]
    ) -> tuple[list[Row], list[Any]]:
        """The subjects' rows, and their reports (rendered) when the job asks for them."""
        job = self.job
        rows: list[Row] = []
        reports: list[Any] = []
        for subject in subjects:
            row, report = assessor.row_and_report(subject, job.findings)
            rows.append(row)
            if report is not None:
                reports.append(job.render(report) if job.render else report)
        return rows, reports

    def _run(self, index: int, part: Part) -> Done:
        reader = self.readers.get(index)
        if reader is None:
            reader = self.readers[index] = PartReader(
                self.headers[index], part.source, self.vocabularies, self.job.lenient
            )
        try:
            stations, words = structure_part(part, reader)
        except InputError as exc:
            return Done(index, [], [], exc.problems)
        assessor = self.assessors[index]
        if words:  # this part's unrecognised words, for its stations' reports
            header = self.headers[index]
            dataset = attrs.evolve(header, unrecognised=(*header.unrecognised, *words))
            assessor = assessor.for_dataset(dataset, self.regions[index])
        rows, reports = self._assessed(assessor, (s for s in stations if self._covers(s)))
        return Done(index, rows, reports)


# A worker process's own state: set once by the pool's initializer (or per Dask worker, by
# job key), never at import. Each process assesses for one run at a time.
_WORKERS: dict[str, _Worker] = {}


def _init_process(job: Job, headers: Sequence[Dataset]) -> None:
    _WORKERS.clear()
    _WORKERS[job.key] = _Worker(job, headers)


def _run_in_process(key: str, index: int, part: Work) -> Done:
    return _WORKERS[key].run(index, part)


def _run_on_dask(job: Job, headers: Sequence[Dataset], index: int, part: Work) -> Done:
    worker = _WORKERS.get(job.key)
    if worker is None:
        if len(_WORKERS) > 4:  # finished runs' assessors: not kept for ever
            _WORKERS.clear()
        worker = _WORKERS[job.key] = _Worker(job, headers)
    return worker.run(index, part)


def default_jobs() -> int:
    """All the cores this process may use."""
    try:
        return max(len(os.sched_getaffinity(0)), 1)
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def run_parts(
    job: Job,
    sources: Sequence[Source],
    *,
    jobs: int = 1,
    client: Any = None,
    size: int | None = None,
    stations: bool = True,
    regions: Sequence[int] = (),
) -> Iterator[Done]:
    """Assess the parts of ``sources`` here (``jobs=1``), in ``jobs`` worker processes, or on
    a ``dask.distributed`` ``client``: first the region subjects of the inputs ``regions``
    names (each a task of its own, so they run alongside the stations), then, when
    ``stations``, every part of stations in input order. Results come in that order. Input
    problems from every part are raised together, as one :class:`InputError`, once every
    part has been read."""
    if not 1 <= jobs <= MAX_JOBS:
        raise UsageError(f"jobs must be between 1 and {MAX_JOBS}, got {jobs}")
    headers = [s.header for s in sources]

    def work() -> Iterator[tuple[int, Work]]:
        for index in regions:
            # Read strictly by the station parts too, the texts need no second strict parse.
            yield index, RegionTask(sources[index], strict=not stations)
        if stations:
            yield from read_parts(sources, size) if size else read_parts(sources)

    problems: list[InputProblem] = []
    if client is not None:
        results = _dask(job, headers, work(), client)
    elif jobs == 1:
        worker = _Worker(job, headers)
        results = (worker.run(index, part) for index, part in work())
    else:
        results = _processes(job, headers, work(), jobs)
    region_problems: list[InputProblem] = []
    for done in results:
        if done.problems:
            (region_problems if done.regions else problems).extend(done.problems)
            continue
        yield done
    # A region task reads the stations its input's parts read: the parts' problems are the
    # ones to report (the task's parse is not strict when they ran).
    problems = problems or region_problems
    if problems:
        raise InputError(list(dict.fromkeys(problems))[:MAX_PROBLEMS])


def _ordered(
    submit: Callable[[int, Work], Any],
    parts: Iterator[tuple[int, Work]],
    window: int,
    result: Callable[[Any], Done],
) -> Iterator[Done]:
    pending: deque[Any] = deque()
    for index, part in parts:
        pending.append(submit(index, part))
        if len(pending) >= window:
            yield result(pending.popleft())
    while pending:
        yield result(pending.popleft())


def _processes(
    job: Job, headers: Sequence[Dataset], parts: Iterator[tuple[int, Work]], jobs: int
) -> Iterator[Done]:
    first = next(parts, None)
    if first is None:
        return
    second = next(parts, None)
    if second is None:  # one part: a pool would only add its start-up
        yield _Worker(job, headers).run(*first)
        return
    # fork hands the job (with the standard's predicates, closures included) to the workers
    # without pickling it; elsewhere the job must pickle.
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    with ProcessPoolExecutor(
        max_workers=jobs, mp_context=context, initializer=_init_process, initargs=(job, headers)
    ) as pool:

        def submit(index: int, part: Work) -> Future[Done]:
            return pool.submit(_run_in_process, job.key, index, part)

        def chain() -> Iterator[tuple[int, Work]]:
            yield first
            yield second
            yield from parts

        yield from _ordered(submit, chain(), jobs * WINDOW_PER_WORKER, lambda f: f.result())


def _dask(
    job: Job, headers: Sequence[Dataset], parts: Iterator[tuple[int, Work]], client: Any
) -> Iterator[Done]:
    # The job and the headers go to every worker once; parts stream through a window.
    job_f = client.scatter(job, broadcast=True, hash=False)
    # A list is scattered item by item: wrapped, it goes as one object.
    headers_f = client.scatter([list(headers)], broadcast=True, hash=False)[0]
    workers = max(len(client.scheduler_info().get("workers", {})), 1)

    def submit(index: int, part: Work) -> Any:
        return client.submit(_run_on_dask, job_f, headers_f, index, part, pure=False)

    yield from _ordered(submit, parts, workers * WINDOW_PER_WORKER, lambda f: f.result())


def assess_sources(
    job: Job,
    sources: Sequence[Source],
    *,
    subjects: str = "all",
    jobs: int = 1,
    client: Any = None,
    sink: Callable[[int, Any], object] | None = None,
    progress: Callable[[int], None] | None = None,
    size: int | None = None,
    population: Sequence[Row] | None = None,
) -> list[Row]:
    """The rows of every subject of ``sources`` (``subjects``: ``all``, ``station`` or
    ``region``), in input order — each file's stations, then its region nodes — with the rank
    caps applied over ``population`` (rows of every subject the caps count; default: these).
    Each report (when ``job.findings`` asks for them) goes to ``sink(position, report)`` as it
    comes, ``position`` being its row's index; ``progress`` is told how many subjects each
    part held. A station id given twice in one input is an input error."""
    if subjects not in ("all", "station", "region"):
        raise UsageError(f"subjects must be all, station or region, not {subjects!r}")
    base = job.assessor()
    edition = base.edition
    rows: list[Row] = []
    counts = [0] * len(sources)
    seen: list[set[str]] = [set() for _ in sources]
    repeated: list[InputProblem] = []
    # Identical failing lists are shared: rows then cost little beyond their own fields.
    shared: dict[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]] = {}

    def take(index: int, new_rows: Sequence[Row], reports: Sequence[Any]) -> None:
        counts[index] += len(new_rows)
        ids = seen[index]
        for k, row in enumerate(new_rows):
            if row.subject == "station":
                if row.id not in ids:
                    ids.add(row.id)
                elif len(repeated) < MAX_PROBLEMS:
                    repeated.append(
                        InputProblem(
                            str(sources[index].path),
                            f"station {row.id}",
                            "the same station id appears twice: each station once, its id "
                            "unique in the file",
                        )
                    )
            failing = shared.setdefault(row.failing, row.failing)
            if failing is not row.failing:
                row = attrs.evolve(row, failing=failing)
            if sink is not None and reports:
                sink(len(rows), reports[k])
            rows.append(row)
        if progress is not None:
            progress(len(new_rows))

    has_regions = subjects != "station" and any(
        r.scope.subject == "region" for r in edition.requirements
    )
    with_regions = [
        i for i, source in enumerate(sources) if has_regions and source.header.region is not None
    ]
    # Region rows come after their input's stations: kept until those are all in.
    waiting: dict[int, Done] = {}
    done_upto = 0  # inputs whose stations (and region subjects) are all taken

    def flush(upto: int) -> None:
        nonlocal done_upto
        while done_upto < upto:
            held = waiting.pop(done_upto, None)
            if held is not None:
                take(done_upto, held.rows, held.reports)
            done_upto += 1

    for done in run_parts(
        job,
        sources,
        jobs=jobs,
        client=client,
        size=size,
        stations=subjects != "region",
        regions=with_regions,
    ):
        if done.regions:
            waiting[done.index] = done
            continue
        flush(done.index)
        take(done.index, done.rows, done.reports)
    flush(len(sources))
    if repeated:
        raise InputError(repeated)
    for source, count in zip(sources, counts, strict=True):
        if not count:
            raise UsageError(
                f"{source.path}: nothing in it is covered by "
                f"{job.standard.id}@{edition.edition} (subject: {subjects})"
            )
    return base.cap_rows(rows, population)


@attrs.frozen
class Bulk:
    """A bulk assessment's result: a row per subject (rank caps applied) and, when
    ``findings`` asked for them, the reports in the same order."""

    rows: list[Row]
    reports: list[Report]


def assess_files(
    paths: Sequence[str | os.PathLike[str]],
    standard: Standard,
    edition: str | None = None,
    *,
    as_of: date,
    parameters: Mapping[str, object] | None = None,
    tailoring: Tailoring | None = None,
    waivers: Sequence[Waiver] = (),
    period: int | None = None,
    subjects: str = "all",
    findings: str | None = None,
    jobs: int = 1,
    client: Any = None,
    regions: str | os.PathLike[str] | None = None,
    lenient: bool = False,
    cap_over: Sequence[str | os.PathLike[str]] = (),
) -> Bulk:
    """Assess every subject of the files (YAML, JSON, spreadsheets, or ``.jsonl`` read in
    parts) on the bulk path: in this process, in ``jobs`` worker processes, or on a
    ``dask.distributed`` ``client`` — the same rows either way. The terms are those of
    :class:`Assessor`; ``findings`` (``all``, ``failing``, ``none``) also builds reports;
    ``cap_over``: the files whose subjects the rank caps count (default: these)."""
    if findings is not None:
        check_findings(findings)
    job = Job(
        standard,
        standard.edition(edition).edition,
        as_of,
        dict(parameters or {}),
        tailoring,
        tuple(waivers),
        period,
        lenient,
        findings,
    )

    def opened(items: Sequence[str | os.PathLike[str]]) -> list[Source]:
        return [job.source(p, regions) for p in items]

    population = None
    if cap_over:
        rows_only = attrs.evolve(job, findings=None, key=uuid.uuid4().hex)
        population = assess_sources(
            rows_only, opened(cap_over), subjects=subjects, jobs=jobs, client=client
        )
    reports: list[Report] = []
    with gc_paused():
        rows = assess_sources(
            job,
            opened(paths),
            subjects=subjects,
            jobs=jobs,
            client=client,
            sink=lambda _, report: reports.append(report),
            population=population,
        )
    edition_ = job.assessor().edition
    return Bulk(rows, capped_reports(reports, rows, edition_) if findings is not None else [])

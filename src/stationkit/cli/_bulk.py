"""``stationkit assess`` over files of any size: parts of the input assessed in worker
processes (``--jobs``) or on Dask (``--scheduler``), compact rows gathered, rank caps applied
once, reports written as asked. ``--format jsonl`` streams: reports go to a spool file as
they come and are copied out once the caps are known, so memory holds only the rows."""

from __future__ import annotations

import contextlib
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TextIO

import attrs

from stationkit.assessment._assessor import capped_reports
from stationkit.assessment._bulk import Row, gc_paused
from stationkit.assessment._dask import check_scheduler, dask_client
from stationkit.assessment._parallel import MAX_JOBS, Job, assess_sources, default_jobs
from stationkit.assessment._report import Report
from stationkit.assessment._scoring import grade_titles
from stationkit.errors import UsageError
from stationkit.records._stream import Source
from stationkit.report._json import recapped_line, report_line

PROGRESS_MIN = 200  # runs of at least this many subjects get a progress bar on a terminal


@attrs.frozen
class Run:
    """How to run a bulk assessment: where (``jobs`` processes, or a Dask ``scheduler``)
    and whether to show progress on stderr."""

    jobs: int = 1
    scheduler: str | None = None
    progress: bool = False
    regions: str | None = None


class _Progress:
    """Progress on stderr while loading and assessing (a terminal only: piped output and
    logs stay clean)."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self._bar: Any = None
        self._task: Any = None
        self._seen = 0

    @contextlib.contextmanager
    def loading(self, what: str) -> Iterator[None]:
        if not self.enabled:
            yield
            return
        from rich.console import Console

        with Console(stderr=True).status(f"loading {what}"):
            yield

    def start(self, total: int | None) -> None:
        if not self.enabled:
            return
        from rich.console import Console
        from rich.progress import Progress

        self._bar = Progress(console=Console(stderr=True), transient=True)
        self._bar.start()
        self._task = self._bar.add_task("assessing", total=total)

    def advance(self, n: int) -> None:
        self._seen += n
        if self._bar is not None and self._seen >= PROGRESS_MIN:
            self._bar.update(self._task, completed=self._seen)

    def stop(self) -> None:
        if self._bar is not None:
            self._bar.stop()


def add_run_arguments(parser: Any, positive: Callable[[str], int]) -> None:
    """``--jobs``, ``--scheduler`` and ``--regions``: where a bulk run happens, and the region
    tree of ``.jsonl`` inputs (``assess`` and ``whatif`` alike)."""
    parser.add_argument(
        "--jobs",
        type=positive,
        metavar="N",
        help=f"worker processes, 1 to {MAX_JOBS} (default: every core)",
    )
    parser.add_argument(
        "--scheduler",
        metavar="tcp://HOST:PORT|local:N",
        help="assess on a Dask cluster (needs the dask extra)",
    )
    parser.add_argument(
        "--regions",
        metavar="FILE",
        help="the region tree (YAML/JSON) for .jsonl inputs without a header line",
    )


def add_terms_arguments(parser: Any) -> None:
    """``--year``, ``--tailoring``, ``--waivers`` and ``--lenient``: the terms of an
    assessment run (``assess`` and ``whatif`` alike)."""
    parser.add_argument(
        "--year",
        type=int,
        metavar="YYYY",
        help="the calendar year assessed (每年 = 1 Jan – 31 Dec; default: the file's year, "
        "else the year of --as-of); without @EDITION, the edition in force that year",
    )
    parser.add_argument(
        "--tailoring",
        metavar="FILE",
        help="a tailoring file: parameter values with a reason each, select:/unselect: "
        "requirement ids or groups",
    )
    parser.add_argument(
        "--waivers",
        metavar="FILE",
        help="approved waivers (requirement, subject or *, justification, approved_by, "
        "expires): a waived finding keeps its status; acceptance counts it as met",
    )
    parser.add_argument(
        "--lenient",
        action="store_true",
        help="keep unknown words of closed vocabularies (listed under 'unrecognised' in each "
        "report) instead of refusing the file",
    )


def run_of(args: Any) -> Run:
    """The run ``--jobs``/``--scheduler``/``--regions`` ask for (progress on a terminal)."""
    if args.jobs is not None and args.scheduler is not None:
        raise UsageError("--jobs and --scheduler exclude each other")
    return Run(
        jobs=args.jobs or default_jobs(),
        scheduler=args.scheduler,
        progress=sys.stderr.isatty(),
        regions=args.regions,
    )


def open_sources(
    job: Job, files: Sequence[str], regions: str | None, progress: _Progress | None = None
) -> list[Source]:
    """The inputs opened for reading in parts, their headers read with the job's words."""
    sources = []
    progress = progress or _Progress(False)
    for path in files:
        with progress.loading(path):
            sources.append(job.source(path, regions))
    return sources


def _total(sources: Sequence[Source]) -> int | None:
    """How many stations the inputs hold, when known without reading them (not for .jsonl)."""
    counts = [len(s.raw) if s.raw is not None else s.count for s in sources]
    return None if any(c is None for c in counts) else sum(c or 0 for c in counts)


@contextlib.contextmanager
def run_client(run: Run) -> Iterator[Any]:
    """The Dask client a run asks for (None: local processes), closed afterwards."""
    if run.scheduler is None:
        yield None
        return
    with dask_client(run.scheduler) as client:
        yield client


def bulk_rows(
    job: Job,
    files: Sequence[str],
    subjects: str,
    run: Run,
    sink: Callable[[int, Any], object] | None = None,
    sources: Sequence[Source] | None = None,
    client: Any = None,
    population: Sequence[Row] | None = None,
) -> list[Row]:
    """Rows (rank caps applied over ``population``, default these) for every subject of
    ``files`` (or of ``sources`` already open); reports to ``sink``."""
    if run.scheduler is not None:
        check_scheduler(run.scheduler)
    job.assessor()  # parameters, tailoring and waivers checked before any input is read
    progress = _Progress(run.progress)
    if sources is None:
        sources = open_sources(job, files, run.regions, progress)
    with contextlib.ExitStack() as stack:
        if client is None:
            client = stack.enter_context(run_client(run))
        stack.enter_context(gc_paused())
        progress.start(_total(sources))
        try:
            return assess_sources(
                job,
                sources,
                subjects=subjects,
                jobs=run.jobs,
                client=client,
                sink=sink,
                progress=progress.advance,
                population=population,
            )
        finally:
            progress.stop()


def population_rows(job: Job, files: Sequence[str], subjects: str, run: Run) -> list[Row] | None:
    """The rows of the population a rank cap counts (``--cap-over``; None: the run's own)."""
    if not files:
        return None
    return bulk_rows(attrs.evolve(job, findings=None, render=None), files, subjects, run)


def assess_reports(
    job: Job,
    files: Sequence[str],
    subjects: str,
    run: Run,
    sources: Sequence[Source] | None = None,
    population: Sequence[Row] | None = None,
) -> tuple[list[Row], list[Report]]:
    """Rows and full reports (carrying ``job.findings``) for every subject of ``files``."""
    reports: list[Report] = []
    rows = bulk_rows(
        job, files, subjects, run, lambda _, r: reports.append(r), sources, population=population
    )
    return rows, capped_reports(reports, rows, job.assessor().edition)


def assess_jsonl(
    job: Job,
    files: Sequence[str],
    subjects: str,
    run: Run,
    out: TextIO,
    sources: Sequence[Source] | None = None,
    population: Sequence[Row] | None = None,
) -> list[Row]:
    """Write one report a line to ``out``, holding only rows: lines are spooled to a
    temporary file until the rank caps (which need every row) are known."""
    job = attrs.evolve(job, render=report_line)
    edition = job.assessor().edition
    if not edition.grading.rank_caps:
        # No caps: nothing can change after the fact, so lines go straight out.
        return bulk_rows(job, files, subjects, run, lambda _, line: out.write(line + "\n"), sources)
    with tempfile.TemporaryFile("w+", encoding="utf-8") as spool:
        rows = bulk_rows(
            job,
            files,
            subjects,
            run,
            lambda _, line: spool.write(line + "\n"),
            sources,
            population=population,
        )
        spool.seek(0)
        titles = grade_titles(edition.grading)
        capped = {cap.grade for cap in edition.grading.rank_caps}
        for row, line in zip(rows, spool, strict=True):
            # A line says what its report said before the caps: rewritten where they changed it.
            if (
                row.rank_capped
                or row.rank_tie
                or row.rank_population is not None
                or row.grade_provisional != (row.grade in capped)
            ):
                title = titles.get(row.grade or "")
                line = (
                    recapped_line(
                        line.rstrip("\n"),
                        row.grade,
                        title,
                        rank_capped=row.rank_capped,
                        rank_tie=row.rank_tie,
                        grade_provisional=row.grade_provisional,
                        rank_population=row.rank_population,
                    )
                    + "\n"
                )
            out.write(line)
    return rows

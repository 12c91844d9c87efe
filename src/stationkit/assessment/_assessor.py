"""Assessment: run an edition's requirements over subjects and build explained reports."""

from __future__ import annotations

import copy
from collections.abc import Collection, Iterable, Mapping, Sequence
from datetime import date

import attrs

from stationkit.assessment._bulk import Row, cap_rows, check_findings, gc_paused
from stationkit.assessment._report import Override, Report, SubjectRef
from stationkit.assessment._scoring import Entry, Score, ScorePlan, apply_rank_caps
from stationkit.assessment._subjects import subjects_of
from stationkit.assessment._tailoring import tailor
from stationkit.errors import RequirementError, StationkitError, UsageError
from stationkit.records._model import Dataset, Station
from stationkit.standard._context import Context
from stationkit.standard._findings import Check, Finding, Status
from stationkit.standard._standard import (
    Band,
    Edition,
    Number,
    Requirement,
    Role,
    Standard,
    Subject,
    parameter_values,
)

_MET, _NA = Status.MET, Status.NOT_APPLICABLE


def _credit(check: Check) -> float:
    if check.credit is not None:
        return min(max(check.credit, 0.0), 1.0)
    return 1.0 if check.status is _MET else 0.0


def _finding(req: Requirement, check: Check) -> Finding:
    status = check.status
    credit = _credit(check)
    # Positional: this runs once per requirement per subject.
    return Finding(
        req.id,
        status,
        check.observed,
        check.expected,
        req.citation,
        req.title,
        req.group,
        check.remedy if status is not Status.MET else None,
        check.note,
        req.gate,
        req.weight,
        credit,
        check.points,
    )


def _selected(edition: Edition, select: Collection[str] | None) -> Edition:
    """The edition restricted to the requirement ids in ``select`` (None: all of them)."""
    if select is None:
        return edition
    wanted = set(select)
    unknown = sorted(wanted - {r.id for r in edition.requirements})
    if unknown:
        raise UsageError(
            f"select names requirements that edition {edition.edition} does not have: "
            + ", ".join(unknown)
        )
    return attrs.evolve(
        edition, requirements=tuple(r for r in edition.requirements if r.id in wanted)
    )


def _subject_ref(subject: Subject) -> SubjectRef:
    if isinstance(subject, Station):
        return SubjectRef(subject.id, subject.kind, subject.name)
    return SubjectRef(subject.id, subject.kind, subject.region.name, "region")


class Assessor:
    """An edition made ready to assess many subjects with the same date and parameters."""

    def __init__(
        self,
        standard: Standard,
        edition: str | None = None,
        *,
        as_of: date,
        parameters: Mapping[str, object] | None = None,
        dataset: Dataset | None = None,
        select: Collection[str] | None = None,
    ) -> None:
        self.standard = standard
        # ``select``: assess only these requirements (ids); scores and grades then cover them.
        self.edition: Edition = _selected(standard.edition(edition), select)
        overrides = tailor(self.edition, parameters or {})
        self.values = parameter_values(self.edition, overrides)
        self.overridden = {
            name: Override(value, self.edition.parameter(name).value)
            for name, value in sorted(overrides.items())
        }
        data = dataset or Dataset()
        self.context = Context(
            as_of=as_of, params=self.values, dataset=data, regions=data.region_index()
        )
        self._plan = ScorePlan(self.edition, self.resolve)
        self._by_kind: dict[tuple[object, ...], tuple[Requirement, ...]] = {}

    def for_dataset(self, dataset: Dataset) -> Assessor:
        """The same compiled assessor (parameters, scoring plan, applicable requirements)
        reading another dataset's region tree, year and completions."""
        other = copy.copy(self)
        other.context = attrs.evolve(self.context, dataset=dataset, regions=dataset.region_index())
        return other

    def resolve(self, number: Number) -> float:
        return self.context.number(number) if isinstance(number, str) else float(number)

    def _failed(self, req: Requirement, subject: Subject, exc: Exception) -> RequirementError:
        return RequirementError(
            f"{self.standard.id}@{self.edition.edition} requirement {req.id} failed on "
            f"{_subject_ref(subject).id}: {type(exc).__name__}: {exc}"
        )

    def _applicable(self, subject: Subject) -> tuple[Requirement, ...]:
        # Which requirements cover a subject depends only on its kind (and level): cache it.
        key = (
            type(subject),
            subject.kind,
            None if isinstance(subject, Station) else subject.region.level,
        )
        reqs = self._by_kind.get(key)
        if reqs is None:
            reqs = tuple(r for r in self.edition.requirements if r.scope.covers(subject))
            self._by_kind[key] = reqs
        return reqs

    def _evaluate(self, subject: Subject) -> tuple[tuple[Requirement, ...], list[Check]]:
        reqs = self._applicable(subject)
        ctx = self.context
        checks: list[Check] = []
        append = checks.append
        # One try around the loop, not one per requirement: this is the innermost loop.
        req = None
        try:
            for req in reqs:
                append(req.predicate(subject, ctx))
        except StationkitError:
            raise
        except Exception as exc:
            assert req is not None
            raise self._failed(req, subject, exc) from exc
        return reqs, checks

    def _verified(self, reqs: Sequence[Requirement], checks: Sequence[Check]) -> Sequence[Check]:
        for req, check in zip(reqs, checks, strict=True):
            if not isinstance(check, Check):
                raise RequirementError(f"requirement {req.id} returned {check!r}, not a Check")
        return checks

    def _judge(
        self, reqs: Sequence[Requirement], checks: Sequence[Check], *, breakdown: bool
    ) -> tuple[Score, str, Band | None, tuple[str, ...], list[Entry]]:
        """Score, outcome, band and failed gates from the checks, without findings."""
        plan = self._plan
        roles = plan.roles
        entries: list[Entry] = []
        failed_gates: list[str] = []
        all_pass = True
        for req, check in zip(reqs, checks, strict=True):
            status = check.status
            entries.append((req.id, req.group, req.weight, status, _credit(check), check.points))
            if status is not _MET and status is not _NA:
                if req.gate:
                    failed_gates.append(req.id)
                if roles[req.id] in (Role.SCORED, Role.DEDUCTION):
                    all_pass = False
        result = plan.tally(entries, breakdown=breakdown)
        gates_ok = not failed_gates
        band = plan.grade(result.total, gates_ok)
        if not gates_ok:
            passed = False
        elif plan.pass_mark is not None:
            passed = result.total >= plan.pass_mark
        else:
            passed = all_pass
        return result, "pass" if passed else "fail", band, tuple(failed_gates), entries

    def assess(self, subject: Subject, *, findings: str = "all") -> Report:
        """One subject's report. Rank caps need a batch: see :meth:`assess_batch`.

        ``findings``: ``all``, ``failing`` (only those not passed) or ``none``; the score,
        grade and breakdown are the same whichever is chosen."""
        reqs, checks = self._evaluate(subject)
        return self._report(subject, reqs, self._verified(reqs, checks), findings)

    def _report(
        self,
        subject: Subject,
        reqs: Sequence[Requirement],
        checks: Sequence[Check],
        findings: str,
    ) -> Report:
        result, outcome, band, failed_gates, _ = self._judge(reqs, checks, breakdown=True)
        if findings == "all":
            kept = tuple(_finding(r, c) for r, c in zip(reqs, checks, strict=True))
        elif findings == "failing":
            kept = tuple(
                _finding(r, c)
                for r, c in zip(reqs, checks, strict=True)
                if c.status is not _MET and c.status is not _NA
            )
        else:
            kept = ()
        plan = self._plan
        return Report(
            subject=_subject_ref(subject),
            standard=self.standard.id,
            edition=self.edition.edition,
            as_of=self.context.as_of,
            outcome=outcome,
            score=result.total,
            max_score=plan.max_score,
            grade=band.grade if band else None,
            grade_title=band.title if band else None,
            findings=kept,
            breakdown=result.breakdown,
            base_score=result.base,
            bonus=result.bonus,
            deductions=result.deductions,
            overridden=self.overridden,
            failed_gates=failed_gates,
        )

    def row(self, subject: Subject) -> Row:
        """One subject's compact row: no finding objects, no breakdown. Rank caps need the
        population: see :meth:`assess_rows`."""
        reqs, checks = self._evaluate(subject)
        return self._row(subject, reqs, checks)

    def _row(self, subject: Subject, reqs: Sequence[Requirement], checks: Sequence[Check]) -> Row:
        plan = self._plan
        try:
            total, failed, gates_ok, all_pass = plan.total_of(reqs, checks)
        except AttributeError:  # a predicate returned something else than a Check: say which
            self._verified(reqs, checks)
            raise
        band = plan.grade(total, gates_ok)
        if not gates_ok:
            outcome = "fail"
        elif plan.pass_mark is not None:
            outcome = "pass" if total >= plan.pass_mark else "fail"
        else:
            outcome = "pass" if all_pass else "fail"
        failing = tuple(failed)
        if isinstance(subject, Station):
            return Row(
                subject.id,
                subject.kind,
                subject.name,
                "station",
                subject.region,
                outcome,
                total,
                band.grade if band else None,
                failing,
            )
        return Row(
            subject.id,
            subject.kind,
            subject.region.name,
            "region",
            subject.id,
            outcome,
            total,
            band.grade if band else None,
            failing,
        )

    def row_and_report(self, subject: Subject, findings: str | None) -> tuple[Row, Report | None]:
        """The row, and the full report when ``findings`` asks for one (``all``, ``failing``
        or ``none``; None: only the row), from one evaluation of the requirements."""
        reqs, checks = self._evaluate(subject)
        row = self._row(subject, reqs, checks)
        if findings is None:
            return row, None
        return row, self._report(subject, reqs, self._verified(reqs, checks), findings)

    def assess_rows(self, subjects: Iterable[Subject]) -> list[Row]:
        """Rows for every subject, with the rank caps applied over all of them."""
        with gc_paused():
            rows = [self.row(s) for s in subjects]
        return self.cap_rows(rows)

    def cap_rows(self, rows: list[Row]) -> list[Row]:
        """The edition's rank caps over a population of rows."""
        return cap_rows(rows, self.edition.grading, self.resolve)

    def assess_many(
        self, subjects: Iterable[Subject], *, findings: str = "failing"
    ) -> tuple[list[Row], list[Report]]:
        """Rows for every subject and their reports carrying ``findings`` (``all``,
        ``failing`` or ``none``), rank caps applied over the whole batch to both."""
        check_findings(findings)
        rows: list[Row] = []
        reports: list[Report] = []
        with gc_paused():
            for subject in subjects:
                row, report = self.row_and_report(subject, findings)
                rows.append(row)
                assert report is not None
                reports.append(report)
        capped = self.cap_rows(rows)
        return capped, cap_reports(reports, capped, self.edition)

    def assess_batch(self, subjects: Iterable[Subject]) -> list[Report]:
        """Reports for every subject, with the edition's rank caps applied over the batch."""
        with gc_paused():
            reports = [self.assess(s) for s in subjects]
        return apply_rank_caps(reports, self.edition.grading, self.resolve)


def cap_reports(reports: list[Report], rows: Sequence[Row], edition: Edition) -> list[Report]:
    """Reports given the grades their capped rows hold (rows and reports in one order)."""
    titles = {b.grade: b.title for b in edition.grading.bands}
    fail = edition.grading.fail_grade
    if fail is not None:
        titles.setdefault(fail.grade, fail.title)
    return [
        attrs.evolve(
            report, grade=row.grade, grade_title=titles.get(row.grade or ""), rank_capped=True
        )
        if row.rank_capped
        else report
        for report, row in zip(reports, rows, strict=True)
    ]


def assess(
    subject: Subject,
    standard: Standard,
    edition: str | None = None,
    *,
    as_of: date,
    parameters: Mapping[str, object] | None = None,
    dataset: Dataset | None = None,
) -> Report:
    """Assess one station or region subject against ``standard`` (latest edition by default)."""
    return Assessor(standard, edition, as_of=as_of, parameters=parameters, dataset=dataset).assess(
        subject
    )


def assess_batch(
    subjects: Iterable[Subject],
    standard: Standard,
    edition: str | None = None,
    *,
    as_of: date,
    parameters: Mapping[str, object] | None = None,
    dataset: Dataset | None = None,
) -> list[Report]:
    """Assess many subjects as one batch: rank caps hold over the batch."""
    return Assessor(
        standard, edition, as_of=as_of, parameters=parameters, dataset=dataset
    ).assess_batch(subjects)


def assess_dataset(
    dataset: Dataset,
    standard: Standard,
    edition: str | None = None,
    *,
    as_of: date,
    parameters: Mapping[str, object] | None = None,
    subjects: str = "all",
) -> list[Report]:
    """Assess every station and region node of ``dataset`` that the edition covers, as one
    batch (``subjects``: ``all``, ``station`` or ``region``)."""
    assessor = Assessor(standard, edition, as_of=as_of, parameters=parameters, dataset=dataset)
    return assessor.assess_batch(subjects_of(dataset, assessor.edition, subjects))

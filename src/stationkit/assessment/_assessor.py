"""Assessment: run an edition's requirements over subjects and build explained reports."""

from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping, Sequence
from datetime import date

import attrs

from stationkit.assessment._bulk import Row, cap_rows, check_findings, gc_paused
from stationkit.assessment._report import Acceptance, Override, Report, SubjectRef
from stationkit.assessment._scoring import ScorePlan, apply_rank_caps, grade_titles
from stationkit.assessment._subjects import subjects_of
from stationkit.assessment._tailoring import tailor
from stationkit.assessment._tailoring_file import Tailoring
from stationkit.assessment._waivers import check_waivers
from stationkit.errors import RequirementError, StationkitError, TailoringError, UsageError
from stationkit.records._model import Dataset, Region, Station, Unrecognised
from stationkit.standard._context import Context
from stationkit.standard._findings import Check, Finding, Status
from stationkit.standard._outcome import OutcomeKind
from stationkit.standard._standard import (
    Edition,
    Number,
    Predicate,
    Requirement,
    Role,
    Standard,
    Subject,
    parameter_values,
)
from stationkit.standard._waiver import Waiver

#: The earliest year an assessment may name (the sources date from 2022).
MIN_PERIOD = 2000
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
        check.tally,
    )


def _subject_ref(subject: Subject) -> SubjectRef:
    if isinstance(subject, Station):
        return SubjectRef(subject.id, subject.kind, subject.name)
    return SubjectRef(subject.id, subject.kind, subject.region.name, "region")


def _selection(edition: Edition, tailoring: Tailoring) -> frozenset[str]:
    """The ids of the requirements a tailoring selects (all, by default) and does not
    unselect; ``select``/``unselect`` name requirement ids or groups."""
    ids = {r.id for r in edition.requirements}
    groups = {r.group for r in edition.requirements}
    unknown = [t for t in (*tailoring.select, *tailoring.unselect) if t not in ids | groups]
    if unknown:
        raise TailoringError(
            f"select/unselect name no requirement or group of {edition.edition}: {unknown}"
        )

    def named(tokens: tuple[str, ...], req: Requirement) -> bool:
        return req.id in tokens or req.group in tokens

    return frozenset(
        r.id
        for r in edition.requirements
        if (not tailoring.select or named(tailoring.select, r)) and not named(tailoring.unselect, r)
    )


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
        period: int | None = None,
        tailoring: Tailoring | None = None,
        waivers: Sequence[Waiver] = (),
        refuse_unread: bool = True,
    ) -> None:
        """``refuse_unread``: refuse a tailored parameter that no requirement, scoring or
        grading rule declares it reads (the policy-testing toolkit turns it off to probe
        what an undeclared read changes)."""
        self.standard = standard
        self.edition: Edition = standard.edition(edition)
        tailoring = tailoring or Tailoring()
        both = sorted(set(tailoring.values) & set(parameters or {}))
        if both:
            raise TailoringError(f"parameters {both} are set twice: by --set and by the file")
        overrides = tailor(
            self.edition,
            {**tailoring.values, **(parameters or {})},
            readers=None if refuse_unread else {p.name for p in self.edition.parameters},
        )
        self.values = parameter_values(self.edition, overrides)
        self.overridden = {
            name: Override(value, self.edition.parameter(name).value, tailoring.reasons.get(name))
            for name, value in sorted(overrides.items())
        }
        self._selected = _selection(self.edition, tailoring)
        self.waivers = check_waivers(waivers, self.edition, as_of)
        data = dataset or Dataset()
        if period is not None and not MIN_PERIOD <= period <= as_of.year:
            raise UsageError(
                f"the assessed year {period} must lie between {MIN_PERIOD} and the year of "
                f"as_of ({as_of.isoformat()}): a year cannot be assessed before it begins"
            )
        self.context = Context(
            as_of=as_of,
            params=self.values,
            dataset=data,
            regions=data.region_index(),
            period=period,
        )
        self._plan = ScorePlan(self.edition, self.resolve, self.resolve_source)
        self.outcome_rule = self.edition.outcome_rule
        self._capped = frozenset(cap.grade for cap in self.edition.grading.rank_caps)
        if self.outcome_rule.kind is OutcomeKind.PASS_MARK and self._plan.pass_mark is None:
            raise RequirementError(
                f"{standard.id}@{self.edition.edition}: the outcome rule is a pass mark, "
                "but the grading sets none"
            )
        self._unrecognised = _by_subject(data.unrecognised)
        self._by_kind: dict[
            tuple[object, ...],
            tuple[tuple[Requirement, ...], tuple[str, ...], tuple[Predicate, ...]],
        ] = {}

    def for_dataset(
        self, dataset: Dataset, regions: Mapping[str, Region] | None = None
    ) -> Assessor:
        """The same prepared assessor (parameters, selection, waivers, scoring plan) reading
        another dataset: its region tree (``regions``: its index, when already built), year,
        completions, given scores and unrecognised words. Parts of a large input share one."""
        other = copy.copy(self)
        other.context = attrs.evolve(
            self.context,
            dataset=dataset,
            regions=dict(regions) if regions is not None else dataset.region_index(),
        )
        other._unrecognised = _by_subject(dataset.unrecognised)
        return other

    @property
    def plan(self) -> ScorePlan:
        """The edition's scoring and grading with the tailored values resolved."""
        return self._plan

    def resolve(self, number: Number) -> float:
        return self.context.number(number) if isinstance(number, str) else float(number)

    def resolve_source(self, number: Number) -> float:
        """``number`` as the source (untailored) gives it: how the bands rank."""
        if not isinstance(number, str):
            return float(number)
        value = self.edition.parameter(number).value
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise TypeError(f"parameter {number!r} is {value!r}, not a number")
        return float(value)

    def _evaluate(self, subject: Subject) -> tuple[tuple[Requirement, ...], list[Check]]:
        """The applicable requirements and their checks: the innermost loop of every path."""
        reqs, _, predicates = self._applicable(subject)
        ctx = self.context
        try:
            checks = [predicate(subject, ctx) for predicate in predicates]
        except StationkitError:
            raise
        except Exception:
            # Predicates are pure: run them again one by one to say which one failed.
            for req in reqs:
                try:
                    req.predicate(subject, ctx)
                except StationkitError:
                    raise
                except Exception as exc:
                    raise RequirementError(
                        f"{self.standard.id}@{self.edition.edition} requirement {req.id} "
                        f"failed on {_subject_ref(subject).id}: {type(exc).__name__}: {exc}"
                    ) from exc
            raise  # pragma: no cover - a predicate that fails only once
        for req, check in zip(reqs, checks, strict=True):
            if check.__class__ is not Check and not isinstance(check, Check):
                raise RequirementError(f"requirement {req.id} returned {check!r}, not a Check")
        return reqs, checks

    def _applicable(
        self, subject: Subject
    ) -> tuple[tuple[Requirement, ...], tuple[str, ...], tuple[Predicate, ...]]:
        """The selected requirements that cover ``subject``, the ids of those covering it
        that a tailoring left out, and the selected ones' predicates. All depend only on its
        kind (and level): cached."""
        key = (
            type(subject),
            subject.kind,
            None if isinstance(subject, Station) else subject.region.level,
        )
        found = self._by_kind.get(key)
        if found is None:
            covering = [r for r in self.edition.requirements if r.scope.covers(subject)]
            chosen = tuple(r for r in covering if r.id in self._selected)
            found = (
                chosen,
                tuple(r.id for r in covering if r.id not in self._selected),
                tuple(r.predicate for r in chosen),
            )
            self._by_kind[key] = found
        return found

    def _waive(self, finding: Finding, subject: str) -> Finding:
        if finding.passed:
            return finding
        waiver = self.waivers.find(finding.requirement, subject)
        return finding if waiver is None else attrs.evolve(finding, waiver=waiver)

    def assess(self, subject: Subject, *, findings: str = "all") -> Report:
        """One subject's report. Rank caps need a batch: see :meth:`assess_batch`.

        ``findings``: which findings the report carries, ``all``, ``failing`` (those not
        passed) or ``none``; score, grade, breakdown and acceptance are the same whichever."""
        reqs, checks = self._evaluate(subject)
        return self._report(subject, reqs, checks, findings)

    def _report(
        self,
        subject: Subject,
        reqs: Sequence[Requirement],
        checks: Sequence[Check],
        keep: str = "all",
    ) -> Report:
        ident = subject.id
        pairs = tuple(zip(reqs, checks, strict=True))
        plan = self._plan
        # Scored from the checks; finding objects only for what the report keeps, and for
        # what did not pass (acceptance and waivers read those only).
        result = plan.tally(
            [(r.id, r.group, r.weight, c.status, _credit(c), c.points) for r, c in pairs]
        )
        if keep == "all":
            findings = tuple(_finding(r, c) for r, c in pairs)
            unpassed = tuple(f for f in findings if not f.passed)
        else:
            unpassed = tuple(
                _finding(r, c) for r, c in pairs if c.status is not _MET and c.status is not _NA
            )
        if self.waivers.active and unpassed:
            waived = tuple(self._waive(f, ident) for f in unpassed)
            if keep == "all":
                swap = {id(a): b for a, b in zip(unpassed, waived, strict=True)}
                findings = tuple(swap.get(id(f), f) for f in findings)
            unpassed = waived
        failed_gates = tuple(f.requirement for f in unpassed if f.gate)
        band = plan.grade(result.total, not failed_gates)
        acceptance = self._acceptance(
            [f.requirement for f in unpassed],
            failed_gates,
            [f.requirement for f in unpassed if f.waiver is not None],
            result.total,
        )
        kept = findings if keep == "all" else unpassed if keep == "failing" else ()
        return Report(
            subject=_subject_ref(subject),
            standard=self.standard.id,
            edition=self.edition.edition,
            as_of=self.context.as_of,
            outcome="pass" if acceptance.accepted else "fail",
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
            unrecognised=self._words_of(subject) if self._unrecognised else (),
            acceptance=acceptance,
            period=self.context.year,
            # Alone, a grade a rank cap limits is provisional until its population is ranked.
            grade_provisional=band is not None and band.grade in self._capped,
            left_out=self._applicable(subject)[1],
            expired_waivers=(
                self.waivers.expired_for(ident, [r.id for r in reqs])
                if self.waivers.expired
                else ()
            ),
        )

    def row(self, subject: Subject) -> Row:
        """One subject's compact row: score, grade and acceptance as its report gives them,
        without finding objects or breakdown. Rank caps need the population: see
        :meth:`assess_rows`."""
        reqs, checks = self._evaluate(subject)
        return self._row(subject, reqs, checks)

    def _row(self, subject: Subject, reqs: Sequence[Requirement], checks: Sequence[Check]) -> Row:
        plan = self._plan
        total, failing, gates = plan.total_of(reqs, checks)
        band = plan.grade(total, not gates)
        waived: tuple[str, ...] = ()
        if failing and self.waivers.active:
            find = self.waivers.find
            waived = tuple(r for r, _ in failing if find(r, subject.id) is not None)
        accepted = self._acceptance([r for r, _ in failing], gates, waived, total).accepted
        grade = band.grade if band else None
        if isinstance(subject, Station):
            ident, kind, name, what, region = (
                subject.id,
                subject.kind,
                subject.name,
                "station",
                subject.region,
            )
        else:
            ident, kind, name, what, region = (
                subject.id,
                subject.kind,
                subject.region.name,
                "region",
                subject.id,
            )
        return Row(
            ident,
            kind,
            name,
            what,
            region,
            "pass" if accepted else "fail",
            total,
            grade,
            tuple(failing),
            waived,
            False,
            False,
            grade in self._capped,
        )

    def row_and_report(self, subject: Subject, findings: str | None) -> tuple[Row, Report | None]:
        """The row, and the report carrying ``findings`` (``all``, ``failing`` or ``none``;
        None: the row only), from one evaluation of the requirements."""
        reqs, checks = self._evaluate(subject)
        row = self._row(subject, reqs, checks)
        if findings is None:
            return row, None
        return row, self._report(subject, reqs, checks, findings)

    def _acceptance(
        self,
        unpassed: Sequence[str],
        failed_gates: Sequence[str],
        waived: Sequence[str],
        total: float,
    ) -> Acceptance:
        """Acceptance under the edition's outcome rule (see :class:`OutcomeKind`), from the
        requirements not passed, the gates among them and those a waiver covers: one rule for
        reports and rows. A waived requirement counts as met for acceptance, never for the
        grade."""
        kind = self.outcome_rule.kind
        below = False
        if kind is OutcomeKind.ITEM_BY_ITEM:
            # The items are the scored requirements and the gates. A deduction costs points
            # (e.g. XE: a late task is "纳入优化营商环境工作季度考核扣分"): it is reported with
            # its points, never turned into a failed acceptance.
            roles = self._plan.roles
            gates = set(failed_gates)
            not_met = tuple(
                r for r in unpassed if r not in waived and (r in gates or roles[r] is Role.SCORED)
            )
        else:
            not_met = tuple(g for g in failed_gates if g not in waived)
            if kind is OutcomeKind.PASS_MARK and self._plan.pass_mark is not None:
                below = total < self._plan.pass_mark
        return Acceptance(kind.value, not not_met and not below, not_met, tuple(waived), below)

    def _words_of(self, subject: Subject) -> tuple[Unrecognised, ...]:
        """The unrecognised words of a station, or of a region node and its stations."""
        if isinstance(subject, Station):
            return tuple(self._unrecognised.get(subject.id, ()))
        ids = [subject.id, *(s.id for s in subject.stations)]
        return tuple(e for i in ids for e in self._unrecognised.get(i, ()))

    def assess_batch(
        self, subjects: Iterable[Subject], population: Iterable[Subject] | None = None
    ) -> list[Report]:
        """Reports for every subject, with the edition's rank caps applied over
        ``population`` (the subjects the cap counts; default: the batch, and grades a cap
        could change are then provisional)."""
        with gc_paused():
            reports = [self.assess(s) for s in subjects]
            pool = None if population is None else [self.assess(s) for s in population]
        return apply_rank_caps(
            reports, self.edition.grading, self.resolve, pool, self.resolve_source
        )

    def cap_rows(self, rows: list[Row], population: Sequence[Row] | None = None) -> list[Row]:
        """The edition's rank caps over rows (``population``: the rows of every subject the
        caps count; default the rows themselves, whose capped grades are then provisional)."""
        return cap_rows(rows, self.edition.grading, self.resolve, population, self.resolve_source)

    def assess_rows(
        self, subjects: Iterable[Subject], population: Iterable[Subject] | None = None
    ) -> list[Row]:
        """A compact row for every subject, rank caps applied as :meth:`assess_batch`
        applies them: the bulk path for populations too large for full reports."""
        with gc_paused():
            rows = [self.row(s) for s in subjects]
            pool = None if population is None else [self.row(s) for s in population]
        return self.cap_rows(rows, pool)

    def assess_many(
        self,
        subjects: Iterable[Subject],
        *,
        findings: str = "failing",
        population: Iterable[Subject] | None = None,
    ) -> tuple[list[Row], list[Report]]:
        """Rows for every subject and their reports carrying ``findings`` (``all``,
        ``failing`` or ``none``), the rank caps applied alike to both."""
        check_findings(findings)
        rows: list[Row] = []
        reports: list[Report] = []
        with gc_paused():
            for subject in subjects:
                row, report = self.row_and_report(subject, findings)
                rows.append(row)
                assert report is not None
                reports.append(report)
            pool = None if population is None else [self.row(s) for s in population]
        capped = self.cap_rows(rows, pool)
        return capped, capped_reports(reports, capped, self.edition)


def capped_reports(
    reports: Sequence[Report], rows: Sequence[Row], edition: Edition
) -> list[Report]:
    """Reports given the rank-cap results their rows hold (rows and reports in one order)."""
    titles = grade_titles(edition.grading)
    out: list[Report] = []
    for report, row in zip(reports, rows, strict=True):
        if (
            row.grade == report.grade
            and row.rank_capped == report.rank_capped
            and row.rank_tie == report.rank_tie
            and row.grade_provisional == report.grade_provisional
            and row.rank_population == report.rank_population
        ):
            out.append(report)
            continue
        out.append(
            attrs.evolve(
                report,
                grade=row.grade,
                grade_title=titles.get(row.grade or "") if row.rank_capped else report.grade_title,
                rank_capped=row.rank_capped,
                rank_tie=row.rank_tie,
                grade_provisional=row.grade_provisional,
                rank_population=row.rank_population,
            )
        )
    return out


def _by_subject(entries: Iterable[Unrecognised]) -> dict[str | None, list[Unrecognised]]:
    index: dict[str | None, list[Unrecognised]] = {}
    for entry in entries:
        index.setdefault(entry.subject, []).append(entry)
    return index


def assess(
    subject: Subject,
    standard: Standard,
    edition: str | None = None,
    *,
    as_of: date,
    parameters: Mapping[str, object] | None = None,
    dataset: Dataset | None = None,
    period: int | None = None,
    tailoring: Tailoring | None = None,
    waivers: Sequence[Waiver] = (),
) -> Report:
    """Assess one station or region subject against ``standard`` (latest edition by default)
    for the calendar year ``period`` (default: the dataset's year, else that of ``as_of``)."""
    return Assessor(
        standard,
        edition,
        as_of=as_of,
        parameters=parameters,
        dataset=dataset,
        period=period,
        tailoring=tailoring,
        waivers=waivers,
    ).assess(subject)


def assess_batch(
    subjects: Iterable[Subject],
    standard: Standard,
    edition: str | None = None,
    *,
    as_of: date,
    parameters: Mapping[str, object] | None = None,
    dataset: Dataset | None = None,
    period: int | None = None,
    population: Iterable[Subject] | None = None,
    tailoring: Tailoring | None = None,
    waivers: Sequence[Waiver] = (),
) -> list[Report]:
    """Assess many subjects as one batch: rank caps hold over ``population`` (the subjects
    the cap counts), by default over the batch, whose capped grades are then provisional."""
    return Assessor(
        standard,
        edition,
        as_of=as_of,
        parameters=parameters,
        dataset=dataset,
        period=period,
        tailoring=tailoring,
        waivers=waivers,
    ).assess_batch(subjects, population)


def assess_dataset(
    dataset: Dataset,
    standard: Standard,
    edition: str | None = None,
    *,
    as_of: date,
    parameters: Mapping[str, object] | None = None,
    subjects: str = "all",
    period: int | None = None,
    population: Iterable[Subject] | None = None,
    tailoring: Tailoring | None = None,
    waivers: Sequence[Waiver] = (),
) -> list[Report]:
    """Assess every station and region node of ``dataset`` that the edition covers, as one
    batch (``subjects``: ``all``, ``station`` or ``region``)."""
    assessor = Assessor(
        standard,
        edition,
        as_of=as_of,
        parameters=parameters,
        dataset=dataset,
        period=period,
        tailoring=tailoring,
        waivers=waivers,
    )
    return assessor.assess_batch(subjects_of(dataset, assessor.edition, subjects), population)

"""Assessment: run an edition's requirements over subjects and build explained reports."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date

import attrs

from stationkit.assessment._report import Acceptance, Override, Report, SubjectRef
from stationkit.assessment._scoring import ScorePlan, apply_rank_caps
from stationkit.assessment._subjects import subjects_of
from stationkit.assessment._tailoring import tailor
from stationkit.assessment._tailoring_file import Tailoring
from stationkit.assessment._waivers import check_waivers
from stationkit.errors import RequirementError, StationkitError, TailoringError, UsageError
from stationkit.records._model import Dataset, Station, Unrecognised
from stationkit.standard._context import Context
from stationkit.standard._findings import Check, Finding, Status
from stationkit.standard._outcome import OutcomeKind
from stationkit.standard._standard import (
    Edition,
    Number,
    Requirement,
    Role,
    Standard,
    Subject,
    parameter_values,
)
from stationkit.standard._waiver import Waiver

#: The earliest year an assessment may name (the sources date from 2022).
MIN_PERIOD = 2000


def _finding(req: Requirement, check: Check) -> Finding:
    status = check.status
    if check.credit is not None:
        credit = min(max(check.credit, 0.0), 1.0)
    else:
        credit = 1.0 if status is Status.MET else 0.0
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
        self._unrecognised: dict[str | None, list[Unrecognised]] = {}
        for entry in data.unrecognised:
            self._unrecognised.setdefault(entry.subject, []).append(entry)
        self._by_kind: dict[
            tuple[object, ...], tuple[tuple[Requirement, ...], tuple[str, ...]]
        ] = {}

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

    def _check(self, req: Requirement, subject: Subject) -> Check:
        try:
            check = req.predicate(subject, self.context)
        except StationkitError:
            raise
        except Exception as exc:
            raise RequirementError(
                f"{self.standard.id}@{self.edition.edition} requirement {req.id} failed on "
                f"{_subject_ref(subject).id}: {type(exc).__name__}: {exc}"
            ) from exc
        if not isinstance(check, Check):
            raise RequirementError(f"requirement {req.id} returned {check!r}, not a Check")
        return check

    def _applicable(self, subject: Subject) -> tuple[tuple[Requirement, ...], tuple[str, ...]]:
        """The selected requirements that cover ``subject``, and the ids of those covering
        it that a tailoring left out. Both depend only on its kind (and level): cached."""
        key = (
            type(subject),
            subject.kind,
            None if isinstance(subject, Station) else subject.region.level,
        )
        found = self._by_kind.get(key)
        if found is None:
            covering = [r for r in self.edition.requirements if r.scope.covers(subject)]
            found = (
                tuple(r for r in covering if r.id in self._selected),
                tuple(r.id for r in covering if r.id not in self._selected),
            )
            self._by_kind[key] = found
        return found

    def _waive(self, finding: Finding, subject: str) -> Finding:
        if finding.passed:
            return finding
        waiver = self.waivers.find(finding.requirement, subject)
        return finding if waiver is None else attrs.evolve(finding, waiver=waiver)

    def assess(self, subject: Subject) -> Report:
        """One subject's report. Rank caps need a batch: see :meth:`assess_batch`."""
        check = self._check
        applicable, left_out = self._applicable(subject)
        ident = subject.id
        findings = tuple(_finding(req, check(req, subject)) for req in applicable)
        if self.waivers.active:
            findings = tuple(self._waive(f, ident) for f in findings)
        plan = self._plan
        result = plan.score(findings)
        failed_gates = tuple(f.requirement for f in findings if f.gate and not f.passed)
        band = plan.grade(result.total, not failed_gates)
        acceptance = self._accept(findings, failed_gates, result.total)
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
            findings=findings,
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
            left_out=left_out,
            expired_waivers=(
                self.waivers.expired_for(ident, [f.requirement for f in findings])
                if self.waivers.expired
                else ()
            ),
        )

    def _accept(
        self, findings: tuple[Finding, ...], failed_gates: tuple[str, ...], total: float
    ) -> Acceptance:
        """Acceptance under the edition's outcome rule (see :class:`OutcomeKind`)."""
        kind = self.outcome_rule.kind
        below = False
        waived = tuple(f.requirement for f in findings if f.waiver is not None)
        if waived:  # a waived finding counts as met for acceptance, never for the grade
            failed_gates = tuple(g for g in failed_gates if g not in waived)
            findings = tuple(f for f in findings if f.waiver is None)
        if kind is OutcomeKind.ITEM_BY_ITEM:
            # The items are the scored requirements and the gates. A deduction costs points
            # (e.g. XE: a late task is "纳入优化营商环境工作季度考核扣分"): it is reported with
            # its points, never turned into a failed acceptance.
            roles = self._plan.roles
            not_met = tuple(
                f.requirement
                for f in findings
                if not f.passed and (f.gate or roles[f.requirement] is Role.SCORED)
            )
        else:
            not_met = failed_gates
            if kind is OutcomeKind.PASS_MARK and self._plan.pass_mark is not None:
                below = total < self._plan.pass_mark
        return Acceptance(kind.value, not not_met and not below, not_met, waived, below)

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
        reports = [self.assess(s) for s in subjects]
        pool = None if population is None else [self.assess(s) for s in population]
        return apply_rank_caps(
            reports, self.edition.grading, self.resolve, pool, self.resolve_source
        )


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

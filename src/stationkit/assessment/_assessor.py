"""Assessment: run an edition's requirements over subjects and build explained reports."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

from stationkit.assessment._report import Override, Report, SubjectRef
from stationkit.assessment._scoring import ScorePlan, apply_rank_caps
from stationkit.assessment._subjects import subjects_of
from stationkit.assessment._tailoring import tailor
from stationkit.errors import RequirementError, StationkitError
from stationkit.records._model import Dataset, Station, Unrecognised
from stationkit.standard._context import Context
from stationkit.standard._findings import Check, Finding, Status
from stationkit.standard._standard import (
    Edition,
    Number,
    Requirement,
    Role,
    Standard,
    Subject,
    parameter_values,
)


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
    ) -> None:
        self.standard = standard
        self.edition: Edition = standard.edition(edition)
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
        self._unrecognised: dict[str | None, list[Unrecognised]] = {}
        for entry in data.unrecognised:
            self._unrecognised.setdefault(entry.subject, []).append(entry)
        self._by_kind: dict[tuple[object, ...], tuple[Requirement, ...]] = {}

    def resolve(self, number: Number) -> float:
        return self.context.number(number) if isinstance(number, str) else float(number)

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

    def assess(self, subject: Subject) -> Report:
        """One subject's report. Rank caps need a batch: see :meth:`assess_batch`."""
        check = self._check
        findings = tuple(_finding(req, check(req, subject)) for req in self._applicable(subject))
        plan = self._plan
        result = plan.score(findings)
        failed_gates = tuple(f.requirement for f in findings if f.gate and not f.passed)
        gates_ok = not failed_gates
        band = plan.grade(result.total, gates_ok)
        if not gates_ok:
            passed = False
        elif plan.pass_mark is not None:
            passed = result.total >= plan.pass_mark
        else:
            roles = plan.roles
            passed = all(
                f.passed for f in findings if roles[f.requirement] in (Role.SCORED, Role.DEDUCTION)
            )
        return Report(
            subject=_subject_ref(subject),
            standard=self.standard.id,
            edition=self.edition.edition,
            as_of=self.context.as_of,
            outcome="pass" if passed else "fail",
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
        )

    def _words_of(self, subject: Subject) -> tuple[Unrecognised, ...]:
        """The unrecognised words of a station, or of a region node and its stations."""
        if isinstance(subject, Station):
            return tuple(self._unrecognised.get(subject.id, ()))
        ids = [subject.id, *(s.id for s in subject.stations)]
        return tuple(e for i in ids for e in self._unrecognised.get(i, ()))

    def assess_batch(self, subjects: Iterable[Subject]) -> list[Report]:
        """Reports for every subject, with the edition's rank caps applied over the batch."""
        reports = [self.assess(s) for s in subjects]
        return apply_rank_caps(reports, self.edition.grading, self.resolve)


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

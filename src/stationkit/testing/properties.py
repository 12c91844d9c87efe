"""Property checks any standard must satisfy, callable on any subject.

Each ``*_problems`` method returns the problems it found (an empty list when the property
holds); each ``check_*`` method raises :class:`PropertyFailure` listing them, with the subject
(only its recorded facts) and the finding that broke. Use them inside hypothesis tests::

    policy = Policy(STANDARD, "2024", as_of=date(2025, 1, 1))

    @given(stations_for(STANDARD))
    def test_contract(station):
        policy.check(station)            # bounds, determinism, JSON, gates, remedies...

or on hand-made records. :func:`assert_met` / :func:`assert_passes` and friends fail with
the whole explained report instead of a bare ``assert False``.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any

import attrs

from stationkit.assessment._assessor import Assessor
from stationkit.assessment._report import Report
from stationkit.errors import StationkitError
from stationkit.records._model import Dataset, Station
from stationkit.report._json import finding_json, report_from_json, report_to_json
from stationkit.standard._findings import Finding, Status
from stationkit.standard._remedy import apply_remedy
from stationkit.standard._standard import (
    Edition,
    GradingModel,
    ParamValue,
    Role,
    Standard,
    Subject,
)
from stationkit.testing._show import explain, show_finding, show_remedy, show_subject
from stationkit.testing.coverage import RequirementCoverage
from stationkit.testing.strategies import DEFAULT_AS_OF

__all__ = [
    "Policy",
    "Problem",
    "PropertyFailure",
    "assert_fails",
    "assert_met",
    "assert_not_met",
    "assert_passes",
    "citation_problems",
    "contract_problems",
    "explain",
    "json_native_problems",
    "rank_cap_problems",
    "scoring_parameters",
]

_EPS = 1e-6
_NOT_MET = (Status.NOT_MET, Status.MISSING_EVIDENCE)


@attrs.frozen
class Problem:
    """One broken property: which check, where, on what subject, and what happened."""

    check: str
    message: str
    ref: str = ""
    requirement: str | None = None
    subject: str | None = None

    def __str__(self) -> str:
        where = self.ref + (f" {self.requirement}" if self.requirement else "")
        text = (
            f"[{self.check}] {where}: {self.message}" if where else f"[{self.check}] {self.message}"
        )
        if self.subject:
            text += f"\n    subject: {self.subject}"
        return text


class PropertyFailure(AssertionError):  # noqa: N818 - reads as what it is
    """A property did not hold; ``problems`` lists every problem found."""

    def __init__(self, problems: Sequence[Problem], title: str = "") -> None:
        self.problems = tuple(problems)
        head = title or f"{len(self.problems)} property problem(s)"
        body = "\n".join(
            f"  {i + 1}. {str(p).replace(chr(10), chr(10) + '  ')}"
            for i, p in enumerate(self.problems)
        )
        super().__init__(f"{head}:\n{body}")


def _raise(problems: Sequence[Problem], title: str = "") -> None:
    if problems:
        raise PropertyFailure(problems, title)


# -- report-level helpers (no standard needed) ------------------------------------------------
def json_native_problems(value: Any, where: str) -> list[str]:
    """Where ``value`` is not JSON-native (dict with text keys, list, str, int, float, bool,
    None; no NaN): a tuple, a date or an object would not survive a JSON round trip."""
    out: list[str] = []
    if value is None or isinstance(value, str | bool | int):
        return out
    if isinstance(value, float):
        if not math.isfinite(value):
            out.append(f"{where} is {value} (not valid JSON)")
        return out
    if isinstance(value, list):
        for i, item in enumerate(value):
            out.extend(json_native_problems(item, f"{where}[{i}]"))
        return out
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str):
                out.append(f"{where} has a key {key!r} that is not a text")
            out.extend(json_native_problems(item, f"{where}.{key}"))
        return out
    kind = type(value).__name__
    hint = " (use a list)" if isinstance(value, tuple) else ""
    out.append(f"{where} is a {kind}{hint}, not JSON-native: {value!r}")
    return out


def rank_cap_problems(
    grading: GradingModel, reports: Sequence[Report], resolve: Any = float, ref: str = ""
) -> list[Problem]:
    """Whether the grades of a batch respect every rank cap: at most ``floor(share × n)``
    reports may hold a capped grade. ``resolve`` turns a parameter name into its value."""
    problems = []
    n = len(reports)
    for cap in grading.rank_caps:
        share = resolve(cap.max_share)
        allowed = math.floor(share * n + 1e-9)
        holders = [r for r in reports if r.grade == cap.grade]
        if len(holders) > allowed:
            scores = sorted((r.score for r in holders), reverse=True)
            problems.append(
                Problem(
                    "rank-caps",
                    f"{len(holders)} of {n} reports hold grade {cap.grade!r}, but the cap "
                    f"({cap.citation.label()}) allows at most {share:g} × {n} → {allowed}; "
                    f"their scores: {scores}",
                    ref,
                )
            )
    return problems


def scoring_parameters(edition: Edition) -> set[str]:
    """Parameters the scoring and grading models read by name (shares, caps, bands)."""
    names: set[object] = {s.share for s in edition.scoring.shares}
    names.add(edition.scoring.bonus_cap)
    g = edition.grading
    names.update(b.min_score for b in g.bands)
    names.add(g.pass_mark)
    if g.fail_grade is not None:
        names.add(g.fail_grade.min_score)
    names.update(c.max_share for c in g.rank_caps)
    return {n for n in names if isinstance(n, str)}


# -- static checks of an edition --
def _text_problems(text: Any, where: str) -> list[str]:
    if text is None or not text.zh.strip() or not text.en.strip():
        return [f"{where} needs both a Chinese and an English text"]
    return []


def citation_problems(standard: Standard, edition: Edition) -> list[Problem]:
    """Every parameter, requirement and rank cap cites a known source with a section; every
    parameter stated by the source quotes it (a plugin default, ``default=True``, may not)."""
    ref = f"{standard.id}@{edition.edition}"
    known = {s.key for s in standard.sources}
    problems = []

    def cite(c: Any, what: str, need_quote: bool, req: str | None = None) -> None:
        if not c.document or c.document not in known:
            problems.append(
                Problem(
                    "citations",
                    f"{what} cites document {c.document!r}, "
                    f"which the standard does not list (sources: "
                    f"{', '.join(sorted(known))})",
                    ref,
                    req,
                )
            )
        if not c.section.strip():
            problems.append(Problem("citations", f"{what} cites no section", ref, req))
        if need_quote and not c.quote.strip():
            problems.append(Problem("citations", f"{what} has no quote of the source", ref, req))

    for p in edition.parameters:
        cite(p.citation, f"parameter {p.name!r}", not p.default)
    params = {p.name: p for p in edition.parameters}
    for r in edition.requirements:
        all_default = bool(r.parameters) and all(
            params[n].default for n in r.parameters if n in params
        )
        cite(r.citation, f"requirement {r.id!r}", not all_default, r.id)
    for cap in edition.grading.rank_caps:
        cite(cap.citation, f"rank cap on {cap.grade!r}", True)
    for key in edition.sources:
        if key not in known:
            problems.append(
                Problem(
                    "citations", f"edition source {key!r} is not among the standard's sources", ref
                )
            )
    return problems


def contract_problems(standard: Standard, edition: Edition) -> list[Problem]:
    """The edition is well formed: unique ids, declared parameters exist with the right
    types, groups and kinds are known, grading is consistent (caps on real bands...)."""
    ref = f"{standard.id}@{edition.edition}"
    out: list[Problem] = []

    def bad(message: str, req: str | None = None) -> None:
        out.append(Problem("contract", message, ref, req))

    params = {p.name: p for p in edition.parameters}
    if len(params) != len(edition.parameters):
        bad("parameter names are not unique")
    ids = [r.id for r in edition.requirements]
    for dup in sorted({i for i in ids if ids.count(i) > 1}):
        bad(f"requirement id {dup!r} is used more than once")
    groups = {g.id for g in edition.groups}
    kinds = {k.id for k in standard.kinds}
    for p in edition.parameters:
        for msg in _text_problems(p.title, f"parameter {p.name!r} title"):
            bad(msg)
        if isinstance(p.value, float) and not math.isfinite(p.value):
            bad(f"parameter {p.name!r} is {p.value}")
    for r in edition.requirements:
        for name in r.parameters:
            if name not in params:
                bad(f"declares parameter {name!r}, which the edition does not have", r.id)
        if groups and r.role is Role.SCORED and r.group not in groups:
            bad(f"is in group {r.group!r}, which the edition does not list", r.id)
        if r.scope.subject not in ("station", "region"):
            bad(f"has scope subject {r.scope.subject!r} (station or region)", r.id)
        if r.scope.subject == "station" and kinds and not r.scope.kinds <= kinds:
            unknown = ", ".join(sorted(r.scope.kinds - kinds))
            bad(f"applies to station kind(s) {unknown} the standard does not declare", r.id)
        if r.weight < 0 or not math.isfinite(r.weight):
            bad(f"has weight {r.weight}", r.id)
        if r.gate and r.role in (Role.BONUS, Role.INFO):
            bad(f"is a gate with role {r.role.value}: a gate must be a scored requirement", r.id)
        for msg in _text_problems(r.title, "title"):
            bad(msg, r.id)

    def number(value: object, what: str) -> float | None:
        if isinstance(value, str):
            p = params.get(value)
            if p is None:
                bad(f"{what} names parameter {value!r}, which the edition does not have")
                return None
            if isinstance(p.value, bool) or not isinstance(p.value, int | float):
                bad(f"{what} names parameter {value!r}, whose value {p.value!r} is not a number")
                return None
            return float(p.value)
        return float(value) if isinstance(value, int | float) else None

    shares = [number(s.share, f"the share of group {s.group!r}") for s in edition.scoring.shares]
    if sum(s or 0.0 for s in shares) > edition.scoring.max_score + _EPS:
        bad(
            f"group shares add up to {sum(s or 0.0 for s in shares):g}, more than the "
            f"maximum score {edition.scoring.max_score:g}"
        )
    for s in edition.scoring.shares:
        if groups and s.group not in groups:
            bad(f"scoring gives a share to group {s.group!r}, which the edition does not list")
    if edition.scoring.bonus_cap is not None:
        number(edition.scoring.bonus_cap, "the bonus cap")
    grading = edition.grading
    mins = [number(b.min_score, f"band {b.grade!r}") for b in grading.bands]
    known_mins = [m for m in mins if m is not None]
    if known_mins != sorted(known_mins, reverse=True):
        bad("grading bands are not listed from the highest minimum score down")
    if grading.pass_mark is not None:
        number(grading.pass_mark, "the pass mark")
    band_grades = [b.grade for b in grading.bands]
    for cap in grading.rank_caps:
        share = number(cap.max_share, f"the rank cap on {cap.grade!r}")
        if share is not None and not 0.0 <= share <= 1.0:
            bad(f"the rank cap on {cap.grade!r} is a share of {share:g}, not within [0, 1]")
        if cap.grade not in band_grades:
            bad(
                f"a rank cap limits grade {cap.grade!r}, which is not one of the bands "
                f"({', '.join(band_grades) or 'none'}): the cap is never enforced"
            )
    return out


# -- the checker --
def _json_diff(a: Mapping[str, Any], b: Mapping[str, Any]) -> str:
    keys = [k for k in dict.fromkeys([*a, *b]) if a.get(k) != b.get(k)]
    parts = []
    for k in keys[:6]:
        parts.append(
            f"{k}: {json.dumps(a.get(k), ensure_ascii=False, default=str)[:300]} "
            f"!= {json.dumps(b.get(k), ensure_ascii=False, default=str)[:300]}"
        )
    return "; ".join(parts)


class _ReadLog(Mapping[str, ParamValue]):
    """The parameter values, noting every name a predicate reads."""

    def __init__(self, values: Mapping[str, ParamValue]) -> None:
        self._values = values
        self.read: set[str] = set()

    def __getitem__(self, key: str) -> ParamValue:
        self.read.add(key)
        return self._values[key]

    def __iter__(self) -> Any:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)


class Policy:
    """One edition of a standard, with the date and parameters to assess under, and every
    property check as a method."""

    def __init__(
        self,
        standard: Standard,
        edition: str | None = None,
        *,
        as_of: date = DEFAULT_AS_OF,
        parameters: Mapping[str, object] | None = None,
        dataset: Dataset | None = None,
        coverage: RequirementCoverage | None = None,
    ) -> None:
        self.standard = standard
        self.coverage = coverage
        self.as_of = as_of
        self.parameters = dict(parameters or {})
        self.dataset = dataset
        # The toolkit probes what any figure changes, read or not: it tailors freely.
        self.assessor = Assessor(
            standard,
            edition,
            as_of=as_of,
            parameters=parameters,
            dataset=dataset,
            refuse_unread=False,
        )
        self.edition: Edition = self.assessor.edition
        self.ref = f"{standard.id}@{self.edition.edition}"

    # -- running -----------------------------------------------------------------------
    def assess(self, subject: Subject) -> Report:
        report = self.assessor.assess(subject)
        if self.coverage is not None:
            self.coverage.record(report)
        return report

    def assess_batch(self, subjects: Iterable[Subject]) -> list[Report]:
        return self.assessor.assess_batch(subjects)

    def tailored(self, overrides: Mapping[str, object]) -> Policy:
        return Policy(
            self.standard,
            self.edition.edition,
            as_of=self.as_of,
            parameters={**self.parameters, **overrides},
            dataset=self.dataset,
        )

    def _problem(
        self,
        check: str,
        message: str,
        subject: Subject | None = None,
        requirement: str | None = None,
    ) -> Problem:
        return Problem(
            check,
            message,
            self.ref,
            requirement,
            show_subject(subject) if subject is not None else None,
        )

    def _safe_assess(self, check: str, subject: Subject, problems: list[Problem]) -> Report | None:
        try:
            return self.assess(subject)
        except StationkitError as exc:
            problems.append(self._problem(check, f"assessment raised {exc}", subject))
            return None

    # -- static ------------------------------------------------------------------------
    def contract_problems(self) -> list[Problem]:
        return contract_problems(self.standard, self.edition)

    def citation_problems(self) -> list[Problem]:
        return citation_problems(self.standard, self.edition)

    # -- one report ----------------------------------------------------------------------
    def score_problems(self, subject: Subject) -> list[Problem]:
        """0 ≤ score ≤ max score + bonus cap; base within the maximum; every group within
        its points; credits within [0, 1]; the grade is a band for the score."""
        problems: list[Problem] = []
        r = self._safe_assess("score-bounds", subject, problems)
        if r is None:
            return problems
        model = self.edition.scoring
        cap = self.assessor.resolve(model.bonus_cap) if model.bonus_cap is not None else None
        upper = model.max_score + (cap if cap is not None else r.bonus)

        def bad(msg: str, req: str | None = None) -> None:
            problems.append(self._problem("score-bounds", msg, subject, req))

        for name in ("score", "base_score", "bonus", "deductions"):
            value = getattr(r, name)
            if not math.isfinite(value):
                bad(f"{name} is {value}")
        if not -_EPS <= r.score <= upper + _EPS:
            bad(f"score {r.score:g} is outside [0, {upper:g}]")
        if r.base_score > model.max_score + _EPS or r.base_score < -_EPS:
            bad(f"base score {r.base_score:g} is outside [0, {model.max_score:g}]")
        if cap is not None and r.bonus > cap + _EPS:
            bad(f"bonus {r.bonus:g} exceeds the cap {cap:g}")
        if r.bonus < -_EPS:
            bad(f"bonus is negative ({r.bonus:g})")
        if r.deductions < -_EPS:
            bad(f"deductions are negative ({r.deductions:g}): a deduction that adds points")
        for g in r.breakdown:
            if g.points is not None and not -_EPS <= g.points <= g.max_points + _EPS:
                bad(f"group {g.group!r} has {g.points:g} of {g.max_points:g} points")
        for f in r.findings:
            if not 0.0 <= f.credit <= 1.0:
                bad(f"credit {f.credit} is outside [0, 1]", f.requirement)
            if f.points is not None and not math.isfinite(f.points):
                bad(f"points are {f.points}", f.requirement)
        grading = self.edition.grading
        grades = {b.grade for b in grading.bands}
        if grading.fail_grade is not None:
            grades.add(grading.fail_grade.grade)
        if r.grade is not None and r.grade not in grades:
            bad(f"grade {r.grade!r} is not one of the bands")
        if not r.failed_gates and grading.bands:
            band = next(
                (b for b in grading.bands if r.score >= self.assessor.resolve(b.min_score)), None
            )
            want = (
                band.grade if band else (grading.fail_grade.grade if grading.fail_grade else None)
            )
            if r.grade != want:
                bad(f"score {r.score:g} should grade {want!r}, got {r.grade!r}")
        return problems

    def gate_problems(self, subject: Subject) -> list[Problem]:
        """A gate requirement that is not met fails the subject, whatever the score, and
        gives the fail grade; the report names exactly the failed gates."""
        problems: list[Problem] = []
        r = self._safe_assess("gates", subject, problems)
        if r is None:
            return problems
        failed = [f.requirement for f in r.findings if f.gate and not f.passed]
        gates = {q.id for q in self.edition.requirements if q.gate}
        if set(r.failed_gates) != set(failed):
            problems.append(
                self._problem(
                    "gates",
                    f"report lists failed gates {list(r.failed_gates)}, the findings say {failed}",
                    subject,
                )
            )
        for f in r.findings:
            if f.gate != (f.requirement in gates):
                problems.append(
                    self._problem(
                        "gates",
                        "finding's gate flag differs from the requirement's",
                        subject,
                        f.requirement,
                    )
                )
        if failed:
            fail = self.edition.grading.fail_grade
            if r.outcome != "fail":
                problems.append(
                    self._problem(
                        "gates",
                        f"gate(s) {', '.join(failed)} not met but the outcome is "
                        f"{r.outcome!r} (score {r.score:g})",
                        subject,
                        failed[0],
                    )
                )
            if r.grade != (fail.grade if fail else None):
                problems.append(
                    self._problem(
                        "gates",
                        f"gate(s) {', '.join(failed)} not met but the grade is {r.grade!r}",
                        subject,
                        failed[0],
                    )
                )
        return problems

    def determinism_problems(self, subject: Subject) -> list[Problem]:
        """The same subject, assessed twice, or a fresh copy of it, gives the same report."""
        problems: list[Problem] = []
        first = self._safe_assess("deterministic", subject, problems)
        if first is None:
            return problems
        again = [self.assess(subject)]
        if isinstance(subject, Station):
            from stationkit.standard._remedy import apply_changes

            again.append(self.assess(apply_changes(subject, ())))
        a = report_to_json(first)
        for other in again:
            b = report_to_json(other)
            if a != b:
                problems.append(
                    self._problem(
                        "deterministic", f"two assessments differ: {_json_diff(a, b)}", subject
                    )
                )
                break
        return problems

    def json_problems(self, subject: Subject) -> list[Problem]:
        """The report survives ``json.dumps``/``loads`` and ``report_from_json`` unchanged;
        observed, expected and remedy values are JSON-native."""
        problems: list[Problem] = []
        r = self._safe_assess("json-round-trip", subject, problems)
        if r is None:
            return problems
        for f in r.findings:
            where = [
                *json_native_problems(f.observed, "observed"),
                *json_native_problems(f.expected, "expected"),
            ]
            for c in f.remedy.change if f.remedy else ():
                where += json_native_problems(c.value, f"remedy change {c.path}")
            for msg in where:
                problems.append(self._problem("json-round-trip", msg, subject, f.requirement))
        data = report_to_json(r)
        try:
            text = json.dumps(data, ensure_ascii=False)
        except (TypeError, ValueError) as exc:
            problems.append(self._problem("json-round-trip", f"json.dumps failed: {exc}", subject))
            return problems
        back = report_to_json(report_from_json(json.loads(text)))
        if back != data:
            problems.append(
                self._problem(
                    "json-round-trip",
                    f"report changed through JSON: {_json_diff(data, back)}",
                    subject,
                )
            )
        return problems

    def parameter_read_problems(self, subject: Subject) -> list[Problem]:
        """Each requirement reads only the parameters it declares in ``parameters`` (else
        tailoring an undeclared figure would silently change it)."""
        problems: list[Problem] = []
        for req in self.edition.requirements:
            if not req.scope.covers(subject):
                continue
            log = _ReadLog(self.assessor.values)
            ctx = attrs.evolve(self.assessor.context, params=log)
            try:
                req.predicate(subject, ctx)
            except Exception as exc:
                problems.append(
                    self._problem(
                        "parameters-read",
                        f"predicate raised {type(exc).__name__}: {exc}",
                        subject,
                        req.id,
                    )
                )
                continue
            undeclared = sorted(log.read - set(req.parameters))
            if undeclared:
                problems.append(
                    self._problem(
                        "parameters-read",
                        f"reads parameter(s) {', '.join(undeclared)} without "
                        f"declaring them (declared: {', '.join(req.parameters) or 'none'})",
                        None,
                        req.id,
                    )
                )
        return problems

    # -- pairs and batches ---------------------------------------------------------------
    def monotone_problems(self, station: Station, richer: Station) -> list[Problem]:
        """Requirements declared monotone that are met for ``station`` stay met for
        ``richer`` (the same station with more resources)."""
        problems: list[Problem] = []
        before = self._safe_assess("monotone", station, problems)
        after = self._safe_assess("monotone", richer, problems)
        if before is None or after is None:
            return problems
        declared = {r.id for r in self.edition.requirements if r.monotone}
        was = {f.requirement: f for f in before.findings}
        for f in after.findings:
            old = was.get(f.requirement)
            if (
                f.requirement in declared
                and old is not None
                and old.status is Status.MET
                and f.status in _NOT_MET
            ):
                problems.append(
                    self._problem(
                        "monotone",
                        f"declared monotone, but adding resources turned it from met "
                        f"({show_finding(old)}) to {f.status.value} ({show_finding(f)}); "
                        f"with more resources: {show_subject(richer)}",
                        station,
                        f.requirement,
                    )
                )
        return problems

    def remedy_problems(self, station: Station) -> list[Problem]:
        """Applying a finding's structured remedy makes that finding met."""
        problems: list[Problem] = []
        report = self._safe_assess("remedies", station, problems)
        if report is None:
            return problems
        for f in report.findings:
            if f.status not in _NOT_MET or f.remedy is None or not f.remedy.change:
                continue
            try:
                fixed = apply_remedy(station, f.remedy)
            except StationkitError as exc:
                problems.append(
                    self._problem(
                        "remedies",
                        f"the remedy cannot be applied ({exc}); finding: {show_finding(f)}",
                        station,
                        f.requirement,
                    )
                )
                continue
            try:
                after = self.assess(fixed).finding(f.requirement)
            except (StationkitError, KeyError) as exc:
                problems.append(
                    self._problem(
                        "remedies",
                        f"re-assessing after the remedy failed: {exc}",
                        station,
                        f.requirement,
                    )
                )
                continue
            if after.status is not Status.MET:
                problems.append(
                    self._problem(
                        "remedies",
                        f"applying the remedy {show_remedy(f.remedy)} left the "
                        f"finding {after.status.value}: before {show_finding(f)}; after "
                        f"{show_finding(after)}",
                        station,
                        f.requirement,
                    )
                )
        return problems

    def tailoring_problems(
        self, subject: Subject, overrides: Mapping[str, object]
    ) -> list[Problem]:
        """Overriding parameters changes only the findings of requirements that declare
        them (and the score and grade through those), and the report lists the overrides."""
        problems: list[Problem] = []
        if not overrides:
            return problems
        base = self._safe_assess("tailoring", subject, problems)
        if base is None:
            return problems
        try:
            other = self.tailored(overrides)
            tailored = other.assess(subject)
        except StationkitError as exc:
            problems.append(
                self._problem(
                    "tailoring",
                    f"assessment with overrides {dict(overrides)!r} raised {exc}",
                    subject,
                )
            )
            return problems
        names = set(overrides)
        listed = set(tailored.overridden) - set(self.parameters)
        if not names <= set(tailored.overridden):
            problems.append(
                self._problem(
                    "tailoring",
                    f"overridden lists {sorted(listed)}, expected {sorted(names)}",
                    subject,
                )
            )
        declares = {r.id: set(r.parameters) for r in self.edition.requirements}
        was = {f.requirement: f for f in base.findings}
        changed = False
        for f in tailored.findings:
            old = was.get(f.requirement)
            if old is not None and finding_json(old) == finding_json(f):
                continue
            changed = True
            if not declares.get(f.requirement, set()) & names:
                problems.append(
                    self._problem(
                        "tailoring",
                        f"overriding {dict(overrides)!r} changed this finding, but "
                        f"the requirement does not declare {', '.join(sorted(names))}: before "
                        f"{show_finding(old) if old else 'absent'}; after {show_finding(f)}",
                        subject,
                        f.requirement,
                    )
                )
        scoring_side = names & scoring_parameters(self.edition)
        if (
            not changed
            and not scoring_side
            and (base.score, base.grade, base.outcome)
            != (tailored.score, tailored.grade, tailored.outcome)
        ):
            problems.append(
                self._problem(
                    "tailoring",
                    f"overriding {dict(overrides)!r} changed no finding but changed "
                    f"score/grade/outcome from {(base.score, base.grade, base.outcome)} to "
                    f"{(tailored.score, tailored.grade, tailored.outcome)}",
                    subject,
                )
            )
        return problems

    def rank_cap_problems(self, subjects: Sequence[Subject]) -> list[Problem]:
        """Over any batch, no capped grade is held by more than its share; and a batch's
        findings equal the subjects' own (only grades may move)."""
        problems: list[Problem] = []
        try:
            reports = self.assess_batch(subjects)
        except StationkitError as exc:
            return [self._problem("rank-caps", f"assess_batch raised {exc}")]
        except Exception as exc:  # a crash in the core's batch path is a finding too
            return [self._problem("rank-caps", f"assess_batch raised {type(exc).__name__}: {exc}")]
        for p in rank_cap_problems(self.edition.grading, reports, self.assessor.resolve, self.ref):
            shown = "; ".join(show_subject(s) for s in subjects[:3])
            problems.append(attrs.evolve(p, subject=f"batch of {len(subjects)}: {shown}"))
        for subject, report in zip(subjects, reports, strict=True):
            alone = self.assess(subject)
            if alone.findings != report.findings or alone.score != report.score:
                problems.append(
                    self._problem(
                        "rank-caps",
                        "a subject's findings or score differ between assess and assess_batch",
                        subject,
                    )
                )
        return problems

    # -- assertions ------------------------------------------------------------------------
    def check_contract(self) -> None:
        _raise(
            [*self.contract_problems(), *self.citation_problems()], f"{self.ref} is not well formed"
        )

    def check_score_bounds(self, subject: Subject) -> None:
        _raise(self.score_problems(subject))

    def check_gates(self, subject: Subject) -> None:
        _raise(self.gate_problems(subject))

    def check_deterministic(self, subject: Subject) -> None:
        _raise(self.determinism_problems(subject))

    def check_json_round_trip(self, subject: Subject) -> None:
        _raise(self.json_problems(subject))

    def check_parameter_reads(self, subject: Subject) -> None:
        _raise(self.parameter_read_problems(subject))

    def check_monotone(self, station: Station, richer: Station) -> None:
        _raise(self.monotone_problems(station, richer))

    def check_remedies(self, station: Station) -> None:
        _raise(self.remedy_problems(station))

    def check_tailoring(self, subject: Subject, overrides: Mapping[str, object]) -> None:
        _raise(self.tailoring_problems(subject, overrides))

    def check_rank_caps(self, subjects: Sequence[Subject]) -> None:
        _raise(self.rank_cap_problems(subjects))

    def problems(self, subject: Subject) -> list[Problem]:
        """Every single-subject property: bounds, gates, determinism, JSON, parameter
        reads, and (for stations) remedies."""
        out = [
            *self.score_problems(subject),
            *self.gate_problems(subject),
            *self.determinism_problems(subject),
            *self.json_problems(subject),
            *self.parameter_read_problems(subject),
        ]
        if isinstance(subject, Station):
            out += self.remedy_problems(subject)
        return out

    def check(self, subject: Subject) -> None:
        """Raise :class:`PropertyFailure` listing every single-subject property broken."""
        _raise(self.problems(subject), f"{self.ref}: properties broken")


# -- assertions on reports --
def _finding(report: Report, requirement: str) -> Finding:
    try:
        return report.finding(requirement)
    except KeyError:
        raise AssertionError(
            f"no finding for {requirement!r} (does its scope cover "
            f"{report.subject.kind!r}?)\n{explain(report)}"
        ) from None


def assert_met(report: Report, requirement: str) -> None:
    f = _finding(report, requirement)
    if f.status is not Status.MET:
        raise AssertionError(f"{requirement} is {f.status.value}, expected met\n{explain(report)}")


def assert_not_met(report: Report, requirement: str, *, missing_ok: bool = True) -> None:
    """The finding is not met (missing evidence counts unless ``missing_ok`` is False)."""
    f = _finding(report, requirement)
    allowed = _NOT_MET if missing_ok else (Status.NOT_MET,)
    if f.status not in allowed:
        raise AssertionError(
            f"{requirement} is {f.status.value}, expected not met\n{explain(report)}"
        )


def assert_passes(report: Report) -> None:
    if not report.passed:
        raise AssertionError(f"expected a pass\n{explain(report)}")


def assert_fails(report: Report) -> None:
    if report.passed:
        raise AssertionError(f"expected a fail\n{explain(report)}")

"""Scoring and grading: findings → points by group → total → grade; rank caps over a batch."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import NamedTuple

import attrs

from stationkit.assessment._report import GroupScore, Report
from stationkit.standard._findings import Check, Finding, Status
from stationkit.standard._standard import (
    Band,
    Edition,
    GradingModel,
    Number,
    Requirement,
    Role,
    ScoringModel,
)
from stationkit.standard._text import Text

Resolve = Callable[[Number], float]
#: What scoring reads of a finding: requirement, group, weight, status, credit, points.
Entry = tuple[str, str, float, Status, float, float | None]
_MET, _NA = Status.MET, Status.NOT_APPLICABLE
_STATUS_VALUE = {status: status.value for status in Status}  # Enum.value is a slow property


@attrs.frozen
class Score:
    base: float
    bonus: float
    deductions: float
    total: float
    breakdown: tuple[GroupScore, ...]


def _round(x: float) -> float:
    # Reports compare and round-trip exactly; float noise would make them differ.
    return round(x + 0.0, 6)


def ordered_bands(
    grading: GradingModel, resolve: Resolve, rank: Resolve | None = None
) -> tuple[tuple[Band, float], ...]:
    """The bands with their effective minimums, highest first.

    The bands rank by their minimums as ``rank`` resolves them (the source's values; by
    default ``resolve``), whatever order they are listed in. A tailored minimum never
    reorders them: each band's effective minimum is at least that of every band below it,
    so raising the pass mark to 95 lifts 良好 and 优秀 to 95 too, and never grades a 96.9
    station 合格 above them.
    """
    ranked = sorted(grading.bands, key=lambda band: -(rank or resolve)(band.min_score))
    floor = -math.inf
    effective: list[tuple[Band, float]] = []
    for band in reversed(ranked):
        floor = max(floor, resolve(band.min_score))
        effective.append((band, floor))
    return tuple(reversed(effective))


class ScorePlan:
    """An edition's scoring and grading with its parameters resolved: built once per
    assessor, so scoring one subject is a single pass over its findings."""

    def __init__(self, edition: Edition, resolve: Resolve, rank: Resolve | None = None) -> None:
        model: ScoringModel = edition.scoring
        self.max_score = model.max_score
        self.roles = {r.id: r.role for r in edition.requirements}
        titles = {g.id: g.title for g in edition.groups}
        order = [g.id for g in edition.groups]
        for req in edition.requirements:
            if req.role is Role.SCORED and req.group not in order:
                order.append(req.group)
        self.order = tuple(order)
        self.titles = {g: titles.get(g) or Text(g, g) for g in order}
        self.shares = {s.group: resolve(s.share) for s in model.shares}
        self.cap = resolve(model.bonus_cap) if model.bonus_cap is not None else math.inf
        grading = edition.grading
        # Highest minimum first, whatever the listed order or a tailored minimum.
        self.bands = ordered_bands(grading, resolve, rank)
        self.fail_grade = grading.fail_grade
        self.pass_mark = resolve(grading.pass_mark) if grading.pass_mark is not None else None
        self._maxima: dict[tuple[tuple[str, float], ...], tuple[tuple[str, float | None], ...]] = {}
        self._spec_cache: dict[
            int, tuple[Sequence[Requirement], tuple[tuple[str, str, float, Role, bool], ...]]
        ] = {}

    def score(self, findings: Sequence[Finding]) -> Score:
        return self.tally(
            [(f.requirement, f.group, f.weight, f.status, f.credit, f.points) for f in findings]
        )

    def tally(self, entries: Sequence[Entry]) -> Score:
        """Score from ``(requirement, group, weight, status, credit, points)`` entries: what a
        finding holds, without building one."""
        roles = self.roles
        weight: dict[str, float] = {}
        earned: dict[str, float] = {}
        met: dict[str, int] = {}
        count: dict[str, int] = {}
        bonus = deductions = 0.0
        for requirement, group, w, status, credit, points in entries:
            role = roles[requirement]
            if role is not Role.SCORED:
                if role is Role.BONUS and status is _MET:
                    bonus += points or 0.0
                elif role is Role.DEDUCTION:
                    deductions += points or 0.0
                continue
            if group not in weight:
                weight[group] = earned[group] = 0.0
                met[group] = count[group] = 0
            if status is _NA:
                continue
            weight[group] += w
            earned[group] += w * credit
            count[group] += 1
            met[group] += status is _MET
        # Each group's maximum depends only on which groups are present and their applicable
        # weights, which few distinct subjects differ in: computed once per combination.
        key = tuple((g, weight[g]) for g in self.order if g in weight)
        maxima = self._maxima.get(key)
        if maxima is None:
            maxima = self._maxima[key] = self._group_maxima(dict(key))
        rows: list[GroupScore] = []
        base = 0.0
        for g, max_points in maxima:
            if max_points is None:
                rows.append(GroupScore(g, self.titles[g], None, 0.0, met[g], count[g]))
                continue
            points = max_points * earned[g] / weight[g]
            base += points
            rows.append(
                GroupScore(
                    g,
                    self.titles[g],
                    _round(points),
                    _round(max_points),
                    met[g],
                    count[g],
                )
            )
        bonus = min(bonus, self.cap)
        total = max(base - deductions, 0.0) + bonus
        return Score(_round(base), _round(bonus), _round(deductions), _round(total), tuple(rows))

    def _specs(self, reqs: Sequence[Requirement]) -> tuple[tuple[str, str, float, Role, bool], ...]:
        """What scoring reads of each requirement, for one (cached) tuple of them."""
        found = self._spec_cache.get(id(reqs))
        if found is not None and found[0] is reqs:
            return found[1]
        roles = self.roles
        specs = tuple((r.id, r.group, r.weight, roles[r.id], r.gate) for r in reqs)
        self._spec_cache[id(reqs)] = (reqs, specs)  # the tuple kept: its id stays its own
        return specs

    def total_of(
        self, reqs: Sequence[Requirement], checks: Sequence[Check]
    ) -> tuple[float, list[tuple[str, str]], tuple[str, ...]]:
        """The bulk path's one pass over a subject's checks: the total (:meth:`tally`'s,
        the same arithmetic in the same order, without findings or breakdown), the
        requirements not passed with their status, and the gates among them."""
        weight: dict[str, float] = {}
        earned: dict[str, float] = {}
        failing: list[tuple[str, str]] = []
        gates: list[str] = []
        bonus = deductions = 0.0
        scored, bonus_role, deduction = Role.SCORED, Role.BONUS, Role.DEDUCTION
        value = _STATUS_VALUE
        for (rid, group, w, role, gate), check in zip(self._specs(reqs), checks, strict=True):
            status = check.status
            if status is not _MET and status is not _NA:
                failing.append((rid, value[status]))
                if gate:
                    gates.append(rid)
            if role is not scored:
                if role is bonus_role and status is _MET:
                    bonus += check.points or 0.0
                elif role is deduction:
                    deductions += check.points or 0.0
                continue
            if group not in weight:
                weight[group] = earned[group] = 0.0
            if status is _NA:
                continue
            credit = check.credit
            if credit is None:
                credit = 1.0 if status is _MET else 0.0
            else:
                credit = min(max(credit, 0.0), 1.0)
            weight[group] += w
            earned[group] += w * credit
        key = tuple((g, weight[g]) for g in self.order if g in weight)
        maxima = self._maxima.get(key)
        if maxima is None:
            maxima = self._maxima[key] = self._group_maxima(dict(key))
        base = 0.0
        for g, max_points in maxima:
            if max_points is not None:
                base += max_points * earned[g] / weight[g]
        total = max(base - deductions, 0.0) + min(bonus, self.cap)
        return _round(total), failing, tuple(gates)

    def _group_maxima(self, weight: dict[str, float]) -> tuple[tuple[str, float | None], ...]:
        """Each present group's maximum points (None: nothing in it applied)."""
        present = list(weight)
        shares = {g: self.shares[g] for g in present if g in self.shares}
        unshared = [g for g in present if g not in self.shares]
        # Shares of groups this subject has nothing in (e.g. station groups, for a region)
        # do not count: what the present shares leave goes to the present unshared groups.
        rest = max(self.max_score - sum(shares.values()), 0.0)
        unshared_weight = sum(weight[g] for g in unshared)
        for g in unshared:
            shares[g] = rest * weight[g] / unshared_weight if unshared_weight else 0.0
        live = {g for g in present if weight[g] > 0 and shares[g] > 0}
        live_share = sum(shares[g] for g in live)
        scale = self.max_score / live_share if live_share else 0.0
        return tuple((g, shares[g] * scale if g in live else None) for g in present)

    def grade(self, total: float, gates_ok: bool) -> Band | None:
        if not gates_ok:
            return self.fail_grade
        for band, minimum in self.bands:
            if total >= minimum:
                return band
        return self.fail_grade


@attrs.frozen
class Demotion:
    """A member the rank caps demote: to ``band`` (None: no band), ``tie`` when it was tied
    at the cut with a member the cap let keep its grade."""

    band: Band | None
    tie: bool


def rank_cap_demotions(
    subjects: Sequence[str],
    grades: Sequence[str | None],
    scores: Sequence[float],
    grading: GradingModel,
    resolve: Resolve,
    rank: Resolve | None = None,
) -> tuple[dict[int, Demotion], dict[str, int]]:
    """Which members of a population the rank caps demote, and the size of each capped
    subject type's population, from each member's subject type, grade and score. Reports
    and bulk rows both use it, so the two paths cap alike (see :func:`apply_rank_caps`)."""
    bands = [band for band, _ in ordered_bands(grading, resolve, rank)]
    grade = list(grades)
    out: dict[int, Demotion] = {}
    size: dict[str, int] = {}
    order = {b.grade: k for k, b in enumerate(bands)}
    # Top band first: demotions from a higher cap then count against the lower band's cap.
    for cap in sorted(grading.rank_caps, key=lambda c: order.get(c.grade, len(bands))):
        pool = [i for i, s in enumerate(subjects) if s == cap.subject]
        size[cap.subject] = len(pool)
        allowed = math.floor(resolve(cap.max_share) * len(pool) + 1e-9)
        holders = sorted((i for i in pool if grade[i] == cap.grade), key=lambda i: -scores[i])
        if len(holders) <= allowed:
            continue
        cut = scores[holders[allowed]]
        tied_above = allowed > 0 and scores[holders[allowed - 1]] == cut
        position = next((k for k, b in enumerate(bands) if b.grade == cap.grade), len(bands))
        lower = bands[position + 1] if position + 1 < len(bands) else grading.fail_grade
        for i in holders:
            if scores[i] <= cut:
                out[i] = Demotion(lower, tied_above and scores[i] == cut)
                grade[i] = lower.grade if lower else None
    return out, size


class Ranked(NamedTuple):
    """What the rank caps read of a member of a batch (a report or a bulk row)."""

    id: str
    subject: str  # "station" or "region": a cap counts one of them
    grade: str | None
    score: float
    rank_tie: bool


@attrs.frozen
class RankVerdict:
    """What the rank caps decided for one member of a batch."""

    demoted: Demotion | None
    grade: str | None
    tie: bool
    provisional: bool
    population: int | None


def rank_verdicts(
    batch: Sequence[Ranked],
    grading: GradingModel,
    resolve: Resolve,
    population: Sequence[Ranked] | None = None,
    rank: Resolve | None = None,
) -> list[RankVerdict]:
    """The rank caps over ``population`` (the batch's own members, matched by id, replace
    theirs; those missing are added; None: the batch, whose capped grades are then
    provisional), one verdict per member of the batch. Reports (:func:`apply_rank_caps`)
    and bulk rows both take theirs from here."""
    ids = {m.id for m in batch}
    pool = list(batch)
    if population is not None:
        pool += [m for m in population if m.id not in ids]
    demoted, size = rank_cap_demotions(
        [m.subject for m in pool],
        [m.grade for m in pool],
        [m.score for m in pool],
        grading,
        resolve,
        rank,
    )
    capped = {cap.grade for cap in grading.rank_caps}
    out: list[RankVerdict] = []
    for k, member in enumerate(batch):
        change = demoted.get(k)
        grade = (change.band.grade if change.band else None) if change else member.grade
        tie = change.tie if change else member.rank_tie
        provisional = tie or (population is None and (member.grade in capped or grade in capped))
        out.append(RankVerdict(change, grade, tie, provisional, size.get(member.subject)))
    return out


def _ranked(report: Report) -> Ranked:
    return Ranked(
        report.subject.id, report.subject.subject, report.grade, report.score, report.rank_tie
    )


def apply_rank_caps(
    reports: list[Report],
    grading: GradingModel,
    resolve: Resolve,
    population: Sequence[Report] | None = None,
    rank: Resolve | None = None,
) -> list[Report]:
    """Demote the reports over each cap to the next band, lowest scores first.

    A cap ("优秀等级控制在30%以内") limits a share of a *population*: ``population`` is the
    reports of every subject the cap counts (the batch's own reports, matched by subject id,
    replace theirs; those missing are added). Without it, the batch is taken as the
    population and every grade a cap could change is marked ``grade_provisional``: the run
    may not hold the whole population (a station assessed alone is never demoted by a cap of
    0 stations as if it were final). A cap counts only the reports of its subject type.

    Ties at the cut: the documents give no tie-break, so no tie is broken arbitrarily and the
    cap is never exceeded: every report tied at the cut is demoted, and marked ``rank_tie``
    and ``grade_provisional``, because the reviewer who applies the cap must decide between
    them (keeping them all would exceed the cap; keeping some would choose by input order).
    """
    verdicts = rank_verdicts(
        [_ranked(r) for r in reports],
        grading,
        resolve,
        None if population is None else [_ranked(r) for r in population],
        rank,
    )
    out: list[Report] = []
    for report, verdict in zip(reports, verdicts, strict=True):
        change = verdict.demoted
        lower = change.band if change else None
        out.append(
            attrs.evolve(
                report,
                grade=verdict.grade,
                grade_title=(lower.title if lower else None) if change else report.grade_title,
                rank_capped=report.rank_capped or change is not None,
                rank_tie=verdict.tie,
                grade_provisional=verdict.provisional,
                rank_population=verdict.population,
            )
        )
    return out


def grade_titles(grading: GradingModel) -> dict[str, Text]:
    """Each grade's title, the fail grade's included."""
    titles = {b.grade: b.title for b in grading.bands}
    if grading.fail_grade is not None:
        titles.setdefault(grading.fail_grade.grade, grading.fail_grade.title)
    return titles

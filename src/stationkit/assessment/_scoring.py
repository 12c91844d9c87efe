"""Scoring and grading: findings → points by group → total → grade; rank caps over a batch."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

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


def ordered_bands(grading: GradingModel, resolve: Resolve) -> tuple[tuple[Band, float], ...]:
    """The bands with their resolved minimums, highest first (stable for equal minimums)."""
    resolved = [(band, resolve(band.min_score)) for band in grading.bands]
    return tuple(sorted(resolved, key=lambda pair: -pair[1]))


class ScorePlan:
    """An edition's scoring and grading with its parameters resolved: built once per
    assessor, so scoring one subject is a single pass over its findings."""

    def __init__(self, edition: Edition, resolve: Resolve) -> None:
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
        self.bands = ordered_bands(grading, resolve)
        self.fail_grade = grading.fail_grade
        self.pass_mark = resolve(grading.pass_mark) if grading.pass_mark is not None else None
        self._maxima: dict[tuple[tuple[str, float], ...], tuple[tuple[str, float | None], ...]] = {}

    def score(self, findings: Sequence[Finding]) -> Score:
        return self.tally(
            [(f.requirement, f.group, f.weight, f.status, f.credit, f.points) for f in findings]
        )

    def tally(self, entries: Sequence[Entry], *, breakdown: bool = True) -> Score:
        """Score from ``(requirement, group, weight, status, credit, points)`` entries: what a
        finding holds, without building one (the bulk path scores checks directly).
        ``breakdown=False`` skips the per-group rows (the total is the same)."""
        roles = self.roles
        weight: dict[str, float] = {}
        earned: dict[str, float] = {}
        met: dict[str, int] = {}
        count: dict[str, int] = {}
        bonus = deductions = 0.0
        for requirement, group, w, status, credit, points in entries:
            role = roles[requirement]
            if role is not Role.SCORED:
                if role is Role.BONUS and status is Status.MET:
                    bonus += points or 0.0
                elif role is Role.DEDUCTION:
                    deductions += points or 0.0
                continue
            if group not in weight:
                weight[group] = earned[group] = 0.0
                met[group] = count[group] = 0
            if status is Status.NOT_APPLICABLE:
                continue
            weight[group] += w
            earned[group] += w * credit
            count[group] += 1
            met[group] += status is Status.MET
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
                if breakdown:
                    rows.append(GroupScore(g, self.titles[g], None, 0.0, met[g], count[g]))
                continue
            points = max_points * earned[g] / weight[g]
            base += points
            if not breakdown:
                continue
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

    def total_of(
        self, reqs: Sequence[Requirement], checks: Sequence[Check]
    ) -> tuple[float, list[tuple[str, str]], bool, bool]:
        """The bulk path's one pass over a subject's checks: (total, the requirements not
        passed with their status, no gate failed, every scored requirement passed). The
        total is :meth:`tally`'s, computed in the same order, without findings or rows."""
        roles = self.roles
        weight: dict[str, float] = {}
        earned: dict[str, float] = {}
        failing: list[tuple[str, str]] = []
        gates_ok = all_pass = True
        bonus = deductions = 0.0
        for req, check in zip(reqs, checks, strict=True):
            status = check.status
            credit = check.credit
            if credit is None:
                credit = 1.0 if status is _MET else 0.0
            else:
                credit = min(max(credit, 0.0), 1.0)
            role = roles[req.id]
            if status is not _MET and status is not _NA:
                failing.append((req.id, status.value))
                if req.gate:
                    gates_ok = False
                if role is Role.SCORED or role is Role.DEDUCTION:
                    all_pass = False
            if role is not Role.SCORED:
                if role is Role.BONUS and status is _MET:
                    bonus += check.points or 0.0
                elif role is Role.DEDUCTION:
                    deductions += check.points or 0.0
                continue
            group = req.group
            if group not in weight:
                weight[group] = earned[group] = 0.0
            if status is _NA:
                continue
            weight[group] += req.weight
            earned[group] += req.weight * credit
        key = tuple((g, weight[g]) for g in self.order if g in weight)
        maxima = self._maxima.get(key)
        if maxima is None:
            maxima = self._maxima[key] = self._group_maxima(dict(key))
        base = 0.0
        for g, max_points in maxima:
            if max_points is not None:
                base += max_points * earned[g] / weight[g]
        total = max(base - deductions, 0.0) + min(bonus, self.cap)
        return _round(total), failing, gates_ok, all_pass

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


def rank_cap_demotions(
    subjects: Sequence[str],
    grades: Sequence[str | None],
    scores: Sequence[float],
    grading: GradingModel,
    resolve: Resolve,
) -> dict[int, Band | None]:
    """Which members of a batch the rank caps demote, and to which band (None: no band),
    from each member's subject type, grade and score. Both reports and bulk rows use it,
    so the two paths cap alike."""
    bands = [band for band, _ in ordered_bands(grading, resolve)]
    grade = list(grades)
    out: dict[int, Band | None] = {}
    order = {b.grade: k for k, b in enumerate(bands)}
    # Top band first: demotions from a higher cap then count against the lower band's cap.
    for cap in sorted(grading.rank_caps, key=lambda c: order.get(c.grade, len(bands))):
        pool = [i for i, s in enumerate(subjects) if s == cap.subject]
        allowed = math.floor(resolve(cap.max_share) * len(pool) + 1e-9)
        holders = sorted((i for i in pool if grade[i] == cap.grade), key=lambda i: -scores[i])
        if len(holders) <= allowed:
            continue
        cut = scores[holders[allowed]]
        position = next((k for k, b in enumerate(bands) if b.grade == cap.grade), len(bands))
        lower = bands[position + 1] if position + 1 < len(bands) else grading.fail_grade
        for i in holders:
            if scores[i] <= cut:
                out[i] = lower
                grade[i] = lower.grade if lower else None
    return out


def apply_rank_caps(reports: list[Report], grading: GradingModel, resolve: Resolve) -> list[Report]:
    """Demote the reports over each cap to the next band, lowest scores first. A cap counts
    only the reports of its subject type (stations, or regions) in the batch.

    Reports tied at the cut are all demoted: the cap is never exceeded and no tie is
    broken arbitrarily.
    """
    out = list(reports)
    if not grading.rank_caps:
        return out
    demoted = rank_cap_demotions(
        [r.subject.subject for r in out],
        [r.grade for r in out],
        [r.score for r in out],
        grading,
        resolve,
    )
    for i, lower in demoted.items():
        out[i] = attrs.evolve(
            out[i],
            grade=lower.grade if lower else None,
            grade_title=lower.title if lower else None,
            rank_capped=True,
        )
    return out

"""Scoring and grading: findings → points by group → total → grade; rank caps over a batch."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

import attrs

from stationkit.assessment._report import GroupScore, Report
from stationkit.standard._findings import Finding, Status
from stationkit.standard._standard import Band, Edition, GradingModel, Number, Role, ScoringModel
from stationkit.standard._text import Text

Resolve = Callable[[Number], float]


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

    def score(self, findings: Sequence[Finding]) -> Score:
        roles = self.roles
        weight: dict[str, float] = {}
        earned: dict[str, float] = {}
        met: dict[str, int] = {}
        count: dict[str, int] = {}
        bonus = deductions = 0.0
        for f in findings:
            role = roles[f.requirement]
            if role is not Role.SCORED:
                if role is Role.BONUS and f.status is Status.MET:
                    bonus += f.points or 0.0
                elif role is Role.DEDUCTION:
                    deductions += f.points or 0.0
                continue
            group = f.group
            if group not in weight:
                weight[group] = earned[group] = 0.0
                met[group] = count[group] = 0
            if f.status is Status.NOT_APPLICABLE:
                continue
            weight[group] += f.weight
            earned[group] += f.weight * f.credit
            count[group] += 1
            met[group] += f.status is Status.MET
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
    bands = [band for band, _ in ordered_bands(grading, resolve, rank)]
    ids = {r.subject.id: k for k, r in enumerate(reports)}
    out = list(reports)
    pool_reports: list[Report] = list(reports)
    if population is not None:
        pool_reports += [r for r in population if r.subject.id not in ids]
    capped = {cap.grade for cap in grading.rank_caps}
    order = {b.grade: k for k, b in enumerate(bands)}
    size: dict[str, int] = {}
    # Top band first: demotions from a higher cap then count against the lower band's cap.
    for cap in sorted(grading.rank_caps, key=lambda c: order.get(c.grade, len(bands))):
        pool = [i for i, r in enumerate(pool_reports) if r.subject.subject == cap.subject]
        size[cap.subject] = len(pool)
        allowed = math.floor(resolve(cap.max_share) * len(pool) + 1e-9)
        holders = sorted(
            (i for i in pool if pool_reports[i].grade == cap.grade),
            key=lambda i: -pool_reports[i].score,
        )
        if len(holders) <= allowed:
            continue
        cut = pool_reports[holders[allowed]].score
        tied_above = allowed > 0 and pool_reports[holders[allowed - 1]].score == cut
        position = next((k for k, b in enumerate(bands) if b.grade == cap.grade), len(bands))
        lower = bands[position + 1] if position + 1 < len(bands) else grading.fail_grade
        for i in holders:
            if pool_reports[i].score <= cut:
                pool_reports[i] = attrs.evolve(
                    pool_reports[i],
                    grade=lower.grade if lower else None,
                    grade_title=lower.title if lower else None,
                    rank_capped=True,
                    rank_tie=tied_above and pool_reports[i].score == cut,
                )
    for k, report in enumerate(reports):
        capped_report = pool_reports[k]
        provisional = capped_report.rank_tie or (
            population is None and (report.grade in capped or capped_report.grade in capped)
        )
        out[k] = attrs.evolve(
            capped_report,
            grade_provisional=provisional,
            rank_population=size.get(report.subject.subject),
        )
    return out

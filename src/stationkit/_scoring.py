"""Scoring and grading: findings → points by group → total → grade; rank caps over a batch."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

import attrs

from stationkit._findings import Finding, Status
from stationkit._report import GroupScore, Report
from stationkit._standard import Band, Edition, GradingModel, Number, Role, ScoringModel
from stationkit._text import Text

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


def score(
    edition: Edition, findings: Sequence[Finding], roles: dict[str, Role], resolve: Resolve
) -> Score:
    model: ScoringModel = edition.scoring
    titles = {g.id: g.title for g in edition.groups}
    order = [g.id for g in edition.groups]
    weight: dict[str, float] = {}
    earned: dict[str, float] = {}
    met: dict[str, int] = {}
    count: dict[str, int] = {}
    bonus = deductions = 0.0
    for f in findings:
        role = roles[f.requirement]
        if role is Role.BONUS:
            if f.status is Status.MET:
                bonus += f.points or 0.0
            continue
        if role is Role.DEDUCTION:
            deductions += f.points or 0.0
            continue
        if role is Role.INFO:
            continue
        if f.group not in order:
            order.append(f.group)
        weight.setdefault(f.group, 0.0)
        earned.setdefault(f.group, 0.0)
        met.setdefault(f.group, 0)
        count.setdefault(f.group, 0)
        if f.status is Status.NOT_APPLICABLE:
            continue
        weight[f.group] += f.weight
        earned[f.group] += f.weight * f.credit
        count[f.group] += 1
        met[f.group] += f.status is Status.MET
    shares = {s.group: resolve(s.share) for s in model.shares}
    unshared = [g for g in order if g not in shares and g in weight]
    rest = max(model.max_score - sum(shares.values()), 0.0) if shares else model.max_score
    unshared_weight = sum(weight[g] for g in unshared)
    for g in unshared:
        shares[g] = rest * weight[g] / unshared_weight if unshared_weight else 0.0
    live = [g for g in order if g in weight and weight[g] > 0 and shares.get(g, 0.0) > 0]
    live_share = sum(shares[g] for g in live)
    scale = model.max_score / live_share if live_share else 0.0
    rows: list[GroupScore] = []
    base = 0.0
    for g in order:
        if g not in weight:
            continue
        max_points = shares.get(g, 0.0) * scale if g in live else 0.0
        points = max_points * earned[g] / weight[g] if g in live else None
        base += points or 0.0
        rows.append(
            GroupScore(
                g,
                titles.get(g, Text(g, g)),
                None if points is None else _round(points),
                _round(max_points),
                met[g],
                count[g],
            )
        )
    cap = resolve(model.bonus_cap) if model.bonus_cap is not None else math.inf
    bonus = min(bonus, cap)
    total = max(base - deductions, 0.0) + bonus
    return Score(_round(base), _round(bonus), _round(deductions), _round(total), tuple(rows))


def grade_for(grading: GradingModel, total: float, gates_ok: bool, resolve: Resolve) -> Band | None:
    if not gates_ok:
        return grading.fail_grade
    for band in grading.bands:
        if total >= resolve(band.min_score):
            return band
    return grading.fail_grade


def apply_rank_caps(reports: list[Report], grading: GradingModel, resolve: Resolve) -> list[Report]:
    """Demote the reports over each cap to the next band, lowest scores first.

    Reports tied at the cut are all demoted: the cap is never exceeded and no tie is
    broken arbitrarily.
    """
    n = len(reports)
    bands = list(grading.bands)
    out = list(reports)
    for cap in grading.rank_caps:
        allowed = math.floor(resolve(cap.max_share) * n + 1e-9)
        holders = sorted(
            (i for i, r in enumerate(out) if r.grade == cap.grade), key=lambda i: -out[i].score
        )
        if len(holders) <= allowed:
            continue
        cut = out[holders[allowed]].score
        position = next(k for k, b in enumerate(bands) if b.grade == cap.grade)
        lower = bands[position + 1] if position + 1 < len(bands) else grading.fail_grade
        for i in holders:
            if out[i].score <= cut:
                out[i] = attrs.evolve(
                    out[i],
                    grade=lower.grade if lower else None,
                    grade_title=lower.title if lower else None,
                    rank_capped=True,
                )
    return out

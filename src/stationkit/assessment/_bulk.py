"""Bulk assessment: one compact row per subject instead of a full explained report.

A row holds what a population-wide view needs (score, grade, outcome, the requirements not
passed with their status) and nothing else: no finding objects for what was met, no
breakdown, no citations. Rows are small to keep (500,000 of them fit in memory) and cheap to
send back from worker processes; full reports are built only for what is asked.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

import attrs

from stationkit.assessment._scoring import Ranked, Resolve, rank_verdicts
from stationkit.standard._standard import GradingModel

#: Which findings a full report carries: every one, only those not passed, or none.
FINDINGS = ("all", "failing", "none")


@attrs.frozen
class Row:
    """One subject's result in a bulk assessment.

    ``subject`` is ``station`` or ``region``; ``region`` the station's region code (a region
    subject's own code); ``outcome`` ``pass`` when the edition's outcome rule accepts the
    subject (see :class:`~stationkit.assessment.Acceptance`); ``failing`` the requirements
    not passed, as ``(id, status)`` in the edition's order; ``waived`` those of them an
    approved waiver covers (acceptance counts them as met, the score does not). The rank-cap
    fields mean what they mean on a report.
    """

    id: str
    kind: str
    name: str | None
    subject: str
    region: str | None
    outcome: str
    score: float
    grade: str | None
    failing: tuple[tuple[str, str], ...] = ()
    waived: tuple[str, ...] = ()
    rank_capped: bool = False
    rank_tie: bool = False
    grade_provisional: bool = False
    rank_population: int | None = None

    @property
    def passed(self) -> bool:
        return self.outcome == "pass"


def cap_rows(
    rows: list[Row],
    grading: GradingModel,
    resolve: Resolve,
    population: Sequence[Row] | None = None,
    rank: Resolve | None = None,
) -> list[Row]:
    """The edition's rank caps over a population of rows, as :func:`apply_rank_caps` does
    over reports (both take their verdicts from :func:`rank_verdicts`; ``population``: the
    rows of every subject the caps count; default the batch)."""
    if not grading.rank_caps:
        return rows
    verdicts = rank_verdicts(
        [_ranked(r) for r in rows],
        grading,
        resolve,
        None if population is None else [_ranked(r) for r in population],
        rank,
    )
    out: list[Row] = []
    for row, verdict in zip(rows, verdicts, strict=True):
        if (
            verdict.demoted is None
            and verdict.provisional == row.grade_provisional
            and verdict.population == row.rank_population
        ):
            out.append(row)  # most rows: unchanged, not copied
            continue
        out.append(
            attrs.evolve(
                row,
                grade=verdict.grade,
                rank_capped=row.rank_capped or verdict.demoted is not None,
                rank_tie=verdict.tie,
                grade_provisional=verdict.provisional,
                rank_population=verdict.population,
            )
        )
    return out


def _ranked(row: Row) -> Ranked:
    return Ranked(row.id, row.subject, row.grade, row.score, row.rank_tie)


def check_findings(findings: str) -> str:
    if findings not in FINDINGS:
        raise ValueError(f"findings must be one of {', '.join(FINDINGS)}, not {findings!r}")
    return findings


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector for a bulk run.

    Checks, rows and reports hold no reference cycles, yet the collector kept re-scanning
    the growing population (measured: 43–45 % of a batch's time). Reference counting still
    frees everything; the collector's previous state is restored afterwards."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()

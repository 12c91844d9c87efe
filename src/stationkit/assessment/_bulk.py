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

from stationkit.assessment._scoring import Resolve, rank_cap_demotions
from stationkit.standard._standard import GradingModel

#: Which findings a full report carries: every one, only those not passed, or none.
FINDINGS = ("all", "failing", "none")


@attrs.frozen
class Row:
    """One subject's result in a bulk assessment.

    ``subject`` is ``station`` or ``region``; ``region`` the station's region code (a region
    subject's own code); ``failing`` the requirements not passed, as ``(id, status)`` in the
    edition's order.
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
    rank_capped: bool = False

    @property
    def passed(self) -> bool:
        return self.outcome == "pass"


def cap_rows(rows: list[Row], grading: GradingModel, resolve: Resolve) -> list[Row]:
    """The edition's rank caps over a whole population of rows (as :func:`apply_rank_caps`
    does over reports: the same members are demoted, to the same band)."""
    if not grading.rank_caps:
        return rows
    demoted = rank_cap_demotions(
        [r.subject for r in rows],
        [r.grade for r in rows],
        [r.score for r in rows],
        grading,
        resolve,
    )
    out = list(rows)
    for i, lower in demoted.items():
        out[i] = attrs.evolve(out[i], grade=lower.grade if lower else None, rank_capped=True)
    return out


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


def count_by(rows: Sequence[Row], key: str) -> dict[str, int]:
    """How many rows hold each value of ``key`` (an attribute of :class:`Row`)."""
    counts: dict[str, int] = {}
    for row in rows:
        value = str(getattr(row, key))
        counts[value] = counts.get(value, 0) + 1
    return counts

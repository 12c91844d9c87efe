"""Requirement coverage: which requirements the tests saw both met and not met.

A requirement only ever seen failing (or only passing) has half of its rule untested: the
threshold could be off by one and no test would notice. Feed reports to a
:class:`RequirementCoverage`; its :meth:`~RequirementCoverage.report` says, per requirement,
what was seen, and :meth:`~RequirementCoverage.require` fails below a threshold::

    cov = RequirementCoverage()
    cov.add_edition(STANDARD, "2024")          # the denominator: every requirement
    for station in stations:
        cov.record(assess(station, STANDARD, as_of=AS_OF))
    cov.require(0.8)                            # AssertionError listing the gaps

With the pytest plugin, the ``stationkit_assess`` fixture records into a session-wide
recorder; ``--stationkit-coverage`` prints the report and ``--stationkit-coverage-min=0.8``
fails the run below 80 %.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from stationkit.assessment._report import Report
from stationkit.standard._findings import Status
from stationkit.standard._standard import Standard

__all__ = ["CoverageReport", "RequirementCoverage", "RequirementSeen"]

_FAILING = (Status.NOT_MET, Status.MISSING_EVIDENCE)


@attrs.frozen
class RequirementSeen:
    """What one requirement was seen as, over every recorded report."""

    ref: str  # standard@edition
    requirement: str
    met: int = 0
    not_met: int = 0
    missing: int = 0
    not_applicable: int = 0

    @property
    def covered(self) -> bool:
        """Seen met and seen failing (not met or missing evidence)."""
        return self.met > 0 and (self.not_met + self.missing) > 0

    @property
    def gap(self) -> str:
        if self.covered:
            return ""
        if self.met == 0 and self.not_met + self.missing == 0:
            return "never assessed" if self.not_applicable == 0 else "only not applicable"
        return "never met" if self.met == 0 else "never failing"


@attrs.frozen
class CoverageReport:
    rows: tuple[RequirementSeen, ...]

    @property
    def total(self) -> int:
        return len(self.rows)

    @property
    def covered(self) -> int:
        return sum(r.covered for r in self.rows)

    @property
    def ratio(self) -> float:
        return self.covered / self.total if self.total else 1.0

    def gaps(self) -> tuple[RequirementSeen, ...]:
        return tuple(r for r in self.rows if not r.covered)

    def render(self) -> str:
        lines = [
            f"requirement coverage: {self.covered}/{self.total} seen both met and not "
            f"met ({self.ratio:.0%})"
        ]
        for r in self.rows:
            mark = "ok " if r.covered else "-- "
            lines.append(
                f"  {mark}{r.ref} {r.requirement}: met {r.met}, not met {r.not_met}, "
                f"missing {r.missing}, n/a {r.not_applicable}" + (f"  ({r.gap})" if r.gap else "")
            )
        return "\n".join(lines)


@attrs.define
class RequirementCoverage:
    """A recorder of findings; the editions added say which requirements count."""

    _counts: dict[tuple[str, str], dict[Status, int]] = attrs.field(factory=dict)
    _declared: dict[str, tuple[str, ...]] = attrs.field(factory=dict)

    def add_edition(self, standard: Standard, edition: str | None = None) -> None:
        """Count every requirement of the edition, seen or not."""
        ed = standard.edition(edition)
        self._declared[f"{standard.id}@{ed.edition}"] = tuple(r.id for r in ed.requirements)

    def add_standard(self, standard: Standard) -> None:
        for ed in standard.editions:
            self.add_edition(standard, ed.edition)

    def record(self, report: Report) -> Report:
        """Note every finding of ``report``; returns it, so it can wrap an assess call."""
        ref = f"{report.standard}@{report.edition}"
        for f in report.findings:
            counts = self._counts.setdefault((ref, f.requirement), {})
            counts[f.status] = counts.get(f.status, 0) + 1
        return report

    def record_all(self, reports: Iterable[Report]) -> list[Report]:
        return [self.record(r) for r in reports]

    def merge(self, other: RequirementCoverage) -> None:
        for key, counts in other._counts.items():
            mine = self._counts.setdefault(key, {})
            for status, n in counts.items():
                mine[status] = mine.get(status, 0) + n
        self._declared.update(other._declared)

    def report(self, refs: Iterable[str] | None = None) -> CoverageReport:
        """Rows for the added editions' requirements and for every requirement seen;
        ``refs`` (``standard@edition``) restricts to those editions."""
        keys: dict[tuple[str, str], None] = {}
        for ref, ids in self._declared.items():
            for rid in ids:
                keys[(ref, rid)] = None
        for key in self._counts:
            keys.setdefault(key, None)
        wanted = set(refs) if refs is not None else None
        rows = []
        for ref, rid in sorted(keys):
            if wanted is not None and ref not in wanted:
                continue
            c = self._counts.get((ref, rid), {})
            rows.append(
                RequirementSeen(
                    ref,
                    rid,
                    c.get(Status.MET, 0),
                    c.get(Status.NOT_MET, 0),
                    c.get(Status.MISSING_EVIDENCE, 0),
                    c.get(Status.NOT_APPLICABLE, 0),
                )
            )
        return CoverageReport(tuple(rows))

    def require(self, minimum: float, refs: Iterable[str] | None = None) -> CoverageReport:
        """Raise AssertionError when fewer than ``minimum`` (0..1) of the requirements were
        seen both met and not met; the message lists the gaps."""
        rep = self.report(refs)
        if rep.ratio + 1e-12 < minimum:
            gaps = "\n".join(f"  {r.ref} {r.requirement}: {r.gap}" for r in rep.gaps())
            raise AssertionError(
                f"requirement coverage {rep.ratio:.0%} ({rep.covered}/{rep.total}) is below "
                f"{minimum:.0%}; not seen both met and not met:\n{gaps}"
            )
        return rep

    @property
    def empty(self) -> bool:
        return not (self._counts or self._declared)

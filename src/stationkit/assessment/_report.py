"""Reports: the result of assessing one subject against one edition of a standard."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

import attrs

from stationkit.records._model import Unrecognised
from stationkit.standard._findings import Finding, Status
from stationkit.standard._standard import ParamValue
from stationkit.standard._text import Text


@attrs.frozen
class SubjectRef:
    """What was assessed: ``subject`` is ``station`` or ``region``."""

    id: str
    kind: str
    name: str | None = None
    subject: str = "station"


@attrs.frozen
class GroupScore:
    """Points a group earned; ``points`` is None when nothing in the group applied."""

    group: str
    title: Text
    points: float | None
    max_points: float
    met: int
    applicable: int


@attrs.frozen
class Override:
    value: ParamValue
    source_value: ParamValue


@attrs.frozen
class Report:
    subject: SubjectRef
    standard: str
    edition: str
    as_of: date
    outcome: str  # "pass" | "fail"
    score: float
    max_score: float
    grade: str | None
    findings: tuple[Finding, ...]
    breakdown: tuple[GroupScore, ...] = ()
    base_score: float = 0.0
    bonus: float = 0.0
    deductions: float = 0.0
    overridden: Mapping[str, Override] = attrs.field(factory=dict)
    grade_title: Text | None = None
    rank_capped: bool = False
    failed_gates: tuple[str, ...] = ()
    #: Words of the subject's records that no vocabulary term matched, kept as written.
    unrecognised: tuple[Unrecognised, ...] = ()

    @property
    def passed(self) -> bool:
        return self.outcome == "pass"

    def finding(self, requirement: str) -> Finding:
        for f in self.findings:
            if f.requirement == requirement:
                return f
        raise KeyError(requirement)

    def with_status(self, *statuses: Status) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.status in statuses)

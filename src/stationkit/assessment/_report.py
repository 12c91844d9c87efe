"""Reports: the result of assessing one subject against one edition of a standard."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

import attrs

from stationkit.records._model import Unrecognised
from stationkit.standard._findings import Finding, Status
from stationkit.standard._standard import ParamValue
from stationkit.standard._text import Text
from stationkit.standard._waiver import Waiver


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
    reason: str | None = None


@attrs.frozen
class Acceptance:
    """The acceptance verdict under the edition's outcome rule, apart from the grade.

    ``not_met`` lists the requirements that count against acceptance under the rule (every
    applicable item not met, missing evidence included, for ``item_by_item``; the failed
    gates otherwise); ``waived`` those a valid waiver accepted; ``below_pass_mark`` is True
    when the ``pass_mark`` rule failed on the score.
    """

    rule: str
    accepted: bool
    not_met: tuple[str, ...] = ()
    waived: tuple[str, ...] = ()
    below_pass_mark: bool = False


@attrs.frozen
class Report:
    subject: SubjectRef
    standard: str
    edition: str
    as_of: date
    outcome: str  # "pass" | "fail": acceptance under the edition's outcome rule
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
    acceptance: Acceptance | None = None
    period: int | None = None
    grade_provisional: bool = False
    """The grade may change once the cap's whole population is assessed (no population was
    declared), or a tie at a rank cap's cut awaits the reviewer."""
    rank_tie: bool = False
    rank_population: int | None = None
    """How many subjects the rank caps counted (None: the edition has no cap)."""
    left_out: tuple[str, ...] = ()
    """Applicable requirements a tailoring left out (``select``/``unselect``)."""
    expired_waivers: tuple[Waiver, ...] = ()
    """Waivers that would cover a finding here but had expired on ``as_of``: ignored."""

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

"""The standard contract: what a plugin hands to the core. Everything here is plain data."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date
from enum import StrEnum
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, TypeAlias

import attrs

from stationkit.records._model import Region, RegionLevel, Station
from stationkit.records._vocabulary import Vocabulary
from stationkit.standard._findings import Check
from stationkit.standard._outcome import OutcomeKind, OutcomeRule
from stationkit.standard._programme import Programme
from stationkit.standard._text import Citation, Text

if TYPE_CHECKING:
    from stationkit.standard._context import Context

#: The values a parameter may take.
ParamValue: TypeAlias = bool | int | float | str | date | tuple[str, ...]
#: A number in a scoring model: a literal, or the name of a parameter that holds it.
Number: TypeAlias = float | str


@attrs.frozen
class Source:
    """A source document: ``key`` is what citations name (e.g. ``QZ25``)."""

    key: str
    title: str
    issuer: str = ""
    year: int | None = None
    note: Text | None = None


#: The plausible largest value of a figure in each unit, when a parameter declares no ``max``:
#: tailoring beyond it is refused (a typo of three zeros, or a hostile value, must not make an
#: assessment build a million-member remedy).
UNIT_MAX: Mapping[str, float] = MappingProxyType(
    {
        "people": 10_000,
        "posts": 1_000,
        "stations": 100_000,
        "townships": 10_000,
        "villages": 1_000_000,
        "kinds": 1_000,
        "vehicles": 1_000,
        "phones": 1_000,
        "items": 100_000,
        "entries": 100_000,
        "drills": 366,
        "per year": 366,
        "minutes": 10_080,  # a week
        "days": 3_660,  # ten years
        "years": 150,
        "inch": 1_000,
        "yuan": 10_000_000_000,
        "points": 1_000,
        "relative weight": 1_000,
        "ratio": 1,
    }
)
#: The largest value of a number in a unit the table does not know (or with no unit).
DEFAULT_MAX = 1_000_000


@attrs.frozen
class Parameter:
    """A figure, list or date of the standard.

    ``default`` is True when the value is the plugin's own default where the source is
    silent ([open]); False when the source states it ([fig]). ``max`` is the plausible
    largest value of a number (tailoring above it is refused); when None, ``maximum`` takes
    the default of the unit (``UNIT_MAX``). ``vocabulary`` names the vocabulary whose codes a
    text or list value holds: registration refuses a value that is no code of it, and
    tailoring maps the documents' words (aliases) to codes.
    """

    name: str
    value: ParamValue
    citation: Citation
    title: Text
    unit: str | None = None
    default: bool = False
    note: Text | None = None
    max: float | None = None
    vocabulary: str | None = None

    @property
    def maximum(self) -> float | None:
        """The plausible largest value of a numeric parameter (None for other kinds)."""
        if isinstance(self.value, bool) or not isinstance(self.value, int | float):
            return None
        if self.max is not None:
            return self.max
        return UNIT_MAX.get(self.unit or "", DEFAULT_MAX)


@attrs.frozen
class RegionSubject:
    """A region assessed as a whole: its tree node and the stations inside it."""

    region: Region
    stations: tuple[Station, ...]
    year: int | None = None
    #: Stations of the dataset with no region (only the top node's subject carries them):
    #: counted nowhere, and findings say so.
    outside: tuple[Station, ...] = ()

    @property
    def id(self) -> str:
        return self.region.code

    @property
    def kind(self) -> str:
        return self.region.kind or self.region.level.value


Subject: TypeAlias = Station | RegionSubject


class Role(StrEnum):
    """How a requirement's finding enters the score."""

    SCORED = "scored"  # weighted credit within its group
    BONUS = "bonus"  # adds ``points`` (capped by the scoring model)
    DEDUCTION = "deduction"  # subtracts ``points`` (the score is floored)
    INFO = "info"  # reported, never scored


@attrs.frozen
class Scope:
    """What a requirement applies to. Empty sets mean "every"."""

    subject: str = "station"  # "station" or "region"
    kinds: frozenset[str] = frozenset()
    levels: frozenset[RegionLevel] = frozenset()

    def covers(self, subject: Subject) -> bool:
        if isinstance(subject, Station):
            return self.subject == "station" and (not self.kinds or subject.kind in self.kinds)
        return (
            self.subject == "region"
            and (not self.levels or subject.region.level in self.levels)
            and (not self.kinds or subject.kind in self.kinds)
        )


Predicate: TypeAlias = Callable[[Any, "Context"], Check]


@attrs.frozen
class Requirement:
    """One clause as a pure predicate over a subject, with its citation.

    ``monotone`` declares that adding resources (people, items, records) never turns a met
    finding into a not-met one; the testing toolkit checks the claim.
    """

    id: str
    group: str
    title: Text
    citation: Citation
    predicate: Predicate = attrs.field(eq=False, repr=False)
    scope: Scope = Scope()
    weight: float = 1.0
    gate: bool = False
    role: Role = Role.SCORED
    monotone: bool = False
    parameters: tuple[str, ...] = ()


@attrs.frozen
class Group:
    id: str
    title: Text
    note: Text | None = None


@attrs.frozen
class GroupShare:
    group: str
    share: Number


@attrs.frozen
class ScoringModel:
    """Weighted groups summing to ``max_score``; capped bonuses; deductions floored at zero.

    Groups without a share split what the shares leave by their requirements' weights.
    """

    max_score: float = 100.0
    shares: tuple[GroupShare, ...] = ()
    bonus_cap: Number | None = None


@attrs.frozen
class Band:
    grade: str
    title: Text
    min_score: Number


@attrs.frozen
class RankCap:
    """At most ``max_share`` of the ``subject``s (stations, or regions) of a batch may hold
    ``grade``; the rest drop to the next band."""

    grade: str
    max_share: Number
    citation: Citation
    subject: str = "station"


@attrs.frozen
class GradingModel:
    """Bands from the top down; a subject failing a gate gets ``fail_grade``."""

    bands: tuple[Band, ...] = ()
    pass_mark: Number | None = None
    fail_grade: Band | None = None
    rank_caps: tuple[RankCap, ...] = ()


@attrs.frozen
class Kind:
    """A kind of subject; ``aliases`` are the documents' words for it (``社区类``, ``社区站``),
    which loading maps to ``id`` (the ``station_kind`` vocabulary)."""

    id: str
    title: Text
    subject: str = "station"
    aliases: tuple[str, ...] = ()


@attrs.frozen
class Edition:
    """One edition of a standard: the parameters and requirements in force."""

    edition: str
    title: Text
    sources: tuple[str, ...]
    parameters: tuple[Parameter, ...]
    requirements: tuple[Requirement, ...]
    groups: tuple[Group, ...] = ()
    scoring: ScoringModel = ScoringModel()
    grading: GradingModel = GradingModel()
    programmes: tuple[Programme, ...] = ()
    not_encoded: tuple[Text, ...] = ()
    #: The standard's own words: terms added to the core's vocabularies (same ``id``) or
    #: vocabularies of its own; see ``vocabularies_for``.
    vocabularies: tuple[Vocabulary, ...] = ()
    outcome: OutcomeRule | None = None

    @property
    def outcome_rule(self) -> OutcomeRule:
        """The declared outcome rule; an edition that declares none gets the engine's
        default (a pass mark where the grading has one, else item by item), marked default."""
        if self.outcome is not None:
            return self.outcome
        kind = (
            OutcomeKind.PASS_MARK
            if self.grading.pass_mark is not None
            else (OutcomeKind.ITEM_BY_ITEM)
        )
        return OutcomeRule(
            kind,
            default=True,
            note=Text(
                "插件未声明验收规则,采用引擎默认",
                "the plugin declares no rule: the engine's default",
            ),
        )

    def parameter(self, name: str) -> Parameter:
        for param in self.parameters:
            if param.name == name:
                return param
        raise KeyError(name)

    def requirement(self, req_id: str) -> Requirement:
        for req in self.requirements:
            if req.id == req_id:
                return req
        raise KeyError(req_id)

    def derive(
        self,
        edition: str,
        *,
        title: Text,
        sources: tuple[str, ...],
        parameters: Iterable[Parameter] = (),
        requirements: Iterable[Requirement] = (),
        remove: Iterable[str] = (),
        **changes: Any,
    ) -> Edition:
        """A later edition inheriting this one: parameters and requirements replaced by name
        or id, new ones appended, ids in ``remove`` dropped."""
        new_params = {p.name: p for p in parameters}
        new_reqs = {r.id: r for r in requirements}
        dropped = set(remove)
        params = [new_params.pop(p.name, p) for p in self.parameters if p.name not in dropped]
        reqs = [new_reqs.pop(r.id, r) for r in self.requirements if r.id not in dropped]
        return attrs.evolve(
            self,
            edition=edition,
            title=title,
            sources=sources,
            parameters=(*params, *new_params.values()),
            requirements=(*reqs, *new_reqs.values()),
            **changes,
        )


@attrs.frozen
class Standard:
    """A standard with its editions; a plugin returns these from ``stationkit_standards``."""

    id: str
    title: Text
    sources: tuple[Source, ...]
    editions: tuple[Edition, ...]
    kinds: tuple[Kind, ...] = ()

    def edition(self, name: str | None = None) -> Edition:
        """The named edition, or the latest one."""
        if name is None:
            return max(self.editions, key=lambda e: e.edition)
        for ed in self.editions:
            if ed.edition == name:
                return ed
        known = ", ".join(e.edition for e in self.editions)
        raise KeyError(f"standard {self.id!r} has no edition {name!r} (editions: {known})")

    def edition_for(self, year: int) -> Edition:
        """The edition in force for an assessed year: the latest edition named by a year
        not after it; else the earliest edition (a year before every edition)."""
        dated = sorted((int(e.edition), e) for e in self.editions if e.edition.isdigit())
        if not dated:
            return self.edition()
        in_force = [e for y, e in dated if y <= year]
        return in_force[-1] if in_force else dated[0][1]


def parameter_values(
    edition: Edition, overrides: Mapping[str, ParamValue]
) -> dict[str, ParamValue]:
    values = {p.name: p.value for p in edition.parameters}
    values.update(overrides)
    return values

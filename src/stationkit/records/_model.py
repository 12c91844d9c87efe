"""Typed records: the facts about regions and stations that standards look at.

Records are facts, never verdicts. ``None`` means "not recorded": a requirement that needs
the fact reports missing evidence, it never reads ``None`` as zero or as a pass. An empty
tuple means "recorded, and there are none".
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated

import attrs

#: The metadata key naming the vocabulary of a field whose words are vocabulary terms.
VOCABULARY = "stationkit.vocabulary"


def vocab(name: str) -> dict[str, str]:
    """Field metadata: the field's words are terms of vocabulary ``name``."""
    return {VOCABULARY: name}


#: Metadata key on a field that keeps the word as written when a sibling field's word was
#: mapped to its code (``Plan.title`` keeps the filed title of ``Plan.type``).
FILED_AS = "stationkit.filed_as"


@attrs.frozen
class Unrecognised:
    """A word that no term of its vocabulary matched, kept as written (never a silent
    different verdict: reports list these under ``unrecognised``)."""

    path: str
    word: str
    vocabulary: str
    subject: str | None = None
    suggestions: tuple[str, ...] = ()


class _NonNegative:
    """Marks a whole number that is never negative (headcounts, quantities)."""


#: A whole number that is never negative; loading rejects negatives. To type checkers it is
#: a plain ``int``, so ``Member(age=30)`` needs no wrapping.
Count = Annotated[int, _NonNegative]


class RegionLevel(StrEnum):
    """Administrative levels of the region tree, top to bottom."""

    PROVINCE = "province"
    PREFECTURE = "prefecture"
    COUNTY = "county"
    TOWNSHIP = "township"
    VILLAGE = "village"


#: Bilingual names of the levels, for reports.
LEVEL_TITLES: dict[RegionLevel, tuple[str, str]] = {
    RegionLevel.PROVINCE: ("省", "province"),
    RegionLevel.PREFECTURE: ("市(州)", "prefecture"),
    RegionLevel.COUNTY: ("县(区)", "county"),
    RegionLevel.TOWNSHIP: ("乡镇(街道)", "township / street"),
    RegionLevel.VILLAGE: ("村(社区)", "village / community"),
}


@attrs.frozen
class Room:
    kind: str = attrs.field(metadata=vocab("room_kind"))
    name: str | None = None
    area_m2: float | None = None


@attrs.frozen
class Premises:
    address: str | None = None
    fixed: bool | None = None
    rooms: tuple[Room, ...] | None = None


@attrs.frozen
class Sign:
    text: str
    location: str | None = attrs.field(default=None, metadata=vocab("sign_location"))
    visible: bool | None = None
    logo: str | None = attrs.field(default=None, metadata=vocab("logo"))


@attrs.frozen
class Post:
    """A post (岗位) and who holds it; ``backup`` is the B holder of an AB post."""

    duty: str = attrs.field(metadata=vocab("post_duty"))
    person: str
    full_time: bool | None = None
    category: str | None = attrs.field(default=None, metadata=vocab("post_category"))
    backup: str | None = None


@attrs.frozen
class Member:
    name: str
    role: str | None = attrs.field(default=None, metadata=vocab("member_role"))
    birth_date: date | None = None
    age: Count | None = None
    formal: bool | None = None
    partner: str | None = None
    insured: bool | None = None
    protective_equipment: bool | None = None

    def age_on(self, day: date) -> int | None:
        """Age in whole years on ``day``; the birth date wins over a recorded age."""
        if self.birth_date is not None:
            years = day.year - self.birth_date.year
            if (day.month, day.day) < (self.birth_date.month, self.birth_date.day):
                years -= 1
            return years
        return self.age


@attrs.frozen
class AgeBand:
    """How many members are aged ``min_age`` to ``max_age`` (both inclusive)."""

    min_age: Count
    max_age: Count
    count: Count


@attrs.frozen
class Team:
    """A team: its roster (``members``), or totals instead of (or beside) the roster.

    When both are recorded they must agree (loading checks it); rules use the roster when
    there is one, the totals otherwise."""

    kind: str = attrs.field(metadata=vocab("team_kind"))
    name: str | None = None
    members: tuple[Member, ...] | None = None
    roster: bool | None = None
    vehicles: Count | None = None
    base: str | None = None
    rescue_types: tuple[str, ...] | None = None
    groups: tuple[str, ...] | None = attrs.field(default=None, metadata=vocab("team_group"))
    headcount: Count | None = None
    average_age: float | None = None
    age_bands: tuple[AgeBand, ...] | None = None
    insured: Count | None = None
    equipped: Count | None = None


@attrs.frozen
class InventoryItem:
    category: str = attrs.field(metadata=vocab("supply_category"))
    item: str = attrs.field(metadata=vocab("supply_item"))
    quantity: Count
    unit: str | None = None
    subcategory: str | None = attrs.field(default=None, metadata=vocab("supply_category"))


@attrs.frozen
class Communications:
    satellite_phones: Count | None = None
    video_conference: bool | None = None
    screen_inches: float | None = None
    screen_type: str | None = attrs.field(default=None, metadata=vocab("screen_type"))
    """The display technology as recorded, e.g. 液晶 (LCD)."""
    broadcast: bool | None = None
    linked_platforms: tuple[str, ...] | None = attrs.field(
        default=None, metadata=vocab("platform_level")
    )
    alarm_channels: tuple[str, ...] | None = attrs.field(
        default=None, metadata=vocab("alarm_channel")
    )


@attrs.frozen
class Plan:
    """A plan; ``type`` is its plan-type code, ``title`` the title as filed (kept by loading
    when the title was written as an alias of the code)."""

    type: str = attrs.field(metadata=vocab("plan_type"))
    issued_on: date | None = None
    revised_on: date | None = None
    title: str | None = attrs.field(default=None, metadata={FILED_AS: "type"})


@attrs.frozen
class Drill:
    """A drill: always an exercise, so it never counts as a real incident."""

    date: date
    kind: str = attrs.field(metadata=vocab("drill_kind"))
    id: str | None = None
    village: str | None = None
    announced: bool | None = None
    alarm_at: datetime | None = None
    assembled_at: datetime | None = None
    departed_at: datetime | None = None
    arrived_at: datetime | None = None
    rescue_started_at: datetime | None = None
    reviewed: bool | None = None
    exercise: bool = True
    participants: Count | None = None
    hazards: tuple[str, ...] | None = attrs.field(default=None, metadata=vocab("hazard"))


@attrs.frozen
class Training:
    date: date
    topic: str = attrs.field(metadata=vocab("training_topic"))
    kind: str | None = attrs.field(default=None, metadata=vocab("training_kind"))
    participants: Count | None = None
    reported: bool | None = None
    photos: bool | None = None
    skills: tuple[str, ...] | None = attrs.field(default=None, metadata=vocab("training_skill"))


@attrs.frozen
class CategoryCount:
    """How many posts are of one category (and how many of those are full-time)."""

    category: str = attrs.field(metadata=vocab("post_category"))
    count: Count = 0
    full_time: Count | None = None


@attrs.frozen
class PostTotals:
    """The posts as totals: how many, how many full-time, how many of each category."""

    total: Count
    full_time: Count | None = None
    by_category: tuple[CategoryCount, ...] | None = None


@attrs.frozen
class TrainingTotal:
    """Trainings of a year (of one ``kind`` when given), with how many were reported to the
    county and how many photographed."""

    year: int
    count: Count
    kind: str | None = attrs.field(default=None, metadata=vocab("training_kind"))
    reported: Count | None = None
    photographed: Count | None = None


@attrs.frozen
class DrillTotal:
    """Drills of one kind in a year; ``reviewed`` of them reviewed afterwards; ``town`` says
    whether they were the town's own drills (not villages')."""

    year: int
    kind: str = attrs.field(metadata=vocab("drill_kind"))
    count: Count
    reviewed: Count | None = None
    town: bool | None = None


@attrs.frozen
class VillageTotals:
    """The villages (communities) a township station serves, as totals for a year."""

    year: int
    total: Count
    with_evacuation_drill: Count | None = None
    with_informant: Count | None = None
    with_grid_staff: Count | None = None


@attrs.frozen
class DutyArrangement:
    around_the_clock: bool | None = None
    days_per_year: Count | None = None
    merged_duties: tuple[str, ...] | None = attrs.field(default=None, metadata=vocab("merged_duty"))
    single_channel: bool | None = None


@attrs.frozen
class RecordBook:
    kind: str = attrs.field(metadata=vocab("ledger_kind"))
    entries: Count | None = None
    updated_on: date | None = None


@attrs.frozen
class Grid:
    risk_area: str = attrs.field(metadata=vocab("risk_area"))
    staff: tuple[str, ...]
    name: str | None = None
    village: str | None = None


@attrs.frozen
class PublicityChannel:
    kind: str = attrs.field(metadata=vocab("publicity_channel"))
    sections: tuple[str, ...] | None = attrs.field(
        default=None, metadata=vocab("publicity_section")
    )
    updated_on: date | None = None


@attrs.frozen
class Funding:
    construction_yuan: Count | None = None
    annual_upkeep_yuan: Count | None = None


@attrs.frozen
class Evidence:
    """Evidence that a function or task is carried out (a record, a photo, a report)."""

    topic: str = attrs.field(metadata=vocab("evidence_topic"))
    items: tuple[str, ...] = attrs.field(metadata=vocab("evidence_item"))
    on: date | None = None


@attrs.frozen
class Warehouse:
    sign: str | None = None
    keeper: str | None = None
    ledger: bool | None = None
    rules: tuple[str, ...] | None = attrs.field(default=None, metadata=vocab("rule"))


@attrs.frozen
class Region:
    """A node of the region tree.

    ``kind`` refines the level where a standard needs it: a township-level node may be a
    ``town``, ``township`` or ``street``; a village-level node a ``village``, ``community`` or
    ``industrial_park`` (industrial parks hang under their street as village-level units).

    A village-level node may carry its own facts (its drills, informants, grid staff and
    posts): a township station's rules read them from here as well as from the station's
    own records (where a drill names its ``village``, an informant entry its code).
    """

    code: str
    name: str
    level: RegionLevel
    kind: str | None = attrs.field(default=None, metadata=vocab("region_kind"))
    children: tuple[Region, ...] = ()
    enterprise_kinds: tuple[str, ...] | None = attrs.field(
        default=None, metadata=vocab("enterprise_kind")
    )
    mountainous: bool | None = None
    drills: tuple[Drill, ...] | None = None
    informants: tuple[str, ...] | None = None
    grid_staff: tuple[str, ...] | None = None
    posts: tuple[Post, ...] | None = None

    def walk(self) -> Iterator[Region]:
        """This node and every node below it, depth first."""
        yield self
        for child in self.children:
            yield from child.walk()


@attrs.frozen
class Station:
    """One station and every fact about it that a standard may look at."""

    id: str
    name: str
    kind: str = attrs.field(metadata=vocab("station_kind"))
    sub_kind: str | None = attrs.field(default=None, metadata=vocab("station_sub_kind"))
    region: str | None = None
    completed_on: date | None = None
    premises: Premises | None = None
    signs: tuple[Sign, ...] | None = None
    posts: tuple[Post, ...] | None = None
    teams: tuple[Team, ...] | None = None
    equipment: tuple[InventoryItem, ...] | None = None
    communications: Communications | None = None
    plans: tuple[Plan, ...] | None = None
    handbook: bool | None = None
    wall_maps: tuple[str, ...] | None = attrs.field(default=None, metadata=vocab("wall_map"))
    drills: tuple[Drill, ...] | None = None
    trainings: tuple[Training, ...] | None = None
    duty: DutyArrangement | None = None
    rules: tuple[str, ...] | None = attrs.field(default=None, metadata=vocab("rule"))
    ledgers: tuple[RecordBook, ...] | None = None
    grids: tuple[Grid, ...] | None = None
    publicity: tuple[PublicityChannel, ...] | None = None
    funding: Funding | None = None
    warehouse: Warehouse | None = None
    functions: tuple[Evidence, ...] | None = None
    informants: tuple[str, ...] | None = None
    post_totals: PostTotals | None = None
    training_totals: tuple[TrainingTotal, ...] | None = None
    drill_totals: tuple[DrillTotal, ...] | None = None
    village_totals: tuple[VillageTotals, ...] | None = None
    verified_on: tuple[date, ...] | None = None
    """The days a district's periodic check (e.g. Pingshan's quarterly 核实) passed the
    station; empty: checked and never passed; None: not recorded."""

    def team(self, kind: str) -> Team | None:
        """The first team of ``kind``, or None when none is recorded."""
        for team in self.teams or ():
            if team.kind == kind:
                return team
        return None


@attrs.frozen
class Completion:
    """A milestone of a rollout programme reported done on a date."""

    milestone: str
    completed_on: date
    evidence: str | None = None


@attrs.frozen
class GivenScore:
    """A score a reviewer gave a subject on one requirement (e.g. a district's review of a
    street's operations module): ``points`` of ``max_points``. A standard that accepts given
    scores uses them instead of deriving its own, and says so in the finding."""

    subject: str
    requirement: str
    points: float
    max_points: float
    by: str
    on: date | None = None


@attrs.frozen
class Dataset:
    """What one input file holds: a region tree, its stations, and programme completions."""

    region: Region | None = None
    stations: tuple[Station, ...] = ()
    completions: tuple[Completion, ...] = ()
    year: int | None = None
    given_scores: tuple[GivenScore, ...] = ()
    #: Set by loading, never read from input: words kept as written (open vocabularies).
    unrecognised: tuple[Unrecognised, ...] = attrs.field(default=(), metadata={"loaded": False})
    #: Set by loading: the text encoding of the file (CSV may be GB18030), when it was text.
    encoding: str | None = attrs.field(default=None, metadata={"loaded": False})

    def given_score(self, subject: str, requirement: str) -> GivenScore | None:
        """The score given to ``subject`` on ``requirement``, when the dataset holds one."""
        for score in self.given_scores:
            if score.subject == subject and score.requirement == requirement:
                return score
        return None

    def region_index(self) -> dict[str, Region]:
        return {node.code: node for node in self.region.walk()} if self.region else {}

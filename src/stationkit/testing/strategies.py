"""Hypothesis strategies for every record type, and for aiming at a standard's thresholds.

Everything generated is a valid record (it loads strictly); optional facts are sometimes
``None`` ("not recorded") so that missing-evidence paths are exercised too. Words come from
a :class:`Vocabulary` — by default harvested from an edition's list parameters — so that
generated stations hit the kinds, categories and types a standard actually looks for.

Boundaries are where policies break: :func:`boundary` draws a value exactly at a threshold,
just below or just above it; :func:`stations_near` builds stations from those values.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime, time, timedelta
from typing import Any, TypeVar

import attrs
from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from stationkit.records._model import (
    Communications,
    Completion,
    Count,
    Dataset,
    Drill,
    DutyArrangement,
    Evidence,
    Funding,
    Grid,
    InventoryItem,
    Member,
    Plan,
    Post,
    Premises,
    PublicityChannel,
    RecordBook,
    Region,
    RegionLevel,
    Room,
    Sign,
    Station,
    Team,
    Training,
    Warehouse,
)
from stationkit.standard._standard import Edition, ParamValue, RegionSubject, Standard
from stationkit.testing._defaults import DEFAULT_AS_OF
from stationkit.testing._vocab import Vocabulary, from_edition, vocabulary_for

T = TypeVar("T")


__all__ = [
    "DEFAULT_AS_OF",
    "Vocabulary",
    "boundary",
    "communications",
    "datasets",
    "drills",
    "duty_arrangements",
    "inventories",
    "inventory_items",
    "members",
    "more_resources",
    "overrides",
    "plans",
    "posts",
    "region_subjects",
    "regions",
    "stations",
    "stations_for",
    "stations_near",
    "teams",
    "teams_of",
    "thresholds",
    "trainings",
    "vocabulary_for",
]


# -- small helpers --
def _maybe(strategy: SearchStrategy[T], absent: float) -> SearchStrategy[T | None]:
    """``None`` ("not recorded") about ``absent`` of the time."""
    if absent <= 0:
        return strategy
    if absent >= 1:
        return st.none()
    cut = round(absent * 100)
    # Shrinks towards "not recorded": the simplest subject records the fewest facts.
    return st.integers(0, 99).flatmap(lambda n: st.none() if n < cut else strategy)


def _words(vocab: Vocabulary, field: str) -> SearchStrategy[str]:
    return st.sampled_from(vocab.pool(field))


def _word_tuple(
    vocab: Vocabulary, field: str, max_size: int = 4
) -> SearchStrategy[tuple[str, ...]]:
    return st.lists(_words(vocab, field), max_size=max_size, unique=True).map(tuple)


def _counts(vocab: Vocabulary, high: int = 1000) -> SearchStrategy[int]:
    """A count, often one of the interesting values (thresholds and their neighbours)."""
    return st.one_of(st.sampled_from(vocab.counts), st.integers(0, high))


def _sizes(vocab: Vocabulary) -> SearchStrategy[int]:
    """A list length, often at a headcount threshold or next to it."""
    near = [c for c in vocab.counts if c <= vocab.max_list]
    return st.one_of(st.sampled_from(near), st.integers(0, vocab.max_list))


def _days(as_of: date, years: int = 2) -> SearchStrategy[date]:
    return st.dates(as_of - timedelta(days=365 * years), as_of)


def _unique_names(prefix: str) -> Callable[[Sequence[T]], list[T]]:
    """Rename list items (attrs records with a ``name``/``person``) so they are distinct."""

    def rename(items: Sequence[T]) -> list[T]:
        out: list[T] = []
        for i, item in enumerate(items):
            field = "name" if hasattr(item, "name") else "person"
            out.append(attrs.evolve(item, **{field: f"{prefix}{i + 1}"}))  # type: ignore[misc]
        return out

    return rename


# -- people, teams, posts ---------------------------------------------------------------------
def members(
    vocab: Vocabulary | None = None, *, as_of: date = DEFAULT_AS_OF, absent: float = 0.1
) -> SearchStrategy[Member]:
    """A team member; the age is a birth date, a recorded age, or (rarely) not recorded."""
    v = vocab or Vocabulary()
    roles = v.pool("member_roles")

    def decode(seed: int) -> Member:
        # One integer per member keeps long teams cheap to generate; it shrinks to 0, a
        # member aged 18 with a recorded age and every flag false.
        seed, years = divmod(seed, 48)
        seed, how = divmod(seed, 20)
        seed, month = divmod(seed, 12)
        seed, role = divmod(seed, len(roles) + 1)
        flags: list[bool | None] = []
        for _ in range(3):
            seed, bit = divmod(seed, 3)
            flags.append(None if bit == 2 and absent > 0 else bit == 1)
        gone = absent > 0 and how == 19
        born = date(as_of.year - 18 - years - 1, month + 1, 1) if how % 2 and not gone else None
        return Member(
            name="member",
            role=roles[role - 1] if role else None,
            birth_date=born,
            age=None if gone or born is not None else Count(18 + years),
            formal=flags[0],
            insured=flags[1],
            protective_equipment=flags[2],
        )

    return st.integers(0, 48 * 20 * 12 * (len(roles) + 1) * 27 - 1).map(decode)


def teams(
    vocab: Vocabulary | None = None,
    *,
    kind: str | SearchStrategy[str] | None = None,
    size: int | SearchStrategy[int] | None = None,
    as_of: date = DEFAULT_AS_OF,
    absent: float = 0.1,
) -> SearchStrategy[Team]:
    """A team of ``kind`` (from the vocabulary by default) with ``size`` members (by default
    often a headcount threshold or next to it)."""
    v = vocab or Vocabulary()
    # ``is None`` tests, not ``or``: the truth value of a strategy is meaningless.
    if isinstance(kind, str):
        kinds: SearchStrategy[str] = st.just(kind)
    else:
        kinds = _words(v, "team_kinds") if kind is None else kind
    if isinstance(size, int):
        sizes: SearchStrategy[int] = st.just(size)
    else:
        sizes = _sizes(v) if size is None else size
    people = sizes.flatmap(
        lambda n: st.lists(members(v, as_of=as_of, absent=absent), min_size=n, max_size=n)
    ).map(_unique_names("member "))
    member_tuple: SearchStrategy[tuple[Member, ...] | None] = people.map(tuple)
    if size is None:
        member_tuple = _maybe(people.map(tuple), absent)
    return st.builds(
        Team,
        kind=kinds,
        name=st.none(),
        members=member_tuple,
        roster=_maybe(st.booleans(), absent),
        vehicles=_maybe(_counts(v, 10).map(Count), absent),
        base=st.none(),
        rescue_types=_maybe(_word_tuple(v, "topics"), absent),
        groups=_maybe(_word_tuple(v, "sections"), absent),
    )


def teams_of(
    kind: str, size: int | SearchStrategy[int], vocab: Vocabulary | None = None, **kw: Any
) -> SearchStrategy[tuple[Team, ...]]:
    """Exactly one team of ``kind`` with ``size`` members: for ``stations(teams=...)``."""
    return teams(vocab, kind=kind, size=size, absent=0.0, **kw).map(lambda t: (t,))


def posts(vocab: Vocabulary | None = None, *, absent: float = 0.1) -> SearchStrategy[Post]:
    v = vocab or Vocabulary()
    return st.builds(
        Post,
        duty=_words(v, "post_duties"),
        person=st.just("person"),
        full_time=_maybe(st.booleans(), absent),
        category=_maybe(_words(v, "post_categories"), absent),
        backup=st.one_of(st.none(), st.just("backup")),
    )


# -- things --
def inventory_items(vocab: Vocabulary | None = None) -> SearchStrategy[InventoryItem]:
    v = vocab or Vocabulary()
    return st.builds(
        InventoryItem,
        category=_words(v, "item_categories"),
        item=_words(v, "items"),
        quantity=_counts(v, 200).map(Count),
        unit=st.one_of(st.none(), _words(v, "units")),
        subcategory=st.one_of(st.none(), _words(v, "item_categories")),
    )


def inventories(vocab: Vocabulary | None = None) -> SearchStrategy[tuple[InventoryItem, ...]]:
    v = vocab or Vocabulary()
    return _lists(inventory_items(v), v)


def communications(
    vocab: Vocabulary | None = None, *, absent: float = 0.1
) -> SearchStrategy[Communications]:
    v = vocab or Vocabulary()
    screens = st.one_of(st.sampled_from(v.numbers), st.floats(0, 200, allow_nan=False))
    return st.builds(
        Communications,
        satellite_phones=_maybe(_counts(v, 5).map(Count), absent),
        video_conference=_maybe(st.booleans(), absent),
        screen_inches=_maybe(screens, absent),
        broadcast=_maybe(st.booleans(), absent),
        linked_platforms=_maybe(_word_tuple(v, "channels"), absent),
        alarm_channels=_maybe(_word_tuple(v, "channels"), absent),
    ).map(lambda c: _with_screen_type(c, v.pool("screen_types")))


def _with_screen_type(comms: Communications, types: tuple[str, ...]) -> Communications:
    """A screen's type picked by its size: varied, yet no extra draw, so searches that were
    budgeted before the field existed keep their shape."""
    if comms.screen_inches is None or not types:
        return comms
    return attrs.evolve(comms, screen_type=types[int(comms.screen_inches) % len(types)])


def plans(vocab: Vocabulary | None = None, *, as_of: date = DEFAULT_AS_OF) -> SearchStrategy[Plan]:
    v = vocab or Vocabulary()
    return st.builds(
        Plan,
        type=_words(v, "plan_types"),
        issued_on=st.one_of(st.none(), _days(as_of, 4)),
        revised_on=st.one_of(st.none(), _days(as_of, 2)),
    )


# -- drills and trainings --
@st.composite
def _timeline(draw: st.DrawFn, day: date, consistent: bool) -> tuple[datetime | None, ...]:
    """Alarm → assembled → departed → arrived → rescue started; consistent means in order."""
    start = datetime.combine(day, time(8)) + timedelta(seconds=draw(st.integers(0, 36000)))
    steps = draw(st.lists(st.integers(0, 1800), min_size=4, max_size=4))
    stamps: list[datetime] = [start]
    for step in steps:
        stamps.append(stamps[-1] + timedelta(seconds=step))
    if not consistent:
        # Make at least one later event happen before an earlier one.
        i = draw(st.integers(1, 4))
        stamps[i] = stamps[i - 1] - timedelta(seconds=draw(st.integers(1, 3600)))
    recorded = draw(st.lists(st.booleans(), min_size=5, max_size=5))
    if not consistent:
        recorded[i] = recorded[i - 1] = True
    return tuple(s if keep else None for s, keep in zip(stamps, recorded, strict=True))


def drills(
    vocab: Vocabulary | None = None,
    *,
    as_of: date = DEFAULT_AS_OF,
    consistent: bool = True,
    absent: float = 0.1,
) -> SearchStrategy[Drill]:
    """A drill on or before ``as_of``; its timestamps are in order unless ``consistent`` is
    False, which puts at least one of them before the one it follows."""
    v = vocab or Vocabulary()

    @st.composite
    def build(draw: st.DrawFn) -> Drill:
        day = draw(_days(as_of))
        alarm, assembled, departed, arrived, started = draw(_timeline(day, consistent))
        return Drill(
            date=day,
            kind=draw(_words(v, "drill_kinds")),
            id=None,
            village=None,
            announced=draw(_maybe(st.booleans(), absent)),
            alarm_at=alarm,
            assembled_at=assembled,
            departed_at=departed,
            arrived_at=arrived,
            rescue_started_at=started,
            reviewed=draw(_maybe(st.booleans(), absent)),
            participants=draw(_maybe(_counts(v, 100).map(Count), absent)),
            hazards=draw(_maybe(_word_tuple(v, "risk_areas"), absent)),
        )

    return build()


def trainings(
    vocab: Vocabulary | None = None, *, as_of: date = DEFAULT_AS_OF, absent: float = 0.1
) -> SearchStrategy[Training]:
    v = vocab or Vocabulary()
    return st.builds(
        Training,
        date=_days(as_of),
        topic=_words(v, "training_topics"),
        kind=st.none(),
        participants=_maybe(_counts(v, 100).map(Count), absent),
        reported=_maybe(st.booleans(), absent),
        photos=_maybe(st.booleans(), absent),
        skills=_maybe(_word_tuple(v, "topics"), absent),
    )


def duty_arrangements(
    vocab: Vocabulary | None = None, *, absent: float = 0.1
) -> SearchStrategy[DutyArrangement]:
    v = vocab or Vocabulary()
    return st.builds(
        DutyArrangement,
        around_the_clock=_maybe(st.booleans(), absent),
        days_per_year=_maybe(st.integers(0, 366).map(Count), absent),
        merged_duties=_maybe(_word_tuple(v, "post_duties"), absent),
        single_channel=_maybe(st.booleans(), absent),
    )


# -- stations --
def _lists(
    strategy: SearchStrategy[T], vocab: Vocabulary, longest: int = 8
) -> SearchStrategy[tuple[T, ...]]:
    """A short list, whose length is often a small threshold or next to it (long lists are
    slow to generate: only team members go up to the largest headcount)."""
    near = [c for c in vocab.counts if c <= longest]
    sizes = (
        st.one_of(st.sampled_from(near), st.integers(0, longest))
        if near
        else st.integers(0, longest)
    )
    return sizes.flatmap(lambda n: st.lists(strategy, min_size=n, max_size=n).map(tuple))


def stations(
    kinds: Sequence[str] = ("station",),
    *,
    vocabulary: Vocabulary | None = None,
    as_of: date = DEFAULT_AS_OF,
    absent: float = 0.15,
    regions: Sequence[str] = (),
    **fixed: Any,
) -> SearchStrategy[Station]:
    """Stations of ``kinds``. Any field can be pinned with ``fixed``: a strategy, or a plain
    value, e.g. ``stations(["post"], teams=teams_of("rescue", 29))``."""
    v = vocabulary or Vocabulary()

    def opt(strategy: SearchStrategy[T]) -> SearchStrategy[T | None]:
        return _maybe(strategy, absent)

    people = _lists(posts(v, absent=absent), v).map(_unique_names("person "))
    fields: dict[str, SearchStrategy[Any]] = {
        "id": st.just("generated"),
        "name": st.just("generated station"),
        "kind": st.sampled_from(tuple(kinds)),
        "sub_kind": st.none(),
        "region": st.sampled_from(tuple(regions)) if regions else st.none(),
        "completed_on": opt(_days(as_of, 3)),
        "premises": opt(
            st.builds(
                Premises,
                address=st.just("address"),
                fixed=opt(st.booleans()),
                rooms=opt(
                    st.lists(
                        st.builds(
                            Room,
                            kind=_words(v, "room_kinds"),
                            name=st.none(),
                            area_m2=opt(
                                st.one_of(
                                    st.sampled_from(v.numbers), st.floats(0, 500, allow_nan=False)
                                )
                            ),
                        ),
                        max_size=6,
                    ).map(tuple)
                ),
            )
        ),
        "signs": opt(
            st.lists(
                st.builds(
                    Sign,
                    text=_words(v, "sign_texts"),
                    location=st.none(),
                    visible=opt(st.booleans()),
                    logo=st.none(),
                ),
                max_size=3,
            ).map(tuple)
        ),
        "posts": opt(people.map(tuple)),
        "teams": opt(
            st.lists(
                teams(v, as_of=as_of, absent=absent), max_size=3, unique_by=lambda t: t.kind
            ).map(tuple)
        ),
        "equipment": opt(inventories(v)),
        "communications": opt(communications(v, absent=absent)),
        "plans": opt(st.lists(plans(v, as_of=as_of), max_size=5).map(tuple)),
        "handbook": opt(st.booleans()),
        "wall_maps": opt(_word_tuple(v, "wall_maps")),
        "drills": opt(st.lists(drills(v, as_of=as_of, absent=absent), max_size=5).map(tuple)),
        "trainings": opt(st.lists(trainings(v, as_of=as_of, absent=absent), max_size=5).map(tuple)),
        "duty": opt(duty_arrangements(v, absent=absent)),
        "rules": opt(_word_tuple(v, "rules", 6)),
        "ledgers": opt(
            st.lists(
                st.builds(
                    RecordBook,
                    kind=_words(v, "ledger_kinds"),
                    entries=opt(_counts(v, 100).map(Count)),
                    updated_on=opt(_days(as_of)),
                ),
                max_size=4,
            ).map(tuple)
        ),
        "grids": opt(
            st.lists(
                st.builds(
                    Grid,
                    risk_area=_words(v, "risk_areas"),
                    staff=st.lists(
                        st.sampled_from(("staff 1", "staff 2", "staff 3")), max_size=3, unique=True
                    ).map(tuple),
                    name=st.none(),
                    village=st.none(),
                ),
                max_size=4,
            ).map(tuple)
        ),
        "publicity": opt(
            st.lists(
                st.builds(
                    PublicityChannel,
                    kind=_words(v, "publicity_kinds"),
                    sections=opt(_word_tuple(v, "sections")),
                    updated_on=opt(_days(as_of)),
                ),
                max_size=3,
            ).map(tuple)
        ),
        "funding": opt(
            st.builds(
                Funding,
                construction_yuan=opt(_counts(v, 10**6).map(Count)),
                annual_upkeep_yuan=opt(_counts(v, 10**5).map(Count)),
            )
        ),
        "warehouse": opt(
            st.builds(
                Warehouse,
                sign=opt(st.just("warehouse")),
                keeper=opt(st.just("keeper")),
                ledger=opt(st.booleans()),
                rules=opt(_word_tuple(v, "rules")),
            )
        ),
        "functions": opt(
            st.lists(
                st.builds(
                    Evidence,
                    topic=_words(v, "topics"),
                    items=_word_tuple(v, "evidence"),
                    on=opt(_days(as_of)),
                ),
                max_size=5,
                unique_by=lambda e: e.topic,
            ).map(tuple)
        ),
        "informants": opt(
            st.lists(
                st.sampled_from(("informant 1", "informant 2", "informant 3")),
                max_size=3,
                unique=True,
            ).map(tuple)
        ),
    }
    for name, value in fixed.items():
        if name not in fields:
            known = ", ".join(sorted(fields))
            raise TypeError(f"stations() has no field {name!r} (fields: {known})")
        fields[name] = value if isinstance(value, SearchStrategy) else st.just(value)
    return st.fixed_dictionaries(fields).map(lambda kw: Station(**kw))


def station_kinds(standard: Standard, edition: Edition | None = None) -> tuple[str, ...]:
    """The kinds of station a standard assesses: its declared kinds, else its scopes' kinds."""
    declared = tuple(k.id for k in standard.kinds if k.subject == "station")
    if declared:
        return declared
    eds = (edition,) if edition else standard.editions
    scoped = sorted(
        {
            k
            for e in eds
            for r in e.requirements
            if r.scope.subject == "station"
            for k in r.scope.kinds
        }
    )
    return tuple(scoped) or ("station",)


def stations_for(
    standard: Standard,
    edition: str | Edition | None = None,
    *,
    vocabulary: Vocabulary | None = None,
    examples: Sequence[Station] = (),
    as_of: date = DEFAULT_AS_OF,
    **fixed: Any,
) -> SearchStrategy[Station]:
    """Stations of the standard's kinds, with words and numbers from the edition (and from
    ``examples``, e.g. a plugin's sample stations)."""
    ed = edition if isinstance(edition, Edition) else standard.edition(edition)
    vocab = vocabulary_for(ed, examples)
    if vocabulary is not None:
        vocab = vocab.extended(vocabulary)
    return stations(station_kinds(standard, ed), vocabulary=vocab, as_of=as_of, **fixed)


# -- thresholds --
def boundary(value: float, where: str = "around") -> SearchStrategy[Any]:
    """Values at a threshold: ``at`` it, just ``below``, just ``above``, ``around`` (any of the
    three), ``compliant_min`` (at or above) or ``compliant_max`` (at or below).

    For whole numbers "just" is one; for real numbers both the nearest representable value
    and a step of one are drawn (a 99.9-inch screen is as interesting as 99.99999).
    """
    if isinstance(value, bool):
        raise TypeError("boundary() takes a number, not a flag")
    if isinstance(value, int):
        below: SearchStrategy[Any] = st.just(value - 1)
        above: SearchStrategy[Any] = st.just(value + 1)
        more: SearchStrategy[Any] = st.integers(value, value + 100)
        less: SearchStrategy[Any] = st.integers(value - 100, value)
    else:
        below = st.sampled_from((math.nextafter(value, -math.inf), value - 1.0))
        above = st.sampled_from((math.nextafter(value, math.inf), value + 1.0))
        more = st.floats(value, value + 100.0, allow_nan=False)
        less = st.floats(value - 100.0, value, allow_nan=False)
    at: SearchStrategy[Any] = st.just(value)
    choices: dict[str, SearchStrategy[Any]] = {
        "at": at,
        "below": below,
        "above": above,
        "around": st.one_of(at, below, above),
        "compliant_min": st.one_of(at, above, more),
        "compliant_max": st.one_of(at, below, less),
    }
    if where not in choices:
        raise ValueError(f"where must be one of {', '.join(choices)}, not {where!r}")
    return choices[where]


def thresholds(edition: Edition, param: str, where: str = "around") -> SearchStrategy[Any]:
    """:func:`boundary` around the value of the edition's numeric parameter ``param``."""
    value = edition.parameter(param).value
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"parameter {param!r} is {value!r}, not a number")
    return boundary(value, where)


def stations_near(
    edition: Edition,
    param: str,
    build: Callable[[Any], Station | SearchStrategy[Station]],
    where: str = "around",
) -> SearchStrategy[Station]:
    """Stations built from values at/just below/just above ``param``: ``build`` maps a value
    to a station (or to a strategy of stations), e.g. a rescue team of that many members."""

    def make(value: Any) -> SearchStrategy[Station]:
        out = build(value)
        return out if isinstance(out, SearchStrategy) else st.just(out)

    candidates = thresholds(edition, param, where)
    if isinstance(edition.parameter(param).value, int):
        candidates = candidates.filter(lambda n: n >= 0)
    return candidates.flatmap(make)


# -- "more resources" -------------------------------------------------------------------------
def _copy_name(name: str, i: int) -> str:
    return f"{name} (extra {i})"


@st.composite
def more_resources(draw: st.DrawFn, station: Station) -> Station:
    """The station with more of what it already has: extra team members (copies of existing
    ones), larger quantities, extra posts, drills, trainings, items, rooms, bigger screens.

    A requirement declared ``monotone`` must not turn from met to not met on any of these.
    Added records copy existing ones (renamed), so they carry the kinds and categories the
    standard counts and add nothing a reasonable rule would penalise.
    """
    ops: list[Callable[[Station], Station]] = []
    k = draw(st.integers(1, 3), label="how many to add")

    def team_members(s: Station) -> Station:
        new = []
        for team in s.teams or ():
            if team.members is None:
                new.append(team)
                continue
            base = team.members or (
                Member(
                    "extra", age=Count(30), formal=True, insured=True, protective_equipment=True
                ),
            )
            extra = tuple(
                attrs.evolve(base[i % len(base)], name=_copy_name(base[i % len(base)].name, i))
                for i in range(k)
            )
            vehicles = None if team.vehicles is None else Count(team.vehicles + 1)
            new.append(attrs.evolve(team, members=team.members + extra, vehicles=vehicles))
        return attrs.evolve(s, teams=tuple(new))

    def quantities(s: Station) -> Station:
        items = tuple(attrs.evolve(i, quantity=Count(i.quantity + k)) for i in s.equipment or ())
        return attrs.evolve(s, equipment=items + (s.equipment or ())[:1])

    def posts_more(s: Station) -> Station:
        posts_ = s.posts or ()
        return attrs.evolve(
            s,
            posts=posts_
            + tuple(
                attrs.evolve(
                    posts_[i % len(posts_)], person=_copy_name(posts_[i % len(posts_)].person, i)
                )
                for i in range(k)
            ),
        )

    def copies(field: str) -> Callable[[Station], Station]:
        def add(s: Station) -> Station:
            have: tuple[Any, ...] = getattr(s, field)
            extra = []
            for i in range(k):
                item = have[i % len(have)]
                if isinstance(item, Drill) and item.id is not None:
                    item = attrs.evolve(item, id=_copy_name(item.id, i))
                extra.append(item)
            grown: dict[str, Any] = {field: have + tuple(extra)}
            return attrs.evolve(s, **grown)

        return add

    def comms(s: Station) -> Station:
        c = s.communications
        assert c is not None
        return attrs.evolve(
            s,
            communications=attrs.evolve(
                c,
                satellite_phones=None
                if c.satellite_phones is None
                else Count(c.satellite_phones + k),
                screen_inches=None if c.screen_inches is None else c.screen_inches + 10.0 * k,
            ),
        )

    def rooms(s: Station) -> Station:
        p = s.premises
        assert p is not None and p.rooms is not None
        bigger = tuple(
            attrs.evolve(r, area_m2=None if r.area_m2 is None else r.area_m2 + 10 * k)
            for r in p.rooms
        )
        return attrs.evolve(s, premises=attrs.evolve(p, rooms=bigger + p.rooms[:1]))

    def funding(s: Station) -> Station:
        f = s.funding
        assert f is not None
        return attrs.evolve(
            s,
            funding=Funding(
                None if f.construction_yuan is None else Count(f.construction_yuan + 1000 * k),
                None if f.annual_upkeep_yuan is None else Count(f.annual_upkeep_yuan + 1000 * k),
            ),
        )

    if station.teams:
        ops.append(team_members)
    if station.equipment:
        ops.append(quantities)
    if station.posts:
        ops.append(posts_more)
    for field in ("drills", "trainings", "plans", "informants", "signs", "grids"):
        if getattr(station, field):
            ops.append(copies(field))
    if station.communications is not None:
        ops.append(comms)
    if station.premises is not None and station.premises.rooms:
        ops.append(rooms)
    if station.funding is not None:
        ops.append(funding)
    if not ops:
        return station
    chosen = draw(
        st.lists(st.sampled_from(range(len(ops))), min_size=1, max_size=len(ops), unique=True),
        label="which resources grow",
    )
    out = station
    for index in sorted(chosen):
        out = ops[index](out)
    return out


# -- regions and datasets --
_LEVELS = (
    RegionLevel.PROVINCE,
    RegionLevel.PREFECTURE,
    RegionLevel.COUNTY,
    RegionLevel.TOWNSHIP,
    RegionLevel.VILLAGE,
)
_KINDS: dict[RegionLevel, tuple[str | None, ...]] = {
    RegionLevel.TOWNSHIP: ("town", "township", "street"),
    RegionLevel.VILLAGE: ("village", "community", "industrial_park"),
}


def regions(
    top: RegionLevel = RegionLevel.TOWNSHIP,
    *,
    max_children: int = 4,
    code: str = "R",
) -> SearchStrategy[Region]:
    """A region tree from ``top`` down to villages; codes are the path (``R.1.2``) so they
    are unique; township and village nodes get a ``kind``."""
    depth = _LEVELS.index(top)

    def node(level_index: int, code_: str) -> SearchStrategy[Region]:
        level = _LEVELS[level_index]
        kinds = _KINDS.get(level, (None,))
        if level_index == len(_LEVELS) - 1:
            children: SearchStrategy[tuple[Region, ...]] = st.just(())
        else:
            children = st.integers(0, max_children).flatmap(
                lambda n: st.tuples(*(node(level_index + 1, f"{code_}.{i + 1}") for i in range(n)))
            )
        return st.builds(
            Region,
            code=st.just(code_),
            name=st.just(f"{level.value} {code_}"),
            level=st.just(level),
            kind=st.sampled_from(kinds),
            children=children,
            enterprise_kinds=st.none(),
            mountainous=st.one_of(st.none(), st.booleans()),
        )

    return node(depth, code)


@st.composite
def datasets(
    draw: st.DrawFn,
    station_strategy: SearchStrategy[Station] | None = None,
    *,
    top: RegionLevel = RegionLevel.TOWNSHIP,
    max_stations: int = 4,
    year: int | None = None,
) -> Dataset:
    """A region tree with stations placed in its villages (ids made unique)."""
    tree = draw(regions(top))
    villages = [r.code for r in tree.walk() if r.level is RegionLevel.VILLAGE] or [tree.code]
    base = stations() if station_strategy is None else station_strategy
    found = draw(st.lists(base, max_size=max_stations))
    placed = tuple(
        attrs.evolve(s, id=f"S{i + 1}", region=draw(st.sampled_from(villages)))
        for i, s in enumerate(found)
    )
    completions: tuple[Completion, ...] = ()
    return Dataset(region=tree, stations=placed, completions=completions, year=year)


@st.composite
def region_subjects(
    draw: st.DrawFn,
    station_strategy: SearchStrategy[Station] | None = None,
    *,
    top: RegionLevel = RegionLevel.TOWNSHIP,
    max_stations: int = 4,
    year: int | None = None,
) -> RegionSubject:
    """A region (the tree's root) as the subject of region-level requirements."""
    data = draw(datasets(station_strategy, top=top, max_stations=max_stations, year=year))
    assert data.region is not None
    return RegionSubject(data.region, data.stations, year)


# -- tailoring --
def _other_values(value: ParamValue) -> SearchStrategy[Any] | None:
    """Valid replacement values for a parameter, different from ``value``."""
    if isinstance(value, bool):
        return st.just(not value)
    if isinstance(value, int):
        low = 1 if value >= 1 else 0
        return st.integers(low, max(value * 2 + 2, 3)).filter(lambda x: x != value)
    if isinstance(value, float):
        high = 1.0 if 0.0 < value <= 1.0 else max(value * 2, 1.0)
        return st.floats(
            value / 2 if value > 0 else 0.0, high, allow_nan=False, allow_infinity=False
        ).filter(lambda x: x != value)
    if isinstance(value, date):
        return st.integers(-400, 400).filter(bool).map(lambda d: value + timedelta(days=d))
    if isinstance(value, tuple):
        if not value:
            return None
        return (
            st.lists(st.sampled_from(value), unique=True, max_size=len(value))
            .map(tuple)
            .filter(lambda t: t != value)
        )
    return None  # free text: no generic "other valid value"


def overrides(
    edition: Edition,
    names: Sequence[str] | None = None,
    *,
    min_size: int = 1,
    max_size: int = 1,
) -> SearchStrategy[dict[str, ParamValue]]:
    """Tailoring overrides: parameter name → another valid value of the same type.

    Numbers stay in a plausible range (whole numbers ≥ 1 when the source value is; shares in
    (0, 1]); lists drop items; dates move; free-text parameters are left alone.
    """
    pool = {}
    for param in edition.parameters:
        if names is not None and param.name not in names:
            continue
        other = _other_values(param.value)
        if other is not None:
            pool[param.name] = other
    if not pool:
        return st.just({})
    keys = st.lists(
        st.sampled_from(sorted(pool)),
        min_size=min(min_size, len(pool)),
        max_size=min(max_size, len(pool)),
        unique=True,
    )
    return keys.flatmap(lambda ks: st.fixed_dictionaries({k: pool[k] for k in ks}).map(dict))


def parameter_values(edition: Edition) -> Mapping[str, ParamValue]:
    """The source values of an edition's parameters (a convenience for tests)."""
    return {p.name: p.value for p in edition.parameters}


def vocabulary_of(edition: Edition) -> Vocabulary:
    """The vocabulary read from an edition's parameters alone."""
    return from_edition(edition)

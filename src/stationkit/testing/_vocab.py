"""The words a standard looks for (team kinds, item categories, plan types...), gathered from
its parameters and sample stations so that generated stations can actually hit its rules.

Random text never matches "rescue" or "防汛预案"; a vocabulary harvested from the plugin's own
data does, which is what makes generic generation useful for any standard.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from stationkit.records._core_vocabularies import (
    DRILL_KIND,
    POST_CATEGORY,
    PUBLICITY_CHANNEL,
    ROOM_KIND,
    TEAM_KIND,
)
from stationkit.records._model import Station
from stationkit.standard._standard import Edition


def _merge(*parts: Iterable[str]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for part in parts:
        for word in part:
            if word:
                seen.setdefault(word, None)
    return tuple(seen)


@attrs.frozen
class Vocabulary:
    """Pools of words per record field; ``names`` holds words from list parameters, offered
    to every pool (a list parameter of plan types is how a standard names its plans)."""

    team_kinds: tuple[str, ...] = TEAM_KIND.codes
    member_roles: tuple[str, ...] = ("leader", "member")
    item_categories: tuple[str, ...] = ("rescue", "protection", "communication")
    items: tuple[str, ...] = ("rope", "life jacket", "generator", "megaphone")
    units: tuple[str, ...] = ("piece", "set")
    post_duties: tuple[str, ...] = ("station master", "duty officer", "liaison")
    post_categories: tuple[str, ...] = POST_CATEGORY.codes
    plan_types: tuple[str, ...] = ("general", "flood", "fire")
    drill_kinds: tuple[str, ...] = DRILL_KIND.codes
    training_topics: tuple[str, ...] = ("first aid", "flood rescue")
    rules: tuple[str, ...] = ("duty rules", "warehouse rules")
    ledger_kinds: tuple[str, ...] = ("hazard", "equipment", "training")
    publicity_kinds: tuple[str, ...] = PUBLICITY_CHANNEL.codes
    sections: tuple[str, ...] = ("knowledge", "notices")
    topics: tuple[str, ...] = ("patrol", "warning", "rescue")
    evidence: tuple[str, ...] = ("record", "photo", "report")
    wall_maps: tuple[str, ...] = ("hazard map", "evacuation map")
    room_kinds: tuple[str, ...] = ROOM_KIND.codes
    sign_texts: tuple[str, ...] = ("应急服务站",)
    risk_areas: tuple[str, ...] = ("riverside", "hillside")
    channels: tuple[str, ...] = ("phone", "broadcast", "wechat")
    screen_types: tuple[str, ...] = ("LCD", "LED", "projector")
    names: tuple[str, ...] = ()
    #: Interesting whole numbers: every integer parameter, one below and one above.
    counts: tuple[int, ...] = (0, 1, 2, 3, 5, 10)
    #: Interesting real numbers (float parameters and their neighbours).
    numbers: tuple[float, ...] = (0.0, 1.0, 10.0, 100.0)
    #: The longest list a strategy generates (team members, posts...): enough to pass the
    #: largest headcount threshold, small enough to stay fast.
    max_list: int = 12

    def pool(self, field: str) -> tuple[str, ...]:
        own: tuple[str, ...] = getattr(self, field)
        closed = _CLOSED.get(field)
        if closed is not None:
            # Words of a closed vocabulary are codes: loading refuses anything else.
            return _merge(own, (n for n in self.names if n in closed))
        return _merge(own, self.names)

    def extended(self, other: Vocabulary) -> Vocabulary:
        """Both vocabularies' words; the larger list bound."""
        changes: dict[str, object] = {}
        for field in attrs.fields(Vocabulary):
            mine, theirs = getattr(self, field.name), getattr(other, field.name)
            if field.name == "max_list":
                changes[field.name] = max(mine, theirs)
            elif field.name in ("counts", "numbers"):
                changes[field.name] = tuple(sorted(set(mine) | set(theirs)))
            else:
                changes[field.name] = _merge(mine, theirs)
        return attrs.evolve(self, **changes)  # type: ignore[arg-type]


#: Pools whose words are terms of a closed core vocabulary, with its codes.
_CLOSED: dict[str, frozenset[str]] = {
    "team_kinds": frozenset(TEAM_KIND.codes),
    "post_categories": frozenset(POST_CATEGORY.codes),
    "drill_kinds": frozenset(DRILL_KIND.codes),
    "publicity_kinds": frozenset(PUBLICITY_CHANNEL.codes),
}

#: Lists never grow past this, whatever a threshold says (a 365-day figure is not a headcount).
LIST_LIMIT = 40


def from_edition(edition: Edition) -> Vocabulary:
    """Words from list parameters; numbers around every numeric parameter."""
    names: list[str] = []
    counts: set[int] = {0, 1, 2, 3}
    numbers: set[float] = {0.0, 1.0}
    for param in edition.parameters:
        value = param.value
        if isinstance(value, bool):
            continue
        if isinstance(value, tuple):
            names.extend(value)
        elif isinstance(value, int):
            counts.update(v for v in (value - 1, value, value + 1) if v >= 0)
        elif isinstance(value, float):
            numbers.update(v for v in (value - 1, value, value + 1) if v >= 0)
    small = [c for c in counts if c <= LIST_LIMIT]
    return Vocabulary(
        names=_merge(names),
        counts=tuple(sorted(counts)),
        numbers=tuple(sorted(numbers)),
        max_list=max(12, *small),
    )


def from_stations(stations: Iterable[Station]) -> Vocabulary:
    """Every word the stations use, field by field (added to the defaults)."""
    pools: dict[str, list[str]] = {f.name: [] for f in attrs.fields(Vocabulary)}

    def add(field: str, words: Iterable[str | None] | None) -> None:
        pools[field].extend(w for w in (words or ()) if w)

    longest = 0
    for s in stations:
        if s.premises and s.premises.rooms:
            add("room_kinds", (r.kind for r in s.premises.rooms))
        add("sign_texts", (g.text for g in s.signs or ()))
        add("post_duties", (p.duty for p in s.posts or ()))
        add("post_categories", (p.category for p in s.posts or ()))
        for team in s.teams or ():
            add("team_kinds", [team.kind])
            add("member_roles", (m.role for m in team.members or ()))
            add("topics", team.rescue_types)
            add("sections", team.groups)
            longest = max(longest, len(team.members or ()))
        for item in s.equipment or ():
            add("item_categories", [item.category, item.subcategory])
            add("items", [item.item])
            add("units", [item.unit])
        if s.communications:
            add("channels", s.communications.alarm_channels)
            add("channels", s.communications.linked_platforms)
            add("screen_types", [s.communications.screen_type])
        add("plan_types", (p.type for p in s.plans or ()))
        add("wall_maps", s.wall_maps)
        add("drill_kinds", (d.kind for d in s.drills or ()))
        add("training_topics", (t.topic for t in s.trainings or ()))
        add("rules", s.rules)
        add("ledger_kinds", (g.kind for g in s.ledgers or ()))
        add("risk_areas", (g.risk_area for g in s.grids or ()))
        for pub in s.publicity or ():
            add("publicity_kinds", [pub.kind])
            add("sections", pub.sections)
        for ev in s.functions or ():
            add("topics", [ev.topic])
            add("evidence", ev.items)
        if s.warehouse:
            add("rules", s.warehouse.rules)
        if s.duty:
            add("post_duties", s.duty.merged_duties)
        longest = max(longest, len(s.posts or ()), len(s.equipment or ()))
    base = Vocabulary()
    merged = {
        name: _merge(getattr(base, name), words)
        for name, words in pools.items()
        if name not in ("counts", "numbers", "max_list", "names")
    }
    return attrs.evolve(base, max_list=min(max(base.max_list, longest + 1), LIST_LIMIT), **merged)  # type: ignore[arg-type]


def vocabulary_for(edition: Edition, stations: Iterable[Station] = ()) -> Vocabulary:
    """The vocabulary of an edition, enriched with the words of example stations."""
    return from_stations(stations).extended(from_edition(edition))

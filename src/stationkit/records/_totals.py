"""Totals checked: impossible totals, and totals that disagree with the detailed lists beside
them, are errors naming both paths (a summary never silently outvotes a roster)."""

from __future__ import annotations

from collections.abc import Iterable

from stationkit.errors import InputProblem
from stationkit.records._model import Dataset, Region, RegionLevel, Station, Team

#: Oldest plausible average age of a team (an average of 150 is a typo, not a team).
MAX_AGE = 100
#: How far a recorded average age may differ from the roster's (rounding to one year).
AGE_TOLERANCE = 0.5


class _Problems:
    def __init__(self, source: str) -> None:
        self.source = source
        self.items: list[InputProblem] = []

    def add(self, path: str, message: str) -> None:
        self.items.append(InputProblem(self.source, path, message))


def _team(team: Team, path: str, out: _Problems) -> None:
    members = team.members
    size = (
        team.headcount
        if team.headcount is not None
        else (len(members) if members is not None else None)
    )
    where = f"{path}.headcount" if team.headcount is not None else f"{path}.members"
    if members is not None and team.headcount is not None and len(members) != team.headcount:
        out.add(
            f"{path}.headcount",
            f"headcount {team.headcount} disagrees with the roster at {path}.members "
            f"({len(members)} people)",
        )
    if team.average_age is not None:
        if not 0 < team.average_age <= MAX_AGE:
            out.add(
                f"{path}.average_age",
                f"an average age of {team.average_age:g} is impossible (expected 1–{MAX_AGE})",
            )
        ages = [m.age for m in members or ()]
        if members and all(a is not None for a in ages) and not any(m.birth_date for m in members):
            mean = sum(a for a in ages if a is not None) / len(ages)
            if abs(mean - team.average_age) > AGE_TOLERANCE:
                out.add(
                    f"{path}.average_age",
                    f"average age {team.average_age:g} disagrees with the roster at "
                    f"{path}.members (average {mean:.1f})",
                )
    for field, member_field in (("insured", "insured"), ("equipped", "protective_equipment")):
        value = getattr(team, field)
        if value is None:
            continue
        if size is not None and value > size:
            out.add(f"{path}.{field}", f"{value} {field} of {size} people ({where}) is impossible")
        flags = [getattr(m, member_field) for m in members or ()]
        if members and all(f is not None for f in flags) and sum(flags) != value:
            out.add(
                f"{path}.{field}",
                f"{field} {value} disagrees with the roster at {path}.members[].{member_field} "
                f"({sum(flags)} people)",
            )
    if team.age_bands is not None:
        for i, band in enumerate(team.age_bands):
            if band.min_age > band.max_age or band.max_age > MAX_AGE + 20:
                out.add(f"{path}.age_bands[{i}]", f"impossible band {band.min_age}–{band.max_age}")
        banded = sum(b.count for b in team.age_bands)
        if size is not None and banded != size:
            out.add(
                f"{path}.age_bands",
                f"the bands hold {banded} people, {where} says {size}",
            )
        if team.average_age is not None and team.age_bands:
            low = min(b.min_age for b in team.age_bands if b.count)
            high = max(b.max_age for b in team.age_bands if b.count)
            if not low <= team.average_age <= high:
                out.add(
                    f"{path}.average_age",
                    f"average age {team.average_age:g} lies outside the bands at "
                    f"{path}.age_bands ({low}–{high})",
                )


def _posts(station: Station, path: str, out: _Problems) -> None:
    totals = station.post_totals
    if totals is None:
        return
    tpath = f"{path}.post_totals"
    if totals.full_time is not None and totals.full_time > totals.total:
        out.add(
            f"{tpath}.full_time",
            f"{totals.full_time} full-time of {totals.total} posts ({tpath}.total) is impossible",
        )
    by_category = totals.by_category or ()
    for i, cat in enumerate(by_category):
        if cat.full_time is not None and cat.full_time > cat.count:
            out.add(
                f"{tpath}.by_category[{i}].full_time",
                f"{cat.full_time} full-time of {cat.count} posts ({tpath}.by_category[{i}].count)",
            )
    if sum(c.count for c in by_category) > totals.total:
        out.add(
            f"{tpath}.by_category",
            f"the categories hold {sum(c.count for c in by_category)} posts, more than "
            f"{tpath}.total ({totals.total})",
        )
    posts = station.posts
    if posts is None:
        return
    if len(posts) != totals.total:
        out.add(
            f"{tpath}.total",
            f"total {totals.total} disagrees with the list at {path}.posts ({len(posts)} posts)",
        )
    flags = [p.full_time for p in posts]
    listed = sum(bool(f) for f in flags)
    known = all(f is not None for f in flags)
    if totals.full_time is not None and known and listed != totals.full_time:
        out.add(
            f"{tpath}.full_time",
            f"full_time {totals.full_time} disagrees with {path}.posts[].full_time "
            f"({listed} posts)",
        )
    for i, cat in enumerate(by_category):
        full = [p.full_time for p in posts if p.category == cat.category]
        held = sum(bool(f) for f in full)
        known = all(f is not None for f in full)
        if cat.full_time is not None and known and held != cat.full_time:
            out.add(
                f"{tpath}.by_category[{i}].full_time",
                f"{cat.full_time} full-time posts of category {cat.category!r} disagree "
                f"with {path}.posts[] ({held})",
            )
        listed = sum(p.category == cat.category for p in posts)
        if listed != cat.count:
            out.add(
                f"{tpath}.by_category[{i}]",
                f"{cat.count} posts of category {cat.category!r} disagree with "
                f"{path}.posts[].category ({listed})",
            )


def _duplicates(keys: Iterable[tuple[object, ...]]) -> list[int]:
    seen: set[tuple[object, ...]] = set()
    repeated = []
    for i, key in enumerate(keys):
        if key in seen:
            repeated.append(i)
        seen.add(key)
    return repeated


def _trainings(station: Station, path: str, out: _Problems) -> None:
    totals = station.training_totals or ()
    for i in _duplicates((t.year, t.kind) for t in totals):
        out.add(f"{path}.training_totals[{i}]", "a second total for the same year and kind")
    for i, total in enumerate(totals):
        tpath = f"{path}.training_totals[{i}]"
        for field in ("reported", "photographed"):
            value = getattr(total, field)
            if value is not None and value > total.count:
                out.add(f"{tpath}.{field}", f"{value} {field} of {total.count} trainings")
        if station.trainings is None:
            continue
        listed = [
            t
            for t in station.trainings
            if t.date.year == total.year and (total.kind is None or t.kind == total.kind)
        ]
        if len(listed) != total.count:
            out.add(
                f"{tpath}.count",
                f"{total.count} trainings in {total.year} disagree with the list at "
                f"{path}.trainings ({len(listed)})",
            )


def _drills(station: Station, path: str, out: _Problems) -> None:
    totals = station.drill_totals or ()
    for i in _duplicates((t.year, t.kind, t.town) for t in totals):
        out.add(f"{path}.drill_totals[{i}]", "a second total for the same year, kind and level")
    for i, total in enumerate(totals):
        tpath = f"{path}.drill_totals[{i}]"
        if total.reviewed is not None and total.reviewed > total.count:
            out.add(f"{tpath}.reviewed", f"{total.reviewed} reviewed of {total.count} drills")
        if station.drills is None:
            continue
        listed = [
            d
            for d in station.drills
            if d.date.year == total.year
            and d.kind == total.kind
            and (total.town is None or (d.village is None) == total.town)
        ]
        if len(listed) != total.count:
            out.add(
                f"{tpath}.count",
                f"{total.count} drills of {total.kind!r} in {total.year} disagree with the "
                f"list at {path}.drills ({len(listed)})",
            )


def villages_of(region: Region) -> list[Region]:
    """The village-level nodes directly under a township."""
    return [c for c in region.children if c.level is RegionLevel.VILLAGE]


def _villages(station: Station, path: str, region: Region | None, out: _Problems) -> None:
    totals = station.village_totals or ()
    for i in _duplicates((t.year,) for t in totals):
        out.add(f"{path}.village_totals[{i}]", "a second total for the same year")
    for i, total in enumerate(totals):
        tpath = f"{path}.village_totals[{i}]"
        for field in ("with_evacuation_drill", "with_informant", "with_grid_staff"):
            value = getattr(total, field)
            if value is not None and value > total.total:
                out.add(
                    f"{tpath}.{field}",
                    f"{value} villages {field} of {total.total} ({tpath}.total) is impossible",
                )
        if region is not None and villages_of(region):
            count = len(villages_of(region))
            if count != total.total:
                out.add(
                    f"{tpath}.total",
                    f"total {total.total} disagrees with the region tree "
                    f"(region {region.code} has {count} villages)",
                )


def check_totals(
    dataset: Dataset, source: str, regions: dict[str, Region] | None = None
) -> list[InputProblem]:
    """Every impossible or disagreeing total of the dataset (``regions``: its region index,
    when already built)."""
    out = _Problems(source)
    if regions is None:
        regions = dataset.region_index()
    for i, station in enumerate(dataset.stations):
        path = f"stations[{i}] (id {station.id})"
        for j, team in enumerate(station.teams or ()):
            _team(team, f"{path}.teams[{j}]", out)
        _posts(station, path, out)
        _trainings(station, path, out)
        _drills(station, path, out)
        region = regions.get(station.region) if station.region else None
        _villages(station, path, region, out)
    return out.items

"""Coverage of the county by posts (XE §一, §三(二), §三(四), §三(五)).

Region-level requirements on 宣恩县: the tree has the plan's 9 townships and 162 villages; the
珠山镇 pilot post exists once T2 is due; the community pilot has village posts once T4 is due;
every township has a township post once T5 (full operation) is due. A post counts from its
``completed_on`` date. Before the due date a coverage finding is not applicable, with the
count so far in ``observed``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date

from stationkit import (
    Station,
    Status,
    Text,
)
from stationkit.records import Region, RegionLevel
from stationkit.standard import (
    Change,
    Check,
    Context,
    DatedUnit,
    RegionSubject,
    Remedy,
    Requirement,
    Role,
    check_dated,
    counting,
    met,
    missing,
    not_met,
)
from stationkit_xuanen import citations as c
from stationkit_xuanen.kinds import KIND, TOWNSHIP_POST, VILLAGE_POST
from stationkit_xuanen.requirements.programme import COUNTY

GROUP = "coverage"


def _townships(region: Region) -> list[Region]:
    return [r for r in region.walk() if r.level is RegionLevel.TOWNSHIP]


def _villages(region: Region) -> list[Region]:
    return [r for r in region.walk() if r.level is RegionLevel.VILLAGE]


def _posts(subject: RegionSubject, sub_kind: str) -> list[Station]:
    return [s for s in subject.stations if s.kind == KIND and s.sub_kind == sub_kind]


def _built_regions(posts: Iterable[Station], ctx: Context) -> set[str]:
    return {
        s.region
        for s in posts
        if s.region is not None and s.completed_on is not None and s.completed_on <= ctx.as_of
    }


def _completions(posts: Iterable[Station], ctx: Context) -> dict[str, date]:
    """Each region's earliest post completion known on ``as_of``."""
    first: dict[str, date] = {}
    for s in posts:
        region, day = s.region, s.completed_on
        if region is None or day is None or day > ctx.as_of:
            continue
        if region not in first or day < first[region]:
            first[region] = day
    return first


def _undated(posts: Iterable[Station], codes: set[str]) -> str | None:
    """The id of a post in an uncovered region whose build date is not recorded."""
    return next((s.id for s in posts if s.region in codes and s.completed_on is None), None)


def _new_post(region: Region, sub_kind: str, ctx: Context) -> dict[str, object]:
    return {
        "id": f"post-{region.code}",
        "name": f"{region.name}应急服务驿站",
        "kind": KIND,
        "sub_kind": sub_kind,
        "region": region.code,
        "completed_on": ctx.as_of.isoformat(),
    }


def _no_remedy(late: list[DatedUnit]) -> Remedy:
    names = [u.name for u in late]
    return Remedy(
        Text("建成驿站: " + "、".join(names), "build the post(s) of: " + ", ".join(names))
    )


def _not_yet_due(observed: object, expected: object, due: str) -> Check:
    return Check(
        Status.NOT_APPLICABLE,
        observed,
        expected,
        note=Text(f"{due} 前尚未到期", f"not due before {due}"),
    )


def region_tree(subject: RegionSubject, ctx: Context) -> Check:
    """The county tree has the plan's townships and villages (an informational check)."""
    observed = {
        "townships": len(_townships(subject.region)),
        "villages": len(_villages(subject.region)),
    }
    expected = {
        "townships": ctx.integer("township_count"),
        "villages": ctx.integer("village_count"),
    }
    if observed == expected:
        return met(observed, expected)
    towns, villages = expected["townships"], expected["villages"]
    return not_met(
        observed,
        expected,
        Remedy(
            Text(
                f"核对区划: 宣恩县辖{towns}个乡镇、{villages}个村（社区）",
                f"check the region tree: 宣恩县 has {towns} townships and {villages} "
                "villages/communities",
            )
        ),
    )


def _not_post_of(sub_kind: str) -> Callable[[Station, Context], Text | None]:
    def reason(station: Station, ctx: Context) -> Text | None:
        if station.kind != KIND or station.sub_kind != sub_kind:
            return Text(
                f"不是{sub_kind}驿站(kind={station.kind}, sub_kind={station.sub_kind})",
                f"not a {sub_kind} post (kind {station.kind}, sub_kind {station.sub_kind})",
            )
        if station.completed_on is None:
            return Text("未登记建成日期(completed_on)", "completion date not recorded")
        if station.completed_on > ctx.as_of:
            return Text(
                f"{station.completed_on.isoformat()}建成,晚于评估日",
                f"completed {station.completed_on.isoformat()}, after the assessment date",
            )
        return None

    return reason


@counting(_not_post_of(TOWNSHIP_POST))
def township_posts(subject: RegionSubject, ctx: Context) -> Check:
    """Every township has a built township post once full operation (T5) is due."""
    townships = _townships(subject.region)
    posts = _posts(subject, TOWNSHIP_POST)
    covered = _built_regions(posts, ctx)
    uncovered = [t for t in townships if t.code not in covered]
    count = len(townships) - len(uncovered)
    want = ctx.integer("township_count")
    due = ctx.day("t5_due")
    observed = {"townships_with_post": count, "without_post": [t.name for t in uncovered]}
    expected = {"min": want, "due": due.isoformat()}
    first = _completions(posts, ctx)
    units = [DatedUnit.at(t.name, due, first.get(t.code), ctx.as_of) for t in townships]
    if ctx.as_of <= due or count >= want:
        # Late posts cost points in the quarterly assessment (XE §三(六)), not coverage.
        return check_dated(units, expected, _no_remedy, late_fails=False, observed=observed)
    undated = _undated(posts, {t.code for t in uncovered})
    if undated is not None:
        return missing(f"stations[id={undated}].completed_on", expected)
    return not_met(
        observed,
        expected,
        Remedy(
            Text(
                "在以下乡镇建成乡镇驿站: " + "、".join(t.name for t in uncovered),
                f"build a township post in {len(uncovered)} more township(s)",
            ),
            (
                Change(
                    "append",
                    "stations",
                    [_new_post(t, TOWNSHIP_POST, ctx) for t in uncovered[: want - count]],
                ),
            )
            if len(townships) >= want
            else (),
        ),
    )


@counting(_not_post_of(TOWNSHIP_POST))
def pilot_post(subject: RegionSubject, ctx: Context) -> Check:
    """The pilot township (珠山镇) has its post once T2 is due."""
    name = ctx.text("pilot_township")
    due = ctx.day("t2_due")
    town = next((t for t in _townships(subject.region) if t.name == name), None)
    posts = _posts(subject, TOWNSHIP_POST)
    built = town is not None and town.code in _built_regions(posts, ctx)
    observed = {"pilot_township": name, "in_tree": town is not None, "post_built": built}
    expected = {"pilot_township": name, "post_built": True, "due": due.isoformat()}
    if town is not None and (built or ctx.as_of <= due):
        first = _completions(posts, ctx).get(town.code)
        unit = DatedUnit.at(name, due, first, ctx.as_of)
        return check_dated([unit], expected, _no_remedy, late_fails=False, observed=observed)
    if ctx.as_of <= due:
        return _not_yet_due(observed, expected, due.isoformat())
    if town is None:
        return not_met(
            observed,
            expected,
            Remedy(
                Text(
                    f"区划中未找到试点乡镇 {name}", f"the pilot township {name} is not in the tree"
                )
            ),
        )
    undated = _undated(posts, {town.code})
    if undated is not None:
        return missing(f"stations[id={undated}].completed_on", expected)
    return not_met(
        observed,
        expected,
        Remedy(
            Text(f"在{name}建成试点驿站", f"build the pilot post at {name}"),
            (Change("append", "stations", [_new_post(town, TOWNSHIP_POST, ctx)]),),
        ),
    )


@counting(_not_post_of(VILLAGE_POST))
def village_pilot(subject: RegionSubject, ctx: Context) -> Check:
    """The community pilot has village posts once T4 is due."""
    villages = _villages(subject.region)
    posts = _posts(subject, VILLAGE_POST)
    covered = _built_regions(posts, ctx)
    count = sum(v.code in covered for v in villages)
    want = ctx.integer("pilot_village_posts_min")
    due = ctx.day("t4_due")
    observed: dict[str, object] = {"village_posts": count}
    expected = {"min": want, "due": due.isoformat()}
    days = sorted(_completions(posts, ctx).values())
    units = [
        DatedUnit.at(f"village post {k + 1}", due, days[k] if k < len(days) else None, ctx.as_of)
        for k in range(want)
    ]
    if ctx.as_of <= due or count >= want:
        return check_dated(units, expected, _no_remedy, late_fails=False, observed=observed)
    observed["units"] = {u.name: u.json() for u in units}
    uncovered = [v for v in villages if v.code not in covered]
    undated = _undated(posts, {v.code for v in uncovered})
    if undated is not None:
        return missing(f"stations[id={undated}].completed_on", expected)
    return not_met(
        observed,
        expected,
        Remedy(
            Text(
                f"在村（社区）办公楼再建成 {want - count} 个驿站",
                f"build {want - count} more village post(s) in village office buildings",
            ),
            (
                Change(
                    "append",
                    "stations",
                    [_new_post(v, VILLAGE_POST, ctx) for v in uncovered[: want - count]],
                ),
            )
            if len(uncovered) >= want - count
            else (),
        ),
    )


REQUIREMENTS: tuple[Requirement, ...] = (
    Requirement(
        "scope.region_tree",
        "scope",
        Text("区划: 乡镇及村（社区）数", "region tree: townships and villages"),
        c.SCOPE,
        region_tree,
        COUNTY,
        role=Role.INFO,
        parameters=("township_count", "village_count"),
    ),
    Requirement(
        "coverage.pilot",
        GROUP,
        Text("珠山镇试点驿站", "pilot post at 珠山镇"),
        c.PILOT,
        pilot_post,
        COUNTY,
        monotone=True,
        parameters=("pilot_township", "t2_due"),
    ),
    Requirement(
        "coverage.village_pilot",
        GROUP,
        Text("社区试点: 村（社区）办公楼设驿站", "community pilot: village posts"),
        c.COMMUNITY_PILOT,
        village_pilot,
        COUNTY,
        monotone=True,
        parameters=("pilot_village_posts_min", "t4_due"),
    ),
    Requirement(
        "coverage.townships",
        GROUP,
        Text("各乡镇设置应急服务驿站", "a township post in every township"),
        c.SCOPE,
        township_posts,
        COUNTY,
        weight=2.0,
        monotone=True,
        parameters=("township_count", "t5_due"),
    ),
)

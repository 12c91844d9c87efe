"""Staffing of a post (XE §五(二)): dedicated staff, AB posts, where the staff come from.

``Post.person`` is the A (primary) holder of a duty and ``Post.backup`` its B holder; an AB
post needs both, and they must be different people.
"""

from __future__ import annotations

from stationkit import Station, Text
from stationkit.standard import (
    Change,
    Check,
    Context,
    Remedy,
    Requirement,
    append_new,
    met,
    missing,
    not_met,
)
from stationkit_xuanen import citations as c
from stationkit_xuanen.kinds import POSTS

GROUP = "staffing"


def dedicated_staff(station: Station, ctx: Context) -> Check:
    """At least ``dedicated_staff_min`` full-time (专管) posts."""
    want = ctx.integer("dedicated_staff_min")
    expected = {"min": want}
    if station.posts is None:
        return missing("posts", expected)
    count = sum(p.full_time is True for p in station.posts)
    if count >= want:
        return met(count, expected)
    if any(p.full_time is None for p in station.posts):
        return missing("posts[].full_time", expected)
    categories = ctx.names("dedicated_staff_categories")
    change = append_new(
        "posts",
        want - count,
        lambda i: {
            "duty": f"专管员{i + 1}",
            "person": f"专管人员{i + 1}",
            "full_time": True,
            "category": categories[0] if categories else None,
            "backup": f"专管人员{i + 1}B",
        },
    )
    return not_met(
        count,
        expected,
        Remedy(
            Text(
                f"配备 {want - count:,} 名专管人员(设AB岗)",
                f"assign {want - count:,} dedicated staff (with AB backups)",
            ),
            change,
        ),
    )


def ab_posts(station: Station, ctx: Context) -> Check:
    """Every duty has an A holder and a different B holder."""
    expected = {"every_duty": "A holder and a different B holder"}
    if station.posts is None:
        return missing("posts", expected)
    if not station.posts:
        return not_met(
            {"duties": 0},
            expected,
            Remedy(
                Text("设立岗位并指定A岗、B岗人员", "set up the duties with an A and a B holder"),
                (
                    Change(
                        "append",
                        "posts",
                        [{"duty": "值守", "person": "A岗人员", "backup": "B岗人员"}],
                    ),
                ),
            ),
        )
    no_backup = [p.duty for p in station.posts if p.backup is None]
    same = [p.duty for p in station.posts if p.backup is not None and p.backup == p.person]
    observed = {"duties": len(station.posts), "without_b": no_backup, "a_is_b": same}
    if not no_backup and not same:
        return met(observed, expected)
    changes = tuple(
        Change("set", f"posts[{i}].backup", f"{p.person}的B岗")
        for i, p in enumerate(station.posts)
        if p.backup is None or p.backup == p.person
    )
    return not_met(
        observed,
        expected,
        Remedy(
            Text(
                "为以下岗位指定不同于A岗的B岗人员: " + "、".join(no_backup + same),
                "name a B holder, different from the A holder, for: " + ", ".join(no_backup + same),
            ),
            changes,
        ),
    )


def staff_sources(station: Station, ctx: Context) -> Check:
    """Dedicated staff come from the 应急办 or the fire station; others may be volunteers."""
    dedicated = ctx.names("dedicated_staff_categories")
    volunteers = ctx.names("volunteer_categories")
    expected = {"dedicated_from": list(dedicated), "others_from": [*dedicated, *volunteers]}
    if station.posts is None:
        return missing("posts", expected)
    for i, post in enumerate(station.posts):
        if post.category is None:
            return missing(f"posts[{i}].category", expected)
    wrong = [
        (i, p)
        for i, p in enumerate(station.posts)
        if p.category not in (dedicated if p.full_time else (*dedicated, *volunteers))
    ]
    observed = {
        "categories": sorted({p.category for p in station.posts if p.category}),
        "not_allowed": [p.duty for _, p in wrong],
    }
    if not wrong:
        return met(observed, expected)
    targets = [
        (
            i,
            dedicated[0]
            if dedicated
            else (volunteers[0] if volunteers and not p.full_time else None),
        )
        for i, p in wrong
    ]
    # When the allowed categories are tailored away, no record edit can comply.
    changes = (
        tuple(Change("set", f"posts[{i}].category", target) for i, target in targets)
        if all(target is not None for _, target in targets)
        else ()
    )
    return not_met(
        observed,
        expected,
        Remedy(
            Text(
                "专管人员应从应急办工作人员和消防队员中选派",
                "choose dedicated staff from the 应急办 and the fire station",
            ),
            changes,
        ),
    )


REQUIREMENTS: tuple[Requirement, ...] = (
    Requirement(
        "staff.dedicated",
        GROUP,
        Text("配备专管人员", "dedicated staff"),
        c.AB_POSTS,
        dedicated_staff,
        POSTS,
        monotone=True,
        parameters=("dedicated_staff_min", "dedicated_staff_categories"),
    ),
    Requirement(
        "staff.ab_posts",
        GROUP,
        Text("设立AB岗: 每岗A、B不同人", "AB posts: each duty has distinct A and B holders"),
        c.AB_POSTS,
        ab_posts,
        POSTS,
        weight=2.0,
    ),
    Requirement(
        "staff.sources",
        GROUP,
        Text("专管人员来自应急办和消防队员", "dedicated staff from the 应急办 and firefighters"),
        c.STAFF_SOURCES,
        staff_sources,
        POSTS,
        parameters=("dedicated_staff_categories", "volunteer_categories"),
    ),
)

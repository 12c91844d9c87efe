"""org — 有一个承担应急管理职责的工作机构: sign, premises, posts and their duties."""

from __future__ import annotations

from stationkit import Station, Text
from stationkit.records import Post
from stationkit.standard import (
    Change,
    Check,
    Context,
    Figure,
    Remedy,
    Requirement,
    Scope,
    append_new,
    append_to,
    credit,
    lacking,
    met,
    missing,
    names_check,
    not_met,
)
from stationkit_quanzhou import citations as c
from stationkit_quanzhou._checks import STATION_KIND

GROUP = "org"
SCOPE = Scope("station", frozenset({STATION_KIND}))


def station_sign(station: Station, ctx: Context) -> Check:
    """A visible sign "…标准化应急管理站" on the outer wall, with the 安安 logo."""
    suffix = ctx.text("station_sign_suffix")
    where = ctx.text("station_sign_location")
    logo = ctx.text("station_logo")
    expected = {"text_ends_with": suffix, "location": where, "visible": True, "logo": logo}
    if station.signs is None:
        return missing("signs", expected)
    candidates = [s for s in station.signs if s.text.endswith(suffix)]
    for sign in candidates:
        if sign.location == where and sign.visible is True and sign.logo == logo:
            return met({"text": sign.text, "location": sign.location, "logo": sign.logo}, expected)
    if candidates and all(
        s.visible is None or s.location is None or s.logo is None for s in candidates
    ):
        return missing("signs[].visible/location/logo", expected)
    text = station.name if station.name.endswith(suffix) else station.name + suffix
    new = {"text": text, "location": where, "visible": True, "logo": logo}
    return not_met(
        [
            {"text": s.text, "location": s.location, "visible": s.visible, "logo": s.logo}
            for s in station.signs
        ],
        expected,
        lambda: Remedy(
            Text(
                f"在建筑{where}明显位置悬挂“{text}”标牌,采用“{logo}”logo",
                f"hang a visible sign '{text}' with the {logo} logo on the {where} (outer wall)",
            ),
            (Change("append", "signs", [new]),),
        ),
    )


def premises(station: Station, ctx: Context) -> Check:
    """Fixed premises with an office (duty room), a meeting room and a storage room."""
    rooms = ctx.names("required_rooms")
    expected = {"fixed": True, "rooms": list(rooms)}
    if station.premises is None:
        return missing("premises", expected)
    if station.premises.fixed is None or station.premises.rooms is None:
        field = "fixed" if station.premises.fixed is None else "rooms"
        return missing(f"premises.{field}", expected)
    absent = lacking((r.kind for r in station.premises.rooms), rooms)
    observed = {"fixed": station.premises.fixed, "rooms": [r.kind for r in station.premises.rooms]}
    if station.premises.fixed and not absent:
        return met(observed, expected)
    changes = []
    if not station.premises.fixed:
        changes.append(Change("set", "premises.fixed", True))
    if absent:
        changes.append(Change("append", "premises.rooms", [{"kind": k} for k in absent]))
    return not_met(
        observed,
        expected,
        lambda: Remedy(
            Text(
                f"落实固定工作场所{'并设置' + '、'.join(absent) if absent else ''}",
                f"provide fixed premises{' with ' + ', '.join(absent) if absent else ''}",
            ),
            tuple(changes),
        ),
        credit=credit(len(rooms) - len(absent), len(rooms), partial=True),
    )


def _counted(posts: tuple[Post, ...], ctx: Context) -> list[Post]:
    excluded = set(ctx.names("posts_excluded_categories"))
    return [p for p in posts if p.category not in excluded]


def _new_posts(n: int, full_time: bool) -> tuple[Change, ...]:
    kind = "专职" if full_time else "兼职"
    return append_new(
        "posts",
        n,
        lambda i: {
            "duty": f"应急管理{kind}岗位",
            "person": f"待配备{kind}人员{i + 1}",
            "full_time": full_time,
        },
    )


def _counted_total(station: Station, ctx: Context, expected: object) -> int | Check:
    """The counted posts from ``post_totals``: the total less the excluded categories (which
    the totals must then break down)."""
    totals = station.post_totals
    assert totals is not None
    excluded = set(ctx.names("posts_excluded_categories"))
    if not excluded:
        return totals.total
    if totals.by_category is None:
        return missing(
            "post_totals.by_category",
            expected,
            remedy=Remedy(
                Text(
                    "在岗位合计中登记各类别人数(by_category),以扣除执法、救援人员",
                    "break the post total down by category (by_category), so that "
                    "enforcement and rescue staff can be left out",
                )
            ),
        )
    return totals.total - sum(c.count for c in totals.by_category if c.category in excluded)


def _posts_summary(station: Station, ctx: Context, need: int, expected: object) -> Check:
    have = _counted_total(station, ctx, expected)
    if isinstance(have, Check):
        return have
    observed = Figure(have, "summary", "post_totals").observed()
    if have >= need:
        return met(observed, expected)
    return not_met(
        observed,
        expected,
        Remedy(
            Text(
                f"增设{need - have}个专兼职岗位(不含执法、救援人员)",
                f"add {need - have} posts (enforcement and rescue staff do not count)",
            ),
            (
                Change(
                    "set",
                    "post_totals.total",
                    (station.post_totals.total if station.post_totals else 0) + need - have,
                ),
            ),
        ),
    )


def posts_total(station: Station, ctx: Context) -> Check:
    """≥ 6 full- and part-time posts (enforcement and rescue staff not counted)."""
    need = ctx.integer("posts_min")
    excluded = list(ctx.names("posts_excluded_categories"))
    expected = {"min": need, "excluding_categories": excluded}
    if station.posts is None and station.post_totals is not None:
        return _posts_summary(station, ctx, need, expected)
    if station.posts is None:
        return missing("posts", expected)
    have = len(_counted(station.posts, ctx))
    if have >= need:
        return met(have, expected)
    return not_met(
        have,
        expected,
        lambda: Remedy(
            Text(
                f"增设{need - have:,}个专兼职岗位(不含执法、救援人员)",
                f"add {need - have:,} posts (enforcement and rescue staff do not count)",
            ),
            _new_posts(need - have, False),
        ),
    )


def posts_full_time(station: Station, ctx: Context) -> Check:
    """≥ 2 of the counted posts are full-time."""
    need = ctx.integer("full_time_posts_min")
    expected = {"min_full_time": need}
    if station.posts is None and station.post_totals is not None:
        return _full_time_summary(station, ctx, need, expected)
    if station.posts is None:
        return missing("posts", expected)
    counted = _counted(station.posts, ctx)
    have = sum(p.full_time is True for p in counted)
    if have >= need:
        return met(have, expected)
    if any(p.full_time is None for p in counted):
        return missing("posts[].full_time", expected)
    return not_met(
        have,
        expected,
        Remedy(
            Text(f"增设{need - have:,}个专职岗位", f"add {need - have:,} full-time posts"),
            _new_posts(need - have, True),
        ),
    )


def _full_time_summary(station: Station, ctx: Context, need: int, expected: object) -> Check:
    """Full-time posts from the totals. The excluded categories' posts may be full-time too
    (执法、救援 staff usually are), and totals by category do not say how many of them: a total
    cannot prove the counted full-time posts unless nothing is excluded."""
    totals = station.post_totals
    assert totals is not None
    if totals.full_time is None:
        return missing("post_totals.full_time", expected)
    excluded = set(ctx.names("posts_excluded_categories"))
    left = [c for c in totals.by_category or () if c.category in excluded]
    # The counted full-time posts: full_time less the excluded categories' full-time posts,
    # which are known exactly when each category says how many of its posts are full-time,
    # and are between 0 and the category's count otherwise.
    most = sum(c.count if c.full_time is None else c.full_time for c in left)
    least = sum(0 if c.full_time is None else c.full_time for c in left)
    low, high = max(totals.full_time - most, 0), max(totals.full_time - least, 0)
    if excluded and totals.by_category is None:
        low = 0
    observed = Figure(low, "summary", "post_totals.full_time").observed()
    if low >= need:
        return met(observed, expected)
    if high >= need:
        return missing(
            "posts",
            expected,
            remedy=Remedy(
                Text(
                    "岗位合计无法说明专职岗位中有几个是执法、救援人员:请逐岗登记(posts)",
                    "the totals cannot tell how many full-time posts are enforcement or "
                    "rescue staff: record the posts one by one (posts)",
                )
            ),
        )
    return not_met(
        observed,
        expected,
        Remedy(
            Text(f"增设{need - high}个专职岗位", f"add {need - high} full-time posts"),
            (Change("set", "post_totals.full_time", need),),
        ),
    )


def post_duties(station: Station, ctx: Context) -> Check:
    """The posts cover inspections, coordination, duty, data, reporting and supplies."""
    duties = ctx.names("post_duties")
    have = None if station.posts is None else [p.duty for p in _counted(station.posts, ctx)]
    return names_check(
        have,
        duties,
        field="posts",
        change=append_to(
            "posts", lambda d: {"duty": d, "person": "待明确责任人", "full_time": False}
        ),
        what=Text("岗位职责", "post duties"),
        partial=True,
    )


REQUIREMENTS: tuple[Requirement, ...] = (
    Requirement(
        "org.sign",
        GROUP,
        Text("统一挂牌和logo", "station sign and logo"),
        c.SIGN,
        station_sign,
        SCOPE,
        monotone=True,
        parameters=("station_sign_suffix", "station_sign_location", "station_logo"),
    ),
    Requirement(
        "org.premises",
        GROUP,
        Text("固定工作场所及功能室", "fixed premises and rooms"),
        c.PREMISES,
        premises,
        SCOPE,
        parameters=("required_rooms",),
    ),
    Requirement(
        "org.posts",
        GROUP,
        Text("专兼职岗位数(不少于下限)", "posts (at least the minimum)"),
        c.POSTS_23,
        posts_total,
        SCOPE,
        weight=2.0,
        gate=True,
        monotone=True,
        parameters=("posts_min", "posts_excluded_categories"),
    ),
    Requirement(
        "org.posts_full_time",
        GROUP,
        Text("专职岗位数(不少于下限)", "full-time posts (at least the minimum)"),
        c.POSTS_23,
        posts_full_time,
        SCOPE,
        weight=2.0,
        gate=True,
        monotone=True,
        parameters=("full_time_posts_min", "posts_excluded_categories"),
    ),
    Requirement(
        "org.post_duties",
        GROUP,
        Text("岗位职责覆盖", "duties the posts cover"),
        c.POST_DUTIES,
        post_duties,
        SCOPE,
        monotone=True,
        parameters=("post_duties", "posts_excluded_categories"),
    ),
)

"""publicity — 有一个便民体验的安全警示宣教场所: the warning board, the online column with its
four sections, the public-safety digital experience hall, broadcasting in crowded places."""

from __future__ import annotations

from stationkit import Station, Text
from stationkit.records import PublicityChannel
from stationkit.standard import (
    Change,
    Check,
    Context,
    Remedy,
    Requirement,
    lacking,
    met,
    missing,
    not_met,
    within_days,
)
from stationkit_quanzhou import citations as c
from stationkit_quanzhou._checks import requirement

GROUP = "publicity"
BOARD = "warning_board"
COLUMN_KINDS = ("website_column", "wechat_column")
HALL = "experience_hall"
BROADCAST = "broadcast"


def _channels(station: Station, kinds: tuple[str, ...]) -> list[PublicityChannel]:
    return [ch for ch in station.publicity or () if ch.kind in kinds]


def board(station: Station, ctx: Context) -> Check:
    """A warning board refreshed regularly (within ``publicity_refresh_days``)."""
    days = ctx.integer("publicity_refresh_days")
    expected = {"channel": BOARD, "updated_within_days": days}
    if station.publicity is None:
        return missing("publicity", expected)
    boards = _channels(station, (BOARD,))
    fresh = [b for b in boards if b.updated_on and within_days(b.updated_on, ctx.as_of, days)]
    if fresh:
        return met(
            {"updated_on": max(b.updated_on for b in fresh if b.updated_on).isoformat()}, expected
        )
    if boards and all(b.updated_on is None for b in boards):
        return missing(f"publicity[kind={BOARD}].updated_on", expected)
    text = Text("定期更新应急宣传警示栏", "refresh the warning board")
    if not boards:
        return not_met(
            None,
            expected,
            lambda: Remedy(
                text,
                (
                    Change(
                        "append",
                        "publicity",
                        [{"kind": BOARD, "updated_on": ctx.as_of.isoformat()}],
                    ),
                ),
            ),
        )
    return not_met(
        {"updated_on": [b.updated_on.isoformat() for b in boards if b.updated_on]},
        expected,
        lambda: Remedy(
            text, (Change("set", f"publicity[kind={BOARD}].updated_on", ctx.as_of.isoformat()),)
        ),
    )


def column(station: Station, ctx: Context) -> Check:
    """A column on the town's website or WeChat account with the four sections."""
    sections = ctx.names("column_sections")
    expected = {"channel": list(COLUMN_KINDS), "sections": list(sections)}
    if station.publicity is None:
        return missing("publicity", expected)
    columns = _channels(station, COLUMN_KINDS)
    for col in columns:
        if col.sections is not None and not lacking(col.sections, sections):
            return met({"kind": col.kind, "sections": list(col.sections)}, expected)
    if columns and all(col.sections is None for col in columns):
        return missing(f"publicity[kind={columns[0].kind}].sections", expected)
    text = Text(
        "在门户网站或微信公众号设立应急管理工作专栏,含" + "、".join(sections) + "栏目",
        "run an online column with the sections " + ", ".join(sections),
    )
    if not columns:
        return not_met(
            None,
            expected,
            lambda: Remedy(
                text,
                (
                    Change(
                        "append",
                        "publicity",
                        [{"kind": COLUMN_KINDS[1], "sections": list(sections)}],
                    ),
                ),
            ),
        )
    first = columns[0]
    absent = lacking(first.sections or (), sections)
    return not_met(
        {"kind": first.kind, "sections": list(first.sections or ())},
        expected,
        lambda: Remedy(text, (Change("append", f"publicity[kind={first.kind}].sections", absent),)),
        credit=(len(sections) - len(absent)) / len(sections) if sections else 1.0,
    )


def _present(kind: str, what: Text) -> Requirement:
    def predicate(station: Station, ctx: Context) -> Check:
        if station.publicity is None:
            return missing("publicity", {"channel": kind})
        if _channels(station, (kind,)):
            return met(kind, {"channel": kind})
        return not_met(
            None,
            {"channel": kind},
            Remedy(
                Text(f"建设{what.zh}", f"set up {what.en}"),
                (Change("append", "publicity", [{"kind": kind}]),),
            ),
        )

    predicate.__name__ = f"publicity_{kind}"
    cite = c.HALL if kind == HALL else c.BROADCAST_PLACES
    return requirement(f"publicity.{kind}", GROUP, what.zh, what.en, cite, predicate, monotone=True)


REQUIREMENTS: tuple[Requirement, ...] = (
    requirement(
        "publicity.board",
        GROUP,
        "应急宣传警示栏定期更新",
        "warning board kept current",
        c.BOARD,
        board,
        ("publicity_refresh_days",),
        monotone=True,
    ),
    requirement(
        "publicity.column",
        GROUP,
        "网站或公众号应急管理专栏",
        "online emergency column",
        c.COLUMN,
        column,
        ("column_sections",),
        monotone=True,
    ),
    _present(HALL, Text("公共安全数字体验馆", "a public-safety digital experience hall")),
    _present(BROADCAST, Text("人员聚集区域应急广播", "emergency broadcasting in crowded places")),
)

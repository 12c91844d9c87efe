"""command — 有一个全时段运行的应急指挥和通信保障平台: phone, video conference, broadcast,
links to the higher command platforms, around-the-clock operation."""

from __future__ import annotations

from stationkit import Station, Status, Text
from stationkit.standard import (
    Change,
    Check,
    Context,
    Remedy,
    Requirement,
    Scope,
    append_to,
    check_threshold,
    met,
    missing,
    names_check,
    not_met,
)
from stationkit_quanzhou import citations as c
from stationkit_quanzhou._checks import STATION_KIND

GROUP = "command"
SCOPE = Scope("station", frozenset({STATION_KIND}))


def satellite_phone(station: Station, ctx: Context) -> Check:
    want = ctx.integer("satellite_phones_min")
    comms = station.communications
    return check_threshold(
        comms.satellite_phones if comms else None,
        want,
        field="communications.satellite_phones",
        remedy=lambda: Remedy(
            Text(f"配备卫星电话至{want}部", f"provide {want} satellite phone(s)"),
            (Change("set", "communications.satellite_phones", want),),
        ),
    )


def video_conference(station: Station, ctx: Context) -> Check:
    comms = station.communications
    value = comms.video_conference if comms else None
    if value is None:
        return missing("communications.video_conference", True)
    if value:
        return met(True, True)
    return not_met(
        False,
        True,
        Remedy(
            Text("配备双向可视化可通话的视频会议系统", "install a two-way video-conference system"),
            (Change("set", "communications.video_conference", True),),
        ),
    )


def screen(station: Station, ctx: Context) -> Check:
    """ "不低于100寸的液晶显示屏幕": the size and the type (液晶) are both checked."""
    want = ctx.number("screen_inches_min")
    kind = ctx.text("screen_type")
    comms = station.communications

    def remedy() -> Remedy:  # built only when a report reads it
        return Remedy(
            Text(
                f"更换不低于{want:g}寸的{kind}显示屏",
                f"install a {kind} (LCD) screen of at least {want:g} inches",
            ),
            (
                Change("set", "communications.screen_inches", want),
                Change("set", "communications.screen_type", kind),
            ),
        )

    size = check_threshold(
        comms.screen_inches if comms else None,
        want,
        field="communications.screen_inches",
        remedy=remedy,
    )
    if size.status is not Status.MET:
        return size
    expected = {"min": want, "type": kind}
    recorded = comms.screen_type if comms else None
    if recorded is None:
        return missing("communications.screen_type", expected, remedy=remedy)
    observed = {"inches": size.observed, "type": recorded}
    if recorded == kind:
        return met(observed, expected)
    return not_met(observed, expected, remedy)


def broadcast(station: Station, ctx: Context) -> Check:
    comms = station.communications
    value = comms.broadcast if comms else None
    if value is None:
        return missing("communications.broadcast", True)
    if value:
        return met(True, True)
    return not_met(
        False,
        True,
        Remedy(
            Text("配备一套应急广播系统", "install an emergency broadcast system"),
            (Change("set", "communications.broadcast", True),),
        ),
    )


def platform_links(station: Station, ctx: Context) -> Check:
    comms = station.communications
    return names_check(
        comms.linked_platforms if comms else None,
        ctx.names("linked_platforms"),
        field="communications.linked_platforms",
        change=append_to("communications.linked_platforms"),
        what=Text("对接的上级指挥平台", "links to higher command platforms"),
        partial=True,
    )


def around_the_clock(station: Station, ctx: Context) -> Check:
    value = station.duty.around_the_clock if station.duty else None
    if value is None:
        return missing("duty.around_the_clock", True)
    if value:
        return met(True, True)
    return not_met(
        False,
        True,
        Remedy(
            Text("实行全时段(24小时)值守", "staff the platform around the clock"),
            (Change("set", "duty.around_the_clock", True),),
        ),
    )


REQUIREMENTS: tuple[Requirement, ...] = (
    Requirement(
        "command.satellite_phone",
        GROUP,
        Text("至少一部卫星电话", "at least one satellite phone"),
        c.COMMS_23,
        satellite_phone,
        SCOPE,
        weight=2.0,
        gate=True,
        monotone=True,
        parameters=("satellite_phones_min",),
    ),
    Requirement(
        "command.video_conference",
        GROUP,
        Text("双向可视化视频会议系统", "two-way video conference"),
        c.COMMS_23,
        video_conference,
        SCOPE,
        monotone=True,
    ),
    Requirement(
        "command.screen",
        GROUP,
        Text(
            "视频会议液晶显示屏(液晶,尺寸不低于下限)",
            "video-conference LCD screen (液晶, at least the minimum size)",
        ),
        c.COMMS_23,
        screen,
        SCOPE,
        weight=2.0,
        gate=True,
        monotone=True,
        parameters=("screen_inches_min", "screen_type"),
    ),
    Requirement(
        "command.broadcast",
        GROUP,
        Text("一套应急广播系统", "an emergency broadcast system"),
        c.COMMS_23,
        broadcast,
        SCOPE,
        monotone=True,
    ),
    Requirement(
        "command.platform_links",
        GROUP,
        Text("对接上级应急指挥平台", "linked to the higher command platforms"),
        c.PLATFORM_23,
        platform_links,
        SCOPE,
        monotone=True,
        parameters=("linked_platforms",),
    ),
    Requirement(
        "command.around_the_clock",
        GROUP,
        Text("全时段运行(全勤值守)", "runs around the clock"),
        c.ROUND_THE_CLOCK_23,
        around_the_clock,
        SCOPE,
        monotone=True,
    ),
)

"""The station profile (reported, not scored): what each type does, SZ's finer kind of a
street station, fixed premises and the unified sign (two of the goal phrases), and the
services desk. PS scores the street through the five modules; these facts are shown so the
2023 year-end evaluation (外观标识, 职责整合, 应急服务 …) can read them."""

from __future__ import annotations

from typing import Any

from stationkit import Station, Text
from stationkit.standard import (
    Change,
    Check,
    Context,
    Remedy,
    Requirement,
    Role,
    Scope,
    evidence_check,
    met,
    missing,
    not_met,
)
from stationkit_pingshan import citations as c
from stationkit_pingshan.kinds import COMMUNITY, INDUSTRIAL_PARK, STATIONS, STREET
from stationkit_pingshan.scoring import PROFILE

_FUNCTIONS = {
    COMMUNITY: "community_functions",
    INDUSTRIAL_PARK: "park_functions",
    STREET: "street_functions",
}


def functions(station: Station, ctx: Context) -> Check:
    """The functions of the station's type, recorded as ``functions`` evidence."""
    return evidence_check(
        station,
        "functions",
        ctx.names(_FUNCTIONS[station.kind]),
        what=Text("发挥本类站点职能", "perform the functions of the type"),
        partial=False,
    )


def sub_kind(station: Station, ctx: Context) -> Check:
    allowed = ctx.names("sz_sub_kinds")
    expected = {"one_of": list(allowed)}
    if station.sub_kind is None:
        return missing("sub_kind", expected)
    if station.sub_kind in allowed:
        return met(station.sub_kind, expected)
    return not_met(
        station.sub_kind,
        expected,
        Remedy(
            Text("按深圳市站点类型登记细分类型", "record one of Shenzhen's finer kinds"),
            (Change("set", "sub_kind", "other"),),
        ),
    )


def premises_fixed(station: Station, ctx: Context) -> Check:
    expected = {"fixed": True}
    if station.premises is None:
        return missing("premises", expected)
    if station.premises.fixed is None:
        return missing("premises.fixed", expected)
    if station.premises.fixed:
        return met(True, expected)
    return not_met(
        False,
        expected,
        Remedy(
            Text("固定功能场所", "fix the station's premises"),
            (Change("set", "premises.fixed", True),),
        ),
    )


def sign(station: Station, ctx: Context) -> Check:
    name = ctx.text("sign_text")
    expected = {"sign_names": name}
    if station.signs is None:
        return missing("signs", expected)
    found = [s.text for s in station.signs if name in s.text]
    if found:
        return met(found, expected)
    return not_met(
        [s.text for s in station.signs],
        expected,
        Remedy(
            Text(f"设置“{name}”统一标识", f"put up the unified “{name}” sign"),
            (
                Change(
                    "append",
                    "signs",
                    [
                        {
                            "text": f"{station.name}{name}"
                            if name not in station.name
                            else station.name
                        }
                    ],
                ),
            ),
        ),
    )


def service_desk(station: Station, ctx: Context) -> Check:
    return evidence_check(
        station,
        "service_desk",
        ctx.names("service_desk_items"),
        what=Text("便民服务", "offer the services"),
        partial=False,
    )


def _r(
    rid: str,
    zh: str,
    en: str,
    cite: Any,
    predicate: Any,
    params: tuple[str, ...],
    scope: Scope = STATIONS,
) -> Requirement:
    return Requirement(
        rid, PROFILE, Text(zh, en), cite, predicate, scope, role=Role.INFO, parameters=params
    )


REQUIREMENTS = (
    _r(
        "profile.functions",
        "本类站点职能",
        "functions of the station type",
        c.PS_TYPES,
        functions,
        ("community_functions", "park_functions", "street_functions"),
    ),
    _r(
        "profile.sub_kind",
        "深圳市站点细分类型",
        "Shenzhen finer kind",
        c.SZ_SUB_KINDS,
        sub_kind,
        ("sz_sub_kinds",),
        Scope("station", kinds=frozenset({STREET})),
    ),
    _r("profile.premises", "功能场所固定", "fixed premises", c.PS_GOAL_WORDS, premises_fixed, ()),
    _r("profile.sign", "外观标识统一", "unified sign", c.PS_SIGNS, sign, ("sign_text",)),
    _r(
        "profile.service_desk",
        "便民服务台",
        "services desk",
        c.SZ_SERVICE_DESK,
        service_desk,
        ("service_desk_items",),
    ),
)

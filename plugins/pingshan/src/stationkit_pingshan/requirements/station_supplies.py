"""Supplies and equipment (应急救援 module): SZ's required kit and forest-area kit, PS
§三(四)'s five equipment categories and the upkeep and dispatch rules of the store."""

from __future__ import annotations

from typing import Any

from stationkit import Station, Text
from stationkit.standard import (
    Change,
    Check,
    Context,
    Remedy,
    Requirement,
    met,
    missing,
    names_check,
    not_applicable,
    not_met,
)
from stationkit_pingshan import citations as c
from stationkit_pingshan.kinds import STATIONS
from stationkit_pingshan.scoring import RESCUE

#: The PS category each named kit item falls in, so a remedy adds a well-formed record.
KIT_CATEGORY = {
    "微型巡逻车": "交通",
    "灭火装置": "灭火",
    "消防泵": "灭火",
    "个人防护": "防护",
    "破拆工具": "破拆",
    "水域救生": "救生",
    "应急通信": "通信",
    "森林消防水车": "灭火",
    "水泵": "灭火",
    "搜救": "救生",
    "水域救援": "救生",
}


def _stocked(station: Station) -> list[str] | None:
    if station.equipment is None:
        return None
    return [i.item for i in station.equipment if i.quantity > 0]


def _add_items(names: list[str]) -> tuple[Change, ...]:
    return (
        Change(
            "append",
            "equipment",
            [{"category": KIT_CATEGORY.get(n, "其他"), "item": n, "quantity": 1} for n in names],
        ),
    )


def categories(station: Station, ctx: Context) -> Check:
    required = ctx.names("equipment_categories")
    have = (
        None
        if station.equipment is None
        else [i.category for i in station.equipment if i.quantity > 0]
    )
    return names_check(
        have,
        required,
        field="equipment",
        what=Text("储备五类装备器材", "stock every equipment category"),
        partial=False,
        change=lambda short: (
            Change(
                "append",
                "equipment",
                [{"category": k, "item": f"{k}类装备", "quantity": 1} for k in short],
            ),
        ),
    )


def required_kit(station: Station, ctx: Context) -> Check:
    return names_check(
        _stocked(station),
        ctx.names("required_kit"),
        field="equipment",
        what=Text("配齐必配硬件设备", "provide the required kit"),
        partial=False,
        change=_add_items,
    )


def forest_kit(station: Station, ctx: Context) -> Check:
    """Only for forest-area stations, read as stations whose region is mountainous."""
    required = ctx.names("forest_kit")
    region = ctx.region_of(station)
    if region is None:
        return not_applicable(
            Text(
                "未提供站点所在区域，无法判断是否林区",
                "no region given: cannot tell a forest-area station",
            )
        )
    if region.mountainous is None:
        return missing(f"region {region.code}.mountainous", {"all_of": list(required)})
    if not region.mountainous:
        return not_applicable(Text("非林区站点", "not a forest-area station"))
    return names_check(
        _stocked(station),
        required,
        field="equipment",
        what=Text("林区站点加配装备", "provide the forest-area kit"),
        partial=False,
        change=_add_items,
    )


def store(station: Station, ctx: Context) -> Check:
    """定点储存 with a ledger, and the upkeep and dispatch rules in force."""
    rules = ctx.names("supply_rules")
    expected = {"ledger": True, "rules": list(rules)}
    if station.warehouse is None:
        return missing("warehouse", expected)
    wh = station.warehouse
    if wh.ledger is None:
        return missing("warehouse.ledger", expected)
    if wh.rules is None:
        return missing("warehouse.rules", expected)
    short = [r for r in rules if r not in wh.rules]
    observed = {"ledger": wh.ledger, "rules": [r for r in rules if r in wh.rules]}
    if wh.ledger and not short:
        return met(observed, expected)
    changes = [Change("set", "warehouse.ledger", True)]
    if short:
        changes.append(Change("append", "warehouse.rules", short))
    return not_met(
        observed,
        expected,
        Remedy(
            Text(
                "物资定点储存、建账，完善维修保养和调配制度",
                "store supplies with a ledger and upkeep and dispatch rules",
            ),
            tuple(changes),
        ),
    )


def _r(
    rid: str, zh: str, en: str, cite: Any, predicate: Any, params: tuple[str, ...]
) -> Requirement:
    return Requirement(
        rid, RESCUE, Text(zh, en), cite, predicate, STATIONS, monotone=True, parameters=params
    )


REQUIREMENTS = (
    _r(
        "rescue.equipment_categories",
        "交通、防护、灭火、破拆、救生装备",
        "the five equipment categories",
        c.PS_EQUIPMENT,
        categories,
        ("equipment_categories",),
    ),
    _r(
        "rescue.required_kit",
        "必配硬件设备",
        "required kit",
        c.SZ_REQUIRED_KIT,
        required_kit,
        ("required_kit",),
    ),
    _r(
        "rescue.forest_kit",
        "林区站点加配装备",
        "forest-area kit",
        c.SZ_FOREST_KIT,
        forest_kit,
        ("forest_kit",),
    ),
    _r(
        "rescue.store",
        "物资定点储存与管理调配制度",
        "supplies stored and managed",
        c.PS_SUPPLY_RULES,
        store,
        ("supply_rules",),
    ),
)

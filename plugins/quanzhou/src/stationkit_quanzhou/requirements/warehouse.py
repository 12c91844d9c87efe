"""warehouse — 有一个管理规范的应急物资综合储备仓库: the sign, the 附件4 supplies by category,
management rules, a named keeper and a ledger, the model shelter."""

from __future__ import annotations

from stationkit import Station, Text
from stationkit.standard import (
    Change,
    Check,
    Context,
    Remedy,
    Requirement,
    append_to,
    evidence_check,
    met,
    missing,
    names_check,
    not_met,
)
from stationkit_quanzhou import citations as c
from stationkit_quanzhou._checks import requirement

GROUP = "warehouse"
TOPIC_SHELTER = "应急避灾示范点"


def warehouse_sign(station: Station, ctx: Context) -> Check:
    suffix = ctx.text("warehouse_sign_suffix")
    expected = {"sign_ends_with": suffix}
    if station.warehouse is None:
        return missing("warehouse", expected)
    sign = station.warehouse.sign
    if sign is None:
        return missing("warehouse.sign", expected)
    if sign.endswith(suffix):
        return met(sign, expected)
    name = station.name.removesuffix("标准化应急管理站") or station.name
    return not_met(
        sign,
        expected,
        lambda: Remedy(
            Text(f"站外悬挂规范名称标牌“{name}{suffix}”", f"hang the sign '{name}{suffix}'"),
            (Change("set", "warehouse.sign", f"{name}{suffix}"),),
        ),
    )


def supplies(station: Station, ctx: Context) -> Check:
    """At least ``supply_items_min`` items stocked in every category of the 附件4 list."""
    rows = ctx.names("supply_subcategories")
    least = ctx.integer("supply_items_min")
    expected = {"subcategories": list(rows), "min_items_each": least}
    if station.equipment is None:
        return missing("equipment", expected)
    stocked: dict[str, int] = {}
    for item in station.equipment:
        key = f"{item.category}/{item.subcategory}" if item.subcategory else item.category
        stocked[key] = stocked.get(key, 0) + item.quantity
    short = [row for row in rows if stocked.get(row, 0) < least]
    if not short:
        return met({row: stocked[row] for row in rows}, expected)
    new = []
    for row in short:
        category, _, sub = row.partition("/")
        entry: dict[str, object] = {
            "category": category,
            "item": "按附件4清单配备",
            "quantity": least - stocked.get(row, 0),
        }
        if sub:
            entry["subcategory"] = sub
        new.append(entry)
    return not_met(
        {"short": short},
        expected,
        lambda: Remedy(
            Text(
                "按附件4补充以下类别的物资装备:" + "、".join(short),
                "stock these 附件4 categories: " + ", ".join(short),
            ),
            (Change("append", "equipment", new),),
        ),
        credit=(len(rows) - len(short)) / len(rows) if rows else 1.0,
    )


def management_rules(station: Station, ctx: Context) -> Check:
    warehouse = station.warehouse
    if warehouse is None:
        return missing("warehouse", {"all_of": list(ctx.names("warehouse_rules"))})
    return names_check(
        warehouse.rules,
        ctx.names("warehouse_rules"),
        field="warehouse.rules",
        change=append_to("warehouse.rules"),
        what=Text("应急物资管理制度", "warehouse rules"),
        partial=True,
    )


def keeper_and_ledger(station: Station, ctx: Context) -> Check:
    expected = {"keeper": "named", "ledger": True}
    warehouse = station.warehouse
    if warehouse is None:
        return missing("warehouse", expected)
    if warehouse.ledger is None:
        return missing("warehouse.ledger", expected)
    observed = {"keeper": warehouse.keeper, "ledger": warehouse.ledger}
    if warehouse.keeper and warehouse.ledger:
        return met(observed, expected)
    changes = []
    if not warehouse.keeper:
        changes.append(Change("set", "warehouse.keeper", "仓库管理员(待明确)"))
    if not warehouse.ledger:
        changes.append(Change("set", "warehouse.ledger", True))
    return not_met(
        observed,
        expected,
        lambda: Remedy(
            Text("仓库明确专人管理并建立物资台账", "name a keeper and keep a stock ledger"),
            tuple(changes),
        ),
    )


def shelter(station: Station, ctx: Context) -> Check:
    return evidence_check(
        station,
        TOPIC_SHELTER,
        ctx.names("shelter_standards"),
        what=Text("应急避灾示范点", "model shelter"),
        partial=True,
    )


REQUIREMENTS: tuple[Requirement, ...] = (
    requirement(
        "warehouse.sign",
        GROUP,
        "应急物资储备站标牌",
        "warehouse sign",
        c.WAREHOUSE_SIGN,
        warehouse_sign,
        ("warehouse_sign_suffix",),
    ),
    requirement(
        "warehouse.supplies",
        GROUP,
        "附件4 物资装备类别齐全",
        "附件4 supplies by category",
        c.SUPPLIES,
        supplies,
        ("supply_subcategories", "supply_items_min"),
        weight=2.0,
        monotone=True,
    ),
    requirement(
        "warehouse.rules",
        GROUP,
        "应急物资管理制度",
        "warehouse management rules",
        c.WAREHOUSE_RULES,
        management_rules,
        ("warehouse_rules",),
        monotone=True,
    ),
    requirement(
        "warehouse.keeper",
        GROUP,
        "专人管理、物资台账",
        "named keeper and stock ledger",
        c.WAREHOUSE_RULES,
        keeper_and_ledger,
    ),
    requirement(
        "warehouse.shelter",
        GROUP,
        "应急避灾示范点",
        "model shelter",
        c.SHELTER,
        shelter,
        ("shelter_standards",),
        weight=0.5,
        monotone=True,
    ),
)

"""The spreadsheet layout of a dataset, derived from the record classes.

One sheet per list of records: ``stations`` (one row per station, nested single records
flattened into dotted columns such as ``communications.satellite_phones``), then a sheet per
list inside a station (``posts``, ``teams``, ``premises.rooms``...) whose rows carry the
``station`` id, and for lists inside those (``teams.members``) also the 1-based position of
the row they belong to (``team``). The region tree is the ``regions`` sheet (a ``parent``
column), ``dataset`` holds the year, ``completions`` the programme completions and
``given_scores`` the scores reviewers gave (Pingshan's district scoring a street's modules).
A list of words is one cell, the words separated by 、 , ; or new lines.
"""

from __future__ import annotations

import types
import typing
from datetime import date, datetime
from enum import Enum
from typing import Any

import attrs

from stationkit.records._model import (
    VOCABULARY,
    Completion,
    Count,
    Dataset,
    GivenScore,
    Region,
    Station,
)
from stationkit.records._vocabulary import Term, Vocabulary

#: Chinese headers (and the variants clerks type) for columns: by ``sheet:column``, else by
#: column name (dotted path), else by the field's own name.
LABELS: dict[str, tuple[str, ...]] = {
    "stations:id": ("站点编号", "编号", "站点ID"),
    "stations:name": ("名称", "站点名称"),
    "id": ("编号",),
    "name": ("名称",),
    "kind": ("类型", "站点类型"),
    "sub_kind": ("细分类型", "站点细分类型"),
    "region": ("所在区域", "区域", "所属镇街", "行政区划代码"),
    "completed_on": ("建成日期", "建成时间"),
    "premises.address": ("地址", "场所地址"),
    "premises.fixed": ("固定场所",),
    "communications.satellite_phones": ("卫星电话(部)", "卫星电话", "卫星电话数量"),
    "communications.video_conference": ("视频会议系统", "视频会议"),
    "communications.screen_inches": ("视频会议屏幕(寸)", "屏幕尺寸(寸)", "视频会议屏幕"),
    "communications.broadcast": ("应急广播",),
    "handbook": ("应急手册",),
    "wall_maps": ("上墙图",),
    "rules": ("制度",),
    "informants": ("信息员",),
    "verified_on": ("核实日期", "季度核实日期"),
    "duty.around_the_clock": ("24小时值班", "全天候值班"),
    "duty.days_per_year": ("年值班天数",),
    "duty.single_channel": ("统一信息报送",),
    "funding.construction_yuan": ("建设经费(元)", "建设资金(元)"),
    "funding.annual_upkeep_yuan": ("年度管护经费(元)", "管护经费(元)"),
    "post_totals.total": ("岗位数", "岗位总数", "专兼职岗位数"),
    "post_totals.full_time": ("专职岗位数", "专职人数"),
    "rescue_team.headcount": ("救援队伍人数", "综合应急救援队伍人数", "救援队人数"),
    "rescue_team.average_age": ("平均年龄", "救援队伍平均年龄"),
    "rescue_team.insured": ("投保人数", "购买保险人数"),
    "rescue_team.equipped": ("配备防护装备人数",),
    "station": ("站点编号", "所属站点"),
    "recorded_none": ("记录为无",),
    "team": ("队伍序号",),
    "headcount": ("人数", "队伍人数"),
    "average_age": ("平均年龄",),
    "insured": ("投保人数",),
    "equipped": ("配备防护装备人数",),
    "duty": ("岗位职责", "职责"),
    "person": ("姓名", "人员"),
    "full_time": ("专职",),
    "category": ("类别",),
    "age": ("年龄",),
    "type": ("预案名称", "预案"),
    "date": ("日期",),
    "village": ("村(社区)",),
    "topic": ("主题",),
    "items": ("记录", "材料"),
    "quantity": ("数量",),
    "item": ("物品", "装备名称"),
    "year": ("年度", "年份"),
    "count": ("次数", "数量"),
    "code": ("代码", "区划代码"),
    "level": ("层级",),
    "parent": ("上级代码", "上级"),
    "given_scores:subject": ("评分对象", "被评对象", "对象编号"),
    "given_scores:requirement": ("评分项目", "考核项目", "评分要求"),
    "given_scores:points": ("得分", "分数"),
    "given_scores:max_points": ("满分", "分值"),
    "given_scores:by": ("评分单位", "评分人", "评审单位"),
    "given_scores:on": ("评分日期", "评审日期"),
}

#: Columns of the stations sheet that fill in the station's rescue team (``teams`` row of
#: kind ``rescue``), so that one row can say "rescue team: 30 people, average age 38".
RESCUE_COLUMNS = ("headcount", "average_age", "insured", "equipped")
RESCUE_KIND = "rescue"
#: Lists of the dataset itself (not of a station or region): one sheet each, a row a record.
TOP_LISTS: dict[str, type] = {"completions": Completion, "given_scores": GivenScore}


@attrs.frozen
class Column:
    name: str
    path: tuple[str, ...]
    type: Any
    vocabulary: str | None = None
    #: ``list``: words in one cell; ``key``: the parent's id or position; ``parent``: the
    #: parent region; ``rescue``: a rescue-team total on the stations sheet.
    role: str = "value"


@attrs.frozen
class Sheet:
    name: str
    record: type
    columns: tuple[Column, ...]
    #: The sheet whose rows own these rows, and the path of the list inside that record.
    parent: str | None = None
    field: tuple[str, ...] = ()

    def column(self, name: str) -> Column:
        for column in self.columns:
            if column.name == name:
                return column
        raise KeyError(name)

    def headers(self) -> Vocabulary:
        """The column names, their Chinese labels and aliases, as a vocabulary."""
        terms = []
        for column in self.columns:
            labels = (
                LABELS.get(f"{self.name}:{column.name}")
                or LABELS.get(column.name)
                or LABELS.get(column.path[-1], ())
            )
            zh = labels[0] if labels else column.name
            terms.append(Term(column.name, zh, column.name, labels[1:] if labels else ()))
        return Vocabulary(f"columns of {self.name}", self.name, self.name, _distinct(terms))


def _distinct(terms: list[Term]) -> tuple[Term, ...]:
    """Drop an alias that two columns of one sheet would share (it then names neither)."""
    from stationkit.records._vocabulary import normalise

    owners: dict[str, set[str]] = {}
    for term in terms:
        for spelling in term.spellings():
            owners.setdefault(normalise(spelling), set()).add(term.code)
    out = []
    for term in terms:
        aliases = tuple(a for a in term.aliases if len(owners[normalise(a)]) == 1)
        zh = term.zh if len(owners[normalise(term.zh)]) == 1 else term.code
        out.append(Term(term.code, zh, term.en, aliases))
    return tuple(out)


def _unwrap(tp: Any) -> tuple[Any, bool]:
    """``X | None`` → (X, True)."""
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return args[0], True
    return tp, False


def _record_of_tuple(tp: Any) -> type | None:
    if typing.get_origin(tp) is tuple:
        inner = typing.get_args(tp)[0]
        if isinstance(inner, type) and attrs.has(inner):
            return inner
    return None


def is_words(tp: Any) -> bool:
    """A list held in one cell: words, or days (``verified_on``) written as ISO dates."""
    return typing.get_origin(tp) is tuple and typing.get_args(tp)[0] in (str, date)


def is_scalar(tp: Any) -> bool:
    return (
        tp == Count
        or tp in (str, int, float, bool, date, datetime)
        or (isinstance(tp, type) and issubclass(tp, Enum))
    )


def _flatten(
    cls: type, prefix: tuple[str, ...], columns: list[Column], lists: list[tuple[str, ...]]
) -> None:
    hints = typing.get_type_hints(cls, include_extras=True)
    for field in attrs.fields(cls):
        if field.metadata.get("loaded") is False or (cls is Region and field.name == "children"):
            continue
        tp, _ = _unwrap(hints[field.name])
        path = (*prefix, field.name)
        vocab = field.metadata.get(VOCABULARY)
        if is_scalar(tp):
            columns.append(Column(".".join(path), path, tp, vocab))
        elif is_words(tp):
            columns.append(Column(".".join(path), path, tp, vocab, "list"))
        elif _record_of_tuple(tp) is not None:
            lists.append(path)
        elif isinstance(tp, type) and attrs.has(tp):
            _flatten(tp, path, columns, lists)


def _child_sheets(
    parent: Sheet, cls: type, lists: list[tuple[str, ...]], key: str, out: list[Sheet]
) -> None:
    for path in lists:
        target: Any = cls
        for part in path:
            target = _unwrap(typing.get_type_hints(target, include_extras=True)[part])[0]
            target = _record_of_tuple(target) or target
        columns: list[Column] = [Column(key, (key,), str, None, "key")]
        if parent.parent is not None:
            owner = parent.name.rsplit(".", 1)[-1].removesuffix("s")
            columns.append(Column(owner, (owner,), int, None, "position"))
        inner_lists: list[tuple[str, ...]] = []
        _flatten(target, (), columns, inner_lists)
        name = ".".join(path) if parent.parent is None else f"{parent.name}.{'.'.join(path)}"
        sheet = Sheet(name, target, tuple(columns), parent.name, path)
        out.append(sheet)
        _child_sheets(sheet, target, inner_lists, key, out)


@attrs.frozen
class Layout:
    sheets: tuple[Sheet, ...]

    def sheet(self, name: str) -> Sheet:
        for sheet in self.sheets:
            if sheet.name == name:
                return sheet
        raise KeyError(name)


def layout() -> Layout:
    """The sheets and columns of a dataset workbook."""
    sheets: list[Sheet] = []
    columns: list[Column] = []
    lists: list[tuple[str, ...]] = []
    _flatten(Station, (), columns, lists)
    columns += [
        Column(
            f"rescue_team.{name}",
            ("rescue_team", name),
            float if name == "average_age" else Count,
            None,
            "rescue",
        )
        for name in RESCUE_COLUMNS
    ]
    # Lists recorded as having no items (an empty list, not "not recorded"): no rows can say it.
    columns.append(Column("recorded_none", ("recorded_none",), tuple[str, ...], None, "none"))
    stations = Sheet("stations", Station, tuple(columns))
    sheets.append(stations)
    _child_sheets(stations, Station, lists, "station", sheets)
    region_columns: list[Column] = [Column("parent", ("parent",), str, None, "parent")]
    region_lists: list[tuple[str, ...]] = []
    _flatten(Region, (), region_columns, region_lists)
    regions = Sheet("regions", Region, tuple(region_columns))
    sheets.append(regions)
    for sheet in _region_children(regions, region_lists):
        sheets.append(sheet)
    for name, record in TOP_LISTS.items():
        list_columns: list[Column] = []
        _flatten(record, (), list_columns, [])
        sheets.append(Sheet(name, record, tuple(list_columns)))
    sheets.append(Sheet("dataset", Dataset, (Column("year", ("year",), int),)))
    return Layout(tuple(sheets))


def _region_children(regions: Sheet, lists: list[tuple[str, ...]]) -> list[Sheet]:
    out: list[Sheet] = []
    for path in lists:
        target = _record_of_tuple(
            _unwrap(typing.get_type_hints(Region, include_extras=True)[path[0]])[0]
        )
        assert target is not None
        columns: list[Column] = [Column("region", ("region",), str, None, "key")]
        _flatten(target, (), columns, [])
        out.append(Sheet(f"regions.{path[0]}", target, tuple(columns), "regions", path))
    return out

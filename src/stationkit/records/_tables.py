"""Tables (sheets of rows) to dataset data and back, by the layout of ``_layout``.

Reading converts each cell to what its column holds (a count, a date, true/false, a list of
words) and remembers where every value came from, so that a problem found later (a bad value,
an unknown word, a disagreeing total) names the file, sheet, row and column.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from enum import Enum
from typing import Any

import attrs

from stationkit.errors import InputProblem
from stationkit.records._core_vocabularies import TEAM_KIND
from stationkit.records._layout import RESCUE_KIND, TOP_LISTS, Column, Layout, Sheet, layout
from stationkit.records._model import LEVEL_TITLES, Count, RegionLevel
from stationkit.records._vocabulary import Term, Vocabulary

Cell = Any
Table = list[list[Cell]]

SHEET_LABELS: dict[str, tuple[str, ...]] = {
    "stations": ("站点", "站点信息", "应急站"),
    "premises.rooms": ("功能室",),
    "signs": ("标识", "标牌"),
    "posts": ("岗位",),
    "teams": ("队伍",),
    "teams.members": ("队员", "队伍成员"),
    "teams.age_bands": ("年龄段",),
    "equipment": ("装备物资", "装备", "物资"),
    "plans": ("预案",),
    "drills": ("演练",),
    "trainings": ("培训", "训练"),
    "ledgers": ("台账",),
    "grids": ("网格",),
    "publicity": ("宣传",),
    "functions": ("工作记录",),
    "post_totals.by_category": ("岗位类别",),
    "training_totals": ("培训合计", "训练合计"),
    "drill_totals": ("演练合计",),
    "village_totals": ("村(社区)合计", "村合计"),
    "regions": ("区域", "行政区划"),
    "regions.drills": ("村演练",),
    "regions.posts": ("村岗位",),
    "completions": ("完成情况",),
    "given_scores": ("评分", "给定评分", "考核评分"),
    "dataset": ("数据集",),
}
_SPLIT = re.compile(r"\s*[、,，;；\n]\s*")
_TRUE = {"true", "yes", "y", "1", "是", "有", "√", "✓", "对"}
_FALSE = {"false", "no", "n", "0", "否", "无", "×", "✗", "没有"}
_LEVELS = {zh: level.value for level, (zh, _) in LEVEL_TITLES.items()} | {
    "省": "province",
    "市": "prefecture",
    "县": "county",
    "区": "county",
    "乡镇": "township",
    "镇": "township",
    "乡": "township",
    "街道": "township",
    "村": "village",
    "社区": "village",
}
#: A cell saying "recorded, and there are none" (an empty cell means "not recorded").
NONE_WORDS = {"无", "-", "—", "none"}
#: At most this many rows are read from one sheet.
MAX_ROWS = 200_000


def sheet_names(lay: Layout) -> Vocabulary:
    return Vocabulary(
        "sheets",
        "工作表",
        "sheets",
        tuple(
            Term(
                s.name,
                (SHEET_LABELS.get(s.name) or (s.name,))[0],
                s.name,
                SHEET_LABELS.get(s.name, ())[1:],
            )
            for s in lay.sheets
        ),
    )


def csv_sheet(header: Sequence[Cell], lay: Layout | None = None) -> str:
    """The sheet a CSV file (one sheet, no title) holds: the stations, unless every heading of
    its first row names a column of a list of the dataset itself (``given_scores``,
    ``completions``) and not all name columns of the stations sheet."""
    lay = lay or layout()
    headings = [_text(c) for c in header if c is not None and _text(c)]
    for name in ("stations", *TOP_LISTS):
        names = lay.sheet(name).headers()
        if headings and all(names.lookup(h) is not None for h in headings):
            return name
    return "stations"


def column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


class BadCellError(ValueError):
    """A cell that does not hold what its column holds."""


def _text(value: Cell) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value).strip()


def convert(value: Cell, column: Column) -> Any:
    """A cell as the JSON value its column holds; raises BadCellError saying what was expected."""
    tp = column.type
    if column.role in ("list", "none"):
        if isinstance(value, list | tuple):
            return [_text(v) for v in value]
        if _text(value).lower() in NONE_WORDS:
            return []
        return [w for w in _SPLIT.split(_text(value)) if w]
    if tp is bool:
        if isinstance(value, bool):
            return value
        text = _text(value).lower()
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
        raise BadCellError(f"expected yes or no (是/否, true/false), got {value!r}")
    if tp == Count or tp is int:
        if isinstance(value, bool):
            raise BadCellError(f"expected a whole number, got {value!r}")
        if isinstance(value, int):
            return value
        if isinstance(value, float) and value.is_integer():
            return int(value)
        text = _text(value)
        if re.fullmatch(r"-?\d+", text):
            return int(text)
        raise BadCellError(f"expected a whole number, got {value!r}")
    if tp is float:
        if isinstance(value, int | float) and not isinstance(value, bool):
            return value
        try:
            return float(_text(value))
        except ValueError:
            raise BadCellError(f"expected a number, got {value!r}") from None
    if tp is date:
        if isinstance(value, datetime):
            return value.date().isoformat()
        return _text(value)
    if tp is datetime:
        return value.isoformat() if isinstance(value, datetime) else _text(value)
    if isinstance(tp, type) and issubclass(tp, Enum):
        text = _text(value)
        return _LEVELS.get(text, text) if tp is RegionLevel else text
    return _text(value)


@attrs.define
class Reader:
    """Builds dataset data from tables, remembering each value's cell."""

    source: str
    lay: Layout = attrs.field(factory=layout)
    problems: list[InputProblem] = attrs.field(factory=list)
    origin: dict[str, str] = attrs.field(factory=dict)

    def where(self, sheet: str, row: int, column: int | None = None, header: str = "") -> str:
        cell = f", column {column_letter(column)} ({header})" if column is not None else ""
        return f"sheet {sheet}, row {row}{cell}"

    def _headers(self, sheet: Sheet, title: str, header: Sequence[Cell]) -> list[Column | None]:
        names = sheet.headers()
        columns: list[Column | None] = []
        for i, cell in enumerate(header):
            text = _text(cell) if cell is not None else ""
            if not text:
                columns.append(None)
                continue
            code = names.lookup(text)
            if code is None:
                close = names.suggestions(text)
                hint = f"; did you mean {', '.join(close)}?" if close else ""
                self.problems.append(
                    InputProblem(
                        self.source,
                        self.where(title, 1, i, text),
                        f"unknown column {text!r} in sheet {sheet.name}{hint}",
                    )
                )
                columns.append(None)
            else:
                columns.append(sheet.column(code))
        return columns

    def rows(
        self, sheet: Sheet, title: str, table: Table
    ) -> list[tuple[int, dict[str, Any], dict[str, str]]]:
        """Each data row as (row number, values by column name, cell of each column)."""
        if not table:
            return []
        columns = self._headers(sheet, title, table[0])
        out = []
        for number, row in enumerate(table[1 : MAX_ROWS + 1], start=2):
            values: dict[str, Any] = {}
            cells: dict[str, str] = {}
            for i, cell in enumerate(row):
                column = columns[i] if i < len(columns) else None
                if column is None or cell is None or (isinstance(cell, str) and not cell.strip()):
                    continue
                header = _text(table[0][i])
                where = self.where(title, number, i, header)
                try:
                    values[column.name] = convert(cell, column)
                except BadCellError as exc:
                    self.problems.append(InputProblem(self.source, where, str(exc)))
                    continue
                cells[column.name] = where
            if values:
                out.append((number, values, cells))
        if len(table) > MAX_ROWS + 1:
            self.problems.append(
                InputProblem(
                    self.source, self.where(title, MAX_ROWS + 2), f"more than {MAX_ROWS} rows"
                )
            )
        return out

    def place(
        self,
        record: dict[str, Any],
        path: str,
        values: Mapping[str, Any],
        cells: Mapping[str, str],
        skip: tuple[str, ...] = (),
        track: bool = True,
    ) -> None:
        """Put a row's values into ``record`` (dotted columns into nested records), and
        remember each value's cell under ``path`` (unless ``track`` is off)."""
        for name, value in values.items():
            if name in skip:
                continue
            parts = name.split(".")
            target = record
            for part in parts[:-1]:
                target = target.setdefault(part, {})
            target[parts[-1]] = value
            if track:
                self.origin[f"{path}.{name}" if path else name] = cells[name]

    def read(self, tables: Mapping[str, Table]) -> dict[str, Any]:
        names = sheet_names(self.lay)
        by_sheet: dict[str, tuple[str, Table]] = {}
        for title, table in tables.items():
            code = names.lookup(title)
            if code is None:
                close = names.suggestions(title)
                hint = f"; did you mean {', '.join(close)}?" if close else ""
                self.problems.append(
                    InputProblem(self.source, f"sheet {title}", f"unknown sheet {title!r}{hint}")
                )
                continue
            by_sheet[code] = (title, table)
        data: dict[str, Any] = {}
        stations = self._stations(by_sheet, data)
        self._regions(by_sheet, data)
        for sheet in self.lay.sheets:
            if sheet.parent is not None and sheet.name in by_sheet and sheet.parent != "regions":
                self._children(sheet, by_sheet[sheet.name], stations)
        for name in TOP_LISTS:
            if name not in by_sheet:
                continue
            title, table = by_sheet[name]
            items = data.setdefault(name, [])
            for number, values, cells in self.rows(self.lay.sheet(name), title, table):
                record: dict[str, Any] = {}
                self.place(record, f"{name}[{len(items)}]", values, cells)
                items.append(record)
                self.origin[f"{name}[{len(items) - 1}]"] = self.where(title, number)
        if "dataset" in by_sheet:
            title, table = by_sheet["dataset"]
            for _, values, cells in self.rows(self.lay.sheet("dataset"), title, table)[:1]:
                self.place(data, "", values, cells)
        return data

    def _stations(
        self, by_sheet: Mapping[str, tuple[str, Table]], data: dict[str, Any]
    ) -> dict[str, tuple[int, dict[str, Any], str]]:
        """Station records by id: (index, record, sheet title)."""
        found: dict[str, tuple[int, dict[str, Any], str]] = {}
        if "stations" not in by_sheet:
            return found
        title, table = by_sheet["stations"]
        records: list[dict[str, Any]] = data.setdefault("stations", [])
        for number, values, cells in self.rows(self.lay.sheet("stations"), title, table):
            index = len(records)
            record: dict[str, Any] = {}
            rescue = {
                k.split(".", 1)[1]: v for k, v in values.items() if k.startswith("rescue_team.")
            }
            self.place(
                record,
                f"stations[{index}]",
                values,
                cells,
                skip=tuple(f"rescue_team.{k}" for k in rescue),
            )
            if rescue:
                record["teams"] = [{"kind": RESCUE_KIND, **rescue}]
                for key in rescue:
                    self.origin[f"stations[{index}].teams[0].{key}"] = cells[f"rescue_team.{key}"]
            for field in record.pop("recorded_none", ()):
                self._recorded_none(record, field, cells.get("recorded_none", ""))
            records.append(record)
            self.origin[f"stations[{index}]"] = self.where(title, number)
            ident = values.get("id")
            if isinstance(ident, str):
                if ident in found:
                    self.problems.append(
                        InputProblem(
                            self.source,
                            self.where(title, number),
                            f"station id {ident!r} appears twice",
                        )
                    )
                found[ident] = (index, record, title)
        return found

    def _recorded_none(self, record: dict[str, Any], field: str, cell: str) -> None:
        lists = {".".join(s.field) for s in self.lay.sheets if s.parent == "stations"}
        if field not in lists:
            self.problems.append(
                InputProblem(
                    self.source,
                    cell,
                    f"{field!r} is not a list of the station ({', '.join(sorted(lists))})",
                )
            )
            return
        parts = field.split(".")
        target = record
        for part in parts[:-1]:
            target = target.setdefault(part, {})
        target.setdefault(parts[-1], [])

    def _children(
        self,
        sheet: Sheet,
        where: tuple[str, Table],
        stations: Mapping[str, tuple[int, dict[str, Any], str]],
    ) -> None:
        title, table = where
        owner = next((c.name for c in sheet.columns if c.role == "position"), None)
        for number, values, cells in self.rows(sheet, title, table):
            ident = values.get("station")
            if not isinstance(ident, str) or ident not in stations:
                self.problems.append(
                    InputProblem(
                        self.source,
                        self.where(title, number),
                        f"station {ident!r} is not in the stations sheet"
                        if ident is not None
                        else "no station id (column station / 站点编号)",
                    )
                )
                continue
            index, record, _ = stations[ident]
            path = f"stations[{index}]"
            target: Any = record
            if owner is not None:
                parent_list = _list_at(record, self.lay.sheet(sheet.parent or "").field)
                position = values.get(owner)
                if not isinstance(position, int) or not 1 <= position <= len(parent_list):
                    self.problems.append(
                        InputProblem(
                            self.source,
                            self.where(title, number),
                            f"{owner} {position!r} is not a row of sheet {sheet.parent} for "
                            f"station {ident!r} (1 to {len(parent_list)})",
                        )
                    )
                    continue
                target = parent_list[position - 1]
                parent_field = ".".join(self.lay.sheet(sheet.parent or "").field)
                path = f"{path}.{parent_field}[{position - 1}]"
            items = _list_at(target, sheet.field, create=True)
            item_path = f"{path}.{'.'.join(sheet.field)}[{len(items)}]"
            if sheet.name == "teams" and items and _is_rescue_stub(items, values):
                # The stations sheet already opened the rescue team: fill it in.
                stub = items[0]
                for key, value in values.items():
                    if key in stub and key != "kind" and stub[key] != value:
                        self.problems.append(
                            InputProblem(
                                self.source,
                                cells[key],
                                f"{key} {value!r} disagrees with the stations sheet ({stub[key]!r})",
                            )
                        )
                item_path = f"{path}.teams[0]"
                self.place(stub, item_path, values, cells, skip=("station", *(owner or "",)))
                continue
            item: dict[str, Any] = {}
            self.place(
                item, item_path, values, cells, skip=("station", *((owner,) if owner else ()))
            )
            items.append(item)
            self.origin[item_path] = self.where(title, number)

    def _regions(self, by_sheet: Mapping[str, tuple[str, Table]], data: dict[str, Any]) -> None:
        if "regions" not in by_sheet:
            return
        title, table = by_sheet["regions"]
        nodes: dict[str, tuple[dict[str, Any], str | None, int]] = {}
        cells_of: dict[str, Mapping[str, str]] = {}
        order: list[str] = []
        for number, values, cells in self.rows(self.lay.sheet("regions"), title, table):
            code = values.get("code")
            if not isinstance(code, str):
                self.problems.append(
                    InputProblem(self.source, self.where(title, number), "no region code")
                )
                continue
            node: dict[str, Any] = {}
            self.place(node, "", values, cells, skip=("parent",), track=False)
            nodes[code] = (node, values.get("parent"), number)
            cells_of[code] = cells
            order.append(code)
        roots = [c for c in order if nodes[c][1] is None]
        paths: dict[str, str] = {}
        for code in order:
            node, parent, number = nodes[code]
            if parent is None:
                continue
            if parent not in nodes:
                self.problems.append(
                    InputProblem(
                        self.source,
                        self.where(title, number),
                        f"parent {parent!r} is not a region code of the sheet",
                    )
                )
                continue
            nodes[parent][0].setdefault("children", []).append(node)
        if len(roots) != 1:
            self.problems.append(
                InputProblem(
                    self.source,
                    f"sheet {title}",
                    f"expected one region without a parent (the top), found {len(roots)}",
                )
            )
            return
        data["region"] = nodes[roots[0]][0]
        self._region_paths(nodes[roots[0]][0], "region", paths)
        for code, path in paths.items():
            for name, cell in cells_of.get(code, {}).items():
                self.origin[f"{path}.{name}"] = cell
        for sheet in self.lay.sheets:
            if sheet.parent == "regions" and sheet.name in by_sheet:
                sub_title, sub_table = by_sheet[sheet.name]
                for number, values, cells in self.rows(sheet, sub_title, sub_table):
                    code = values.get("region")
                    if code not in nodes:
                        self.problems.append(
                            InputProblem(
                                self.source,
                                self.where(sub_title, number),
                                f"region {code!r} is not in the regions sheet",
                            )
                        )
                        continue
                    items = nodes[code][0].setdefault(sheet.field[0], [])
                    item: dict[str, Any] = {}
                    path = f"{paths.get(code, 'region')}.{sheet.field[0]}[{len(items)}]"
                    self.place(item, path, values, cells, skip=("region",))
                    items.append(item)

    def _region_paths(self, node: dict[str, Any], path: str, out: dict[str, str]) -> None:
        out[str(node.get("code"))] = path
        for i, child in enumerate(node.get("children", ())):
            self._region_paths(child, f"{path}.children[{i}]", out)


def _is_rescue_stub(items: list[dict[str, Any]], values: Mapping[str, Any]) -> bool:
    kind = values.get("kind")
    return (
        len(items) == 1
        and items[0].get("kind") == RESCUE_KIND
        and isinstance(kind, str)
        and TEAM_KIND.lookup(kind) == RESCUE_KIND
        and "name" not in items[0]
    )


def _list_at(record: dict[str, Any], field: tuple[str, ...], create: bool = False) -> list[Any]:
    target: Any = record
    for part in field[:-1]:
        target = target.setdefault(part, {}) if create else target.get(part, {})
    if create:
        found: list[Any] = target.setdefault(field[-1], [])
        return found
    value = target.get(field[-1])
    return value if isinstance(value, list) else []


_DECORATION = re.compile(r" \((?:id|code) [^)]*\)")


def locate(problem: InputProblem, origin: Mapping[str, str]) -> InputProblem:
    """A problem found in the assembled data, named by its sheet, row and column."""
    path = _DECORATION.sub("", problem.path)
    probe = path
    while probe:
        cell = origin.get(probe)
        if cell is not None:
            return InputProblem(problem.source, f"{cell} [{problem.path}]", problem.message)
        cut = max(probe.rfind("."), probe.rfind("["))
        probe = probe[:cut] if cut > 0 else ""
    return problem


# -- writing --------------------------------------------------------------------------------
def _cell(value: Any, column: Column) -> Cell:
    if value is None:
        return None
    if column.role == "list":
        return "、".join(str(v) for v in value) if value else "无"
    return value


def _flat(record: Mapping[str, Any], column: Column) -> Any:
    value: Any = record
    for part in column.path:
        if not isinstance(value, Mapping):
            return None
        value = value.get(part)
    return value


def tables_from(data: Mapping[str, Any], lay: Layout | None = None) -> dict[str, Table]:
    """Dataset data (as ``converter().unstructure`` gives it) as one table per sheet."""
    lay = lay or layout()
    tables: dict[str, Table] = {s.name: [[c.name for c in s.columns]] for s in lay.sheets}
    stations_sheet = lay.sheet("stations")
    for station in data.get("stations", ()):
        row: list[Cell] = []
        for column in stations_sheet.columns:
            if column.role == "rescue":
                row.append(None)
            elif column.role == "none":
                empty = [
                    ".".join(s.field)
                    for s in lay.sheets
                    if s.parent == "stations" and _flat(station, Column("", s.field, list)) == []
                ]
                row.append("、".join(empty) or None)
            else:
                row.append(_cell(_flat(station, column), column))
        tables["stations"].append(row)
        for sheet in lay.sheets:
            if sheet.parent == "stations":
                _write_children(lay, sheet, station, station, None, tables)
    region = data.get("region")
    if region is not None:
        _write_region(lay, region, None, tables)
    for name in TOP_LISTS:
        sheet = lay.sheet(name)
        for item in data.get(name, ()):
            tables[name].append([_cell(_flat(item, c), c) for c in sheet.columns])
    if data.get("year") is not None:
        tables["dataset"].append([data["year"]])
    return tables


def _write_children(
    lay: Layout,
    sheet: Sheet,
    station: Mapping[str, Any],
    owner: Mapping[str, Any],
    position: int | None,
    tables: dict[str, Table],
) -> None:
    items: Any = owner
    for part in sheet.field:
        items = items.get(part) if isinstance(items, Mapping) else None
    for i, item in enumerate(items or ()):
        row = []
        for column in sheet.columns:
            if column.role == "key":
                row.append(station["id"])
            elif column.role == "position":
                row.append(position)
            else:
                row.append(_cell(_flat(item, column), column))
        tables[sheet.name].append(row)
        for child in lay.sheets:
            if child.parent == sheet.name:
                _write_children(lay, child, station, item, i + 1, tables)


def _write_region(
    lay: Layout, node: Mapping[str, Any], parent: str | None, tables: dict[str, Table]
) -> None:
    sheet = lay.sheet("regions")
    tables["regions"].append(
        [parent if c.role == "parent" else _cell(_flat(node, c), c) for c in sheet.columns]
    )
    for child_sheet in lay.sheets:
        if child_sheet.parent == "regions":
            for item in node.get(child_sheet.field[0]) or ():
                tables[child_sheet.name].append(
                    [
                        node["code"] if c.role == "key" else _cell(_flat(item, c), c)
                        for c in child_sheet.columns
                    ]
                )
    for child in node.get("children") or ():
        _write_region(lay, child, node["code"], tables)

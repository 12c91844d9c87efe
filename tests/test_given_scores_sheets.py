"""Given scores (Pingshan's district scoring a street's modules) in spreadsheets: the
template has their sheet (评分), a filled workbook and a CSV of them read back to the same
scores and the same reports, and a bad cell is named by file, sheet, row and column."""

from __future__ import annotations

import csv
import functools
import io
from datetime import date
from pathlib import Path
from typing import Any

import attrs
import pytest
from openpyxl import Workbook, load_workbook

import stationkit as sk
from stationkit.assessment import assess_dataset
from stationkit.cli._main import main
from stationkit.cli._template import in_chinese, write_template
from stationkit.records import Dataset, GivenScore, load_dataset
from stationkit.records._layout import layout
from stationkit.records._loading import converter
from stationkit.records._tables import csv_sheet, sheet_names, tables_from
from stationkit.report._json import report_to_json
from stationkit.standard import vocabularies_for

STREET = "440310001"  # 坪山街道 in the pingshan-2024 sample
SCORES = (
    GivenScore(STREET, "street.operations.command", 9.0, 12.0, "区应急管理局", date(2024, 12, 20)),
    GivenScore("440310002", "street.operations.command", 12.0, 12.0, "区应急管理局"),
)


@functools.cache
def _registry() -> sk.Registry:
    registry = sk.Registry(strict=True)
    registry.load_entry_points(only=["pingshan"])
    return registry


def _sample() -> tuple[Dataset, Any]:
    sample = next(s for s in _registry().samples() if s.name == "pingshan-2024")
    standard, edition = _registry().standard("pingshan@2024")
    vocabularies = vocabularies_for(standard, edition.edition)
    dataset = load_dataset(sample.path, vocabularies=vocabularies)
    return attrs.evolve(dataset, given_scores=SCORES), vocabularies


def _reports(dataset: Dataset) -> list[dict[str, Any]]:
    standard, _ = _registry().standard("pingshan@2024")
    reports = assess_dataset(dataset, standard, "2024", as_of=date(2024, 12, 31), subjects="region")
    return [report_to_json(r) for r in reports]


def _given_tables(dataset: Dataset, chinese: bool) -> list[list[Any]]:
    lay = layout()
    tables = tables_from(converter().unstructure(dataset), lay)
    return (in_chinese(tables, lay) if chinese else tables)["given_scores"]


def test_the_template_has_the_given_scores_sheet_with_chinese_headers(tmp_path: Path) -> None:
    path = write_template(_registry(), "pingshan@2024", tmp_path / "template.xlsx")
    book = load_workbook(path)
    assert "评分" in book.sheetnames
    header = [c.value for c in book["评分"][1]]
    assert header == ["评分对象", "评分项目", "得分", "满分", "评分单位", "评分日期"]
    comments = [c.comment.text if c.comment else "" for c in book["评分"][1]]
    assert comments[:2] == ["subject", "requirement"]  # the code, for readers of English


def test_a_filled_workbook_gives_the_scores_and_the_reports(tmp_path: Path) -> None:
    dataset, vocabularies = _sample()
    # the scores matter: without them the street's command module is derived, and differs
    assert _reports(dataset) != _reports(attrs.evolve(dataset, given_scores=()))
    lay = layout()
    tables = in_chinese(tables_from(converter().unstructure(dataset), lay), lay)
    template = write_template(_registry(), "pingshan@2024", tmp_path / "template.xlsx")
    book = load_workbook(template)
    names = sheet_names(lay)
    for sheet in book.worksheets:
        code = names.lookup(sheet.title)
        if code is not None:
            for row in tables[code][1:]:
                sheet.append(row)
    filled = tmp_path / "pingshan.xlsx"
    book.save(filled)
    loaded = load_dataset(filled, vocabularies=vocabularies)
    assert loaded.given_scores == SCORES
    assert _reports(loaded) == _reports(dataset)


@pytest.mark.parametrize(("encoding", "named"), [("gb18030", "gb18030"), ("utf-8-sig", "utf-8")])
@pytest.mark.parametrize("chinese", [True, False], ids=["chinese-headers", "code-headers"])
def test_a_csv_of_given_scores_reads_back_to_the_same_scores(
    encoding: str, named: str, chinese: bool, tmp_path: Path
) -> None:
    dataset, _ = _sample()
    text = io.StringIO()
    csv.writer(text, lineterminator="\r\n").writerows(_given_tables(dataset, chinese))
    path = tmp_path / "评分.csv"
    path.write_bytes(text.getvalue().encode(encoding))
    loaded = load_dataset(path)
    assert loaded.given_scores == SCORES
    assert loaded.stations == () and loaded.encoding == named


def test_a_csv_is_the_stations_sheet_unless_its_headers_say_otherwise() -> None:
    assert csv_sheet(["评分对象", "评分项目", "得分", "满分", "评分单位"]) == "given_scores"
    assert csv_sheet(["subject", "requirement", "points", "max_points", "by", "on"]) == (
        "given_scores"
    )
    assert csv_sheet(["站点编号", "名称", "类型"]) == "stations"
    assert csv_sheet(["站点编号", "得分"]) == "stations"  # mixed: read as stations, named
    assert csv_sheet([]) == "stations"


HEADER = "评分对象,评分项目,得分,满分,评分单位,评分日期\n"


@pytest.mark.parametrize(
    ("row", "where", "words"),
    [
        (
            f"{STREET},street.operations.command,九分,12,区应急管理局,2024-12-20\n",
            "sheet given_scores, row 2, column C (得分)",
            ["expected a number", "'九分'"],
        ),
        (
            f"{STREET},street.operations.command,9,12,区应急管理局,2024-13-20\n",
            "sheet given_scores, row 2, column F (评分日期)",
            ["2024-13-20"],
        ),
        (
            f"{STREET},street.operations.command,9,,区应急管理局,\n",
            "sheet given_scores, row 2",
            ["max_points"],
        ),
    ],
)
def test_a_bad_cell_exits_2_naming_sheet_row_and_column(
    row: str, where: str, words: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "scores.csv"
    path.write_bytes((HEADER + row).encode("gb18030"))
    code = main(["assess", str(path), "--standard", "pingshan@2024", "--as-of", "2024-12-31"])
    err = capsys.readouterr().err
    assert code == 2, err
    assert f"{path}: {where}" in err
    for word in words:
        assert word in err
    assert "Traceback" not in err


def test_a_bad_cell_of_the_workbook_sheet_is_named(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "评分"
    sheet.append(["评分对象", "考核项目", "得分", "分值", "评审单位"])
    sheet.append([STREET, "street.operations.command", 9, 12, "区应急管理局"])
    sheet.append([STREET, "street.operations.archives", "满分", 12, "区应急管理局"])
    path = tmp_path / "scores.xlsx"
    book.save(path)
    with pytest.raises(sk.InputError) as caught:
        load_dataset(path)
    assert str(caught.value).count("sheet 评分") == 1
    assert "sheet 评分, row 3, column C (得分): expected a number, got '满分'" in str(caught.value)

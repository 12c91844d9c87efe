"""Spreadsheets: the template filled with a sample's facts gives the sample's reports; CSV in
GB18030 with Chinese headers; every problem named by file, sheet, row and column."""

from __future__ import annotations

import functools
import io
import json
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

import stationkit as sk
from stationkit.assessment import assess_dataset
from stationkit.cli._main import main
from stationkit.cli._template import write_template
from stationkit.records import load_dataset
from stationkit.records._layout import layout
from stationkit.records._loading import converter
from stationkit.records._tables import sheet_names, tables_from
from stationkit.report._json import report_to_json
from stationkit.standard import Sample, vocabularies_for


@functools.cache
def _registry() -> sk.Registry:
    registry = sk.Registry(strict=True)
    registry.load_entry_points(only=["quanzhou", "pingshan", "xuanen"])
    return registry


def _reports(sample: Sample, path: Path) -> list[dict[str, Any]]:
    standard, edition = _registry().standard(f"{sample.standard}@{sample.edition}")
    dataset = load_dataset(path, vocabularies=vocabularies_for(standard, edition.edition))
    which = "all" if sample.subject == "station" else sample.subject
    reports = assess_dataset(dataset, standard, edition.edition, as_of=sample.as_of, subjects=which)
    return [report_to_json(r) for r in reports]


def _fill(template: Path, data: dict[str, Any], out: Path) -> None:
    """Write the dataset's rows under the template's own headers, sheet by sheet."""
    lay = layout()
    names = sheet_names(lay)
    tables = tables_from(data, lay)
    book = load_workbook(template)
    for sheet in book.worksheets:
        if sheet.title.startswith("_"):
            continue
        code = names.lookup(sheet.title)
        assert code is not None, sheet.title
        headers = lay.sheet(code).headers()
        order = [headers.lookup(str(c.value)) for c in sheet[1]]
        table = tables[code]
        position = {name: i for i, name in enumerate(table[0])}
        for row in table[1:]:
            sheet.append([row[position[name]] if name else None for name in order])
    book.save(out)


SAMPLES = ["quanzhou-shishi-2025", "pingshan-2023", "xuanen-posts"]


@pytest.mark.parametrize("name", SAMPLES)
def test_template_filled_with_a_samples_facts_gives_its_reports(name: str, tmp_path: Path) -> None:
    sample = next(s for s in _registry().samples() if s.name == name)
    template = write_template(
        _registry(), f"{sample.standard}@{sample.edition}", tmp_path / "template.xlsx"
    )
    standard, edition = _registry().standard(f"{sample.standard}@{sample.edition}")
    dataset = load_dataset(sample.path, vocabularies=vocabularies_for(standard, edition.edition))
    filled = tmp_path / "stations.xlsx"
    _fill(template, converter().unstructure(dataset), filled)
    assert _reports(sample, filled) == _reports(sample, sample.path)


HEADER = "站点编号,名称,类型,所在区域,卫星电话(部),视频会议屏幕(寸),救援队伍人数,平均年龄\n"


@pytest.mark.parametrize(("encoding", "named"), [("gb18030", "gb18030"), ("utf-8-sig", "utf-8")])
def test_a_csv_in_chinese_is_read_and_its_encoding_reported(
    encoding: str, named: str, tmp_path: Path
) -> None:
    path = tmp_path / "stations.csv"
    row = "qz-1,蚶江镇应急管理站,乡镇应急管理站,蚶江,2,98,30,38\n"
    path.write_bytes((HEADER + row).encode(encoding))
    out = io.StringIO()
    argv = ["assess", str(path), "--standard", "quanzhou@2025", "--as-of", "2025-11-15"]
    main([*argv, "--format", "json"], out=out)
    result = json.loads(out.getvalue())
    assert result["inputs"] == [{"file": str(path), "format": "csv", "encoding": named}]
    findings = {f["requirement"]: f for f in result["reports"][0]["findings"]}
    assert findings["command.satellite_phone"]["status"] == "met"
    assert findings["rescue.size"]["observed"]["source"] == "summary"
    assert findings["rescue.average_age"]["status"] == "met"
    text = io.StringIO()
    main(argv, out=text)
    assert f"read as {named}" in text.getvalue()


@pytest.mark.parametrize(
    ("row", "where", "words"),
    [
        (
            "qz-1,站,township_station,,两部,98,30,38\n",
            "sheet stations, row 2, column E (卫星电话(部))",
            ["expected a whole number", "'两部'"],
        ),
        (
            "qz-1,站,乡镇应急站点,,2,98,30,38\n",
            "sheet stations, row 2, column C (类型)",
            ["unknown station_kind", "'乡镇应急站点'", "township_station"],
        ),
        (
            "qz-1,站,township_station,,2,98,30,150\n",
            "sheet stations, row 2, column H (平均年龄)",
            ["impossible"],
        ),
    ],
)
def test_spreadsheet_problems_name_file_sheet_row_and_column(
    row: str, where: str, words: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "stations.csv"
    path.write_bytes((HEADER + row).encode("gb18030"))
    code = main(["assess", str(path), "--standard", "quanzhou@2025", "--as-of", "2025-11-15"])
    err = capsys.readouterr().err
    assert code == 2
    assert f"{path}: {where}" in err
    for word in words:
        assert word in err


def test_an_unknown_column_and_a_stray_row_are_named(tmp_path: Path) -> None:
    path = tmp_path / "stations.xlsx"
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "站点"
    sheet.append(["站点编号", "名称", "类型", "卫星电话数"])
    sheet.append(["qz-1", "站", "township_station", 2])
    drills = book.create_sheet("演练")
    drills.append(["站点编号", "日期", "演练类型"])
    drills.append(["qz-9", "2025-05-01", "综合演练"])
    book.save(path)
    with pytest.raises(sk.InputError) as caught:
        load_dataset(path)
    message = str(caught.value)
    assert "sheet 站点, row 1, column D (卫星电话数): unknown column" in message
    assert "did you mean communications.satellite_phones" in message
    assert "sheet 演练, row 1, column C (演练类型)" in message
    assert "sheet 演练, row 2: station 'qz-9' is not in the stations sheet" in message


def test_an_unknown_word_in_a_further_sheet_is_named_by_its_cell(tmp_path: Path) -> None:
    path = tmp_path / "stations.xlsx"
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "stations"
    sheet.append(["id", "name", "kind"])
    sheet.append(["qz-1", "站", "township_station"])
    drills = book.create_sheet("drills")
    drills.append(["station", "date", "kind"])
    drills.append(["qz-1", "2025-05-01", "专项应急演习"])
    book.save(path)
    with pytest.raises(sk.InputError) as caught:
        load_dataset(path)
    assert "sheet drills, row 2, column C (kind)" in str(caught.value)
    assert "'专项应急演习'" in str(caught.value) and "专项演练" in str(caught.value)


def test_a_problem_in_the_region_tree_is_named_by_its_cell(tmp_path: Path) -> None:
    path = tmp_path / "stations.xlsx"
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "站点"
    sheet.append(["站点编号", "名称", "类型", "所在区域"])
    sheet.append(["qz-1", "站", "township_station", "蚶江"])
    regions = book.create_sheet("区域")
    regions.append(["code", "name", "level", "parent", "enterprise_kinds"])
    regions.append(["350581", "石狮市", "县", None, None])
    regions.append(["350581100", "蚶江镇", "乡镇", "350581", "危化企业、化工园"])
    book.save(path)
    with pytest.raises(sk.InputError) as caught:
        load_dataset(path)
    message = str(caught.value)
    assert "sheet 区域, row 3, column E (enterprise_kinds)" in message
    assert "'化工园'" in message
    # the first word was understood: only the second is named
    assert "'危化企业'" not in message


def test_the_bundled_workbook_gives_the_yaml_samples_reports() -> None:
    sample = next(s for s in _registry().samples() if s.name == "quanzhou-shishi-2025")
    workbook = sample.path.with_suffix(".xlsx")
    assert _reports(sample, workbook) == _reports(sample, sample.path), (
        "run python tools/make_spreadsheet_samples.py"
    )

"""Write the spreadsheet samples from the quanzhou YAML sample: ``shishi_2025.xlsx`` (every
sheet, Chinese headers, as ``stationkit template`` lays it out) and ``shishi_2025.csv`` (the
stations sheet in GB18030, the words as a clerk writes them). tests/test_spreadsheets.py
checks that they give the YAML sample's reports.

Usage: python tools/make_spreadsheet_samples.py
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import stationkit_quanzhou
from stationkit_quanzhou.standard import STANDARD

from stationkit.cli._template import in_chinese, sheet_titles
from stationkit.records import load_dataset
from stationkit.records._layout import layout
from stationkit.records._loading import converter
from stationkit.records._spreadsheet import write_xlsx
from stationkit.records._tables import tables_from
from stationkit.standard import vocabularies_for

SAMPLES = Path(stationkit_quanzhou.__file__).parent / "samples"
#: The stations sheet of the CSV sample: a few columns, in the documents' and clerks' words.
CSV_ROWS = [
    [
        "站点编号",
        "名称",
        "类型",
        "所在区域",
        "卫星电话(部)",
        "视频会议屏幕(寸)",
        "救援队伍人数",
        "平均年龄",
        "岗位数",
        "专职岗位数",
        "应急手册",
    ],
    [
        "qz-2025-hanjiang",
        "石狮市蚶江镇标准化应急管理站",
        "镇(街道)标准化应急管理站",
        "蚶江",
        2,
        98,
        32,
        34,
        6,
        2,
        "是",
    ],
    [
        "qz-2025-hubin",
        "石狮市湖滨街道标准化应急管理站",
        "标准化应急管理站",
        "石狮市湖滨街道",
        1,
        86,
        30,
        41,
        6,
        1,
        "否",
    ],
]


def main() -> None:
    lay = layout()
    dataset = load_dataset(SAMPLES / "shishi_2025.yaml", vocabularies=vocabularies_for(STANDARD))
    tables = in_chinese(tables_from(converter().unstructure(dataset), lay), lay)
    write_xlsx(SAMPLES / "shishi_2025.xlsx", tables, sheet_titles(lay))
    print(f"wrote {SAMPLES / 'shishi_2025.xlsx'}")
    text = io.StringIO()
    csv.writer(text, lineterminator="\r\n").writerows(CSV_ROWS)
    (SAMPLES / "shishi_2025.csv").write_bytes(text.getvalue().encode("gb18030"))
    print(f"wrote {SAMPLES / 'shishi_2025.csv'} (GB18030)")


if __name__ == "__main__":
    main()

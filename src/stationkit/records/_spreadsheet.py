"""Spreadsheet files: .xlsx through openpyxl (private adapter) and .csv in UTF-8 or GB18030.

Excel on a Chinese Windows saves CSV in GBK (GB18030 reads every GBK file); a CSV is read as
UTF-8 (with or without BOM) when it decodes as such, else as GB18030, and the dataset says
which. A CSV holds one sheet: the stations, or a list of the dataset itself (the given
scores, the completions) when its header row names that sheet's columns (``csv_sheet``).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from stationkit.errors import InputError, InputProblem
from stationkit.records._tables import csv_sheet

#: Largest spreadsheet file read (bytes): a county's stations fit many times over.
MAX_BYTES = 50 * 1024 * 1024
SPREADSHEET_SUFFIXES = (".xlsx", ".csv")


def _check_size(path: Path) -> None:
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise InputError(
            [InputProblem(str(path), "(file)", f"{size} bytes: larger than {MAX_BYTES}")]
        )


def read_csv(path: Path) -> tuple[dict[str, list[list[Any]]], str]:
    """The one table of a CSV file, under the name of the sheet it holds, and the encoding it
    was read in."""
    _check_size(path)
    raw = path.read_bytes()
    try:
        text, encoding = raw.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        try:
            text, encoding = raw.decode("gb18030"), "gb18030"
        except UnicodeDecodeError as exc:
            raise InputError(
                [
                    InputProblem(
                        str(path),
                        f"byte {exc.start}",
                        "neither UTF-8 nor GB18030/GBK text: save the CSV as UTF-8",
                    )
                ]
            ) from None
    rows = [
        [c if c != "" else None for c in row] for row in csv.reader(io.StringIO(text, newline=""))
    ]
    return {csv_sheet(rows[0] if rows else []): rows}, encoding


def read_xlsx(path: Path) -> dict[str, list[list[Any]]]:
    """Every sheet of a workbook as rows of cell values (formulas as their cached values)."""
    _check_size(path)
    import zipfile

    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise InputError(
            [InputProblem(str(path), "(file)", f"not a readable .xlsx workbook: {exc}")]
        ) from None
    try:
        tables: dict[str, list[list[Any]]] = {}
        for sheet in book.worksheets:
            if sheet.title.startswith("_"):  # helper sheets (the template's lists)
                continue
            tables[sheet.title] = [list(row) for row in sheet.iter_rows(values_only=True)]
        return tables
    finally:
        book.close()


def write_xlsx(
    path: Path,
    tables: Mapping[str, Sequence[Sequence[Any]]],
    titles: Mapping[str, str],
    choices: Mapping[tuple[str, str], Sequence[str]] = {},
    notes: Mapping[tuple[str, str], str] = {},
) -> None:
    """A workbook with one sheet per table (named by ``titles``), a frozen header row, and
    drop-down lists for the columns in ``choices`` (kept on a hidden ``_lists`` sheet)."""
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    first = book.active
    lists = book.create_sheet("_lists")
    lists.sheet_state = "hidden"
    list_column = 0
    for index, (name, rows) in enumerate(tables.items()):
        sheet = first if index == 0 else book.create_sheet()
        assert sheet is not None
        sheet.title = titles.get(name, name)[:31]
        for row in rows:
            sheet.append(list(row))
        sheet.freeze_panes = "A2"
        header = list(rows[0]) if rows else []
        for col, head in enumerate(header, start=1):
            letter = get_column_letter(col)
            sheet.column_dimensions[letter].width = max(10, min(40, len(str(head)) * 2))
            note = notes.get((name, str(head)))
            if note:
                sheet.cell(row=1, column=col).comment = Comment(note, "stationkit")
            words = choices.get((name, str(head)))
            if not words:
                continue
            list_column += 1
            list_letter = get_column_letter(list_column)
            for i, word in enumerate(words, start=1):
                lists.cell(row=i, column=list_column, value=word)
            rule = DataValidation(
                type="list",
                formula1=f"=_lists!${list_letter}$1:${list_letter}${len(words)}",
                allow_blank=True,
            )
            rule.error = "不在词表中 / not a term of the vocabulary"
            rule.showErrorMessage = False  # aliases are welcome: loading maps them
            sheet.add_data_validation(rule)
            rule.add(f"{letter}2:{letter}1000")
    book.move_sheet(lists, offset=len(book.sheetnames))
    book.save(path)

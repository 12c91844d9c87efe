"""``stationkit template ID[@EDITION] --out stations.xlsx``: an empty workbook to fill in.

One sheet per list of records (see docs/data.md), headers in Chinese where the column has a
Chinese name (each header's comment gives the column's code), and drop-down lists of the
standard's terms on every column whose words are vocabulary terms. Loading reads the filled
workbook back (``stationkit assess stations.xlsx``)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from stationkit._registry import Registry
from stationkit.errors import UsageError
from stationkit.records._layout import Layout, layout
from stationkit.records._spreadsheet import write_xlsx
from stationkit.records._tables import SHEET_LABELS
from stationkit.records._vocabulary import Vocabulary
from stationkit.standard._vocabularies import vocabularies_for

#: Drop-down lists longer than this are left off (Excel's limit is far higher; a list of
#: hundreds of words helps nobody choose).
MAX_CHOICES = 200


def template_tables(lay: Layout) -> dict[str, list[list[object]]]:
    """Each sheet's header row: the Chinese name of the column, else its code."""
    tables: dict[str, list[list[object]]] = {}
    for sheet in lay.sheets:
        names = sheet.headers()
        tables[sheet.name] = [[names.term(c.name).zh for c in sheet.columns]]
    return tables


def in_chinese(tables: dict[str, list[list[object]]], lay: Layout) -> dict[str, list[list[object]]]:
    """``tables`` (as ``tables_from`` gives them, headed by column codes) headed by the
    columns' Chinese names, as the template heads them."""
    out: dict[str, list[list[object]]] = {}
    for name, rows in tables.items():
        names = lay.sheet(name).headers()
        out[name] = [[names.term(str(code)).zh for code in rows[0]], *rows[1:]]
    return out


def sheet_titles(lay: Layout) -> dict[str, str]:
    """The Chinese title of each sheet."""
    return {s.name: (SHEET_LABELS.get(s.name) or (s.name,))[0] for s in lay.sheets}


def _choices(
    lay: Layout, vocabularies: dict[str, Vocabulary]
) -> tuple[dict[tuple[str, str], list[str]], dict[tuple[str, str], str]]:
    choices: dict[tuple[str, str], list[str]] = {}
    notes: dict[tuple[str, str], str] = {}
    for sheet in lay.sheets:
        names = sheet.headers()
        for column in sheet.columns:
            header = names.term(column.name).zh
            vocab = vocabularies.get(column.vocabulary or "")
            note = column.name
            if vocab is not None:
                kind = "closed" if vocab.closed else "open: other words are listed as unrecognised"
                note += f"\nvocabulary {vocab.id} ({vocab.zh}; {kind})"
                words = [t.zh or t.code for t in vocab.terms]
                if words and len(words) <= MAX_CHOICES:
                    choices[(sheet.name, header)] = words
            notes[(sheet.name, header)] = note
    return choices, notes


def write_template(registry: Registry, ref: str, out: Path) -> Path:
    standard, edition = registry.standard(ref)
    lay = layout()
    choices, notes = _choices(lay, vocabularies_for(standard, edition.edition))
    titles = sheet_titles(lay)
    if out.suffix.lower() != ".xlsx":
        raise UsageError(f"{out}: the template is an .xlsx workbook; name the file *.xlsx")
    write_xlsx(out, template_tables(lay), titles, choices, notes)
    return out


def add_command(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
    registry: Callable[[argparse.Namespace], Registry],
) -> None:
    p = sub.add_parser(
        "template",
        help="an empty spreadsheet (.xlsx) to fill in with stations, with drop-down lists of "
        "the standard's terms",
        description="Write a workbook with one sheet per list of records (stations, posts, "
        "teams, plans, drills...), Chinese headers and drop-down lists of the standard's "
        "vocabularies. `stationkit assess FILE.xlsx` reads it back.",
    )
    p.add_argument(
        "standard",
        metavar="ID[@EDITION]",
        help="the standard whose terms fill the drop-down lists (latest edition by default)",
    )
    p.add_argument("--out", required=True, metavar="FILE.xlsx", help="the workbook to write")

    def run(args: argparse.Namespace, out: TextIO) -> int:
        path = write_template(registry(args), args.standard, Path(args.out))
        out.write(f"wrote {path}\n")
        return 0

    p.set_defaults(run=run)

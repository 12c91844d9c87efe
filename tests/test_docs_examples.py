"""The plugin authors' guide shows real files: each code block marked
``<!-- example: PATH -->`` is the file at PATH, whole, and the example plugin works from the
command line without being installed (``--plugin``). Its own tests run with ``make test``
(docs/examples is on pytest's testpaths)."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from stationkit.cli import main

ROOT = Path(__file__).resolve().parents[1]
GUIDE = ROOT / "docs" / "plugin-authors.md"
BLOCK = re.compile(r"<!-- example: (?P<path>\S+) -->\n```\w*\n(?P<code>.*?)```", re.S)
SAMPLE = ROOT / "docs/examples/mycounty/src/stationkit_mycounty/samples/mycounty.yaml"


def blocks() -> list[tuple[str, str]]:
    return [(m["path"], m["code"]) for m in BLOCK.finditer(GUIDE.read_text(encoding="utf-8"))]


def test_the_guide_shows_the_example_files() -> None:
    assert {path for path, _ in blocks()} >= {
        "docs/examples/mycounty/pyproject.toml",
        "docs/examples/mycounty/src/stationkit_mycounty/plugin.py",
        "docs/examples/mycounty/tests/test_mycounty.py",
    }


@pytest.mark.parametrize(("path", "code"), blocks(), ids=[p for p, _ in blocks()])
def test_a_code_block_is_its_file_whole(path: str, code: str) -> None:
    assert code == (ROOT / path).read_text(encoding="utf-8"), f"update the block of {path}"


def test_the_example_runs_from_the_command_line_without_installing() -> None:
    out = io.StringIO()
    argv = ["--plugin", "stationkit_mycounty.plugin", "--lang", "en", "assess"]
    code = main([*argv, "--standard", "mycounty@2024", "--as-of", "2024-06-30", str(SAMPLE)], out)
    assert code == 1  # station b is short of the team size: some subject fails
    text = out.getvalue()
    assert "a 甲镇应急管理站 (township_station) — mycounty@2024" in text
    assert "add 5 members" in text

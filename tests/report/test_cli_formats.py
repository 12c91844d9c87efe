"""``stationkit assess --format html|junit [--out FILE]``: the same exit codes as every format."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from core_support import DATA

from stationkit.cli._main import main


@pytest.fixture(autouse=True)
def _only_test_plugins(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STATIONKIT_PLUGINS", "example")


def _assess(*extra: str) -> tuple[int, str]:
    out = io.StringIO()
    argv = ["assess", str(DATA / "example.yaml"), "--standard", "example@2024"]
    code = main([*argv, "--as-of", "2024-06-30", *extra], out)
    return code, out.getvalue()


def test_html_to_a_file(tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    code, printed = _assess("--format", "html", "--out", str(target))
    assert code == 1  # the example data has a failing station
    assert printed == ""
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and 'id="dashboard"' in page
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]  # no partial file left


def test_junit_to_stdout() -> None:
    code, printed = _assess("--format", "junit")
    assert code == 1
    root = ET.fromstring(printed)
    assert root.tag == "testsuites" and int(root.get("failures", "0")) > 0


def test_out_into_a_missing_directory_is_bad_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _ = _assess("--format", "html", "--out", str(tmp_path / "nowhere" / "r.html"))
    assert code == 2
    assert "nowhere" in capsys.readouterr().err


def test_html_opens_in_the_language_asked(tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    out = io.StringIO()
    argv = ["--lang", "en", "assess", str(DATA / "example.yaml"), "--standard", "example@2024"]
    main([*argv, "--as-of", "2024-06-30", "--format", "html", "--out", str(target)], out)
    assert '<html lang="en" data-lang="en">' in target.read_text(encoding="utf-8")

"""Every command of the README runs as written from the repository root: each ``stationkit``
line of its shell blocks (continuations joined, comments and ``> FILE`` handled) exits 0 or
1, never 2 (bad input) or 3 (a bug); its Python snippet runs too."""

from __future__ import annotations

import contextlib
import io
import re
import shlex
from pathlib import Path

import pytest

from stationkit.cli import main

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
#: Commands that need a server or a network are named here and skipped (none today).
NEEDS_SERVER: tuple[str, ...] = ()


def _blocks(lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", README.read_text(encoding="utf-8"), re.S)


def commands() -> list[str]:
    found = []
    for block in _blocks("sh"):
        for line in block.replace("\\\n", " ").splitlines():
            if line.startswith("stationkit ") and not line.startswith(NEEDS_SERVER):
                found.append(line)
    return found


def test_the_readme_shows_the_commands() -> None:
    assert len(commands()) >= 15


@pytest.mark.parametrize("line", commands())
def test_a_readme_command_runs_as_written(
    line: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    words = shlex.split(line, comments=True)[1:]
    if ">" in words:  # a redirect: the file goes to a temporary directory
        at = words.index(">")
        words, target = words[:at], tmp_path / words[at + 1]
    else:
        target = None
    for i, word in enumerate(words):  # paths the command writes go to tmp_path too
        if word.startswith("/tmp/"):
            words[i] = str(tmp_path / Path(word).name)
    monkeypatch.chdir(ROOT)
    out = io.StringIO()
    try:
        code = main(words, out)
    except SystemExit as exc:  # --version and --help exit from argparse
        code = int(exc.code or 0)
    assert code in (0, 1), f"{line}: exit {code}: {capsys.readouterr().err}"
    if target is not None:
        target.write_text(out.getvalue(), encoding="utf-8")
        assert target.stat().st_size > 0


def test_the_python_snippet_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    (snippet,) = _blocks("python")
    monkeypatch.chdir(ROOT)
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(compile(snippet, "README.md", "exec"), {})
    assert "qz-2025-hanjiang" in printed.getvalue()

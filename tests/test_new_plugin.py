"""``stationkit new-plugin``: the distribution it writes installs and passes its own tests
unchanged (slow: a real pip install and a pytest run), and it refuses what it cannot do."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from stationkit.cli import main
from stationkit.cli._new_plugin import plugin_files

BIN = Path(sys.executable).parent


def test_the_files_of_a_plugin() -> None:
    files = plugin_files("mycounty")
    assert {
        "pyproject.toml",
        "README.md",
        "src/stationkit_mycounty/citations.py",
        "src/stationkit_mycounty/parameters.py",
        "src/stationkit_mycounty/requirements/rescue.py",
        "src/stationkit_mycounty/standard.py",
        "src/stationkit_mycounty/plugin.py",
        "src/stationkit_mycounty/samples/mycounty_2025.yaml",
        "tests/test_conformance.py",
    } <= set(files)
    assert 'mycounty = "stationkit_mycounty.plugin"' in files["pyproject.toml"]
    assert not any("{{" in text for text in files.values())


@pytest.mark.parametrize("name", ["My-County", "1county", "", "a" * 41, "my county"])
def test_a_name_that_is_no_module_name_is_bad_input(name: str, tmp_path: Path) -> None:
    assert main(["new-plugin", name, "--dir", str(tmp_path / "x")], io.StringIO()) == 2
    assert not (tmp_path / "x").exists()


def test_nothing_is_overwritten(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "keep.txt").write_text("mine")
    assert main(["new-plugin", "mycounty", "--dir", str(tmp_path)], io.StringIO()) == 2
    assert "not an empty directory" in capsys.readouterr().err
    assert [p.name for p in tmp_path.iterdir()] == ["keep.txt"]


def _run(*args: str | Path, cwd: Path, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(
        [str(a) for a in args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, **(env or {})},
    )
    assert done.returncode == 0, f"{args}: {done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.mark.slow
def test_the_scaffold_installs_and_passes_its_own_tests(tmp_path: Path) -> None:
    dist = tmp_path / "stationkit-mycounty"
    assert main(["new-plugin", "mycounty", "--dir", str(dist)], io.StringIO()) == 0
    site = tmp_path / "site"
    pip = [sys.executable, "-m", "pip", "install", "-q", "--disable-pip-version-check"]
    _run(*pip, "--no-deps", "--target", site, dist, cwd=tmp_path)
    env = {"PYTHONPATH": str(site)}
    out = _run(sys.executable, "-m", "pytest", "-p", "no:cacheprovider", cwd=dist, env=env)
    assert "passed" in out
    # Installed, the entry point registers it: the CLI lists it and assesses its sample.
    listed = _run(BIN / "stationkit", "standards", cwd=tmp_path, env=env)
    assert "mycounty@2025" in listed
    # The code it writes is as clean as ours: lint, format and strict typing.
    _run(BIN / "ruff", "check", ".", cwd=dist)
    _run(BIN / "ruff", "format", "--check", ".", cwd=dist)
    _run(BIN / "mypy", "src", "tests", cwd=dist, env=env)

"""The lazy public faces (``stationkit``, ``.records``, ``.standard``, ``.report``): every
name in ``__all__`` is imported under ``TYPE_CHECKING`` (what mypy and the API docs read),
resolves at run time to the very object of that import, and is listed by ``dir()``."""

from __future__ import annotations

import ast
import importlib
import subprocess
import sys
import warnings
from pathlib import Path
from types import ModuleType

import pytest

import stationkit

SRC = Path(__file__).resolve().parents[1] / "src"
FACES = ("stationkit", "stationkit.records", "stationkit.standard", "stationkit.report")


def _checked_imports(face: str) -> dict[str, tuple[str, str]]:
    """Public name → (module, name there), from the face's ``if TYPE_CHECKING:`` block."""
    path = SRC.joinpath(*face.split("."), "__init__.py")
    found: dict[str, tuple[str, str]] = {}
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING":
            for stmt in node.body:
                assert isinstance(stmt, ast.ImportFrom) and stmt.module, ast.unparse(stmt)
                for alias in stmt.names:
                    found[alias.asname or alias.name] = (stmt.module, alias.name)
    return found


def _resolve(module: str, name: str) -> object:
    home = importlib.import_module(module)
    if hasattr(home, name):
        return getattr(home, name)
    return importlib.import_module(f"{module}.{name}")  # ``from stationkit import records``


@pytest.mark.parametrize("face", FACES)
def test_all_is_what_mypy_sees(face: str) -> None:
    module: ModuleType = importlib.import_module(face)
    public = set(module.__all__) - {"__version__"}
    assert set(_checked_imports(face)) == public


@pytest.mark.parametrize("face", FACES)
def test_every_public_name_is_the_object_mypy_sees(face: str) -> None:
    module = importlib.import_module(face)
    for name, (home, original) in _checked_imports(face).items():
        assert getattr(module, name) is _resolve(home, original), f"{face}.{name}"


@pytest.mark.parametrize("face", FACES)
def test_dir_lists_every_public_name(face: str) -> None:
    module = importlib.import_module(face)
    assert set(module.__all__) <= set(dir(module))


@pytest.mark.parametrize("face", FACES)
def test_a_missing_name_is_an_attribute_error(face: str) -> None:
    module = importlib.import_module(face)
    with pytest.raises(AttributeError, match="no_such_name"):
        module.no_such_name  # noqa: B018


def test_the_version_is_read_from_the_metadata() -> None:
    assert isinstance(stationkit.__version__, str) and stationkit.__version__


@pytest.mark.parametrize(
    ("old", "home", "new"),
    [
        ("Level", "stationkit.records", "RegionLevel"),
        ("Ledger", "stationkit.records", "RecordBook"),
        ("Vocabulary", "stationkit.records", "Vocabulary"),
        ("Requirement", "stationkit.standard", "Requirement"),
        ("tailor", "stationkit.assessment", "tailor"),
        ("PluginError", "stationkit.errors", "PluginError"),
    ],
)
def test_names_of_0_1_are_served_with_a_warning(old: str, home: str, new: str) -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        value = getattr(stationkit, old)
    assert value is getattr(importlib.import_module(home), new)
    assert [str(w.message) for w in caught] == [f"stationkit.{old} moved to {home}.{new}"]


def test_a_fresh_import_resolves_names_in_any_order() -> None:
    # Resolution in a fresh interpreter: no name depends on another having been read first.
    code = (
        "import stationkit, stationkit.report as r, stationkit.records as rec; "
        "assert r.render_html.__module__ == 'stationkit.report._html'; "
        "assert rec.load_dataset.__module__ == 'stationkit.records._loading'; "
        "assert stationkit.Station is rec.Station; "
        "from stationkit import *; print(sorted(stationkit.__all__) == sorted("
        "n for n in stationkit.__all__ if n in globals()))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "True"

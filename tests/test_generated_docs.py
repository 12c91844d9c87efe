"""The committed documentation pages of each standard are what the plugins generate now."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

import stationkit as sk

ROOT = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("gen_docs", ROOT / "tools" / "gen_docs.py")
assert spec is not None and spec.loader is not None
gen_docs = importlib.util.module_from_spec(spec)
spec.loader.exec_module(gen_docs)


def test_generated_pages_are_current() -> None:
    registry = sk.Registry()
    registry.load_entry_points(only=["quanzhou", "pingshan", "xuanen"])
    pages: dict[str, str] = gen_docs.pages(registry)
    if not pages:
        pytest.skip("no jurisdiction plugin installed")
    stale = [
        name
        for name, text in pages.items()
        if not (ROOT / "docs" / "standards" / name).is_file()
        or (ROOT / "docs" / "standards" / name).read_text(encoding="utf-8") != text
    ]
    assert not stale, f"run `make docs`: stale pages {stale}"

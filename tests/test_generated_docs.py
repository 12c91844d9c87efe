"""The committed generated pages (each standard edition, the comparison) are what the plugins
generate now, and the site lists each of them."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest
import yaml

import stationkit as sk

ROOT = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("gen_docs", ROOT / "tools" / "gen_docs.py")
assert spec is not None and spec.loader is not None
gen_docs = importlib.util.module_from_spec(spec)
spec.loader.exec_module(gen_docs)


@pytest.fixture(scope="module")
def registry() -> sk.Registry:
    registry = sk.Registry()
    registry.load_entry_points(only=gen_docs.PLUGINS)
    if not registry.standards():
        pytest.skip("no jurisdiction plugin installed")
    return registry


def test_generated_pages_are_current(registry: sk.Registry) -> None:
    pages: dict[str, str] = gen_docs.pages(registry)
    stale = [
        name
        for name, text in pages.items()
        if not (ROOT / "docs" / "standards" / name).is_file()
        or (ROOT / "docs" / "standards" / name).read_text(encoding="utf-8") != text
    ]
    assert not stale, f"run `make docs`: stale pages {stale}"


def test_every_comparison_parameter_exists(registry: sk.Registry) -> None:
    known = {p.name for std in registry.standards() for ed in std.editions for p in ed.parameters}
    named = {name for _, names in gen_docs.TOPICS for name in names}
    assert named - known == set(), "the comparison names parameters no plugin has"


def test_comparison_cites_every_figure(registry: sk.Registry) -> None:
    page: str = gen_docs.pages(registry)["comparison.md"]
    rows = [line for line in page.splitlines() if line.startswith("| **")]
    assert len(rows) == len(gen_docs.TOPICS) + 2  # the topics, the scoring model, the outcome rule
    for row in rows:
        for cell in row.split(" | ")[1:]:
            assert "[^" in cell or "not set" in cell or "every scored" in cell, cell
    for line in page.splitlines():
        if line.startswith("[^"):
            assert "**" in line  # document and section


class _Loader(yaml.SafeLoader):
    """mkdocs.yml names Python objects (!!python/name:...); the nav does not need them."""


_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def _nav_files(nav: object) -> set[str]:
    if isinstance(nav, str):
        return {nav}
    if isinstance(nav, list):
        return {f for item in nav for f in _nav_files(item)}
    if isinstance(nav, dict):
        return {f for value in nav.values() for f in _nav_files(value)}
    return set()


def test_site_lists_every_generated_page(registry: sk.Registry) -> None:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    listed = _nav_files(config["nav"])
    missing = {f"standards/{name}" for name in gen_docs.pages(registry)} - listed
    assert not missing, f"add to the nav of mkdocs.yml: {sorted(missing)}"


def test_the_data_page_is_current(registry: sk.Registry) -> None:
    pages: dict[str, str] = gen_docs.data_pages(registry)
    stale = [
        name
        for name, text in pages.items()
        if not (ROOT / "docs" / name).is_file()
        or (ROOT / "docs" / name).read_text(encoding="utf-8") != text
    ]
    assert not stale, f"run `make docs` (or python tools/gen_docs.py): stale pages {stale}"


def test_the_data_page_lists_every_vocabulary_and_alias(registry: sk.Registry) -> None:
    from stationkit.standard import vocabularies_for

    page: str = gen_docs.data_pages(registry)["data.md"]
    for std in registry.standards():
        for vocab in vocabularies_for(std).values():
            assert f"`{vocab.id}`" in page
            for term in vocab.terms:
                assert f"`{term.code}`" in page
                for alias in term.aliases:
                    assert f"`{alias}`" in page
    assert "卫星电话(部)" in page and "救援队伍人数" in page


def _readme_ids(text: str) -> tuple[set[str], set[str]]:
    """The backticked requirement ids of a README, and its ``prefix.<…>`` patterns."""
    tokens = set(re.findall(r"`([a-z_]+(?:\.[A-Za-z0-9_<>]+)+)`", text))
    patterns = {t.split("<", 1)[0] for t in tokens if "<" in t}
    return {t for t in tokens if "<" not in t}, patterns


@pytest.mark.parametrize("name", ["quanzhou", "pingshan", "xuanen"])
def test_plugin_readme_tables_match_the_code(name: str) -> None:
    """Every requirement of every edition is named in the plugin's README (literally, or by a
    ``prefix.<module>`` pattern), and every id the README names in a requirement group exists:
    the README's tables are tested against the code."""
    registry = sk.Registry()
    registry.load_entry_points(only=[name])
    standards = [s for s in registry.standards() if s.id == name]
    if not standards:
        pytest.skip(f"plugin {name} not installed")
    text = (ROOT / "plugins" / name / "README.md").read_text(encoding="utf-8")
    named, patterns = _readme_ids(text)
    ids = {r.id for ed in standards[0].editions for r in ed.requirements}
    groups = {r.group for ed in standards[0].editions for r in ed.requirements}
    unnamed = sorted(i for i in ids if i not in named and not any(map(i.startswith, patterns)))
    assert not unnamed, f"plugins/{name}/README.md does not name {unnamed}"
    stale = sorted(t for t in named if t.split(".")[0] in groups and t not in ids)
    assert not stale, f"plugins/{name}/README.md names requirements the code lacks: {stale}"

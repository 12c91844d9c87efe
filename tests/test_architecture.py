"""The wings import only downward, and nothing imports in a cycle.

Wings, lowest first (docs/architecture.md draws them): errors (with ``_lazy``, the faces'
import-on-first-use helper) → records → standard → assessment / lifecycle → report / monitor
→ registry (``_registry``, ``hookspecs``) → cli / testing. A module may import its own wing
and any wing of a lower rank.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "stationkit"

RANK = {
    "errors": 0,
    "_lazy": 0,
    "records": 1,
    "standard": 2,
    "assessment": 3,
    "lifecycle": 3,
    "report": 4,
    "monitor": 4,
    "registry": 5,
    "cli": 6,
    "testing": 6,
}


def _wing(module: str) -> str | None:
    parts = module.split(".")
    if parts[0] != "stationkit" or len(parts) < 2:
        return None
    return "registry" if parts[1] in ("_registry", "hookspecs") else parts[1]


def _module_name(path: Path) -> str:
    rel = path.relative_to(SRC.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path) -> list[tuple[int, str]]:
    """Every stationkit module a file imports at run time (TYPE_CHECKING blocks excluded)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skip |= {id(n) for b in node.body for n in ast.walk(b)}
    found = []
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
            found += [(node.lineno, f"{node.module}.{a.name}") for a in node.names]
        elif isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names]
    return [(line, m) for line, m in found if m.startswith("stationkit.")]


MODULES = sorted(p for p in SRC.rglob("*.py") if p != SRC / "__init__.py")


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(SRC)))
def test_a_wing_imports_only_its_own_or_lower_wings(path: Path) -> None:
    own = _wing(_module_name(path))
    assert own in RANK, f"{path}: module outside every wing; add it to RANK and the docs"
    upward = []
    for line, target in _imports(path):
        wing = _wing(target)
        if wing is None or wing not in RANK or wing == own:
            continue
        if RANK[wing] >= RANK[own]:
            upward.append(f"line {line}: {target} ({wing}, rank {RANK[wing]})")
    assert not upward, f"{own} (rank {RANK[own]}) imports upward or sideways: {upward}"


def test_no_import_cycles_between_modules() -> None:
    names = {_module_name(p): p for p in SRC.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in names.items():
        deps = set()
        for _, target in _imports(path):
            while target and target not in names:
                target = target.rpartition(".")[0]
            if target and target != name and not name.startswith(target + "."):
                deps.add(target)
        graph[name] = deps
    # Packages' faces re-export their own private modules: an edge into one's own package
    # face is part of the face, not a cycle.
    visiting: list[str] = []
    done: set[str] = set()
    cycles: list[list[str]] = []

    def visit(node: str) -> None:
        if node in done:
            return
        if node in visiting:
            cycles.append([*visiting[visiting.index(node) :], node])
            return
        visiting.append(node)
        for dep in sorted(graph.get(node, ())):
            if dep == "stationkit" or (
                dep.count(".") == 1 and node.startswith(dep + ".")
            ):  # the front door and a module's own face are not dependencies
                continue
            visit(dep)
        visiting.pop()
        done.add(node)

    for name in sorted(graph):
        visit(name)
    assert not cycles, f"import cycles: {cycles[:5]}"


#: What ``import stationkit`` must not load (each is loaded when first needed): the lifecycles
#: and their engines, YAML and cattrs (loading), importlib.metadata (plugins, the version),
#: and every renderer.
HEAVY = (
    "transitions",
    "asyncio",
    "sqlite3",
    "stationkit.lifecycle",
    "yaml",
    "cattrs",
    "importlib.metadata",
    "stationkit.records._loading",
    "stationkit.report.",
)


def _loaded_after(statement: str, watched: tuple[str, ...] = HEAVY) -> list[str]:
    """Which of ``watched`` (a trailing dot: any submodule) a fresh interpreter has loaded
    after ``statement``."""
    code = (
        f"import sys; {statement}; watched = {list(watched)!r}; "
        "print(','.join(w for w in watched if any(m == w or (w.endswith('.') and "
        "m.startswith(w)) for m in sys.modules)))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    return out.split(",") if out else []


def test_import_stationkit_stays_light() -> None:
    heavy = _loaded_after("import stationkit")
    assert heavy == [], f"`import stationkit` pulled in {heavy}"


@pytest.mark.parametrize(
    "statement",
    [
        "from stationkit import Station, Finding, Text, hookimpl",
        "from stationkit import assess, Registry",
        "from stationkit.standard import Standard, Requirement, check_threshold",
        "import stationkit.records, stationkit.report",
        "from stationkit import hookspecs",
    ],
)
def test_reading_records_or_assessing_loads_no_yaml_nor_cattrs(statement: str) -> None:
    watched = ("yaml", "cattrs", "importlib.metadata", "stationkit.records._loading")
    assert _loaded_after(statement, watched) == []


def test_the_converter_is_built_on_first_use() -> None:
    code = (
        "from stationkit.records._loading import converter; "
        "print(converter.cache_info().currsize); converter(); "
        "print(converter.cache_info().currsize)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    assert out == ["0", "1"]

"""The wings import only downward, and nothing imports in a cycle.

Wings, lowest first (docs/architecture.md draws them): errors → records → standard →
assessment / lifecycle → report / monitor → registry (``_registry``, ``hookspecs``) →
cli / testing. A module may import its own wing and any wing of a lower rank.
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


def test_import_stationkit_stays_light() -> None:
    code = (
        "import sys, stationkit; "
        "print(','.join(m for m in ('transitions', 'asyncio', 'sqlite3', 'stationkit.lifecycle')"
        " if m in sys.modules))"
    )
    heavy = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert heavy == "", f"`import stationkit` pulled in {heavy}"

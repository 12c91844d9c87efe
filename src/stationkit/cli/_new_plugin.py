"""``stationkit new-plugin NAME``: write a plugin distribution that installs and passes its own
tests unchanged (the files come from ``plugin_template/``; ``{{name}}`` and ``{{DOC}}`` are
filled in, ``pkg/`` becomes ``src/stationkit_NAME/`` and ``NAME`` in a file name the name)."""

from __future__ import annotations

import argparse
import re
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import TextIO

from stationkit.errors import UsageError

TEMPLATE = "plugin_template"
#: A plugin name becomes a module name (stationkit_NAME) and an entry-point name.
NAME_RE = re.compile(r"[a-z][a-z0-9_]{0,39}")


def _walk(node: Traversable, prefix: str = "") -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for child in sorted(node.iterdir(), key=lambda c: c.name):
        if child.is_dir():
            if child.name != "__pycache__":
                found += _walk(child, f"{prefix}{child.name}/")
        elif child.name.endswith(".tmpl"):
            found.append((prefix + child.name.removesuffix(".tmpl"), child.read_text("utf-8")))
    return found


def plugin_files(name: str) -> dict[str, str]:
    """The files of the plugin distribution ``stationkit-NAME``: relative path → text."""
    if not NAME_RE.fullmatch(name):
        raise UsageError(
            f"plugin name {name!r}: expected a lower-case identifier "
            "(a letter, then letters, digits or _; at most 40), e.g. mycounty"
        )
    out: dict[str, str] = {}
    for rel, text in _walk(files("stationkit.cli").joinpath(TEMPLATE)):
        path = rel.replace("pkg/", f"src/stationkit_{name}/", 1).replace("NAME", name)
        out[path] = text.replace("{{name}}", name).replace("{{DOC}}", name.upper())
    return out


def write_plugin(name: str, target: Path) -> list[Path]:
    """Write the distribution into ``target`` (created; refused if it exists and is not
    empty, so nothing is ever overwritten). Returns the files written."""
    content = plugin_files(name)
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise UsageError(f"{target}: exists and is not an empty directory; choose another --dir")
    written = []
    for rel, text in content.items():
        path = target / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def cmd_new_plugin(args: argparse.Namespace, out: TextIO) -> int:
    target = Path(args.dir) if args.dir else Path(f"stationkit-{args.name}")
    written = write_plugin(args.name, target)
    out.write(f"wrote {len(written)} files to {target}/\n")
    out.write(f"next: pip install -e '{target}[test]' && pytest {target}\n")
    return 0


def add_command(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "new-plugin",
        help="write a new plugin distribution: a cited parameter, a requirement, a sample, "
        "tests that run the conformance suite",
        description="Write the distribution stationkit-NAME: pyproject with the entry point, "
        "a standard with one cited parameter and one requirement, a sample, tests running "
        "stationkit's conformance suite, a README. It installs and passes its tests as written.",
    )
    p.add_argument("name", metavar="NAME", help="the plugin's name, e.g. mycounty (lower case)")
    p.add_argument(
        "--dir",
        metavar="DIR",
        help="the directory to create (default: ./stationkit-NAME); must be absent or empty",
    )
    p.set_defaults(run=cmd_new_plugin)

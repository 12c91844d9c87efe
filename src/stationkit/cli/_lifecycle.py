"""CLI commands of the lifecycles: ``machines show`` and the ``ledger`` commands (``_ledger``).

The core's CLI calls ``add_commands`` on its subparsers and, for a parsed ``args`` with
``args.lifecycle_command`` set, ``run(args, extensions_for)``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from stationkit._registry import parse_ref
from stationkit.cli import _ledger as ledger_cli
from stationkit.errors import LifecycleError, UsageError
from stationkit.lifecycle._replay import base_definitions, resolve_definitions
from stationkit.lifecycle._resolve import resolve_machine
from stationkit.lifecycle._spec import MACHINE_NAMES, MachineExtension
from stationkit.report._escape import dumps, printable

ExtensionsFor = Callable[[str, str | None], Sequence[MachineExtension]]


def add_commands(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    machines = subparsers.add_parser(
        "machines",
        help="lifecycle state machines",
        description="The lifecycle state machines (station, inspection, hazard...).",
    )
    machines_sub = machines.add_subparsers(
        dest="machines_command", required=True, metavar="SUBCOMMAND"
    )
    show = machines_sub.add_parser(
        "show",
        help="print a machine as resolved for a standard",
        description="Print a machine's states and transitions, with a standard's extensions.",
    )
    show.add_argument("name", help=f"one of: {', '.join(MACHINE_NAMES)}")
    show.add_argument(
        "--standard",
        metavar="ID@EDITION",
        help="apply this standard's extensions (edition optional)",
    )
    show.add_argument(
        "--format",
        choices=("mermaid", "json"),
        default="mermaid",
        help="a Mermaid state diagram (default) or JSON",
    )
    show.set_defaults(lifecycle_command="machines show")

    ledger = subparsers.add_parser(
        "ledger",
        help="lifecycle event ledgers",
        description="Lifecycle event ledgers: SQLite or PostgreSQL by URL, or JSON-lines files.",
    )
    ledger_cli.add_commands(
        ledger.add_subparsers(dest="ledger_command", required=True, metavar="SUBCOMMAND")
    )


def run(args: argparse.Namespace, extensions_for: ExtensionsFor) -> int:
    """Run a lifecycle command; 0 on success, 2 on bad input (message on stderr)."""
    try:
        if args.lifecycle_command == "machines show":
            return _machines_show(args, extensions_for)
        if args.lifecycle_command.startswith("ledger "):
            extensions, edition = _extensions(getattr(args, "standard", None), extensions_for)
            definitions = (
                resolve_definitions(extensions, edition) if extensions else base_definitions()
            )
            return ledger_cli.run(args, definitions)
        raise UsageError(f"unknown lifecycle command {args.lifecycle_command!r}")
    except (UsageError, LifecycleError) as error:
        print(f"stationkit: error: {printable(str(error), keep_newlines=True)}", file=sys.stderr)
        return 2


def _extensions(
    standard: str | None, extensions_for: ExtensionsFor
) -> tuple[Sequence[MachineExtension], str | None]:
    if standard is None:
        return (), None
    standard_id, edition = parse_ref(standard)
    if not standard_id:
        raise UsageError(f"--standard {standard!r}: expected ID or ID@EDITION")
    try:
        return extensions_for(standard_id, edition), edition
    except Exception as error:  # a plugin's or the registry's error: report, don't crash
        raise UsageError(f"cannot load standard {standard!r}: {error}") from None


def _machines_show(args: argparse.Namespace, extensions_for: ExtensionsFor) -> int:
    if args.name not in MACHINE_NAMES:
        raise UsageError(f"unknown machine {args.name!r}; machines: {', '.join(MACHINE_NAMES)}")
    extensions, edition = _extensions(args.standard, extensions_for)
    definition = resolve_machine(args.name, extensions, edition)
    if args.format == "json":
        print(dumps(definition.to_json()))
    else:
        print(definition.mermaid, end="")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Standalone entry for the lifecycle commands (no plugins): for tests and tools."""
    parser = argparse.ArgumentParser(prog="stationkit")
    add_commands(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)

    def no_extensions(standard: str, edition: str | None) -> Sequence[MachineExtension]:
        raise LookupError(f"no registry here to load standard {standard!r}")

    return run(args, no_extensions)

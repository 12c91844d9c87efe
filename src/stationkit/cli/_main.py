"""The ``stationkit`` command line. Exit codes: 0 all passed, 1 something failed, 2 bad input
or usage (with a message, never a traceback). JSON outputs are documented in docs/json.md."""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from stationkit._registry import Registry
from stationkit.assessment._bulk import FINDINGS
from stationkit.assessment._parallel import MAX_JOBS, default_jobs
from stationkit.assessment._report import Report
from stationkit.assessment._rollout import programme_statuses
from stationkit.cli import _completion as completion_cli
from stationkit.cli import _lifecycle as lifecycle_cli
from stationkit.cli import _new_plugin as new_plugin_cli
from stationkit.cli import _samples as samples_cli
from stationkit.cli import _whatif as whatif_cli
from stationkit.cli._bulk import Run, assess_jsonl, assess_reports
from stationkit.cli._output import page_output
from stationkit.cli._plugin_option import load_plugin
from stationkit.errors import StationkitError, UsageError
from stationkit.lifecycle import LifecycleError
from stationkit.records._loading import load_dataset
from stationkit.records._model import Dataset
from stationkit.records._schema import dataset_schema
from stationkit.report._describe import edition_diff, standard_json, standard_markdown
from stationkit.report._html import Dashboard, render_html
from stationkit.report._json import report_to_json, text_json
from stationkit.report._junit import render_junit
from stationkit.report._lang import LANGS, say
from stationkit.report._render import render_markdown, render_text
from stationkit.report._rollout import render_statuses, status_json
from stationkit.standard._text import Text

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3
#: Set to show the traceback of an internal error.
DEBUG_ENV = "STATIONKIT_DEBUG"


def _dump(data: Any, out: TextIO) -> None:
    out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def _registry(args: argparse.Namespace) -> Registry:
    registry = Registry(strict=getattr(args, "strict", False))
    registry.load_entry_points()
    for spec in getattr(args, "plugin", ()):
        load_plugin(registry, spec)
    return registry


def _warn_failed(registry: Registry) -> None:
    for info in registry.failed:
        print(f"warning: plugin {info.name!r} not loaded: {info.error}", file=sys.stderr)


def _warned_registry(args: argparse.Namespace) -> Registry:
    registry = _registry(args)
    _warn_failed(registry)
    return registry


# -- plugins / standards / show ------------------------------------------------------------
def cmd_plugins(args: argparse.Namespace, out: TextIO) -> int:
    registry = _registry(args)
    rows: list[dict[str, Any]] = [
        {
            "name": p.name,
            "distribution": p.distribution,
            "version": p.version,
            "standards": list(p.standards),
            "hooks": list(p.hooks),
            "error": p.error,
        }
        for p in registry.plugins
    ]
    if args.json:
        _dump(rows, out)
        return EXIT_OK
    for row in rows:
        state = f"FAILED: {row['error']}" if row["error"] else ", ".join(row["standards"])
        out.write(
            f"{row['name']:<12} {row['distribution'] or '-'} {row['version'] or ''}  {state}\n"
        )
    if not rows:
        out.write("no stationkit plugins installed\n")
    return EXIT_OK


def cmd_standards(args: argparse.Namespace, out: TextIO) -> int:
    registry = _registry(args)
    _warn_failed(registry)
    rows: list[dict[str, Any]] = [
        {
            "id": s.id,
            "edition": e.edition,
            "title": text_json(s.title),
            "plugin": registry.provider(s.id, e.edition),
        }
        for s in registry.standards()
        for e in s.editions
    ]
    if args.json:
        _dump(rows, out)
        return EXIT_OK
    for row in rows:
        title = say(Text(row["title"]["zh"], row["title"]["en"]), args.lang)
        out.write(f"{row['id']}@{row['edition']:<8} {title}  [{row['plugin']}]\n")
    return EXIT_OK


def cmd_show(args: argparse.Namespace, out: TextIO) -> int:
    registry = _registry(args)
    std, ed = registry.standard(args.standard)
    plugin = registry.provider(std.id, ed.edition)
    if args.json:
        _dump(standard_json(std, ed, plugin), out)
    else:
        extensions = registry.machine_extensions(std.id, ed.edition)
        out.write(standard_markdown(std, ed, plugin, extensions))
    return EXIT_OK


def cmd_diff(args: argparse.Namespace, out: TextIO) -> int:
    registry = _registry(args)
    std, old = registry.standard(args.old)
    std2, new = registry.standard(args.new)
    if std.id != std2.id:
        raise UsageError(f"diff compares two editions of one standard, not {std.id} and {std2.id}")
    diff = edition_diff(std, old, new)
    if args.json:
        _dump(diff, out)
        return EXIT_OK
    out.write(f"{std.id}: {old.edition} → {new.edition}\n")
    for part in ("parameters", "requirements"):
        for change in ("added", "removed"):
            for name in diff[part][change]:
                out.write(f"  {part[:-1]} {change}: {name}\n")
        for item in diff[part]["changed"]:
            if isinstance(item, dict) and item["from"] == item["to"]:
                out.write(
                    f"  parameter re-cited: {item['name']} = {item['to']!r} "
                    f"({item['citation']['document']} {item['citation']['section']})\n"
                )
            elif isinstance(item, dict):
                out.write(
                    f"  parameter changed: {item['name']}: {item['from']!r} → "
                    f"{item['to']!r} ({item['citation']['document']} "
                    f"{item['citation']['section']})\n"
                )
            else:
                out.write(f"  requirement changed: {item}\n")
    return EXIT_OK


# -- assess -------------------------------------------------------------------------------
def _parse_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date YYYY-MM-DD, got {text!r}") from None


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if not 1 <= value <= MAX_JOBS:
        raise argparse.ArgumentTypeError(f"expected 1 to {MAX_JOBS}, got {value}")
    return value


def _parse_set(items: Sequence[str]) -> dict[str, object]:
    values: dict[str, object] = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name:
            raise UsageError(f"--set expects NAME=VALUE, got {item!r}")
        values[name.strip()] = value
    return values


def assess_files(
    registry: Registry,
    files: Sequence[str],
    ref: str,
    as_of: date,
    overrides: dict[str, object],
    which: str,
    progress: bool = False,
    datasets: list[Dataset] | None = None,
    findings: str = "all",
    run: Run | None = None,
) -> list[Report]:
    """Reports for every subject of ``files``, rank caps held over all of them (the bulk
    path: parts assessed as ``run`` says, one process by default); ``datasets``, when given,
    receives what each file held."""
    run = run or Run(progress=progress)
    reports = assess_reports(registry, files, ref, as_of, overrides, which, findings, run)[1]
    if datasets is not None:
        datasets += [load_dataset(path) for path in files]
    return reports


def _findings(args: argparse.Namespace) -> str:
    """``--findings``, defaulting by format: those not passed for text (unless ``--all``) and
    jsonl (the bulk format), every finding for the others (their documented shape)."""
    if args.findings is not None:
        return str(args.findings)
    if args.format == "text":
        return "all" if args.all else "failing"
    return "failing" if args.format == "jsonl" else "all"


def cmd_assess(args: argparse.Namespace, out: TextIO) -> int:
    registry = _registry(args)
    _warn_failed(registry)
    if args.jobs is not None and args.scheduler is not None:
        raise UsageError("--jobs and --scheduler exclude each other")
    run = Run(
        jobs=args.jobs or default_jobs(),
        scheduler=args.scheduler,
        progress=sys.stderr.isatty(),
        regions=args.regions,
    )
    as_of = args.as_of or date.today()
    overrides = _parse_set(args.set)
    findings = _findings(args)
    if args.format == "jsonl":
        with page_output(args.out, out) as target:
            rows = assess_jsonl(
                registry,
                args.files,
                args.standard,
                as_of,
                overrides,
                args.subject,
                findings,
                run,
                target,
            )
        return EXIT_OK if all(r.passed for r in rows) else EXIT_FAILED
    _, reports = assess_reports(
        registry, args.files, args.standard, as_of, overrides, args.subject, findings, run
    )
    # The HTML dashboard shows each file's region tree and rollout: it reads the datasets.
    datasets = [load_dataset(path) for path in args.files] if args.format == "html" else []
    with page_output(args.out, out) as target:
        if args.format == "json":
            _dump({"reports": [report_to_json(r) for r in reports]}, target)
        elif args.format == "md":
            target.write(render_markdown(reports))
        elif args.format == "html":
            _, edition = registry.standard(args.standard)
            board = Dashboard.of(edition, datasets, as_of)
            target.write(render_html(reports, board, lang=args.lang))
        elif args.format == "junit":
            target.write(render_junit(reports))
        else:
            colour = target.isatty()
            text = render_text(reports, colour=colour, every=args.all, lang=args.lang)
            target.write(text + "\n")
    return EXIT_OK if all(r.passed for r in reports) else EXIT_FAILED


def cmd_programme(args: argparse.Namespace, out: TextIO) -> int:
    registry = _registry(args)
    _, ed = registry.standard(args.standard)
    if not ed.programmes:
        raise UsageError(f"{args.standard} has no rollout programme")
    dataset = load_dataset(args.file)
    statuses = programme_statuses(ed, dataset, args.as_of or date.today())
    if args.format == "json":
        _dump({"programmes": [status_json(s) for s in statuses]}, out)
    else:
        out.write(render_statuses(ed, statuses, lang=args.lang) + "\n")
    return EXIT_OK if all(s.late_count == 0 for s in statuses) else EXIT_FAILED


def cmd_schema(args: argparse.Namespace, out: TextIO) -> int:
    _dump(dataset_schema(), out)
    return EXIT_OK


def cmd_samples(args: argparse.Namespace, out: TextIO) -> int:
    registry = _registry(args)
    _warn_failed(registry)
    return samples_cli.cmd_samples(args, out, registry, lambda text: say(text, args.lang))


def cmd_demo(args: argparse.Namespace, out: TextIO) -> int:
    from stationkit.cli._demo import run_demo

    workdir = Path(args.workdir) if args.workdir else None
    return run_demo(_registry(args), out, workdir=workdir, lang=args.lang)


# -- parser -------------------------------------------------------------------------------
EPILOG = """\
exit codes:
  0  done; every subject assessed passed (every milestone on time)
  1  done; some subject failed (or some milestone is late)
  2  bad input or usage: the message names the file, record and field
  3  internal error: a bug in stationkit or a plugin (set STATIONKIT_DEBUG=1 for the traceback)

Plugins are the installed distributions with a `stationkit` entry point; --plugin adds one
without installing it. `stationkit samples` lists the bundled sample files to try.
Shell completion: `eval "$(stationkit completion bash)"` (needs the `completion` extra)."""


class _Formatter(argparse.RawDescriptionHelpFormatter):
    """Keeps the epilog's lines; wraps the rest."""


def _add(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], name: str, help: str, desc: str
) -> argparse.ArgumentParser:
    return sub.add_parser(
        name, help=help, description=desc, epilog=EPILOG, formatter_class=_Formatter
    )


def _json_flag(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true", help="print JSON (see docs/json.md)")


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("stationkit")
    except PackageNotFoundError:  # a source tree that is not installed
        return "0+unknown"


class _VersionAction(argparse.Action):
    """``--version``: read from the package metadata only when asked (it costs ~30 ms)."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, *args: Any, **kwargs: Any) -> None:
        sys.stdout.write(f"stationkit {_version()}\n")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="stationkit",
        description=(
            "Assess emergency-management stations against the standards that plugins provide."
        ),
        epilog=EPILOG,
        formatter_class=_Formatter,
    )
    parser.add_argument(
        "--version", action=_VersionAction, help="print stationkit's version and exit"
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        help="fail on any plugin that does not load, instead of reporting it",
    )
    parser.add_argument(
        "--plugin",
        "-p",
        action="append",
        default=[],
        metavar="[NAME=]MODULE[:OBJECT]",
        help="load a plugin without installing it (module on PYTHONPATH; repeatable); it "
        "replaces an installed plugin of the same name",
    )
    parser.add_argument(
        "--lang",
        choices=LANGS,
        default="both",
        help="language of text output: zh, en, or both (default)",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = _add(
        sub,
        "plugins",
        "installed plugins, what they provide, which failed",
        "List the loaded plugins: distribution, version, standards, and why any failed.",
    )
    _json_flag(p)
    p.set_defaults(run=cmd_plugins)

    p = _add(
        sub,
        "standards",
        "the standards and editions the plugins provide",
        "List every standard@edition with its title and the plugin that provides it.",
    )
    _json_flag(p)
    p.set_defaults(run=cmd_standards)

    p = _add(
        sub,
        "show",
        "a standard's parameters and requirements with citations",
        "Print a standard edition's documentation page (Markdown): every parameter and "
        "requirement with its citation; or the same as JSON.",
    )
    p.add_argument(
        "standard", metavar="ID[@EDITION]", help="the standard (latest edition if none given)"
    )
    _json_flag(p)
    p.set_defaults(run=cmd_show)

    p = _add(
        sub,
        "diff",
        "what changed between two editions of a standard",
        "List the parameters and requirements added, removed and changed between two editions.",
    )
    p.add_argument("old", metavar="ID@EDITION", help="the earlier edition")
    p.add_argument("new", metavar="ID@EDITION", help="the later edition")
    _json_flag(p)
    p.set_defaults(run=cmd_diff)

    p = _add(
        sub,
        "assess",
        "assess the stations (and regions) in YAML/JSON files",
        "Assess every station (and region) in the files against a standard edition and print "
        "a report per subject. Exit 1 if any subject fails.",
    )
    p.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="YAML or JSON dataset files (`stationkit schema` describes them)",
    )
    p.add_argument(
        "--standard",
        required=True,
        metavar="ID[@EDITION]",
        help="the standard to assess against (latest edition if none given)",
    )
    p.add_argument(
        "--as-of", type=_parse_date, metavar="DATE", help="the assessment date (default: today)"
    )
    p.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="override a parameter (tailoring); repeatable",
    )
    p.add_argument(
        "--format",
        choices=("text", "json", "md", "html", "junit", "jsonl"),
        default="text",
        help="text for people (default), JSON for programs, Markdown, HTML (one "
        "self-contained page with a dashboard; --lang picks the language shown first), "
        "JUnit XML for CI, or jsonl: one compact report a line, streamed (for large inputs)",
    )
    p.add_argument(
        "--findings",
        choices=FINDINGS,
        help="which findings reports carry (default: all for json and md, "
        "failing for text and jsonl)",
    )
    p.add_argument(
        "--jobs",
        type=_positive,
        metavar="N",
        help="worker processes (default: every core)",
    )
    p.add_argument(
        "--scheduler",
        metavar="tcp://HOST:PORT|local:N",
        help="assess on a Dask cluster (needs the dask extra)",
    )
    p.add_argument(
        "--regions",
        metavar="FILE",
        help="the region tree (YAML/JSON) for .jsonl inputs without a header line",
    )
    p.add_argument("--out", metavar="FILE", help="write the report to FILE instead of stdout")
    p.add_argument(
        "--subject",
        choices=("all", "station", "region"),
        default="all",
        help="assess stations, regions (region-level requirements), or both",
    )
    p.add_argument(
        "--all", action="store_true", help="text format: list every finding, met ones included"
    )
    p.set_defaults(run=cmd_assess)

    p = _add(
        sub,
        "programme",
        "rollout programme status from a file's completions",
        "Which milestones of a standard's rollout programme are done, on time or late, from "
        "the completions recorded in a dataset file. Exit 1 if any is late.",
    )
    p.add_argument("file", metavar="FILE", help="a dataset file with milestone completions")
    p.add_argument(
        "--standard",
        required=True,
        metavar="ID[@EDITION]",
        help="the standard whose programme to follow",
    )
    p.add_argument(
        "--as-of", type=_parse_date, metavar="DATE", help="the status date (default: today)"
    )
    p.add_argument(
        "--format", choices=("text", "json"), default="text", help="text (default) or JSON"
    )
    p.set_defaults(run=cmd_programme)

    p = _add(
        sub,
        "schema",
        "JSON Schema of the input files",
        "Print the JSON Schema that dataset files (YAML or JSON) follow.",
    )
    p.set_defaults(run=cmd_schema)

    p = samples_cli.add_command(sub)
    p.epilog, p.formatter_class = EPILOG, _Formatter
    p.set_defaults(run=cmd_samples)

    p = _add(
        sub,
        "demo",
        "assess every plugin's bundled sample data",
        "Assess every bundled sample with its standard and date, and replay its ledger.",
    )
    p.add_argument(
        "--workdir",
        metavar="DIR",
        help="where to keep the demo's SQLite ledger (default: a temporary directory)",
    )
    p.set_defaults(run=cmd_demo)

    new_plugin_cli.add_command(sub)
    completion_cli.add_command(sub)
    lifecycle_cli.add_commands(sub)
    whatif_cli.add_command(
        sub, whatif_cli.Shared(_warned_registry, _parse_set, _parse_date, _positive)
    )
    _give_epilog(parser)
    return parser


def _give_epilog(parser: argparse.ArgumentParser) -> None:
    """Every command's --help ends with the exit codes (subcommands of subcommands too)."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in action.choices.values():
                if child.epilog is None:
                    child.epilog, child.formatter_class = EPILOG, _Formatter
                _give_epilog(child)


def _run_lifecycle(args: argparse.Namespace, out: TextIO) -> int:
    registry = _registry(args)
    _warn_failed(registry)
    with contextlib.redirect_stdout(out):
        return lifecycle_cli.run(args, registry.machine_extensions)


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    parser = build_parser()
    completion_cli.autocomplete(parser)
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse already printed the usage message
        return int(exc.code) if isinstance(exc.code, int) else EXIT_USAGE
    stream = out or sys.stdout
    run: Callable[[argparse.Namespace, TextIO], int] = getattr(args, "run", _run_lifecycle)
    try:
        return run(args, stream)
    except BrokenPipeError:  # e.g. `stationkit show ... | head`: the reader has gone
        return EXIT_OK
    except (StationkitError, LifecycleError, OSError) as exc:  # bad input or usage
        print(f"stationkit: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a bug: say so in one line, not as the user's fault
        if os.environ.get(DEBUG_ENV):
            raise
        print(
            f"stationkit: internal error (a bug, please report it): {type(exc).__name__}: "
            f"{exc} — set {DEBUG_ENV}=1 for the traceback",
            file=sys.stderr,
        )
        return EXIT_INTERNAL

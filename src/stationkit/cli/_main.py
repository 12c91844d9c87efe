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

import attrs

from stationkit._registry import Registry
from stationkit.assessment._bulk import FINDINGS
from stationkit.assessment._parallel import MAX_JOBS, Job
from stationkit.assessment._rollout import programme_statuses
from stationkit.assessment._tailoring import programme_readers, tailor
from stationkit.assessment._tailoring_file import Tailoring, load_tailoring
from stationkit.assessment._waivers import check_waivers, load_waivers
from stationkit.cli import _completion as completion_cli
from stationkit.cli import _lifecycle as lifecycle_cli
from stationkit.cli import _new_plugin as new_plugin_cli
from stationkit.cli import _samples as samples_cli
from stationkit.cli import _template as template_cli
from stationkit.cli import _whatif as whatif_cli
from stationkit.cli._bulk import (
    add_run_arguments,
    add_terms_arguments,
    assess_jsonl,
    assess_reports,
    open_sources,
    population_rows,
    run_of,
)
from stationkit.cli._monitor import add_command as add_monitor_command
from stationkit.cli._monitor import run_monitor
from stationkit.cli._output import page_output
from stationkit.cli._plugin_option import load_plugin
from stationkit.errors import InputError, StationkitError, UsageError
from stationkit.lifecycle import LifecycleError
from stationkit.monitor import rules_json, rules_markdown
from stationkit.records._loading import load_dataset
from stationkit.records._schema import dataset_schema
from stationkit.records._stream import Source
from stationkit.report._describe import edition_diff, standard_json, standard_markdown
from stationkit.report._escape import dumps, printable
from stationkit.report._html import Dashboard, render_html
from stationkit.report._json import report_to_json, text_json
from stationkit.report._junit import render_junit
from stationkit.report._lang import LANGS, say
from stationkit.report._render import render_markdown, render_text
from stationkit.report._rollout import render_statuses, status_json
from stationkit.standard._text import Text
from stationkit.standard._vocabularies import vocabularies_for

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3
#: Set to show the traceback of an internal error.
DEBUG_ENV = "STATIONKIT_DEBUG"


def _dump(data: Any, out: TextIO) -> None:
    out.write(dumps(data) + "\n")


def _registry(args: argparse.Namespace) -> Registry:
    registry = Registry(strict=getattr(args, "strict", False))
    registry.load_entry_points()
    for spec in getattr(args, "plugin", ()):
        load_plugin(registry, spec)
    _warn_failed(registry)
    return registry


def _warn_failed(registry: Registry) -> None:
    for info in registry.failed:
        print(
            f"warning: plugin {info.name!r} not loaded: {printable(info.error or '')}",
            file=sys.stderr,
        )
    for info in registry.plugins:
        if info.output:
            print(
                f"warning: plugin {info.name!r} printed while loading (kept off stdout): "
                f"{info.output[:200]!r}",
                file=sys.stderr,
            )


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
        state = (
            f"FAILED: {printable(row['error'])}" if row["error"] else ", ".join(row["standards"])
        )
        out.write(
            f"{row['name']:<12} {row['distribution'] or '-'} {row['version'] or ''}  {state}\n"
        )
    if not rows:
        out.write("no stationkit plugins installed\n")
    return EXIT_OK


def cmd_standards(args: argparse.Namespace, out: TextIO) -> int:
    registry = _registry(args)
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
    extensions = registry.machine_extensions(std.id, ed.edition)
    rules = registry.monitor_rules(std.id, ed.edition)
    if args.json:
        _dump(
            {**standard_json(std, ed, plugin, extensions), "monitor_rules": rules_json(rules)},
            out,
        )
    else:
        out.write(standard_markdown(std, ed, plugin, extensions) + rules_markdown(rules))
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
    for part in ("outcome_rule", "scoring", "grading"):
        change = diff[part]
        if change is not None:
            out.write(
                f"  {part.replace('_', ' ')} changed: {_brief(change['from'])} → "
                f"{_brief(change['to'])}\n"
            )
    programmes = diff["programmes"]
    for change in ("added", "removed", "changed"):
        for ident in programmes[change]:
            out.write(f"  programme {change}: {ident}\n")
    for ident, milestones in programmes["milestones"].items():
        for change in ("added", "removed", "changed"):
            for m in milestones[change]:
                out.write(f"  milestone {change}: {ident} {m}\n")
    for change in ("added", "removed"):
        for text in diff["not_encoded"][change]:
            out.write(f"  not encoded {change}: {text['zh']} / {text['en']}\n")
    return EXIT_OK


def _brief(data: Any) -> str:
    text = json.dumps(data, ensure_ascii=False)
    return text if len(text) <= 160 else text[:157] + "..."


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


def _findings(args: argparse.Namespace) -> str:
    """``--findings``, defaulting by format: those not passed for text (unless ``--all``) and
    jsonl (the bulk format), every finding for the others (their documented shape)."""
    if args.findings is not None:
        return str(args.findings)
    if args.format == "text":
        return "all" if args.all else "failing"
    return "failing" if args.format == "jsonl" else "all"


def _job_of(args: argparse.Namespace, registry: Registry, overrides: dict[str, object]) -> Job:
    """The terms ``assess`` and ``whatif`` read from their arguments, checked before any
    input is read: the edition (in force in ``--year`` when ``--standard`` names none),
    parameters, tailoring and waivers."""
    tailoring = load_tailoring(args.tailoring) if args.tailoring else None
    waivers = load_waivers(args.waivers) if args.waivers else ()
    std, ed = registry.standard(args.standard)
    if args.year is not None and "@" not in args.standard:
        ed = std.edition_for(args.year)  # the edition in force for the assessed year
    as_of = args.as_of or date.today()
    check_waivers(waivers, ed, as_of, args.waivers or "<waivers>")  # errors name the file
    job = Job(
        std,
        ed.edition,
        as_of,
        overrides,
        tailoring,
        tuple(waivers),
        args.year,
        args.lenient,
        _findings(args) if hasattr(args, "findings") else None,
    )
    job.assessor()  # tailoring and parameters refused here, before the inputs
    return job


def _inputs(sources: Sequence[Source]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """What ``--format json`` says of how each file was read: ``sources`` (text files and
    their encoding) and ``inputs`` (every file, its format and, for a CSV file, encoding)."""
    texts = [{"file": str(s.path), "encoding": s.encoding} for s in sources if s.encoding]
    inputs = []
    for s in sources:
        suffix = s.path.suffix.lower().lstrip(".")
        kind = {"yml": "yaml", "ndjson": "jsonl"}.get(suffix, suffix)
        inputs.append({"file": str(s.path), "format": kind, "encoding": s.header.encoding})
    return texts, inputs


def cmd_assess(args: argparse.Namespace, out: TextIO) -> int:
    registry = _registry(args)
    run = run_of(args)
    as_of = args.as_of or date.today()
    job = _job_of(args, registry, _parse_set(args.set))
    # Rank caps hold over the declared population (--cap-over), assessed by the same rules,
    # else over the run's own subjects.
    population = population_rows(job, args.cap_over, args.subject, run)
    sources = open_sources(job, args.files, args.regions)
    texts, inputs = _inputs(sources)
    read_as = [i for i in inputs if i["encoding"]]
    if args.format != "json":
        for item in texts:
            if item["encoding"] not in ("utf-8", "utf-8-sig"):
                print(
                    f"stationkit: note: {printable(item['file'])} read as "
                    f"{item['encoding'].upper()}",
                    file=sys.stderr,
                )
    if args.format == "jsonl":
        with page_output(args.out, out) as target:
            rows = assess_jsonl(job, args.files, args.subject, run, target, sources, population)
        return EXIT_OK if all(r.passed for r in rows) else EXIT_FAILED
    _, reports = assess_reports(job, args.files, args.subject, run, sources, population)
    sources_json = texts
    with page_output(args.out, out) as target:
        if args.format == "json":
            _dump(
                {
                    "reports": [report_to_json(r) for r in reports],
                    "sources": sources_json,
                    "inputs": inputs,
                },
                target,
            )
        elif args.format == "md":
            for item in read_as:
                target.write(f"> {item['file']}: read as {item['encoding']} 按此编码读取\n\n")
            target.write(render_markdown(reports))
        elif args.format == "html":
            std, edition = registry.standard(args.standard)
            if reports:  # --year may have chosen the edition in force that year
                edition = std.edition(reports[0].edition)
            # The dashboard shows each file's region tree and rollout: it reads them whole.
            datasets = [src.dataset(job.vocabularies(), job.lenient) for src in sources]
            board = Dashboard.of(edition, datasets, as_of)
            target.write(render_html(reports, board, lang=args.lang))
        elif args.format == "junit":
            target.write(render_junit(reports))
        else:
            for item in read_as:
                target.write(f"{item['file']}: read as {item['encoding']} 按此编码读取\n")
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
    tailoring = load_tailoring(args.tailoring) if args.tailoring else Tailoring()
    if tailoring.select or tailoring.unselect:
        raise UsageError("programme: a tailoring file's select/unselect apply to assess only")
    overrides = {**tailoring.values, **_parse_set(args.set)}
    values = tailor(ed, overrides, readers=programme_readers(ed))
    try:
        statuses = programme_statuses(ed, dataset, args.as_of or date.today(), values)
    except InputError as exc:  # name the file the completions came from
        raise InputError(
            [
                attrs.evolve(p, source=args.file) if p.source == "<dataset>" else p
                for p in exc.problems
            ]
        ) from None
    if args.format == "json":
        _dump({"programmes": [status_json(s) for s in statuses]}, out)
    else:
        out.write(render_statuses(ed, statuses, lang=args.lang) + "\n")
    return EXIT_OK if all(s.late_count == 0 for s in statuses) else EXIT_FAILED


def cmd_schema(args: argparse.Namespace, out: TextIO) -> int:
    vocabularies = None
    if args.standard:
        std, ed = _registry(args).standard(args.standard)
        vocabularies = vocabularies_for(std, ed.edition)
    _dump(dataset_schema(vocabularies), out)
    return EXIT_OK


def cmd_samples(args: argparse.Namespace, out: TextIO) -> int:
    registry = _registry(args)
    return samples_cli.cmd_samples(args, out, registry, lambda text: say(text, args.lang))


def cmd_monitor(args: argparse.Namespace, out: TextIO) -> int:
    registry = None
    if args.standard is not None:
        registry = _registry(args)
        _warn_failed(registry)
    return run_monitor(args, registry, out, sys.stderr)


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
        "assess the stations (and regions) in YAML, JSON or spreadsheet (.xlsx, .csv) files",
        "Assess every station (and region) in the files against a standard edition and print "
        "a report per subject. Exit 1 if any subject fails.",
    )
    p.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="YAML, JSON, .xlsx or .csv dataset files (`stationkit schema` describes them; "
        "`stationkit template` writes a workbook to fill in)",
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
    add_terms_arguments(p)
    p.add_argument(
        "--cap-over",
        action="append",
        default=[],
        metavar="FILE",
        help="the population a rank cap counts (e.g. every station of the city); repeatable. "
        "Without it the cap counts this run's subjects and capped grades are provisional",
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
    add_run_arguments(p, _positive)
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
        "--set",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="override a parameter a programme takes its dates from; repeatable",
    )
    p.add_argument("--tailoring", metavar="FILE", help="a tailoring file (values with reasons)")
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
        "Print the JSON Schema that dataset files (YAML or JSON) follow: the record fields, "
        "the totals that may stand for lists, and each vocabulary with its terms and aliases "
        "(the core's; with --standard also the standard's own words).",
    )
    p.add_argument(
        "--standard",
        metavar="ID[@EDITION]",
        help="include the vocabularies of this standard (its station kinds, plans...)",
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
    template_cli.add_command(sub, _registry)
    completion_cli.add_command(sub)
    add_monitor_command(sub)
    sub.choices["monitor"].set_defaults(run=cmd_monitor)
    lifecycle_cli.add_commands(sub)
    whatif_cli.add_command(
        sub, whatif_cli.Shared(_registry, _parse_set, _job_of, _parse_date, _positive)
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

    def extensions_for(standard_id: str, edition: str | None) -> tuple[Any, ...]:
        # As every command: an unknown standard or edition is an error, never a fallback
        # to the core machines.
        registry.standard(f"{standard_id}@{edition}" if edition else standard_id)
        return registry.machine_extensions(standard_id, edition)

    with contextlib.redirect_stdout(out):
        return lifecycle_cli.run(args, extensions_for)


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
        # Whatever plugin code prints goes to stderr: stdout carries only the command's own
        # output (which is written to ``stream``), so ``--json`` stays parseable.
        with contextlib.redirect_stdout(sys.stderr):
            return run(args, stream)
    except BrokenPipeError:  # e.g. `stationkit show ... | head`: the reader has gone
        return EXIT_OK
    except (StationkitError, LifecycleError, OSError) as exc:  # bad input or usage
        print(f"stationkit: error: {printable(str(exc), keep_newlines=True)}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except SystemExit as exc:  # nothing of stationkit's exits this way: plugin code did
        print(
            f"stationkit: internal error: code raised SystemExit({exc.code!r}) — a plugin's "
            "bug, not a success",
            file=sys.stderr,
        )
        return EXIT_INTERNAL
    except Exception as exc:  # a bug: say so in one line, not as the user's fault
        if os.environ.get(DEBUG_ENV):
            raise
        print(
            f"stationkit: internal error (a bug, please report it): {type(exc).__name__}: "
            f"{printable(str(exc))} — set {DEBUG_ENV}=1 for the traceback",
            file=sys.stderr,
        )
        return EXIT_INTERNAL

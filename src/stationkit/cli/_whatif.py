"""``stationkit whatif``: what a change of parameters costs a population.

The population is assessed twice on the bulk path — as the edition stands, and with the
``--set`` overrides — and every subject whose outcome or grade flips is listed with the
findings that changed, then counted per region. Exit 0 when nothing flips, 1 when something
does, 2 on bad input."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any, TextIO

import attrs

from stationkit._registry import Registry
from stationkit.assessment._bulk import Row
from stationkit.assessment._parallel import Job
from stationkit.cli._bulk import (
    _Progress,
    add_run_arguments,
    add_terms_arguments,
    bulk_rows,
    open_sources,
    run_client,
    run_of,
)
from stationkit.errors import UsageError
from stationkit.records._model import Region
from stationkit.report._json import value_json
from stationkit.standard._text import Text

PASSED = "passed"  # a finding absent from a row's failing list: met, or not applicable


@attrs.frozen
class Flip:
    """One subject whose outcome or grade differs after the change."""

    before: Row
    after: Row
    findings: tuple[tuple[str, str, str], ...]  # (requirement, status before, status after)


def changed_findings(before: Row, after: Row) -> tuple[tuple[str, str, str], ...]:
    """The requirements whose status differs between two rows of one subject."""
    old, new = dict(before.failing), dict(after.failing)
    order = [r for r, _ in before.failing] + [r for r, _ in after.failing if r not in old]
    return tuple(
        (r, old.get(r, PASSED), new.get(r, PASSED))
        for r in order
        if old.get(r, PASSED) != new.get(r, PASSED)
    )


def flips(before: Sequence[Row], after: Sequence[Row]) -> list[Flip]:
    """The subjects whose outcome or grade flips (rows of one population, in one order)."""
    out = []
    for old, new in zip(before, after, strict=True):
        if (old.id, old.subject) != (new.id, new.subject):  # pragma: no cover - a bug
            raise AssertionError(f"rows out of step: {old.id} and {new.id}")
        if old.outcome != new.outcome or old.grade != new.grade:
            out.append(Flip(old, new, changed_findings(old, new)))
    return out


def by_region(found: Sequence[Flip], rows: Sequence[Row]) -> dict[str, tuple[int, int]]:
    """Per region code: (subjects that flip, subjects assessed)."""
    counts: dict[str, list[int]] = {}
    for row in rows:
        counts.setdefault(row.region or "-", [0, 0])[1] += 1
    for flip in found:
        counts[flip.before.region or "-"][0] += 1
    return {code: (n, total) for code, (n, total) in sorted(counts.items()) if n}


def _state(row: Row) -> dict[str, Any]:
    return {"outcome": row.outcome, "grade": row.grade, "score": row.score}


def _flip_json(flip: Flip) -> dict[str, Any]:
    row = flip.before
    return {
        "subject": {"id": row.id, "kind": row.kind, "name": row.name, "type": row.subject},
        "region": row.region,
        "before": _state(flip.before),
        "after": _state(flip.after),
        "findings": [{"requirement": r, "before": b, "after": a} for r, b, a in flip.findings],
    }


@attrs.frozen
class Shared:
    """What ``whatif`` shares with the other commands (handed in, so as not to import the
    module that registers it)."""

    registry: Callable[[argparse.Namespace], Registry]  # loaded, failures warned about
    parse_set: Callable[[Sequence[str]], dict[str, object]]
    #: The run's terms from the arguments (edition, --year, --tailoring, --waivers,
    #: --lenient), with these parameter overrides.
    job: Callable[[argparse.Namespace, Registry, dict[str, object]], Job]
    parse_date: Callable[[str], date]
    positive: Callable[[str], int]


def cmd_whatif(args: argparse.Namespace, out: TextIO, shared: Shared) -> int:
    registry = shared.registry(args)
    overrides = shared.parse_set(args.set)
    if not overrides:
        raise UsageError("whatif needs at least one --set NAME=VALUE to compare against")
    as_of = args.as_of or date.today()
    run = run_of(args)
    args.as_of = as_of
    before_job = attrs.evolve(shared.job(args, registry, {}), findings=None)
    after_job = attrs.evolve(shared.job(args, registry, overrides), findings=None)
    std, ed = before_job.standard, before_job.assessor().edition
    changed = after_job.assessor().overridden  # checks the overrides before any input
    sources = open_sources(before_job, args.files, args.regions, _Progress(run.progress))
    with run_client(run) as client:
        before = bulk_rows(
            before_job, args.files, args.subject, run, sources=sources, client=client
        )
        after = bulk_rows(after_job, args.files, args.subject, run, sources=sources, client=client)
    found = flips(before, after)
    regions = by_region(found, before)
    names = {
        node.code: node.name
        for source in sources
        if source.header.region is not None
        for node in Region.walk(source.header.region)
    }
    summary = {
        "standard": std.id,
        "edition": ed.edition,
        "as_of": as_of.isoformat(),
        "set": {
            name: {"value": value_json(o.value), "source_value": value_json(o.source_value)}
            for name, o in changed.items()
        },
        "subjects": len(before),
        "flips": len(found),
        "outcome": {
            "pass_to_fail": sum(f.before.passed and not f.after.passed for f in found),
            "fail_to_pass": sum(f.after.passed and not f.before.passed for f in found),
        },
        "grade_changes": sum(f.before.grade != f.after.grade for f in found),
        "by_region": {
            code: {"name": names.get(code), "flips": n, "subjects": total}
            for code, (n, total) in regions.items()
        },
    }
    if args.format == "jsonl":
        for flip in found:
            out.write(json.dumps(_flip_json(flip), ensure_ascii=False) + "\n")
        out.write(json.dumps({"summary": summary}, ensure_ascii=False) + "\n")
    else:
        titles = {r.id: r.title for r in ed.requirements}
        out.write(_text(summary, found, names, titles))
    return 1 if found else 0


def _text(
    summary: dict[str, Any],
    found: Sequence[Flip],
    names: dict[str, str],
    titles: dict[str, Text],
) -> str:
    """The flips for people, in Chinese and English (policy authors read both)."""
    settings = ", ".join(
        f"{name} = {v['value']!r} (原为 was {v['source_value']!r})"
        for name, v in summary["set"].items()
    )
    outcome = summary["outcome"]
    lines = [
        f"{summary['standard']}@{summary['edition']}, 截至 as of {summary['as_of']}: {settings}",
        f"{summary['subjects']} 个对象 subjects; {summary['flips']} 个变化 flip "
        f"(通过→不通过 pass → fail {outcome['pass_to_fail']}, "
        f"不通过→通过 fail → pass {outcome['fail_to_pass']}, "
        f"等级变化 grade changes {summary['grade_changes']})",
    ]
    for flip in found:
        b, a = flip.before, flip.after
        lines.append(
            f"  {b.id} {b.name or ''} [{b.subject}]: {b.outcome} → {a.outcome}, "
            f"等级 grade {b.grade} → {a.grade}, 得分 score {b.score:.2f} → {a.score:.2f}"
        )
        for r, old, new in flip.findings:
            title = titles.get(r)
            label = f" {title.zh} / {title.en}" if title else ""
            lines.append(f"      {r}{label}: {old} → {new}")
    if summary["by_region"]:
        lines.append("按区域 by region:")
        for code, c in summary["by_region"].items():
            lines.append(
                f"  {code} {names.get(code, '')}: {c['flips']} / {c['subjects']} "
                "个对象变化 subjects flip"
            )
    return "\n".join(lines) + "\n"


def add_command(sub: Any, shared: Shared) -> None:
    """Register ``whatif`` on the CLI's subcommands."""
    p = sub.add_parser(
        "whatif",
        help="which subjects flip (outcome or grade) if parameters change (--set)",
        description=(
            "Assess the files as the edition stands and with the --set overrides, then list "
            "every subject whose outcome or grade flips, with the findings that changed, and "
            "the counts per region. --year, --tailoring, --waivers and --lenient apply to both "
            "runs. Exit 0: nothing flips; 1: something does."
        ),
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="YAML, JSON or .jsonl datasets")
    p.add_argument(
        "--standard", required=True, metavar="ID[@EDITION]", help="the standard to assess"
    )
    p.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="the parameter change to weigh; repeatable",
    )
    p.add_argument(
        "--as-of", type=shared.parse_date, metavar="DATE", help="the date (default: today)"
    )
    add_terms_arguments(p)
    p.add_argument(
        "--format",
        choices=("text", "jsonl"),
        default="text",
        help="text for people (default), or one JSON line per flip and a summary line",
    )
    p.add_argument(
        "--subject",
        choices=("all", "station", "region"),
        default="all",
        help="assess stations, regions, or both (default)",
    )
    add_run_arguments(p, shared.positive)
    p.set_defaults(run=lambda args, out: cmd_whatif(args, out, shared))

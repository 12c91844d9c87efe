"""``stationkit samples``: the sample datasets the plugins bundle, with the command that
assesses each (paths are absolute, so the commands run from anywhere)."""

from __future__ import annotations

import argparse
import json
import shlex
from collections.abc import Callable
from typing import Any, TextIO

from stationkit._registry import Registry
from stationkit.standard import Sample


def sample_json(sample: Sample, plugin: str) -> dict[str, Any]:
    return {
        "name": sample.name,
        "plugin": plugin,
        "standard": f"{sample.standard}@{sample.edition}",
        "as_of": sample.as_of.isoformat(),
        "subject": sample.subject,
        "path": str(sample.path),
        "ledger": str(sample.ledger) if sample.ledger else None,
        "title": {"zh": sample.title.zh, "en": sample.title.en},
    }


def assess_command(sample: Sample) -> str:
    return shlex.join(
        [
            "stationkit",
            "assess",
            "--standard",
            f"{sample.standard}@{sample.edition}",
            "--as-of",
            sample.as_of.isoformat(),
            "--subject",
            sample.subject,
            str(sample.path),
        ]
    )


def cmd_samples(
    args: argparse.Namespace, out: TextIO, registry: Registry, lang: Callable[[Any], str]
) -> int:
    rows = [(s, registry.provider(s.standard, s.edition)) for s in registry.samples()]
    if args.json:
        out.write(
            json.dumps([sample_json(s, p) for s, p in rows], ensure_ascii=False, indent=2) + "\n"
        )
        return 0
    if not rows:
        out.write("no samples: no plugin that bundles one is loaded\n")
    for sample, _plugin in rows:
        if args.paths:
            out.write(f"{sample.path}\n")
            continue
        out.write(f"{sample.name}  {sample.standard}@{sample.edition}  {lang(sample.title)}\n")
        out.write(f"  {sample.path}\n  $ {assess_command(sample)}\n")
    return 0


def add_command(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
) -> argparse.ArgumentParser:
    p = sub.add_parser(
        "samples",
        help="the sample datasets the plugins bundle, with the command that assesses each",
        description="List the bundled sample datasets: name, standard@edition, title, the "
        "file's path and a ready `stationkit assess` command.",
    )
    p.add_argument("--json", action="store_true", help="print a JSON array (see docs/json.md)")
    p.add_argument("--paths", action="store_true", help="print only the files' paths, one a line")
    return p

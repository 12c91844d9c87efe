"""``stationkit demo``: assess every installed plugin's sample data, as a user would."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import TextIO

from stationkit._registry import Registry
from stationkit.assessment._assessor import Assessor
from stationkit.assessment._report import Report
from stationkit.assessment._rollout import programme_statuses
from stationkit.assessment._subjects import subjects_of
from stationkit.lifecycle import (
    Lifecycle,
    SQLiteLedger,
    escalate_overdue,
    resolve_definitions,
)
from stationkit.lifecycle._events import read_events_jsonl
from stationkit.records._loading import load_dataset
from stationkit.records._model import Dataset
from stationkit.report._lang import Lang, say
from stationkit.report._render import render_text
from stationkit.report._rollout import render_statuses
from stationkit.standard._samples import Sample
from stationkit.standard._vocabularies import vocabularies_for


def assess_sample(registry: Registry, sample: Sample, dataset: Dataset) -> list[Report]:
    std, ed = registry.standard(f"{sample.standard}@{sample.edition}")
    assessor = Assessor(std, ed.edition, as_of=sample.as_of, dataset=dataset)
    return assessor.assess_batch(subjects_of(dataset, ed, sample.subject))


def run_demo(
    registry: Registry, out: TextIO, workdir: Path | None = None, lang: Lang = "both"
) -> int:
    """Print the reports of every sample; exit 0 unless a sample could not be assessed
    (failing stations are the point of some samples, so they do not fail the demo)."""
    for info in registry.failed:
        out.write(f"plugin {info.name!r} failed to load: {info.error}\n")
    samples = registry.samples()
    if not samples:
        out.write("no samples: install a jurisdiction plugin (e.g. plugins/quanzhou)\n")
        return 0
    for sample in samples:
        out.write(f"\n=== {say(sample.title, lang)}\n")
        out.write(
            f"    {sample.standard}@{sample.edition}, as of {sample.as_of.isoformat()}, "
            f"file {sample.path.name}\n\n"
        )
        standard, edition = registry.standard(f"{sample.standard}@{sample.edition}")
        vocabularies = vocabularies_for(standard, edition.edition)
        dataset = load_dataset(sample.path, vocabularies=vocabularies)
        reports = assess_sample(registry, sample, dataset)
        out.write(render_text(reports, colour=out.isatty(), lang=lang) + "\n")
        if edition.programmes and dataset.completions:
            statuses = programme_statuses(edition, dataset, sample.as_of)
            out.write("--- rollout programme 推进计划\n")
            out.write(render_statuses(edition, statuses, lang=lang) + "\n")
        if sample.ledger is not None:
            with tempfile.TemporaryDirectory() as tmp:
                where = (workdir or Path(tmp)) / f"{sample.name}.sqlite"
                replay_sample_ledger(registry, sample, sample.ledger, where, out)
    return 0


def replay_sample_ledger(
    registry: Registry, sample: Sample, events_file: Path, database: Path, out: TextIO
) -> None:
    """Write the sample's events through the machines into a SQLite ledger (the embedded
    default), apply the escalations due as of the sample's date, and print the states."""
    definitions = resolve_definitions(
        registry.machine_extensions(sample.standard, sample.edition), sample.edition
    )
    database.unlink(missing_ok=True)
    with SQLiteLedger(database) as ledger:
        lifecycle = Lifecycle(ledger, definitions)
        for event in read_events_jsonl(events_file):
            lifecycle.submit(event)
        due = escalate_overdue(ledger, sample.as_of, definitions["hazard"])
        for event in due:
            lifecycle.submit(event)
        states = lifecycle.states(sample.as_of)
        out.write(
            f"--- ledger {events_file.name} → SQLite {database.name}: "
            f"{sum(1 for _ in ledger.events())} events, {len(due)} escalation(s) applied "
            f"as of {sample.as_of.isoformat()}\n"
        )
        for state in sorted(states.values(), key=lambda s: (s.machine, s.record_id)):
            title = definitions[state.machine].state_title(state.state)
            level = state.facts.get("level")
            where_ = f"  level {level}" if level else ""
            out.write(
                f"    {state.machine} {state.record_id}: {state.state} "
                f"({title.zh} / {title.en}){where_}  v{state.version}\n"
            )

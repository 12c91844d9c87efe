"""Lifecycle conformance: every machine a plugin extends resolves, every transition can be
driven with its example, and generated event streams replay consistently."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import settings as Settings  # noqa: N812 - the hypothesis class

from stationkit._registry import Registry
from stationkit.lifecycle import (
    Event,
    LifecycleError,
    resolve_machine,
)
from stationkit.testing.lifecycle import event_streams, lifecycle_problems, path_problems
from stationkit.testing.properties import Problem


class _FoundError(Exception):
    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("lifecycle problems")
        self.problems = problems


def _runner(definition: Any, ref: str, settings: Settings) -> Any:
    @settings
    @given(event_streams(definition))
    def run(events: list[Event]) -> None:
        found = lifecycle_problems(definition, events, ref)
        if found:
            raise _FoundError(found)

    return run


def lifecycle_problems_of(
    registry: Registry, plugin_name: str, extensions: tuple[Any, ...], settings: Settings
) -> tuple[list[Problem], list[str]]:
    problems: list[Problem] = []
    notes: list[str] = []
    seen: set[tuple[str, str, str | None]] = set()
    for ext in extensions:
        editions = sorted(ext.editions) if ext.editions is not None else [None]
        for edition in editions:
            key = (ext.machine, ext.standard, edition)
            if key in seen:
                continue
            seen.add(key)
            ref = f"{ext.standard}" + (f"@{edition}" if edition else "")
            try:
                definition = resolve_machine(
                    ext.machine, registry.machine_extensions(ext.standard, edition), edition
                )
            except LifecycleError as exc:
                problems.append(
                    Problem("lifecycle", f"machine {ext.machine!r} does not resolve: {exc}", ref)
                )
                continue
            problems += path_problems(definition, ref)

            try:
                _runner(definition, ref, settings)()
            except _FoundError as exc:
                problems += exc.problems
            except Exception as exc:
                problems.append(Problem("lifecycle", f"crashed: {type(exc).__name__}: {exc}", ref))
            notes.append(f"lifecycle: {ext.machine} for {ref} checked")
    return problems, notes

"""Plugin conformance: one call runs every contract check on every standard and edition a
plugin registers (and the lifecycle properties on every machine it extends).

In a plugin's tests::

    from stationkit.testing.conformance import check_plugin

    def test_conformance() -> None:
        check_plugin("quanzhou")                    # the installed entry point, by name
        # or check_plugin(stationkit_quanzhou.plugin) — the module, registered in-process

It raises one ``AssertionError`` listing every problem found (each with the check, the
``standard@edition``, the requirement, and the shrunk subject that shows it). The checks:

``contract``        ids unique, declared parameters exist, groups/kinds/bands consistent
``citations``       sources, sections and quotes of parameters, requirements, rank caps
``samples``         bundled samples load and assess
``score-bounds``    0 ≤ score ≤ max + bonus cap; groups, credits, grade match the score
``gates``           a failed gate fails the subject and gives the fail grade
``deterministic``   the same subject gives the same report
``json-round-trip`` reports survive JSON; observed/expected values are JSON-native
``parameters-read`` predicates read only the parameters they declare
``remedies``        applying a finding's structured remedy makes it met
``monotone``        requirements declared monotone survive added resources
``tailoring``       overriding a parameter changes only the findings that declare it
``rank-caps``       no capped grade exceeds its share over any batch
``lifecycle``       machine extensions resolve; generated event streams replay consistently

Subjects are the plugin's sample stations, the ``examples`` you pass, and hypothesis-
generated stations of the standard's kinds (words harvested from the samples and list
parameters; counts around every numeric threshold), including "remedied" stations (every
remedy applied) so that high scores, rank caps and met findings are reached too.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from types import ModuleType
from typing import Any, TypeVar

import attrs
from hypothesis import HealthCheck, Phase, Verbosity, given
from hypothesis import settings as Settings  # noqa: N812 - the hypothesis class
from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from stationkit._registry import Registry
from stationkit.assessment._subjects import subjects_of
from stationkit.errors import StationkitError
from stationkit.records._loading import load_dataset
from stationkit.records._model import Dataset, Station
from stationkit.standard._findings import Status
from stationkit.standard._samples import Sample
from stationkit.standard._standard import Edition, Standard, Subject
from stationkit.standard._vocabularies import vocabularies_for
from stationkit.testing import strategies as sts
from stationkit.testing._shrink import shrink
from stationkit.testing.coverage import RequirementCoverage
from stationkit.testing.properties import Policy, Problem

__all__ = [
    "CHECKS",
    "ConformanceResult",
    "check_plugin",
    "conformance_problems",
    "default_settings",
    "remedied",
    "run_conformance",
]

T = TypeVar("T")

CHECKS = (
    "contract",
    "citations",
    "samples",
    "score-bounds",
    "gates",
    "deterministic",
    "json-round-trip",
    "parameters-read",
    "remedies",
    "monotone",
    "tailoring",
    "rank-caps",
    "lifecycle",
)
#: The single-subject checks, run together on each generated subject.
_SINGLE = (
    "score-bounds",
    "gates",
    "deterministic",
    "json-round-trip",
    "parameters-read",
    "remedies",
)


def default_settings(max_examples: int = 30) -> Settings:
    """Bounded, quiet, reproducible: the same examples on every run, no example database.

    Hypothesis' own shrinking is off (on large nested records it takes minutes); failing
    subjects are shrunk at the record level instead, deleting facts while the failure stays.
    """
    return Settings(
        phases=(Phase.explicit, Phase.reuse, Phase.generate, Phase.target),
        max_examples=max_examples,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
        verbosity=Verbosity.quiet,
        print_blob=False,
    )


@attrs.frozen
class ConformanceResult:
    """What a conformance run checked and found."""

    plugin: str
    checked: tuple[str, ...]
    problems: tuple[Problem, ...]
    notes: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.problems

    def render(self) -> str:
        head = (
            f"plugin {self.plugin!r}: {len(self.problems)} conformance problem(s) "
            f"in {', '.join(self.checked) or 'nothing checked'}"
        )
        lines = [head]
        for i, p in enumerate(self.problems):
            lines.append(f"  {i + 1}. " + str(p).replace("\n", "\n     "))
        if self.notes:
            lines.append("notes:")
            lines.extend(f"  - {n}" for n in self.notes)
        return "\n".join(lines)

    def raise_for_problems(self) -> ConformanceResult:
        if self.problems:
            raise AssertionError(self.render())
        return self


# -- helpers --
class _FoundError(Exception):
    def __init__(self, problems: Sequence[Problem], example: object) -> None:
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = list(problems)
        self.example = example


def _hypothesis(
    strategy: SearchStrategy[T],
    body: Callable[[T], list[Problem]],
    settings: Settings,
    check: str,
    ref: str,
) -> list[Problem]:
    """Run ``body`` on examples of ``strategy``; the problems of the failing example, shrunk
    to the facts that matter (see ``_shrink``)."""

    @settings
    @given(strategy)
    def run(example: T) -> None:
        found = body(example)
        if found:
            raise _FoundError(found, example)

    try:
        run()
    except _FoundError as exc:
        return _shrunk(exc, body)
    except BaseExceptionGroup as group:
        found: list[Problem] = []
        for inner in group.exceptions:
            if isinstance(inner, _FoundError):
                found.extend(_shrunk(inner, body))
            else:
                found.append(Problem(check, f"crashed: {type(inner).__name__}: {inner}", ref))
        return found
    except Exception as exc:
        return [Problem(check, f"crashed: {type(exc).__name__}: {exc}", ref)]
    return []


def _shrunk(found: _FoundError, body: Callable[[Any], list[Problem]]) -> list[Problem]:
    key = (found.problems[0].check, found.problems[0].requirement)

    def still_fails(example: Any) -> bool:
        return any((p.check, p.requirement) == key for p in body(example))

    smaller = shrink(found.example, still_fails)
    again = body(smaller)
    return again if any((p.check, p.requirement) == key for p in again) else found.problems


def remedied(policy: Policy, station: Station, rounds: int = 4) -> Station:
    """``station`` after applying every structured remedy, repeatedly: a station that meets
    whatever record edits can meet (remedies that do not apply are skipped)."""
    from stationkit.standard._remedy import apply_changes

    for _ in range(rounds):
        try:
            report = policy.assess(station)
        except StationkitError:
            return station
        changes = [
            c
            for f in report.findings
            if f.status in (Status.NOT_MET, Status.MISSING_EVIDENCE) and f.remedy
            for c in f.remedy.change
        ]
        if not changes:
            return station
        before = station
        for change in changes:
            with contextlib.suppress(StationkitError):
                station = apply_changes(station, (change,))
        if station == before:
            return station
    return station


def _default_as_of(edition: Edition, samples: Sequence[Sample]) -> date:
    for s in samples:
        return s.as_of
    if edition.edition.isdigit() and len(edition.edition) == 4:
        return date(int(edition.edition), 12, 31)
    return sts.DEFAULT_AS_OF


@attrs.frozen
class _Loaded:
    sample: Sample
    dataset: Dataset
    subjects: tuple[Subject, ...]


def _load_samples(
    standard: Standard,
    edition: Edition,
    samples: Sequence[Sample],
    ref: str,
    problems: list[Problem],
) -> list[_Loaded]:
    loaded = []
    for sample in samples:
        try:
            data = load_dataset(
                sample.path, vocabularies=vocabularies_for(standard, edition.edition)
            )
        except StationkitError as exc:
            problems.append(Problem("samples", f"sample {sample.name!r} does not load: {exc}", ref))
            continue
        subjects = tuple(
            subjects_of(data, edition, "all" if sample.subject == "station" else sample.subject)
        )
        if not subjects:
            problems.append(
                Problem(
                    "samples", f"sample {sample.name!r} has no subject that {ref} assesses", ref
                )
            )
        policy = Policy(standard, edition.edition, as_of=sample.as_of, dataset=data)
        for subject in subjects:
            try:
                policy.assess(subject)
            except StationkitError as exc:
                problems.append(Problem("samples", f"sample {sample.name!r}: {exc}", ref))
        loaded.append(_Loaded(sample, data, subjects))
    return loaded


# -- one edition --
def _edition_problems(
    standard: Standard,
    edition: Edition,
    *,
    samples: Sequence[Sample],
    examples: Sequence[Subject],
    as_of: date | None,
    settings: Settings,
    checks: set[str],
    coverage: RequirementCoverage,
) -> list[Problem]:
    ref = f"{standard.id}@{edition.edition}"
    problems: list[Problem] = []
    if "contract" in checks:
        from stationkit.testing.properties import contract_problems

        problems += contract_problems(standard, edition)
    if "citations" in checks:
        from stationkit.testing.properties import citation_problems

        problems += citation_problems(standard, edition)
    if any(p.check == "contract" for p in problems):
        # A malformed edition makes the dynamic checks report the same fault many times.
        return problems

    mine = [s for s in samples if s.standard == standard.id and s.edition == edition.edition]
    sample_problems: list[Problem] = []
    loaded = _load_samples(standard, edition, mine, ref, sample_problems)
    if "samples" in checks:
        problems += sample_problems
    day = as_of or _default_as_of(edition, mine)
    policy = Policy(standard, edition.edition, as_of=day, coverage=coverage)
    coverage.add_edition(standard, edition.edition)

    # Explicit subjects: samples (under their own dataset and date) and the caller's.
    explicit: list[tuple[Policy, Subject]] = []
    for item in loaded:
        sample_policy = Policy(
            standard,
            edition.edition,
            as_of=item.sample.as_of,
            dataset=item.dataset,
            coverage=coverage,
        )
        explicit += [(sample_policy, s) for s in item.subjects]
    explicit += [(policy, s) for s in examples]
    sample_stations = [s for _, s in explicit if isinstance(s, Station)]

    single = [c for c in _SINGLE if c in checks]

    def run_single(pol: Policy, subject: Subject, wanted: Sequence[str]) -> list[Problem]:
        found: list[Problem] = []
        table: dict[str, Callable[[Subject], list[Problem]]] = {
            "score-bounds": pol.score_problems,
            "gates": pol.gate_problems,
            "deterministic": pol.determinism_problems,
            "json-round-trip": pol.json_problems,
            "parameters-read": pol.parameter_read_problems,
        }
        for check in wanted:
            if check == "remedies":
                if isinstance(subject, Station):
                    found += pol.remedy_problems(subject)
            else:
                found += table[check](subject)
        return found

    for pol, subject in explicit:
        problems += run_single(pol, subject, single)
        if isinstance(subject, Station) and "remedies" in checks:
            problems += pol.remedy_problems(remedied(pol, subject))

    # Generated subjects.
    kinds_needed = any(r.scope.subject == "station" for r in edition.requirements)
    generated = sts.stations_for(standard, edition, examples=sample_stations, as_of=day)
    pool: list[SearchStrategy[Station]] = [
        generated,
        generated.map(functools.partial(remedied, policy)),
    ]
    if sample_stations:
        base = st.sampled_from(sample_stations)
        pool += [base, base.map(functools.partial(remedied, policy))]
    station_pool = st.one_of(*pool)
    region_needed = any(r.scope.subject == "region" for r in edition.requirements)
    subjects: list[SearchStrategy[Subject]] = []
    if kinds_needed:
        subjects.append(station_pool)
    if region_needed:
        subjects.append(sts.region_subjects(station_pool, max_stations=3, year=day.year))
    if not subjects:
        return problems
    subject_pool: SearchStrategy[Subject] = st.one_of(*subjects)

    # Single-subject properties: rerun without the checks already failing, so that every
    # failing check is reported with its own shrunk example.
    remaining = list(single)
    while remaining:
        wanted = tuple(remaining)
        found = _hypothesis(
            subject_pool,
            lambda s, w=wanted: run_single(policy, s, w),  # type: ignore[misc]
            settings,
            "properties",
            ref,
        )
        if not found:
            break
        problems += found
        failed = {p.check for p in found}
        remaining = [c for c in remaining if c not in failed]
        if not failed & set(wanted):
            break

    if kinds_needed and "monotone" in checks and any(r.monotone for r in edition.requirements):
        pairs = station_pool.flatmap(lambda s: st.tuples(st.just(s), sts.more_resources(s)))
        problems += _hypothesis(
            pairs, lambda p: policy.monotone_problems(*p), settings, "monotone", ref
        )

    if "tailoring" in checks:
        cases = st.tuples(subject_pool, sts.overrides(edition))
        problems += _hypothesis(
            cases, lambda c: policy.tailoring_problems(*c), settings, "tailoring", ref
        )

    if kinds_needed and "rank-caps" in checks and edition.grading.rank_caps:

        def batch(stations: list[Station]) -> list[Subject]:
            return [attrs.evolve(s, id=f"S{i + 1}") for i, s in enumerate(stations)]

        # Copies make ties at the cut, where caps are easiest to get wrong.
        batches = (
            st.lists(station_pool, min_size=1, max_size=5)
            .flatmap(
                lambda xs: st.lists(st.sampled_from(xs), min_size=len(xs), max_size=3 * len(xs))
            )
            .map(batch)
        )
        problems += _hypothesis(batches, policy.rank_cap_problems, settings, "rank-caps", ref)
    return problems


# -- the entry points --
def conformance_problems(
    registry: Registry,
    plugin_name: str,
    *,
    as_of: date | None = None,
    settings: Settings | None = None,
    examples: Iterable[Subject] = (),
    skip: Iterable[str] = (),
    only: Iterable[str] | None = None,
    coverage: RequirementCoverage | None = None,
) -> ConformanceResult:
    """Run the checks on everything ``plugin_name`` registered in ``registry``; never raises
    for a problem, returns them. ``skip``/``only`` choose checks by name (see ``CHECKS``)."""
    unknown = sorted((set(skip) | set(only or ())) - set(CHECKS))
    if unknown:
        raise ValueError(f"unknown check(s) {', '.join(unknown)} (known: {', '.join(CHECKS)})")
    checks = set(only) if only is not None else set(CHECKS)
    checks -= set(skip)
    cfg = settings or default_settings()
    cov = coverage if coverage is not None else RequirementCoverage()
    info = next((p for p in registry.plugins if p.name == plugin_name), None)
    problems: list[Problem] = []
    notes: list[str] = []
    if info is None:
        return ConformanceResult(
            plugin_name,
            (),
            (
                Problem(
                    "load",
                    f"no plugin named {plugin_name!r} is registered (registered: "
                    f"{', '.join(p.name for p in registry.plugins) or 'none'})",
                ),
            ),
        )
    if info.error is not None:
        return ConformanceResult(
            plugin_name,
            (),
            (Problem("load", f"plugin {plugin_name!r} failed to load: {info.error}"),),
        )
    extensions = _plugin_extensions(registry, plugin_name)
    if not info.standards and not extensions:
        problems.append(
            Problem("load", "the plugin registers no standard and no machine extension")
        )
    examples = tuple(examples)
    samples = registry.samples()
    checked: list[str] = []
    for ref in info.standards:
        standard, edition = registry.standard(ref)
        checked.append(ref)
        problems += _edition_problems(
            standard,
            edition,
            samples=samples,
            examples=[e for e in examples if _covers(edition, e)],
            as_of=as_of,
            settings=cfg,
            checks=checks,
            coverage=cov,
        )
    if "lifecycle" in checks and extensions:
        from stationkit.testing import _lifecycle

        found, lifecycle_notes = _lifecycle.lifecycle_problems_of(
            registry, plugin_name, extensions, cfg
        )
        problems += found
        notes += lifecycle_notes
        checked.append(f"{len(extensions)} machine extension(s)")
    rep = cov.report(info.standards)
    if rep.gaps():
        notes.append(
            f"generated and sample subjects saw {rep.covered}/{rep.total} requirements both "
            "met and not met; the properties were checked vacuously for: "
            + ", ".join(f"{r.ref} {r.requirement} ({r.gap})" for r in rep.gaps())
            + " — pass examples=[...] that reach them"
        )
    return ConformanceResult(plugin_name, tuple(checked), tuple(problems), tuple(notes))


def _covers(edition: Edition, subject: Subject) -> bool:
    return any(r.scope.covers(subject) for r in edition.requirements)


def _plugin_extensions(registry: Registry, plugin_name: str) -> tuple[Any, ...]:
    return registry.machine_extensions_of(plugin_name)


def run_conformance(registry: Registry, plugin_name: str, **options: Any) -> ConformanceResult:
    """:func:`conformance_problems`, raising one AssertionError listing every problem."""
    return conformance_problems(registry, plugin_name, **options).raise_for_problems()


def check_plugin(
    plugin: ModuleType | object | str, *, name: str | None = None, **options: Any
) -> ConformanceResult:
    """Check one plugin in a fresh registry: ``plugin`` is an installed entry-point name
    (``"quanzhou"``) or a plugin module/object (registered in-process as ``name``, by default
    the module's name). Raises AssertionError listing every problem; returns the result
    (whose ``notes`` say what the generated subjects did not reach) when all is well.

    Options: ``as_of``, ``settings`` (hypothesis), ``examples`` (extra subjects),
    ``skip``/``only`` (check names), ``coverage`` (a RequirementCoverage to fill).
    """
    # Unvalidated: the conformance checks report each contract problem themselves, all of
    # them at once, where registration would stop at the first inconsistent standard.
    registry = Registry(validate=False)
    if isinstance(plugin, str):
        infos = registry.load_entry_points(only=[plugin])
        if not infos:
            raise AssertionError(
                f"no installed stationkit plugin is named {plugin!r} (is its "
                "distribution installed, with an entry point in the "
                "'stationkit' group?)"
            )
        label = plugin
    else:
        label = name or str(getattr(plugin, "__name__", type(plugin).__name__))
        registry.register(plugin, label)
    try:
        return run_conformance(registry, label, **options)
    finally:
        registry.unregister(label)

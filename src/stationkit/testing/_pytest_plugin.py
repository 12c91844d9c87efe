"""The pytest plugin: loaded by pytest through the ``pytest11`` entry point wherever stationkit
is installed (or with ``pytest_plugins = ["stationkit.testing"]`` in a conftest when plugin
autoloading is off). Importing it needs pytest, not hypothesis.

Fixtures:

``stationkit_registry``  a factory: ``stationkit_registry(plugin_module, "name", ...)`` gives a
                         fresh :class:`~stationkit.Registry` with those plugins (modules, objects,
                         ``(module, name)`` pairs or installed entry-point names) registered;
                         they are removed after the test.
``stationkit_clock``     a fake clock: ``today()``, ``set(day)``, ``advance(days=...)``.
``stationkit_assess``    ``stationkit_assess(station, "example@2024")`` or with a Standard; the
                         date defaults to the fake clock's; every report is recorded for
                         requirement coverage.
``stationkit_coverage``  the session's :class:`~stationkit.testing.coverage.RequirementCoverage`.

Options: ``--stationkit-coverage`` prints the requirement coverage after the run;
``--stationkit-coverage-min=0.8`` fails the run when less than 80 % of the requirements were
seen both met and not met. Comparisons of reports and findings in ``assert`` statements are
explained finding by finding.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from datetime import date, timedelta
from types import ModuleType
from typing import Any

import attrs
import pytest

from stationkit._registry import Registry
from stationkit.assessment._assessor import Assessor
from stationkit.assessment._report import Report
from stationkit.records._model import Dataset
from stationkit.standard._findings import Finding
from stationkit.standard._standard import Standard, Subject
from stationkit.testing._defaults import DEFAULT_AS_OF
from stationkit.testing._show import explain, show_finding
from stationkit.testing.coverage import RequirementCoverage

__all__ = [
    "AssessHelper",
    "FakeClock",
    "RegistryFactory",
    "pytest_addoption",
    "pytest_assertrepr_compare",
    "pytest_configure",
    "pytest_sessionfinish",
    "pytest_terminal_summary",
    "stationkit_assess",
    "stationkit_clock",
    "stationkit_coverage",
    "stationkit_registry",
]

_COVERAGE = pytest.StashKey[RequirementCoverage]()
_VERDICT = pytest.StashKey[str]()


@attrs.define
class FakeClock:
    """A date that moves only when told to: pass ``clock.today()`` as ``as_of``."""

    current: date = DEFAULT_AS_OF

    def today(self) -> date:
        return self.current

    def __call__(self) -> date:
        return self.current

    def set(self, day: date) -> date:
        self.current = day
        return day

    def advance(self, days: int = 0, *, weeks: int = 0) -> date:
        self.current = self.current + timedelta(days=days, weeks=weeks)
        return self.current


PluginSpec = ModuleType | object | str | tuple[object, str]


class RegistryFactory:
    """Builds fresh registries for one test and unregisters what it registered."""

    def __init__(self) -> None:
        self.made: list[tuple[Registry, list[str]]] = []

    def __call__(self, *plugins: PluginSpec, strict: bool = True) -> Registry:
        registry = Registry(strict=strict)
        names: list[str] = []
        for spec in plugins:
            if isinstance(spec, str):
                infos = registry.load_entry_points(only=[spec])
                if not infos:
                    raise LookupError(f"no installed stationkit plugin is named {spec!r}")
                names.append(spec)
                continue
            plugin, name = (
                spec
                if isinstance(spec, tuple)
                else (spec, str(getattr(spec, "__name__", type(spec).__name__)))
            )
            registry.register(plugin, name)
            names.append(name)
        self.made.append((registry, names))
        return registry

    @property
    def last(self) -> Registry | None:
        return self.made[-1][0] if self.made else None

    def close(self) -> None:
        for registry, names in self.made:
            for name in names:
                registry.unregister(name)
        self.made.clear()


class AssessHelper:
    """Assess with the fake clock's date, resolving ``"id@edition"`` in the test's registry,
    and record every report for requirement coverage."""

    def __init__(
        self, clock: FakeClock, coverage: RequirementCoverage, registries: RegistryFactory
    ) -> None:
        self.clock = clock
        self.coverage = coverage
        self.registries = registries

    def assessor(
        self,
        standard: Standard | str,
        edition: str | None = None,
        *,
        as_of: date | None = None,
        parameters: Mapping[str, object] | None = None,
        dataset: Dataset | None = None,
        registry: Registry | None = None,
    ) -> Assessor:
        if isinstance(standard, str):
            reg = registry or self.registries.last
            if reg is None:
                raise LookupError(
                    f"cannot resolve {standard!r}: make a registry first with "
                    "the stationkit_registry fixture, or pass a Standard"
                )
            std, ed = reg.standard(standard if edition is None else f"{standard}@{edition}")
            standard, edition = std, ed.edition
        self.coverage.add_edition(standard, edition)
        return Assessor(
            standard,
            edition,
            as_of=as_of or self.clock.today(),
            parameters=parameters,
            dataset=dataset,
        )

    def __call__(
        self, subject: Subject, standard: Standard | str, edition: str | None = None, **options: Any
    ) -> Report:
        return self.coverage.record(self.assessor(standard, edition, **options).assess(subject))

    def batch(
        self,
        subjects: Sequence[Subject],
        standard: Standard | str,
        edition: str | None = None,
        **options: Any,
    ) -> list[Report]:
        reports = self.assessor(standard, edition, **options).assess_batch(subjects)
        return self.coverage.record_all(reports)


# -- hooks --
def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("stationkit", "stationkit policy testing")
    group.addoption(
        "--stationkit-coverage",
        action="store_true",
        default=False,
        help="print which requirements the tests saw both met and not met",
    )
    group.addoption(
        "--stationkit-coverage-min",
        type=float,
        default=None,
        metavar="RATIO",
        help="fail the run when the requirement coverage is below RATIO (0..1)",
    )


def pytest_configure(config: pytest.Config) -> None:
    config.stash[_COVERAGE] = RequirementCoverage()


def pytest_assertrepr_compare(
    config: pytest.Config, op: str, left: object, right: object
) -> list[str] | None:
    """Explain reports and findings finding by finding instead of one long repr."""
    if op != "==":
        return None
    if isinstance(left, Report) or isinstance(right, Report):
        lines = [
            "stationkit reports differ:"
            if isinstance(left, Report) and isinstance(right, Report)
            else "comparing a stationkit report:"
        ]
        for side, value in (("left", left), ("right", right)):
            text = explain(value) if isinstance(value, Report) else repr(value)
            lines.append(f"{side}:")
            lines.extend("  " + line for line in text.splitlines())
        return lines
    if isinstance(left, Finding) or isinstance(right, Finding):
        return ["stationkit findings differ:"] + [
            f"{side}: {show_finding(v) if isinstance(v, Finding) else repr(v)}"
            for side, v in (("left", left), ("right", right))
        ]
    return None


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    config = session.config
    minimum = config.getoption("--stationkit-coverage-min", None)
    coverage = config.stash.get(_COVERAGE, None)
    if minimum is None or coverage is None or coverage.empty:
        return
    try:
        coverage.require(float(minimum))
    except AssertionError as exc:
        config.stash[_VERDICT] = str(exc)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter: Any, exitstatus: int, config: pytest.Config) -> None:
    coverage = config.stash.get(_COVERAGE, None)
    wanted = (
        config.getoption("--stationkit-coverage", False)
        or config.getoption("--stationkit-coverage-min", None) is not None
    )
    if coverage is None or coverage.empty or not wanted:
        return
    terminalreporter.section("stationkit requirement coverage")
    terminalreporter.write_line(coverage.report().render())
    verdict = config.stash.get(_VERDICT, None)
    if verdict:
        terminalreporter.write_line(f"FAILED: {verdict}", red=True)


# -- fixtures --
@pytest.fixture
def stationkit_clock() -> FakeClock:
    """A fake clock at 2025-06-30; move it with ``set`` or ``advance``."""
    return FakeClock()


@pytest.fixture
def stationkit_registry() -> Iterator[RegistryFactory]:
    """``stationkit_registry(plugin, ...)`` → a fresh Registry; plugins removed afterwards."""
    factory = RegistryFactory()
    yield factory
    factory.close()


@pytest.fixture
def stationkit_coverage(request: pytest.FixtureRequest) -> RequirementCoverage:
    """The session-wide requirement coverage recorder."""
    return request.config.stash.setdefault(_COVERAGE, RequirementCoverage())


@pytest.fixture
def stationkit_assess(
    stationkit_clock: FakeClock,
    stationkit_coverage: RequirementCoverage,
    stationkit_registry: RegistryFactory,
) -> AssessHelper:
    """Assess subjects at the fake clock's date, recording requirement coverage."""
    return AssessHelper(stationkit_clock, stationkit_coverage, stationkit_registry)

"""stationkit.testing: property-based policy testing for standards and plugins.

- :mod:`stationkit.testing.strategies` — hypothesis strategies for every record type,
  aimed at a standard's kinds, words and thresholds.
- :mod:`stationkit.testing.properties` — property checks any standard must satisfy
  (:class:`~stationkit.testing.properties.Policy`), and explained assertions.
- :mod:`stationkit.testing.conformance` — one call checks a whole plugin.
- :mod:`stationkit.testing.coverage` — which requirements the tests saw met and not met.
- :mod:`stationkit.testing.lifecycle` — hazard event streams and lifecycle properties.
- :mod:`stationkit.testing.quotes` — every stored quote verbatim in its source text.

This package is also a pytest plugin, loaded by pytest's ``pytest11`` entry point wherever
stationkit is installed (or ``pytest_plugins = ["stationkit.testing"]`` in a ``conftest.py``
when autoloading is off); it gives the fixtures ``stationkit_registry``, ``stationkit_assess``,
``stationkit_clock`` and ``stationkit_coverage`` and the ``--stationkit-coverage[-min]``
options. The fixtures need pytest only; the strategies, properties and conformance suite
need the ``testing`` extra (hypothesis).
"""

from stationkit.testing._pytest_plugin import (
    AssessHelper,
    FakeClock,
    RegistryFactory,
    pytest_addoption,
    pytest_assertrepr_compare,
    pytest_configure,
    pytest_sessionfinish,
    pytest_terminal_summary,
    stationkit_assess,
    stationkit_clock,
    stationkit_coverage,
    stationkit_registry,
)

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

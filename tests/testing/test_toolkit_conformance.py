"""The conformance suite passes the example plugin, by module and by entry-point name."""

from __future__ import annotations

import importlib.metadata

import pytest
from stationkit_example import plugin

import stationkit as sk
from stationkit.testing.conformance import (
    check_plugin,
    conformance_problems,
    default_settings,
    run_conformance,
)
from stationkit.testing.coverage import RequirementCoverage

QUICK = default_settings(max_examples=12)


@pytest.mark.slow
def test_the_example_plugin_conforms() -> None:
    cov = RequirementCoverage()
    result = check_plugin(plugin, name="example", settings=QUICK, coverage=cov)
    assert result.ok and result.checked == ("example@2024",)
    assert cov.report().total == 6


def test_run_conformance_on_a_registry() -> None:
    registry = sk.Registry(strict=True)
    registry.register(plugin, "example")
    assert run_conformance(registry, "example", settings=QUICK, only=["contract"]).ok


def test_an_unknown_plugin_is_a_problem_not_a_crash() -> None:
    result = conformance_problems(sk.Registry(), "nothing")
    assert not result.ok and "no plugin named 'nothing'" in result.render()
    with pytest.raises(ValueError, match="unknown check"):
        conformance_problems(sk.Registry(), "nothing", skip=["monotonicity"])


@pytest.mark.skipif(
    not any(ep.name == "example" for ep in importlib.metadata.entry_points(group="stationkit")),
    reason="stationkit-example is not installed",
)
@pytest.mark.slow
def test_by_entry_point_name() -> None:
    assert check_plugin("example", settings=QUICK).ok

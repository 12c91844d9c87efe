"""Deliberately wrong toy standards are caught, each by the check it breaks."""

from __future__ import annotations

from collections.abc import Sequence
from types import ModuleType

import pytest
from toy_standards import bad_remedy, malformed, nonmonotone, rank_cap, undeclared

from stationkit import Registry, Station
from stationkit.records import Communications
from stationkit.standard import Subject
from stationkit.testing.conformance import check_plugin, conformance_problems, default_settings
from stationkit.testing.properties import Problem

# Hypothesis draws on the constants of every loaded module, so which tests ran before changes
# the examples: a budget of 60 finds each toy's flaw whatever ran first (30 did not always).
QUICK = default_settings(max_examples=60)


def _problems(module: ModuleType, examples: Sequence[Subject] = ()) -> list[Problem]:
    registry = Registry(strict=True, validate=False)  # the toys break the contract on purpose
    registry.register(module, "toy")
    return list(conformance_problems(registry, "toy", settings=QUICK, examples=examples).problems)


def test_check_plugin_raises_one_error_listing_every_problem() -> None:
    with pytest.raises(AssertionError) as info:
        check_plugin(malformed, name="toy", settings=QUICK)
    text = str(info.value)
    assert text.startswith("plugin 'toy': 4 conformance problem(s) in toy-malformed@2024")
    assert "  4. [citations]" in text


@pytest.mark.slow
def test_a_non_monotone_rule_declared_monotone_is_caught() -> None:
    found = _problems(nonmonotone)
    assert [(p.check, p.requirement) for p in found] == [("monotone", "comms.phone_max")]
    # The subject is shrunk to the one fact that matters.
    assert found[0].subject is not None and '"communications"' in found[0].subject
    assert '"posts"' not in found[0].subject


@pytest.mark.slow
def test_a_remedy_that_does_not_fix_is_caught() -> None:
    # A station short of phones, given explicitly: which stations the search generates
    # depends on the process's earlier history (derandomized or not), not only on the seed.
    short = Station("s1", "station s1", "post", communications=Communications(satellite_phones=0))
    found = _problems(bad_remedy, [short])
    assert {(p.check, p.requirement) for p in found} == {("remedies", "comms.phone")}
    assert "left the finding not_met" in found[0].message


@pytest.mark.slow
def test_a_rank_cap_breach_is_caught() -> None:
    found = _problems(rank_cap)
    assert [p.check for p in found] == ["rank-caps"]
    assert "hold grade 'excellent'" in found[0].message


@pytest.mark.slow
def test_an_undeclared_parameter_read_is_caught_by_reads_and_by_tailoring() -> None:
    found = _problems(undeclared)
    assert {p.check for p in found} == {"parameters-read", "tailoring"}
    assert all(p.requirement == "comms.phone" for p in found)


def test_a_malformed_edition_is_caught_statically() -> None:
    found = _problems(malformed)
    messages = "\n".join(p.message for p in found)
    assert "'outstanding', which is not one of the bands" in messages
    assert "has no quote of the source" in messages
    assert "group 'nowhere'" in messages
    assert "'phones_minimum', which the edition does not have" in messages

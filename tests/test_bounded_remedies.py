"""Parameters have a plausible range, and remedies state large counts instead of listing
one record per missing unit."""

from __future__ import annotations

import pytest
from core_support import AS_OF, make_station

import stationkit as sk
import stationkit.assessment
import stationkit.errors
import stationkit.standard


def _finding(example: sk.standard.Standard, team_min: object, rid: str) -> sk.Finding:
    assessor = sk.assessment.Assessor(
        example, "2024", as_of=AS_OF, parameters={"team_min": team_min}
    )
    report = assessor.assess(make_station(members=30))
    return next(f for f in report.findings if f.requirement == rid)


def test_a_remedy_past_the_cap_states_the_count_without_building_records(
    example: sk.standard.Standard,
) -> None:
    finding = _finding(example, 10_000, "team.size")
    assert finding.remedy is not None
    assert finding.remedy.change == ()
    assert "add 9,970 members" in finding.remedy.text.en


def test_a_remedy_within_the_cap_lists_the_records(example: sk.standard.Standard) -> None:
    finding = _finding(example, 30 + sk.standard.REMEDY_ITEMS_MAX, "team.size")
    assert finding.remedy is not None
    (change,) = finding.remedy.change
    assert len(change.value) == sk.standard.REMEDY_ITEMS_MAX


@pytest.mark.parametrize("value", [10_001, "1e12", "nan", "inf", "-1", "9" * 40])
def test_tailoring_outside_the_plausible_range_is_refused(
    example: sk.standard.Standard, value: object
) -> None:
    with pytest.raises(sk.errors.TailoringError, match="team_min"):
        _finding(example, value, "team.size")


def test_new_items_and_append_new_stop_at_the_cap() -> None:
    cap = sk.standard.REMEDY_ITEMS_MAX
    assert sk.standard.new_items(cap + 1, lambda i: i) is None
    assert sk.standard.new_items(3, lambda i: i) == [0, 1, 2]
    assert sk.standard.append_new("x", cap + 1, lambda i: i) == ()
    assert sk.standard.append_new("x", 0, lambda i: i) == (sk.standard.Change("append", "x", []),)


def test_every_numeric_parameter_of_the_real_plugins_is_within_its_range() -> None:
    registry = sk.Registry()
    registry.load_entry_points(only=["quanzhou", "pingshan", "xuanen"])
    assert registry.failed == ()
    for standard in registry.standards():
        for edition in standard.editions:
            for param in edition.parameters:
                top = param.maximum
                if top is not None:
                    assert isinstance(param.value, int | float) and param.value <= top

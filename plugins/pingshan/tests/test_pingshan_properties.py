"""Property checks: the “more than half” target against its arithmetic, monotone
construction, the bonus formula, and the core's conformance suite."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st
from stationkit_pingshan import plugin
from stationkit_pingshan.plugin import SAMPLES_DIR
from stationkit_pingshan.standard import EDITION_2023, EDITION_2024, STANDARD

import stationkit as sk
import stationkit.records
import stationkit.standard
from stationkit.assessment._subjects import region_subjects
from stationkit.testing.conformance import check_plugin, default_settings

END = date(2024, 12, 31)


def _street(units: int) -> sk.records.Region:
    kids = [
        sk.records.Region(f"C{i}", f"c{i}", sk.records.RegionLevel.VILLAGE, "community")
        for i in range(units)
    ]
    return sk.records.Region("S", "s", sk.records.RegionLevel.TOWNSHIP, "street", tuple(kids))


def _subject(units: int, covered: int, streets: int) -> sk.standard.RegionSubject:
    built = [
        sk.Station(
            f"c{i}",
            "c",
            "community",
            region=f"C{i}",
            completed_on=date(2024, 1, 1),
            verified_on=(date(2024, 3, 31),),
        )
        for i in range(covered)
    ]
    built += [
        sk.Station(
            f"s{i}",
            "s",
            "street",
            region="S",
            completed_on=date(2024, 1, 1),
            verified_on=(date(2024, 3, 31),),
        )
        for i in range(streets)
    ]
    return sk.standard.RegionSubject(_street(units), tuple(built))


@settings(max_examples=60, deadline=None)
@given(
    st.integers(1, 12).flatmap(lambda n: st.tuples(st.just(n), st.integers(0, n))),
    st.integers(0, 5),
)
def test_more_than_half_is_exactly_the_arithmetic(
    units_covered: tuple[int, int], streets: int
) -> None:
    units, covered = units_covered
    f = sk.assess(_subject(units, covered, streets), STANDARD, "2024", as_of=END).finding(
        "street.construction"
    )
    assert (f.status is sk.Status.MET) == (2 * covered > units and streets >= 3)
    assert 0.0 <= f.credit <= 1.0


@settings(max_examples=40, deadline=None)
@given(st.integers(1, 10), st.integers(0, 10), st.integers(0, 5))
def test_construction_credit_never_drops_when_a_station_is_added(
    units: int, covered: int, streets: int
) -> None:
    covered = min(covered, units)
    before = sk.assess(_subject(units, covered, streets), STANDARD, "2024", as_of=END)
    after = sk.assess(
        _subject(units, min(covered + 1, units), streets + 1), STANDARD, "2024", as_of=END
    )
    c0 = before.finding("street.construction").credit
    c1 = after.finding("street.construction").credit
    assert c1 >= c0
    assert after.bonus >= before.bonus


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 30))
def test_bonus_is_min_of_a_tenth_per_station_and_one(n: int) -> None:
    report = sk.assess(_subject(n, n, 0), STANDARD, "2024", as_of=END)
    assert report.bonus == round(min(0.1 * n, 1.0), 6)


def test_conformance() -> None:
    examples: list[sk.standard.Subject] = []
    for name, edition in (
        ("pingshan_2023.yaml", EDITION_2023),
        ("pingshan_2024.yaml", EDITION_2024),
    ):
        ds = sk.load_dataset(SAMPLES_DIR / name)
        examples += region_subjects(ds, edition)
        examples += list(ds.stations[:10])
    check_plugin(plugin, name="pingshan", examples=examples, settings=default_settings(15))

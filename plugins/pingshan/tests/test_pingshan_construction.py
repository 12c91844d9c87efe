"""The construction targets at and across their edges: “1+3+1” (2023) and “两过半+一批”
(2024), partial credit, completion dates, and remedies that add the missing stations."""

from __future__ import annotations

from datetime import date

import attrs
import pytest
from stationkit_pingshan.standard import STANDARD

import stationkit as sk
import stationkit.records
import stationkit.standard

END_2023 = date(2023, 12, 31)
END_2024 = date(2024, 12, 31)


def street(communities: int, parks: int) -> sk.records.Region:
    kids = [
        sk.records.Region(f"S-C{i}", f"社区{i}", sk.records.RegionLevel.VILLAGE, "community")
        for i in range(communities)
    ]
    kids += [
        sk.records.Region(f"S-P{i}", f"园区{i}", sk.records.RegionLevel.VILLAGE, "industrial_park")
        for i in range(parks)
    ]
    return sk.records.Region("S", "某街道", sk.records.RegionLevel.TOWNSHIP, "street", tuple(kids))


def stations(
    communities: int, parks: int, streets: int, *, centre: bool = True, on: date = date(2023, 6, 1)
) -> tuple[sk.Station, ...]:
    out = [
        sk.Station(f"c{i}", f"c{i}", "community", region=f"S-C{i}", completed_on=on)
        for i in range(communities)
    ]
    out += [
        sk.Station(f"p{i}", f"p{i}", "industrial_park", region=f"S-P{i}", completed_on=on)
        for i in range(parks)
    ]
    out += [
        sk.Station(
            f"s{i}",
            f"s{i}",
            "street",
            region="S",
            completed_on=on,
            sub_kind="street_centre" if centre and i == 0 else "mall",
        )
        for i in range(streets)
    ]
    return tuple(out)


def construction(
    edition: str,
    region: sk.records.Region,
    subject_stations: tuple[sk.Station, ...],
    as_of: date,
    **params: object,
) -> sk.Finding:
    subject = sk.standard.RegionSubject(region, subject_stations)
    report = sk.assess(subject, STANDARD, edition, as_of=as_of, parameters=params)
    return report.finding("street.construction")


# -- 2023: 1+3+1 -------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("c", "p", "s", "ok"),
    [
        (1, 3, 1, True),
        (2, 4, 2, True),  # at and above the target
        (0, 3, 1, False),  # no community station
        (1, 2, 1, False),  # 2 industrial-park stations are short of 3
        (1, 3, 0, False),  # no street station (so no centre either)
    ],
)
def test_one_three_one(c: int, p: int, s: int, ok: bool) -> None:
    f = construction("2023", street(3, 5), stations(c, p, s), END_2023)
    assert (f.status is sk.Status.MET) == ok
    assert f.observed["industrial_park"] == {"built": p, "target": 3}


def test_one_of_them_is_the_centre_station() -> None:
    f = construction("2023", street(3, 5), stations(1, 3, 1, centre=False), END_2023)
    assert f.status is sk.Status.NOT_MET
    assert f.observed["street_centre"] == {"built": 0, "target": 1}
    assert "街道中心站" in f.remedy.text.zh if f.remedy else False


def test_two_park_stations_earn_partial_credit_and_name_what_is_missing() -> None:
    f = construction("2023", street(3, 5), stations(1, 2, 1), END_2023)
    assert f.credit == pytest.approx((1 + 2 / 3 + 1 + 1) / 4)
    assert f.remedy is not None and "industrial-park stations: 1 short" in f.remedy.text.en
    off = construction(
        "2023", street(3, 5), stations(1, 2, 1), END_2023, construction_partial_credit=False
    )
    assert off.credit == 0.0


def test_stations_completed_after_the_deadline_or_as_of_do_not_count() -> None:
    late = stations(1, 3, 1, on=date(2024, 1, 5))
    assert construction("2023", street(3, 5), late, date(2024, 3, 1)).status is sk.Status.NOT_MET
    early = stations(1, 3, 1, on=date(2023, 11, 1))
    assert construction("2023", street(3, 5), early, date(2023, 10, 1)).status is sk.Status.NOT_MET


def test_an_unrecorded_completion_date_is_missing_evidence() -> None:
    known = stations(1, 2, 1)
    unknown = sk.Station("p9", "p9", "industrial_park", region="S-P4")
    f = construction("2023", street(3, 5), (*known, unknown), END_2023)
    assert f.status is sk.Status.MISSING_EVIDENCE
    assert "stations[id=p9].completed_on" in f.observed["not_recorded"]


# -- 2024: two over half plus a batch ----------------------------------------------------
@pytest.mark.parametrize(
    ("units", "covered", "ok"),
    [
        (4, 2, False),  # exactly half is not more than half
        (4, 3, True),
        (5, 2, False),
        (5, 3, True),
        (3, 1, False),
        (3, 2, True),
        (1, 1, True),
        (2, 1, False),
        (2, 2, True),
    ],
)
def test_coverage_is_strictly_more_than_half(units: int, covered: int, ok: bool) -> None:
    region = street(units, units)
    f = construction("2024", region, stations(covered, covered, 3), END_2024)
    assert (f.status is sk.Status.MET) == ok
    assert f.observed["community_coverage"]["built"] == covered
    assert f.observed["industrial_park_coverage"]["of"] == units


@pytest.mark.parametrize(("street_stations", "ok"), [(2, False), (3, True), (4, True)])
def test_a_batch_is_at_least_three_street_stations(street_stations: int, ok: bool) -> None:
    f = construction("2024", street(4, 4), stations(3, 3, street_stations), END_2024)
    assert (f.status is sk.Status.MET) == ok


def test_two_stations_in_one_community_cover_it_once() -> None:
    twice = (
        *stations(2, 3, 3),
        sk.Station("c-extra", "x", "community", region="S-C0", completed_on=date(2024, 1, 1)),
    )
    f = construction("2024", street(4, 4), twice, END_2024)
    assert f.observed["community_coverage"]["built"] == 2
    assert f.status is sk.Status.NOT_MET


def test_a_street_without_parks_has_no_park_coverage_target() -> None:
    f = construction("2024", street(4, 0), stations(3, 0, 3), END_2024)
    assert f.status is sk.Status.MET
    assert "industrial_park_coverage" not in f.observed


@pytest.mark.parametrize(
    ("edition", "as_of", "subject"),
    [
        ("2023", END_2023, stations(0, 1, 0)),
        ("2023", END_2023, stations(1, 3, 1, centre=False)),
        ("2024", END_2024, stations(1, 1, 1)),
        ("2024", END_2024, stations(0, 0, 0)),
    ],
)
def test_the_remedy_adds_the_missing_stations(
    edition: str, as_of: date, subject: tuple[sk.Station, ...]
) -> None:
    region = street(5, 4)
    f = construction(edition, region, subject, as_of)
    assert f.status is sk.Status.NOT_MET and f.remedy is not None
    fixed = sk.standard.apply_remedy(sk.standard.RegionSubject(region, subject), f.remedy)
    again = sk.assess(fixed, STANDARD, edition, as_of=as_of).finding("street.construction")
    assert again.status is sk.Status.MET


def test_centre_station_info_wants_exactly_one() -> None:
    region = street(3, 3)
    two = (
        *stations(1, 3, 1),
        sk.Station(
            "s-x",
            "x",
            "street",
            sub_kind="street_centre",
            region="S",
            completed_on=date(2023, 1, 1),
        ),
    )
    for subject, ok in (
        (stations(1, 3, 1), True),
        (two, False),
        (stations(1, 3, 1, centre=False), False),
    ):
        report = sk.assess(
            sk.standard.RegionSubject(region, subject), STANDARD, "2023", as_of=END_2023
        )
        f = report.finding("street.centre_station")
        assert (f.status is sk.Status.MET) == ok
        if not ok:
            assert f.remedy is not None
            fixed = sk.standard.apply_remedy(sk.standard.RegionSubject(region, subject), f.remedy)
            again = sk.assess(fixed, STANDARD, "2023", as_of=END_2023)
            assert again.finding("street.centre_station").status is sk.Status.MET


def test_the_centre_station_may_be_of_any_type() -> None:
    """PS 四(一) "建成三种类型示范应急管理服务站，其中一个为街道中心站": the centre is one of the
    1+3+1, whatever its type."""
    built = list(stations(1, 3, 1, centre=False))
    built[0] = attrs.evolve(built[0], sub_kind="street_centre")  # the community station
    f = construction("2023", street(3, 5), tuple(built), END_2023)
    assert f.observed["street_centre"] == {"built": 1, "target": 1}
    assert f.status is sk.Status.MET


def test_a_shortfall_says_whether_it_is_due_yet() -> None:
    """PS 四(一) "2023年底每个街道按照“1+3+1”框架建成": the year's assessment (held 11月1日至
    12月31日) scores what is built, and says whether the shortfall is not yet due or overdue."""
    short = stations(1, 2, 1)
    before = construction("2023", street(3, 5), short, date(2023, 11, 15))
    assert before.observed["status"] == "not_yet_due" and before.observed["due"] == "2023-12-31"
    after = construction("2023", street(3, 5), short, date(2024, 1, 15))
    assert after.observed["status"] == "overdue"
    done = construction("2023", street(3, 5), stations(1, 3, 1), END_2023)
    assert done.observed["status"] == "done_on_time"

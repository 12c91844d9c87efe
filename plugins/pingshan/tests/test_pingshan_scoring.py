"""The street's yearly score: 40 construction + 60 over five modules, the bonus and its
cap, and the breakdown that shows where the points went."""

from __future__ import annotations

from datetime import date

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from stationkit_pingshan.standard import STANDARD

import stationkit as sk
import stationkit.records
import stationkit.standard

END_2024 = date(2024, 12, 31)


def _street_subject(
    baseline: sk.Station, completed: list[date], extra_communities: int = 0
) -> sk.standard.RegionSubject:
    """A street of 4 communities and 4 parks whose stations are all copies of the baseline."""
    kids = [
        sk.records.Region(
            f"S-C{i}", f"社区{i}", sk.records.RegionLevel.VILLAGE, "community", mountainous=False
        )
        for i in range(4 + extra_communities)
    ]
    kids += [
        sk.records.Region(
            f"S-P{i}",
            f"园区{i}",
            sk.records.RegionLevel.VILLAGE,
            "industrial_park",
            mountainous=False,
        )
        for i in range(4)
    ]
    region = sk.records.Region(
        "S", "某街道", sk.records.RegionLevel.TOWNSHIP, "street", tuple(kids), mountainous=False
    )
    plan = [
        ("community", "S-C0"),
        ("community", "S-C1"),
        ("community", "S-C2"),
        ("industrial_park", "S-P0"),
        ("industrial_park", "S-P1"),
        ("industrial_park", "S-P2"),
        ("street", "S"),
        ("street", "S"),
        ("street", "S"),
    ]
    out = []
    for i, day in enumerate(completed):
        kind, code = plan[i % len(plan)]
        out.append(
            attrs.evolve(
                baseline,
                id=f"st{i}",
                kind=kind,
                region=code,
                completed_on=day,
                verified_on=(day,),  # PS 四(三): only verified stations earn the bonus
                sub_kind="street_centre" if i == 6 else None,
            )
        )
    return sk.standard.RegionSubject(region, tuple(out), 2024)


def _dataset(subject: sk.standard.RegionSubject) -> sk.Dataset:
    return sk.Dataset(region=subject.region, stations=subject.stations, year=2024)


def _assess(subject: sk.standard.RegionSubject, **params: object) -> sk.Report:
    return sk.assess(
        subject, STANDARD, "2024", as_of=END_2024, parameters=params, dataset=_dataset(subject)
    )


def test_full_street_scores_100_plus_bonus(baseline: sk.Station) -> None:
    days = [date(2023, 6, 1)] * 6 + [date(2024, 3, 1)] * 3
    report = _assess(_street_subject(baseline, days))
    assert report.base_score == 100.0
    assert report.bonus == pytest.approx(0.3)
    assert report.score == pytest.approx(100.3)
    groups = {g.group: g for g in report.breakdown}
    assert groups["construction"].points == 40.0
    for module in ("command", "prevention", "publicity", "rescue", "archives"):
        assert groups[module].points == 12.0


@pytest.mark.parametrize(
    ("new", "bonus"), [(0, 0.0), (1, 0.1), (9, 0.9), (10, 1.0), (11, 1.0), (15, 1.0)]
)
def test_bonus_is_a_tenth_per_station_capped_at_one(
    baseline: sk.Station, new: int, bonus: float
) -> None:
    days = [date(2023, 6, 1)] * 9 + [date(2024, 5, 1)] * new
    report = _assess(_street_subject(baseline, days))
    assert report.bonus == pytest.approx(bonus)
    finding = report.finding("street.bonus")
    assert finding.observed["completed_in_year"] == new
    assert (finding.points or 0.0) == pytest.approx(0.1 * new)  # uncapped in the finding
    assert report.score == pytest.approx(report.base_score + bonus)


def test_bonus_counts_only_the_assessment_year_up_to_as_of(baseline: sk.Station) -> None:
    days = [date(2023, 12, 31), date(2024, 1, 1), date(2024, 12, 31), date(2025, 1, 1)]
    subject = _street_subject(baseline, days)
    report = sk.assess(
        subject, STANDARD, "2024", as_of=date(2024, 12, 31), dataset=_dataset(subject)
    )
    assert report.finding("street.bonus").observed["completed_in_year"] == 2


def test_breakdown_shows_a_gap_in_one_module(baseline: sk.Station) -> None:
    days = [date(2023, 6, 1)] * 9
    subject = _street_subject(baseline, days)
    weak = attrs.evolve(subject.stations[0], rules=("应急值守",))
    subject = attrs.evolve(subject, stations=(weak, *subject.stations[1:]))
    report = _assess(subject)
    groups = {g.group: g for g in report.breakdown}
    # one of nine stations meets 1 of its 2 archive checks: 12 × (8 + 0.5) / 9
    assert groups["archives"].points == pytest.approx(12 * 8.5 / 9, abs=1e-4)
    finding = report.finding("street.operations.archives")
    assert finding.status is sk.Status.NOT_MET
    assert {"station": "st0", "check": "archives.rules", "status": "not_met"} in finding.observed[
        "open"
    ]
    off = {g.group: g for g in _assess(subject, operations_partial_credit=False).breakdown}
    assert off["archives"].points == pytest.approx(12 * 8 / 9, abs=1e-4)
    assert finding.remedy is not None
    fixed = sk.standard.apply_remedy(subject, finding.remedy)
    assert _assess(fixed).finding("street.operations.archives").status is sk.Status.MET


def test_module_split_is_tailorable(baseline: sk.Station) -> None:
    days = [date(2023, 6, 1)] * 9
    report = _assess(_street_subject(baseline, days), share_command=20.0, share_archives=4.0)
    groups = {g.group: g for g in report.breakdown}
    assert groups["command"].max_points == 20.0
    assert groups["archives"].max_points == 4.0
    assert set(report.overridden) == {"share_command", "share_archives"}


def test_no_stations_earn_no_operations_points() -> None:
    region = sk.records.Region(
        "S",
        "空街道",
        sk.records.RegionLevel.TOWNSHIP,
        "street",
        (sk.records.Region("S-C0", "社区", sk.records.RegionLevel.VILLAGE, "community"),),
    )
    report = sk.assess(sk.standard.RegionSubject(region, ()), STANDARD, "2024", as_of=END_2024)
    assert report.base_score == 0.0
    assert report.score == 0.0


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.sampled_from([date(2023, 6, 1), date(2024, 2, 1), date(2024, 11, 30)]),
        min_size=1,
        max_size=20,
    ),
    st.sampled_from([None, ("应急值守",), ()]),
)
def test_breakdown_sums_to_the_total(
    baseline: sk.Station, days: list[date], rules: tuple[str, ...] | None
) -> None:
    subject = _street_subject(baseline, days)
    subject = attrs.evolve(
        subject, stations=(attrs.evolve(subject.stations[0], rules=rules), *subject.stations[1:])
    )
    report = _assess(subject)
    parts = sum(g.points or 0.0 for g in report.breakdown)
    assert parts == pytest.approx(report.base_score, abs=1e-5)
    assert report.score == pytest.approx(report.base_score + report.bonus, abs=1e-5)
    assert 0.0 <= report.bonus <= 1.0
    assert 0.0 <= report.score <= 101.0


def test_unverified_stations_earn_no_bonus(baseline: sk.Station) -> None:
    """PS 四(三) "每季度组织核实通过，以年终统计通过数量确定加分值": a station completed in the
    year earns the bonus only once a quarterly verification passed it in that year."""
    days = [date(2023, 6, 1)] * 9 + [date(2024, 5, 1)] * 3
    subject = _street_subject(baseline, days)
    stations = list(subject.stations)
    stations[9] = attrs.evolve(stations[9], verified_on=None)  # not verified
    stations[10] = attrs.evolve(stations[10], verified_on=(date(2025, 1, 5),))  # after the year
    report = _assess(attrs.evolve(subject, stations=tuple(stations)))
    finding = report.finding("street.bonus")
    assert finding.observed["unverified"] == ["st9", "st10"]
    assert report.bonus == pytest.approx(0.1)


def test_the_districts_module_scores_are_used_and_said(baseline: sk.Station) -> None:
    """PS 四(二) "运营管理考核。包括五大模块": the district scores the modules; a given score is
    used instead of the plugin's derived one, and the finding says which was used."""
    days = [date(2023, 6, 1)] * 9
    subject = _street_subject(baseline, days)
    derived = _assess(subject).finding("street.operations.command")
    assert derived.observed["source"] == "derived" and derived.credit == 1.0
    given = sk.records.GivenScore(
        subject.id, "street.operations.command", 9.0, 12.0, "区应急管理局"
    )
    data = attrs.evolve(_dataset(subject), given_scores=(given,))
    report = sk.assess(subject, STANDARD, "2024", as_of=END_2024, dataset=data)
    finding = report.finding("street.operations.command")
    assert finding.observed["source"] == "given" and finding.credit == 0.75
    assert finding.observed["derived_credit"] == 1.0
    assert finding.note is not None and "区应急管理局" in finding.note.zh
    bad = attrs.evolve(given, points=13.0)
    with pytest.raises(sk.InputError, match="max_points"):
        sk.assess(
            subject,
            STANDARD,
            "2024",
            as_of=END_2024,
            dataset=attrs.evolve(data, given_scores=(bad,)),
        )

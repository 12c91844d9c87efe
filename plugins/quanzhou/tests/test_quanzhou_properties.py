"""Hypothesis properties at and across every numeric threshold: met exactly when the source
figure is reached, for the source value and for tailored values; remedies always fix."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import attrs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import stationkit as sk
import stationkit.records
import stationkit.standard

SETTINGS = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _with_team(
    station: sk.Station, kind: str, members: tuple[sk.records.Member, ...]
) -> sk.Station:
    teams = tuple(
        attrs.evolve(t, members=members) if t.kind == kind else t for t in station.teams or ()
    )
    return attrs.evolve(station, teams=teams)


def _check(
    qz: Any, station: sk.Station, rid: str, ok: bool, params: dict[str, object] | None = None
) -> None:
    found = qz.finding(station, "2025", rid, params)
    assert found.status is (sk.Status.MET if ok else sk.Status.NOT_MET), found
    if not ok:
        assert found.remedy is not None
        fixed = sk.standard.apply_remedy(station, found.remedy)
        assert qz.finding(fixed, "2025", rid, params).status is sk.Status.MET


@SETTINGS
@given(n=st.integers(0, 45), need=st.sampled_from([30, 25, 40]))
def test_rescue_team_size(qz: Any, n: int, need: int) -> None:
    base = qz.station("2025")
    rescue = base.team("rescue")
    pool = list(rescue.members) * 2
    station = _with_team(
        base, "rescue", tuple(attrs.evolve(m, name=f"m{i}") for i, m in enumerate(pool[:n]))
    )
    if n == 0:
        return  # an empty team: the size check still applies; the age check has no mean
    _check(qz, station, "rescue.size", n >= need, {"rescue_team_min": need})


@SETTINGS
@given(ages=st.lists(st.integers(18, 60), min_size=1, max_size=40))
def test_average_age(qz: Any, ages: list[int]) -> None:
    base = qz.station("2025")
    members = tuple(
        sk.records.Member(
            name=f"m{i}", age=sk.records.Count(a), insured=True, protective_equipment=True
        )
        for i, a in enumerate(ages)
    )
    station = _with_team(base, "rescue", members)
    _check(qz, station, "rescue.average_age", sum(ages) / len(ages) <= 40)


@SETTINGS
@given(inches=st.sampled_from([99.0, 99.9, 100.0, 100.1, 120.0]) | st.floats(50, 150))
def test_screen(qz: Any, inches: float) -> None:
    base = qz.station("2025")
    assert base.communications is not None
    station = attrs.evolve(
        base, communications=attrs.evolve(base.communications, screen_inches=inches)
    )
    _check(qz, station, "command.screen", inches >= 100)


@SETTINGS
@given(total=st.integers(0, 10), full=st.integers(0, 10), excluded=st.integers(0, 3))
def test_posts(qz: Any, total: int, full: int, excluded: int) -> None:
    full = min(full, total)
    posts = tuple(
        sk.records.Post(duty=f"岗位{i}", person=f"p{i}", full_time=i < full) for i in range(total)
    )
    posts += tuple(
        sk.records.Post(duty="执法", person=f"e{i}", full_time=True, category="enforcement")
        for i in range(excluded)
    )
    station = attrs.evolve(qz.station("2025"), posts=posts)
    _check(qz, station, "org.posts", total >= 6)
    _check(qz, station, "org.posts_full_time", full >= 2)


@SETTINGS
@given(
    seconds=st.integers(0, 30 * 60),
    stage=st.sampled_from(
        [
            ("plans.response.assembled", "assembled_at", 5),
            ("plans.response.departed", "departed_at", 10),
            ("plans.response.arrived", "arrived_at", 15),
            ("plans.response.rescue_started", "rescue_started_at", 20),
        ]
    ),
)
def test_response_stages(qz: Any, seconds: int, stage: tuple[str, str, int]) -> None:
    rid, field, limit = stage
    base = qz.station("2025")
    drills = list(base.drills)
    alarm = drills[0].alarm_at
    drills[0] = attrs.evolve(drills[0], **{field: alarm + timedelta(seconds=seconds)})
    station = attrs.evolve(base, drills=tuple(drills))
    _check(qz, station, rid, seconds <= limit * 60)


@SETTINGS
@given(good=st.integers(0, 4), unreported=st.integers(0, 2))
def test_trainings(qz: Any, good: int, unreported: int) -> None:
    base = qz.station("2025")
    template = base.trainings[0]
    trainings = tuple(attrs.evolve(template, topic=f"t{i}") for i in range(good))
    trainings += tuple(
        attrs.evolve(template, topic=f"u{i}", reported=False) for i in range(unreported)
    )
    station = attrs.evolve(base, trainings=trainings)
    _check(qz, station, "rescue.trainings", good >= 2)


@SETTINGS
@given(formal=st.integers(0, 4), tailored=st.sampled_from([1, 2, 3]))
def test_formal_officers(qz: Any, formal: int, tailored: int) -> None:
    members = []
    for i in range(formal):
        members += [
            sk.records.Member(name=f"f{i}", formal=True, partner=f"a{i}"),
            sk.records.Member(name=f"a{i}", formal=False),
        ]
    station = _with_team(qz.station("2025"), "enforcement", tuple(members))
    _check(
        qz,
        station,
        "enforcement.formal_officers",
        formal >= tailored,
        {"enforcement_formal_min": tailored},
    )
    if formal:
        _check(qz, station, "enforcement.pairs", True)


@SETTINGS
@given(drilled=st.sets(st.integers(0, 2)))
def test_every_village_drills(qz: Any, drilled: set[int]) -> None:
    base = qz.station("2025")
    town = [d for d in base.drills if d.village is None]
    villages = [d for d in base.drills if d.village is not None]
    station = attrs.evolve(base, drills=tuple(town + [villages[i] for i in sorted(drilled)]))
    _check(qz, station, "plans.village_drills", len(drilled) == 3)

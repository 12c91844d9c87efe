"""Response times: segments against limits, per record and percentiles over a set."""

from __future__ import annotations

from datetime import datetime, timedelta

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stationkit.lifecycle import (
    SEGMENTS,
    percentile,
    response_summary,
    response_verdict,
)

ALARM = datetime(2024, 5, 12, 9, 0)
QUANZHOU = {
    "assembled": timedelta(minutes=5),
    "departed": timedelta(minutes=10),
    "arrived": timedelta(minutes=15),
    "rescue_started": timedelta(minutes=20),
}


@attrs.frozen
class Drill:
    id: str | None
    alarm_at: datetime | None
    assembled_at: datetime | None
    departed_at: datetime | None
    arrived_at: datetime | None
    rescue_started_at: datetime | None


def drill(id_: str, *minutes: float | None) -> Drill:
    times = [None if m is None else ALARM + timedelta(minutes=m) for m in minutes]
    return Drill(id_, ALARM, *times)


def test_cumulative_limits() -> None:
    verdict = response_verdict(drill("d1", 4, 9, 16, 18), QUANZHOU)
    assert verdict.included and verdict.met is False
    assert [c.span for c in verdict.failed] == ["alarm->arrived"]
    assert verdict.segments["departed->arrived"] == timedelta(minutes=7)


def test_segment_limits_and_arrival_only() -> None:
    limits = {"departed->arrived": timedelta(minutes=6)}
    assert response_verdict(drill("d1", 4, 9, 16, 18), limits).met is False
    shenzhen = {"arrived": timedelta(minutes=5)}
    assert response_verdict(drill("d2", None, None, 5, None), shenzhen).met is True


def test_missing_and_inconsistent_times_are_excluded_with_reason() -> None:
    missing = response_verdict(drill("d1", 4, None, 12, 15), QUANZHOU)
    assert not missing.included and "departed_at" in (missing.excluded_reason or "")
    backwards = response_verdict(drill("d2", 6, 5, 12, 15), QUANZHOU)
    assert not backwards.included and "before" in (backwards.excluded_reason or "")
    assert backwards.met is None


def test_bad_limit_keys() -> None:
    with pytest.raises(ValueError, match="unknown milestone"):
        response_verdict(drill("d1", 1, 2, 3, 4), {"teleported": timedelta(1)})
    with pytest.raises(ValueError, match="must come before"):
        response_verdict(drill("d1", 1, 2, 3, 4), {"arrived->departed": timedelta(1)})


def test_summary_percentiles_per_segment() -> None:
    records = [drill(f"d{i}", 3 + i, 8 + i, 13 + i, 15 + i) for i in range(10)]
    records.append(drill("bad", 3, 2, 13, 15))
    records.append(Drill(None, None, None, None, None, None))
    summary = response_summary(records, QUANZHOU, percentiles=(50, 90))
    assert summary.total == 12 and summary.included == 10
    assert [e.label for e in summary.excluded] == ["bad", "#11"]
    assembled = summary.segments[0]
    assert assembled.span == "alarm->assembled" and assembled.count == 10
    assert assembled.percentiles[50.0] == timedelta(minutes=7)
    assert assembled.percentiles[90.0] == timedelta(minutes=11)
    assert assembled.within_limit == 3  # 3, 4, 5 minutes
    arrived = next(s for s in summary.limits if s.span == "alarm->arrived")
    assert arrived.within_limit == 3
    assert summary.all_met == 3


@settings(max_examples=50)
@given(st.lists(st.integers(0, 10_000), min_size=1, max_size=40), st.floats(0.1, 100))
def test_percentile_is_an_observed_value_and_monotone(values: list[int], p: float) -> None:
    deltas = [timedelta(seconds=v) for v in values]
    result = percentile(deltas, p)
    assert result in deltas
    assert percentile(deltas, 100) == max(deltas)
    assert result <= percentile(deltas, min(100.0, p + 10))


@settings(max_examples=50)
@given(st.lists(st.integers(0, 600), min_size=4, max_size=4))
def test_segments_are_never_summed(gaps: list[int]) -> None:
    record = drill("d", *[sum(gaps[: i + 1]) / 60 for i in range(4)])
    summary = response_summary([record], QUANZHOU, percentiles=(50,))
    assert len(summary.segments) == len(SEGMENTS)
    for stats, gap in zip(summary.segments, gaps, strict=True):
        assert stats.percentiles[50.0] == timedelta(seconds=gap)

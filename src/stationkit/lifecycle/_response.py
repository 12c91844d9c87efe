"""Response times of drills and incidents: segments against limits, per record and per set."""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import datetime, timedelta
from typing import Protocol

import attrs

MILESTONES: tuple[str, ...] = ("alarm", "assembled", "departed", "arrived", "rescue_started")
"""The response milestones, in the order they must happen (attributes ``<name>_at``)."""

SEGMENTS: tuple[str, ...] = tuple(
    f"{start}->{end}" for start, end in itertools.pairwise(MILESTONES)
)
"""The consecutive segments: alarm->assembled, assembled->departed, departed->arrived, ..."""


class TimedRecord(Protocol):
    """Anything with the five response times: the core's Drill record, an incident, ..."""

    @property
    def id(self) -> str | None: ...
    @property
    def alarm_at(self) -> datetime | None: ...
    @property
    def assembled_at(self) -> datetime | None: ...
    @property
    def departed_at(self) -> datetime | None: ...
    @property
    def arrived_at(self) -> datetime | None: ...
    @property
    def rescue_started_at(self) -> datetime | None: ...


@attrs.frozen
class Span:
    """From one milestone to a later one. Written "arrived" (= "alarm->arrived", cumulative
    from the alarm) or "departed->arrived" (a segment)."""

    start: str
    end: str

    @property
    def key(self) -> str:
        return f"{self.start}->{self.end}"

    @classmethod
    def parse(cls, key: str) -> Span:
        start, _, end = key.partition("->") if "->" in key else ("alarm", "", key)
        start, end = start.strip(), end.strip()
        for name in (start, end):
            if name not in MILESTONES:
                raise ValueError(
                    f"response-time limit {key!r} names unknown milestone {name!r}; "
                    f"milestones: {', '.join(MILESTONES)}"
                )
        if MILESTONES.index(start) >= MILESTONES.index(end):
            raise ValueError(f"response-time limit {key!r}: {start!r} must come before {end!r}")
        return cls(start, end)


@attrs.frozen
class SpanCheck:
    span: str
    limit: timedelta
    observed: timedelta
    met: bool


@attrs.frozen
class ResponseVerdict:
    """One record's response: each limit checked, or why the record was excluded."""

    label: str
    included: bool
    excluded_reason: str | None
    checks: tuple[SpanCheck, ...]
    segments: Mapping[str, timedelta] = attrs.field(hash=False)

    @property
    def met(self) -> bool | None:
        """All limits met (None when excluded)."""
        return all(check.met for check in self.checks) if self.included else None

    @property
    def failed(self) -> tuple[SpanCheck, ...]:
        return tuple(check for check in self.checks if not check.met)


@attrs.frozen
class Exclusion:
    label: str
    reason: str


@attrs.frozen
class SpanStats:
    """Percentiles of one span over the included records (nearest-rank: always an observed
    value). ``within_limit`` counts records meeting the span's limit, when it has one."""

    span: str
    count: int
    percentiles: Mapping[float, timedelta] = attrs.field(hash=False)
    limit: timedelta | None
    within_limit: int | None


@attrs.frozen
class ResponseSummary:
    total: int
    included: int
    excluded: tuple[Exclusion, ...]
    segments: tuple[SpanStats, ...]
    limits: tuple[SpanStats, ...]
    verdicts: tuple[ResponseVerdict, ...]

    @property
    def all_met(self) -> int:
        return sum(1 for verdict in self.verdicts if verdict.met)


def _times(record: TimedRecord) -> dict[str, datetime | None]:
    return {name: getattr(record, f"{name}_at") for name in MILESTONES}


def parse_limits(limits: Mapping[str, timedelta]) -> dict[Span, timedelta]:
    parsed: dict[Span, timedelta] = {}
    for key, limit in limits.items():
        if limit < timedelta(0):
            raise ValueError(f"response-time limit {key!r} is negative: {limit}")
        parsed[Span.parse(key)] = limit
    return parsed


def _default_label(record: TimedRecord, index: int) -> str:
    record_id = getattr(record, "id", None)
    return record_id if isinstance(record_id, str) and record_id else f"#{index}"


def _inconsistency(times: Mapping[str, datetime | None]) -> str | None:
    previous: tuple[str, datetime] | None = None
    for name in MILESTONES:
        moment = times[name]
        if moment is None:
            continue
        if previous is not None:
            try:
                backwards = moment < previous[1]
            except TypeError:
                return f"{name}_at and {previous[0]}_at mix time-zone-aware and naive times"
            if backwards:
                return (
                    f"inconsistent times: {name}_at {moment.isoformat()} is before "
                    f"{previous[0]}_at {previous[1].isoformat()}"
                )
        previous = (name, moment)
    return None


def response_verdict(
    record: TimedRecord,
    limits: Mapping[str, timedelta],
    *,
    label: str | None = None,
    required: Iterable[str] | None = None,
) -> ResponseVerdict:
    """Check one record against ``limits`` (keys like "arrived" or "departed->arrived").

    The record is excluded when a time needed by a limit (or listed in ``required``; the
    alarm always is) is missing, or when its times are not in order.
    """
    parsed = parse_limits(limits)
    name = label if label is not None else _default_label(record, 0)
    return _verdict(record, parsed, name, _required(parsed, required))


def _required(parsed: Mapping[Span, timedelta], required: Iterable[str] | None) -> tuple[str, ...]:
    needed = {"alarm"} | {span.start for span in parsed} | {span.end for span in parsed}
    if required is not None:
        for item in required:
            if item not in MILESTONES:
                raise ValueError(f"unknown milestone {item!r}; milestones: {MILESTONES}")
            needed.add(item)
    return tuple(item for item in MILESTONES if item in needed)


def _verdict(
    record: TimedRecord, parsed: Mapping[Span, timedelta], label: str, required: Sequence[str]
) -> ResponseVerdict:
    times = _times(record)
    missing = [f"{item}_at" for item in required if times[item] is None]
    if missing:
        return ResponseVerdict(label, False, f"missing times: {', '.join(missing)}", (), {})
    inconsistent = _inconsistency(times)
    if inconsistent:
        return ResponseVerdict(label, False, inconsistent, (), {})
    checks = []
    for span, limit in parsed.items():
        start, end = times[span.start], times[span.end]
        assert start is not None and end is not None
        observed = end - start
        checks.append(SpanCheck(span.key, limit, observed, observed <= limit))
    segments: dict[str, timedelta] = {}
    for key in SEGMENTS:
        start_name, _, end_name = key.partition("->")
        start, end = times[start_name], times[end_name]
        if start is not None and end is not None:
            segments[key] = end - start
    return ResponseVerdict(label, True, None, tuple(checks), segments)


def percentile(values: Sequence[timedelta], p: float) -> timedelta:
    """Nearest-rank percentile of ``values`` (0 < p <= 100)."""
    if not values:
        raise ValueError("no values")
    if not 0 < p <= 100:
        raise ValueError(f"percentile must be in (0, 100], got {p}")
    ordered = sorted(values)
    rank = max(1, math.ceil(p / 100 * len(ordered)))
    return ordered[rank - 1]


def response_summary(
    records: Iterable[TimedRecord],
    limits: Mapping[str, timedelta],
    *,
    percentiles: Sequence[float] = (50, 90, 95),
    label: Callable[[TimedRecord, int], str] | None = None,
    required: Iterable[str] | None = None,
) -> ResponseSummary:
    """Verdicts for a set of records, and percentiles per span — never summed across spans.

    Segment percentiles use the included records that have both ends of that segment; limit
    spans use the included records (which all have their limits' times).
    """
    parsed = parse_limits(limits)
    needed = _required(parsed, required)
    name_of = label if label is not None else _default_label
    verdicts = tuple(
        _verdict(record, parsed, name_of(record, index), needed)
        for index, record in enumerate(records)
    )
    included = [verdict for verdict in verdicts if verdict.included]
    segment_stats = []
    for key in SEGMENTS:
        values = [v.segments[key] for v in included if key in v.segments]
        limit = parsed.get(Span.parse(key))
        within = None if limit is None else sum(1 for value in values if value <= limit)
        segment_stats.append(_stats(key, values, percentiles, limit, within))
    limit_stats = []
    for span, limit in parsed.items():
        values = [check.observed for v in included for check in v.checks if check.span == span.key]
        limit_stats.append(
            _stats(
                span.key, values, percentiles, limit, sum(1 for value in values if value <= limit)
            )
        )
    return ResponseSummary(
        total=len(verdicts),
        included=len(included),
        excluded=tuple(
            Exclusion(v.label, v.excluded_reason or "") for v in verdicts if not v.included
        ),
        segments=tuple(segment_stats),
        limits=tuple(limit_stats),
        verdicts=verdicts,
    )


def _stats(
    key: str,
    values: Sequence[timedelta],
    percentiles: Sequence[float],
    limit: timedelta | None,
    within: int | None,
) -> SpanStats:
    points = {float(p): percentile(values, p) for p in percentiles} if values else {}
    return SpanStats(key, len(values), points, limit, within)

"""The schedule of pending deadlines, shared by both engines: Python remembers, the rules
decide. Ordered by due time, then by key; one pending watch per key."""

from __future__ import annotations

import heapq
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta

import attrs

from stationkit.monitor._rules import Constant

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MICRO = timedelta(microseconds=1)


def instant(moment: datetime) -> int:
    """A datetime as integer microseconds since the epoch (naive = UTC): a total order."""
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    return (aware - _EPOCH) // _MICRO


@attrs.frozen
class Watch:
    """A pending deadline: at ``due`` the observation ``expired`` is decided, unless the
    watch is cancelled or moved first. ``deadline`` is what the alert reports as due."""

    key: str
    due: datetime
    deadline: str
    expired: Mapping[str, Constant] = attrs.field(hash=False)
    periodic: str | None = None
    """For a periodic watch (a quarter's end), the record it is about; its observation is
    made when it falls due, and the next one is armed then."""


class Schedule:
    """Pending watches in a heap; a cancelled or replaced watch's entry goes stale."""

    def __init__(self) -> None:
        self._pending: dict[str, Watch] = {}
        self._heap: list[tuple[int, str, int, Watch]] = []
        self._seq = 0

    def __len__(self) -> int:
        return len(self._pending)

    def arm(self, watch: Watch) -> None:
        self._pending[watch.key] = watch
        self._seq += 1
        heapq.heappush(self._heap, (instant(watch.due), watch.key, self._seq, watch))

    def cancel(self, key: str) -> None:
        self._pending.pop(key, None)

    def pending(self, key: str) -> Watch | None:
        return self._pending.get(key)

    def due(self, now: datetime) -> list[Watch]:
        """The watches due by ``now``, removed, in (due, key) order."""
        limit = instant(now)
        fired: list[Watch] = []
        heap = self._heap
        while heap and heap[0][0] <= limit:
            _, key, _, watch = heapq.heappop(heap)
            if self._pending.get(key) is watch:
                del self._pending[key]
                fired.append(watch)
        if len(heap) > 4 * len(self._pending) + 1024:  # drop stale entries now and then
            heap[:] = [entry for entry in heap if self._pending.get(entry[1]) is entry[3]]
            heapq.heapify(heap)
        return fired

    def clear(self) -> None:
        self._pending.clear()
        self._heap.clear()

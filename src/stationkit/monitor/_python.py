"""The pure-Python engine: a dict of pending deadlines and a heap ordered by due time."""

from __future__ import annotations

import heapq
from datetime import datetime

from stationkit.lifecycle import MachineDefinition
from stationkit.monitor._tracker import MonitorBase, Watch, instant


class PythonMonitor(MonitorBase):
    """The live monitor in plain Python; the twin of ``DurableRulesMonitor``."""

    def __init__(self, definition: MachineDefinition) -> None:
        super().__init__(definition)
        self._pending: dict[str, Watch] = {}
        self._heap: list[tuple[int, str, int, Watch]] = []
        self._seq = 0

    def _arm(self, watch: Watch) -> None:
        self._pending[watch.record_id] = watch
        self._seq += 1
        heapq.heappush(self._heap, (instant(watch.due), watch.record_id, self._seq, watch))

    def _disarm(self, record_id: str) -> None:
        self._pending.pop(record_id, None)  # its heap entry goes stale and is skipped

    def _fire(self, now: datetime) -> list[Watch]:
        limit = instant(now)
        fired: list[Watch] = []
        while self._heap and self._heap[0][0] <= limit:
            _, record_id, _, watch = heapq.heappop(self._heap)
            if self._pending.get(record_id) is watch:
                del self._pending[record_id]
                fired.append(watch)
        return fired

    def close(self) -> None:
        self._pending.clear()
        self._heap.clear()

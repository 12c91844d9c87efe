"""stationkit plugin: 宣恩县基层应急服务驿站改革先行试点 (Xuan'en, 2024).

The standard ``xuanen`` (edition 2024) is assembled in :mod:`stationkit_xuanen.standard`;
the hooks live in :mod:`stationkit_xuanen.plugin`.
"""

from stationkit_xuanen.standard import STANDARD, STANDARD_ID

__all__ = ["STANDARD", "STANDARD_ID"]

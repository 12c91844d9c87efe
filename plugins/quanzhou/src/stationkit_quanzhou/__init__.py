"""stationkit-quanzhou: the Quanzhou township standardized emergency-management station
(镇/街道标准化应急管理站, "八个有"), editions 2023 (QZ23) and 2025 (QZ25)."""

from stationkit_quanzhou.standard import EDITION_2023, EDITION_2025, STANDARD

__all__ = ["EDITION_2023", "EDITION_2025", "STANDARD"]

"""The bundled samples: 宣恩县 with its townships, posts, programme and hazard ledger."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from stationkit import Text
from stationkit.standard import Sample
from stationkit_xuanen.standard import STANDARD_ID

SAMPLES_DIR = Path(__file__).parent / "samples"
COUNTY = SAMPLES_DIR / "xuanen_county.yaml"
HAZARDS = SAMPLES_DIR / "hazards.jsonl"
#: After T6 (25 November): every milestone is due, T3 was late.
AS_OF = date(2024, 11, 30)


def samples() -> tuple[Sample, ...]:
    return (
        Sample(
            "xuanen-programme",
            COUNTY,
            STANDARD_ID,
            "2024",
            AS_OF,
            Text(
                "宣恩县: 工作流程进度(T3逾期扣分)、驿站覆盖, 及经历一次逾期升级的隐患台账",
                "宣恩县: programme status (T3 late, one deduction), coverage, and a hazard "
                "ledger with one escalation",
            ),
            subject="region",
            ledger=HAZARDS,
        ),
        Sample(
            "xuanen-posts",
            COUNTY,
            STANDARD_ID,
            "2024",
            AS_OF,
            Text(
                "宣恩县各驿站: AB岗、五大职能、建成即运行(椿木营乡缺B岗, 高罗镇第1村A、B同人)",
                "宣恩县 posts: AB posts, five functions, running once built (椿木营乡 lacks "
                "a B holder; at 高罗镇第1村 A and B are one person)",
            ),
        ),
    )

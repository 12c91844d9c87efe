"""A batch of reports carrying everything a report can carry, as a county's run makes it:
a waiver file (one in force, one expired), a tailoring file (a parameter with its reason, a
requirement left out), a lenient read with an unknown word, a station outside every region
(so a region finding does not count it) and the rank cap counted over a declared population
(two stations tied at its cut). Strings a clerk typed carry markup, to show it stays text.

Importable: tests/ is on pytest's pythonpath.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import attrs
import yaml

import stationkit as sk
from stationkit.assessment import Assessor, load_tailoring, load_waivers, subjects_of
from stationkit.records._loading import dataset_from_data
from stationkit.records._model import Dataset
from stationkit.report import Dashboard
from stationkit.standard import vocabularies_for

HOSTILE = '<script>window.__pwned = 1</script><img src="x" onerror="window.__pwned = 2">'
UNKNOWN_WORD = "会议厅X"
WAIVED = ("qz-2025-yongning", "rescue.size")
EXPIRED = ("qz-2025-hubin", "plans.double_blind")
NOWHERE = "qz-2025-nowhere"
LEFT_OUT = "publicity.experience_hall"
TAILORED = "screen_inches_min"

WAIVERS = [
    {
        "requirement": WAIVED[1],
        "subject": WAIVED[0],
        "justification": f"队员招募中 {HOSTILE}",
        "approved_by": "石狮市应急管理局",
        "approved_on": "2025-11-01",
        "expires": "2026-06-30",
    },
    {
        "requirement": EXPIRED[1],
        "subject": EXPIRED[0],
        "justification": "双盲演练延期",
        "approved_by": "石狮市应急管理局",
        "approved_on": "2025-01-10",
        "expires": "2025-10-31",
    },
]
TAILORING = {
    "set": {TAILORED: {"value": 80, "reason": "县局批准 <b>80</b> 吋"}},
    "unselect": [LEFT_OUT],
}


def _write(path: Path, data: object) -> Path:
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


@attrs.frozen
class Full:
    """The batch, its dataset and edition, and the dashboard of the page."""

    reports: list[sk.Report]
    dataset: Dataset
    dashboard: Dashboard

    def report(self, subject: str) -> sk.Report:
        return next(r for r in self.reports if r.subject.id == subject)


def _data(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    stations = data["stations"]
    # An unknown room word, kept as written by a lenient read.
    stations[1]["premises"]["rooms"][1]["kind"] = UNKNOWN_WORD
    # A copy of a station with no region recorded: counted nowhere, and said so.
    nowhere = {k: v for k, v in stations[3].items() if k != "region"}
    stations.append({**nowhere, "id": NOWHERE, "name": f"无区域站 {HOSTILE}"})
    return data


def full_batch(tmp_path: Path) -> Full:
    registry = sk.Registry()
    registry.load_entry_points(only=["quanzhou"])
    sample = next(s for s in registry.samples() if s.name == "quanzhou-shishi-2025")
    std, ed = registry.standard("quanzhou@2025")
    dataset = dataset_from_data(
        _data(sample.path),
        str(sample.path),
        vocabularies=vocabularies_for(std, ed.edition),
        lenient=True,
    )
    assessor = Assessor(
        std,
        ed.edition,
        as_of=sample.as_of,
        dataset=dataset,
        tailoring=load_tailoring(_write(tmp_path / "tailoring.yaml", TAILORING)),
        waivers=load_waivers(_write(tmp_path / "waivers.yaml", WAIVERS)),
    )
    reports = assessor.assess_batch(
        subjects_of(dataset, ed), population=subjects_of(dataset, ed, "station")
    )
    return Full(reports, dataset, Dashboard.of(ed, [dataset], sample.as_of))

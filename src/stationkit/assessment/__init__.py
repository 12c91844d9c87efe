"""The engine: assess subjects against an edition, score, grade, cap ranks, tailor parameters,
and the status of rollout programmes."""

from typing import TYPE_CHECKING

from stationkit._lazy import lazy_names
from stationkit.assessment._assessor import (
    Assessor,
    assess,
    assess_batch,
    assess_dataset,
)
from stationkit.assessment._bulk import FINDINGS, Row
from stationkit.assessment._report import (
    GroupScore,
    Override,
    Report,
    SubjectRef,
)
from stationkit.assessment._rollout import (
    MilestoneStatus,
    ProgrammeStatus,
    programme_status,
    programme_statuses,
    quarter_of,
)
from stationkit.assessment._scoring import apply_rank_caps
from stationkit.assessment._subjects import (
    region_subjects,
    subjects_of,
)
from stationkit.assessment._tailoring import tailor
from stationkit.assessment._tailoring_file import Tailoring, load_tailoring, tailoring_from_data
from stationkit.assessment._waivers import WaiverSet, check_waivers, load_waivers, waivers_from_data

if TYPE_CHECKING:
    from stationkit.assessment._parallel import Bulk, assess_files, default_jobs

__all__ = [
    "FINDINGS",
    "Assessor",
    "Bulk",
    "GroupScore",
    "MilestoneStatus",
    "Override",
    "ProgrammeStatus",
    "Report",
    "Row",
    "SubjectRef",
    "Tailoring",
    "WaiverSet",
    "apply_rank_caps",
    "assess",
    "assess_batch",
    "assess_dataset",
    "assess_files",
    "check_waivers",
    "default_jobs",
    "load_tailoring",
    "load_waivers",
    "programme_status",
    "programme_statuses",
    "quarter_of",
    "region_subjects",
    "subjects_of",
    "tailor",
    "tailoring_from_data",
    "waivers_from_data",
]

# The bulk path over files (YAML, cattrs, worker processes) loads on first use: assessing
# records already in memory needs none of it.
__getattr__, __dir__ = lazy_names(__name__, {"_parallel": ("Bulk", "assess_files", "default_jobs")})

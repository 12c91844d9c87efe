"""The ``quanzhou`` standard: edition 2023 from QZ23, edition 2025 derived from it (QZ25).

2025 inherits the QZ23 guide where QZ25 says nothing new, and changes what QZ25 changes:
funding, phases, acceptance (the 30 % cap on 优秀, the live drill), the video-conference
linkage, the governance rules, the wording of "四合一", and two new mechanism items.
"""

from __future__ import annotations

import attrs

from stationkit import Citation, Text
from stationkit.standard import (
    Edition,
    Kind,
    Requirement,
    Standard,
)
from stationkit_quanzhou import citations as c
from stationkit_quanzhou.acceptance import OUTCOME_2023, OUTCOME_2025
from stationkit_quanzhou.not_encoded import NOT_ENCODED_2023, NOT_ENCODED_2025
from stationkit_quanzhou.parameters import PARAMETERS_2023, PARAMETERS_2025
from stationkit_quanzhou.programmes import PROGRAMME_2023, PROGRAMME_2025
from stationkit_quanzhou.requirements import (
    command,
    enforcement,
    mechanism,
    org,
    plans,
    publicity,
    rescue,
    warehouse,
)
from stationkit_quanzhou.requirements.funding_rollout import (
    FUNDING_2023,
    FUNDING_2025,
    ROLLOUT_2023,
    ROLLOUT_2025,
)
from stationkit_quanzhou.scoring import GRADING_2023, GRADING_2025, GROUP_LIST, SCORING
from stationkit_quanzhou.vocabularies import STATION_ALIASES, VOCABULARIES

REQUIREMENTS_2023: tuple[Requirement, ...] = (
    *org.REQUIREMENTS,
    *command.REQUIREMENTS,
    *mechanism.REQUIREMENTS,
    *enforcement.REQUIREMENTS,
    *rescue.REQUIREMENTS,
    *plans.REQUIREMENTS,
    *warehouse.REQUIREMENTS,
    *publicity.REQUIREMENTS,
    *FUNDING_2023,
    ROLLOUT_2023,
)

EDITION_2023 = Edition(
    edition="2023",
    title=Text("乡镇标准化应急管理站(试点,QZ23)", "township standardized station (pilot, QZ23)"),
    sources=(c.QZ23,),
    parameters=PARAMETERS_2023,
    requirements=REQUIREMENTS_2023,
    groups=GROUP_LIST,
    scoring=SCORING,
    grading=GRADING_2023,
    programmes=(PROGRAMME_2023,),
    not_encoded=NOT_ENCODED_2023,
    vocabularies=VOCABULARIES,
    outcome=OUTCOME_2023,
)


def _recite(req_id: str, citation: Citation) -> Requirement:
    """A 2023 requirement unchanged in substance, cited to the QZ25 clause that restates it."""
    return attrs.evolve(EDITION_2023.requirement(req_id), citation=citation)


EDITION_2025 = EDITION_2023.derive(
    "2025",
    title=Text(
        "镇(街道)标准化应急管理站(石狮市2025,QZ25)",
        "township standardized station (石狮市 2025, QZ25)",
    ),
    sources=(c.QZ23, c.QZ25),
    parameters=PARAMETERS_2025,
    requirements=(
        _recite("org.posts", c.POSTS_25),
        _recite("org.posts_full_time", c.POSTS_25),
        _recite("command.satellite_phone", c.COMMS_25),
        _recite("command.video_conference", c.COMMS_25),
        _recite("command.broadcast", c.COMMS_25),
        _recite("command.platform_links", c.COMMS_25),
        _recite("command.around_the_clock", c.ROUND_THE_CLOCK_25),
        _recite("mechanism.governance", c.GOVERNANCE_25),
        _recite("mechanism.four_in_one", c.FOUR_IN_ONE_25),
        _recite("mechanism.single_channel", c.REPORTING_25),
        _recite("rescue.party_commando", c.PARTY_COMMANDO_25),
        *FUNDING_2025,
        *mechanism.REQUIREMENTS_2025,
        *plans.REQUIREMENTS_2025,
        ROLLOUT_2025,
    ),
    remove=("rollout.pilot", "pilot_stations_min"),
    grading=GRADING_2025,
    programmes=(PROGRAMME_2025,),
    not_encoded=NOT_ENCODED_2025,
    outcome=OUTCOME_2025,
)

STANDARD = Standard(
    id="quanzhou",
    title=Text(
        "泉州市镇(街道)标准化应急管理站“八个有”",
        "Quanzhou township standardized emergency-management station, the 'eight haves'",
    ),
    sources=c.SOURCES,
    editions=(EDITION_2023, EDITION_2025),
    kinds=(
        Kind(
            "township_station",
            Text("镇/街道标准化应急管理站", "township / street standardized station"),
            aliases=STATION_ALIASES,
        ),
        Kind("county", Text("县(市、区)", "county (rollout)"), subject="region"),
    ),
)

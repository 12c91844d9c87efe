"""The Pingshan standard: edition 2023 (示范建设年, “1+3+1”) and 2024 (巩固提升年,
“两过半+一批”), sharing the station checks, the operations modules and the bonus."""

from __future__ import annotations

from collections.abc import Sequence

from stationkit import Citation, Text
from stationkit.standard import (
    Edition,
    Parameter,
    Requirement,
    Standard,
)
from stationkit_pingshan import citations as c
from stationkit_pingshan import parameters, scoring
from stationkit_pingshan.acceptance import OUTCOME
from stationkit_pingshan.kinds import KINDS
from stationkit_pingshan.not_encoded import NOT_ENCODED_2023, NOT_ENCODED_2024
from stationkit_pingshan.programmes import programmes_2023
from stationkit_pingshan.requirements import (
    station_archives,
    station_command,
    station_prevention,
    station_profile,
    station_publicity,
    station_supplies,
    station_team,
    street_bonus,
    street_construction,
)
from stationkit_pingshan.requirements.street_operations import module_requirement
from stationkit_pingshan.vocabularies import VOCABULARIES

#: The station checks of each operations module, with the module's citation.
MODULE_CHECKS: tuple[tuple[str, Citation, tuple[Requirement, ...]], ...] = (
    (scoring.COMMAND, c.PS_MODULE_COMMAND, station_command.REQUIREMENTS),
    (scoring.PREVENTION, c.PS_MODULE_PREVENTION, station_prevention.REQUIREMENTS),
    (scoring.PUBLICITY, c.PS_MODULE_PUBLICITY, station_publicity.REQUIREMENTS),
    (
        scoring.RESCUE,
        c.PS_MODULE_RESCUE,
        (*station_team.REQUIREMENTS, *station_supplies.REQUIREMENTS),
    ),
    (scoring.ARCHIVES, c.PS_MODULE_ARCHIVES, station_archives.REQUIREMENTS),
)


def _requirements(construction: Requirement) -> tuple[Requirement, ...]:
    """In report order: construction, each module (its station checks, then the street's
    module score), the bonus, the unscored station profile."""
    modules: list[Requirement] = []
    for module, cite, checks in MODULE_CHECKS:
        modules += [*checks, module_requirement(module, checks, cite)]
    return (
        construction,
        street_construction.CENTRE_STATION,
        *modules,
        street_bonus.REQUIREMENT,
        *station_profile.REQUIREMENTS,
    )


def _edition(
    year: str,
    zh: str,
    en: str,
    construction: Requirement,
    params: Sequence[Parameter],
    not_encoded: tuple[Text, ...],
) -> Edition:
    return Edition(
        edition=year,
        title=Text(zh, en),
        sources=(c.PS, c.SZ),
        parameters=(*params, *parameters.COMMON),
        requirements=_requirements(construction),
        groups=scoring.GROUPS,
        scoring=scoring.SCORING,
        programmes=programmes_2023() if year == "2023" else (),
        not_encoded=not_encoded,
        vocabularies=VOCABULARIES,
        outcome=OUTCOME,
    )


EDITION_2023 = _edition(
    "2023",
    "坪山区应急管理服务站 2023 示范建设年（“1+3+1”）",
    "Pingshan service stations, 2023 demonstration year (“1+3+1”)",
    street_construction.CONSTRUCTION_2023,
    (*parameters.TARGETS_2023, *parameters.SCHEDULE_2023),
    NOT_ENCODED_2023,
)

EDITION_2024 = _edition(
    "2024",
    "坪山区应急管理服务站 2024 巩固提升年（“两过半+一批”）",
    "Pingshan service stations, 2024 consolidation year (“two over half plus a batch”)",
    street_construction.CONSTRUCTION_2024,
    parameters.TARGETS_2024,
    NOT_ENCODED_2024,
)

STANDARD = Standard(
    id="pingshan",
    title=Text("坪山区应急管理服务站", "Pingshan emergency-management service stations"),
    sources=c.SOURCES,
    editions=(EDITION_2023, EDITION_2024),
    kinds=KINDS,
)

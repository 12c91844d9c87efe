"""The vocabularies a run over one standard uses: the core's, the standard's station kinds,
and the terms its edition declares."""

from __future__ import annotations

from stationkit.records._core_vocabularies import CORE_VOCABULARIES, STATION_KIND
from stationkit.records._vocabulary import Term, Vocabulary, merge_all
from stationkit.standard._standard import Standard


def kind_vocabulary(standard: Standard) -> Vocabulary:
    """The station kinds of ``standard`` as a closed vocabulary."""
    terms = tuple(
        Term(k.id, k.title.zh, k.title.en, k.aliases)
        for k in standard.kinds
        if k.subject == "station"
    )
    return Vocabulary(STATION_KIND.id, STATION_KIND.zh, STATION_KIND.en, terms)


def vocabularies_for(standard: Standard, edition: str | None = None) -> dict[str, Vocabulary]:
    """Every vocabulary by id for assessing data against ``standard`` (``edition``, the latest
    by default): the core's terms, the standard's kinds and the edition's own terms. A
    standard with no station kinds leaves station kinds unchecked."""
    ed = standard.edition(edition)
    kinds = kind_vocabulary(standard)
    merged = merge_all(CORE_VOCABULARIES, (kinds,) if kinds.terms else (), ed.vocabularies)
    if not kinds.terms:
        del merged[STATION_KIND.id]
    return merged

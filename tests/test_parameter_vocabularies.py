"""Parameters whose items are vocabulary words: their values are codes (checked when the
plugin is registered), and tailoring maps the documents' words to codes or refuses them."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from stationkit.assessment._tailoring import tailor
from stationkit.errors import TailoringError
from stationkit.records import Term, Vocabulary
from stationkit.standard import (
    Citation,
    Edition,
    Parameter,
    Requirement,
    Source,
    Standard,
    Text,
    met,
)
from stationkit.standard._validate import standard_problems

CITE = Citation("T", "§1", "须张贴防汛形势图、避灾点分布图")
MAPS = Vocabulary(
    "wall_map",
    "上墙图表",
    "wall maps",
    (
        Term("flood_map", "防汛防台风形势图", "flood map", ("防汛防台形势图", "防汛形势图")),
        Term("shelter_map", "避灾点分布图", "shelter map", ("避灾点图",)),
    ),
    closed=False,
)


def _edition(value: str | tuple[str, ...], vocabulary: str | None = "wall_map") -> Edition:
    param = Parameter(
        "wall_maps", value, CITE, Text("上墙图表", "wall maps"), vocabulary=vocabulary
    )
    req = Requirement(
        "maps",
        "g",
        Text("图", "maps"),
        CITE,
        lambda _s, _c: met(None, None),
        parameters=("wall_maps",),
    )
    return Edition("2024", Text("t", "t"), ("T",), (param,), (req,), vocabularies=(MAPS,))


def _standard(edition: Edition) -> Standard:
    return Standard("toy", Text("玩具", "toy"), (Source("T", "toy source"),), (edition,))


def test_codes_pass_registration() -> None:
    assert standard_problems(_standard(_edition(("flood_map", "shelter_map")))) == []


def test_an_alias_in_a_parameter_is_a_plugin_error_naming_the_code() -> None:
    problems = standard_problems(_standard(_edition(("防汛形势图", "shelter_map"))))
    assert problems == [
        "toy@2024: parameter 'wall_maps': '防汛形势图' is no term of wall_map "
        "(an alias of 'flood_map': write the code)"
    ]


def test_a_word_of_no_term_and_a_missing_vocabulary_are_plugin_errors() -> None:
    assert (
        "'人员转移图' is no term of wall_map"
        in standard_problems(_standard(_edition(("人员转移图",))))[0]
    )
    missing = standard_problems(_standard(_edition(("x",), vocabulary="no_such")))
    assert missing == [
        "toy@2024: parameter 'wall_maps' names vocabulary 'no_such', which the edition lacks"
    ]


def test_tailoring_maps_the_documents_words_to_codes() -> None:
    edition = _edition(("flood_map", "shelter_map"))
    assert tailor(edition, {"wall_maps": "防汛防台形势图, 避灾点图"}) == {
        "wall_maps": ("flood_map", "shelter_map")
    }
    # Two spellings of one term name it once; a list from Python is mapped the same.
    assert tailor(edition, {"wall_maps": ["防汛形势图", "flood map", "避灾点分布图"]}) == {
        "wall_maps": ("flood_map", "shelter_map")
    }


def test_tailoring_refuses_an_unknown_word_naming_parameter_word_and_closest_term() -> None:
    edition = _edition(("flood_map",))
    with pytest.raises(TailoringError) as info:
        tailor(edition, {"wall_maps": "防汛形势图,避灾点分部图"})
    message = str(info.value)
    assert "parameter 'wall_maps'" in message
    assert "'避灾点分部图'" in message
    assert "did you mean shelter_map (避灾点分布图)" in message


def test_a_single_word_parameter_is_mapped_too() -> None:
    edition = _edition("flood_map")
    assert tailor(edition, {"wall_maps": "防汛形势图"}) == {"wall_maps": "flood_map"}


def test_a_parameter_without_vocabulary_keeps_its_words() -> None:
    edition = _edition(("anything",), vocabulary=None)
    assert tailor(edition, {"wall_maps": "随便,什么"}) == {"wall_maps": ("随便", "什么")}


@given(st.lists(st.sampled_from([s for t in MAPS.terms for s in t.spellings()]), min_size=1))
def test_any_spelling_tailors_to_the_codes_of_its_terms(words: list[str]) -> None:
    edition = _edition(("flood_map",))
    got = tailor(edition, {"wall_maps": list(words)})["wall_maps"]
    expected = tuple(dict.fromkeys(MAPS.lookup(w) for w in words))
    assert got == expected


def test_merging_keeps_the_reason() -> None:
    closed = attrs.evolve(MAPS, closed=True, why="exhaustive", why_zh="穷举")
    assert closed.merged(Vocabulary("wall_map", "", "")).why == "exhaustive"


def test_a_clerks_trailing_space_changes_no_key() -> None:
    from stationkit.records._vocabulary import normalise

    for word in ("指导村(社区)预案制修订", "总体应急预案(2024年修订)", "防汛预案 2024年"):
        assert normalise(f" {word} ") == normalise(word), word

"""The language of human-facing text: Chinese, English, or both (the default)."""

from __future__ import annotations

from typing import Literal

from stationkit.standard._text import Text

Lang = Literal["zh", "en", "both"]
LANGS: tuple[Lang, ...] = ("zh", "en", "both")


def say(text: Text, lang: Lang = "both") -> str:
    """A ``Text`` in ``lang``; both as "中文 / English"."""
    if lang == "both":
        return f"{text.zh} / {text.en}"
    return text.get(lang)


def label(zh: str, en: str, lang: Lang = "both", *, both: str | None = None) -> str:
    """A fixed label of a report in ``lang``; both as ``both`` (default "english 中文")."""
    if lang == "zh":
        return zh
    if lang == "en":
        return en
    return both if both is not None else f"{en} {zh}"

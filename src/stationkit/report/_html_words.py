"""The small pieces every part of the HTML report writes with: bilingual text, fixed labels
and values, each escaped."""

from __future__ import annotations

import json

from stationkit.report._markup import esc
from stationkit.standard._text import Text

#: The longest observed or expected value shown in a cell (the JSON report keeps it whole).
MAX_VALUE_CHARS = 1000


def t(text: Text) -> str:
    """Bilingual text: both languages, each switchable."""
    return (
        f'<span lang="zh">{esc(text.zh)}</span><span class="sep"> / </span>'
        f'<span lang="en">{esc(text.en)}</span>'
    )


def w(zh: str, en: str) -> str:
    """A fixed label of the page (not from input, escaped all the same)."""
    return t(Text(zh, en))


def value(v: object) -> str:
    """An observed, expected or parameter value as code, shortened past ``MAX_VALUE_CHARS``."""
    if v is None:
        return "—"
    text = v if isinstance(v, str) else json.dumps(v, ensure_ascii=False, default=str)
    if len(text) > MAX_VALUE_CHARS:
        text = text[: MAX_VALUE_CHARS - 1] + "…"
    return f"<code>{esc(text)}</code>"

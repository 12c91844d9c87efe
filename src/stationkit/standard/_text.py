"""Bilingual text and citations: the two things every jurisdiction-facing value carries."""

from __future__ import annotations

import attrs


@attrs.frozen
class Text:
    """A text a person reads, in Chinese and English."""

    zh: str
    en: str

    def get(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


@attrs.frozen
class Citation:
    """Where a rule or figure comes from: a source document key, its section, the original quote.

    ``inferred`` marks a reading of the source that the source does not state outright.
    """

    document: str
    section: str
    quote: str = ""
    inferred: bool = False

    def label(self) -> str:
        return f"{self.document} {self.section}"

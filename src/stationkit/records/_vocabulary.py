"""Controlled vocabularies: the words a rule compares, each mapped to one canonical code.

A :class:`Vocabulary` is declared once (by the core for its own terms, by a standard for its
terms) with a code, zh and en labels and aliases per term: the documents' own words and the
variants clerks type. :func:`normalise` makes those variants meet: full-width forms,
punctuation, spaces, bracketed tags such as ``(2024年修订)``, years, and the optional words
突发 / 处置 / 事件 / 性 / 类 / 站 / 的; a leading region name (``石狮市蚶江镇``) or placeholder
(``XX镇``) is stripped when the word does not match as written.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable, Mapping

import attrs

#: Words that clerks add or leave out without changing the meaning (applied to both sides).
OPTIONAL_WORDS = ("突发", "处置", "事件", "性", "类", "站", "的")
_BRACKETS = re.compile(r"[(\[【〔《<（][^)\]】〕》>）]*[)\]】〕》>）]")
_YEAR = re.compile(r"\d{4}\s*(?:年度|年|版)|(?:修订版|修订稿|修订|试行)$")
_PUNCT = re.compile(r"[\s\"'“”‘’、,，.。·•:：;；!！?？/\\_\-—–~～|]+")
_OPTIONAL = re.compile("|".join(OPTIONAL_WORDS))
#: A placeholder jurisdiction: ``XX镇``, ``××县``, ``某街道``.
_PLACEHOLDER = re.compile(r"^(?:[xX×＊*]{1,3}|某)(?:省|市|州|县|区|镇|乡|街道|社区|村)")
#: The region suffixes a name may drop (``蚶江镇`` → ``蚶江``).
REGION_SUFFIXES = ("街道办事处", "街道", "社区", "镇", "乡", "村", "县", "区", "市", "州", "省")
#: Longest word (in characters) a vocabulary looks up; longer input is not a term.
MAX_WORD = 200


def _cleaned(word: str) -> str:
    text = unicodedata.normalize("NFKC", word)[:MAX_WORD]
    # Stripped before the year: a clerk's trailing space must not keep a trailing 修订.
    text = _BRACKETS.sub("", text).strip()
    return _YEAR.sub("", text)


def _squeezed(text: str) -> str:
    return _OPTIONAL.sub("", _PUNCT.sub("", text).lower())


def normalise(word: str) -> str:
    """The comparison key of a word (documented in docs/data.md). A word made only of
    optional words (``处置``, ``修订``) keeps them: its key is never empty."""
    key = _squeezed(_cleaned(word))
    if key:
        return key
    return _PUNCT.sub("", unicodedata.normalize("NFKC", word)[:MAX_WORD]).lower()


def short_name(name: str) -> str:
    """A region name without its level suffix (``蚶江镇`` → ``蚶江``); never empty."""
    for suffix in REGION_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            return name[: -len(suffix)]
    return name


def strip_prefix(word: str, prefixes: Iterable[str] = ()) -> str:
    """``word`` without leading placeholders (``XX镇``) and region names; never empty."""
    text = _cleaned(word).strip()
    names = sorted({p for p in prefixes if p}, key=len, reverse=True)
    changed = True
    while changed:
        changed = False
        match = _PLACEHOLDER.match(text)
        if match and match.end() < len(text):
            text, changed = text[match.end() :], True
            continue
        for name in names:
            if text.startswith(name) and len(text) > len(name):
                text, changed = text[len(name) :], True
                break
    return text


@attrs.frozen
class Term:
    """One word of a vocabulary: its canonical ``code`` and what it may be written as."""

    code: str
    zh: str
    en: str
    aliases: tuple[str, ...] = ()

    def spellings(self) -> tuple[str, ...]:
        return (self.code, self.zh, self.en, *self.aliases)


@attrs.frozen
class Vocabulary:
    """The terms of one kind of word (``plan_type``, ``team_kind``...).

    ``closed``: a word that is no term is an error; an open vocabulary keeps the word and the
    report lists it under ``unrecognised``. Two declarations with one ``id`` (the core's and a
    standard's) merge: see :meth:`merged`. ``why`` / ``why_zh`` say why it is closed or open
    (the data pages print them).
    """

    id: str
    zh: str
    en: str
    terms: tuple[Term, ...] = ()
    closed: bool = True
    why: str = ""
    why_zh: str = ""
    _index: dict[str, str] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        index: dict[str, str] = {}
        for term in self.terms:
            for spelling in term.spellings():
                key = normalise(spelling)
                if not key:
                    continue
                other = index.setdefault(key, term.code)
                if other != term.code:
                    raise ValueError(
                        f"vocabulary {self.id!r}: {spelling!r} would mean both "
                        f"{other!r} and {term.code!r}"
                    )
        object.__setattr__(self, "_index", index)

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(t.code for t in self.terms)

    def term(self, code: str) -> Term:
        for term in self.terms:
            if term.code == code:
                return term
        raise KeyError(code)

    def lookup(self, word: str, prefixes: Iterable[str] = ()) -> str | None:
        """The code ``word`` stands for, or None when it is no term."""
        code = self._index.get(normalise(word))
        if code is None:
            stripped = strip_prefix(word, prefixes)
            if stripped != word:
                code = self._index.get(_squeezed(stripped))
        return code

    def suggestions(self, word: str, n: int = 3) -> tuple[str, ...]:
        """The closest terms, as ``code (zh)``."""
        labels: dict[str, str] = {}
        for term in self.terms:
            for spelling in term.spellings():
                labels.setdefault(spelling, term.code)
        close = difflib.get_close_matches(word, list(labels), n=n * 3, cutoff=0.3)
        key = normalise(word)
        if key:
            close += [s for s in labels if key in normalise(s) or normalise(s) in key]
        out: dict[str, None] = {}
        for spelling in close:
            code = labels[spelling]
            out.setdefault(f"{code} ({self.term(code).zh})", None)
        return tuple(out)[:n]

    def merged(self, other: Vocabulary) -> Vocabulary:
        """Both declarations' terms; a term with the same code gains the other's aliases.
        The vocabulary stays closed only when both declare it closed."""
        by_code = {t.code: t for t in self.terms}
        for term in other.terms:
            mine = by_code.get(term.code)
            if mine is None:
                by_code[term.code] = term
            else:
                aliases = tuple(
                    a
                    for a in dict.fromkeys((*mine.aliases, *term.aliases, term.zh, term.en))
                    if a and a not in (mine.code, mine.zh, mine.en)
                )
                by_code[term.code] = attrs.evolve(mine, aliases=aliases)
        return Vocabulary(
            self.id,
            self.zh,
            self.en,
            tuple(by_code.values()),
            self.closed and other.closed,
            other.why or self.why,
            other.why_zh or self.why_zh,
        )


def word_list(
    id: str,
    zh: str,
    en: str,
    words: Iterable[str],
    *,
    closed: bool = False,
    why: str = "",
    why_zh: str = "",
) -> Vocabulary:
    """A vocabulary whose terms are the documents' words as they stand (each its own code and
    zh label; no English label): for lists a rule compares word for word."""
    unique = dict.fromkeys(w for w in words if w)
    return Vocabulary(id, zh, en, tuple(Term(w, w, "") for w in unique), closed, why, why_zh)


def merge_all(*groups: Iterable[Vocabulary]) -> dict[str, Vocabulary]:
    """Vocabularies by id, declarations with one id merged in order."""
    out: dict[str, Vocabulary] = {}
    for group in groups:
        for vocab in group:
            mine = out.get(vocab.id)
            out[vocab.id] = vocab if mine is None else mine.merged(vocab)
    return out


def owner_hint(word: str, vocabularies: Mapping[str, Vocabulary], but: str) -> str | None:
    """The other vocabulary (if any) in which ``word`` is a term: ``'大型商超站' is a
    station_sub_kind (mall)``."""
    for vocab in vocabularies.values():
        if vocab.id == but:
            continue
        code = vocab.lookup(word)
        if code is not None:
            return f"{word!r} is a term of {vocab.id} ({code})"
    return None

"""Text from input made safe to show: on a terminal, in Markdown, in JSON.

Station ids, names and remedy texts come from data files. Written raw, a terminal escape
sequence in a name would recolour or rewrite the operator's screen, a bidi override would
reverse what a line appears to say, and a Markdown heading or an HTML tag would restructure
a rendered page. Every renderer passes such text through these functions.
"""

from __future__ import annotations

import json
import unicodedata
from typing import Any

#: Characters that reorder text (bidi embeddings, overrides, isolates and marks).
BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
_MARKDOWN_SPECIAL = frozenset("\\`*_{}[]()#+-!|~>")
_HTML = {"<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;"}


def _unsafe(ch: str, keep_newlines: bool, keep_tabs: bool = False) -> bool:
    if ch == "\n":
        return not keep_newlines
    if ch == "\t":
        return not keep_tabs
    if ch in BIDI_CONTROLS or ch in "\u2028\u2029":
        return True
    # C0 and C1 controls (ESC, DEL, ...), and lone surrogates (which cannot even be encoded)
    return unicodedata.category(ch) in ("Cc", "Cs")


def _escaped(ch: str) -> str:
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str, *, keep_newlines: bool = False, keep_tabs: bool = False) -> str:
    """``text`` with control characters and bidi controls shown as escapes (``\\x1b``,
    ``\\u202e``). Newlines and tabs are kept only with ``keep_newlines`` (multi-line
    messages) and ``keep_tabs`` (tab-separated lines whose values were escaped)."""
    if text.isprintable():  # the common case: nothing to do
        return text
    return "".join(_escaped(ch) if _unsafe(ch, keep_newlines, keep_tabs) else ch for ch in text)


def markdown(text: str) -> str:
    """``text`` for a Markdown page: printable, one line, Markdown syntax and HTML escaped
    (a name cannot open a heading, a link, a table cell or a tag)."""
    out = []
    for ch in printable(text):
        if ch in _HTML:
            out.append(_HTML[ch])
        elif ch in _MARKDOWN_SPECIAL:
            out.append("\\" + ch)
        else:
            out.append(ch)
    return "".join(out)


def dumps(data: Any, *, indent: int | None = 2) -> str:
    """Strict JSON (RFC 8259: NaN and infinities raise, they are never written), UTF-8 text
    kept readable, but bidi controls and line separators written as ``\\u`` escapes so the
    output is safe on a terminal too (they can only occur inside strings)."""
    text = json.dumps(data, ensure_ascii=False, indent=indent, allow_nan=False)
    if text.isprintable() or all(ch not in text for ch in _JSON_ESCAPE):
        return text
    return text.translate(_JSON_ESCAPE_TABLE)


_JSON_ESCAPE = BIDI_CONTROLS | {"\u2028", "\u2029"}
_JSON_ESCAPE_TABLE = {ord(ch): f"\\u{ord(ch):04x}" for ch in _JSON_ESCAPE}

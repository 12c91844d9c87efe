"""Escaping for the markup renderers (HTML, SVG, JUnit XML, Markdown tables): one place each."""

from __future__ import annotations

import html
import re

from stationkit.report._escape import BIDI_CONTROLS

# Characters XML 1.0 cannot hold at all and HTML treats as parse errors: C0 controls other
# than tab, newline and carriage return, lone surrogates, and U+FFFE/U+FFFF.
_NOT_TEXT = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def clean(text: str) -> str:
    """``text`` with the characters no markup may hold replaced by U+FFFD, and bidi controls
    (which would reorder what the page shows) written as visible escapes (``\\u202e``)."""
    if _BIDI.search(text):
        text = text.translate(_BIDI_SHOWN)
    return _NOT_TEXT.sub("\ufffd", text)


_BIDI = re.compile("[" + "".join(sorted(BIDI_CONTROLS)) + "]")
_BIDI_SHOWN = {ord(ch): f"\\u{ord(ch):04x}" for ch in BIDI_CONTROLS}


def esc(text: str) -> str:
    """``text`` for HTML or SVG content or a quoted attribute: cleaned, then escaped."""
    return html.escape(clean(text), quote=True)


def md_cell(text: str) -> str:
    """``text`` for a cell of a Markdown table: one line, no column separators."""
    return text.replace("|", "\\|").replace("\n", " ")

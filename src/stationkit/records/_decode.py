"""Bytes to text: which encodings an input file may be in, and an error naming the byte.

UTF-8 (with or without a byte-order mark) is the norm; UTF-16 and UTF-32 are read when their
byte-order mark says so. Files exported by Chinese office software are often in GB18030 (a
superset of GBK and GB2312): a file that is not UTF-8 but decodes as GB18030 into Chinese text
is read as such, and the encoding is named so a report can say so. Anything else is refused
with the offset of the first byte that is not UTF-8.
"""

from __future__ import annotations

import codecs

import attrs

from stationkit.errors import InputError, InputProblem

_BOMS: tuple[tuple[bytes, str, str], ...] = (
    # UTF-32 first: its little-endian mark begins with UTF-16's.
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)
#: Share of the non-ASCII characters that must be Chinese (or CJK punctuation) for a file
#: that is not UTF-8 to be read as GB18030: Latin-1 or binary bytes that happen to decode
#: give a jumble of rare characters instead.
CJK_SHARE = 0.9


@attrs.frozen
class Decoded:
    text: str
    #: ``utf-8``, ``utf-8-sig``, ``utf-16``, ``utf-32`` or ``gb18030``
    encoding: str


def _is_cjk(ch: str) -> bool:
    code = ord(ch)
    return (
        0x4E00 <= code <= 0x9FFF  # unified ideographs
        or 0x3400 <= code <= 0x4DBF  # extension A
        or 0x3000 <= code <= 0x303F  # CJK punctuation
        or 0xFF00 <= code <= 0xFFEF  # full-width forms
        or 0x2000 <= code <= 0x206F  # general punctuation (“”…—)
        or code == 0x00B7  # middle dot
    )


def _line_of(data: bytes, offset: int) -> str:
    line = data.count(b"\n", 0, offset) + 1
    return f"byte {offset:,} (line {line})"


def decode(data: bytes, source: str) -> Decoded:
    """The text of a file's bytes, or an ``InputError`` naming the first bad byte."""
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(codec)
            except UnicodeDecodeError as exc:
                where = _line_of(data, exc.start + len(bom))
                raise InputError(
                    [InputProblem(source, where, f"not valid {name} after its byte-order mark")]
                ) from None
            return Decoded(text, "utf-8-sig" if name == "UTF-8" else name.lower())
    nul = data.find(b"\x00")
    if nul >= 0:
        raise InputError(
            [
                InputProblem(
                    source,
                    _line_of(data, nul),
                    "a NUL byte: a binary file, or UTF-16/32 without a byte-order mark",
                )
            ]
        )
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        bad = exc
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        text = ""
    wide = [ch for ch in text if ord(ch) > 0x7F]
    if wide and sum(map(_is_cjk, wide)) >= CJK_SHARE * len(wide):
        return Decoded(text, "gb18030")
    byte = data[bad.start]
    raise InputError(
        [
            InputProblem(
                source,
                _line_of(data, bad.start),
                f"byte 0x{byte:02X} is not UTF-8 (nor GB18030 Chinese text); "
                "save the file as UTF-8",
            )
        ]
    )

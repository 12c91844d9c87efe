"""A large JSON dataset document read a window at a time, never whole.

A document of tens of thousands of stations is hundreds of megabytes: its parsed values alone
would take gigabytes. Read here, the top-level keys other than ``stations`` (the header:
region tree, year, completions, given scores) are parsed as they come, and the ``stations``
array is located and then read one station at a time, each parsed by the strict JSON reader
(no NaN, no duplicate keys, numbers within the digit limit). Only UTF-8 (with or without a
byte-order mark) is read this way; anything else is read whole, as a small file is.
"""

from __future__ import annotations

import codecs
import json
import re
from array import array
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, BinaryIO

from stationkit.records._limits import DEFAULT_LIMITS, Limits, check_tree, plainly_within, refuse
from stationkit.records._strict_json import JsonRefusedError, strict_decoder

#: Bytes read at a time.
WINDOW = 1 << 20
#: The most characters one value of the document (one station, or a header value) may take.
MAX_VALUE_CHARS = 4 * 1024 * 1024
_SPACE = re.compile(r"[ \t\n\r]*")
_PLAIN = json.JSONDecoder()  # only to step over stations while looking for the header


class _Window:
    """The document's text from a byte offset, decoded a window at a time."""

    def __init__(self, handle: BinaryIO, source: str, offset: int) -> None:
        handle.seek(offset)
        self.handle = handle
        self.source = source
        self.decoder = codecs.getincrementaldecoder("utf-8")("strict")
        self.text = ""
        self.pos = 0
        self.start = offset  # the byte offset of text[0]
        self.dropped = 0  # the characters read before text[0]
        self.eof = False

    def more(self) -> None:
        """Drop what was read, and read the next window."""
        if self.pos:
            self.start += len(self.text[: self.pos].encode("utf-8"))
            self.dropped += self.pos
            self.text, self.pos = self.text[self.pos :], 0
        data = self.handle.read(WINDOW)
        try:
            self.text += self.decoder.decode(data, final=not data)
        except UnicodeDecodeError as exc:
            at = self.start + len(self.text.encode("utf-8")) + exc.start
            raise refuse(self.source, f"byte {at:,}", "not UTF-8") from None
        self.eof = not data

    def byte_offset(self) -> int:
        return self.start + len(self.text[: self.pos].encode("utf-8"))

    def char_offset(self) -> int:
        """Characters read before the current one, from where reading began."""
        return self.dropped + self.pos

    def peek(self) -> str:
        """The next character that is not white space ("" at the end)."""
        while True:
            self.pos = _SPACE.match(self.text, self.pos).end()  # type: ignore[union-attr]
            if self.pos < len(self.text) or self.eof:
                return self.text[self.pos : self.pos + 1]
            self.more()

    def expect(self, chars: str, where: str) -> str:
        found = self.peek()
        if not found or found not in chars:
            shown = repr(found) if found else "the end of the file"
            raise refuse(self.source, where, f"expected {' or '.join(chars)}, found {shown}")
        self.pos += 1
        return found

    def value(self, where: str, decoder: json.JSONDecoder, limits: Limits) -> tuple[Any, int]:
        """The next value and how many characters it took."""
        self.peek()
        while True:
            try:
                value, end = decoder.raw_decode(self.text, self.pos)
            except JsonRefusedError as exc:
                raise refuse(self.source, where, exc.message) from None
            except RecursionError:
                raise refuse(
                    self.source, where, f"nested deeper than {limits.max_depth} levels"
                ) from None
            except json.JSONDecodeError as exc:
                if self.eof or len(self.text) - self.pos > MAX_VALUE_CHARS:
                    if not self.eof:
                        message = f"longer than {MAX_VALUE_CHARS:,} characters"
                        raise refuse(self.source, where, message) from None
                    raise refuse(self.source, where, f"broken JSON: {exc.msg}") from None
                self.more()  # the value may go on past this window
                continue
            # A number may go on in the next window (…12|34): read on to be sure.
            if end == len(self.text) and not self.eof and isinstance(value, int | float):
                self.more()
                continue
            size = end - self.pos
            self.pos = end
            return value, size


def is_utf8_document(path: Path) -> bool:
    """Whether the file reads as UTF-8 text (the streamed reader's case) as far as its first
    window shows; a GB18030 or UTF-16 file is read whole instead, where its encoding is told."""
    with path.open("rb") as handle:
        head = handle.read(WINDOW)
    if b"\x00" in head:
        return False
    try:
        codecs.getincrementaldecoder("utf-8")("strict").decode(head, final=False)
    except UnicodeDecodeError:
        return False
    return True


def _checked(value: Any, size: int, source: str, where: str, limits: Limits) -> Any:
    if not plainly_within(size, limits):
        check_tree(value, source, limits, where)
    return value


def scan(
    path: Path, limits: Limits = DEFAULT_LIMITS
) -> tuple[dict[str, Any], int | None, array[int]]:
    """The header (every top-level key but ``stations``), the byte offset of the
    ``stations`` array (None: there is none), and where each station is in the array's text:
    a start and an end per station, in characters from the ``[``. The stations are stepped
    over here (parsed by the plain C reader, not kept) and read strictly, a part at a time,
    by whoever reads the parts."""
    source = str(path)
    decoder = strict_decoder(limits)
    header: dict[str, Any] = {}
    offset: int | None = None
    spans: array[int] = array("q")
    with path.open("rb") as handle:
        window = _Window(handle, source, 3 if handle.read(3) == codecs.BOM_UTF8 else 0)
        window.expect("{", "(top level)")
        if window.peek() == "}":
            return header, None, spans
        while True:
            key, _ = window.value("(top level)", decoder, limits)
            if not isinstance(key, str):
                raise refuse(source, "(top level)", "expected a key (a text)")
            if key in header or (key == "stations" and offset is not None):
                raise refuse(source, key, f"duplicate key {key!r}")
            window.expect(":", key)
            if key == "stations" and window.peek() == "[":
                offset = window.byte_offset()
                base = window.char_offset()
                window.pos += 1
                if window.peek() == "]":
                    window.pos += 1
                else:
                    while True:
                        where = f"stations[{len(spans) // 2}]"
                        window.peek()
                        begin = window.char_offset() - base
                        window.value(where, _PLAIN, limits)
                        spans.extend((begin, window.char_offset() - base))
                        if window.expect(",]", where) == "]":
                            break
            else:
                value, size = window.value(key, decoder, limits)
                header[key] = _checked(value, size, source, key, limits)
            if window.expect(",}", key) == "}":
                break
        if window.peek():
            raise refuse(source, "(top level)", "text after the end of the document")
    if offset is None and "stations" in header:
        stations = header.pop("stations")
        if stations is not None:
            raise refuse(source, "stations", f"expected a list, got {type(stations).__name__}")
    return header, offset, spans


def station_texts(path: Path, offset: int, spans: Sequence[int]) -> Iterator[tuple[int, str]]:
    """The JSON text of each station of the array at ``offset`` (``spans``: from
    :func:`scan`), with its index; parsed by the reader of the part."""
    with path.open("rb") as handle:
        window = _Window(handle, str(path), offset)
        for index in range(len(spans) // 2):
            begin, end = spans[2 * index], spans[2 * index + 1]
            while window.dropped + len(window.text) < end and not window.eof:
                # Keep the text from this station on; drop what came before.
                window.pos = min(max(begin - window.dropped, 0), len(window.text))
                window.more()
            yield index, window.text[begin - window.dropped : end - window.dropped]
            window.pos = end - window.dropped

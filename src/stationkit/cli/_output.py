"""Where a command writes its report: stdout, or a file named by ``--out``."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO


@contextlib.contextmanager
def page_output(path: str | None, stdout: TextIO) -> Iterator[TextIO]:
    """``stdout`` when no path is given; else the file, written whole or not at all (a
    temporary file renamed into place, so a failed run leaves no half page behind).

    Text that UTF-8 cannot hold (lone surrogates from a JSON input) is replaced, not an error.
    """
    if path is None:
        yield stdout
        return
    target = Path(path)
    partial = target.with_name(f".{target.name}.partial")
    try:
        with partial.open("w", encoding="utf-8", errors="replace", newline="\n") as handle:
            yield handle
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)

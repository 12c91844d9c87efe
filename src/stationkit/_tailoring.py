"""Tailoring: a deployment overrides parameters by name, checked against the edition."""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from datetime import date

from stationkit._errors import TailoringError
from stationkit._standard import Edition, ParamValue


def _coerce(name: str, raw: object, current: ParamValue) -> ParamValue:
    """Accept ``raw`` for a parameter whose value is ``current``: same type, or a string the
    CLI passed that parses as that type. Anything else is an error, never a silent default."""
    kind = type(current).__name__
    text = raw if isinstance(raw, str) else None
    if isinstance(current, bool):
        if isinstance(raw, bool):
            return raw
        if text is not None and text.lower() in ("true", "false", "yes", "no", "1", "0"):
            return text.lower() in ("true", "yes", "1")
    elif isinstance(current, int | float) and not isinstance(raw, bool):
        if isinstance(raw, int) and not isinstance(raw, bool):
            return raw if isinstance(current, int) else float(raw)
        if isinstance(raw, float) and isinstance(current, float):
            return raw
        if text is not None:
            try:
                return int(text) if isinstance(current, int) else float(text)
            except ValueError:
                pass
    elif isinstance(current, date):
        if isinstance(raw, date):
            return raw
        if text is not None:
            try:
                return date.fromisoformat(text)
            except ValueError:
                kind = "date (YYYY-MM-DD)"
    elif isinstance(current, tuple):
        if isinstance(raw, list | tuple) and all(isinstance(x, str) for x in raw):
            return tuple(raw)
        if text is not None:
            return tuple(part.strip() for part in text.split(",") if part.strip())
        kind = "list of texts"
    elif isinstance(raw, str):
        return raw
    raise TailoringError(f"parameter {name!r}: expected a {kind} like {current!r}, got {raw!r}")


def tailor(edition: Edition, overrides: Mapping[str, object]) -> dict[str, ParamValue]:
    """Validate ``overrides`` against ``edition``; returns the typed values that differ."""
    declared = {p.name: p for p in edition.parameters}
    problems: list[str] = []
    result: dict[str, ParamValue] = {}
    for name, raw in overrides.items():
        param = declared.get(name)
        if param is None:
            close = difflib.get_close_matches(name, declared, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            problems.append(f"unknown parameter {name!r}{hint}")
            continue
        try:
            result[name] = _coerce(name, raw, param.value)
        except TailoringError as exc:
            problems.append(str(exc))
    if problems:
        raise TailoringError("; ".join(problems))
    return result

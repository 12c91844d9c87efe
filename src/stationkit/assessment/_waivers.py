"""Waivers (``--waivers FILE``): read, checked against the edition, applied to findings.

A file is a list of waivers (or ``{waivers: [...]}``), each with ``requirement``,
``subject`` (an id, or ``*`` for every subject), ``justification``, ``approved_by``,
``expires`` and optionally ``approved_on``. A waived finding keeps its status and shows the
waiver; acceptance counts it as met. A waiver whose expiry day has passed at ``as_of`` is
ignored, and the report says so.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

import attrs

from stationkit.assessment._documents import Shape
from stationkit.errors import InputError
from stationkit.standard._standard import Edition
from stationkit.standard._waiver import Waiver

_KEYS = {"requirement", "subject", "justification", "approved_by", "expires", "approved_on"}
_REQUIRED = _KEYS - {"approved_on"}


def waivers_from_data(data: Any, source: str = "<waivers>") -> tuple[Waiver, ...]:
    """Waivers from parsed data; every shape problem reported at once."""
    shape = Shape(source)
    if isinstance(data, dict) and set(data) == {"waivers"}:
        data = data["waivers"]
    out: list[Waiver] = []
    for k, item in enumerate(shape.items(data, "waivers")):
        path = f"waivers[{k}]"
        if not shape.mapping(item, path, _KEYS, _REQUIRED):
            continue
        requirement = shape.text(item["requirement"], f"{path}.requirement")
        subject = shape.text(item["subject"], f"{path}.subject")
        justification = shape.text(item["justification"], f"{path}.justification")
        approved_by = shape.text(item["approved_by"], f"{path}.approved_by")
        expires = shape.day(item["expires"], f"{path}.expires")
        approved_on = None
        if item.get("approved_on") is not None:
            approved_on = shape.day(item["approved_on"], f"{path}.approved_on")
        if requirement and subject and justification and approved_by and expires:
            out.append(
                Waiver(requirement, subject, justification, approved_by, expires, approved_on)
            )
    if shape.problems:
        raise InputError(shape.problems)
    return tuple(out)


def load_waivers(path: str | Path) -> tuple[Waiver, ...]:
    from stationkit.records._loading import read_document  # YAML only when a file is read

    return waivers_from_data(read_document(path), str(path))


@attrs.frozen
class WaiverSet:
    """The waivers of one assessment, checked against its edition and date."""

    active: tuple[Waiver, ...]
    expired: tuple[Waiver, ...]

    def find(self, requirement: str, subject: str) -> Waiver | None:
        return next((w for w in self.active if w.covers(requirement, subject)), None)

    def expired_for(self, subject: str, requirements: Sequence[str]) -> tuple[Waiver, ...]:
        return tuple(w for w in self.expired if any(w.covers(r, subject) for r in requirements))


def check_waivers(
    waivers: Sequence[Waiver], edition: Edition, as_of: date, source: str = "<waivers>"
) -> WaiverSet:
    """Refuse waivers naming an unknown requirement, approved after ``as_of`` or expiring
    before their approval; split the rest into those in force and those expired."""
    shape = Shape(source)
    known = {r.id for r in edition.requirements}
    for k, w in enumerate(waivers):
        path = f"waivers[{k}]"
        if w.requirement not in known:
            close = difflib.get_close_matches(w.requirement, known, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            shape.fail(
                f"{path}.requirement",
                f"{edition.edition} has no requirement {w.requirement!r}{hint}",
            )
        if w.approved_on is not None and w.approved_on > as_of:
            shape.fail(
                f"{path}.approved_on",
                f"approved on {w.approved_on.isoformat()}, after the assessment date "
                f"{as_of.isoformat()}",
            )
        if w.approved_on is not None and w.expires < w.approved_on:
            shape.fail(
                f"{path}.expires",
                f"expires {w.expires.isoformat()}, before its approval {w.approved_on.isoformat()}",
            )
    if shape.problems:
        raise InputError(shape.problems)
    active = tuple(w for w in waivers if w.active_on(as_of))
    expired = tuple(w for w in waivers if not w.active_on(as_of))
    return WaiverSet(active, expired)

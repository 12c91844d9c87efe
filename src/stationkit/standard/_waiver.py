"""A waiver: an approved, dated exception to one requirement for one subject (or all).

A waived finding keeps its status; acceptance counts it as met while the waiver runs.
"""

from __future__ import annotations

from datetime import date

import attrs

#: The subject a waiver names to cover every subject.
EVERY_SUBJECT = "*"


@attrs.frozen
class Waiver:
    requirement: str
    subject: str
    justification: str
    approved_by: str
    expires: date
    approved_on: date | None = None

    def covers(self, requirement: str, subject: str) -> bool:
        return self.requirement == requirement and self.subject in (EVERY_SUBJECT, subject)

    def active_on(self, day: date) -> bool:
        """In force through its expiry day, inclusive."""
        return day <= self.expires

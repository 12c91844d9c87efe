"""What people and programs read: reports as JSON, text, Markdown, HTML (with a dashboard) and
JUnit XML, rollout statuses, and the pages of a standard."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from stationkit.report._describe import (
        edition_diff,
        standard_json,
        standard_markdown,
    )
    from stationkit.report._html import (
        Dashboard,
        render_html,
    )
    from stationkit.report._json import (
        citation_json,
        finding_json,
        report_from_json,
        report_to_json,
        text_json,
        value_json,
    )
    from stationkit.report._junit import render_junit
    from stationkit.report._render import (
        render_markdown,
        render_text,
    )
    from stationkit.report._rollout import (
        render_statuses,
        status_json,
    )

__all__ = [
    "Dashboard",
    "citation_json",
    "edition_diff",
    "finding_json",
    "render_html",
    "render_junit",
    "render_markdown",
    "render_statuses",
    "render_text",
    "report_from_json",
    "report_to_json",
    "standard_json",
    "standard_markdown",
    "status_json",
    "text_json",
    "value_json",
]

if not TYPE_CHECKING:  # mypy reads the imports above; at run time each name loads on first use
    from stationkit._lazy import lazy_names

    __getattr__, __dir__ = lazy_names(
        __name__,
        {
            "_describe": (
                "edition_diff",
                "standard_json",
                "standard_markdown",
            ),
            "_html": (
                "Dashboard",
                "render_html",
            ),
            "_json": (
                "citation_json",
                "finding_json",
                "report_from_json",
                "report_to_json",
                "text_json",
                "value_json",
            ),
            "_junit": ("render_junit",),
            "_render": (
                "render_markdown",
                "render_text",
            ),
            "_rollout": (
                "render_statuses",
                "status_json",
            ),
        },
    )

"""What people and programs read: reports as JSON, text, Markdown, HTML (with a dashboard) and
JUnit XML, rollout statuses, and the pages of a standard."""

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

"""The pages people read, opened in headless Chromium: the HTML reports of every bundled
sample and the documentation site. Any console error, page error, failed request or request
leaving the page's own origin fails the test; screenshots go to build/screenshots/."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest
from browser_support import CHROMIUM_FLAGS
from report_support import EXPIRED, NOWHERE, UNKNOWN_WORD, WAIVED, full_batch

import stationkit as sk
from stationkit.assessment import Assessor, subjects_of
from stationkit.records import load_dataset
from stationkit.records._model import Dataset
from stationkit.report import Dashboard, render_html
from stationkit.standard import vocabularies_for
from stationkit.standard._samples import Sample

pytestmark = pytest.mark.slow

HOSTILE = '<script>window.__pwned = 1</script><img src="x" onerror="window.__pwned = 2">'
#: Material draws each Mermaid diagram in a closed shadow root; open it so the test can look.
OPEN_SHADOWS = """
const attach = Element.prototype.attachShadow;
Element.prototype.attachShadow = function (init) { return attach.call(this, {...init, mode: "open"}); };
"""
#: Chromium's printable width of A4 with the report's 12 mm margins, in CSS pixels.
A4_PRINT_WIDTH = round((210 - 24) / 25.4 * 96)


@attrs.define
class Visit:
    page: Any
    problems: list[str]


def _registry() -> sk.Registry:
    registry = sk.Registry()
    registry.load_entry_points(only=["quanzhou", "pingshan", "xuanen"])
    return registry


def _samples() -> tuple[Sample, ...]:
    return _registry().samples()


def _load(sample: Sample) -> Dataset:
    """The sample read as ``stationkit assess`` reads it: with its standard's vocabularies
    (without them every word of an open vocabulary would be reported as unrecognised)."""
    std, ed = _registry().standard(f"{sample.standard}@{sample.edition}")
    return load_dataset(sample.path, vocabularies=vocabularies_for(std, ed.edition))


def _report_page(sample: Sample, dataset: Dataset | None = None) -> str:
    registry = _registry()
    std, ed = registry.standard(f"{sample.standard}@{sample.edition}")
    data = dataset or _load(sample)
    assessor = Assessor(std, ed.edition, as_of=sample.as_of, dataset=data)
    reports = assessor.assess_batch(subjects_of(data, ed, sample.subject))
    return render_html(reports, Dashboard.of(ed, [data], sample.as_of))


@pytest.fixture
def visit(browser: Any) -> Iterator[Any]:
    pages: list[Any] = []

    def open_(url: str, allowed: str) -> Visit:
        page = browser.new_page()
        pages.append(page)
        problems: list[str] = []
        page.on(
            "console",
            lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None,
        )
        page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
        page.on("requestfailed", lambda r: problems.append(f"request failed: {r.url}"))
        page.on(
            "response",
            lambda r: problems.append(f"HTTP {r.status}: {r.url}") if r.status >= 400 else None,
        )

        def guard(route: Any) -> None:
            url = route.request.url
            if url.startswith((allowed, "data:", "blob:")):
                route.continue_()
            else:
                problems.append(f"request leaves the page's origin: {url}")
                route.abort()

        page.route("**/*", guard)
        page.add_init_script(OPEN_SHADOWS)
        page.goto(url, wait_until="networkidle")
        return Visit(page, problems)

    yield open_
    for page in pages:
        page.close()


def _write(tmp_path: Path, name: str, html: str) -> str:
    target = tmp_path / name
    target.write_text(html, encoding="utf-8")
    return target.as_uri()


# -- the HTML reports ------------------------------------------------------------------------
@pytest.mark.parametrize("sample", _samples(), ids=lambda s: s.name)
def test_sample_report_opens_offline_with_charts(
    sample: Sample, visit: Any, tmp_path: Path
) -> None:
    url = _write(tmp_path, f"{sample.name}.html", _report_page(sample))
    seen = visit(url, "file://")
    page = seen.page
    assert seen.problems == []
    subjects = page.locator("article.subject").count()
    assert subjects >= 1
    # every subject with a score breakdown has its chart, drawn with bars
    assert page.locator("figure.breakdown svg rect").count() > 0 or subjects == 0
    if subjects > 1:
        assert page.locator("#dashboard svg.chart").count() >= 2
        assert page.locator("#dashboard a[href^='#subject-']").count() >= subjects
    # findings are visible: a table per group with rows
    assert page.locator("table.findings tbody tr").first.is_visible()
    # the language switch hides the other language
    page.click('[data-set-lang="en"]')
    assert not page.locator('h1 [lang="zh"]').is_visible()
    assert page.locator('h1 [lang="en"]').is_visible()


def _quanzhou_2025() -> Sample:
    return next(s for s in _samples() if s.standard == "quanzhou" and s.edition == "2025")


def test_dashboard_and_station_screenshots(visit: Any, tmp_path: Path, screenshots: Path) -> None:
    sample = _quanzhou_2025()
    seen = visit(_write(tmp_path, "dashboard.html", _report_page(sample)), "file://")
    page = seen.page
    assert seen.problems == []
    assert page.locator("svg.gantt rect").count() > 0  # the rollout programme
    assert page.locator("table.regions tbody tr").count() > 1
    page.locator("#dashboard").screenshot(path=str(screenshots / "dashboard.png"))
    page.evaluate("document.querySelector('#subject-3').scrollIntoView()")
    page.screenshot(path=str(screenshots / "station-report.png"))


def test_a_hostile_station_name_shows_as_text(visit: Any, tmp_path: Path) -> None:
    sample = _quanzhou_2025()
    data = _load(sample)
    first = attrs.evolve(data.stations[0], name=HOSTILE)
    data = attrs.evolve(data, stations=(first, *data.stations[1:]))
    seen = visit(_write(tmp_path, "hostile.html", _report_page(sample, data)), "file://")
    page = seen.page
    assert seen.problems == []
    assert page.evaluate("window.__pwned") is None
    assert HOSTILE in page.locator("#subject-1 h2").inner_text()


#: Every table, cell or chart that would run past A4's printable width, in the print layout.
OVERFLOW = """() => {
  const out = [];
  const width = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth > width + 1) out.push("page");
  for (const el of document.querySelectorAll("table, td, th, svg")) {
    const box = el.getBoundingClientRect();
    if (box.right > width + 1) out.push(el.tagName + " past the paper edge");
    if (el.tagName !== "svg" && el.scrollWidth > el.clientWidth + 1)
      out.push(el.tagName + " content wider than the cell: " + el.textContent.slice(0, 60));
  }
  return out;
}"""


def _print_to_pdf(chromium: str, url: str, pdf: Path) -> bytes:
    """Chromium's own print to PDF, as a station head would print the page."""
    subprocess.run(
        [
            chromium,
            *CHROMIUM_FLAGS,
            f"--user-data-dir={pdf.parent / (pdf.stem + '-profile')}",
            "--no-pdf-header-footer",
            f"--print-to-pdf={pdf}",
            url,
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    content = pdf.read_bytes()
    assert content.startswith(b"%PDF")
    return content


def _pages(pdf: bytes) -> int:
    return pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages")


def _print_overflow(visit: Any, url: str) -> list[str]:
    """The print layout at A4's printable width: what is wider than the paper."""
    seen = visit(url, "file://")
    page = seen.page
    page.set_viewport_size({"width": A4_PRINT_WIDTH, "height": 1000})
    page.emulate_media(media="print")
    problems: list[str] = seen.problems
    return [str(x) for x in page.evaluate(OVERFLOW)] + problems


def test_station_report_prints_to_pdf_without_overflow(
    visit: Any, chromium: str, tmp_path: Path, screenshots: Path
) -> None:
    sample = _quanzhou_2025()
    registry = _registry()
    std, ed = registry.standard("quanzhou@2025")
    data = _load(sample)
    report = Assessor(std, ed.edition, as_of=sample.as_of, dataset=data).assess(data.stations[2])
    url = _write(tmp_path, "station.html", render_html([report]))
    content = _print_to_pdf(chromium, url, tmp_path / "station.pdf")
    assert _pages(content) >= 2
    (screenshots / "station-report.pdf").write_bytes(content)
    assert _print_overflow(visit, url) == []


# -- a report carrying everything ------------------------------------------------------------
#: What the page must show a clerk, each found by its selector.
EVERYTHING = {
    "acceptance and its rule": "table.summary .why",
    "a waived finding": "tr.is-waived .waiver",
    "an expired waiver": "section.warning.expired",
    "unrecognised words": "section.warning.unrecognised",
    "stations counted": "tr.tally .counted",
    "stations not counted": "tr.tally .not-counted li",
    "tailoring with its reason": "table.tailoring",
    "requirements left out": "section.left-out",
    "a provisional grade": "table.summary .provisional",
    "the rank cap's population": "table.summary .note",
    "provisional grades on the dashboard": "#dashboard .tile.caution",
}


def test_a_report_carrying_everything_shows_it_in_both_languages(
    visit: Any, tmp_path: Path, screenshots: Path
) -> None:
    full = full_batch(tmp_path)
    seen = visit(
        _write(tmp_path, "full.html", render_html(full.reports, full.dashboard)), "file://"
    )
    page = seen.page
    assert seen.problems == []
    assert page.evaluate("window.__pwned") is None  # a hostile justification stays text
    for what, selector in EVERYTHING.items():
        assert page.locator(selector).first.is_visible(), what
    text = page.inner_text("main")
    for shown in (UNKNOWN_WORD, NOWHERE, WAIVED[1], EXPIRED[1], "<script>window.__pwned"):
        assert shown in text, shown
    # One language at a time: each part has its words in both, and the switch shows one.
    for lang, other in (("en", "zh"), ("zh", "en")):
        page.click(f'[data-set-lang="{lang}"]')
        for what, selector in EVERYTHING.items():
            part = page.locator(selector).first
            assert part.locator(f'[lang="{lang}"]').first.is_visible(), (lang, what)
            hidden = part.locator(f'[lang="{other}"]')
            assert all(not hidden.nth(k).is_visible() for k in range(hidden.count())), what
    page.click('[data-set-lang="both"]')
    waived = next(i for i, r in enumerate(full.reports) if r.subject.id == WAIVED[0])
    page.evaluate(f"document.querySelector('#subject-{waived + 1}').scrollIntoView()")
    page.screenshot(path=str(screenshots / "report-acceptance-waivers.png"))


def test_a_report_carrying_everything_prints_without_overflow(
    visit: Any, chromium: str, tmp_path: Path, screenshots: Path
) -> None:
    full = full_batch(tmp_path)
    # The subjects carrying most: the waived station with its unknown word, the expired
    # waiver, and the region with its tally.
    ids = (WAIVED[0], EXPIRED[0], "350581")
    url = _write(tmp_path, "full-print.html", render_html([full.report(i) for i in ids]))
    content = _print_to_pdf(chromium, url, tmp_path / "full.pdf")
    assert _pages(content) >= len(ids)  # each subject begins a page
    (screenshots / "report-acceptance-waivers.pdf").write_bytes(content)
    assert _print_overflow(visit, url) == []


# -- the documentation site ------------------------------------------------------------------
SITE_PAGES = [
    "",
    "zh/",
    "guide/",
    "zh/guide/",
    "architecture/",
    "lifecycles/",
    "standards/comparison/",
    "standards/quanzhou@2025/",
    "standards/xuanen@2024/",
    "api/report/",
]


@pytest.mark.parametrize("path", SITE_PAGES)
def test_site_page_renders_every_diagram(path: str, site: str, visit: Any) -> None:
    seen = visit(site + path, site)
    page = seen.page
    blocks = page.locator("div.mermaid")
    count = blocks.count()
    if count:
        page.wait_for_function(
            "n => document.querySelectorAll('div.mermaid').length === n && "
            "[...document.querySelectorAll('div.mermaid')].every(d => d.shadowRoot && "
            "d.shadowRoot.querySelector('svg'))",
            arg=count,
            timeout=20_000,
        )
        assert page.locator("pre.mermaid").count() == 0  # none left as text
    assert seen.problems == []


def test_site_has_both_languages_and_the_comparison(site: str, visit: Any) -> None:
    page = visit(site + "zh/", site).page
    assert "给人看的页面" in page.inner_text("article")
    page = visit(site + "standards/comparison/", site).page
    assert page.locator("article table tbody tr").count() >= 12
    assert page.locator(".footnote li").count() > 10


def test_standard_page_screenshot(site: str, visit: Any, screenshots: Path) -> None:
    seen = visit(site + "standards/xuanen@2024/", site)
    page = seen.page
    gantt = page.locator("div.mermaid").first
    page.wait_for_function(
        "() => [...document.querySelectorAll('div.mermaid')].every(d => d.shadowRoot && "
        "d.shadowRoot.querySelector('svg'))",
        timeout=20_000,
    )
    assert gantt.is_visible()
    # The programme's heading at the top, under the site's header bar.
    # (scrolling down only: scrolling up would call the theme's "back to top" button)
    page.evaluate(
        "window.scrollTo(0, document.getElementById('rollout-programmes')"
        ".getBoundingClientRect().top + window.scrollY - 70)"
    )
    page.wait_for_timeout(800)  # the header's title transition
    page.screenshot(path=str(screenshots / "standard-page.png"))
    assert seen.problems == []

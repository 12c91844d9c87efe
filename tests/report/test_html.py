"""The HTML report: one self-contained page, bilingual, every input string shown as text."""

from __future__ import annotations

from datetime import date
from html.parser import HTMLParser

import attrs
from core_support import DATA
from hypothesis import given, settings
from hypothesis import strategies as st

import stationkit as sk
from stationkit.assessment import Assessor, subjects_of
from stationkit.records import load_dataset
from stationkit.report import Dashboard, render_html
from stationkit.report._markup import clean

AS_OF = date(2024, 6, 30)


class _Page(HTMLParser):
    """Collects the page's text and what it would fetch."""

    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.tags: list[str] = []
        self.fetches: list[str] = []

    def handle_starttag(self, tag: str, attrs_: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        for name, value in attrs_:
            if name in ("src", "href") and value and not value.startswith("#"):
                self.fetches.append(value)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(page: str) -> _Page:
    parser = _Page()
    parser.feed(page)
    parser.close()
    return parser


def _batch(registry: sk.Registry, rename: str | None = None) -> tuple[list[sk.Report], str]:
    std, ed = registry.standard("example@2024")
    dataset = load_dataset(DATA / "example.yaml")
    if rename is not None:
        first = attrs.evolve(dataset.stations[0], name=rename)
        dataset = attrs.evolve(dataset, stations=(first, *dataset.stations[1:]))
    assessor = Assessor(std, ed.edition, as_of=AS_OF, dataset=dataset)
    reports = assessor.assess_batch(subjects_of(dataset, ed))
    return reports, render_html(reports, Dashboard.of(ed, [dataset], AS_OF))


def test_batch_opens_on_a_dashboard_linking_every_subject(registry: sk.Registry) -> None:
    reports, page = _batch(registry)
    assert len(reports) > 1
    assert page.index('id="dashboard"') < page.index('class="subject"')
    for i in range(len(reports)):
        assert f'href="#subject-{i + 1}"' in page and f'id="subject-{i + 1}"' in page
    # pass/fail, grades, failing groups, each subject's breakdown: all drawn as SVG
    assert page.count("<svg") >= 3 + len(reports)
    assert "示例镇" in page and 'class="regions"' in page


def test_page_needs_no_network(registry: sk.Registry) -> None:
    _, page = _batch(registry)
    parsed = _parse(page)
    assert parsed.fetches == []
    assert "default-src 'none'" in page
    assert "<link" not in page and "@import" not in page and "url(" not in page


def test_every_text_in_both_languages(registry: sk.Registry) -> None:
    reports, page = _batch(registry)
    finding = reports[0].findings[0]
    assert f'<span lang="zh">{finding.title.zh}</span>' in page
    assert f'<span lang="en">{finding.title.en}</span>' in page
    assert 'data-set-lang="en"' in page and "@media print" in page


def test_findings_carry_observed_expected_remedy_and_quote(registry: sk.Registry) -> None:
    reports, page = _batch(registry)
    failed = [f for r in reports for f in r.findings if f.status is sk.Status.NOT_MET]
    assert failed
    f = failed[0]
    assert f.remedy is not None and f.remedy.text.zh in page
    assert f.citation.label() in page and f.citation.quote in page


def test_a_hostile_station_name_is_text(registry: sk.Registry) -> None:
    hostile = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    _, page = _batch(registry, rename=hostile)
    parsed = _parse(page)
    assert hostile not in page
    assert "img" not in parsed.tags
    assert parsed.tags.count("script") == 1  # the page's own language switch
    assert any(hostile in chunk for chunk in parsed.text)


@settings(max_examples=40, deadline=None)
@given(name=st.text(min_size=1, max_size=40).filter(lambda s: s.strip() == s and s))
def test_any_name_shows_as_itself(name: str) -> None:
    from stationkit_example import plugin

    registry = sk.Registry(strict=True)
    registry.register(plugin, "example")
    _, page = _batch(registry, rename=name)
    # Characters no markup may hold show as U+FFFD; everything else as itself.
    shown = clean(name)
    text = "".join(_parse(page).text)
    assert shown in text


def test_one_subject_has_no_dashboard(registry: sk.Registry) -> None:
    reports, _ = _batch(registry)
    page = render_html(reports[:1])
    assert 'id="dashboard"' not in page and 'id="subject-1"' in page


def test_rollout_gantt_shows_each_milestone(registry: sk.Registry) -> None:
    _, ed = registry.standard("example@2024")
    dataset = load_dataset(DATA / "example.yaml")
    board = Dashboard.of(ed, [dataset], AS_OF)
    assert board.statuses
    reports, _ = _batch(registry)
    page = render_html(reports, board)
    assert 'class="chart gantt"' in page
    for m in ed.programmes[0].milestones:
        assert m.title.zh in page


def test_a_large_batch_is_counted_whole_and_detailed_up_to_the_limit(
    registry: sk.Registry,
) -> None:
    reports, _ = _batch(registry)
    page = render_html(reports, max_detailed=1)
    assert page.count('<article class="subject"') == 1
    assert f"{len(reports) - 1} more subjects are not detailed" in page
    assert f'<div class="big">{len(reports)}</div>' in page  # the dashboard counts them all

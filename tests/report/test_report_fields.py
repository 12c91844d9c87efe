"""Everything a report carries shows in the text, Markdown and HTML reports, in both
languages: acceptance and the rule that gave it, waivers (in force and expired), unrecognised
words, the stations a region finding counted, tailoring, provisional and tied grades, the
rank cap's population and the assessed year. Strings from input stay text."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from report_support import (
    EXPIRED,
    HOSTILE,
    LEFT_OUT,
    NOWHERE,
    TAILORED,
    UNKNOWN_WORD,
    WAIVED,
    Full,
    full_batch,
)

from stationkit.report import (
    render_html,
    render_markdown,
    render_text,
    report_from_json,
    report_to_json,
)
from stationkit.report._escape import BIDI_CONTROLS
from stationkit.report._markup import clean
from stationkit.report._report_parts import MAX_TALLY_LISTED
from stationkit.standard._findings import NotCounted, Tally
from stationkit.standard._text import Text

REGION = "350581"
TIED = "qz-2025-hanjiang"


@pytest.fixture(scope="module")
def full(tmp_path_factory: pytest.TempPathFactory) -> Full:
    return full_batch(tmp_path_factory.mktemp("full"))


def _region_finding(full: Full) -> str:
    return next(f.requirement for f in full.report(REGION).findings if f.tally is not None)


# -- the batch is what the tests below assume ------------------------------------------------
def test_the_batch_carries_every_field(full: Full) -> None:
    waived = full.report(WAIVED[0])
    assert waived.finding(WAIVED[1]).waiver is not None
    assert waived.acceptance is not None and waived.acceptance.waived == (WAIVED[1],)
    assert [w.requirement for w in full.report(EXPIRED[0]).expired_waivers] == [EXPIRED[1]]
    assert [u.word for u in waived.unrecognised] == [UNKNOWN_WORD]
    tied = full.report(TIED)
    assert tied.rank_tie and tied.grade_provisional and tied.rank_capped
    assert tied.rank_population == 5 and tied.period == 2025
    assert tied.left_out == (LEFT_OUT,) and TAILORED in tied.overridden
    tally = full.report(REGION).finding(_region_finding(full)).tally
    assert tally is not None and [n.id for n in tally.not_counted] == [NOWHERE]


# -- text ------------------------------------------------------------------------------------
def test_text_shows_acceptance_with_its_rule_in_either_language(full: Full) -> None:
    reports = [full.report(WAIVED[0])]
    en = render_text(reports, lang="en")
    assert "acceptance: not accepted; items not met: org.premises" in en
    assert f"waived, counted as met: {WAIVED[1]}" in en
    assert "rule (item_by_item): item by item: every applicable item met (or waived)" in en
    zh = render_text(reports, lang="zh")
    assert "验收: 未通过验收; 未达标项: org.premises" in zh
    assert "验收规则 (item_by_item): 逐项评审" in zh
    assert "item by item" not in zh and "逐项评审" not in en
    both = render_text(reports)
    assert "未通过验收 / not accepted" in both


def test_text_marks_a_waived_finding_and_keeps_its_status(full: Full) -> None:
    text = render_text([full.report(WAIVED[0])], lang="en")
    line = next(x for x in text.splitlines() if f" {WAIVED[1]} " in x)
    assert line.lstrip().startswith("✗") and "[waived]" in line
    assert "approved by 石狮市应急管理局 on 2025-11-01; expires 2026-06-30" in text
    assert HOSTILE in text  # a terminal shows markup as it was typed


def test_text_warns_of_expired_waivers_and_unrecognised_words(full: Full) -> None:
    text = render_text([full.report(EXPIRED[0]), full.report(WAIVED[0])], lang="en")
    assert f"! expired waiver ignored: {EXPIRED[1]} (expired 2025-10-31" in text
    assert "! unrecognised words (read leniently, not judged):" in text
    assert f"premises.rooms[1].kind = '{UNKNOWN_WORD}' [room_kind] (did you mean 会议室" in text
    zh = render_text([full.report(WAIVED[0])], lang="zh")
    assert "未识别的词" in zh and "是否应为 会议室" in zh


def test_text_lists_the_stations_a_region_finding_counted(full: Full) -> None:
    text = render_text([full.report(REGION)], every=True, lang="en")
    assert "stations counted (4): qz-2025-hanjiang, qz-2025-yongning" in text
    assert f"stations not counted (1):\n        {NOWHERE}: no region recorded" in text
    zh = render_text([full.report(REGION)], every=True, lang="zh")
    assert f"{NOWHERE}: 未登记所在区域" in zh


def test_text_shows_tailoring_period_and_the_grade_notes(full: Full) -> None:
    text = render_text([full.report(TIED)], lang="en")
    assert "assessed year 2025" in text
    assert "grade: good good (lowered by the rank cap)" in text
    assert "(provisional: tied at the rank cap's cut, the reviewer decides)" in text
    assert "(rank cap counted over 5 subjects)" in text
    assert f"overridden: {TAILORED} = 80.0 (source 100.0) — 县局批准 <b>80</b> 吋" in text
    assert f"requirements the tailoring left out: {LEFT_OUT}" in text


# -- Markdown --------------------------------------------------------------------------------
def test_markdown_shows_every_field_escaped(full: Full) -> None:
    page = render_markdown(full.reports)
    assert "- acceptance 验收: **未通过验收 / not accepted**; 未达标项 / items not met:" in page
    assert "rule 规则 (item\\_by\\_item): 逐项评审" in page
    assert "经豁免视为达标 / waived, counted as met: rescue.size" in page
    assert "不符合 not met, waived 已豁免" in page
    assert "### 已豁免 / waived" in page and "队员招募中 &lt;script&gt;" in page
    assert "- ⚠ 豁免已过期,不予采用 / expired waiver ignored: plans.double\\_blind" in page
    assert "### ⚠ 未识别的词" in page and f"| {UNKNOWN_WORD} | room\\_kind |" in page
    assert "### 计入的站点 / stations counted" in page
    assert "  - 未计入的站点 / stations not counted (1):" in page
    assert "qz\\-2025\\-nowhere: 未登记所在区域" in page
    assert "- 考核年度 / assessed year: 2025" in page
    assert "暂定:与比例上限分界处同分" in page and "比例上限按 5 个对象计" in page
    assert "县局批准 &lt;b&gt;80&lt;/b&gt; 吋" in page and "<b>" not in page
    assert (
        "经裁剪未选的要求 / requirements the tailoring left out: publicity.experience\\_hall"
        in page
    )
    assert HOSTILE not in page and "<script" not in page


# -- HTML ------------------------------------------------------------------------------------
class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.chunks: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs_: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.chunks.append(data)


def _parse(page: str) -> _Text:
    parser = _Text()
    parser.feed(page)
    parser.close()
    return parser


def test_html_shows_every_field_in_both_languages(full: Full) -> None:
    page = render_html(full.reports, full.dashboard)
    for zh, en in [
        ("未通过验收", "not accepted"),
        ("验收规则", "acceptance rule"),
        ("逐项评审:每个适用项均达标(或经豁免),缺少证据视为未达标", "item by item: every"),
        ("经豁免视为达标", "waived, counted as met"),
        ("已豁免", "waived"),
        ("豁免已过期,不予采用", "expired waiver ignored"),
        ("未识别的词(宽松读取,未作判断)", "unrecognised words (read leniently, not judged)"),
        ("计入的站点", "stations counted"),
        ("未计入的站点", "stations not counted"),
        ("未登记所在区域(region),不计入任何区域", "no region recorded: counted nowhere"),
        ("经裁剪未选的要求", "requirements the tailoring left out"),
        ("暂定:与比例上限分界处同分,由评审决定", "provisional: tied at the rank cap"),
        ("比例上限按 5 个对象计", "rank cap counted over 5 subjects"),
        ("考核年度", "assessed year"),
        ("等级暂定", "provisional grades"),
    ]:
        assert f'<span lang="zh">{zh}' in page, zh
        assert f'<span lang="en">{en}' in page, en
    assert page.count('class="warning unrecognised"') == 2  # the station and its region
    assert 'class="warning expired"' in page and 'class="st-not_met is-waived"' in page
    assert f"<code>{UNKNOWN_WORD}</code>" in page and "<code>room_kind</code>" in page
    assert f"<code>{TAILORED}</code>" in page and '<th><span lang="zh">理由' in page


def test_html_links_the_counted_stations_to_their_reports(full: Full) -> None:
    page = render_html(full.reports, full.dashboard)
    tally = page[page.index('<tr class="tally">') :]
    tally = tally[: tally.index("</tr>")]
    for i, r in enumerate(full.reports):
        if r.subject.subject == "station":
            assert f'<a href="#subject-{i + 1}"><code>{r.subject.id}</code></a>' in tally


def test_html_keeps_hostile_waivers_names_and_reasons_as_text(full: Full) -> None:
    page = render_html(full.reports, full.dashboard)
    parsed = _parse(page)
    assert HOSTILE not in page and "<b>80" not in page
    assert "img" not in parsed.tags and "b" not in parsed.tags
    assert parsed.tags.count("script") == 1
    text = "".join(parsed.chunks)
    assert f"队员招募中 {HOSTILE}" in text and "县局批准 <b>80</b> 吋" in text


def test_html_dashboard_counts_provisional_waived_and_warnings(full: Full) -> None:
    page = render_html(full.reports, full.dashboard)
    board = page[page.index('id="dashboard"') : page.index('<article class="subject"')]
    provisional = sum(r.grade_provisional for r in full.reports)
    assert provisional == 2
    assert (
        f'<div class="tile caution"><div class="big">{provisional}</div><div>'
        '<span lang="zh">等级暂定</span>' in board
    )
    assert '<div class="big">1</div><div><span lang="zh">豁免项</span>' in board
    assert '<div class="big">1</div><div><span lang="zh">豁免已过期</span>' in board
    assert '<div class="big">2</div><div><span lang="zh">未识别的词</span>' in board
    assert board.count('<span class="provisional">') == provisional  # the subject index
    assert '<span lang="en">provisional</span></th>' in board  # the region table's column


def test_a_report_read_back_from_json_renders_the_same(full: Full) -> None:
    again = [report_from_json(report_to_json(r)) for r in full.reports]
    assert render_html(again, full.dashboard) == render_html(full.reports, full.dashboard)
    assert render_markdown(again) == render_markdown(full.reports)
    assert render_text(again, every=True) == render_text(full.reports, every=True)


def test_a_rule_this_version_does_not_know_shows_as_its_word(full: Full) -> None:
    report = full.report(TIED)
    assert report.acceptance is not None
    newer = attrs.evolve(report, acceptance=attrs.evolve(report.acceptance, rule="by_lottery"))
    assert "rule (by_lottery): by_lottery" in render_text([newer], lang="en")
    assert "<code>by_lottery</code>" in render_html([newer])


def test_a_long_tally_lists_up_to_the_limit_and_counts_the_rest(full: Full) -> None:
    region = full.report(REGION)
    name = _region_finding(full)
    many = Tally(
        tuple(f"s{i}" for i in range(MAX_TALLY_LISTED + 5)),
        tuple(NotCounted(f"n{i}", Text("原因", "why")) for i in range(MAX_TALLY_LISTED + 2)),
    )
    found = tuple(
        attrs.evolve(f, tally=many) if f.requirement == name else f for f in region.findings
    )
    report = attrs.evolve(region, findings=found)
    text = render_text([report], every=True, lang="en")
    assert f"stations counted ({MAX_TALLY_LISTED + 5}):" in text and "(+5)" in text
    assert f"s{MAX_TALLY_LISTED - 1}" in text and f"s{MAX_TALLY_LISTED}," not in text
    assert "(2 more)" in text
    page = render_html([report])
    assert '<span lang="en">5 more</span>' in page and '<span lang="en">2 more</span>' in page
    assert render_markdown([report]).count("- n") == MAX_TALLY_LISTED


def test_a_plain_report_says_nothing_of_absent_fields(tmp_path: Path) -> None:
    full = full_batch(tmp_path)
    plain = attrs.evolve(
        full.report(TIED),
        unrecognised=(),
        expired_waivers=(),
        left_out=(),
        overridden={},
        rank_tie=False,
        grade_provisional=False,
        rank_population=None,
        rank_capped=False,
        period=None,
    )
    text = render_text([plain], lang="en")
    for absent in ("unrecognised", "expired", "left out", "provisional", "rank cap", "year"):
        assert absent not in text, absent
    body = render_html([plain]).split("</style>")[1]  # the page, not its stylesheet
    assert 'class="warning' not in body and "is-waived" not in body
    assert '<span lang="zh">考核年度' not in body and 'class="provisional"' not in body


@settings(max_examples=40, deadline=None)
@given(s=st.text(min_size=1, max_size=40))
def test_any_justification_reason_or_word_shows_as_itself(full: Full, s: str) -> None:
    """Whatever a clerk typed into a waiver, a tailoring file or a data file shows as text:
    the page's structure stays, Markdown gains no line or tag, a terminal no escape."""
    r = full.report(WAIVED[0])
    waiver = r.finding(WAIVED[1]).waiver
    assert waiver is not None
    typed = attrs.evolve(waiver, justification=s, approved_by=s)
    hostile = attrs.evolve(
        r,
        findings=tuple(
            attrs.evolve(f, waiver=typed) if f.waiver is not None else f for f in r.findings
        ),
        unrecognised=tuple(attrs.evolve(u, word=s, path=s) for u in r.unrecognised),
        overridden={s: attrs.evolve(next(iter(r.overridden.values())), reason=s)},
        expired_waivers=(typed,),
        left_out=(s,),
    )
    plain = attrs.evolve(hostile, expired_waivers=(waiver,))
    page = _parse(render_html([hostile]))
    assert page.tags == _parse(render_html([plain])).tags
    assert clean(s) in "".join(page.chunks)
    markdown = render_markdown([hostile])
    assert "<" not in markdown
    assert len(markdown.splitlines()) == len(render_markdown([plain]).splitlines())
    text = render_text([hostile], every=True)
    assert "\x1b" not in text and not BIDI_CONTROLS & set(text)
    assert len(text.splitlines()) == len(render_text([plain], every=True).splitlines())

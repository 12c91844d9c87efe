"""The quanzhou pages say everything the standard judges by: the outcome rule (QZ25 §四(四)1
"逐项进行评审"), scoring and grading with values (§四(四)2 "优秀等级控制在30%以内"), the
programme with its dates, the acceptance machine as resolved, what is not encoded; each
section once."""

from __future__ import annotations

import json
import re
from io import StringIO

import pytest

from stationkit.cli._main import main


def _run(*argv: str) -> str:
    out = StringIO()
    assert main(list(argv), out=out) == 0
    return out.getvalue()


@pytest.mark.parametrize("edition", ["2023", "2025"])
def test_the_page_has_every_section_once(edition: str) -> None:
    page = _run("show", f"quanzhou@{edition}")
    headings = re.findall(r"^#{2,3} .*$", page, flags=re.M)
    assert len(headings) == len(set(headings)), "a section appears twice"
    for section in (
        "## Acceptance 验收 (outcome)",
        "## Assessed period 评估期",
        "## Scoring 计分",
        "## Grading 评级",
        "## Rollout programmes 推进计划",
        "## Lifecycle extensions 生命周期扩展",
        "## Lifecycles as resolved 解析后的状态机",
        "## Not encoded 未编码条款",
    ):
        assert section in page
    assert "\ngantt\n" in page and "stateDiagram-v2" in page
    assert "pass mark 合格线: 70.0 (`pass_mark` *default*)" in page


def test_the_2025_page_shows_the_cap_with_its_value_and_the_tie_rule() -> None:
    page = _run("show", "quanzhou@2025")
    assert "excellent ≤ 0.3 (`excellent_share_max`)" in page
    assert "Ties at the cut" in page
    assert page.count("(`mechanism`)") == 1 and page.count("(`plans`)") == 1


def test_show_json_carries_scoring_grading_and_machines() -> None:
    data = json.loads(_run("show", "quanzhou@2025", "--json"))
    assert data["outcome_rule"]["kind"] == "item_by_item"
    cap = data["grading"]["rank_caps"][0]
    assert cap["max_share"] == {"value": 0.3, "parameter": "excellent_share_max", "default": False}
    assert data["scoring"]["shares"][0]["share"]["value"] == 1.0
    assert {m["name"] for m in data["machines"]} == {"acceptance", "hazard"}


def test_diff_covers_outcome_grading_programmes_and_not_encoded() -> None:
    data = json.loads(_run("diff", "quanzhou@2023", "quanzhou@2025", "--json"))
    assert data["outcome_rule"] is not None  # the citation moved from QZ23 to QZ25
    assert data["grading"]["to"]["rank_caps"] and not data["grading"]["from"]["rank_caps"]
    assert data["programmes"]["added"] == ["quanzhou-2025-shishi"]
    assert data["not_encoded"]["added"] and data["not_encoded"]["removed"]
    text = _run("diff", "quanzhou@2023", "quanzhou@2025")
    assert "programme added: quanzhou-2025-shishi" in text

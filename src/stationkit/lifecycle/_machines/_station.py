"""The station lifecycle: from planning to accepted operation, and decommissioning."""

from __future__ import annotations

from stationkit.lifecycle._guards import copy_payload_action, payload_text_guard
from stationkit.lifecycle._spec import Example, MachineSpec, StateSpec, TransitionSpec
from stationkit.lifecycle._state import START
from stationkit.standard._text import Text

STATES = (
    StateSpec("planned", Text(zh="已规划", en="planned")),
    StateSpec("site_chosen", Text(zh="已选址", en="site chosen")),
    StateSpec("under_construction", Text(zh="建设中", en="under construction")),
    StateSpec("trial_operation", Text(zh="试运行", en="trial operation")),
    StateSpec("acceptance_applied", Text(zh="已申请验收", en="acceptance applied")),
    StateSpec("accepted", Text(zh="验收通过", en="accepted")),
    StateSpec("rejected", Text(zh="验收未通过", en="rejected")),
    StateSpec("rectifying", Text(zh="整改中", en="rectifying")),
    StateSpec("operating", Text(zh="运行中", en="operating")),
    StateSpec("suspended", Text(zh="暂停运行", en="suspended")),
    StateSpec("decommissioned", Text(zh="已撤销", en="decommissioned")),
)

_REASON = payload_text_guard("reason", Text(zh="理由", en="the reason"))


def station_spec() -> MachineSpec:
    t = TransitionSpec
    return MachineSpec(
        name="station",
        title=Text(zh="站点建设与运行", en="station lifecycle"),
        states=STATES,
        transitions=(
            t("plan", (START,), "planned", Text(zh="列入规划", en="plan")),
            t(
                "choose_site",
                ("planned",),
                "site_chosen",
                Text(zh="选址", en="choose the site"),
                guards=(payload_text_guard("site", Text(zh="站址", en="the site")),),
                actions=(copy_payload_action("record_site", ("site",)),),
                example=Example({"site": "village hall, 1F"}),
            ),
            t(
                "start_construction",
                ("site_chosen",),
                "under_construction",
                Text(zh="开工建设", en="start construction"),
            ),
            t(
                "start_trial",
                ("under_construction",),
                "trial_operation",
                Text(zh="试运行", en="start trial operation"),
            ),
            t(
                "apply_acceptance",
                ("trial_operation", "rectifying"),
                "acceptance_applied",
                Text(zh="申请验收", en="apply for acceptance"),
            ),
            t(
                "accept",
                ("acceptance_applied",),
                "accepted",
                Text(zh="验收通过", en="accept"),
                actions=(copy_payload_action("record_grade", ("grade",)),),
            ),
            t(
                "reject",
                ("acceptance_applied",),
                "rejected",
                Text(zh="验收不通过", en="reject"),
                guards=(_REASON,),
                example=Example({"reason": "duty roster missing"}),
            ),
            t(
                "start_rectification",
                ("rejected",),
                "rectifying",
                Text(zh="开始整改", en="start rectification"),
            ),
            t(
                "start_operation",
                ("accepted",),
                "operating",
                Text(zh="投入运行", en="start operation"),
            ),
            t(
                "suspend",
                ("operating",),
                "suspended",
                Text(zh="暂停运行", en="suspend"),
                guards=(_REASON,),
                example=Example({"reason": "building repairs"}),
            ),
            t("resume", ("suspended",), "operating", Text(zh="恢复运行", en="resume")),
            t(
                "decommission",
                ("planned", "site_chosen", "operating", "suspended"),
                "decommissioned",
                Text(zh="撤销", en="decommission"),
                guards=(_REASON,),
                example=Example({"reason": "merged with the township station"}),
            ),
        ),
    )

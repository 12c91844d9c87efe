"""Private adapter to the `transitions` library: validation, Mermaid export, differential twin.

Never exported. `transitions` is used once per resolved definition (build + Mermaid) and in
tests as an independent engine; records are driven by the compiled table in ``_step``.
"""

from __future__ import annotations

import re
from typing import Any

from transitions import Machine, MachineError
from transitions.extensions.diagrams import GraphMachine

from stationkit.errors import DefinitionError
from stationkit.lifecycle._definition import MachineDefinition
from stationkit.lifecycle._events import Event
from stationkit.lifecycle._spec import MachineSpec
from stationkit.lifecycle._state import START, RecordState

_START_NAME = "_start_"  # state names must match [a-z]..., so this cannot clash


def _name(state: str) -> str:
    return _START_NAME if state == START else state


def _transition_dicts(spec: MachineSpec, *, with_conditions: bool) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for transition in spec.transitions:
        row: dict[str, Any] = {
            "trigger": transition.trigger,
            "source": [_name(source) for source in transition.sources],
            "dest": transition.dest,
        }
        if with_conditions and transition.guards:
            row["conditions"] = [guard.name for guard in transition.guards]
        rows.append(row)
    return rows


class _DiagramModel:
    """A bare model for the diagram machine; it is never triggered."""


def build_and_render(spec: MachineSpec) -> str:
    """Build the machine with `transitions` (validating it) and return its Mermaid diagram."""
    model = _DiagramModel()
    try:
        GraphMachine(
            model=model,
            states=[_START_NAME, *(state.name for state in spec.states)],
            transitions=_transition_dicts(spec, with_conditions=True),
            initial=_START_NAME,
            auto_transitions=False,
            graph_engine="mermaid",
            show_conditions=True,
            title=f"{spec.name}: {spec.title.zh} / {spec.title.en}",
        )
        raw: str = model.get_graph().draw(None)  # type: ignore[attr-defined]
    except (ValueError, MachineError) as error:
        raise DefinitionError(
            f"machine {spec.name!r} is not valid for transitions: {error}"
        ) from error
    return _tidy_mermaid(raw, spec)


_STATE_LINE = re.compile(r'^(\s*)state "([^"]*)" as (\S+)\s*$')


def _tidy_mermaid(raw: str, spec: MachineSpec) -> str:
    titles = {state.name: state.title for state in spec.states}
    finals = {state.name for state in spec.states} - {
        source for transition in spec.transitions for source in transition.sources
    }
    out: list[str] = []
    for line in raw.splitlines():
        stripped = line.strip()
        if stripped.startswith(("classDef ", "Class ")):
            continue  # styling of the diagram model's (meaningless) current state
        if stripped == f"[*] --> {_START_NAME}":
            continue
        match = _STATE_LINE.match(line)
        if match:
            indent, _, name = match.groups()
            if name == _START_NAME:
                continue
            title = titles[name]
            out.append(f'{indent}state "{title.zh} / {title.en}" as {name}')
            continue
        if stripped.startswith(f"{_START_NAME} -->"):
            line = line.replace(f"{_START_NAME} -->", "[*] -->", 1)
        out.append(line.rstrip())
    out.extend(f"  {name} --> [*]" for name in sorted(finals))
    return "\n".join(out).strip() + "\n"


class TransitionsTwin:
    """One `transitions` Machine built from a definition, driving one record.

    Used by the differential test to check the compiled table against the library itself.
    ``fire`` returns "ok", "illegal" (no such transition) or "refused" (a guard said no).
    """

    def __init__(self, definition: MachineDefinition, record_id: str) -> None:
        self.definition = definition
        self.record = RecordState(record_id, definition.name, START, 0)
        self._pending: RecordState | None = None
        rows: list[dict[str, Any]] = []
        for transition in definition.transitions:
            for source in transition.sources:
                rows.append(
                    {
                        "trigger": transition.trigger,
                        "source": _name(source),
                        "dest": transition.dest,
                        "conditions": [self._condition(guard.check) for guard in transition.guards],
                        "before": self._before(transition.actions),
                    }
                )
        self.machine = Machine(
            model=self,
            states=[_START_NAME, *definition.state_names],
            transitions=rows,
            initial=_START_NAME,
            auto_transitions=False,
            send_event=True,
            model_attribute="twin_state",
        )

    def _condition(self, check: Any) -> Any:
        def condition(event_data: Any) -> bool:
            event: Event = event_data.kwargs["event"]
            return check(self.record, event, self.definition.policy) is None

        return condition

    def _before(self, actions: Any) -> Any:
        def before(event_data: Any) -> None:
            event: Event = event_data.kwargs["event"]
            facts = self.record.facts
            for action in actions:
                updates, _ = action.apply(self.record, event, self.definition.policy)
                if updates:
                    facts = {**facts, **updates}
            self.record = RecordState(
                self.record.record_id,
                self.definition.name,
                event_data.transition.dest,
                self.record.version + 1,
                facts,
                event.at,
            )

        return before

    @property
    def state(self) -> str:
        name: str = self.twin_state  # type: ignore[attr-defined]
        return START if name == _START_NAME else name

    def fire(self, event: Event) -> str:
        try:
            moved = self.trigger(event.type, event=event)  # type: ignore[attr-defined]
        except (MachineError, AttributeError):
            return "illegal"
        return "ok" if moved else "refused"

"""The YAML reader: libyaml's parser when present, with the strictness input files need.

- Only ``true``/``false`` are booleans (YAML 1.1 would read yes/no/on/off); dates stay text
  so a bad date is reported at its field path.
- Duplicate keys are refused (YAML would silently keep the last).
- Aliases are capped, in number and in how many values they repeat (``Limits.max_aliases``,
  ``max_alias_values``): a "billion laughs" file is refused at once, before it expands.
- Nesting, text length and the number of values are checked on the parsed nodes, before
  anything is built from them; numbers over the digit limit, NaN and infinities are refused.
- Only the plain data tags (text, numbers, booleans, null, lists, mappings) are accepted:
  ``!!binary``, ``!!set``, ``!!timestamp`` and the like have no place in an input file.
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from stationkit.records._limits import DEFAULT_LIMITS, Limits, finite_problem, number_problem

_BASE: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
#: Whether libyaml parses (about three times faster than the pure-Python parser).
WITH_LIBYAML = _BASE is not yaml.SafeLoader

_TAG = "tag:yaml.org,2002:"
_PLAIN_TAGS = frozenset(
    _TAG + name for name in ("str", "int", "float", "bool", "null", "map", "seq", "merge")
)


class YamlRefusedError(Exception):
    """Input refused by a limit or a strictness rule, at a place in the file."""

    def __init__(self, message: str, mark: Any) -> None:
        super().__init__(message)
        self.message = message
        self.mark = mark


class _Loader(_BASE):  # type: ignore[misc]
    """The safe loader (libyaml's when installed) with the strict resolvers and constructors."""

    limits: Limits = DEFAULT_LIMITS

    def construct_mapping(self, node: Node, deep: bool = False) -> dict[Any, Any]:
        if isinstance(node, MappingNode):
            seen: dict[Any, Node] = {}
            for key_node, _ in node.value:
                tag = key_node.tag
                if tag == _TAG + "merge":
                    continue
                # A text key is its scalar (the common case, cheap); others are built.
                key = key_node.value if tag == _TAG + "str" else self.construct_object(key_node)
                try:
                    first = seen.setdefault(key, key_node)
                except TypeError:  # an unhashable key: the base class reports it
                    continue
                if first is not key_node:
                    raise YamlRefusedError(
                        f"duplicate key {key!r} (first at line {first.start_mark.line + 1})",
                        key_node.start_mark,
                    )
        result: dict[Any, Any] = super().construct_mapping(node, deep=deep)
        return result


_Loader.yaml_implicit_resolvers = {
    first: [
        (tag, regexp) for tag, regexp in resolvers if tag not in (_TAG + "timestamp", _TAG + "bool")
    ]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
# Only ``true``/``false`` are booleans: YAML 1.1 would also read yes/no/on/off (so a key
# ``on:`` became True, and ``handbook: no`` a silent False).
_Loader.add_implicit_resolver(
    _TAG + "bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def _int(loader: _Loader, node: ScalarNode) -> int:
    problem = number_problem(node.value, loader.limits)
    if problem:
        raise YamlRefusedError(problem, node.start_mark)
    value: int = yaml.SafeLoader.construct_yaml_int(loader, node)
    return value


def _float(loader: _Loader, node: ScalarNode) -> float:
    problem = number_problem(node.value, loader.limits)
    if problem is None:
        value: float = yaml.SafeLoader.construct_yaml_float(loader, node)
        problem = finite_problem(value)
        if problem is None:
            return value
    raise YamlRefusedError(problem, node.start_mark)


_Loader.add_constructor(_TAG + "int", _int)
_Loader.add_constructor(_TAG + "float", _float)


def _check_nodes(root: Node, limits: Limits) -> int:
    """Depth, aliases, tags, text lengths and the number of distinct nodes, without
    recursion (the constructor recurses: nesting is checked before it runs)."""
    seen: set[int] = set()
    aliases = 0
    stack: list[tuple[Node, int]] = [(root, 0)]
    while stack:
        node, depth = stack.pop()
        if id(node) in seen:  # the composer hands out the anchored node again: an alias
            aliases += 1
            if aliases > limits.max_aliases:
                raise YamlRefusedError(
                    f"more than {limits.max_aliases:,} aliases (*name); the value anchored "
                    "here is reused once too often",
                    node.start_mark,
                )
            continue
        seen.add(id(node))
        if len(seen) > limits.max_nodes:
            raise YamlRefusedError(f"more than {limits.max_nodes:,} values", node.start_mark)
        if depth > limits.max_depth:
            raise YamlRefusedError(f"nested deeper than {limits.max_depth} levels", node.start_mark)
        if node.tag not in _PLAIN_TAGS:
            raise YamlRefusedError(
                f"tag {node.tag!r} is not allowed; input files hold texts, numbers, "
                "true/false, lists and mappings",
                node.start_mark,
            )
        if isinstance(node, ScalarNode):
            if len(node.value) > limits.max_text:
                raise YamlRefusedError(
                    f"text of {len(node.value):,} characters is over {limits.max_text:,}",
                    node.start_mark,
                )
        elif isinstance(node, SequenceNode):
            stack.extend((child, depth + 1) for child in reversed(node.value))
        elif isinstance(node, MappingNode):
            for key, value in reversed(node.value):
                stack.append((value, depth + 1))
                stack.append((key, depth + 1))
    return aliases


def _children(node: Node) -> list[Node]:
    if isinstance(node, SequenceNode):
        return list(node.value)
    if isinstance(node, MappingNode):
        return [part for pair in node.value for part in pair]
    return []


def _check_expansion(root: Node, limits: Limits) -> None:
    """How many values the document holds once aliases are expanded: computed once per
    distinct node (so a "billion laughs" costs a few steps), refused past the limit; an
    alias inside the value it names (a cycle) is refused too."""
    size: dict[int, int] = {}
    on_path: set[int] = set()
    largest: tuple[int, Node] = (0, root)
    stack: list[tuple[Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        key = id(node)
        children = _children(node)
        if done:
            on_path.discard(key)
            total = 1 + sum(size[id(child)] for child in children)
            size[key] = total
            continue
        if key in size:
            if size[key] > largest[0]:
                largest = (size[key], node)
            continue
        if key in on_path:
            raise YamlRefusedError("an alias (*name) inside the value it names", node.start_mark)
        on_path.add(key)
        stack.append((node, True))
        stack.extend((child, False) for child in children)
    added = size[id(root)] - len(size)
    if added > limits.max_alias_values:
        raise YamlRefusedError(
            f"aliases (*name) repeat {added:,} values, over the limit of "
            f"{limits.max_alias_values:,}; the largest value they repeat starts here",
            largest[1].start_mark,
        )


def parse_yaml(text: str, limits: Limits = DEFAULT_LIMITS) -> Any:
    """One YAML document as plain data; raises ``yaml.YAMLError`` or ``YamlRefusedError``."""
    loader = _Loader(text)
    loader.limits = limits
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        if _check_nodes(node, limits):  # only aliases can make a document expand
            _check_expansion(node, limits)
        return loader.construct_document(node)
    finally:
        loader.dispose()

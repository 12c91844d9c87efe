"""A fast path for structuring well-formed records, checked against the strict converter.

The strict converter (``_convert``) reports every problem with its field path, and pays for
it: a hook call per value and per list item, most of the time of loading a station. Most
input is well formed, so each record type also gets a generated function that accepts
only what the strict converter accepts — exact JSON types, no unknown keys, counts and
numbers not negative — and gives up (raises) on anything else. The caller then runs the
strict converter, which either accepts the value too (the fast path was only cautious) or
reports the problems. The fast path can thus never let through what the strict one refuses
(tests/test_fast_structure.py checks both agree on valid and mutated records).
"""

from __future__ import annotations

import functools
import typing
from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import Any

import attrs

from stationkit.records._convert import _date as strict_date
from stationkit.records._convert import _datetime as strict_datetime
from stationkit.records._convert import optional_of
from stationkit.records._model import FILED_AS, VOCABULARY, Count, RegionLevel

_ABSENT: Any = object()  # a key the input does not have


class NotPlainError(Exception):
    """The fast path cannot vouch for the value: use the strict converter."""


def _give_up(*_: object) -> Any:
    raise NotPlainError


def _date(value: object) -> date:
    # The strict converter's own hook: dates are read exactly as it reads them.
    return strict_date(value, date)


def _datetime(value: object) -> datetime:
    # The strict converter's own hook (offsets converted to China Standard Time).
    return strict_datetime(value, datetime)


def _settable(cls: type) -> bool:
    """Whether records of ``cls`` can be built by setting their slots: what ``__init__``
    would do, nothing more (no validators, converters, factories, post-init)."""
    if "__slots__" not in cls.__dict__ or hasattr(cls, "__attrs_post_init__"):
        return False
    return all(
        f.init
        and f.validator is None
        and f.converter is None
        and not isinstance(f.default, attrs.Factory)  # type: ignore[arg-type]
        and f.name in cls.__dict__
        for f in attrs.fields(cls)
    )


class _Builder:
    """Generates one structuring function per record class, on first need."""

    def __init__(
        self,
        words: Callable[[str, str], str] | None = None,
        codes: Mapping[tuple[str, str], str] | None = None,
    ) -> None:
        self.words = words
        self.functions: dict[type, Callable[[Any], Any]] = {}
        self.namespace: dict[str, Any] = {
            "NotPlainError": NotPlainError,
            "give_up": _give_up,
            "to_date": _date,
            "to_datetime": _datetime,
            "RegionLevel": RegionLevel,
            "float": float,
            "str": str,
            "int": int,
            "bool": bool,
            "dict": dict,
            "list": list,
            "tuple": tuple,
            "ABSENT": _ABSENT,
            "CODES": codes if codes is not None else {},
            "LOOK": words,
        }
        self._counter = 0
        self._building: set[type] = set()

    def _name(self, prefix: str) -> str:
        self._counter += 1
        return f"{prefix}_{self._counter}"

    def expr(self, tp: Any, v: str) -> str:
        """A Python expression structuring the value named ``v`` as ``tp``, or giving up."""
        if tp == Count:
            return f"({v} if {v}.__class__ is int and {v} >= 0 else give_up())"
        if tp in (str, int, bool):  # exactly the JSON type: a bool is no int here
            return f"({v} if {v}.__class__ is {tp.__name__} else give_up())"
        if tp is float:
            return (
                f"(float({v}) if ({v}.__class__ is float or {v}.__class__ is int) "
                f"and {v} >= 0 else give_up())"
            )
        if tp is date:
            return f"to_date({v})"
        if tp is datetime:
            return f"to_datetime({v})"
        if tp is RegionLevel:
            return f"RegionLevel({v})"
        inner = optional_of(tp)
        if inner is not None:
            return f"(None if {v} is None else {self.expr(inner, v)})"
        origin = typing.get_origin(tp)
        args = typing.get_args(tp)
        if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
            item = self._name("x")
            return (
                f"(tuple([{self.expr(args[0], item)} for {item} in {v}]) "
                f"if {v}.__class__ is list else give_up())"
            )
        if attrs.has(tp):
            name = self._name(f"s_{tp.__name__}")
            if tp in self._building:  # a recursive record (a region's children): bound late
                self.namespace[name] = lambda value, tp=tp: self.functions[tp](value)
            else:
                self.namespace[name] = self.function(tp)
            return f"{name}({v})"
        return "give_up()"  # a type this fast path does not know: always the strict path

    def function(self, cls: type) -> Callable[[Any], Any]:
        found = self.functions.get(cls)
        if found is not None:
            return found
        self._building.add(cls)
        # Fields that loading sets (``metadata["loaded"] is False``) are no input: a key of
        # that name is left to the strict converter, which refuses it.
        fields = [
            f
            for f in attrs.fields(attrs.resolve_types(cls))
            if f.metadata.get("loaded") is not False
        ]
        keys = frozenset(f.name for f in fields)
        key_name = self._name("keys")
        cls_name = self._name("cls")
        self.namespace[key_name] = keys
        self.namespace[cls_name] = cls
        lines = [
            "def structure(d):",
            f"    if d.__class__ is not dict or not d.keys() <= {key_name}:",
            "        raise NotPlainError",
        ]
        if any(f.alias != f.name for f in fields):  # pragma: no cover - records use no aliases
            return self._strict_only(cls)
        if _settable(cls):
            lines += self._by_slots(cls, fields)
        elif self.words is not None and any(VOCABULARY in f.metadata for f in fields):
            return self._strict_only(cls)  # words are mapped on the slot path only
        else:
            lines += self._by_init(cls_name, fields)
        scope: dict[str, Any] = {}
        code = compile("\n".join(lines), f"<fast structure {cls.__name__}>", "exec")
        exec(code, self.namespace, scope)
        function: Callable[[Any], Any] = scope["structure"]
        self.functions[cls] = function
        self._building.discard(cls)
        return function

    def _by_init(self, cls_name: str, fields: list[Any]) -> list[str]:
        lines = ["    kw = {}"]
        for f in fields:
            value = self.expr(f.type, "v")
            if f.default is attrs.NOTHING:
                lines.append(f"    v = d[{f.name!r}]")
                lines.append(f"    kw[{f.name!r}] = {value}")
            else:
                lines.append(f"    if {f.name!r} in d:")
                lines.append(f"        v = d[{f.name!r}]")
                lines.append(f"        kw[{f.name!r}] = {value}")
        lines.append(f"    return {cls_name}(**kw)")
        return lines

    def _by_slots(self, cls: type, fields: list[Any]) -> list[str]:
        """Construction without ``__init__``: each slot set by its descriptor. A frozen
        class's ``__init__`` sets every field through a Python-level call (more than half
        the cost of structuring); for a class with no validators, converters or post-init
        the result is the same record. Fields not in the input get their defaults."""
        new = self._name("new")
        self.namespace[new] = functools.partial(object.__new__, cls)
        lines = [f"    o = {new}()"]
        given = {f.name for f in fields}
        words: dict[str, str] = {}  # vocabulary field -> the local holding its word
        for f in attrs.fields(cls):
            setter = self._name(f"set_{f.name}")
            self.namespace[setter] = cls.__dict__[f.name].__set__
            if f.name not in given:  # set by loading, never read: its default
                default = self._name("default")
                self.namespace[default] = f.default
                lines.append(f"    {setter}(o, {default})")
                continue
            value = self.expr(f.type, "v")
            if f.default is attrs.NOTHING:
                lines.append(f"    v = d[{f.name!r}]")
                read = value
            else:
                default = self._name("default")
                self.namespace[default] = f.default
                lines.append(f"    v = d.get({f.name!r}, ABSENT)")
                read = f"{default} if v is ABSENT else {value}"
            vocabulary = f.metadata.get(VOCABULARY) if self.words is not None else None
            if vocabulary is None:
                lines.append(f"    {setter}(o, {read})")
                continue
            # The word as written, then its code (an unknown word gives up: the slow path
            # names it, or lists it as unrecognised).
            local = words[f.name] = self._name("word")
            lines.append(f"    {local} = {read}")
            # Known words from the dictionary inline; the function looks up the others.
            key = f"({vocabulary!r}, {{}})"
            one = f"(CODES.get({key.format('{}')}) or LOOK({vocabulary!r}, {{}}))"
            if typing.get_origin(optional_of(f.type) or f.type) is tuple:
                code = f"tuple([{one.format('x', 'x')} for x in {local}])"
            else:
                code = one.format(local, local)
            lines.append(f"    {setter}(o, None if {local} is None else {code})")
        for f in attrs.fields(cls):
            of = f.metadata.get(FILED_AS)
            if of in words:  # the word as filed, kept when it became another code
                setter = self._name(f"set_{f.name}")
                self.namespace[setter] = cls.__dict__[f.name].__set__
                local = words[of]
                lines.append(
                    f"    if o.{f.name} is None and {local} is not None and o.{of} != {local}:"
                )
                lines.append(f"        {setter}(o, {local})")
        lines.append("    return o")
        return lines

    def _strict_only(self, cls: type) -> Callable[[Any], Any]:
        self.functions[cls] = _give_up
        return _give_up


def fast_structurer(
    words: Callable[[str, str], str] | None = None,
    codes: Mapping[tuple[str, str], str] | None = None,
) -> Callable[[Any, type], Any]:
    """``structure(data, cls)``: the record, or :class:`NotPlainError` when the data is not plainly
    well formed (then use the strict converter, which names the problems).

    ``words(vocabulary, word)``, when given, maps each word of a vocabulary field to its code
    as the record is built (as ``_words.map_words`` would after), raising for a word it does
    not know: the record is then left to the strict converter and ``map_words``. ``codes``:
    the words it has mapped, ``(vocabulary, word) -> code``, read inline first."""
    builder = _Builder(words, codes)

    def structure(data: Any, cls: type) -> Any:
        return builder.function(cls)(data)

    return structure

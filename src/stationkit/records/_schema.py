"""JSON Schema (draft 2020-12) of the input format, derived from the record classes."""

from __future__ import annotations

import types
import typing
from datetime import date, datetime
from enum import Enum
from typing import Any

import attrs

from stationkit.records._model import Count, Dataset


def _type_schema(tp: Any, defs: dict[str, Any]) -> dict[str, Any]:
    if tp == Count:
        return {"type": "integer", "minimum": 0}
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(tp) if a is not type(None)]
        inner = (
            _type_schema(options[0], defs)
            if len(options) == 1
            else {"anyOf": [_type_schema(a, defs) for a in options]}
        )
        return (
            {"anyOf": [inner, {"type": "null"}]}
            if len(options) < len(typing.get_args(tp))
            else inner
        )
    if origin is tuple:
        return {"type": "array", "items": _type_schema(typing.get_args(tp)[0], defs)}
    if tp is bool:
        return {"type": "boolean"}
    if tp is int:
        return {"type": "integer"}
    if tp is float:
        return {"type": "number", "minimum": 0}
    if tp is str:
        return {"type": "string"}
    if tp is datetime:
        return {"type": "string", "format": "date-time"}
    if tp is date:
        return {"type": "string", "format": "date"}
    if isinstance(tp, type) and issubclass(tp, Enum):
        return {"enum": [m.value for m in tp]}
    if isinstance(tp, type) and attrs.has(tp):
        name = tp.__name__
        if name not in defs:
            defs[name] = {}  # placeholder: the region tree refers to itself
            defs[name] = _class_schema(tp, defs)
        return {"$ref": f"#/$defs/{name}"}
    raise TypeError(f"no JSON Schema for {tp!r}")


def _class_schema(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    hints = typing.get_type_hints(cls, include_extras=True)
    props: dict[str, Any] = {}
    required: list[str] = []
    for field in attrs.fields(cls):
        props[field.name] = _type_schema(hints[field.name], defs)
        if field.default is attrs.NOTHING:
            required.append(field.name)
    schema: dict[str, Any] = {"type": "object", "properties": props, "additionalProperties": False}
    if cls.__doc__:
        schema["description"] = " ".join(cls.__doc__.split())
    if required:
        schema["required"] = required
    return schema


def dataset_schema() -> dict[str, Any]:
    """The schema of an input file (a :class:`~stationkit.Dataset`)."""
    defs: dict[str, Any] = {}
    root = _class_schema(Dataset, defs)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://stationkit.example/schema/dataset.json",
        "title": "stationkit dataset",
        **root,
        "$defs": defs,
    }

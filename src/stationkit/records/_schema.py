"""JSON Schema (draft 2020-12) of the input format, derived from the record classes.

A field whose words are vocabulary terms carries its vocabulary (``x-vocabulary``: every term
with its zh and en labels and aliases); a closed vocabulary's field also lists every accepted
spelling as an ``enum`` (loading further accepts those spellings written with the documented
variations: spaces, full-width forms, brackets, optional words). Dates are ``YYYY-MM-DD``;
timestamps ``YYYY-MM-DDTHH:MM[:SS]`` with or without a UTC offset (``TIMESTAMP``), exactly
what loading accepts."""

from __future__ import annotations

import types
import typing
from collections.abc import Mapping
from datetime import date, datetime
from enum import Enum
from typing import Any

import attrs

from stationkit.records._convert import DATE, TIMESTAMP
from stationkit.records._model import VOCABULARY, Count, Dataset
from stationkit.records._vocabulary import Vocabulary


def vocabulary_schema(vocab: Vocabulary) -> dict[str, Any]:
    """A vocabulary as schema annotations: its terms, and (closed) every accepted spelling."""
    schema: dict[str, Any] = {
        "type": "string",
        "x-vocabulary": {
            "id": vocab.id,
            "zh": vocab.zh,
            "en": vocab.en,
            "closed": vocab.closed,
            "terms": [
                {"code": t.code, "zh": t.zh, "en": t.en, "aliases": list(t.aliases)}
                for t in vocab.terms
            ],
        },
    }
    spellings = list(dict.fromkeys(s for t in vocab.terms for s in t.spellings() if s))
    if vocab.closed and spellings:
        schema["enum"] = spellings
    elif spellings:
        schema["examples"] = list(vocab.codes)
    return schema


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
        return {"type": "string", "pattern": TIMESTAMP}
    if tp is date:
        return {"type": "string", "format": "date", "pattern": DATE}
    if isinstance(tp, type) and issubclass(tp, Enum):
        return {"enum": [m.value for m in tp]}
    if isinstance(tp, type) and attrs.has(tp):
        name = tp.__name__
        if name not in defs:
            defs[name] = {}  # placeholder: the region tree refers to itself
            defs[name] = _class_schema(tp, defs)
        return {"$ref": f"#/$defs/{name}"}
    raise TypeError(f"no JSON Schema for {tp!r}")


def _with_vocabulary(schema: dict[str, Any], vocab: dict[str, Any]) -> dict[str, Any]:
    """``schema`` (a string, a list of strings, or either or null) with ``vocab`` on its
    strings."""
    if schema.get("type") == "string":
        return {**schema, **vocab}
    if schema.get("type") == "array":
        return {**schema, "items": _with_vocabulary(schema["items"], vocab)}
    if "anyOf" in schema:
        return {"anyOf": [_with_vocabulary(s, vocab) for s in schema["anyOf"]]}
    return schema


def _class_schema(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    hints = typing.get_type_hints(cls, include_extras=True)
    props: dict[str, Any] = {}
    required: list[str] = []
    vocabularies: dict[str, Vocabulary] = defs.get("__vocabularies__", {})
    for field in attrs.fields(cls):
        if field.metadata.get("loaded") is False:
            continue
        props[field.name] = _type_schema(hints[field.name], defs)
        vocab_id = field.metadata.get(VOCABULARY)
        if vocab_id is not None:
            vocab = vocabularies.get(vocab_id)
            annotation = (
                vocabulary_schema(vocab)
                if vocab is not None
                else {"type": "string", "x-vocabulary": {"id": vocab_id}}
            )
            props[field.name] = _with_vocabulary(props[field.name], annotation)
        if field.default is attrs.NOTHING:
            required.append(field.name)
    schema: dict[str, Any] = {"type": "object", "properties": props, "additionalProperties": False}
    if cls.__doc__:
        schema["description"] = " ".join(cls.__doc__.split())
    if required:
        schema["required"] = required
    return schema


def dataset_schema(vocabularies: Mapping[str, Vocabulary] | None = None) -> dict[str, Any]:
    """The schema of an input file (a :class:`~stationkit.Dataset`), with the words of
    ``vocabularies`` (the core's by default; ``stationkit.standard.vocabularies_for`` gives a
    standard's)."""
    from stationkit.records._loading import core_vocabularies

    defs: dict[str, Any] = {
        "__vocabularies__": dict(core_vocabularies() if vocabularies is None else vocabularies)
    }
    root = _class_schema(Dataset, defs)
    del defs["__vocabularies__"]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://stationkit.example/schema/dataset.json",
        "title": "stationkit dataset",
        **root,
        "$defs": defs,
    }

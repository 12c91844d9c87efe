"""Strict structuring of input records (cattrs), with every problem reported at once.

cattrs' defaults are lenient (``int("3")``, ``bool("no")``, a string iterated as a list);
these hooks accept only the JSON/YAML type that was meant, so bad input is an error that
names the field path, never a silent conversion.
"""

from __future__ import annotations

import difflib
import re
import types
import typing
from datetime import date, datetime, timedelta, timezone
from enum import Enum
from typing import Any

import attrs
import cattrs
from cattrs.errors import ForbiddenExtraKeysError, IterableValidationNote
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from stationkit.errors import InputProblem
from stationkit.records._model import Count, Dataset, RegionLevel

#: Timestamps as loading accepts them: a date and a time, the offset optional (see
#: ``_convert._datetime`` for how an offset is honoured).
TIMESTAMP = r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})?$"
#: Dates as loading accepts them.
DATE = r"^\d{4}-\d{2}-\d{2}$"
#: The wall-clock time of every timestamp once loaded: China Standard Time (UTC+8). A
#: timestamp written without an offset is already in it (docs/data.md).
LOCAL_TIME = timezone(timedelta(hours=8), "CST")
_DATE = re.compile(DATE)
_TIMESTAMP = re.compile(TIMESTAMP)


class BadValueError(ValueError):
    """A value of the wrong type or range; its message says what was expected."""


def _show(value: object) -> str:
    """A short picture of a value for an error message, built without reading all of it
    (a value may be a deep or aliased structure: its whole ``repr`` could never finish)."""
    if isinstance(value, list | tuple):
        return f"a list of {len(value):,} item{'s' if len(value) != 1 else ''}"
    if isinstance(value, dict):
        return f"a mapping of {len(value):,} key{'s' if len(value) != 1 else ''}"
    if isinstance(value, str):
        text = repr(value[:60])
    elif isinstance(value, int) and value.bit_length() > 200:
        return "a number too long to show"
    elif isinstance(value, int | float | bool | date | None):
        text = repr(value)
    else:
        text = f"a {type(value).__name__}"
    return text if len(text) <= 60 else text[:57] + "..."


def _str(value: object, _: type) -> str:
    if not isinstance(value, str):
        raise BadValueError(f"expected a text, got {_show(value)}")
    return value


def _int(value: object, _: type) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise BadValueError(f"expected a whole number, got {_show(value)}")
    return value


def _count(value: object, _: type) -> int:
    number = _int(value, int)
    if number < 0:
        raise BadValueError(f"expected a count (a whole number ≥ 0), got {number}")
    return number


def _float(value: object, _: type) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise BadValueError(f"expected a number, got {_show(value)}")
    if value < 0:
        raise BadValueError(f"expected a number ≥ 0, got {value}")
    return float(value)


def _bool(value: object, _: type) -> bool:
    if not isinstance(value, bool):
        raise BadValueError(f"expected true or false, got {_show(value)}")
    return value


def _date(value: object, _: type) -> date:
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, str) and _DATE.fullmatch(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise BadValueError(f"expected a date YYYY-MM-DD, got {_show(value)}")


def _local(moment: datetime) -> datetime:
    """A timestamp as the wall-clock time of the jurisdictions (China Standard Time): one
    with an offset is converted to it, one without is taken as written. Records compare
    timestamps with each other (minutes from alarm to arrival), so they must all be alike."""
    if moment.tzinfo is None:
        return moment
    return moment.astimezone(LOCAL_TIME).replace(tzinfo=None)


def _datetime(value: object, _: type) -> datetime:
    if isinstance(value, datetime):
        return _local(value)
    if isinstance(value, str) and _TIMESTAMP.fullmatch(value):
        try:
            return _local(datetime.fromisoformat(value.replace("Z", "+00:00")))
        except ValueError:
            pass
    raise BadValueError(
        f"expected a date and time YYYY-MM-DDTHH:MM[:SS] (a UTC offset such as +08:00 is "
        f"optional), got {_show(value)}"
    )


def _enum(value: object, cls: type[Enum]) -> Enum:
    try:
        return cls(value)
    except ValueError:
        choices = ", ".join(repr(m.value) for m in cls)
        raise BadValueError(f"expected one of {choices}, got {_show(value)}") from None


def _is_tuple(tp: Any) -> bool:
    return typing.get_origin(tp) is tuple


def _resolver(converter: cattrs.Converter, tp: Any) -> Any:
    """A function giving ``tp``'s structure hook, looked up on first use and kept: per-item
    dispatch was most of the time of loading a station. (Looked up lazily because the hooks of
    recursive records — a region's children — are still being built when factories run.)"""
    cell: list[Any] = []

    def resolve() -> Any:
        if not cell:
            cell.append(converter.get_structure_hook(tp))
        return cell[0]

    return resolve


def optional_of(tp: Any) -> Any:
    """``X`` when ``tp`` is ``X | None``, else None (the record readers' one way to see an
    optional field)."""
    args = typing.get_args(tp)
    if typing.get_origin(tp) in (typing.Union, types.UnionType) and len(args) == 2:
        if args[1] is type(None):
            return args[0]
        if args[0] is type(None):
            return args[1]
    return None


def _is_optional(tp: Any) -> bool:
    return optional_of(tp) is not None


def _optional_factory(converter: cattrs.Converter) -> Any:
    def factory(tp: Any) -> Any:
        inner = optional_of(tp)
        resolve = _resolver(converter, inner)

        def structure(value: object, _: type) -> Any:
            return None if value is None else resolve()(value, inner)

        return structure

    return factory


def _tuple_factory(converter: cattrs.Converter) -> Any:
    def factory(tp: Any) -> Any:
        (item_type, _ellipsis) = typing.get_args(tp)
        resolve = _resolver(converter, item_type)

        def structure(value: object, _: type) -> tuple[Any, ...]:
            if not isinstance(value, list | tuple):
                raise BadValueError(f"expected a list, got {_show(value)}")
            hook = resolve()
            try:  # the common case: every item is right
                return tuple([hook(item, item_type) for item in value])
            except Exception:
                pass
            problems: list[Exception] = []
            items: list[Any] = []
            for index, item in enumerate(value):
                try:
                    items.append(hook(item, item_type))
                except Exception as exc:
                    exc.add_note(
                        IterableValidationNote(
                            f"Structuring {tp} @ index {index}", index, item_type
                        )
                    )
                    problems.append(exc)
            if problems:
                raise cattrs.IterableValidationError(f"While structuring {tp}", problems, tp)
            return tuple(items)

        return structure

    return factory


def make_converter() -> cattrs.Converter:
    """A converter for the input records: strict types, unknown keys refused."""
    conv = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    hooks: list[tuple[Any, Any]] = [
        (str, _str),
        (int, _int),
        (float, _float),
        (bool, _bool),
        (date, _date),
        (datetime, _datetime),
    ]
    for target, hook in hooks:
        conv.register_structure_hook(target, hook)
    conv.register_structure_hook_func(lambda t: t == Count, _count)
    # By class, so it outranks the ``str`` hook that would otherwise catch a StrEnum.
    conv.register_structure_hook(RegionLevel, _enum)
    conv.register_structure_hook_factory(_is_tuple, _tuple_factory(conv))
    conv.register_structure_hook_factory(_is_optional, _optional_factory(conv))
    conv.register_unstructure_hook(date, date.isoformat)
    conv.register_unstructure_hook(datetime, datetime.isoformat)
    # Fields that loading sets (``Dataset.unrecognised``...) are no input: an input key of
    # that name is an unknown key.
    omitted: dict[str, Any] = {
        f.name: override(omit=True)
        for f in attrs.fields(Dataset)
        if f.metadata.get("loaded") is False
    }
    # ...and not written back: unstructured data loads again as the same dataset.
    conv.register_unstructure_hook(Dataset, make_dict_unstructure_fn(Dataset, conv, **omitted))
    conv.register_structure_hook(
        Dataset,
        make_dict_structure_fn(
            Dataset,
            conv,
            _cattrs_forbid_extra_keys=True,
            _cattrs_detailed_validation=True,
            **omitted,
        ),
    )
    return conv


def _describe(exc: BaseException, tp: type | None) -> str:
    if isinstance(exc, BadValueError):
        return str(exc)
    if isinstance(exc, ForbiddenExtraKeysError):
        known = (
            [f.name for f in attrs.fields(exc.cl) if f.metadata.get("loaded") is not False]
            if attrs.has(exc.cl)
            else []
        )
        parts = []
        for key in sorted(str(k) for k in exc.extra_fields):
            close = difflib.get_close_matches(key, known, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            parts.append(f"unknown key {key!r}{hint}")
        return "; ".join(parts)
    if isinstance(exc, KeyError):
        return "required field missing"
    if isinstance(exc, TypeError | AttributeError) and tp is not None and attrs.has(tp):
        return f"expected a mapping of fields for {tp.__name__}"
    return f"invalid value ({exc})"


def problems_from(exc: Exception, source: str, root: str = "") -> list[InputProblem]:
    """Every problem a structuring error holds, each with its field path."""
    out: list[InputProblem] = []
    for line in cattrs.transform_error(exc, path="$", format_exception=_describe):
        message, _, path = line.rpartition(" @ ")
        path = path.removeprefix("$").lstrip(".")
        if root:
            path = f"{root}.{path}" if path and not path.startswith("[") else root + path
        out.append(InputProblem(source, path or "(top level)", message))
    return out

"""Checking exchange files against the JSON Schemas shipped in ``resources/schemas/``.

The schemas are the one description of the file formats (documented in
``docs/exchange-files.md``, usable by any JSON Schema tool). The app checks a file against
them with this small interpreter of the part of JSON Schema (2020-12) the schemas use, so
that a problem is reported in the user's language, naming the field, and no extra library is
needed. A schema using any other keyword is refused when it is loaded (a test loads them).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from functools import cache
from importlib import resources
from typing import Any

from pareconapp.core.i18n import QT_TRANSLATE_NOOP, SourceText, UserError, UserMessage

ANNOTATIONS = frozenset({"$schema", "$id", "title", "description", "$comment", "examples"})
CHECKED = frozenset(
    {
        "type",
        "properties",
        "required",
        "additionalProperties",
        "items",
        "minItems",
        "maxItems",
        "minimum",
        "maximum",
        "exclusiveMinimum",
        "minLength",
        "maxLength",
        "pattern",
        "enum",
        "const",
        "$ref",
        "$defs",
    }
)

Schema = Mapping[str, Any]


@cache
def load_schema(name: str) -> Schema:
    """The shipped schema ``resources/schemas/<name>``, checked for supported keywords."""
    text = resources.files("pareconapp.resources").joinpath("schemas", name).read_text("utf-8")
    schema: Schema = json.loads(text)
    _check_keywords(schema, name)
    return schema


def _check_keywords(schema: Any, where: str) -> None:
    if isinstance(schema, bool):
        return
    if not isinstance(schema, Mapping):
        raise ValueError(f"{where}: a schema must be an object")
    unknown = set(schema) - ANNOTATIONS - CHECKED
    if unknown:
        raise ValueError(f"{where}: unsupported schema keywords {sorted(unknown)}")
    for key in ("properties", "$defs"):
        for name, sub in schema.get(key, {}).items():
            _check_keywords(sub, f"{where}/{key}/{name}")
    for key in ("items", "additionalProperties"):
        if key in schema:
            _check_keywords(schema[key], f"{where}/{key}")


_TYPE_NAMES = {
    "object": QT_TRANSLATE_NOOP("Planning", "an object {...}"),
    "array": QT_TRANSLATE_NOOP("Planning", "a list [...]"),
    "string": QT_TRANSLATE_NOOP("Planning", "text"),
    "integer": QT_TRANSLATE_NOOP("Planning", "a whole number"),
    "number": QT_TRANSLATE_NOOP("Planning", "a number"),
    "boolean": QT_TRANSLATE_NOOP("Planning", "true or false"),
    "null": QT_TRANSLATE_NOOP("Planning", "null"),
}


def _is_type(value: Any, name: str) -> bool:
    if name == "object":
        return isinstance(value, dict)
    if name == "array":
        return isinstance(value, list)
    if name == "string":
        return isinstance(value, str)
    if name == "boolean":
        return isinstance(value, bool)
    if name == "null":
        return value is None
    if isinstance(value, bool):
        return False
    if name == "integer":
        return isinstance(value, int)
    return isinstance(value, int | float) and math.isfinite(value)  # "number"


def validate(document: Any, schema: Schema, source: str) -> None:
    """Raise a ``UserError`` naming ``source`` and the field at the first problem found."""
    _validate(document, schema, schema, "", source)


def _problem(text: SourceText, source: str, path: str, **params: object) -> UserError:
    return UserError(UserMessage(text, {"file": source, "field": path or "(top level)", **params}))


def _resolve(schema: Schema, root: Schema) -> Schema:
    while "$ref" in schema:
        reference = str(schema["$ref"])
        if not reference.startswith("#/$defs/"):
            raise ValueError(f"unsupported $ref {reference}")
        schema = root["$defs"][reference.removeprefix("#/$defs/")]
    return schema


def _validate(value: Any, schema: Schema, root: Schema, path: str, source: str) -> None:
    schema = _resolve(schema, root)
    _check_type(value, schema, path, source)
    _check_choice(value, schema, path, source)
    if isinstance(value, dict):
        _check_object(value, schema, root, path, source)
    elif isinstance(value, list):
        _check_array(value, schema, root, path, source)
    elif isinstance(value, str):
        _check_string(value, schema, path, source)
    elif _is_type(value, "number"):
        _check_number(value, schema, path, source)


def _check_type(value: Any, schema: Schema, path: str, source: str) -> None:
    if "type" not in schema:
        return
    types = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
    if not any(_is_type(value, name) for name in types):
        raise _problem(
            QT_TRANSLATE_NOOP("Planning", "{file}: {field} must be {expected}."),
            source,
            path,
            expected=" / ".join(_TYPE_NAMES[name].text for name in types),
        )


def _check_choice(value: Any, schema: Schema, path: str, source: str) -> None:
    allowed = [schema["const"]] if "const" in schema else schema.get("enum")
    if allowed is not None and not any(
        value == option and type(value) is type(option) for option in allowed
    ):
        raise _problem(
            QT_TRANSLATE_NOOP("Planning", "{file}: {field} must be one of {allowed}, not {value}."),
            source,
            path,
            allowed=", ".join(json.dumps(option) for option in allowed),
            value=json.dumps(value)[:80],
        )


def _check_object(
    value: dict[str, Any], schema: Schema, root: Schema, path: str, source: str
) -> None:
    for name in schema.get("required", ()):
        if name not in value:
            raise _problem(
                QT_TRANSLATE_NOOP("Planning", "{file}: {field} is missing."),
                source,
                _join(path, name),
            )
    properties = schema.get("properties", {})
    extra = schema.get("additionalProperties", True)
    for name, item in value.items():
        if name in properties:
            _validate(item, properties[name], root, _join(path, name), source)
        elif extra is False:
            raise _problem(
                QT_TRANSLATE_NOOP("Planning", "{file}: {field} is not a field of this format."),
                source,
                _join(path, name),
            )
        elif isinstance(extra, Mapping):
            _validate(item, extra, root, _join(path, name), source)


def _check_array(value: list[Any], schema: Schema, root: Schema, path: str, source: str) -> None:
    low, high = schema.get("minItems", 0), schema.get("maxItems")
    if len(value) < low or (high is not None and len(value) > high):
        raise _problem(
            QT_TRANSLATE_NOOP(
                "Planning", "{file}: {field} has {count} entries; allowed: {low} to {high}."
            ),
            source,
            path,
            count=len(value),
            low=low,
            high="∞" if high is None else high,
        )
    if "items" in schema:
        for number, item in enumerate(value):
            _validate(item, schema["items"], root, f"{path}[{number}]", source)


def _check_string(value: str, schema: Schema, path: str, source: str) -> None:
    low, high = schema.get("minLength", 0), schema.get("maxLength")
    if len(value) < low or (high is not None and len(value) > high):
        raise _problem(
            QT_TRANSLATE_NOOP("Planning", "{file}: {field} must have {low} to {high} characters."),
            source,
            path,
            low=low,
            high="∞" if high is None else high,
        )
    if "pattern" in schema and not _pattern(schema["pattern"]).search(value):
        raise _problem(
            QT_TRANSLATE_NOOP(
                "Planning", '{file}: {field} "{value}" does not have the form {pattern}.'
            ),
            source,
            path,
            value=value[:80],
            pattern=schema["pattern"],
        )


def _check_number(value: float, schema: Schema, path: str, source: str) -> None:
    if "exclusiveMinimum" in schema and value <= schema["exclusiveMinimum"]:
        raise _problem(
            QT_TRANSLATE_NOOP(
                "Planning", "{file}: {field} is {value}; it must be more than {low}."
            ),
            source,
            path,
            value=value,
            low=schema["exclusiveMinimum"],
        )
    if ("minimum" in schema and value < schema["minimum"]) or (
        "maximum" in schema and value > schema["maximum"]
    ):
        raise _problem(
            QT_TRANSLATE_NOOP(
                "Planning", "{file}: {field} is {value}; it must be between {low} and {high}."
            ),
            source,
            path,
            value=value,
            low=schema.get("minimum", "-∞"),
            high=schema.get("maximum", "∞"),
        )


@cache
def _pattern(pattern: str) -> re.Pattern[str]:
    """``pattern`` as JSON Schema means it: ``$`` matches only at the very end."""
    if pattern.endswith("$") and not pattern.endswith("\\$"):
        pattern = pattern[:-1] + r"\Z"
    return re.compile(pattern)


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name

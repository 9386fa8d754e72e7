"""Reading back the plain JSON objects that results and settings are stored as.

``from_dict`` methods read data this package wrote; anything else (a damaged file, a
hand-edited row) raises ``ValueError`` naming the key, which the store reports as a damaged
assembly file rather than as a user's mistake.
"""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction
from typing import TypeVar

from pareconapp.core.decisions.exact import JsonObject, JsonValue, fraction_from_json

T = TypeVar("T")


def get_object(data: JsonObject, key: str) -> JsonObject:
    """Return the JSON object stored under ``key``."""
    value = data.get(key)
    if not isinstance(value, dict):
        raise ValueError(f"stored {key!r} is not an object: {value!r}")
    return value


def get_list(data: JsonObject, key: str) -> list[JsonValue]:
    """Return the JSON list stored under ``key``."""
    value = data.get(key)
    if not isinstance(value, list):
        raise ValueError(f"stored {key!r} is not a list: {value!r}")
    return value


def get_str(data: JsonObject, key: str) -> str:
    """Return the string stored under ``key``."""
    value = data.get(key)
    if not isinstance(value, str):
        raise ValueError(f"stored {key!r} is not a string: {value!r}")
    return value


def get_int(data: JsonObject, key: str) -> int:
    """Return the whole number stored under ``key``."""
    value = data.get(key)
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"stored {key!r} is not a whole number: {value!r}")
    return value


def get_fraction(data: JsonObject, key: str) -> Fraction:
    """Return the fraction stored under ``key``."""
    return fraction_from_json(data.get(key))


def get_optional(data: JsonObject, key: str, read: Callable[[JsonObject, str], T]) -> T | None:
    """Return ``read(data, key)``, or ``None`` when the stored value is null or absent."""
    return None if data.get(key) is None else read(data, key)


def as_object(value: JsonValue) -> JsonObject:
    """Return ``value`` when it is a JSON object (an item of a stored list)."""
    if not isinstance(value, dict):
        raise ValueError(f"stored item is not an object: {value!r}")
    return value


def as_str(value: JsonValue) -> str:
    """Return ``value`` when it is a string (an item of a stored list)."""
    if not isinstance(value, str):
        raise ValueError(f"stored item is not a string: {value!r}")
    return value


def str_tuple(data: JsonObject, key: str) -> tuple[str, ...]:
    """Return the list of strings stored under ``key`` as a tuple."""
    return tuple(as_str(item) for item in get_list(data, key))


def objects(data: JsonObject, key: str) -> list[JsonObject]:
    """Return the list of JSON objects stored under ``key``."""
    return [as_object(item) for item in get_list(data, key)]

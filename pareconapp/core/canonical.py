"""Canonical JSON: the one text of a JSON value that is hashed or compared.

Keys sorted, no spaces, UTF-8 (no ASCII escapes), no NaN or infinity. The decision log's
hash chain, the minutes' content hash and the planning exchange files all hash this text.
Store fractions as strings, never floats, so a hash never depends on rounding.
"""

from __future__ import annotations

import json
from collections.abc import Mapping


def canonical_json(payload: Mapping[str, object]) -> str:
    """The one JSON text of ``payload`` that is hashed."""
    return json.dumps(
        payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    )

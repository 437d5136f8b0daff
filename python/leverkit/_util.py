"""Small helpers shared by the package (not part of the public API)."""

from __future__ import annotations

import datetime
from typing import Any


def json_default(value: Any) -> Any:
    """json.dumps `default`: datetimes as ISO-8601 (naive ones taken as UTC), enums by name."""
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=datetime.timezone.utc)
        return value.isoformat()
    name = getattr(value, "name", None)
    if isinstance(name, str):
        return name
    to_dict = getattr(value, "to_dict", None)
    if callable(to_dict):
        return to_dict()
    raise TypeError(f"{type(value).__name__} is not JSON serializable")

"""Reading `metadata` (limits, api_version) out of a reply; tolerant, since it is advisory.

Placement: `result.metadata` on success, `error.data.metadata` on errors (SPEC §8); either may be
absent. The deprecation flag comes in two spellings (`current_version_depricated` from
CoMagic/Novofon, `current_version_deprecated` from the CallGear docs).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from callpad.api.models import ApiVersionInfo, Limits, ReplyMetadata

logger = logging.getLogger(__name__)

_LIMIT_FIELDS = (
    "day_limit",
    "day_remaining",
    "day_reset",
    "minute_limit",
    "minute_remaining",
    "minute_reset",
)
_FLAG_SPELLINGS = ("current_version_depricated", "current_version_deprecated")


def parse_metadata(raw: Any, *, method: str, received_at: datetime) -> ReplyMetadata | None:
    """The reply's metadata, or None if absent. A malformed part is logged and left out.

    Metadata never turns a reply into a failure: a started call must not look failed because its
    budget figures were odd.
    """
    if raw is None:
        return None
    if not isinstance(raw, Mapping):
        logger.warning("%s: ignoring metadata that is not an object", method)
        return None
    limits = _parse_limits(raw.get("limits"), method, received_at)
    api_version = _parse_api_version(raw.get("api_version"), method)
    if limits is None and api_version is None:
        return None
    return ReplyMetadata(method=method, limits=limits, api_version=api_version)


def _parse_limits(raw: Any, method: str, received_at: datetime) -> Limits | None:
    if raw is None:
        return None
    values: dict[str, int] = {}
    if isinstance(raw, Mapping):
        for name in _LIMIT_FIELDS:
            value = raw.get(name)
            if isinstance(value, int) and not isinstance(value, bool):
                values[name] = value
    if len(values) != len(_LIMIT_FIELDS):
        logger.warning("%s: ignoring malformed metadata.limits", method)
        return None
    return Limits(received_at=received_at, **values)


def _parse_api_version(raw: Any, method: str) -> ApiVersionInfo | None:
    if raw is None:
        return None
    if not isinstance(raw, Mapping):
        logger.warning("%s: ignoring malformed metadata.api_version", method)
        return None
    flag = next((raw[name] for name in _FLAG_SPELLINGS if name in raw), None)
    current = raw.get("current_version")
    latest = raw.get("latest_version")
    return ApiVersionInfo(
        deprecated=flag is True or flag == "true",
        current_version=current if isinstance(current, str) else None,
        latest_version=latest if isinstance(latest, str) else None,
    )

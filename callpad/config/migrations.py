"""Upgrades of settings files from older schema versions, one version at a time.

`MIGRATIONS[n]` turns a version-n dict into a version-(n+1) dict. Version 1 is the first released
layout, so the table is empty until the schema changes; add an entry (and a test with an old file)
with every bump of SCHEMA_VERSION.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any

from callpad.config.errors import ConfigError
from callpad.config.schema import SCHEMA_VERSION

Migration = Callable[[dict[str, Any]], dict[str, Any]]

MIGRATIONS: Mapping[int, Migration] = MappingProxyType({})


def migrate(
    data: Mapping[str, Any],
    *,
    target: int = SCHEMA_VERSION,
    migrations: Mapping[int, Migration] = MIGRATIONS,
) -> tuple[dict[str, Any], bool]:
    """Return the data upgraded to `target` and whether it is from a newer callpad.

    A file without `schema_version` counts as version 1. A file from a newer version is returned
    unchanged (known fields are still read; the caller tells the agent).
    """
    out = dict(data)
    version = out.get("schema_version", 1)
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise ConfigError(f"schema_version is not a positive whole number: {version!r}")
    if version > target:
        return out, True
    while version < target:
        step = migrations.get(version)
        if step is None:
            raise ConfigError(f"no migration from settings version {version}")
        out = step(out)
        version += 1
        out["schema_version"] = version
    return out, False

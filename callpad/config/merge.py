"""Three-way merge of settings, so two writers never undo each other's changes.

The settings dialog edits a draft of what it loaded (`base`); meanwhile the dialer may have saved
new recent numbers (`current`). Saving applies only what the dialog changed: every field where the
draft differs from the base; all other fields keep their current value.
"""

from __future__ import annotations

import dataclasses
from dataclasses import replace
from typing import Any, TypeVar

T = TypeVar("T")


def merge_changes(base: T, mine: T, current: T) -> T:
    """`current` with the changes from `base` to `mine` applied, field by field, recursively."""
    if mine == base:
        return current
    if not (dataclasses.is_dataclass(mine) and type(mine) is type(base) is type(current)):
        return mine
    changes: dict[str, Any] = {}
    for fld in dataclasses.fields(mine):
        b, m, c = (getattr(x, fld.name) for x in (base, mine, current))
        if m != b:
            changes[fld.name] = merge_changes(b, m, c)
    return replace(current, **changes)  # type: ignore[type-var]  # a dataclass instance

"""FirstSight: tells whether a call session id is new, remembering the latest few hundred ids."""

from __future__ import annotations

SEEN_LIMIT = 500


class FirstSight:
    """`first(id)` is True only the first time an id is given (the oldest ids are forgotten)."""

    def __init__(self, limit: int = SEEN_LIMIT) -> None:
        self._limit = limit
        self._seen: dict[int, None] = {}  # insertion-ordered: the oldest first

    def first(self, session_id: int) -> bool:
        if session_id in self._seen:
            return False
        self._seen[session_id] = None
        if len(self._seen) > self._limit:
            self._seen.pop(next(iter(self._seen)))
        return True

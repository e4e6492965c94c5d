"""Point budgets per account (SPEC section 7): per-minute and per-day fixed windows on the clock.

Windows are fixed [sim]: the minute window ends at the next whole minute of the wall clock, the day
window at 00:00 Europe/Moscow. Only successful replies are charged; a request is refused with
`limit_exceeded` when a budget's remaining points are fewer than the method's weight.
"""

from __future__ import annotations

import math
from datetime import date, datetime, timedelta, timezone, tzinfo
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from callpad.clock import Clock
from callpad.sim.rpc_error import RpcFault


def moscow_tz() -> tzinfo:
    """Europe/Moscow; the fixed UTC+3 it has kept since 2014 where no tz database is installed."""
    try:
        return ZoneInfo("Europe/Moscow")
    except ZoneInfoNotFoundError:  # e.g. Windows without the tzdata package
        return timezone(timedelta(hours=3), "MSK")


class PointBudget:
    """The account's two budgets and their counters."""

    def __init__(self, clock: Clock, *, day_limit: int, minute_limit: int) -> None:
        self._clock = clock
        self._tz = moscow_tz()
        self.day_limit = day_limit
        self.minute_limit = minute_limit
        self._minute_key: datetime | None = None
        self._minute_used = 0
        self._day_key: date | None = None
        self._day_used = 0

    def _roll(self) -> datetime:
        """Reset the counters of windows that have ended; return the wall time used."""
        wall = self._clock.wall()
        minute = wall.replace(second=0, microsecond=0)
        if minute != self._minute_key:
            self._minute_key, self._minute_used = minute, 0
        day = wall.astimezone(self._tz).date()
        if day != self._day_key:
            self._day_key, self._day_used = day, 0
        return wall

    @property
    def day_remaining(self) -> int:
        self._roll()
        return max(0, self.day_limit - self._day_used)

    @property
    def minute_remaining(self) -> int:
        self._roll()
        return max(0, self.minute_limit - self._minute_used)

    def check(self, weight: int) -> None:
        """Raise `limit_exceeded` if a budget cannot pay `weight` (the day is checked first)."""
        if self.day_remaining < weight:
            raise RpcFault(
                "limit_exceeded", params={"limit_type": "day", "limit_max_value": self.day_limit}
            )
        if self.minute_remaining < weight:
            raise RpcFault(
                "limit_exceeded",
                params={"limit_type": "minute", "limit_max_value": self.minute_limit},
            )

    def charge(self, weight: int) -> None:
        """Pay for one successful reply."""
        self._roll()
        self._day_used += weight
        self._minute_used += weight

    def metadata(self) -> dict[str, int]:
        """`metadata.limits` as of now (SPEC section 8)."""
        wall = self._roll()
        next_minute = wall.replace(second=0, microsecond=0) + timedelta(minutes=1)
        local = wall.astimezone(self._tz)
        midnight = datetime.combine(local.date() + timedelta(days=1), datetime.min.time(), self._tz)
        return {
            "day_limit": self.day_limit,
            "day_remaining": max(0, self.day_limit - self._day_used),
            "day_reset": _ceil_seconds(midnight - wall),
            "minute_limit": self.minute_limit,
            "minute_remaining": max(0, self.minute_limit - self._minute_used),
            "minute_reset": _ceil_seconds(next_minute - wall),
        }

    def counters(self) -> dict[str, Any]:
        """Used points per window, for /_sim/state."""
        self._roll()
        return {
            "day": str(self._day_key),
            "day_used": self._day_used,
            "minute": self._minute_key.isoformat() if self._minute_key else None,
            "minute_used": self._minute_used,
        }


def _ceil_seconds(delta: timedelta) -> int:
    return max(1, math.ceil(delta.total_seconds()))

"""The API point budget as the status bar tells it: ok, low or exhausted, with a countdown.

`classify_budget()` turns the latest `Limits` and the seconds since they arrived into the state,
the seconds until the budget comes back (while exhausted) and the sentence in the agent's
language. `StatusViewModel` keeps the result and emits the changes.
"""

from __future__ import annotations

import enum

from callpad.api.models import Limits
from callpad.viewmodels import wording


class BudgetState(enum.Enum):
    """The point budget."""

    UNKNOWN = "unknown"  # no reply with limits yet
    OK = "ok"
    LOW = "low"
    EXHAUSTED = "exhausted"


def classify_budget(
    limits: Limits, elapsed: float, low_fraction: float, lang: str
) -> tuple[BudgetState, int, str]:
    """(state, countdown in seconds, sentence) `elapsed` seconds after `limits` arrived."""
    minute_left = max(0, round(limits.minute_reset - elapsed))
    day_left = max(0, round(limits.day_reset - elapsed))
    if limits.day_remaining <= 0 and day_left > 0:
        state, countdown = BudgetState.EXHAUSTED, day_left
        text = wording.text("budget_exhausted_day", lang, time=_hms(day_left))
    elif limits.minute_remaining <= 0 and minute_left > 0:
        state, countdown = BudgetState.EXHAUSTED, minute_left
        text = wording.text("budget_exhausted_minute", lang, seconds=minute_left)
    elif (limits.minute_remaining <= 0 or limits.day_remaining <= 0) or _low(limits, low_fraction):
        # A spent budget whose reset time has passed is only "low" until the next reply.
        state, countdown = BudgetState.LOW, 0
        text = wording.text(
            "budget_low", lang, minute=limits.minute_remaining, day=limits.day_remaining
        )
    else:
        state, countdown = BudgetState.OK, 0
        text = wording.text(
            "budget", lang, minute=limits.minute_remaining, day=limits.day_remaining
        )
    return state, countdown, text


def budget_numbers(limits: Limits) -> tuple[int, int, int, int]:
    return (limits.minute_remaining, limits.minute_limit, limits.day_remaining, limits.day_limit)


def _low(limits: Limits, fraction: float) -> bool:
    minute_low = (
        limits.minute_limit > 0 and limits.minute_remaining < limits.minute_limit * fraction
    )
    day_low = limits.day_limit > 0 and limits.day_remaining < limits.day_limit * fraction
    return minute_low or day_low


def _hms(seconds: int) -> str:
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}"

"""PointBudget: fixed minute windows, the Moscow day, refusal by weight."""

from datetime import UTC, datetime

import pytest

from callpad.clock import ManualClock
from callpad.sim.limits import PointBudget, moscow_tz
from callpad.sim.rpc_error import RpcFault


def budget_at(wall: datetime, *, day: int = 10, minute: int = 3) -> tuple[ManualClock, PointBudget]:
    clock = ManualClock(start_wall=wall)
    return clock, PointBudget(clock, day_limit=day, minute_limit=minute)


def test_minute_window_is_the_wall_clock_minute():
    clock, budget = budget_at(datetime(2026, 11, 30, 9, 0, 45, tzinfo=UTC))
    budget.charge(3)
    assert budget.metadata()["minute_reset"] == 15
    with pytest.raises(RpcFault) as info:
        budget.check(1)
    assert info.value.params == {"limit_type": "minute", "limit_max_value": 3}
    clock.advance(15)  # 09:01:00: a new window, though only 15 s have passed
    budget.check(3)
    assert budget.metadata()["minute_remaining"] == 3
    assert budget.metadata()["minute_reset"] == 60


def test_day_window_ends_at_midnight_moscow_not_utc():
    # 20:30 UTC = 23:30 MSK: the day resets in 30 minutes, not 3.5 hours.
    clock, budget = budget_at(datetime(2026, 11, 30, 20, 30, tzinfo=UTC), day=2, minute=100)
    assert budget.metadata()["day_reset"] == 1800
    budget.charge(2)
    with pytest.raises(RpcFault) as info:
        budget.check(1)
    assert info.value.params == {"limit_type": "day", "limit_max_value": 2}
    assert info.value.mnemonic == "limit_exceeded"
    clock.advance(1799)
    assert budget.day_remaining == 0
    clock.advance(1)
    assert budget.day_remaining == 2
    assert budget.metadata()["day_reset"] == 24 * 3600


def test_the_day_is_checked_before_the_minute():
    _, budget = budget_at(datetime(2026, 11, 30, 9, 0, tzinfo=UTC), day=1, minute=1)
    budget.charge(1)
    with pytest.raises(RpcFault) as info:
        budget.check(1)
    assert info.value.params["limit_type"] == "day"


def test_a_weight_larger_than_the_remainder_is_refused():
    _, budget = budget_at(datetime(2026, 11, 30, 9, 0, tzinfo=UTC), day=100, minute=5)
    budget.charge(3)
    budget.check(2)
    with pytest.raises(RpcFault):
        budget.check(3)


def test_remaining_never_goes_negative():
    _, budget = budget_at(datetime(2026, 11, 30, 9, 0, tzinfo=UTC), day=1, minute=1)
    budget.charge(5)
    meta = budget.metadata()
    assert meta["day_remaining"] == 0
    assert meta["minute_remaining"] == 0


def test_moscow_is_utc_plus_3():
    offset = datetime(2026, 7, 1, tzinfo=UTC).astimezone(moscow_tz()).utcoffset()
    assert offset is not None
    assert offset.total_seconds() == 3 * 3600

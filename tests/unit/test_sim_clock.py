"""SimClock: offset, advance and freeze over a manual and a real base clock."""

import asyncio
from datetime import UTC, datetime, timedelta

import pytest

from callpad.clock import ManualClock, RealClock
from callpad.sim.sim_clock import SimClock

START = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)


def is_frozen(clock: SimClock) -> bool:
    return clock.frozen


def test_advance_over_a_manual_clock_moves_the_base_clock():
    base = ManualClock(start_wall=START)
    clock = SimClock(base)
    clock.advance(30)
    assert base.now() == 1030.0
    assert clock.now() == 1030.0
    assert clock.wall() == START + timedelta(seconds=30)


async def test_advance_wakes_sleepers_of_the_manual_base():
    base = ManualClock(start_wall=START)
    clock = SimClock(base)
    woke: list[float] = []

    async def sleeper() -> None:
        await clock.sleep(10)
        woke.append(clock.now())

    task = asyncio.ensure_future(sleeper())
    await asyncio.sleep(0)
    clock.advance(9)
    await asyncio.sleep(0)
    assert woke == []
    clock.advance(1)
    await task
    assert woke == [1010.0]


def test_advance_over_a_real_clock_adds_an_offset():
    clock = SimClock(RealClock())
    before_now, before_wall = clock.now(), clock.wall()
    clock.advance(3600)
    assert clock.now() - before_now == pytest.approx(3600, abs=0.5)
    assert (clock.wall() - before_wall).total_seconds() == pytest.approx(3600, abs=0.5)


def test_freeze_stops_time_and_unfreeze_continues_without_a_jump():
    base = ManualClock(start_wall=START)
    clock = SimClock(base)
    clock.freeze(True)
    assert is_frozen(clock)
    base.advance(50)  # the base moves on, the frozen clock does not
    assert clock.now() == 1000.0
    assert clock.wall() == START
    clock.advance(5)  # advancing a frozen clock still moves it
    assert clock.now() == 1005.0
    assert clock.wall() == START + timedelta(seconds=5)
    clock.freeze(False)
    assert not is_frozen(clock)
    assert clock.now() == 1005.0
    assert clock.wall() == START + timedelta(seconds=5)
    base.advance(1)
    assert clock.now() == 1006.0
    assert clock.wall() == START + timedelta(seconds=6)


def test_freezing_twice_keeps_the_first_moment():
    base = ManualClock(start_wall=START)
    clock = SimClock(base)
    clock.freeze(True)
    base.advance(10)
    clock.freeze(True)
    assert clock.now() == 1000.0
    clock.freeze(False)
    clock.freeze(False)
    assert clock.now() == 1000.0


def test_the_clock_never_goes_back():
    clock = SimClock(ManualClock())
    with pytest.raises(ValueError, match="backwards"):
        clock.advance(-1)
    assert clock.now() == 1000.0


def test_default_base_is_the_real_clock():
    assert isinstance(SimClock().base, RealClock)

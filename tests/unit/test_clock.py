import asyncio

import pytest

from callpad.clock import ManualClock, RealClock


async def test_manual_clock_wakes_sleepers_in_deadline_order():
    clock = ManualClock()
    woke: list[str] = []

    async def sleeper(name: str, seconds: float) -> None:
        await clock.sleep(seconds)
        woke.append(name)

    tasks = [asyncio.ensure_future(sleeper("late", 5)), asyncio.ensure_future(sleeper("early", 1))]
    await asyncio.sleep(0)
    clock.advance(2)
    await asyncio.sleep(0)
    assert woke == ["early"]
    clock.advance(3)
    await asyncio.gather(*tasks)
    assert woke == ["early", "late"]


def test_manual_clock_wall_follows_monotonic_and_refuses_going_back():
    clock = ManualClock()
    before = clock.wall()
    clock.advance(90)
    assert (clock.wall() - before).total_seconds() == 90
    with pytest.raises(ValueError, match="backwards"):
        clock.advance(-1)


async def test_real_clock_sleep_and_wall_are_sane():
    clock = RealClock()
    t0 = clock.now()
    await clock.sleep(0.01)
    assert clock.now() > t0
    assert clock.wall().tzinfo is not None

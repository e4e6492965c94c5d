"""SimClock: the simulator's clock, a base Clock plus an offset that can be advanced or frozen."""

from __future__ import annotations

from datetime import datetime, timedelta

from callpad.clock import Clock, ManualClock, RealClock


class SimClock:
    """A Clock the control API can move: `advance(seconds)` jumps ahead, `freeze(True)` stops it.

    Over a ManualClock, `advance` moves the base clock itself, so that its sleepers wake; over a
    RealClock it adds to an offset. While frozen, `now()` and `wall()` stay put (advance still
    moves them); unfreezing continues from the frozen moment, without a jump.
    """

    def __init__(self, base: Clock | None = None) -> None:
        self.base: Clock = base if base is not None else RealClock()
        self._offset = 0.0
        self._frozen_at: float | None = None  # base.now() when frozen

    @property
    def frozen(self) -> bool:
        return self._frozen_at is not None

    def _base_now(self) -> float:
        return self.base.now() if self._frozen_at is None else self._frozen_at

    def _drift(self) -> float:
        """Seconds the base clock has moved since the freeze (0 when not frozen)."""
        if self._frozen_at is None:
            return 0.0
        return self.base.now() - self._frozen_at

    def now(self) -> float:
        return self._base_now() + self._offset

    def wall(self) -> datetime:
        return self.base.wall() + timedelta(seconds=self._offset - self._drift())

    async def sleep(self, seconds: float) -> None:
        await self.base.sleep(seconds)

    def advance(self, seconds: float) -> None:
        """Move simulated time forward by `seconds` (also while frozen)."""
        if seconds < 0:
            raise ValueError("the simulator clock cannot go backwards")
        if isinstance(self.base, ManualClock) and self._frozen_at is None:
            self.base.advance(seconds)
        else:
            self._offset += seconds

    def freeze(self, frozen: bool) -> None:
        """Stop (True) or restart (False) the clock; restarting continues from the frozen time."""
        if frozen and self._frozen_at is None:
            self._frozen_at = self.base.now()
        elif not frozen and self._frozen_at is not None:
            self._offset -= self._drift()
            self._frozen_at = None

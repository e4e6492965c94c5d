"""InstantClock: real wall time, but `sleep` returns at once (retry backoff costs no time)."""

from collections.abc import Awaitable, Callable

from callpad.clock import RealClock


class InstantClock(RealClock):
    """Real wall time; sleeps return at once and are recorded in `slept`.

    `on_sleep`, if given, is awaited at each sleep (e.g. to start a server between two attempts).
    """

    def __init__(self, on_sleep: Callable[[], Awaitable[None]] | None = None) -> None:
        self.slept: list[float] = []
        self._on_sleep = on_sleep

    async def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        if self._on_sleep is not None:
            await self._on_sleep()

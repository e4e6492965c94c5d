"""CallMonitor: the only caller of list.calls; polls adaptively and feeds the calls model.

Its loop is: poll, `model.apply()`, wait. The wait is short while a call of mine is active, medium
while the window is focused or any call is listed, long when idle; it grows when the point budget
runs low (and spreads the rest of the minute's points over the rest of the minute, keeping a reserve
for commands), waits for the reset when the budget is spent, and backs off exponentially after
errors (reporting only the first of a streak). Logged out, it pauses. `refresh_soon()` wakes it at
once; requests made while a poll is in flight are merged into one follow-up poll, so there are never
two polls in flight. Time comes from a `Clock`, so tests step it with `ManualClock`.
"""

from __future__ import annotations

import asyncio
import enum
import logging
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from callpad.api.errors import CallApiError
from callpad.api.models import Limits
from callpad.api.service import CallService
from callpad.clock import Clock
from callpad.viewmodels.calls_model import CallsModel
from callpad.viewmodels.task_runner import TaskRunner

_log = logging.getLogger(__name__)

LOOP_KEY = "call_monitor.loop"
SLEEP_KEY = "call_monitor.sleep"


@dataclass(frozen=True, slots=True)
class PollPolicy:
    """Polling intervals (seconds) and budget thresholds."""

    active_s: float = 1.0  # a call with a leg of mine is listed
    focused_s: float = 3.0  # the window is focused, or some call is listed
    idle_s: float = 15.0  # nothing to watch
    low_budget_factor: float = 3.0  # intervals are multiplied by this when the budget is low
    low_minute_fraction: float = 0.25  # "low": less than this share of the minute budget left
    low_day_fraction: float = 0.05  # ... or of the day budget
    reserve_points: int = 10  # minute points left for commands: polling never spends them
    backoff_first_s: float = 2.0
    backoff_max_s: float = 60.0


class MonitorState(enum.Enum):
    """What the monitor is doing."""

    STOPPED = "stopped"  # not started, or stopped
    PAUSED = "paused"  # logged out
    POLLING = "polling"  # a list.calls request is in flight
    WAITING = "waiting"  # between polls
    BACKING_OFF = "backing_off"  # waiting after an error


class CallMonitor(QObject):
    """Polls list.calls into a `CallsModel`; the one owner of polling.

    Signals:
        state_changed(str): a `MonitorState` value.
        interval_changed(float): the wait chosen after the latest poll.
        polled(int): a poll succeeded; the number of calls it listed.
        failing_changed(bool): polls fail (true after the first error, false after a success).
    """

    state_changed = Signal(str)
    interval_changed = Signal(float)
    polled = Signal(int)
    failing_changed = Signal(bool)

    def __init__(
        self,
        service: CallService,
        clock: Clock,
        runner: TaskRunner,
        model: CallsModel,
        *,
        policy: PollPolicy | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._clock = clock
        self._runner = runner
        self._model = model
        self._policy = policy or PollPolicy()
        self._state = MonitorState.STOPPED
        self._interval = 0.0
        self._started = False
        self._logged_in = False
        self._focused = False
        self._limits: Limits | None = None
        self._failures = 0
        self._again = False
        self._sleep_task: asyncio.Task[None] | None = None
        self._loop_task: asyncio.Task[None] | None = None
        self._poll_count = 0

    # -- properties -----------------------------------------------------------------------------

    @property
    def state(self) -> str:
        return self._state.value

    @property
    def interval(self) -> float:
        return self._interval

    @property
    def failing(self) -> bool:
        return self._failures > 0

    @property
    def poll_count(self) -> int:
        """Successful and failed polls so far (for tests and benchmarks)."""
        return self._poll_count

    @property
    def policy(self) -> PollPolicy:
        return self._policy

    # -- commands -------------------------------------------------------------------------------

    def start(self) -> None:
        """Start polling (at once) whenever logged in; re-attaches to calls already running."""
        self._started = True
        self._ensure_loop()

    def stop(self) -> None:
        """Stop polling; an in-flight poll is cancelled."""
        self._started = False
        self._cancel_loop()
        self._set_state(MonitorState.STOPPED)

    def set_logged_in(self, logged_in: bool) -> None:
        """Pause while logged out (the model is emptied); resume with an immediate poll."""
        if logged_in == self._logged_in:
            return
        self._logged_in = logged_in
        if logged_in:
            self._ensure_loop()
        else:
            self._cancel_loop()
            self._model.apply([])
            if self._started:
                self._set_state(MonitorState.PAUSED)

    def set_window_focused(self, focused: bool) -> None:
        """A focused window polls more often; gaining focus refreshes at once."""
        if focused == self._focused:
            return
        self._focused = focused
        if focused:
            self.refresh_soon()

    def set_policy(self, policy: PollPolicy) -> None:
        """New intervals (a settings save), in force at once.

        The wait in progress ends (one poll now), and the next wait follows the new policy.
        """
        if policy == self._policy:
            return
        self._policy = policy
        if self._state is MonitorState.WAITING:
            self.refresh_soon()

    def set_limits(self, limits: Limits | None) -> None:
        """The latest point budget reported by any reply (the status viewmodel forwards it)."""
        self._limits = limits

    def refresh_soon(self) -> None:
        """Poll as soon as possible; merged with any poll already in flight or requested."""
        sleeping = self._sleep_task is not None and not self._sleep_task.done()
        if sleeping and self._state is MonitorState.WAITING:
            self._sleep_task.cancel()  # type: ignore[union-attr]  # checked just above
        else:
            # Polling: one more poll follows. Backing off: the poll after the wait serves it.
            self._again = True

    def next_interval(self) -> float:
        """The wait before the next poll, from activity, focus, budget and failures."""
        p = self._policy
        if self._failures:
            return min(p.backoff_first_s * 2.0 ** (self._failures - 1), p.backoff_max_s)
        if self._model.has_active_call_of_mine():
            base = p.active_s
        elif self._focused or self._model.rowCount() > 0:
            base = p.focused_s
        else:
            base = p.idle_s
        return self._budget_interval(base)

    # -- internals ------------------------------------------------------------------------------

    def _budget_interval(self, base: float) -> float:
        limits, p = self._limits, self._policy
        if limits is None:
            return base
        age = max(0.0, (self._clock.wall() - limits.received_at).total_seconds())
        minute_left = max(0.0, limits.minute_reset - age)
        day_left = max(0.0, limits.day_reset - age)
        if limits.day_remaining <= p.reserve_points:
            return max(base * p.low_budget_factor, day_left)
        if limits.minute_remaining <= p.reserve_points:
            return max(base, minute_left + 0.5)
        low = (
            limits.minute_limit > 0
            and limits.minute_remaining < limits.minute_limit * p.low_minute_fraction
        ) or (limits.day_limit > 0 and limits.day_remaining < limits.day_limit * p.low_day_fraction)
        if low:
            base *= p.low_budget_factor
        spare = limits.minute_remaining - p.reserve_points
        return max(base, minute_left / spare) if spare > 0 else base

    def _ensure_loop(self) -> None:
        if not (self._started and self._logged_in):
            return
        task = self._loop_task
        if task is not None and not task.done() and not task.cancelling():
            return
        self._loop_task = self._runner.submit(
            self._loop(), name="call_monitor", key=LOOP_KEY, replace=True
        )

    def _cancel_loop(self) -> None:
        self._runner.cancel(LOOP_KEY)
        self._runner.cancel(SLEEP_KEY)

    async def _loop(self) -> None:
        try:
            while self._started and self._logged_in:
                await self._poll()
                if self._again and self._failures == 0:
                    self._again = False
                    continue
                wait = self.next_interval()
                self._set_interval(wait)
                await self._sleep(wait)
                self._again = False  # the next poll serves every request made during the wait
        finally:
            self._sleep_task = None

    async def _poll(self) -> None:
        self._set_state(MonitorState.POLLING)
        self._poll_count += 1
        try:
            calls = await self._service.list_calls()
        except CallApiError as exc:
            self._failures += 1
            if self._failures == 1:
                self.failing_changed.emit(True)
                self._runner.report("list.calls", exc)
            _log.info("list.calls failed (%d in a row): %s", self._failures, type(exc).__name__)
            return
        if self._failures:
            self._failures = 0
            self.failing_changed.emit(False)
        self._model.apply(calls)
        self.polled.emit(len(calls))

    async def _sleep(self, seconds: float) -> None:
        task = self._runner.submit(self._wait(seconds), name="call_monitor.sleep", key=SLEEP_KEY)
        if task is None:
            await self._wait(seconds)
            return
        self._sleep_task = task
        try:
            # asyncio.wait does not raise when the wait is cancelled by refresh_soon().
            await asyncio.wait({task})
        finally:
            if not task.done():
                task.cancel()

    async def _wait(self, seconds: float) -> None:
        # The state changes in the same step that starts the clock's sleep, so whoever sees
        # WAITING knows the wait has begun (tests step a ManualClock only then).
        self._set_state(MonitorState.BACKING_OFF if self._failures else MonitorState.WAITING)
        if self._again and self._failures == 0:
            return  # refresh_soon() came between the poll and the wait
        await self._clock.sleep(seconds)

    def _set_state(self, state: MonitorState) -> None:
        if state is not self._state:
            self._state = state
            self.state_changed.emit(state.value)

    def _set_interval(self, interval: float) -> None:
        if interval != self._interval:
            self._interval = interval
            self.interval_changed.emit(interval)

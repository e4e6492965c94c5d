"""The viewmodel graph wired as app.py wires it, for viewmodel tests and benchmarks (no widgets)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, TypeVar

from callpad.api.client import CallApiClient
from callpad.clock import ManualClock
from callpad.sim.server import SimServer
from callpad.sim.sim_clock import SimClock
from callpad.viewmodels.call_actions import CallActionsViewModel
from callpad.viewmodels.call_monitor import CallMonitor, PollPolicy
from callpad.viewmodels.calls_model import CallsFilterProxy, CallsModel
from callpad.viewmodels.dialer import DialerViewModel
from callpad.viewmodels.session import SessionViewModel
from callpad.viewmodels.status import StatusViewModel
from callpad.viewmodels.talk_options import TalkOptionsViewModel
from callpad.viewmodels.task_runner import ErrorReport, TaskRunner
from tests.qt_async import until

DEMO_EMPLOYEE = 3141
DEMO_VIRTUAL_NUMBER = "74951112233"


class ListStore:
    """A RecentNumbersStore kept in memory."""

    def __init__(self, numbers: list[str] | None = None) -> None:
        self.numbers = list(numbers or [])
        self.saves = 0

    def load(self) -> list[str]:
        return list(self.numbers)

    def save(self, numbers: list[str]) -> None:
        self.numbers = list(numbers)
        self.saves += 1


@dataclass
class Desk:
    """Every viewmodel, wired; plus the simulator behind them."""

    sim: SimServer
    clock: SimClock | ManualClock
    service: CallApiClient
    runner: TaskRunner
    model: CallsModel
    proxy: CallsFilterProxy
    monitor: CallMonitor
    session: SessionViewModel
    status: StatusViewModel
    dialer: DialerViewModel
    actions: CallActionsViewModel
    talk: TalkOptionsViewModel
    store: ListStore
    errors: list[ErrorReport] = field(default_factory=list)
    step: float = 0.01  # how often waits re-check their condition (benchmarks use less)

    async def login(self, login: str = "demo", password: str = "demo") -> None:  # noqa: S107
        assert self.session.login_with_password(login, password)
        await until(lambda: not self.session.busy, step=self.step)
        assert self.session.logged_in, self.session.error
        await until(
            lambda: self.monitor.poll_count > 0 and self.monitor.state in _RESTING, step=self.step
        )

    async def poll(self) -> None:
        """Make the monitor poll now and wait until that poll has been applied."""
        before = self.monitor.poll_count
        self.monitor.refresh_soon()
        await until(
            lambda: self.monitor.poll_count > before and self.monitor.state in _RESTING,
            step=self.step,
        )

    async def advance(self, seconds: float) -> None:
        """Move simulated time (which also wakes the monitor if its wait is over), then poll."""
        self.clock.advance(seconds)
        await self.poll()

    async def idle(self) -> None:
        """Wait until no command is in flight, then until a poll after them has been applied."""
        await until(lambda: not (self.runner.running_keys() - {_LOOP, _SLEEP}), step=self.step)
        await self.poll()

    def requests(self, method: str) -> list[dict[str, Any]]:
        return [r for r in self.sim.controller.requests() if r["method"] == method]

    def only_call(self) -> int:
        ids = self.model.session_ids()
        assert len(ids) == 1, ids
        return ids[0]

    async def close(self) -> None:
        self.monitor.stop()
        self.model.stop_ticking()
        self.status.stop_ticking()
        await until(lambda: self.runner.pending_count() == 0)


D = TypeVar("D", bound=Desk)

_RESTING = ("waiting", "backing_off")  # the monitor's wait has begun (its clock sleep is armed)
_LOOP = "call_monitor.loop"
_SLEEP = "call_monitor.sleep"


def build_desk(
    sim: SimServer,
    service: CallApiClient,
    runner: TaskRunner,
    *,
    employee_id: int | None = DEMO_EMPLOYEE,
    lang: str = "en",
    policy: PollPolicy | None = None,
) -> Desk:
    """Wire the viewmodels like app.py does (times from the simulator's clock)."""
    return wire_desk(Desk, sim, sim.clock, service, runner, employee_id=employee_id, lang=lang,
                     policy=policy)  # fmt: skip


def wire_desk(
    desk_class: type[D],
    sim: Any,
    clock: SimClock | ManualClock,
    service: CallApiClient,
    runner: TaskRunner,
    *,
    employee_id: int | None = DEMO_EMPLOYEE,
    lang: str = "en",
    policy: PollPolicy | None = None,
) -> D:
    """Wire the viewmodels like app.py does on `clock` into a `desk_class` (a Desk)."""
    model = CallsModel(clock, my_employee_id=employee_id, lang=lang)
    proxy = CallsFilterProxy(model)
    monitor = CallMonitor(service, clock, runner, model, policy=policy)
    session = SessionViewModel(service, runner, provider="Demo", lang=lang)
    status = StatusViewModel(clock, lang=lang)
    store = ListStore()
    dialer = DialerViewModel(
        service,
        runner,
        employee_id=employee_id,
        default_virtual_number=DEMO_VIRTUAL_NUMBER,
        refresh=monitor.refresh_soon,
        recent_store=store,
        lang=lang,
    )
    actions = CallActionsViewModel(service, runner, model, refresh=monitor.refresh_soon, lang=lang)
    talk = TalkOptionsViewModel(service, runner, actions, lang=lang)
    desk = desk_class(
        sim, clock, service, runner, model, proxy, monitor, session, status, dialer, actions, talk,
        store,
    )  # fmt: skip
    runner.failed.connect(status.report)
    runner.failed.connect(desk.errors.append)
    service.add_metadata_listener(status.update_metadata)
    status.limits_changed.connect(monitor.set_limits)
    session.logged_in_changed.connect(monitor.set_logged_in)
    session.logged_in_changed.connect(talk.on_logged_in_changed)
    session.state_changed.connect(status.set_session_state)
    session.user_changed.connect(lambda user: status.set_session(session.provider, user))
    monitor.failing_changed.connect(status.set_polls_failing)
    monitor.start()
    return desk

# mypy: disable-error-code="unreachable"
# (viewmodel properties change while the test awaits; mypy narrows them as if they could not)
"""StatusViewModel: connection, budget ok/low/exhausted with countdown, deprecation, messages."""

from datetime import UTC, datetime

from callpad.api.client import CallApiClient
from callpad.api.errors import ConnectionFailedError, RpcError, rpc_error_from
from callpad.api.models import ApiVersionInfo, Limits, ReplyMetadata
from callpad.clock import ManualClock
from callpad.viewmodels.status import StatusViewModel
from callpad.viewmodels.task_runner import ErrorReport
from tests.gui.vm_desk import build_desk
from tests.qt_async import until

T0 = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)


def metadata(
    minute: int, day: int, *, minute_reset: int = 30, day_reset: int = 5000
) -> ReplyMetadata:
    limits = Limits(
        day_limit=10000,
        day_remaining=day,
        day_reset=day_reset,
        minute_limit=100,
        minute_remaining=minute,
        minute_reset=minute_reset,
        received_at=T0,
    )
    return ReplyMetadata(method="list.calls", limits=limits, api_version=None)


def test_budget_states_and_countdown():
    clock = ManualClock()
    status = StatusViewModel(clock, lang="en")
    states: list[str] = []
    countdowns: list[int] = []
    status.budget_state_changed.connect(states.append)
    status.countdown_changed.connect(countdowns.append)
    assert status.budget_state == "unknown"
    assert status.minute_remaining == -1
    status.update_metadata(metadata(95, 9000))
    assert status.budget_state == "ok"
    assert status.budget_text == "API points: 95/min, 9000/day"
    status.update_metadata(metadata(15, 9000))
    assert status.budget_state == "low"
    assert "running low" in status.budget_text
    status.update_metadata(metadata(0, 9000, minute_reset=30))
    assert status.budget_state == "exhausted"
    assert status.countdown == 30
    assert "30 s" in status.budget_text
    clock.advance(12)
    status.tick()
    assert status.countdown == 18
    clock.advance(20)
    status.tick()  # the reset time has passed: no longer counting, the next reply tells more
    assert status.countdown == 0
    assert status.budget_state == "low"
    status.update_metadata(metadata(100, 0, day_reset=3725))
    assert status.budget_state == "exhausted"
    assert status.countdown == 3725
    assert "1:02:05" in status.budget_text
    assert states == ["ok", "low", "exhausted", "low", "exhausted"]
    assert countdowns == [30, 18, 0, 3725]
    status.update_metadata(metadata(100, 9999))
    assert status.budget_state == "ok"


def test_russian_budget_text():
    status = StatusViewModel(ManualClock(), lang="ru")
    status.update_metadata(metadata(0, 500, minute_reset=7))
    assert status.budget_text == "Баллы API на эту минуту закончились, снова через 7 с"


def test_deprecation_banner_from_metadata():
    status = StatusViewModel(ManualClock(), lang="en")
    banners: list[str] = []
    status.deprecation_changed.connect(banners.append)
    version = ApiVersionInfo(deprecated=True, current_version="3.0", latest_version="4.0")
    status.update_metadata(ReplyMetadata("list.calls", None, version))
    status.update_metadata(ReplyMetadata("list.calls", None, version))  # no repeat
    assert len(banners) == 1
    assert "3.0" in status.deprecation
    assert "4.0" in status.deprecation
    status.update_metadata(ReplyMetadata("list.calls", None, ApiVersionInfo(False, "4.0", "4.0")))
    assert status.deprecation == ""


async def test_deprecated_api_version_from_the_simulator(start_sim, runner):
    sim = await start_sim(deprecated_version="3.0")
    async with CallApiClient(f"{sim.base_url}/v3.0", clock=sim.clock) as client:
        desk = build_desk(sim, client, runner)
        try:
            await desk.login()
            await until(lambda: desk.status.deprecation != "")
            assert "3.0" in desk.status.deprecation
        finally:
            await desk.close()


def auth_error() -> RpcError:
    return rpc_error_from(
        code=-32001, message="x", mnemonic="auth_error", method="login.user", params={}
    )


def test_messages_are_localized_and_repeats_collapse():
    clock = ManualClock()
    status = StatusViewModel(clock, lang="ru")
    down = ConnectionFailedError("refused", method="list.calls", host="example.org")
    for _ in range(3):
        status.report(ErrorReport.from_exception("list.calls", down))
        clock.advance(5)
    assert status.message_count == 3
    assert status.message.endswith("(×3)")
    assert status.message_severity == "warning"  # retryable
    status.report(ErrorReport.from_exception("login", auth_error()))
    assert status.message_count == 1
    assert status.message == auth_error().user_message("ru")
    assert status.message_severity == "error"
    clock.advance(600)  # long after: the same error again counts from one
    status.report(ErrorReport.from_exception("login", auth_error()))
    assert status.message_count == 1
    status.dismiss_message()
    assert status.message == ""


async def test_limit_error_of_a_command_shows_the_countdown(start_sim, runner):
    sim = await start_sim("tight_limits")  # 5 points a minute
    async with CallApiClient(sim.url, clock=sim.clock) as client:
        desk = build_desk(sim, client, runner)
        try:
            await desk.login()
            desk.monitor.stop()  # keep the budget for the commands of this test
            for _ in range(5):
                desk.dialer.dial_number("+79161234567")
                await until(lambda: not desk.dialer.dialing)
            await until(lambda: desk.status.budget_state == "exhausted")
            assert desk.status.countdown > 0
            assert any(r.error.__class__.__name__ == "RateLimitError" for r in desk.errors)
            assert "limit" in desk.status.message.lower() or "балл" in desk.status.message.lower()
        finally:
            await desk.close()


async def test_connection_follows_the_session(desk):
    states: list[str] = []
    desk.status.connection_changed.connect(states.append)
    await desk.login()
    assert desk.status.user == "demo"
    assert desk.status.provider == "Demo"
    desk.session.logout()
    await until(lambda: desk.status.connection == "offline")
    assert states == ["connecting", "online", "offline"]
    assert desk.status.connection_text == "Signed out"

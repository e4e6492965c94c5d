# mypy: disable-error-code="unreachable"
# (viewmodel properties change while the test awaits; mypy narrows them as if they could not)
"""SessionViewModel: logging in and out, and every kind of login failure, against the simulator."""

import socket

import pytest

from callpad.api.client import CallApiClient
from callpad.viewmodels.error_kinds import LoginFailure
from callpad.viewmodels.session import SessionViewModel
from tests.qt_async import until


async def login(
    session: SessionViewModel,
    *,
    password: str | None = None,
    key: str | None = None,
    login: str = "demo",
) -> list[tuple[str, str]]:
    failures: list[tuple[str, str]] = []
    session.login_failed.connect(lambda kind, msg: failures.append((kind, msg)))
    if key is not None:
        assert session.login_with_key(key)
    else:
        assert password is not None
        assert session.login_with_password(login, password)
    assert session.busy
    assert session.state == "logging_in"
    await until(lambda: not session.busy)
    return failures


async def test_password_login_and_logout(client, runner, sim_server):
    session = SessionViewModel(client, runner, provider="Demo", lang="en")
    states: list[str] = []
    session.state_changed.connect(states.append)
    assert await login(session, password="demo") == []
    assert session.logged_in
    assert session.user == "demo"
    assert session.error == ""
    assert session.token_expires_at is not None
    assert not session.login_with_password("demo", "demo")  # already logged in: refused
    assert session.logout()
    await until(lambda: not session.busy)
    assert not session.logged_in
    assert states == ["logging_in", "logged_in", "logging_out", "logged_out"]
    methods = [r["method"] for r in sim_server.controller.requests()]
    assert methods == ["login.user", "list.calls", "logout.user"]


async def test_key_login(client, runner):
    session = SessionViewModel(client, runner, lang="en")
    assert await login(session, key="demo-permanent-key-valid-0001") == []
    assert session.logged_in
    assert session.auth_method.value == "key"


async def test_empty_credentials_are_refused_locally(client, runner, sim_server):
    session = SessionViewModel(client, runner)
    assert not session.login_with_password("", "x")
    assert not session.login_with_password("demo", "")
    assert not session.login_with_key("  ")
    assert sim_server.controller.requests() == []


@pytest.mark.parametrize(
    ("kwargs", "kind", "words"),
    [
        ({"password": "wrong"}, LoginFailure.WRONG_PASSWORD, "password is wrong"),
        ({"login": "noapi", "password": "noapi"}, LoginFailure.NO_API_RIGHT, "right"),
        ({"key": "demo-permanent-key-expired-0002"}, LoginFailure.KEY_EXPIRED, "expired"),
        ({"key": "demo-permanent-key-blocked-0003"}, LoginFailure.KEY_BLOCKED, "blocked"),
        ({"key": "no-such-key"}, LoginFailure.SESSION_INVALID, "session"),
    ],
)
async def test_demo_account_login_failures(client, runner, kwargs, kind, words):
    session = SessionViewModel(client, runner, lang="en")
    failures = await login(session, **kwargs)
    assert not session.logged_in
    assert [k for k, _ in failures] == [kind.value]
    assert session.last_failure is kind
    assert words in session.error
    assert session.user == ""


@pytest.mark.parametrize(
    ("scenario", "kind", "words"),
    [
        ("locked_down", LoginFailure.IP_NOT_WHITELISTED, "127.0.0.1"),
        ("inactive", LoginFailure.ACCOUNT_DISABLED, "disabled"),
        ("basic_only", LoginFailure.COMPONENT_DISABLED, "not enabled"),
    ],
)
async def test_account_level_login_failures(start_sim, runner, scenario, kind, words):
    sim = await start_sim(scenario)
    async with CallApiClient(sim.url, clock=sim.clock) as client:
        session = SessionViewModel(client, runner, lang="en")
        failures = await login(session, password="demo")
        assert [k for k, _ in failures] == [kind.value]
        assert words in session.error, session.error
        assert not client.is_authenticated  # a half-done login is undone


async def test_unreachable_server(runner):
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    async with CallApiClient(f"http://127.0.0.1:{port}/v4.0") as client:
        session = SessionViewModel(client, runner, lang="ru")
        failures = await login(session, password="demo")
    assert [k for k, _ in failures] == [LoginFailure.UNREACHABLE.value]
    assert session.error  # a Russian sentence from the API error
    assert not session.logged_in


async def test_rejected_session_tries_one_relogin_then_ends(client, runner, sim_server):
    session = SessionViewModel(client, runner, lang="en")
    await login(session, password="demo")
    lost: list[str] = []
    session.session_lost.connect(lost.append)
    # The account's password changes behind our back: the re-login is refused.
    sim_server.runtime.scenario.users[0].password = "changed"
    from callpad.api.errors import AuthError
    from callpad.viewmodels.task_runner import ErrorReport, Severity

    error = AuthError(code=-32001, message="x", mnemonic="access_token_invalid", method="hold.call")
    runner.failed.emit(ErrorReport("hold", error, Severity.ERROR, retryable=False))
    await until(lambda: not session.logged_in)
    assert len(lost) == 1
    assert "password" in lost[0]


async def test_key_logout_forgets_the_key(client, runner):
    session = SessionViewModel(client, runner, lang="en")
    await login(session, key="demo-permanent-key-valid-0001")
    assert session.logout()
    await until(lambda: not session.busy)
    assert not client.is_authenticated

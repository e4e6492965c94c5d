"""The login dialog and the account front: every failure shown in words, success opens the desk."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from dataclasses import replace
from pathlib import Path

import pytest

from callpad.api.client import CallApiClient
from callpad.clock import Clock, RealClock
from callpad.config.schema import AccountSettings, AuthKind, Provider, Settings
from callpad.config.secret_stores import InMemorySecretStore
from callpad.config.secrets import CredentialVault
from callpad.config.store import SettingsStore
from callpad.sim.server import SimServer
from callpad.ui.account_front import AccountFront
from callpad.ui.desk import Desk
from callpad.ui.login_dialog import LoginDialog
from callpad.ui.theme import LIGHT
from tests.gui.test_ui_desk import OFFSCREEN_NOISE
from tests.qt_async import until

pytestmark = OFFSCREEN_NOISE


@contextlib.asynccontextmanager
async def front_for(
    sim: SimServer, tmp_path: Path, clock: Clock | None = None
) -> AsyncIterator[AccountFront]:
    store = SettingsStore(tmp_path / "settings.json")
    vault = CredentialVault(InMemorySecretStore(), secure=True)

    def make_desk(settings: Settings) -> Desk:
        client = CallApiClient(settings.account.base_url(), clock=clock or sim.clock)
        return Desk(client, client.aclose, settings, store, "en", LIGHT, clock=clock or sim.clock)

    front = AccountFront(Settings(), store, vault, make_desk)
    front.start()
    try:
        yield front
    finally:
        await front.close()


def fill(
    dialog: LoginDialog, url: str, *, login: str = "", password: str = "", key: str = ""
) -> None:
    dialog.provider.setCurrentIndex(dialog.provider.findData(Provider.CUSTOM.value))
    dialog.url.setText(url)
    (dialog.by_key if key else dialog.by_password).setChecked(True)
    dialog.login.setText(login)
    dialog.password.setText(password)
    dialog.key.setText(key)


async def sign_in_error(front: AccountFront, limit_s: float = 10) -> str:
    front.dialog.sign_in.click()
    await until(
        lambda: front.dialog.error.isVisible() and front.dialog.sign_in.isEnabled(), limit_s
    )
    return front.dialog.error.text()


CASES = [
    ("demo", {"login": "demo", "password": "wrong"}, "login or password is wrong"),
    ("demo", {"key": "demo-permanent-key-expired-0002"}, "expired"),
    ("demo", {"key": "demo-permanent-key-blocked-0003"}, "blocked"),
    ("demo", {"login": "noapi", "password": "noapi"}, "Call API access"),
    ("locked_down", {"login": "demo", "password": "demo"}, "127.0.0.1"),
    ("inactive", {"login": "demo", "password": "demo"}, "account is disabled"),
    ("basic_only", {"login": "demo", "password": "demo"}, "not enabled"),
]


@pytest.mark.parametrize(("scenario", "creds", "words"), CASES, ids=[c[2] for c in CASES])
async def test_login_failure_is_shown_in_words(start_sim, tmp_path, scenario, creds, words):
    sim = await start_sim(scenario)
    async with front_for(sim, tmp_path) as front:
        fill(front.dialog, sim.base_url, **creds)
        text = await sign_in_error(front)
        assert words in text
        assert front.dialog.isVisible()
        assert front.dialog.login.text() == creds.get("login", "")  # nothing typed is lost


async def test_unreachable_server_is_named_as_such(sim_server, tmp_path):
    async with front_for(sim_server, tmp_path, RealClock()) as front:  # real retry backoff
        fill(front.dialog, "http://127.0.0.1:9", login="demo", password="demo")
        text = await sign_in_error(front, 30)
        assert "Could not connect to 127.0.0.1" in text


async def test_missing_fields_are_caught_before_any_request(sim_server, tmp_path):
    async with front_for(sim_server, tmp_path) as front:
        fill(front.dialog, sim_server.base_url, login="demo")
        front.dialog.sign_in.click()
        assert "password" in front.dialog.error.text()
        assert front.desk is None


async def test_successful_login_opens_the_window_and_remembers(sim_server, tmp_path):
    async with front_for(sim_server, tmp_path) as front:
        fill(front.dialog, sim_server.base_url, login="demo", password="demo")
        front.dialog.remember.setChecked(True)
        front.dialog.sign_in.click()
        await until(lambda: front.desk is not None and front.desk.window.isVisible())
        assert not front.dialog.isVisible()
        saved = SettingsStore(tmp_path / "settings.json").load().settings
        assert saved.account.login == "demo"
        assert saved.account.auth_kind is AuthKind.PASSWORD
        assert front.first_run is not None  # no employee id yet: the first-run dialog asks
        front.first_run.employee.setText("3141")
        front.first_run.number.setText("74951112233")
        front.first_run._done()
        saved = SettingsStore(tmp_path / "settings.json").load().settings
        assert saved.agent.employee_id == 3141
        assert front.desk is not None
        assert "+7 495 111-22-33" in front.desk.window.dialer.line_info.text()


async def remembered_front(
    sim: SimServer, tmp_path: Path, password: str
) -> tuple[AccountFront, SettingsStore]:
    store = SettingsStore(tmp_path / "settings.json")
    vault = CredentialVault(InMemorySecretStore(), secure=True)
    account = AccountSettings(
        provider=Provider.CUSTOM, custom_url=sim.base_url, login="demo", remember=True
    )
    vault.save(account, password)
    settings = replace(Settings(), account=account)

    def make_desk(settings: Settings) -> Desk:
        client = CallApiClient(settings.account.base_url(), clock=sim.clock)
        return Desk(client, client.aclose, settings, store, "en", LIGHT, clock=sim.clock)

    return AccountFront(settings, store, vault, make_desk), store


async def test_remembered_credentials_show_the_window_signing_in_before_the_server_answers(
    sim_server, tmp_path
):
    front, _store = await remembered_front(sim_server, tmp_path, "demo")
    try:
        front.start()
        assert front.desk is not None
        window, m = front.desk.window, front.desk.models
        assert window.isVisible()  # at once, not when the login reply comes
        assert m.session.state == "logging_in"
        assert m.status.connection == "connecting"
        assert not front.dialog.isVisible()
        await until(lambda: m.session.logged_in)
        assert window.isVisible()
        assert m.status.connection == "online"
    finally:
        await front.close()


async def test_a_remembered_password_refused_swaps_the_signing_in_window_for_the_dialog(
    sim_server, tmp_path
):
    front, _store = await remembered_front(sim_server, tmp_path, "wrong")
    try:
        front.start()
        assert front.desk is not None
        assert front.desk.window.isVisible()
        await until(front.dialog.isVisible)
        assert not front.desk.window.isVisible()
        assert "login or password is wrong" in front.dialog.error.text()
    finally:
        await front.close()

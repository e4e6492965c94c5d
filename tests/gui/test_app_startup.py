"""Start-up order: the window comes before httpx, the client and the simulator (bench_startup.py).

`LateService` stands for the CallService while they load: requests made meanwhile wait for it and
then go to the simulator over real HTTP.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path
from typing import cast

import pytest
from pytestqt.qtbot import QtBot

from callpad.api.client import CallApiClient
from callpad.api.models import ReplyMetadata
from callpad.api.service import CallService
from callpad.app.desktop_wiring import wire_desktop
from callpad.app.late_service import LateService
from callpad.app.startup import STARTUP_PROBE_ENV
from callpad.config.paths import AppPaths
from callpad.config.store import SettingsStore
from callpad.sim.server import SimServer
from callpad.ui.desk import Desk
from callpad.ui.theme import LIGHT

LATER = ("httpx", "callpad.api.client", "callpad.sim.server", "keyring", "callpad.desktop.tray")


def authenticated(service: CallService) -> bool:
    return service.is_authenticated


def test_importing_the_app_leaves_http_the_client_the_simulator_and_the_desktop_for_later() -> None:
    code = f"import sys, callpad.app; print([m for m in {LATER!r} if m in sys.modules])"
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_the_demo_reports_its_window_before_its_first_list_and_quits() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", STARTUP_PROBE_ENV: "1"}
    done = subprocess.run(
        [sys.executable, "-m", "callpad", "--demo"],
        capture_output=True, text=True, timeout=60, env=env, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["window-shown", "calls-shown"]
    assert "Traceback" not in done.stderr


async def test_a_login_asked_before_the_client_exists_waits_for_it(sim_server: SimServer) -> None:
    late = LateService()
    service = cast(CallService, late)
    assert not authenticated(service)
    assert service.token_expires_at is None
    assert service.metadata is None
    login = asyncio.ensure_future(service.login_user(login="demo", password="demo"))
    await asyncio.sleep(0.05)
    assert not login.done()  # nothing to send it with yet
    client = CallApiClient(sim_server.url, clock=sim_server.clock)
    late.bind(client, client.aclose)
    try:
        result = await asyncio.wait_for(login, 10)
        assert result is not None
        assert authenticated(service)
        assert await service.list_calls() == ()
    finally:
        await late.aclose()
    assert not authenticated(client)  # aclose() reached the bound client: it logged out


async def test_metadata_listeners_added_before_the_client_hear_its_replies(
    sim_server: SimServer,
) -> None:
    late = LateService()
    heard: list[str] = []
    dropped: list[str] = []

    def keep(metadata: ReplyMetadata) -> None:
        heard.append(metadata.method)

    def drop(metadata: ReplyMetadata) -> None:
        dropped.append(metadata.method)

    late.add_metadata_listener(keep)
    unsubscribe = late.add_metadata_listener(drop)
    unsubscribe()
    unsubscribe()  # twice is harmless (Desk's shutdown may race a rebuild)
    client = CallApiClient(sim_server.url, clock=sim_server.clock)
    late.bind(client, client.aclose)
    service = cast(CallService, late)
    try:
        await service.login_user(login="demo", password="demo")
        await service.list_calls()
    finally:
        await late.aclose()
    assert "list.calls" in heard
    assert dropped == []


async def test_before_the_client_exists_plain_calls_fail_loudly_and_closing_is_a_no_op() -> None:
    late = LateService()
    with pytest.raises(RuntimeError, match="use_permanent_key"):
        late.use_permanent_key("key")
    with pytest.raises(AttributeError):
        late.no_such_method()
    await late.aclose()  # nothing bound: nothing to close


@pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)")  # offscreen
async def test_the_settings_dialog_loaded_on_first_use_opens_from_the_wired_window(
    sim_server: SimServer, qtbot: QtBot, tmp_path: Path
) -> None:
    from callpad.ui.settings_dialog import SettingsDialog

    paths = AppPaths.in_folder(tmp_path)
    paths.ensure()
    store = SettingsStore(paths.settings_file)
    client = CallApiClient(sim_server.url, clock=sim_server.clock)
    desk = Desk(client, client.aclose, store.load().settings, store, "en", LIGHT, demo=True)
    wire_desktop(desk, store, None, paths, asyncio.Event(), None)
    try:
        desk.window.settings_requested.emit()
        dialogs = desk.window.findChildren(SettingsDialog)
        assert len(dialogs) == 1
        assert dialogs[0].isVisible()
        dialogs[0].reject()
    finally:
        await desk.shutdown()

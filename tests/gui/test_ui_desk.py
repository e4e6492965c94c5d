"""The main window built by ui.desk.Desk over a real client and the simulator (manual clock).

`open_desk()` is shared by the other test_ui_* modules: it builds the same graph callpad.app builds,
shows the window offscreen, logs in to the demo account and shuts everything down in the
documented order at the end (the conftest's `sim_server` runs on a ManualClock).
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import AsyncIterator
from dataclasses import replace
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from callpad.api.client import CallApiClient
from callpad.config.schema import Settings
from callpad.sim.server import SimServer
from callpad.ui.advanced_dial import AdvancedDialForm
from callpad.ui.cheat_sheet import CheatSheet
from callpad.ui.desk import Desk
from callpad.ui.dtmf_keypad import DtmfKeypad
from callpad.ui.theme import LIGHT
from callpad.viewmodels.calls_model import CallRole
from tests.qt_async import until

# The offscreen platform warns on every show(); harmless (STACK.md section 2).
OFFSCREEN_NOISE = pytest.mark.qt_log_ignore(
    r"This plugin does not support (propagateSizeHints|raise)"
)
pytestmark = OFFSCREEN_NOISE

DEMO_EMPLOYEE = 3141
DEMO_VN = "74951112233"
CUSTOMER = "79161234567"


def demo_settings() -> Settings:
    s = Settings()
    return replace(
        s, agent=replace(s.agent, employee_id=DEMO_EMPLOYEE, default_virtual_number=DEMO_VN)
    )


@contextlib.asynccontextmanager
async def open_desk(
    sim: SimServer, *, login: bool = True, url: str | None = None, first_poll: bool = True
) -> AsyncIterator[Desk]:
    client = CallApiClient(url or sim.url, clock=sim.clock)
    desk = Desk(client, client.aclose, demo_settings(), None, "en", LIGHT, clock=sim.clock)
    desk.window.show()
    try:
        if login:
            assert desk.models.session.login_with_password("demo", "demo")
            await until(lambda: desk.models.session.logged_in or desk.models.session.error)
            assert desk.models.session.logged_in, desk.models.session.error
            if first_poll:
                await poll(desk)
        yield desk
    finally:
        await desk.shutdown()
        assert desk.runner.pending_count() == 0


async def poll(desk: Desk) -> None:
    """Make the monitor poll now and wait until that poll has been applied."""
    monitor = desk.models.monitor
    before = monitor.poll_count
    monitor.refresh_soon()
    await until(lambda: monitor.poll_count > before and monitor.state != "polling")


async def settle(desk: Desk, sim: SimServer, seconds: float = 0.0) -> None:
    """Let commands in flight finish, move simulated time, then poll."""
    runner = desk.runner
    await until(lambda: not any(not k.startswith("call_monitor") for k in runner.running_keys()))
    if seconds:
        sim.clock.advance(seconds)
    await poll(desk)


def requests(sim: SimServer, method: str) -> list[dict[str, Any]]:
    return [r for r in sim.controller.requests() if r["method"] == method]


async def dial_and_connect(desk: Desk, sim: SimServer, number: str = CUSTOMER) -> int:
    """Type the number, press Enter, let both sides answer; return the session id."""
    window = desk.window
    dialed: list[int] = []
    desk.models.dialer.dialed.connect(dialed.append)
    window.dialer.focus_number()
    QTest.keyClicks(window.dialer.number, number)
    QTest.keyClick(window.dialer.number, Qt.Key.Key_Return)
    await until(lambda: dialed)
    await settle(desk, sim, 10)
    sid = dialed[0]
    await until(lambda: phase(desk, sid) == "TALK")
    select_call(desk, sid)
    return sid


def phase(desk: Desk, sid: int) -> str | None:
    p = desk.models.calls.phase(sid)
    return None if p is None else p.value


def select_call(desk: Desk, sid: int) -> None:
    m = desk.models
    desk.window.calls.setCurrentIndex(m.proxy.mapFromSource(m.calls.index_of_call(sid)))
    assert m.actions.selected_session_id == sid


def call_index(desk: Desk, sid: int) -> QModelIndex:
    m = desk.models
    return m.proxy.mapFromSource(m.calls.index_of_call(sid))


async def test_window_opens_with_the_number_field_focused(sim_server):
    async with open_desk(sim_server, login=False) as desk:
        window = desk.window
        await until(window.isVisible)
        assert window.dialer.number.hasFocus() or window.focusWidget() is window.dialer.number
        assert window.windowTitle() == "callpad"
        assert not window.demo_badge.isVisible()


async def test_pop_ups_are_built_on_first_use_and_take_the_current_call_state(sim_server):
    async with open_desk(sim_server) as desk:
        window = desk.window
        await until(window.isVisible)
        built = [type(w) for w in window.findChildren(QWidget)]
        assert not {CheatSheet, DtmfKeypad, AdvancedDialForm} & set(built)  # start-up time
        await dial_and_connect(desk, sim_server)
        assert window.keypad.isEnabled()  # built while a call talks: enabled at once
        window.table["toggle_advanced"].trigger()
        assert window.dialer.advanced_area.widget() is window.dialer.advanced
        window.table["cheat_sheet"].trigger()
        await until(window.cheat_sheet.isVisible)


async def test_call_rows_carry_direction_contact_and_state(sim_server):
    async with open_desk(sim_server) as desk:
        sid = await dial_and_connect(desk, sim_server)
        index = call_index(desk, sid)
        assert index.data(CallRole.DIRECTION) == "out"
        assert index.data(CallRole.CONTACT) == CUSTOMER
        assert desk.window.calls.model().rowCount(index) >= 2  # legs as children


async def test_a_number_from_a_link_is_dialled_once_logged_in(sim_server):
    async with open_desk(sim_server, login=False) as desk:
        desk.dial_when_logged_in("tel:+79161234567")
        assert requests(sim_server, "start.employee_call") == []
        assert desk.models.session.login_with_password("demo", "demo")
        await until(lambda: requests(sim_server, "start.employee_call"))
        assert requests(sim_server, "start.employee_call")[0]["params"]["contact"] == CUSTOMER


async def test_start_up_objects_are_frozen_once_after_the_first_poll(sim_server):
    """gc.freeze() keeps full collections short while polling (bench_refresh.py)."""
    gc.unfreeze()
    async with open_desk(sim_server, login=False) as desk:
        assert gc.get_freeze_count() == 0
        assert desk.models.session.login_with_password("demo", "demo")
        await until(lambda: desk.models.session.logged_in)
        await poll(desk)
        frozen = gc.get_freeze_count()
        assert frozen > 1000
        await poll(desk)
        assert gc.get_freeze_count() <= frozen  # not again (frozen objects may still be freed)

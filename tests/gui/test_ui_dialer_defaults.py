"""The desk's dialer uses the settings' default start method: at start-up and right after a save.

Real desk, real settings dialog, real keys; what Enter sends is read from the simulator's log.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox

from callpad.api.client import CallApiClient
from callpad.config.schema import Direction, Message, MessageType, StartMethod
from callpad.sim.server import SimServer
from callpad.ui.desk import Desk
from callpad.ui.theme import LIGHT
from tests.gui.test_ui_desk import (
    CUSTOMER,
    OFFSCREEN_NOISE,
    demo_settings,
    open_desk,
    requests,
    settle,
)
from tests.gui.test_ui_live_settings import settings_dialog, type_into
from tests.qt_async import until

pytestmark = OFFSCREEN_NOISE


def press_enter_on(desk: Desk, number: str) -> None:
    field = desk.window.dialer.number
    desk.window.dialer.focus_number()
    QTest.keyClicks(field, number)
    QTest.keyClick(field, Qt.Key.Key_Return)


def choose(combo: object, value: object) -> None:
    assert isinstance(combo, QComboBox)
    index = combo.findData(value)
    assert index >= 0, value
    combo.setCurrentIndex(index)


async def test_a_saved_default_start_method_is_what_enter_uses_at_once(
    sim_server: SimServer, tmp_path: Path
) -> None:
    async with open_desk(sim_server) as desk:
        dialog = settings_dialog(desk, tmp_path)
        choose(dialog.editors["dial.start_method"], StartMethod.SCENARIO)
        type_into(dialog, "dial.scenario_id", "88012")
        choose(dialog.editors["dial.direction"], Direction.IN)
        dialog.save_button.click()
        assert desk.models.dialer.method == "scenario"
        press_enter_on(desk, CUSTOMER)
        await until(lambda: requests(sim_server, "start.scenario_call"))
        await settle(desk, sim_server)
        (request,) = requests(sim_server, "start.scenario_call")
        assert request["params"]["scenario_id"] == 88012
        assert request["params"]["direction"] == "in"
        assert requests(sim_server, "start.employee_call") == []


async def test_the_desk_starts_with_the_settings_default_start_method(
    sim_server: SimServer,
) -> None:
    base = demo_settings()
    message = Message(MessageType.TTS, "Напоминаем о встрече")
    dial = replace(
        base.dial, start_method=StartMethod.INFORMER, contact_message=message, dialing_timeout=45
    )
    client = CallApiClient(sim_server.url, clock=sim_server.clock)
    settings = replace(base, dial=dial)
    desk = Desk(client, client.aclose, settings, None, "en", LIGHT, clock=sim_server.clock)
    desk.window.show()
    try:
        assert desk.models.session.login_with_password("demo", "demo")
        await until(lambda: desk.models.session.logged_in)
        press_enter_on(desk, CUSTOMER)
        await until(lambda: requests(sim_server, "start.informer_call"))
        await until(lambda: not desk.models.dialer.dialing)
        (request,) = requests(sim_server, "start.informer_call")
        assert request["params"]["dialing_timeout"] == 45
        assert request["params"]["contact_message"] == {"type": "tts", "value": message.value}
    finally:
        await desk.shutdown()

"""Call commands through the window: keys and buttons, enabled only in the right states."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox

from callpad.ui.desk import Desk
from tests.gui.test_ui_desk import (
    OFFSCREEN_NOISE,
    call_index,
    dial_and_connect,
    open_desk,
    phase,
    requests,
    select_call,
    settle,
)
from tests.qt_async import until

pytestmark = OFFSCREEN_NOISE

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
COLLEAGUE = "0215"


async def press(
    desk: Desk, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    """A key typed in the call list (window-wide shortcuts need the window to be active)."""
    if QApplication.activeWindow() is not desk.window:
        desk.window.activateWindow()
        await until(lambda: QApplication.activeWindow() is desk.window)
    QTest.keyClick(desk.window.calls, key, modifiers)


async def answer_prompt(name: str, text: str) -> None:
    await until(lambda: _dialog(name) is not None)
    dialog = _dialog(name)
    assert dialog is not None
    dialog.setTextValue(text)
    dialog.accept()
    await until(lambda: _dialog(name) is None)


def _dialog(name: str) -> QInputDialog | None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QInputDialog) and widget.objectName() == name and widget.isVisible():
            return widget
    return None


async def test_hold_key_is_disabled_until_the_call_talks_then_holds_and_resumes(sim_server):
    async with open_desk(sim_server) as desk:
        table = desk.window.table
        assert not table["hold"].isEnabled()
        await press(desk, Qt.Key.Key_H, CTRL_SHIFT)  # no call: nothing may be sent
        await settle(desk, sim_server)
        assert requests(sim_server, "hold.call") == []
        sid = await dial_and_connect(desk, sim_server)
        await until(table["hold"].isEnabled)
        desk.window.calls.setFocus()
        await press(desk, Qt.Key.Key_H, CTRL_SHIFT)
        await settle(desk, sim_server)
        assert phase(desk, sid) == "ON_HOLD"
        assert len(requests(sim_server, "hold.call")) == 1
        assert desk.window.action_bar.buttons["hold"].text() == "Resume"
        await press(desk, Qt.Key.Key_F4)  # the desk-phone key does the same toggle
        await settle(desk, sim_server)
        assert phase(desk, sid) == "TALK"


@pytest.mark.qt_log_ignore("keyToAscii", r"This plugin does not support")  # QTest, offscreen
async def test_shortcuts_work_on_the_russian_layout(sim_server):
    async with open_desk(sim_server) as desk:
        sid = await dial_and_connect(desk, sim_server)
        await until(desk.window.table["hold"].isEnabled)
        await press(desk, Qt.Key(ord("Р")), CTRL_SHIFT)  # Ctrl+Shift+H typed on ЙЦУКЕН
        await settle(desk, sim_server)
        assert phase(desk, sid) == "ON_HOLD"


async def test_consult_then_transfer(sim_server):
    async with open_desk(sim_server) as desk:
        sid = await dial_and_connect(desk, sim_server)
        await press(desk, Qt.Key.Key_F4)
        await settle(desk, sim_server)
        await until(desk.window.table["consult"].isEnabled)
        await press(desk, Qt.Key.Key_N, CTRL_SHIFT)
        await answer_prompt("consultDialog", COLLEAGUE)
        await settle(desk, sim_server, 5)
        assert phase(desk, sid) == "OPERATOR_TALK"
        assert desk.window.table["restore"].isEnabled()
        await press(desk, Qt.Key.Key_F8)
        await settle(desk, sim_server, 1)
        assert len(requests(sim_server, "transfer.talk")) == 1
        assert phase(desk, sid) == "TALK"


async def test_consult_then_return_to_the_customer(sim_server):
    async with open_desk(sim_server) as desk:
        sid = await dial_and_connect(desk, sim_server)
        await press(desk, Qt.Key.Key_F4)
        await settle(desk, sim_server)
        await until(desk.window.table["consult"].isEnabled)
        desk.window.table["consult"].trigger()
        await answer_prompt("consultDialog", COLLEAGUE)
        await settle(desk, sim_server)
        assert phase(desk, sid) in ("DIALING", "OPERATOR_TALK")
        await press(desk, Qt.Key.Key_B, CTRL_SHIFT)  # abandon the warm transfer while it rings
        await settle(desk, sim_server)
        assert phase(desk, sid) == "TALK"
        assert len(requests(sim_server, "restore.talk")) == 1


async def test_hang_up_with_f12_sends_release_once(sim_server):
    async with open_desk(sim_server) as desk:
        sid = await dial_and_connect(desk, sim_server)
        await press(desk, Qt.Key.Key_F12)
        await press(desk, Qt.Key.Key_F12)  # a second press within the throttle sends nothing
        await settle(desk, sim_server)
        assert desk.models.calls.call(sid) is None
        assert len(requests(sim_server, "release.call")) == 1


async def test_block_asks_for_confirmation_first(sim_server):
    async with open_desk(sim_server) as desk:
        await dial_and_connect(desk, sim_server)
        desk.window.table["block"].trigger()
        await until(lambda: _box() is not None)
        box = _box()
        assert box is not None
        box.button(QMessageBox.StandardButton.Cancel).click()
        await settle(desk, sim_server)
        assert requests(sim_server, "block.contact") == []
        QTest.qWait(1100)  # past the destructive-command throttle
        desk.window.table["block"].trigger()
        await until(lambda: _box() is not None)
        box = _box()
        assert box is not None
        yes = next(
            b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole
        )
        yes.click()
        await settle(desk, sim_server)
        assert len(requests(sim_server, "block.contact")) == 1


def _box() -> QMessageBox | None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMessageBox) and widget.isVisible():
            return widget
    return None


async def test_dtmf_keypad_and_typed_digits_send_single_symbols(sim_server):
    async with open_desk(sim_server) as desk:
        await dial_and_connect(desk, sim_server)
        desk.window.table["dtmf"].trigger()
        await until(desk.window.keypad.isVisible)
        desk.window.keypad.buttons["5"].click()
        await press(desk, Qt.Key.Key_7)  # digits typed in the call list send DTMF too
        await settle(desk, sim_server)
        sent = [r["params"]["dtmf_string"] for r in requests(sim_server, "send.dtmf")]
        assert sent == ["5", "7"]


async def test_tag_record_and_coach(sim_server):
    async with open_desk(sim_server) as desk:
        sid = await dial_and_connect(desk, sim_server)
        desk.window.table["tag"].trigger()
        await answer_prompt("tagDialog", "771")
        await settle(desk, sim_server)
        call = desk.models.calls.call(sid)
        assert call is not None
        assert [t.tag_id for t in call.tags] == [771]
        recording = desk.models.actions.recording
        await press(desk, Qt.Key.Key_O, CTRL_SHIFT)
        await settle(desk, sim_server)
        assert desk.models.actions.recording is not recording
        desk.window.table["coach"].trigger()
        await answer_prompt("coachDialog", "")
        await settle(desk, sim_server)
        assert len(requests(sim_server, "add.coach")) == 1


async def test_disconnect_the_selected_leg(sim_server):
    async with open_desk(sim_server) as desk:
        sid = await dial_and_connect(desk, sim_server)
        view = desk.window.calls
        assert not desk.window.table["disconnect_leg"].isEnabled()  # a call, not a leg, selected
        call_row = call_index(desk, sid)
        customer = next(
            call_row.model().index(r, 0, call_row)
            for r in range(call_row.model().rowCount(call_row))
            if call_row.model().index(r, 0, call_row).data(1 << 8 | 15) == "A"
            or call_row.model().index(r, 1, call_row).data() == "79161234567"
        )
        view.setCurrentIndex(customer)
        await until(desk.window.table["disconnect_leg"].isEnabled)
        await press(desk, Qt.Key.Key_W, CTRL_SHIFT)
        await settle(desk, sim_server)
        assert len(requests(sim_server, "disconnect.leg")) == 1
        assert desk.models.calls.call(sid) is None  # dropping the customer ends the call


async def test_talk_option_buttons_fire_on_the_selected_call(sim_server):
    async with open_desk(sim_server) as desk:
        sid = await dial_and_connect(desk, sim_server)
        panel = desk.window.talk_panel
        await until(lambda: panel.buttons and panel.buttons[0].isEnabled())
        select_call(desk, sid)
        tag_row = next(i for i, b in enumerate(panel.buttons) if "Горячий клиент" in b.full_text())
        panel.buttons[tag_row].click()
        await settle(desk, sim_server)
        fired = requests(sim_server, "call.talk_option")
        assert len(fired) == 1
        call = desk.models.calls.call(sid)
        assert call is not None
        assert call.tags  # the tag_call option tagged the call


async def test_transfer_key_sends_nothing_while_the_call_simply_talks(sim_server):
    async with open_desk(sim_server) as desk:
        await dial_and_connect(desk, sim_server)
        assert not desk.window.table["transfer"].isEnabled()
        assert not desk.window.action_bar.buttons["transfer"].isEnabled()
        await press(desk, Qt.Key.Key_F8)
        await press(desk, Qt.Key.Key_X, CTRL_SHIFT)
        await settle(desk, sim_server)
        assert requests(sim_server, "transfer.talk") == []


async def test_hold_pressed_twice_quickly_is_sent_once(sim_server):
    async with open_desk(sim_server) as desk:
        await dial_and_connect(desk, sim_server)
        await press(desk, Qt.Key.Key_H, CTRL_SHIFT)
        await press(desk, Qt.Key.Key_H, CTRL_SHIFT)
        await settle(desk, sim_server)
        assert len(requests(sim_server, "hold.call")) == 1


async def test_selected_leg_survives_refreshes(sim_server):
    async with open_desk(sim_server) as desk:
        sid = await dial_and_connect(desk, sim_server)
        view = desk.window.calls
        parent = call_index(desk, sid)
        leg = parent.model().index(1, 0, parent)
        view.setCurrentIndex(leg)
        leg_id = view.selected_leg_id()
        assert leg_id is not None
        for _ in range(3):
            await settle(desk, sim_server, 1)
        assert view.selected_leg_id() == leg_id
        assert view.selected_session_id() == sid
        assert desk.models.actions.selected_leg_id == leg_id


async def test_ctrl_c_in_the_call_list_copies_the_contact_number(sim_server):
    async with open_desk(sim_server) as desk:
        await dial_and_connect(desk, sim_server)
        QApplication.clipboard().clear()
        desk.window.calls.setFocus()
        await press(desk, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
        assert QApplication.clipboard().text() == "79161234567"

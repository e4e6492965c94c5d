"""The dialer panel: type + Enter dials, live preview, inline validation, recents, advanced."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from tests.gui.test_ui_desk import OFFSCREEN_NOISE, open_desk, requests, settle
from tests.qt_async import until

pytestmark = OFFSCREEN_NOISE


async def test_typing_shows_the_normalized_number_and_enter_dials_once(sim_server):
    async with open_desk(sim_server) as desk:
        panel = desk.window.dialer
        QTest.keyClicks(panel.number, "8 (916) 123-45-67")
        assert "+7 916 123-45-67" in panel.preview.text()
        assert panel.preview.property("valid") == "true"
        QTest.keyClick(panel.number, Qt.Key.Key_Return)
        QTest.keyClick(panel.number, Qt.Key.Key_Return)  # a second Enter while dialling
        await settle(desk, sim_server)
        started = requests(sim_server, "start.employee_call")
        assert len(started) == 1
        assert started[0]["params"]["employee"]["id"] == 3141
        assert len(desk.models.calls.session_ids()) == 1


async def test_bad_input_is_explained_inline_and_kept(sim_server):
    async with open_desk(sim_server) as desk:
        panel = desk.window.dialer
        QTest.keyClicks(panel.number, "12ab")
        assert panel.preview.property("valid") == "false"
        assert panel.preview.text()
        assert not panel.dial_button.isEnabled()
        QTest.keyClick(panel.number, Qt.Key.Key_Return)
        await settle(desk, sim_server)
        assert requests(sim_server, "start.employee_call") == []
        assert panel.number.text() == "12ab"


async def test_recent_numbers_fill_and_redial(sim_server):
    async with open_desk(sim_server) as desk:
        panel = desk.window.dialer
        QTest.keyClicks(panel.number, "+79161234567")
        QTest.keyClick(panel.number, Qt.Key.Key_Return)
        await settle(desk, sim_server)
        assert panel.recent.model().rowCount() == 1
        assert panel.recent.model().index(0, 0).data() == "79161234567"
        await until(desk.window.table["redial"].isEnabled)
        desk.window.calls.select_call_row(0)
        desk.models.actions.release()
        await settle(desk, sim_server)
        desk.window.table["redial"].trigger()
        await settle(desk, sim_server)
        assert len(requests(sim_server, "start.employee_call")) == 2


async def test_focus_dialer_key_selects_the_number(sim_server):
    async with open_desk(sim_server) as desk:
        panel = desk.window.dialer
        panel.number.setText("79161234567")
        desk.window.calls.setFocus()
        desk.window.table["focus_dialer"].trigger()
        assert panel.number.hasFocus()
        assert panel.number.selectedText() == "79161234567"


async def test_advanced_section_shows_the_options_of_the_chosen_method(sim_server):
    async with open_desk(sim_server) as desk:
        panel = desk.window.dialer
        desk.window.table["toggle_advanced"].trigger()
        assert panel.advanced_area.isVisible()
        form = panel.advanced
        assert form.rows["employee_phone_number"].isVisibleTo(form)
        assert not form.rows["dialing_timeout"].isVisibleTo(form)
        form.method.setCurrentIndex(form.method.findData("informer"))
        assert form.rows["dialing_timeout"].isVisibleTo(form)
        assert not form.rows["employee_phone_number"].isVisibleTo(form)
        timeout = form.editors["dialing_timeout"]
        QTest.keyClicks(timeout, "500")
        assert "120" in form.errors["dialing_timeout"].text()
        assert form.errors["dialing_timeout"].isVisibleTo(form)

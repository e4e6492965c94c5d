"""A settings save takes effect at once, without a restart (the real dialog over the real desk).

Each test opens the settings dialog over the desk's window, changes a value the way the agent
does (key press in the shortcut editor, typing in a field), presses Save, and checks the desk
behaves differently right away: the new key holds the call, the monitor waits the new interval,
hold.call carries the new message.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit

from callpad.config.store import SettingsStore
from callpad.sim.server import SimServer
from callpad.ui.desk import Desk
from callpad.ui.settings_dialog import SettingsDialog
from callpad.viewmodels.settings import SettingsViewModel
from tests.gui.test_ui_call_actions import CTRL_SHIFT, press
from tests.gui.test_ui_desk import (
    OFFSCREEN_NOISE,
    demo_settings,
    dial_and_connect,
    open_desk,
    phase,
    requests,
    settle,
)
from tests.qt_async import until

pytestmark = OFFSCREEN_NOISE


def settings_dialog(desk: Desk, tmp_path: Path) -> SettingsDialog:
    """The dialog as callpad.app opens it: a viewmodel over the store, parented to the window."""
    store = SettingsStore(tmp_path / "settings.json")
    store.save(demo_settings())
    vm = SettingsViewModel(store, parent=desk.window)
    return SettingsDialog(vm, parent=desk.window)  # not shown (offscreen size-hint warnings)


def type_into(dialog: SettingsDialog, path: str, text: str) -> None:
    field = dialog.editors[path]
    assert isinstance(field, QLineEdit)
    field.selectAll()
    field.insert(text)
    field.textEdited.emit(text)  # what typing emits; insert() alone does not


async def test_a_remapped_shortcut_works_at_once(sim_server: SimServer, tmp_path: Path) -> None:
    async with open_desk(sim_server) as desk:
        sid = await dial_and_connect(desk, sim_server)
        table = desk.window.table
        await until(table["hold"].isEnabled)
        dialog = settings_dialog(desk, tmp_path)
        editor = dialog.shortcuts.editors["hold"]
        editor.setFocus()
        QTest.keyClick(editor, Qt.Key.Key_F4, CTRL_SHIFT)
        editor.editingFinished.emit()  # QKeySequenceEdit finishes after a timeout otherwise
        assert dialog.shortcuts.keys("hold") == ("Ctrl+Shift+F4", "F4")
        dialog.save_button.click()
        assert table.keys("hold") == ("Ctrl+Shift+F4", "F4")
        assert "Ctrl+Shift+F4" in desk.window.action_bar.buttons["hold"].toolTip()
        desk.window.calls.setFocus()
        await press(desk, Qt.Key.Key_H, CTRL_SHIFT)  # the old key no longer holds
        await settle(desk, sim_server)
        assert requests(sim_server, "hold.call") == []
        await press(desk, Qt.Key.Key_F4, CTRL_SHIFT)
        await settle(desk, sim_server)
        assert phase(desk, sid) == "ON_HOLD"
        assert len(requests(sim_server, "hold.call")) == 1
        assert dialog.shortcuts.keys("unhold") == ("Ctrl+Shift+F4", "F4")  # the pair moves
        await press(desk, Qt.Key.Key_F4, CTRL_SHIFT)  # the same new key resumes
        await settle(desk, sim_server)
        assert phase(desk, sid) == "TALK"


async def test_new_poll_intervals_apply_to_the_wait_in_progress(
    sim_server: SimServer, tmp_path: Path
) -> None:
    async with open_desk(sim_server) as desk:
        monitor = desk.models.monitor
        await until(lambda: monitor.state == "waiting")
        assert monitor.interval in (3.0, 15.0)  # defaults: focused or idle, no calls
        dialog = settings_dialog(desk, tmp_path)
        type_into(dialog, "poll.focused_s", "41")
        type_into(dialog, "poll.idle_s", "42")
        dialog.save_button.click()
        assert (monitor.policy.focused_s, monitor.policy.idle_s) == (41.0, 42.0)
        # No clock step: the old wait ends at once and the next one uses the new intervals.
        await until(lambda: monitor.interval in (41.0, 42.0) and monitor.state == "waiting")


async def test_a_new_hold_message_is_sent_with_the_next_hold(
    sim_server: SimServer, tmp_path: Path
) -> None:
    async with open_desk(sim_server) as desk:
        sid = await dial_and_connect(desk, sim_server)
        dialog = settings_dialog(desk, tmp_path)
        type_into(dialog, "calls.hold_message.value", "Одну минуту, пожалуйста.")
        dialog.save_button.click()
        assert desk.models.actions.hold()
        await settle(desk, sim_server)
        assert phase(desk, sid) == "ON_HOLD"
        (request,) = requests(sim_server, "hold.call")
        assert request["params"]["contact_message"] == {
            "type": "tts",
            "value": "Одну минуту, пожалуйста.",
        }

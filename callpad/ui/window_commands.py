"""Connects the action table to the viewmodels: what each command does, and when it is enabled."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QClipboard, QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from callpad.ui.call_dialogs import ask_coach, ask_consult_target, ask_tag
from callpad.ui.confirm import confirm

if TYPE_CHECKING:
    from callpad.ui.main_window import MainWindow

# action id -> the CallActionsViewModel capability that enables it
_CALL_ENABLED = {
    "hold": ("can_hold",),
    "unhold": ("can_unhold",),
    "consult": ("can_consult",),
    "transfer": ("can_transfer",),
    "restore": ("can_restore",),
    "disconnect_leg": ("can_disconnect_leg",),
    "tag": ("can_tag",),
    "record": ("can_record_on", "can_record_off"),
    "coach": ("can_add_coach",),
    "dtmf": ("can_send_dtmf",),
    "block": ("can_block",),
    "release": ("can_release",),
}


def clipboard_text() -> str:
    """The selected text (X11 primary selection) if any, else the clipboard."""
    clipboard = QGuiApplication.clipboard()
    if clipboard.supportsSelection():
        selected = clipboard.text(QClipboard.Mode.Selection).strip()
        if selected:
            return selected
    return clipboard.text().strip()


def bind_commands(w: MainWindow) -> None:
    """Bind every action of `w.table` to its command and its enabled state."""
    t, m = w.table, w.models
    acts, dialer = m.actions, m.dialer

    t.bind("focus_dialer", w.dialer.focus_number)
    w.dialer.dial_requested.connect(dialer.dial)
    t.bind("dial", dialer.dial)  # the palette's "Dial"; Enter in the dialer goes the same way
    dialer.can_dial_changed.connect(lambda can: t.set_enabled("dial", can))
    t.set_enabled("dial", dialer.can_dial)
    t.bind("redial", dialer.redial)
    t.bind("dial_clipboard", lambda: dialer.dial_number(clipboard_text()))
    t["toggle_advanced"].toggled.connect(w.dialer.show_advanced)
    w.dialer.advanced_button.toggled.connect(t["toggle_advanced"].setChecked)

    t.bind("hold", acts.hold)
    t.bind("unhold", acts.unhold)
    t.bind("consult", lambda: ask_consult_target(w, acts.consult))
    t.bind("transfer", acts.transfer)
    t.bind("restore", acts.restore)
    t.bind("disconnect_leg", acts.disconnect_leg)
    t.bind("tag", lambda: ask_tag(w, acts.known_tags, acts.tag))
    t.bind("record", acts.toggle_recording)
    t.bind("coach", lambda: ask_coach(w, lambda number: acts.add_coach(number or None)))
    t.bind("dtmf", lambda: _show_keypad(w))
    t.bind("block", acts.block_contact)
    t.bind("release", acts.release)
    acts.confirmation_needed.connect(lambda _action: _confirm_block(w))
    for n in range(1, 10):
        t.bind(f"talk_option_{n}", partial(m.talk.invoke_row, n - 1))

    copy = t["copy_number"]
    copy.setShortcut("Ctrl+C")
    copy.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    w.calls.addAction(copy)
    t.bind("copy_number", w.copy_selected_number)
    w.calls.selection_changed.connect(lambda sid, leg: _select(w, sid, leg))
    w.calls.dtmf_typed.connect(acts.send_dtmf)

    t.bind("focus_calls", lambda: _focus_calls(w))
    t.bind("next_pane", lambda: _cycle_pane(w, 1))
    t.bind("previous_pane", lambda: _cycle_pane(w, -1))
    t.bind("prev_call", lambda: w.calls.move_call(-1))
    t.bind("next_call", lambda: w.calls.move_call(1))
    t.bind("my_calls", lambda: m.proxy.set_mine_only(True))
    t.bind("all_calls", lambda: m.proxy.set_mine_only(False))
    t.bind("refresh", m.monitor.refresh_soon)
    t.bind("refresh_talk_options", m.talk.refresh)
    t["keep_on_top"].toggled.connect(lambda on: _keep_on_top(w, on))
    t.bind("cheat_sheet", lambda: _show_cheat_sheet(w))
    t.bind("command_palette", lambda: w.cheat_sheet.open_palette())  # noqa: PLW0108 - built late
    t.bind("settings", w.settings_requested.emit)
    t.bind("logout", m.session.logout)
    t.bind("quit", w.close)

    acts.capabilities_changed.connect(lambda: _sync_call_actions(w))
    acts.action_finished.connect(
        lambda _a, ok, text: w.status.show_message(text, "ok") if ok else None
    )
    acts.result_changed.connect(lambda text: w.status.show_message(text, "info") if text else None)
    dialer.recent_numbers_changed.connect(lambda _n: _sync_session(w))
    m.session.logged_in_changed.connect(lambda _l: _sync_session(w))
    m.calls.calls_changed.connect(lambda: _sync_session(w))
    dialer.dialed.connect(lambda sid: _follow_new_call(w, sid))
    _sync_call_actions(w)
    _sync_session(w)


def _sync_call_actions(w: MainWindow) -> None:
    acts = w.models.actions
    for action_id, capabilities in _CALL_ENABLED.items():
        w.table.set_enabled(action_id, any(getattr(acts, c) for c in capabilities))
    w.table.set_text(
        "record",
        QCoreApplication.translate("MainWindow", "Stop recording")
        if acts.recording
        else QCoreApplication.translate("MainWindow", "Record"),
    )
    w.table.set_enabled("copy_number", acts.selected_session_id >= 0)
    w.sync_keypad(acts.can_send_dtmf)


def _sync_session(w: MainWindow) -> None:
    m = w.models
    logged_in = m.session.logged_in
    w.table.set_enabled("redial", logged_in and bool(m.dialer.recent_numbers))
    w.table.set_enabled("dial_clipboard", logged_in)
    w.table.set_enabled("logout", logged_in and not m.calls.has_active_call_of_mine())


def _focus_calls(w: MainWindow) -> None:
    w.calls.setFocus(Qt.FocusReason.ShortcutFocusReason)
    if w.calls.selected_session_id() is None:
        w.calls.select_call_row(0)


def _follow_new_call(w: MainWindow, session_id: int) -> None:
    """Select the call just dialled once the list shows it (unless the agent moved on)."""
    w.status.show_message(QCoreApplication.translate("MainWindow", "Calling…"), "info")

    def select() -> None:
        index = w.models.proxy.mapFromSource(w.models.calls.index_of_call(session_id))
        if index.isValid():
            w.models.calls.calls_changed.disconnect(select)
            if w.models.actions.selected_session_id < 0 or w.calls.selected_session_id() is None:
                w.calls.setCurrentIndex(index)

    w.models.calls.calls_changed.connect(select)
    select()


def _keep_on_top(w: MainWindow, on: bool) -> None:
    w.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, on)
    w.show()


def _confirm_block(w: MainWindow) -> None:
    number = w.calls.selected_contact() or ""
    confirm(
        w,
        QCoreApplication.translate("MainWindow", "Block the contact?"),
        QCoreApplication.translate(
            "MainWindow", "Block %1? Calls from this number will be refused by the PBX."
        ).replace("%1", number),
        QCoreApplication.translate("MainWindow", "Block"),
        lambda: w.models.actions.block_contact(confirmed=True),
    )


def _select(w: MainWindow, session_id: int | None, leg_id: int | None) -> None:
    w.models.actions.select_call(session_id)
    w.models.actions.select_leg(leg_id)


def _show_keypad(w: MainWindow) -> None:
    w.keypad.clear()
    w.keypad.show()
    w.keypad.raise_()


def _show_cheat_sheet(w: MainWindow) -> None:
    w.cheat_sheet.rebuild()
    w.cheat_sheet.show()
    w.cheat_sheet.raise_()


def _cycle_pane(w: MainWindow, step: int) -> None:
    """F6 / Shift+F6 (also with Ctrl): dialer, call list, call actions, talk options."""
    panes: list[list[QWidget]] = [
        [w.dialer.number],
        [w.calls],
        list(w.action_bar.buttons.values()),
        list(w.talk_panel.buttons),
    ]
    focus = QApplication.focusWidget()
    current = next(
        (
            i
            for i, pane in enumerate(panes)
            if any(focus is x or x.isAncestorOf(focus) for x in pane if focus)
        ),
        -1,
    )
    for offset in range(1, len(panes) + 1):
        pane = panes[(current + step * offset) % len(panes)]
        target = next((x for x in pane if x.isVisible() and x.isEnabled()), None)
        if target is not None:
            target.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return

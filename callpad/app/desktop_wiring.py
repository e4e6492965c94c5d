"""The desktop pieces around a desk (issue 5).

Tray, notifications, screen pop, tel: links, theme follower, close-to-tray, settings dialog.
"""

from __future__ import annotations

import asyncio
import sys
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

from callpad.config.paths import AppPaths
from callpad.config.store import SettingsStore
from callpad.ui.desk import Desk
from callpad.ui.icons import app_icon
from callpad.ui.menus import add_log_folder_item
from callpad.ui.theme import Scheme, apply_theme
from callpad.ui.theme import colors as scheme_colors

if TYPE_CHECKING:
    from callpad.api.phone import PhoneNumber
    from callpad.config.secrets import CredentialVault
    from callpad.desktop.single_instance import SingleInstance


def wire_desktop(
    desk: Desk,
    store: SettingsStore,
    vault: CredentialVault | None,
    paths: AppPaths,
    quit_requested: asyncio.Event,
    instance: SingleInstance | None,
) -> None:
    """Tray, notifications, screen pop, tel: links, theme, close-to-tray, settings (issue 5)."""
    from callpad.config.notices import NoticeLog
    from callpad.desktop.integration import DesktopIntegration
    from callpad.desktop.tray import TrayState

    app, window, m = QApplication.instance(), desk.window, desk.models
    assert isinstance(app, QApplication)  # noqa: S101 - main() created it

    def contact_of(session_id: int) -> str:
        call = m.calls.call(session_id)
        return call.contact_phone_number if call is not None else ""

    def palette(dark: bool) -> None:
        scheme = Scheme.DARK if dark else Scheme.LIGHT
        if window.colors == scheme_colors(scheme):
            return  # already painted so (the follower calls this at once; a restyle costs ~60 ms)
        window.retheme(apply_theme(app, scheme))

    def bring_to_front() -> None:
        if not m.session.logged_in and not desk.window.demo:
            return  # the login dialog is the window then
        window.showNormal()
        window.raise_()
        window.activateWindow()

    def open_settings() -> None:
        # Imported on first use: ~10 MB and ~30 ms that most sessions never need (start-up).
        from callpad.ui.settings_dialog import SettingsDialog
        from callpad.viewmodels.settings import SettingsViewModel

        vm = SettingsViewModel(store, vault=vault, parent=window)
        vm.saved.connect(desktop.apply_settings)
        SettingsDialog(vm, parent=window).open()

    desktop = DesktopIntegration(
        window, desk.settings, notices=NoticeLog(paths.notices_file), icon=app_icon(),
        clipboard=app.clipboard(), style_hints=app.styleHints(), apply_palette=palette,
        contact_of=contact_of,
    )  # fmt: skip
    window.incoming_call.connect(desktop.on_incoming_call)
    add_log_folder_item(window, paths.log_dir)
    window.settings_requested.connect(open_settings)
    tel = desktop.tel
    tel.dial_requested.connect(lambda number: m.dialer.dial_number(str(number)))

    def prefill(number: PhoneNumber) -> None:
        m.dialer.set_text(number.display())
        window.dialer.focus_number()

    tel.prefill_requested.connect(prefill)
    tel.show_requested.connect(bring_to_front)
    tel.rejected.connect(lambda error: window.status.show_message(str(error), "warning"))
    m.session.logged_in_changed.connect(tel.set_ready)
    tel.set_ready(m.session.logged_in)  # the demo wires this after its login
    desktop.tray.show_requested.connect(bring_to_front)
    desktop.tray.quit_requested.connect(quit_requested.set)
    desktop.problem.connect(lambda text: window.status.show_message(text, "warning"))
    states = {"online": TrayState.CONNECTED, "degraded": TrayState.ERROR}
    m.status.connection_changed.connect(
        lambda state: desktop.tray.set_connection(states.get(state, TrayState.OFFLINE))
    )
    m.calls.count_changed.connect(desktop.tray.set_active_calls)
    desktop.tray.set_connection(states.get(m.status.connection, TrayState.OFFLINE))
    desktop.tray.set_active_calls(m.calls.rowCount())
    if instance is not None:
        instance.message_received.connect(tel.handle_argv)
    tel.handle_argv(sys.argv[1:])  # tel:/callto:/--dial of this launch, once logged in
    window.destroyed.connect(desktop.close)

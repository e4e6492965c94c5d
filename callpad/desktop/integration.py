"""The desktop pieces built together from Settings, with one `apply_settings` for after a save.

app.py still owns the order of things; this only saves it from wiring each piece by hand.

Wiring (app.py), after the main window exists::

    desktop = DesktopIntegration(
        window, settings, notices=NoticeLog(paths.notices_file), icon=app_icon(),
        clipboard=app.clipboard(), style_hints=app.styleHints(),
        apply_palette=lambda dark: window.retheme(apply_theme(app, Scheme.DARK if dark
                                                              else Scheme.LIGHT)),
        contact_of=lambda sid: <the call's contact digits>,
        autostart=autostart_for(sys.platform, launch_command()),
    )
    window.incoming_call.connect(desktop.on_incoming_call)
    instance.message_received.connect(desktop.tel.handle_argv)
    desktop.tel.dial_requested.connect(...); desktop.tel.prefill_requested.connect(...)
    desktop.tray.show_requested.connect(bring_to_front); desktop.tray.quit_requested.connect(quit)
    session.logged_in_changed.connect(desktop.tel.set_ready)
    settings_vm.saved.connect(desktop.apply_settings)
    desktop.problem.connect(status.show_error)        # e.g. autostart could not be written
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QClipboard, QDesktopServices, QIcon, QStyleHints
from PySide6.QtWidgets import QWidget

from callpad.api.errors import PhoneNumberError
from callpad.api.phone import PhoneNumber
from callpad.config.notices import NoticeLog
from callpad.config.schema import Settings
from callpad.desktop.autostart import Autostart, AutostartError, apply_autostart
from callpad.desktop.notifications import Notifier
from callpad.desktop.screen_pop import ScreenPop
from callpad.desktop.tel_handler import TelHandler, selected_or_copied_text
from callpad.desktop.theme import ThemeFollower
from callpad.desktop.tray import CloseToTray, TrayIcon

logger = logging.getLogger(__name__)


def display_contact(digits: str) -> str:
    """A full number as "+7 926 123-45-67"; anything else as it is."""
    if not digits:
        return ""
    try:
        return PhoneNumber.parse("+" + digits if len(digits) > 6 else digits).display()
    except PhoneNumberError:
        return digits


class DesktopIntegration(QObject):
    """Tray, close-to-tray, notifications, screen pop, tel: links, theme and autostart."""

    problem = Signal(str)  # a translated sentence for the status bar

    def __init__(
        self,
        window: QWidget,
        settings: Settings,
        *,
        notices: NoticeLog,
        icon: QIcon,
        clipboard: QClipboard,
        style_hints: QStyleHints,
        apply_palette: Callable[[bool], None],
        contact_of: Callable[[int], str],
        autostart: Autostart | None = None,
        tray_available: Callable[[], bool] = TrayIcon.available,
        url_opener: Callable[[QUrl], bool] = QDesktopServices.openUrl,
    ) -> None:
        super().__init__(window)
        self._clipboard = clipboard
        self._contact_of = contact_of
        self._autostart = autostart
        self.tray = TrayIcon(icon, self)
        self.notifier = Notifier(self.tray.show_notification, settings.notifications, self)
        self.screen_pop = ScreenPop(settings.screen_pop, opener=url_opener, parent=self)
        self.tel = TelHandler(
            region=settings.dial.default_region,
            dial_at_once=settings.dial.dial_links_at_once,
            parent=self,
        )
        self.close_filter = CloseToTray(
            window,
            self.tray,
            enabled=settings.desktop.close_to_tray,
            notices=notices,
            tray_available=tray_available,
        )
        self.theme = ThemeFollower(style_hints, apply_palette, settings.appearance.theme, self)
        self.tray.dial_clipboard_requested.connect(self.dial_clipboard)
        self.tray.quit_requested.connect(self.close_filter.allow_close)
        if TrayIcon.available():  # the real check: showing an icon with no tray only warns
            self.tray.set_visible(True)
        self._settings = settings

    def dial_clipboard(self) -> None:
        """Dial the selected or copied number (tray menu and the dial_clipboard shortcut)."""
        self.tel.handle_text(selected_or_copied_text(self._clipboard), dial=True)

    def on_incoming_call(self, session_id: int) -> None:
        """A new incoming call to me: notify (if on) and pop the CRM page (if on)."""
        digits = self._contact_of(session_id)
        self.notifier.incoming_call(session_id, display_contact(digits))
        self.screen_pop.on_new_call(session_id, digits)

    def apply_settings(self, settings: Settings) -> None:
        """Saved settings take effect at once."""
        self._settings = settings
        self.notifier.configure(settings.notifications)
        self.screen_pop.configure(settings.screen_pop)
        self.tel.configure(
            region=settings.dial.default_region, dial_at_once=settings.dial.dial_links_at_once
        )
        self.close_filter.set_enabled(settings.desktop.close_to_tray)
        self.theme.set_theme(settings.appearance.theme)
        if self._autostart is not None:
            try:
                apply_autostart(self._autostart, settings.desktop.autostart)
            except AutostartError as exc:
                logger.warning("Autostart not changed: %s", exc)
                self.problem.emit(
                    self.tr("Start at login could not be changed: %1").replace("%1", str(exc))
                )

    def close(self) -> None:
        self.theme.close()
        self.tray.close()

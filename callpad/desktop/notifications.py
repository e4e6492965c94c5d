"""Desktop notifications: a new incoming call to me, errors that need the agent. Each switchable.

Messages go to a sink, normally `TrayIcon.show_notification` (QSystemTrayIcon.showMessage, which
uses the desktop's notification service where there is one).

Wiring (app.py)::

    notifier = Notifier(tray.show_notification, settings.notifications)
    calls_vm.new_incoming_call.connect(notifier.incoming_call)   # (session_id, contact_display)
    status_vm.needs_agent.connect(notifier.error)                # (translated text)
    settings_vm.saved.connect(lambda s: notifier.configure(s.notifications))
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from callpad.config.schema import NotificationKind, NotificationSettings
from callpad.desktop.first_sight import FirstSight

NotificationSink = Callable[[str, str, NotificationKind], None]


class Notifier(QObject):
    """Decides whether to notify and with which words; shows each incoming call once."""

    def __init__(
        self,
        sink: NotificationSink,
        settings: NotificationSettings,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._sink = sink
        self._settings = settings
        self._seen = FirstSight()
        self._last_error = ""

    def configure(self, settings: NotificationSettings) -> None:
        self._settings = settings

    def incoming_call(self, session_id: int, contact: str) -> bool:
        """A new incoming call to me; True if a notification was shown."""
        if not self._seen.first(session_id):
            return False
        if not self._settings.enabled(NotificationKind.INCOMING_CALL):
            return False
        title = self.tr("Incoming call")
        body = self.tr("From %1").replace("%1", contact or self.tr("a hidden number"))
        self._sink(title, body, NotificationKind.INCOMING_CALL)
        return True

    def error(self, message: str) -> bool:
        """An error that needs the agent (already translated); repeats are collapsed."""
        if not self._settings.enabled(NotificationKind.ERROR) or message == self._last_error:
            return False
        self._last_error = message
        self._sink(self.tr("callpad needs your attention"), message, NotificationKind.ERROR)
        return True

    def error_cleared(self) -> None:
        """The condition is over; the same error may be notified again later."""
        self._last_error = ""

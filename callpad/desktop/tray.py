"""The tray icon (connection state, active-call count, a small menu) and close-to-tray.

Wiring (app.py)::

    tray = TrayIcon(app_icon())                       # ui.icons.app_icon()
    tray.show_requested.connect(window.bring_to_front)
    tray.dial_clipboard_requested.connect(
        lambda: tel.handle_text(selected_or_copied_text(app.clipboard()), dial=True))
    tray.quit_requested.connect(request_quit)         # app's clean shutdown; call
                                                      # close_filter.allow_close() first
    status_vm.connection_changed.connect(...)  -> tray.set_connection(TrayState.CONNECTED/...)
    calls_vm.my_active_count_changed.connect(tray.set_active_calls)
    tray.set_visible(True)
    close_filter = CloseToTray(window, tray, enabled=s.desktop.close_to_tray,
                               notices=NoticeLog(paths.notices_file))
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum

from PySide6.QtCore import QEvent, QObject, QRect, Qt, Signal
from PySide6.QtGui import QAction, QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QMenu, QSystemTrayIcon, QWidget

from callpad.config.notices import Notice, NoticeLog
from callpad.config.schema import NotificationKind

_SIZES = (16, 22, 24, 32, 48, 64)
_DOT_COLORS = {"connected": "#14874a", "error": "#c93535", "offline": "#8a94a3"}
_BADGE_COLOR = "#2563d6"


class TrayState(StrEnum):
    """What the small dot on the tray icon says."""

    OFFLINE = "offline"
    CONNECTED = "connected"
    ERROR = "error"


def render_icon(base: QIcon, state: TrayState, active_calls: int) -> QIcon:
    """The app icon with a state dot (bottom left) and the active-call count (top right)."""
    out = QIcon()
    for size in _SIZES:
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        base.paint(painter, QRect(0, 0, size, size))
        dot = max(5, size * 3 // 8)
        painter.setPen(QColor("#ffffff"))
        painter.setBrush(QColor(_DOT_COLORS[state.value]))
        painter.drawEllipse(0, size - dot, dot - 1, dot - 1)
        if active_calls > 0:
            badge = max(8, size // 2)
            painter.setBrush(QColor(_BADGE_COLOR))
            painter.drawEllipse(size - badge, 0, badge - 1, badge - 1)
            font = QFont()
            font.setPixelSize(max(6, badge * 3 // 4))
            font.setBold(True)
            painter.setFont(font)
            text = str(active_calls) if active_calls < 10 else "9+"
            painter.drawText(
                QRect(size - badge, 0, badge, badge), Qt.AlignmentFlag.AlignCenter, text
            )
        painter.end()
        out.addPixmap(pixmap)
    return out


class TrayIcon(QObject):
    """QSystemTrayIcon with callpad's menu: show, dial the copied number, quit."""

    show_requested = Signal()
    dial_clipboard_requested = Signal()
    quit_requested = Signal()
    message_shown = Signal(str, str)  # title, body: every notification, for tests and logs

    def __init__(self, base_icon: QIcon, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._base = base_icon
        self._state = TrayState.OFFLINE
        self._active = 0
        self._tray = QSystemTrayIcon(self)
        self._menu = QMenu()
        self.show_action = QAction(self._menu)
        self.dial_action = QAction(self._menu)
        self.quit_action = QAction(self._menu)
        self.show_action.triggered.connect(self.show_requested)
        self.dial_action.triggered.connect(self.dial_clipboard_requested)
        self.quit_action.triggered.connect(self.quit_requested)
        self._menu.addAction(self.show_action)
        self._menu.addAction(self.dial_action)
        self._menu.addSeparator()
        self._menu.addAction(self.quit_action)
        self._tray.setContextMenu(self._menu)
        self._tray.activated.connect(self._on_activated)
        self.retranslate()
        self._refresh()

    @staticmethod
    def available() -> bool:
        return QSystemTrayIcon.isSystemTrayAvailable()

    @property
    def tray(self) -> QSystemTrayIcon:
        return self._tray

    @property
    def menu(self) -> QMenu:
        return self._menu

    def retranslate(self) -> None:
        self.show_action.setText(self.tr("Show callpad"))
        self.dial_action.setText(self.tr("Dial the copied number"))
        self.quit_action.setText(self.tr("Quit"))
        self._refresh()

    def set_visible(self, visible: bool) -> None:
        self._tray.setVisible(visible)

    def set_connection(self, state: TrayState) -> None:
        if state is not self._state:
            self._state = state
            self._refresh()

    def set_active_calls(self, count: int) -> None:
        count = max(0, count)
        if count != self._active:
            self._active = count
            self._refresh()

    def tooltip(self) -> str:
        return self._tray.toolTip()

    def show_notification(self, title: str, body: str, kind: NotificationKind) -> None:
        """The sink for `Notifier`: a desktop notification through the tray."""
        icon = (
            QSystemTrayIcon.MessageIcon.Warning
            if kind is NotificationKind.ERROR
            else QSystemTrayIcon.MessageIcon.Information
        )
        self.message_shown.emit(title, body)
        self._tray.showMessage(title, body, icon, 10_000)

    def show_info(self, title: str, body: str) -> None:
        """A plain informational message (not one of the switchable kinds)."""
        self.message_shown.emit(title, body)
        self._tray.showMessage(title, body, QSystemTrayIcon.MessageIcon.Information, 10_000)

    def close(self) -> None:
        self._tray.hide()
        self._menu.deleteLater()

    def _state_text(self) -> str:
        if self._state is TrayState.CONNECTED:
            return self.tr("connected")
        if self._state is TrayState.ERROR:
            return self.tr("connection problem")
        return self.tr("not connected")

    def _refresh(self) -> None:
        self._tray.setIcon(render_icon(self._base, self._state, self._active))
        calls = self.tr("%n active call(s)", "", self._active)
        self._tray.setToolTip(f"callpad: {self._state_text()}, {calls}")

    def _on_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self.show_requested.emit()


class CloseToTray(QObject):
    """Event filter: closing the window hides it to the tray (if enabled and a tray exists).

    Calls live on the PBX, so hiding loses nothing; Alt+F4 next to F4 (hold) must not quit.
    """

    def __init__(
        self,
        window: QWidget,
        tray: TrayIcon,
        *,
        enabled: bool,
        notices: NoticeLog | None = None,
        tray_available: Callable[[], bool] = TrayIcon.available,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._tray = tray
        self._enabled = enabled
        self._notices = notices
        self._tray_available = tray_available
        self._quitting = False
        window.installEventFilter(self)

    def set_enabled(self, enabled: bool) -> None:
        self._enabled = enabled

    def allow_close(self) -> None:
        """The agent chose Quit: let the next close through."""
        self._quitting = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self._window
            and event.type() == QEvent.Type.Close
            and self._enabled
            and not self._quitting
            and self._tray_available()
        ):
            event.ignore()
            self._window.hide()
            self._tell_once()
            return True
        return False

    def _tell_once(self) -> None:
        if self._notices is None or self._notices.seen(Notice.TRAY_STILL_RUNNING):
            return
        self._notices.mark_seen(Notice.TRAY_STILL_RUNNING)
        self._tray.show_info(
            self.tr("callpad is still running"),
            self.tr("It keeps your calls in reach from the tray. Use Quit in its menu to exit."),
        )

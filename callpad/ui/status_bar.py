"""The status bar: connection, provider and user, API points left, and the latest message.

Messages never block: an error stays until the next message or until the agent presses Esc in
the window; successes fade after a few seconds. The points display warns when the budget runs
low and counts down to the reset when it is spent.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from callpad.viewmodels.status import StatusViewModel

_OK_MESSAGE_MS = 6000


def announce(widget: QWidget, text: str, *, assertive: bool = False) -> None:
    """Tell screen readers about a change (AGENT-DESKTOPS.md section 4: states, not ticks)."""
    if not text or not QAccessible.isActive():
        return
    event = QAccessibleAnnouncementEvent(widget, text)
    politeness = QAccessible.AnnouncementPoliteness
    event.setPoliteness(politeness.Assertive if assertive else politeness.Polite)
    QAccessible.updateAccessibility(event)


def _restyle(widget: QWidget) -> None:
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)


class StatusBar(QStatusBar):
    """Four labels: connection, account, points budget (permanent, right) and a message (left)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusBar")
        self.setSizeGripEnabled(False)
        self.message = QLabel(self)
        self.message.setObjectName("message")
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setAccessibleName(self.tr("Last message"))
        self.connection = QLabel(self)
        self.connection.setObjectName("connection")
        self.connection.setAccessibleName(self.tr("Connection"))
        self.account = QLabel(self)
        self.account.setObjectName("account")
        self.account.setAccessibleName(self.tr("Provider and user"))
        self.budget = QLabel(self)
        self.budget.setObjectName("budget")
        self.budget.setAccessibleName(self.tr("API points left"))
        self.addWidget(self.message, 1)
        self.addPermanentWidget(self.budget)
        self.addPermanentWidget(self.account)
        self.addPermanentWidget(self.connection)
        self._fade = QTimer(self)
        self._fade.setSingleShot(True)
        self._fade.timeout.connect(self.clear_message)
        self.set_connection("offline", self.tr("Not connected"))

    def set_connection(self, state: str, text: str) -> None:
        """`state`: "ok", "busy", "error" or "offline" (colour + dot; the text says it in words)."""
        dot = {"ok": "●", "busy": "◐", "error": "■"}.get(state, "○")
        self.connection.setText(f"{dot} {text}")
        self.connection.setProperty("state", state)
        _restyle(self.connection)

    def set_account(self, text: str) -> None:
        self.account.setText(text)
        self.account.setVisible(bool(text))

    def set_budget(self, text: str, level: str, tooltip: str = "") -> None:
        """`level`: "ok", "low" or "exhausted"."""
        self.budget.setText(text)
        self.budget.setToolTip(tooltip)
        self.budget.setProperty("level", level)
        self.budget.setVisible(bool(text))
        _restyle(self.budget)

    def show_message(self, text: str, severity: str = "info") -> None:
        """`severity`: "ok", "info", "warning", "error". Errors stay; the rest fade."""
        self.message.setText(text)
        self.message.setToolTip(text)
        self.message.setProperty("severity", severity)
        _restyle(self.message)
        if severity in ("ok", "info"):
            self._fade.start(_OK_MESSAGE_MS)
        else:
            self._fade.stop()
        announce(self.message, text, assertive=severity in ("warning", "error"))

    def clear_message(self) -> None:
        self.message.clear()
        self.message.setToolTip("")


_CONNECTION_STATE = {
    "online": "ok",
    "connecting": "busy",
    "degraded": "error",
    "offline": "offline",
}
_SEVERITY = {"error": "error", "warning": "warning", "info": "info"}


def bind_status(bar: StatusBar, vm: StatusViewModel) -> None:
    """Follow the status viewmodel: connection, account, budget, error messages."""

    def connection(_value: object = None) -> None:
        bar.set_connection(_CONNECTION_STATE.get(vm.connection, "offline"), vm.connection_text)

    def account(_value: object = None) -> None:
        bar.set_account(" · ".join(part for part in (vm.provider, vm.user) if part))

    def budget(_value: object = None) -> None:
        level = vm.budget_state if vm.budget_state in ("low", "exhausted") else "ok"
        tip = ""
        if vm.minute_limit >= 0:
            tip = QCoreApplication.translate(
                "StatusBar", "Points left: %1 of %2 this minute, %3 of %4 today"
            )
            for n, value in enumerate(
                (vm.minute_remaining, vm.minute_limit, vm.day_remaining, vm.day_limit), start=1
            ):
                tip = tip.replace(f"%{n}", str(value))
        bar.set_budget(vm.budget_text, level, tip)

    def message(_value: object = None) -> None:
        if vm.message:
            bar.show_message(vm.message, _SEVERITY.get(vm.message_severity, "error"))
        else:
            bar.clear_message()

    vm.connection_changed.connect(connection)
    vm.connection_text_changed.connect(connection)
    vm.provider_changed.connect(account)
    vm.user_changed.connect(account)
    vm.budget_text_changed.connect(budget)
    vm.budget_state_changed.connect(budget)
    vm.budget_changed.connect(budget)
    vm.message_changed.connect(message)
    connection()
    account()
    budget()
    message()

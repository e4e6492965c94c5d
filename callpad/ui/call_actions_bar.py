"""The buttons for the selected call, each backed by its QAction (so keys, menus and buttons agree).

Hold and Resume share one button (and one key): the button shows whichever the call allows.
A command in flight marks its button busy; the result goes to the status bar.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QAction, QColor, QResizeEvent
from PySide6.QtWidgets import QGridLayout, QSizePolicy, QToolButton, QWidget

from callpad.ui.action_table import ActionTable
from callpad.ui.icons import icon
from callpad.ui.shortcuts import SPECS, short_text
from callpad.viewmodels.call_actions import CallActionsViewModel

PRIMARY = ("hold", "consult", "transfer", "restore", "dtmf", "release")
SECONDARY = ("disconnect_leg", "tag", "record", "coach", "block")
# Which CallAction value marks each button busy.
_BUSY = {
    "hold": ("hold", "unhold"),
    "consult": ("consult",),
    "transfer": ("transfer",),
    "restore": ("restore",),
    "dtmf": ("send_dtmf",),
    "release": ("release",),
    "disconnect_leg": ("disconnect_leg",),
    "tag": ("tag",),
    "record": ("record_on", "record_off"),
    "coach": ("add_coach",),
    "block": ("block",),
}


def _restyle(widget: QWidget) -> None:
    widget.style().unpolish(widget)
    widget.style().polish(widget)


class ActionButton(QToolButton):
    """A button that mirrors one QAction at a time (icon, enabled, tooltip) with a short label.

    Unlike setDefaultAction() it keeps its own short text and never collects several actions
    (which would add a menu arrow). Narrower than its size hint (a long Russian label on a small
    screen), the label is elided, down to the icon alone; the tooltip keeps the full name.
    """

    MIN_ELIDED_CHARS = 4  # fewer letters than this (with "…") say nothing: show the icon alone
    MIN_KEPT_CHARS = 5  # the layout keeps at least this many letters (and "…") of each label

    def __init__(self, action: QAction, label: str, parent: QWidget) -> None:
        super().__init__(parent)
        self._action = action
        self._label = label
        self._full = ""
        self._full_hint = QSize()
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAutoRaise(False)
        self.clicked.connect(lambda _checked=False: self._action.trigger())
        self.set_action(action, label)

    @property
    def action(self) -> QAction:
        return self._action

    def set_action(self, action: QAction, label: str) -> None:
        if action is not self._action:
            self._action.changed.disconnect(self.sync)
        self._action, self._label = action, label
        action.changed.connect(self.sync)
        self.sync()

    def sync(self) -> None:
        action = self._action
        self._set_full_text(self._label or action.text().rstrip("…"))
        if not self.property("fixedIcon"):
            self.setIcon(action.icon())
        self.setEnabled(action.isEnabled())
        self.setToolTip(action.toolTip())
        self.setAccessibleName(action.text())
        self.setAccessibleDescription(action.toolTip())

    def full_text(self) -> str:
        """The whole label (text() may be elided)."""
        return self._full

    def _set_full_text(self, text: str) -> None:
        self._full = text
        self.setText(text)
        self._full_hint = super().sizeHint()
        self._fit_text()

    def sizeHint(self) -> QSize:
        return QSize(self._full_hint) if self._full_hint.isValid() else super().sizeHint()

    def minimumSizeHint(self) -> QSize:
        hint = self.sizeHint()
        full = self._full
        kept = full if len(full) <= self.MIN_KEPT_CHARS + 1 else full[: self.MIN_KEPT_CHARS] + "…"
        width = hint.width() - self._text_width(full) + self._text_width(kept)
        return QSize(width, hint.height())

    def _text_width(self, text: str) -> int:
        return self.fontMetrics().horizontalAdvance(text) if text else 0

    def _fit_text(self) -> None:
        room = self.width() - (self._full_hint.width() - self._text_width(self._full))
        text = self._full
        if self._text_width(text) > room:
            text = self.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, max(room, 0))
            if len(text.rstrip("…")) < self.MIN_ELIDED_CHARS:
                text = ""
        if text != self.text():
            self.setText(text)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_text()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        measured = hasattr(self, "_full")  # not during QToolButton.__init__
        if measured and event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._set_full_text(self._full)  # padding or font changed: measure again


class CallActionsBar(QWidget):
    """Two rows of buttons for the selected call."""

    def __init__(
        self, vm: CallActionsViewModel, actions: ActionTable, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("callActions")
        self.vm = vm
        self._actions = actions
        self.buttons: dict[str, ActionButton] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(6)
        for column, action_id in enumerate(PRIMARY):
            grid.addWidget(self._button(action_id, QSize(20, 20)), 0, column)
        for column, action_id in enumerate(SECONDARY):
            grid.addWidget(self._button(action_id, QSize(16, 16)), 1, column)
        release = self.buttons["release"]
        release.setObjectName("releaseButton")
        release.setProperty("fixedIcon", True)
        self.retint()
        actions["hold"].changed.connect(self._sync_hold)
        actions["unhold"].changed.connect(self._sync_hold)
        vm.busy_action_changed.connect(lambda _a: self._sync_busy())
        vm.busy_changed.connect(lambda _b: self._sync_busy())
        self._sync_hold()

    def retint(self) -> None:
        self.buttons["release"].setIcon(icon("release", QColor("#ffffff")))

    def _button(self, action_id: str, size: QSize) -> ActionButton:
        label = "" if action_id == "record" else short_text(SPECS[action_id])
        button = ActionButton(self._actions[action_id], label, self)
        button.setObjectName(f"button_{action_id}")
        button.setIconSize(size)
        self.buttons[action_id] = button
        return button

    def _sync_hold(self) -> None:
        """Show Resume instead of Hold while the call is on hold (same key, same button)."""
        unhold = self._actions["unhold"]
        wanted_id = "unhold" if unhold.isEnabled() else "hold"
        button = self.buttons["hold"]
        if button.action is not self._actions[wanted_id]:
            button.set_action(self._actions[wanted_id], short_text(SPECS[wanted_id]))

    def _sync_busy(self) -> None:
        busy = {self.vm.busy_action} if self.vm.busy else set()
        for action_id, button in self.buttons.items():
            flag = "true" if busy.intersection(_BUSY.get(action_id, ())) else "false"
            if button.property("busy") != flag:
                button.setProperty("busy", flag)
                _restyle(button)

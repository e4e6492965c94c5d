"""The buttons for the selected call, each backed by its QAction (so keys, menus and buttons agree).

Hold and Resume share one button (and one key): the button shows whichever the call allows.
A command in flight marks its button busy; the result goes to the status bar.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QColor
from PySide6.QtWidgets import QGridLayout, QSizePolicy, QToolButton, QWidget

from callpad.ui.icons import icon
from callpad.ui.shortcuts import ActionTable
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


class CallActionsBar(QWidget):
    """Two rows of tool buttons for the selected call."""

    def __init__(
        self, vm: CallActionsViewModel, actions: ActionTable, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("callActions")
        self.vm = vm
        self._actions = actions
        self.buttons: dict[str, QToolButton] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(6)
        for column, action_id in enumerate(PRIMARY):
            grid.addWidget(self._button(action_id, QSize(20, 20)), 0, column)
        for column, action_id in enumerate(SECONDARY):
            grid.addWidget(self._button(action_id, QSize(16, 16)), 1, column)
        self.buttons["release"].setObjectName("releaseButton")
        self.buttons["release"].setIcon(icon("release", QColor("#ffffff")))
        actions["hold"].changed.connect(self._sync_hold)
        actions["unhold"].changed.connect(self._sync_hold)
        vm.busy_action_changed.connect(lambda _a: self._sync_busy())
        vm.busy_changed.connect(lambda _b: self._sync_busy())
        self._sync_hold()

    def retint(self) -> None:
        self.buttons["release"].setIcon(icon("release", QColor("#ffffff")))

    def _button(self, action_id: str, size: QSize) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(f"button_{action_id}")
        button.setDefaultAction(self._actions[action_id])
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setIconSize(size)
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.buttons[action_id] = button
        return button

    def _sync_hold(self) -> None:
        """Show Resume instead of Hold while the call is on hold."""
        unhold: QAction = self._actions["unhold"]
        wanted = unhold if unhold.isEnabled() else self._actions["hold"]
        button = self.buttons["hold"]
        if button.defaultAction() is not wanted:
            button.setDefaultAction(wanted)

    def _sync_busy(self) -> None:
        busy = set(self.vm.busy_action.split(",")) if self.vm.busy else set()
        for action_id, button in self.buttons.items():
            flag = "true" if busy.intersection(_BUSY.get(action_id, ())) else "false"
            if button.property("busy") != flag:
                button.setProperty("busy", flag)
                _restyle(button)

"""Talk options (list.talk_options) as a panel of buttons: name, key and value; Alt+1…9 fire them.

Each button fires call.talk_option on the selected call; the buttons are enabled only while the
selected call is in a two-party conversation (the spec offers talk options only there).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from callpad.ui.action_table import ActionTable
from callpad.viewmodels.talk_options import TalkOptionRole, TalkOptionsViewModel

MIN_COLUMNS, MAX_COLUMNS, COLUMN_WIDTH = 2, 4, 215


class ElidedButton(QPushButton):
    """A push button that shortens its text with "…" instead of demanding the width for it."""

    def __init__(self, text: str, parent: QWidget) -> None:
        super().__init__(text, parent)
        self._full = text
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(90)

    def full_text(self) -> str:
        return self._full

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        room = max(0, self.width() - 24)
        self.setText(self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, room))


class TalkOptionsPanel(QFrame):
    """Rebuilds its buttons when the options change; keeps them in the server's order."""

    def __init__(
        self, vm: TalkOptionsViewModel, actions: ActionTable, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.vm = vm
        self._actions = actions
        self.setObjectName("panel")
        title = QLabel(self.tr("TALK OPTIONS"), self)
        title.setObjectName("panelTitle")
        self.state = QLabel(self)
        self.state.setObjectName("muted")
        self.reload = QToolButton(self)
        self.reload.setDefaultAction(actions["refresh_talk_options"])
        self.reload.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self.reload.setAutoRaise(True)
        self.reload.setAccessibleName(actions["refresh_talk_options"].text())
        header = QHBoxLayout()
        header.addWidget(title)
        header.addStretch(1)
        header.addWidget(self.state)
        header.addWidget(self.reload)
        self.grid = QGridLayout()
        self.grid.setSpacing(6)
        self.buttons: list[ElidedButton] = []
        self._columns = 3
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 12)
        layout.addLayout(header)
        layout.addLayout(self.grid)
        model = vm.model
        for signal in (model.rowsInserted, model.rowsRemoved, model.dataChanged, model.modelReset):
            signal.connect(self.rebuild)
        vm.can_invoke_changed.connect(lambda _c: self._sync_enabled())
        vm.loading_changed.connect(lambda _l: self._sync_state())
        vm.error_changed.connect(lambda _e: self._sync_state())
        self.rebuild()

    def rebuild(self, *_args: object) -> None:
        for button in self.buttons:
            self.grid.removeWidget(button)
            button.deleteLater()
        self.buttons = []
        model = self.vm.model
        for row in range(model.rowCount()):
            index = model.index(row, 0, QModelIndex())
            button = self._button(row, index)
            self.grid.addWidget(button, row // self._columns, row % self._columns)
            self.buttons.append(button)
        self._sync_enabled()
        self._sync_state()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """As many columns as fit (2-4), so a wide window spends less height on the options."""
        super().resizeEvent(event)
        columns = max(MIN_COLUMNS, min(MAX_COLUMNS, self.width() // COLUMN_WIDTH))
        if columns != self._columns:
            self._columns = columns
            for row, button in enumerate(self.buttons):
                self.grid.removeWidget(button)
                self.grid.addWidget(button, row // columns, row % columns)

    def _button(self, row: int, index: QModelIndex) -> ElidedButton:
        name = str(index.data(TalkOptionRole.NAME) or "")
        value = str(index.data(TalkOptionRole.VALUE) or "")
        key = str(index.data(TalkOptionRole.BUTTON) or "")
        kind = str(index.data(TalkOptionRole.KIND_TEXT) or "")
        label = f"{name}: {value}" if value else name
        button = ElidedButton(f"{key}   {label}", self)
        button.setObjectName("talkOption")
        button.setAutoDefault(False)
        shortcut = f" (Alt+{row + 1})" if row < 9 else ""
        tip = self.tr("Key %1 on the phone; %2").replace("%1", key).replace("%2", kind)
        button.setToolTip(f"{label}{shortcut}\n{tip}")
        button.setAccessibleName(label)
        button.setAccessibleDescription(tip)
        button.clicked.connect(lambda _checked=False, r=row: self.vm.invoke_row(r))
        if row < 9:
            self._actions.set_text(f"talk_option_{row + 1}", label)
        return button

    def _sync_enabled(self) -> None:
        enabled = self.vm.can_invoke
        for button in self.buttons:
            button.setEnabled(enabled)
        for n in range(1, 10):
            self._actions.set_enabled(f"talk_option_{n}", enabled and n <= len(self.buttons))

    def _sync_state(self) -> None:
        if self.vm.loading:
            self.state.setText(self.tr("Loading…"))
        elif self.vm.error:
            self.state.setText(self.vm.error)
        elif not self.buttons:
            self.state.setText(self.tr("None configured"))
        else:
            self.state.setText(self.tr("Alt+1…9 on the selected call"))

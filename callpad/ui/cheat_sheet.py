"""The shortcut cheat sheet (F1), which doubles as the command palette (Ctrl+K).

Type to filter; Enter runs the highlighted command if it is enabled now; Esc closes.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSortFilterProxyModel, Qt
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from callpad.ui.action_table import ActionTable
from callpad.ui.shortcuts import ACTIONS, native_keys

_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class CheatSheet(QDialog):
    """A filterable list of every command with its keys; Enter runs the selected one."""

    def __init__(self, table: ActionTable, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._table = table
        self.setObjectName("cheatSheet")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.resize(560, 620)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Type to find a command; Enter runs it"))
        self.filter.setAccessibleName(self.tr("Find a command"))
        self.filter.setClearButtonEnabled(True)
        self.model = QStandardItemModel(0, 2, self)
        self.model.setHorizontalHeaderLabels([self.tr("Command"), self.tr("Keys")])
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setRecursiveFilteringEnabled(True)
        self.proxy.setFilterKeyColumn(-1)
        self.view = QTreeView(self)
        self.view.setModel(self.proxy)
        self.view.setRootIsDecorated(False)
        self.view.setUniformRowHeights(True)
        self.view.setAccessibleName(self.tr("Commands and their keys"))
        self.view.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.view.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.view.activated.connect(lambda _index: self.run_current())
        hint = QLabel(
            self.tr(
                "Shortcuts work on the Russian layout too. Digits typed in the call list send DTMF."
            ),
            self,
        )
        hint.setObjectName("muted")
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.view, 1)
        layout.addWidget(hint)
        self.filter.textChanged.connect(self._on_filter)
        self.filter.installEventFilter(self)
        self.rebuild()

    def rebuild(self) -> None:
        """Re-read texts, keys and enabled states from the action table."""
        self.model.removeRows(0, self.model.rowCount())
        groups: dict[str, QStandardItem] = {}
        for spec in ACTIONS:
            action = self._table[spec.id]
            group = groups.get(spec.group)
            if group is None:
                group = QStandardItem(QCoreApplication.translate("Shortcuts", spec.group))
                group.setSelectable(False)
                font = group.font()
                font.setBold(True)
                group.setFont(font)
                groups[spec.group] = group
                self.model.appendRow([group, QStandardItem("")])
            name = QStandardItem(action.icon(), action.text())
            name.setData(spec.id, _ID_ROLE)
            name.setEnabled(action.isEnabled())
            keys = QStandardItem(native_keys(self._table.keys(spec.id)))
            keys.setEnabled(action.isEnabled())
            group.appendRow([name, keys])
        self.view.expandAll()
        self._select_first()

    def open_palette(self) -> None:
        self.rebuild()
        self.filter.clear()
        self.show()
        self.raise_()
        self.activateWindow()
        self.filter.setFocus()

    def _on_filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text)
        self.view.expandAll()
        self._select_first()

    def _select_first(self) -> None:
        for g in range(self.proxy.rowCount()):
            group = self.proxy.index(g, 0)
            for r in range(self.proxy.rowCount(group)):
                index = self.proxy.index(r, 0, group)
                if index.flags() & Qt.ItemFlag.ItemIsEnabled:
                    self.view.setCurrentIndex(index)
                    return

    def run_current(self) -> bool:
        """Close and trigger the highlighted command; False if there is none or it is disabled."""
        action_id = self.view.currentIndex().siblingAtColumn(0).data(_ID_ROLE)
        if not isinstance(action_id, str):
            return False
        action = self._table[action_id]
        if not action.isEnabled():
            return False
        self.hide()
        action.trigger()
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Up/Down in the filter move the selection; Enter runs it."""
        if (
            watched is self.filter
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
        ):
            if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                self.view.setFocus()
                QCoreApplication.sendEvent(self.view, QKeyEvent(event))
                self.filter.setFocus()
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.run_current()
                return True
        return super().eventFilter(watched, event)

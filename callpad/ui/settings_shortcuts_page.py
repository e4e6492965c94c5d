"""The settings dialog's shortcut page: remap any command; clashes are refused with a message."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QKeySequenceEdit,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from callpad.ui.shortcuts import (
    ActionSpec,
    action_text,
    find_clashes,
    native_keys,
    toggle_partner,
)

Bindings = Mapping[str, tuple[str, ...]]
_PORTABLE = QKeySequence.SequenceFormat.PortableText


def portable(sequence: QKeySequence) -> str:
    return sequence.toString(_PORTABLE)


class ShortcutsPage(QWidget):
    """One row per command: its name, an editor for the main key, and the other keys it has."""

    def __init__(
        self,
        actions: Sequence[ActionSpec],
        overrides: Bindings,
        on_change: Callable[[dict[str, tuple[str, ...]]], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._actions = list(actions)
        self._specs = {spec.id: spec for spec in self._actions}
        self._overrides: dict[str, tuple[str, ...]] = dict(overrides)
        self._on_change = on_change
        self.editors: dict[str, QKeySequenceEdit] = {}
        self._others: dict[str, QTableWidgetItem] = {}

        self.table = QTableWidget(len(self._actions), 3, self)
        self.table.setObjectName("shortcutTable")
        self.table.setHorizontalHeaderLabels([self.tr("Command"), self.tr("Key"), self.tr("Also")])
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.resizeSection(1, self.fontMetrics().horizontalAdvance("Ctrl+Shift+Del") + 64)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, spec in enumerate(self._actions):
            name = QTableWidgetItem(self._label(spec))
            self.table.setItem(row, 0, name)
            editor = QKeySequenceEdit(self.table)
            editor.setObjectName(f"keys_{spec.id}")
            editor.setMaximumSequenceLength(1)
            editor.setClearButtonEnabled(True)
            editor.setAccessibleName(self.tr("Key for %1").replace("%1", name.text()))
            editor.editingFinished.connect(lambda i=spec.id: self._edited(i))
            self.table.setCellWidget(row, 1, editor)
            self.editors[spec.id] = editor
            other = QTableWidgetItem()
            self.table.setItem(row, 2, other)
            self._others[spec.id] = other
        self.message = QLabel(self)
        self.message.setObjectName("message")
        self.message.setProperty("severity", "error")
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Shortcut message"))
        restore = QPushButton(self.tr("Restore default keys"), self)
        restore.setObjectName("restoreShortcuts")
        restore.clicked.connect(self.restore_defaults)
        row_box = QHBoxLayout()
        row_box.addWidget(self.message, 1)
        row_box.addWidget(restore)
        layout = QVBoxLayout(self)
        hint = QLabel(self.tr("Click a key field and press the new combination."), self)
        hint.setObjectName("muted")
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        layout.addLayout(row_box)
        self._refresh_all()

    def _label(self, spec: ActionSpec) -> str:
        return action_text(spec)

    def keys(self, action_id: str) -> tuple[str, ...]:
        return self._overrides.get(action_id, self._specs[action_id].keys)

    def bindings(self) -> dict[str, tuple[str, ...]]:
        return {spec.id: self.keys(spec.id) for spec in self._actions}

    def overrides(self) -> dict[str, tuple[str, ...]]:
        return dict(self._overrides)

    def remap(self, action_id: str, key: str) -> bool:
        """Make `key` (PortableText; "" = none) the main key of the command, unless it clashes."""
        current = self.keys(action_id)
        others = tuple(k for k in current[1:] if k != key)
        new_keys = (key, *others) if key else ()
        if new_keys == current:
            self.message.clear()
            return True
        trial = {**self.bindings(), action_id: new_keys}
        clash = next((c for c in find_clashes(trial) if action_id in c[1:]), None)
        if clash is not None:
            self._refuse(action_id, clash)
            self._refresh(action_id)
            return False
        partner = toggle_partner(action_id)
        for target in (action_id, partner):  # hold and unhold: one key, both ways
            if target is None or target not in self._specs:
                continue
            if new_keys == self._specs[target].keys:
                self._overrides.pop(target, None)
            else:
                self._overrides[target] = new_keys
            self._refresh(target)
        self.message.clear()
        self._on_change(self.overrides())
        return True

    def restore_defaults(self) -> None:
        self._overrides.clear()
        self.message.clear()
        self._refresh_all()
        self._on_change({})

    def _edited(self, action_id: str) -> None:
        self.remap(action_id, portable(self.editors[action_id].keySequence()))

    def _refuse(self, action_id: str, clash: tuple[str, str, str]) -> None:
        key, first, second = clash
        shown = native_keys([key])
        other = second if first == action_id else first
        if other == "reserved":
            text = self.tr("%1 is kept for copy, paste and undo; choose another key.")
            self.message.setText(text.replace("%1", shown))
            return
        name = self._label(self._specs[other]) if other in self._specs else other
        text = self.tr("%1 is already used by “%2”. Change that one first.")
        self.message.setText(text.replace("%1", shown).replace("%2", name))

    def _refresh_all(self) -> None:
        for spec in self._actions:
            self._refresh(spec.id)

    def _refresh(self, action_id: str) -> None:
        keys = self.keys(action_id)
        editor = self.editors[action_id]
        editor.blockSignals(True)
        editor.setKeySequence(QKeySequence(keys[0], _PORTABLE) if keys else QKeySequence())
        editor.blockSignals(False)
        self._others[action_id].setText(native_keys(keys[1:]))
        self._others[action_id].setFlags(Qt.ItemFlag.ItemIsEnabled)

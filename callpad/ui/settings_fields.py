"""Editors bound to SettingsViewModel paths, each with its problem shown right below it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from callpad.config.schema import MessageType
from callpad.viewmodels.settings import SettingsViewModel
from callpad.viewmodels.settings_text import field_label

Options = Sequence[tuple[Any, str]]


class FieldBinder:
    """Builds line edits, combos, check boxes and message editors for dotted settings paths."""

    def __init__(self, vm: SettingsViewModel, parent: QWidget) -> None:
        self._vm = vm
        self._parent = parent
        self.editors: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}

    def error_label(self, path: str) -> QLabel:
        label = QLabel(self._parent)
        label.setObjectName("message")
        label.setProperty("severity", "error")
        label.setWordWrap(True)
        label.setVisible(False)
        self.errors[path] = label
        return label

    def row(self, form: QFormLayout, path: str, editor: QWidget) -> None:
        editor.setObjectName(f"field_{path}")
        editor.setAccessibleName(field_label(path))
        self.editors[path] = editor
        box = QVBoxLayout()
        box.setSpacing(2)
        box.addWidget(editor)
        box.addWidget(self.error_label(path))
        form.addRow(field_label(path), box)

    def line(self, form: QFormLayout, path: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit(self._vm.text(path), self._parent)
        edit.setPlaceholderText(placeholder)
        edit.textEdited.connect(lambda text, p=path: self._vm.set_text(p, text))
        self.row(form, path, edit)
        return edit

    def combo(self, form: QFormLayout, path: str, options: Options) -> QComboBox:
        combo = QComboBox(self._parent)
        for value, label in options:
            combo.addItem(label, value)
        current = self._vm.value(path)
        combo.setCurrentIndex(max(0, [v for v, _ in options].index(current)))
        combo.currentIndexChanged.connect(
            lambda _i, p=path, c=combo: self._vm.set_value(p, c.currentData())
        )
        self.row(form, path, combo)
        return combo

    def check(self, form: QFormLayout, path: str, row_label: str = "") -> QCheckBox:
        box = QCheckBox(field_label(path), self._parent)
        box.setChecked(bool(self._vm.value(path)))
        box.toggled.connect(lambda on, p=path: self._vm.set_value(p, on))
        box.setObjectName(f"field_{path}")
        box.setAccessibleName(field_label(path))
        self.editors[path] = box
        form.addRow(row_label, box)
        return box

    def message(self, form: QFormLayout, path: str, optional: bool) -> None:
        kinds: list[tuple[Any, str]] = (
            [(None, QCoreApplication.translate("SettingsDialog", "None"))] if optional else []
        )
        kinds += [
            (MessageType.TTS, QCoreApplication.translate("SettingsDialog", "Text to speech")),
            (MessageType.MEDIA, QCoreApplication.translate("SettingsDialog", "Media file id")),
        ]
        combo = QComboBox(self._parent)
        for value, label in kinds:
            combo.addItem(label, value)
        message = self._vm.value(path)
        combo.setCurrentIndex([v for v, _ in kinds].index(message.type if message else None))
        value = QLineEdit(message.value if message else "", self._parent)
        value.setObjectName(f"field_{path}.value")
        value.setAccessibleName(field_label(path))
        value.setEnabled(message is not None)
        self.editors[f"{path}.value"] = value

        def kind_changed(_index: int) -> None:
            kind = combo.currentData()
            if kind is None:
                self._vm.set_value(path, None)
            else:
                self._vm.set_value(f"{path}.type", kind)
                self._vm.set_text(f"{path}.value", value.text())
            value.setEnabled(kind is not None)

        combo.currentIndexChanged.connect(kind_changed)
        value.textEdited.connect(lambda text: self._vm.set_text(f"{path}.value", text))
        row = QHBoxLayout()
        row.addWidget(combo)
        row.addWidget(value, 1)
        box = QVBoxLayout()
        box.addLayout(row)
        box.addWidget(self.error_label(f"{path}.value"))
        combo.setObjectName(f"field_{path}.type")
        combo.setAccessibleName(
            QCoreApplication.translate("SettingsDialog", "%1: kind").replace(
                "%1", field_label(path)
            )
        )
        self.editors[f"{path}.type"] = combo
        form.addRow(field_label(path), box)

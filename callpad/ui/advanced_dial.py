"""The dialer's "advanced" section: the start method and every option it takes, checked as typed.

Rows appear only for the options the chosen method uses (`FIELDS`); each row shows the
viewmodel's message for that option under it. Enter in any field dials, like in the number field.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
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

from callpad.config.schema import StartMethod as Method
from callpad.viewmodels.dial_options import FIELDS, DialOptions, MessageKind, MessageOption
from callpad.viewmodels.dialer import DialerViewModel


class _MessageEditor(QWidget):
    """A message option: none / text to speech / media file id, plus the text or id."""

    edited = Signal(object)  # MessageOption

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.kind = QComboBox(self)
        self.kind.addItem(self.tr("None"), MessageKind.NONE)
        self.kind.addItem(self.tr("Speech"), MessageKind.TTS)
        self.kind.addItem(self.tr("Media file"), MessageKind.MEDIA)
        self.value = QLineEdit(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.kind)
        layout.addWidget(self.value, 1)
        self.kind.currentIndexChanged.connect(lambda _i: self._emit())
        self.value.textEdited.connect(lambda _t: self._emit())

    def _emit(self) -> None:
        kind = self.kind.currentData()
        self.value.setEnabled(kind is not MessageKind.NONE)
        self.value.setPlaceholderText(
            self.tr("Text to speak") if kind is MessageKind.TTS else self.tr("Media file id")
        )
        self.edited.emit(MessageOption(kind, self.value.text()))

    def set_value(self, option: MessageOption) -> None:
        index = self.kind.findData(option.kind)
        if index != self.kind.currentIndex():
            self.kind.blockSignals(True)
            self.kind.setCurrentIndex(index)
            self.kind.blockSignals(False)
        if self.value.text() != option.value:
            self.value.setText(option.value)
        self.value.setEnabled(option.kind is not MessageKind.NONE)


class AdvancedDialForm(QWidget):
    """All start methods and their options, bound to a DialerViewModel."""

    submitted = Signal()

    def __init__(self, dialer: DialerViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("advancedDial")
        self.vm = dialer
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.rows: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self.editors: dict[str, QWidget] = {}
        self._setters: dict[str, Callable[[Any], None]] = {}

        self.method = QComboBox(self)
        for method, text in (
            (Method.EMPLOYEE, self.tr("Ring me, then the customer")),
            (Method.SIMPLE, self.tr("Operator and customer (simple)")),
            (Method.SCENARIO, self.tr("Through a scenario")),
            (Method.VNUMBER, self.tr("Through a virtual number")),
            (Method.INFORMER, self.tr("Play a message (informer)")),
        ):
            self.method.addItem(text, method.value)
        self.method.setAccessibleName(self.tr("Start method"))
        self.method.currentIndexChanged.connect(
            lambda _i: dialer.set_method(str(self.method.currentData()))
        )
        self.form.addRow(self.tr("&Method"), self.method)

        self._line("virtual_phone_number", self.tr("Caller &ID"), self.tr("Default from settings"))
        self._line("employee_phone_number", self.tr("My &phone"), self.tr("All my numbers"))
        self._line("operator", self.tr("Operator"), self.tr("Operator's number"))
        self._choice(
            "first_call",
            self.tr("Ring first"),
            [("employee", self.tr("Me / operator")), ("contact", self.tr("Customer"))],
        )
        self._check("switch_at_once", self.tr("Connect at once, cut messages short"))
        self._check("early_switching", self.tr("Let me hear the line while it rings"))
        self._check("show_virtual_phone_number", self.tr("Show the caller ID to me"))
        self._message("contact_message", self.tr("To customer"))
        self._message("employee_message", self.tr("To me"))
        self._message("operator_message", self.tr("To operator"))
        self._line("media_file_id", self.tr("Ringback media"), self.tr("Media file id"))
        self._line("scenario_id", self.tr("Scenario"), self.tr("Scenario id"))
        self._line("dtmf_string", self.tr("DTMF after answer"), self.tr("e.g. 123.#"))
        self._line("external_id", self.tr("External id"), self.tr("CRM record"))
        self._choice(
            "direction",
            self.tr("Direction"),
            [("out", self.tr("Outgoing")), ("in", self.tr("Incoming"))],
        )
        self._line("dialing_timeout", self.tr("Ring for (s)"), "1–120")
        self._line("operator_confirmation", self.tr("Operator confirms"), self.tr("key or any"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.form)
        layout.addStretch(1)
        dialer.options_changed.connect(self._sync)
        dialer.method_changed.connect(lambda _m: self._sync())
        dialer.option_errors_changed.connect(lambda _e: self._sync_errors())
        self._sync()

    # -- rows -----------------------------------------------------------------------------------

    def _add(self, name: str, label: str, editor: QWidget) -> None:
        error = QLabel(self)
        error.setObjectName("message")
        error.setProperty("severity", "error")
        error.setWordWrap(True)
        error.hide()
        box = QWidget(self)
        v = QVBoxLayout(box)
        v.setContentsMargins(0, 0, 0, 0)
        v.setSpacing(2)
        v.addWidget(editor)
        v.addWidget(error)
        editor.setAccessibleName(label.replace("&", ""))
        self.form.addRow(label, box)
        self.rows[name], self.errors[name], self.editors[name] = box, error, editor

    def _line(self, name: str, label: str, placeholder: str) -> None:
        edit = QLineEdit(self)
        edit.setPlaceholderText(placeholder)
        edit.textEdited.connect(lambda text: self.vm.set_option(name, text))
        edit.returnPressed.connect(self.submitted.emit)
        self._add(name, label, edit)

        def set_text(value: Any) -> None:
            if edit.text() != str(value):
                edit.setText(str(value))

        self._setters[name] = set_text

    def _check(self, name: str, label: str) -> None:
        box = QCheckBox(label, self)
        box.toggled.connect(lambda on: self.vm.set_option(name, on))
        self._add(name, "", box)
        box.setAccessibleName(label)
        self._setters[name] = lambda value: box.setChecked(bool(value))

    def _choice(self, name: str, label: str, items: list[tuple[str, str]]) -> None:
        combo = QComboBox(self)
        for value, text in items:
            combo.addItem(text, value)
        combo.currentIndexChanged.connect(
            lambda _i: self.vm.set_option(name, str(combo.currentData()))
        )
        self._add(name, label, combo)
        self._setters[name] = lambda value: combo.setCurrentIndex(max(0, combo.findData(value)))

    def _message(self, name: str, label: str) -> None:
        editor = _MessageEditor(self)
        editor.edited.connect(lambda option: self.vm.set_option(name, option))
        editor.value.returnPressed.connect(self.submitted.emit)
        self._add(name, label, editor)
        self._setters[name] = editor.set_value

    # -- sync from the viewmodel ----------------------------------------------------------------

    def _sync(self) -> None:
        options: DialOptions = self.vm.options
        index = self.method.findData(options.method.value)
        if index != self.method.currentIndex():
            self.method.blockSignals(True)
            self.method.setCurrentIndex(index)
            self.method.blockSignals(False)
        used = FIELDS[options.method]
        for name, row in self.rows.items():
            visible = name in used
            row.setVisible(visible)
            label = self.form.labelForField(row)
            if label is not None:
                label.setVisible(visible)
            editor = self.editors[name]
            editor.blockSignals(True)
            self._setters[name](getattr(options, name))
            editor.blockSignals(False)
        self._sync_errors()

    def _sync_errors(self) -> None:
        errors = self.vm.option_errors
        for name, label in self.errors.items():
            text = errors.get(name, "")
            label.setText(text)
            label.setVisible(bool(text) and self.rows[name].isVisibleTo(self))

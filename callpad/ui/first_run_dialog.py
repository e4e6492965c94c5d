"""First run: which employee the agent is, and the default virtual number (caller ID)."""

from __future__ import annotations

import re

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

_DIGITS = re.compile(r"[0-9]{1,15}")


class FirstRunDialog(QDialog):
    """Asks for the employee id and default virtual number; emits `chosen(id, number)`."""

    chosen = Signal(int, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstRunDialog")
        self.setWindowTitle(self.tr("Welcome to callpad"))
        intro = QLabel(
            self.tr(
                "Calls ring your phone first. Which employee are you in the PBX, and which "
                "virtual number should customers see?"
            ),
            self,
        )
        intro.setWordWrap(True)
        self.employee = QLineEdit(self)
        self.employee.setPlaceholderText(self.tr("e.g. 3141"))
        self.employee.setAccessibleName(self.tr("Employee id"))
        self.number = QLineEdit(self)
        self.number.setPlaceholderText(self.tr("e.g. 74951112233"))
        self.number.setAccessibleName(self.tr("Default virtual number"))
        self.error = QLabel(self)
        self.error.setObjectName("message")
        self.error.setProperty("severity", "error")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        buttons.accepted.connect(self._done)
        form = QFormLayout(self)
        form.addRow(intro)
        form.addRow(self.tr("&Employee id"), self.employee)
        form.addRow(self.tr("Default &virtual number"), self.number)
        form.addRow(self.error)
        form.addRow(buttons)

    def _done(self) -> None:
        employee = self.employee.text().strip()
        number = "".join(ch for ch in self.number.text() if ch.isdigit())
        if not employee.isdigit() or int(employee) < 1:
            self.error.setText(self.tr("The employee id is a whole number, e.g. 3141."))
            self.employee.setFocus()
            return
        if not _DIGITS.fullmatch(number):
            self.error.setText(self.tr("Enter the virtual number in digits, e.g. 74951112233."))
            self.number.setFocus()
            return
        self.chosen.emit(int(employee), number)
        self.accept()

"""Confirmation for destructive commands (block a contact): non-modal, default answer is No."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QWidget


def confirm(
    parent: QWidget, title: str, text: str, yes_text: str, on_yes: Callable[[], object]
) -> QMessageBox:
    """Ask; run `on_yes` only if the agent confirms. Returns the (already open) box.

    The box is opened with open(), never exec(): a nested event loop would stall the asyncio
    tasks that run on the same qasync loop.
    """
    box = QMessageBox(parent)
    box.setObjectName("confirmBox")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    box.setText(text)
    yes = box.addButton(yes_text, QMessageBox.ButtonRole.DestructiveRole)
    no = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(no)
    box.setEscapeButton(no)

    def done() -> None:
        if box.clickedButton() is yes:
            on_yes()
        box.deleteLater()

    box.finished.connect(lambda _result: done())
    box.open()
    return box

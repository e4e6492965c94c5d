"""Small non-modal prompts for call commands: consult target, tag, coach number.

Each is a QInputDialog opened with open() (never exec(): a nested event loop would stall the
asyncio tasks on the same qasync loop) and calls back with the answer.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget


def _prompt(parent: QWidget, name: str, title: str, label: str) -> QInputDialog:
    dialog = QInputDialog(parent)
    dialog.setObjectName(name)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setInputMode(QInputDialog.InputMode.TextInput)
    dialog.finished.connect(lambda _r: dialog.deleteLater())
    return dialog


def ask_consult_target(parent: QWidget, on_answer: Callable[[str], object]) -> QInputDialog:
    dialog = _prompt(
        parent,
        "consultDialog",
        QCoreApplication.translate("CallDialogs", "Consult"),
        QCoreApplication.translate(
            "CallDialogs", "Number or extension of the colleague (the customer stays on hold):"
        ),
    )
    dialog.textValueSelected.connect(lambda text: on_answer(text.strip()) if text.strip() else None)
    dialog.open()
    _focus_line(dialog)
    return dialog


def ask_coach(parent: QWidget, on_answer: Callable[[str], object]) -> QInputDialog:
    dialog = _prompt(
        parent,
        "coachDialog",
        QCoreApplication.translate("CallDialogs", "Add a coach"),
        QCoreApplication.translate(
            "CallDialogs", "Coach's number (leave empty for your configured coach):"
        ),
    )
    dialog.textValueSelected.connect(lambda text: on_answer(text.strip()))
    dialog.open()
    _focus_line(dialog)
    return dialog


def ask_tag(
    parent: QWidget, tags: Sequence[tuple[int, str]], on_answer: Callable[[int], object]
) -> QInputDialog:
    """Pick a known tag by name, or type a tag id."""
    dialog = _prompt(
        parent,
        "tagDialog",
        QCoreApplication.translate("CallDialogs", "Tag the call"),
        QCoreApplication.translate("CallDialogs", "Tag (name, or its id):"),
    )
    labels = [f"{name}  [{tag_id}]" for tag_id, name in tags]
    dialog.setComboBoxItems(labels)
    dialog.setComboBoxEditable(True)

    def chosen(text: str) -> None:
        text = text.strip()
        if text in labels:
            on_answer(tags[labels.index(text)][0])
        elif text.rsplit("[", 1)[-1].rstrip("]").strip().isdigit():
            on_answer(int(text.rsplit("[", 1)[-1].rstrip("]").strip()))

    dialog.textValueSelected.connect(chosen)
    dialog.open()
    return dialog


def _focus_line(dialog: QInputDialog) -> None:
    edit = dialog.findChild(QLineEdit)
    if edit is not None:
        edit.setFocus()

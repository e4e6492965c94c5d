"""The DTMF keypad: twelve keys that each send one symbol to the selected call (send.dtmf).

Non-modal: it stays open beside the call list while the agent navigates a phone menu. Typing a
digit, * or # sends it as well; Esc closes.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

SYMBOLS = "123456789*0#"
_LETTERS = {"2": "ABC", "3": "DEF", "4": "GHI", "5": "JKL", "6": "MNO", "7": "PQRS", "8": "TUV",
            "9": "WXYZ", "0": "+"}  # fmt: skip


class DtmfKeypad(QDialog):
    """Emits `symbol_pressed` for each key; shows what has been sent so far."""

    symbol_pressed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dtmfKeypad")
        self.setWindowTitle(self.tr("DTMF keypad"))
        self.setModal(False)
        self.sent = QLabel(self)
        self.sent.setObjectName("muted")
        self.sent.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.sent.setAccessibleName(self.tr("Symbols sent"))
        grid = QGridLayout()
        self.buttons: dict[str, QPushButton] = {}
        for i, symbol in enumerate(SYMBOLS):
            button = QPushButton(f"{symbol}\n{_LETTERS.get(symbol, ' ')}", self)
            button.setObjectName(f"dtmf_{symbol}")
            button.setMinimumSize(64, 52)
            button.setAutoDefault(False)
            button.setAccessibleName(self.tr("Send %1").replace("%1", symbol))
            button.clicked.connect(lambda _checked=False, s=symbol: self.press(s))
            grid.addWidget(button, i // 3, i % 3)
            self.buttons[symbol] = button
        layout = QVBoxLayout(self)
        layout.addWidget(self.sent)
        layout.addLayout(grid)

    def press(self, symbol: str) -> None:
        self.sent.setText((self.sent.text() + symbol)[-24:])
        self.symbol_pressed.emit(symbol)

    def clear(self) -> None:
        self.sent.clear()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        if len(text) == 1 and text in SYMBOLS:
            self.press(text)
            return
        super().keyPressEvent(event)

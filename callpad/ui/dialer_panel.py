"""The dialer: number field (focused at start; Enter dials), live preview, recent numbers, advanced.

Every edit goes to `DialerViewModel.set_text` / `set_option`; the viewmodel answers with the
normalized preview and inline validation, so the agent sees what is wrong before the server
would say so. Nothing typed is ever cleared by a failure.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCompleter,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from callpad.ui.advanced_dial import AdvancedDialForm
from callpad.ui.calls_view import NumberDelegate
from callpad.ui.icons import icon
from callpad.ui.numbers import display_number
from callpad.viewmodels.dialer import DialerViewModel


def _restyle(widget: QWidget) -> None:
    widget.style().unpolish(widget)
    widget.style().polish(widget)


class DialerPanel(QFrame):
    """Number entry with preview, the Call button, recent numbers and the advanced options."""

    dial_requested = Signal()

    def __init__(self, dialer: DialerViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vm = dialer
        self.setObjectName("panel")
        self.setMinimumWidth(300)
        title = QLabel(self.tr("CALL A NUMBER"), self)
        title.setObjectName("panelTitle")

        self.number = QLineEdit(self)
        self.number.setObjectName("numberField")
        self.number.setPlaceholderText(self.tr("Type or paste a number"))
        self.number.setAccessibleName(self.tr("Number to call"))
        self.number.setAccessibleDescription(self.tr("Enter dials. Ctrl+Shift+D comes back here."))
        self.number.setClearButtonEnabled(True)
        completer = QCompleter(dialer.recent_model, self.number)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.number.setCompleter(completer)

        self.preview = QLabel(self)
        self.preview.setObjectName("preview")
        self.preview.setWordWrap(True)
        self.preview.setAccessibleName(self.tr("Number check"))
        self.preview.setMinimumHeight(self.preview.fontMetrics().height() * 2)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)

        self.dial_button = QPushButton(self)
        self.dial_button.setObjectName("dialButton")
        self.dial_button.setIcon(icon("dial", QColor("#ffffff")))
        self.dial_button.setAccessibleName(self.tr("Call"))
        self.dial_button.setAutoDefault(False)
        self.dial_button.clicked.connect(self.dial_requested.emit)
        self.advanced_button = QPushButton(self.tr("Advanced"), self)
        self.advanced_button.setObjectName("advancedButton")
        self.advanced_button.setCheckable(True)
        self.advanced_button.setAccessibleName(self.tr("Advanced dialing options"))
        self.advanced_button.setToolTip(self.tr("Other start methods and their options (Alt+A)"))
        self.line_info = QLabel(self)
        self.line_info.setObjectName("muted")
        self.line_info.setWordWrap(True)
        self.line_info.setAccessibleName(self.tr("Your line"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.dial_button, 1)
        buttons.addWidget(self.advanced_button)

        recent_title = QLabel(self.tr("RECENT"), self)
        recent_title.setObjectName("panelTitle")
        self.recent = QListView(self)
        self.recent.setObjectName("recentList")
        self.recent.setModel(dialer.recent_model)
        self.recent.setItemDelegate(NumberDelegate(self.recent))
        self.recent.setAccessibleName(self.tr("Recent numbers; Enter calls the selected one"))
        self.recent.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.recent.activated.connect(self._dial_recent)
        self.recent.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)

        self._advanced: AdvancedDialForm | None = None  # built when first shown (start-up time)
        self.advanced_area = QScrollArea(self)
        self.advanced_area.setWidgetResizable(True)
        self.advanced_area.setFrameShape(QFrame.Shape.NoFrame)
        self.advanced_area.setVisible(False)
        self.advanced_button.toggled.connect(self.show_advanced)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        layout.setSpacing(8)
        layout.addWidget(title)
        layout.addWidget(self.number)
        layout.addWidget(self.preview)
        layout.addLayout(buttons)
        layout.addWidget(self.line_info)
        layout.addWidget(self.advanced_area, 3)
        layout.addSpacing(6)
        layout.addWidget(recent_title)
        layout.addWidget(self.recent, 2)

        self.number.textEdited.connect(dialer.set_text)
        self.number.returnPressed.connect(self.dial_requested.emit)
        dialer.text_changed.connect(self._on_text)
        dialer.preview_changed.connect(lambda _p: self._sync_preview())
        dialer.validation_error_changed.connect(lambda _e: self._sync_preview())
        dialer.can_dial_changed.connect(lambda _c: self._sync_button())
        dialer.dialing_changed.connect(lambda _d: self._sync_button())
        self._sync_preview()
        self._sync_button()

    def retint(self) -> None:
        self.dial_button.setIcon(icon("dial", QColor("#ffffff")))

    def set_line_info(self, caller_id: str, employee_id: int | None) -> None:
        """Tell the agent which caller ID customers see and that their own phone rings first."""
        if employee_id is None:
            self.line_info.setText(self.tr("Set your employee id in the settings to dial."))
            return
        text = self.tr("Customers see %1. Your phone rings first, then theirs.")
        self.line_info.setText(text.replace("%1", display_number(caller_id) or "?"))

    def focus_number(self) -> None:
        """Focus the number field and select its text (Ctrl+Shift+D / F2)."""
        self.number.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.number.selectAll()

    @property
    def advanced(self) -> AdvancedDialForm:
        """The advanced options form, built on first use: most sessions never open it."""
        if self._advanced is None:
            self._advanced = AdvancedDialForm(self.vm, self)
            self._advanced.submitted.connect(self.dial_requested.emit)
            self.advanced_area.setWidget(self._advanced)
        return self._advanced

    def show_advanced(self, shown: bool) -> None:
        if shown:
            self.advanced  # noqa: B018 - builds the form before it is shown
        self.advanced_area.setVisible(shown)
        if self.advanced_button.isChecked() != shown:
            self.advanced_button.setChecked(shown)
        self.advanced_button.setText(self.tr("Advanced ▾") if shown else self.tr("Advanced"))

    def _on_text(self, text: str) -> None:
        if self.number.text() != text:
            self.number.setText(text)

    def _sync_preview(self) -> None:
        error = self.vm.validation_error
        preview = self.vm.preview
        if error:
            self.preview.setText(error)
            self.preview.setProperty("valid", "false")
        elif preview:
            self.preview.setText(self.tr("Will call %1").replace("%1", preview))
            self.preview.setProperty("valid", "true")
        else:
            self.preview.setText(self.tr("Enter dials; Ctrl+Shift+L redials the last number."))
            self.preview.setProperty("valid", "")
        _restyle(self.preview)

    def _sync_button(self) -> None:
        dialing = self.vm.dialing
        self.dial_button.setText(self.tr("Calling…") if dialing else self.tr("Call  ⏎"))
        self.dial_button.setEnabled(self.vm.can_dial and not dialing)

    def _dial_recent(self, index: QModelIndex) -> None:
        number = index.data(Qt.ItemDataRole.DisplayRole)
        if isinstance(number, str) and number:
            self.vm.set_text(number)
            self.dial_requested.emit()

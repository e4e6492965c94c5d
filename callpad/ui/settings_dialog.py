"""The settings dialog: every setting, checked as the agent types, shortcuts remappable.

It edits `SettingsViewModel.draft`; each field shows its problem right below it and Save stays
disabled until there is none. Cancel drops the edits.

Wiring (callpad.app)::

    dialog = SettingsDialog(settings_vm, parent=window)   # actions default to ui.shortcuts.ACTIONS
    dialog.open()
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from callpad.config.schema import (
    AuthKind,
    Direction,
    FirstCall,
    Language,
    Provider,
    StartMethod,
    Theme,
)
from callpad.ui.main_window import MainWindow
from callpad.ui.settings_fields import FieldBinder
from callpad.ui.settings_shortcuts_page import ShortcutsPage
from callpad.ui.shortcuts import ACTIONS, ActionSpec
from callpad.viewmodels.settings import SettingsViewModel
from callpad.viewmodels.settings_text import describe

Options = Sequence[tuple[Any, str]]


class SettingsDialog(QDialog):
    """Tabs: account, agent and dialing, calls, shortcuts, appearance and desktop."""

    def __init__(
        self,
        vm: SettingsViewModel,
        *,
        actions: Sequence[ActionSpec] = ACTIONS,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self._vm = vm
        vm.reset()  # every opening starts from the saved settings
        self.fields = FieldBinder(vm, self)
        self.editors = self.fields.editors
        self.errors = self.fields.errors
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._account_page(), self.tr("Account"))
        self.tabs.addTab(self._dialing_page(), self.tr("Dialing"))
        self.tabs.addTab(self._calls_page(), self.tr("Calls"))
        self.shortcuts = ShortcutsPage(actions, vm.draft.shortcuts, vm.set_shortcuts, self)
        self.tabs.addTab(self.shortcuts, self.tr("Shortcuts"))
        self.tabs.addTab(self._desktop_page(), self.tr("Desktop"))
        self.status = QLabel(self)
        self.status.setObjectName("message")
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        vm.problems_changed.connect(self._show_problems)
        vm.draft_changed.connect(self._sync_enabled)
        vm.save_failed.connect(self._save_failed)
        if isinstance(parent, MainWindow):  # the desk behind it applies what was saved, live
            vm.saved.connect(parent.settings_saved)
        self._show_problems()
        self._sync_enabled()
        self.resize(720, 640)

    @property
    def save_button(self) -> QPushButton:
        button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        assert button is not None  # noqa: S101 - created with the box above
        return button

    # --- pages ----------------------------------------------------------------------------

    def _page(self) -> tuple[QWidget, QFormLayout]:
        page = QWidget(self)
        return page, QFormLayout(page)

    def _scrolling(self, page: QWidget) -> QScrollArea:
        """Long pages scroll instead of pushing the dialog off small screens."""
        area = QScrollArea(self)
        area.setWidgetResizable(True)
        area.setFrameShape(QScrollArea.Shape.NoFrame)
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        area.setWidget(page)
        return area

    def _account_page(self) -> QWidget:
        page, form = self._page()
        providers = {
            Provider.UIS: "UIS",
            Provider.COMAGIC: "CoMagic",
            Provider.NOVOFON: "Novofon",
            Provider.CALLGEAR: "CallGear",
            Provider.CUSTOM: self.tr("Other server…"),
        }
        self.fields.combo(form, "account.provider", list(providers.items()))
        self.fields.line(form, "account.custom_url", "https://callapi.example.com")
        self.fields.line(form, "account.api_version", "v4.0")
        self.fields.line(form, "account.login")
        kinds = {
            AuthKind.PASSWORD: self.tr("Login and password"),
            AuthKind.KEY: self.tr("Permanent key"),
        }
        self.fields.combo(form, "account.auth_kind", list(kinds.items()))
        self.fields.check(form, "account.remember")
        forget = QPushButton(self.tr("Forget my credentials"), page)
        forget.setObjectName("forgetCredentials")
        forget.clicked.connect(self._forget)
        self.forget_result = QLabel(page)
        self.forget_result.setObjectName("muted")
        self.forget_result.setWordWrap(True)
        form.addRow(forget, self.forget_result)
        where = self._vm.credentials_in_keyring
        if where is not None:
            text = (
                self.tr("Remembered passwords and keys are kept in the system keyring.")
                if where
                else self.tr(
                    "No secure system keyring was found: remembered passwords and keys are kept "
                    "in a file only your user account can read."
                )
            )
            storage = QLabel(text, page)
            storage.setObjectName("muted")
            storage.setWordWrap(True)
            form.addRow("", storage)
        return self._scrolling(page)

    def _dialing_page(self) -> QWidget:
        page, form = self._page()
        self.fields.line(form, "agent.employee_id", "3141")
        self.fields.line(form, "agent.employee_phone", "79161234567")
        self.fields.line(form, "agent.default_virtual_number", "74951112233")
        methods = {
            StartMethod.EMPLOYEE: self.tr("Call via my phone (employee call)"),
            StartMethod.SIMPLE: self.tr("Simple call"),
            StartMethod.SCENARIO: self.tr("Scenario call"),
            StartMethod.VNUMBER: self.tr("Virtual number call"),
            StartMethod.INFORMER: self.tr("Informer call"),
        }
        self.fields.combo(form, "dial.start_method", list(methods.items()))
        first = {FirstCall.EMPLOYEE: self.tr("Me"), FirstCall.CONTACT: self.tr("The customer")}
        self.fields.combo(form, "dial.first_call", list(first.items()))
        self.fields.check(form, "dial.switch_at_once")
        self.fields.check(form, "dial.early_switching")
        self.fields.check(form, "dial.show_virtual_phone_number")
        directions = [
            (None, self.tr("Server default")),
            (Direction.OUT, self.tr("Outgoing")),
            (Direction.IN, self.tr("Incoming")),
        ]
        self.fields.combo(form, "dial.direction", directions)
        self.fields.line(form, "dial.dialing_timeout")
        self.fields.line(form, "dial.scenario_id")
        self.fields.line(form, "dial.media_file_id")
        self.fields.message(form, "dial.contact_message", optional=True)
        self.fields.message(form, "dial.employee_message", optional=True)
        self.fields.line(form, "dial.dtmf_string", "123#")
        self.fields.line(form, "dial.default_region", "RU")
        self.fields.check(form, "dial.dial_links_at_once")
        clear = QPushButton(self.tr("Clear recent numbers"), page)
        clear.setObjectName("clearRecent")
        clear.clicked.connect(lambda: self._vm.set_value("dial.recent_numbers", ()))
        form.addRow("", clear)
        return self._scrolling(page)

    def _calls_page(self) -> QWidget:
        page, form = self._page()
        self.fields.message(form, "calls.hold_message", optional=False)
        self.fields.line(form, "poll.active_s")
        self.fields.line(form, "poll.focused_s")
        self.fields.line(form, "poll.idle_s")
        return self._scrolling(page)

    def _desktop_page(self) -> QWidget:
        page, form = self._page()
        languages = {
            Language.SYSTEM: self.tr("As the system"),
            Language.RU: "Русский",
            Language.EN: "English",
        }
        self.fields.combo(form, "appearance.language", list(languages.items()))
        themes = {
            Theme.SYSTEM: self.tr("As the system"),
            Theme.LIGHT: self.tr("Light"),
            Theme.DARK: self.tr("Dark"),
        }
        self.fields.combo(form, "appearance.theme", list(themes.items()))
        self.fields.check(form, "notifications.incoming_call", self.tr("Notify me about"))
        self.fields.check(form, "notifications.error")
        self.fields.check(form, "screen_pop.enabled", self.tr("Screen pop"))
        self.fields.line(form, "screen_pop.url_template", "https://crm.example/search?q={contact}")
        hint = QLabel(self.tr("{contact} becomes the caller's number."), page)
        hint.setObjectName("muted")
        form.addRow("", hint)
        self.fields.check(form, "desktop.autostart", self.tr("Desktop"))
        self.fields.check(form, "desktop.start_minimized")
        self.fields.check(form, "desktop.close_to_tray")
        return self._scrolling(page)

    # --- reactions ------------------------------------------------------------------------

    def _show_problems(self) -> None:
        problems = {p.path: p for p in self._vm.problems()}
        for path, label in self.errors.items():
            problem = problems.get(path)
            label.setText(describe(problem) if problem else "")
            label.setVisible(problem is not None)
        self.save_button.setEnabled(self._vm.can_save)

    def _sync_enabled(self) -> None:
        custom = self._vm.draft.account.provider is Provider.CUSTOM
        self.editors["account.custom_url"].setEnabled(custom)
        self.editors["account.login"].setEnabled(
            self._vm.draft.account.auth_kind is AuthKind.PASSWORD
        )
        self.save_button.setEnabled(self._vm.can_save)

    def _save(self) -> None:
        if self._vm.save():
            self.accept()

    def _save_failed(self, message: str) -> None:
        self.status.setProperty("severity", "error")
        self.status.setText(message)

    def _forget(self) -> None:
        failed = self._vm.forget_credentials()
        if failed:
            text = self.tr("Could not remove them from: %1").replace("%1", ", ".join(failed))
        else:
            text = self.tr("Your saved password and key were removed.")
        self.forget_result.setText(text)
        remember = self.editors["account.remember"]
        if isinstance(remember, QCheckBox):
            remember.blockSignals(True)
            remember.setChecked(False)
            remember.blockSignals(False)

    def reject(self) -> None:
        self._vm.reset()
        super().reject()

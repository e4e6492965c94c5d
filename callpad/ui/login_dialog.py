"""The login dialog: provider preset or custom URL, login + password or a permanent key, remember.

The dialog only collects and checks the form. Whoever opens it (callpad.app) connects `submitted` to
the session viewmodel and reports back with `set_busy`, `show_error` and `accept`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from callpad.config.schema import PROVIDER_HOSTS, AccountSettings, AuthKind, Provider
from callpad.ui.icons import app_icon

_PROVIDER_NAMES = {
    Provider.UIS: "UIS",
    Provider.COMAGIC: "CoMagic",
    Provider.NOVOFON: "Novofon",
    Provider.CALLGEAR: "CallGear",
}


@dataclass(frozen=True, slots=True)
class LoginForm:
    """What the agent entered. `secret` is the password or the permanent key."""

    provider: Provider
    custom_url: str
    login: str
    auth_kind: AuthKind
    secret: str
    remember: bool

    def account(self, base: AccountSettings | None = None) -> AccountSettings:
        """The account settings this form describes (the secret is not part of them)."""
        return replace(
            base or AccountSettings(),
            provider=self.provider,
            custom_url=self.custom_url,
            login=self.login if self.auth_kind is AuthKind.PASSWORD else "",
            auth_kind=self.auth_kind,
            remember=self.remember,
        )


class LoginDialog(QDialog):
    """Collects credentials; never blocks the loop (it is shown with open(), not exec())."""

    submitted = Signal(object)  # LoginForm

    def __init__(
        self, account: AccountSettings | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        account = account or AccountSettings()
        self.setObjectName("loginDialog")
        self.setWindowTitle(self.tr("Sign in to callpad"))
        self.setWindowIcon(app_icon())
        self.setMinimumWidth(440)

        self.provider = QComboBox(self)
        for provider, name in _PROVIDER_NAMES.items():
            self.provider.addItem(name, provider.value)
        self.provider.addItem(self.tr("Other server (URL)"), Provider.CUSTOM.value)
        self.provider.setAccessibleName(self.tr("Provider"))
        self.url = QLineEdit(self)
        self.url.setPlaceholderText("https://callapi.example.com")
        self.url.setAccessibleName(self.tr("Server URL"))
        self.url_hint = QLabel(self)
        self.url_hint.setObjectName("muted")

        self.by_password = QRadioButton(self.tr("Login and password"), self)
        self.by_key = QRadioButton(self.tr("Permanent API key"), self)
        kinds = QButtonGroup(self)
        kinds.addButton(self.by_password)
        kinds.addButton(self.by_key)
        self.login = QLineEdit(self)
        self.login.setAccessibleName(self.tr("Login"))
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        self.key = QLineEdit(self)
        self.key.setEchoMode(QLineEdit.EchoMode.Password)
        self.key.setAccessibleName(self.tr("Permanent API key"))
        self.remember = QCheckBox(self.tr("Remember on this computer"), self)
        self.remember.setToolTip(
            self.tr("Stored in the system keyring, never in the settings file")
        )

        self.error = QLabel(self)
        self.error.setObjectName("message")
        self.error.setProperty("severity", "error")
        self.error.setWordWrap(True)
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error.setAccessibleName(self.tr("Sign-in problem"))
        self.error.hide()

        self.buttons = QDialogButtonBox(self)
        self.sign_in = self.buttons.addButton(
            self.tr("Sign in"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.sign_in.setDefault(True)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("&Provider"), self.provider)
        form.addRow(self.tr("Server &URL"), self.url)
        form.addRow("", self.url_hint)
        kind_row = QHBoxLayout()
        kind_row.addWidget(self.by_password)
        kind_row.addWidget(self.by_key)
        kind_row.addStretch(1)
        form.addRow(self.tr("Sign in with"), kind_row)
        form.addRow(self.tr("&Login"), self.login)
        form.addRow(self.tr("Pass&word"), self.password)
        form.addRow(self.tr("API &key"), self.key)
        form.addRow("", self.remember)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

        self.provider.currentIndexChanged.connect(self._sync)
        self.by_password.toggled.connect(self._sync)
        self._load(account)

    def _load(self, account: AccountSettings) -> None:
        index = self.provider.findData(account.provider.value)
        self.provider.setCurrentIndex(max(index, 0))
        self.url.setText(account.custom_url)
        self.login.setText(account.login)
        (self.by_key if account.auth_kind is AuthKind.KEY else self.by_password).setChecked(True)
        self.remember.setChecked(account.remember)
        self._sync()

    def _sync(self) -> None:
        provider = self.current_provider()
        custom = provider is Provider.CUSTOM
        self.url.setEnabled(custom)
        self.url_hint.setText("" if custom else PROVIDER_HOSTS.get(provider, ""))
        by_password = self.by_password.isChecked()
        for widget in (self.login, self.password):
            widget.setEnabled(by_password)
        self.key.setEnabled(not by_password)

    def current_provider(self) -> Provider:
        data = self.provider.currentData()  # Qt hands the StrEnum back as a plain str
        return Provider(data) if data in {p.value for p in Provider} else Provider.UIS

    def form(self) -> LoginForm:
        by_password = self.by_password.isChecked()
        return LoginForm(
            provider=self.current_provider(),
            custom_url=self.url.text().strip(),
            login=self.login.text().strip(),
            auth_kind=AuthKind.PASSWORD if by_password else AuthKind.KEY,
            secret=self.password.text() if by_password else self.key.text().strip(),
            remember=self.remember.isChecked(),
        )

    def problem(self, form: LoginForm) -> tuple[str, QWidget] | None:
        """The first thing missing from the form, with the field to focus; None if complete."""
        if form.provider is Provider.CUSTOM and not form.custom_url.startswith(
            ("https://", "http://")
        ):
            return self.tr("Enter the server address, starting with https://"), self.url
        if form.auth_kind is AuthKind.PASSWORD:
            if not form.login:
                return self.tr("Enter your login."), self.login
            if not form.secret:
                return self.tr("Enter your password."), self.password
        elif not form.secret:
            return self.tr("Paste your permanent API key."), self.key
        return None

    def _submit(self) -> None:
        form = self.form()
        problem = self.problem(form)
        if problem is not None:
            text, widget = problem
            self.show_error(text)
            widget.setFocus()
            return
        self.error.hide()
        self.submitted.emit(form)

    def set_busy(self, busy: bool) -> None:
        """While signing in: the button says so and cannot be pressed twice."""
        self.sign_in.setEnabled(not busy)
        self.sign_in.setText(self.tr("Signing in…") if busy else self.tr("Sign in"))

    def show_error(self, text: str) -> None:
        """Show a failure in words; the typed values stay as they are."""
        self.set_busy(False)
        self.error.setText(text)
        self.error.show()

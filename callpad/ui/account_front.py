"""The way in for a real account: remembered credentials, else the login dialog; first-run setup.

`make_desk(settings)` (from callpad.app, which owns the HTTP client) builds a Desk for the account's
server. A failed login keeps the dialog open with the reason in words; a success saves the account
(and, if asked, the secret in the keyring), shows the window and, on the first run, asks for the
employee id and the default virtual number. Signing out brings the dialog back.

With remembered credentials the window shows at once, signing in (the status bar says it is
connecting) while the login request runs; if the login fails, the dialog replaces it.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QObject

from callpad.api.errors import CallApiError
from callpad.config.errors import ConfigError
from callpad.config.schema import AuthKind, Settings
from callpad.config.secrets import CredentialVault
from callpad.config.store import SettingsStore
from callpad.ui.desk import Desk
from callpad.ui.first_run_dialog import FirstRunDialog
from callpad.ui.login_dialog import LoginDialog, LoginForm
from callpad.viewmodels.task_runner import TaskRunner

_log = logging.getLogger(__name__)


class AccountFront(QObject):
    """Owns the login dialog and the current Desk; `run()` lasts until the app should quit."""

    def __init__(
        self,
        settings: Settings,
        store: SettingsStore,
        vault: CredentialVault,
        make_desk: Callable[[Settings], Desk],
        *,
        notice: str = "",
        pending_number: str | None = None,
    ) -> None:
        super().__init__()
        self.settings = settings
        self._store = store
        self._vault = vault
        self._make_desk = make_desk
        self._notice = notice
        self._pending = pending_number
        self.desk: Desk | None = None
        self._desk_url = ""
        self._form: LoginForm | None = None
        self._runner = TaskRunner(self)  # closes replaced desks
        self.dialog = LoginDialog(settings.account)
        self.dialog.submitted.connect(self.sign_in)
        self.dialog.rejected.connect(self._on_rejected)
        self._quit = asyncio.Event()
        self.first_run: FirstRunDialog | None = None
        self._started = False

    async def run(self, quit_requested: asyncio.Event) -> None:
        if not self._started:
            self.start()
        waiters = [asyncio.ensure_future(e.wait()) for e in (quit_requested, self._quit)]
        try:
            await asyncio.wait(waiters, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for waiter in waiters:
                waiter.cancel()
            await asyncio.gather(*waiters, return_exceptions=True)

    def start(self) -> None:
        """Sign in with remembered credentials (the window shows meanwhile), else the dialog."""
        self._started = True
        account = self.settings.account
        secret = self._vault.load(account) if account.remember else None
        if secret and (account.login or account.auth_kind is AuthKind.KEY):
            form = LoginForm(
                account.provider, account.custom_url, account.login, account.auth_kind, secret, True
            )
            self.sign_in(form)
            if self.desk is not None and self.desk.models.session.state == "logging_in":
                self.desk.window.show()  # signing in: nothing else to show until it answers
            return
        self.show_dialog(self._notice)

    def show_dialog(self, error: str = "") -> None:
        if error:
            self.dialog.show_error(error)
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()

    def sign_in(self, form: LoginForm) -> None:
        account = form.account(self.settings.account)
        url = account.base_url()
        if self.desk is None or self._desk_url != url:
            self._replace_desk(None)
            try:
                self.desk = self._make_desk(replace(self.settings, account=account))
            except CallApiError as exc:
                self.show_dialog(str(exc))
                return
            self._desk_url = url
            session = self.desk.models.session
            session.login_failed.connect(lambda _kind, message: self._on_login_failed(message))
            session.logged_in_changed.connect(self._on_logged_in_changed)
        self._form = form
        self.dialog.set_busy(True)
        session = self.desk.models.session
        session.set_provider(self.dialog.provider.currentText())
        if form.auth_kind is AuthKind.KEY:
            session.login_with_key(form.secret)
        else:
            session.login_with_password(form.login, form.secret)

    def _on_login_failed(self, message: str) -> None:
        if self.desk is not None and not self.desk.models.session.logged_in:
            self.desk.window.hide()  # shown while signing in with remembered credentials
        self.show_dialog(message)

    def _on_logged_in_changed(self, logged_in: bool) -> None:
        desk = self.desk
        if desk is None:
            return
        if not logged_in:
            desk.window.hide()
            self.show_dialog(desk.models.session.error)
            return
        self.dialog.set_busy(False)
        self.dialog.hide()
        self._remember()
        desk.window.show()
        if self._pending:
            desk.dial_when_logged_in(self._pending)
            self._pending = None
        if self.settings.agent.employee_id is None:
            self._ask_first_run(desk)

    def _remember(self) -> None:
        form = self._form
        if form is None:
            return
        account = form.account(self.settings.account)
        self.settings = replace(self.settings, account=account)
        self._save(lambda s: replace(s, account=account))
        if form.remember:
            try:
                self._vault.save(self.settings.account, form.secret)
            except ConfigError as exc:
                _log.warning("credential not remembered: %s", exc)
        else:
            self._vault.forget(self.settings.account)

    def _ask_first_run(self, desk: Desk) -> None:
        self.first_run = FirstRunDialog(desk.window)
        self.first_run.chosen.connect(lambda e, vn: self._set_agent(desk, e, vn))
        self.first_run.open()

    def _set_agent(self, desk: Desk, employee_id: int, virtual_number: str) -> None:
        agent = replace(
            self.settings.agent, employee_id=employee_id, default_virtual_number=virtual_number
        )
        self.settings = replace(self.settings, agent=agent)
        self._save(lambda s: replace(s, agent=agent))
        desk.models.dialer.set_employee(employee_id, virtual_number)
        desk.models.calls.set_my_employee_id(employee_id)
        desk.window.dialer.set_line_info(virtual_number, employee_id)

    def _save(self, change: Callable[[Settings], Settings]) -> None:
        try:  # update(): applied to the latest saved settings, never a stale copy
            self._store.update(change)
        except ConfigError as exc:
            _log.warning("settings not saved: %s", exc)

    def _on_rejected(self) -> None:
        if self.desk is None or not self.desk.window.isVisible():
            self._quit.set()

    def _replace_desk(self, desk: Desk | None) -> None:
        old, self.desk = self.desk, desk
        if old is not None:
            self._runner.submit(old.shutdown(), name="close desk")

    async def close(self) -> None:
        """Shut the current desk down (logout with a short timeout inside) and the dialog."""
        self.dialog.hide()
        desk, self.desk = self.desk, None
        await self._runner.aclose()
        if desk is not None:
            await desk.shutdown()

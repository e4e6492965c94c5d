"""SessionViewModel: logging in (password or permanent key), logging out, the session's health.

A login is checked with one list.calls request, so every reason the agent could not work (wrong
password, expired or blocked key, IP not whitelisted, no API right, account disabled, the call
management component not enabled, server unreachable) shows up in the login dialog, as a
`LoginFailure` kind and a sentence in the agent's language. The client renews session keys by
itself; when a request later fails with an authentication error anyway, this viewmodel tries one
re-login with the password it was given (kept in memory for the session only), else ends the session
and says why.
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Coroutine
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, Signal

from callpad.api.errors import AuthError, CallApiError
from callpad.api.models import PermanentKey
from callpad.api.service import CallService
from callpad.viewmodels.error_kinds import LoginFailure, classify_error, user_message
from callpad.viewmodels.task_runner import ErrorReport, TaskRunner

_log = logging.getLogger(__name__)

LOGIN_KEY = "session.login"
LOGOUT_KEY = "session.logout"


class SessionState(enum.Enum):
    """Where the session is."""

    LOGGED_OUT = "logged_out"
    LOGGING_IN = "logging_in"
    LOGGED_IN = "logged_in"
    LOGGING_OUT = "logging_out"


class AuthMethod(enum.Enum):
    """How the session authenticates."""

    NONE = "none"
    PASSWORD = "password"  # noqa: S105  # a method name, not a secret
    KEY = "key"


class SessionViewModel(QObject):
    """Login, logout and the session's state; login failures as kinds and sentences.

    Signals:
        state_changed(str): a `SessionState` value.
        logged_in_changed(bool)
        busy_changed(bool): a login or logout is in flight.
        provider_changed(str), user_changed(str)
        error_changed(str): the latest login/session error sentence ("" when cleared).
        login_failed(str, str): a login failed: `LoginFailure` value and the sentence.
        session_lost(str): a working session ended by itself (auth rejected); the sentence.
    """

    state_changed = Signal(str)
    logged_in_changed = Signal(bool)
    busy_changed = Signal(bool)
    provider_changed = Signal(str)
    user_changed = Signal(str)
    error_changed = Signal(str)
    login_failed = Signal(str, str)
    session_lost = Signal(str)

    def __init__(
        self,
        service: CallService,
        runner: TaskRunner,
        *,
        provider: str = "",
        lang: str = "ru",
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._runner = runner
        self._lang = lang
        self._state = SessionState.LOGGED_OUT
        self._provider = provider
        self._user = ""
        self._error = ""
        self._failure = LoginFailure.OTHER
        self._method = AuthMethod.NONE
        self._password: tuple[str, str] | None = None  # (login, password), memory only
        self._relogin_tried = False
        runner.failed.connect(self._on_failed)

    # -- properties -----------------------------------------------------------------------------

    @property
    def state(self) -> str:
        return self._state.value

    @property
    def logged_in(self) -> bool:
        return self._state is SessionState.LOGGED_IN

    @property
    def busy(self) -> bool:
        return self._state in (SessionState.LOGGING_IN, SessionState.LOGGING_OUT)

    @property
    def provider(self) -> str:
        return self._provider

    @property
    def user(self) -> str:
        return self._user

    @property
    def error(self) -> str:
        return self._error

    @property
    def auth_method(self) -> AuthMethod:
        return self._method

    @property
    def token_expires_at(self) -> datetime | None:
        """When the session key expires (None for a permanent key or logged out).

        Renewal is the client's job: it logs in again shortly before this moment.
        """
        return self._service.token_expires_at

    @property
    def last_failure(self) -> LoginFailure:
        """The kind of the latest login failure (meaningful while `error` is not empty)."""
        return self._failure

    # -- commands -------------------------------------------------------------------------------

    def set_provider(self, provider: str) -> None:
        """The provider name shown beside the user (the app picks the base URL)."""
        if provider != self._provider:
            self._provider = provider
            self.provider_changed.emit(provider)

    def login_with_password(self, login: str, password: str) -> bool:
        """Log in with a web-account user's login and password; False if refused locally."""
        if not login.strip() or not password or self.busy or self.logged_in:
            return False
        creds = (login.strip(), password)
        return self._start_login(self._login_password(*creds), AuthMethod.PASSWORD, creds[0])

    def login_with_key(self, key: str) -> bool:
        """Work with a permanent API key (checked with one request); False if refused locally."""
        if not key.strip() or self.busy or self.logged_in:
            return False
        return self._start_login(self._login_key(key.strip()), AuthMethod.KEY, "API key")

    def logout(self) -> bool:
        """End the session (best effort on the server); False if there is none."""
        if self._state is not SessionState.LOGGED_IN:
            return False
        self._set_state(SessionState.LOGGING_OUT)
        task = self._runner.submit(self._logout(), name="logout", key=LOGOUT_KEY)
        return task is not None

    # -- coroutines -----------------------------------------------------------------------------

    def _start_login(self, coro: Coroutine[Any, Any, None], method: AuthMethod, user: str) -> bool:
        self._set_error("")
        self._set_state(SessionState.LOGGING_IN)
        task = self._runner.submit(coro, name="login", key=LOGIN_KEY)
        if task is None:
            self._set_state(SessionState.LOGGED_OUT)
            return False
        self._method = method
        self._set_user(user)
        return True

    async def _login_password(self, login: str, password: str) -> None:
        try:
            await self._service.login_user(login=login, password=password)
        except CallApiError as exc:
            self._fail(exc)
            return
        try:
            await self._service.list_calls()  # the account can really work: components, rights
        except CallApiError as exc:
            await self._forget_token()
            self._fail(exc)
            return
        self._password = (login, password)
        self._relogin_tried = False
        self._set_state(SessionState.LOGGED_IN)

    async def _login_key(self, key: str) -> None:
        try:
            self._service.use_permanent_key(PermanentKey(key))
            await self._service.list_calls()
        except CallApiError as exc:
            await self._forget_token()
            self._fail(exc)
            return
        self._password = None
        self._set_state(SessionState.LOGGED_IN)

    async def _logout(self) -> None:
        try:
            # For a permanent key this only makes the client forget it (the key is not revoked).
            await self._service.logout_user()
        except CallApiError as exc:  # the token is forgotten either way
            _log.info("logout.user failed: %s", type(exc).__name__)
        finally:
            self._password = None
            self._method = AuthMethod.NONE
            self._set_user("")
            self._set_state(SessionState.LOGGED_OUT)

    async def _forget_token(self) -> None:
        try:
            await self._service.logout_user()
        except CallApiError as exc:  # best effort: the client forgets the token either way
            _log.info("logout.user after a failed login check: %s", type(exc).__name__)

    async def _relogin(self, login: str, password: str) -> None:
        try:
            await self._service.login_user(login=login, password=password)
        except CallApiError as exc:
            self._lose(exc)

    # -- internals ------------------------------------------------------------------------------

    def _fail(self, exc: CallApiError) -> None:
        self._failure = classify_error(exc).login_failure
        message = user_message(exc, self._lang)
        _log.info("login failed: %s", self._failure.value)
        self._method = AuthMethod.NONE
        self._set_user("")
        self._set_state(SessionState.LOGGED_OUT)
        self._set_error(message)
        self.login_failed.emit(self._failure.value, message)

    def _lose(self, exc: BaseException) -> None:
        message = user_message(exc, self._lang)
        self._password = None
        self._method = AuthMethod.NONE
        self._set_user("")
        self._set_state(SessionState.LOGGED_OUT)
        self._set_error(message)
        self.session_lost.emit(message)

    def _on_failed(self, report: ErrorReport) -> None:
        if not isinstance(report.error, AuthError) or self._state is not SessionState.LOGGED_IN:
            return
        if self._password is not None and not self._relogin_tried:
            self._relogin_tried = True
            self._runner.submit(self._relogin(*self._password), name="relogin", key=LOGIN_KEY)
            return
        self._lose(report.error)

    def _set_state(self, state: SessionState) -> None:
        if state is self._state:
            return
        was_logged_in, was_busy = self.logged_in, self.busy
        self._state = state
        self.state_changed.emit(state.value)
        if self.logged_in != was_logged_in:
            self.logged_in_changed.emit(self.logged_in)
        if self.busy != was_busy:
            self.busy_changed.emit(self.busy)

    def _set_user(self, user: str) -> None:
        if user != self._user:
            self._user = user
            self.user_changed.emit(user)

    def _set_error(self, message: str) -> None:
        if message != self._error:
            self._error = message
            self.error_changed.emit(message)

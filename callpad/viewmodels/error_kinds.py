"""What kind of failure an exception is, as the viewmodels need to know it.

`classify_error()` tells whether trying again later may help (transport trouble, a spent budget, a
server fault) and, for login failures, which of the cases of issue 4's login dialog it is.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from callpad.api.errors import (
    AccessDeniedError,
    AccountInactiveError,
    AuthError,
    CallApiError,
    ComponentDisabledError,
    OutcomeUnknownError,
    RateLimitError,
    ServerError,
    TransportError,
)


class LoginFailure(enum.Enum):
    """Why a login did not succeed (the login dialog words each one differently)."""

    WRONG_PASSWORD = "wrong_password"  # noqa: S105  # a failure kind, not a secret
    SESSION_INVALID = "session_invalid"
    KEY_EXPIRED = "key_expired"
    KEY_BLOCKED = "key_blocked"
    IP_NOT_WHITELISTED = "ip_not_whitelisted"
    NO_API_RIGHT = "no_api_right"
    ACCOUNT_DISABLED = "account_disabled"
    COMPONENT_DISABLED = "component_disabled"
    UNREACHABLE = "unreachable"
    OTHER = "other"


_AUTH = {
    "auth_error": LoginFailure.WRONG_PASSWORD,
    "access_token_invalid": LoginFailure.SESSION_INVALID,
    "access_token_expired": LoginFailure.KEY_EXPIRED,
    "access_token_blocked": LoginFailure.KEY_BLOCKED,
}


@dataclass(frozen=True, slots=True)
class ErrorKind:
    """The classification of one exception."""

    retryable: bool
    login_failure: LoginFailure


def classify_error(error: BaseException) -> ErrorKind:
    """Classify an exception raised by a viewmodel's coroutine."""
    return ErrorKind(retryable=_retryable(error), login_failure=_login_failure(error))


def _retryable(error: BaseException) -> bool:
    if isinstance(error, OutcomeUnknownError):
        return False  # never retried blindly: the agent checks the call list first
    return isinstance(error, TransportError | RateLimitError | ServerError)


def _login_failure(error: BaseException) -> LoginFailure:
    if isinstance(error, AuthError):
        return _AUTH.get(error.mnemonic, LoginFailure.WRONG_PASSWORD)
    if isinstance(error, AccessDeniedError):
        if error.mnemonic == "ip_not_whitelisted":
            return LoginFailure.IP_NOT_WHITELISTED
        return LoginFailure.NO_API_RIGHT
    if isinstance(error, AccountInactiveError):
        return LoginFailure.ACCOUNT_DISABLED
    if isinstance(error, ComponentDisabledError):
        return LoginFailure.COMPONENT_DISABLED
    if isinstance(error, TransportError):
        return LoginFailure.UNREACHABLE
    return LoginFailure.OTHER


def user_message(error: BaseException, lang: str) -> str:
    """The agent-facing sentence for any exception (API errors word their own)."""
    if isinstance(error, CallApiError):
        return error.user_message(lang)
    name = type(error).__name__
    return f"Непредвиденная ошибка: {name}" if lang == "ru" else f"Unexpected error: {name}"

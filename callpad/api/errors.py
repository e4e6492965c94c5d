"""The exception tree of callpad.api and the one mapping from (code, mnemonic) to a class.

```text
CallpadError
└── CallApiError                  everything raised by callpad.api
    ├── EndpointError             the base URL is not acceptable (not HTTPS, not loopback)
    ├── PhoneNumberError          typed or pasted text is not a usable number (also ValueError)
    ├── ClientStateError          the client is closed, or not logged in
    ├── TransportError            no usable HTTP exchange
    │   ├── ConnectionFailedError     could not connect: nothing was sent
    │   ├── ConnectionLostError       the connection broke after the request was sent
    │   ├── RequestTimeoutError       no reply in time after the request was sent
    │   ├── HttpStatusError           an HTTP error status instead of a JSON-RPC reply
    │   └── OutcomeUnknownError       a start/control request may have reached the server:
    │                                 never resent; check the call list
    ├── ProtocolError             not JSON-RPC, id mismatch, unexpected result shape
    └── RpcError                  the server's error object: code, mnemonic, field, value, params
        ├── AuthError                 login/password wrong, token missing, expired, blocked
        ├── AccessDeniedError         IP not whitelisted, no right to the API or the action
        ├── ComponentDisabledError    the method's component is not enabled
        ├── AccountInactiveError      the account is blocked
        ├── InvalidParamsError        a parameter the server did not accept (`field`, `value`)
        ├── NotFoundError             a session, leg, employee, number, file, tag ... is unknown
        │   └── CallSessionNotFoundError  the call has ended
        ├── CallRefusedError          security rules (direction) or the blacklist refused a call
        ├── ConflictError             already done: duplicate tag/contact, recording already on/off
        ├── SequenceError             the API's "wrong method sequence" (invalid_state)
        ├── RateLimitError            the point budget is used up (`retry_after`)
        ├── ServerError               internal_error
        └── RequestRejectedError      the server could not read our request (a client bug)
```

Every exception carries technical details for the log (`str(exc)`, `details()`) and an agent-facing
sentence with a next step, `user_message(lang)`, in Russian or English (`callpad.api.messages`).
This module has no httpx import; `transport.py` maps httpx failures onto these classes.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from callpad.api.messages import ACTIONS, Lang, render

if TYPE_CHECKING:
    from callpad.api.models import ReplyMetadata


class CallpadError(Exception):
    """Root of every error callpad raises on purpose."""

    message_key: ClassVar[str] = "client.protocol"

    def __init__(self, technical: str) -> None:
        super().__init__(technical)
        self.technical = technical

    def _message_values(self) -> dict[str, object]:
        return {}

    def _message_keys(self) -> tuple[str, ...]:
        return (self.message_key,)

    def user_message(self, lang: Lang | str = Lang.RU) -> str:
        """What happened and what to do next, for the agent, in `lang` ("ru" or "en")."""
        values = self._message_values()
        for key in self._message_keys():
            text = render(key, lang, values)
            if text is not None:
                return text
        return self.technical  # pragma: no cover - every class has a message key

    def details(self) -> dict[str, Any]:
        """Technical details for the log (no secrets)."""
        return {"error": type(self).__name__, "technical": self.technical}


class CallApiError(CallpadError):
    """Everything raised by callpad.api."""


class EndpointError(CallApiError, ValueError):
    """The base URL is not acceptable: HTTPS is required except on loopback."""

    message_key = "client.endpoint"

    def __init__(self, technical: str, *, url: str) -> None:
        super().__init__(technical)
        self.url = url

    def _message_values(self) -> dict[str, object]:
        return {"url": self.url}


class PhoneNumberError(CallApiError, ValueError):
    """Typed or pasted text is not a number the API can dial; `reason` names why."""

    REASONS: ClassVar[frozenset[str]] = frozenset(
        {
            "empty",
            "not_a_number",
            "sip_name",
            "too_short",
            "too_long",
            "wrong_length",
            "invalid_country",
            "short_not_allowed",
        }
    )

    def __init__(self, reason: str, text: str) -> None:
        if reason not in self.REASONS:
            raise ValueError(f"unknown phone error reason {reason!r}")
        super().__init__(f"not a usable phone number ({reason}): {text!r}")
        self.reason = reason
        self.text = text

    def _message_keys(self) -> tuple[str, ...]:
        return (f"phone.{self.reason}",)

    def _message_values(self) -> dict[str, object]:
        shown = self.text if len(self.text) <= 40 else self.text[:39] + "…"
        return {"text": shown}


class ClientStateError(CallApiError):
    """The client cannot serve the call: it is closed (`closed`) or not logged in."""

    def __init__(self, technical: str, *, reason: str) -> None:
        super().__init__(technical)
        self.reason = reason

    def _message_keys(self) -> tuple[str, ...]:
        return (f"client.{self.reason}",)


# --- transport -----------------------------------------------------------------------------


class TransportError(CallApiError):
    """No usable HTTP exchange with the server.

    `may_have_reached_server` tells whether the request could have been received (and acted on).
    """

    message_key = "client.connection_lost"
    may_have_reached_server: bool = True

    def __init__(self, technical: str, *, method: str = "") -> None:
        super().__init__(technical)
        self.method = method

    def details(self) -> dict[str, Any]:
        return {**super().details(), "method": self.method}


class ConnectionFailedError(TransportError):
    """Could not connect (refused, DNS, TLS, connect or pool timeout): nothing was sent."""

    message_key = "client.connection_failed"
    may_have_reached_server = False

    def __init__(self, technical: str, *, method: str = "", host: str = "") -> None:
        super().__init__(technical, method=method)
        self.host = host

    def _message_values(self) -> dict[str, object]:
        return {"host": self.host}


class ConnectionLostError(TransportError):
    """The connection broke after the request was (possibly partly) sent."""

    message_key = "client.connection_lost"


class RequestTimeoutError(TransportError):
    """No reply arrived in time after the request was sent."""

    message_key = "client.timeout"


class HttpStatusError(TransportError):
    """The server answered with an HTTP error status instead of a JSON-RPC reply."""

    message_key = "client.http_status"

    def __init__(self, technical: str, *, method: str = "", status: int) -> None:
        super().__init__(technical, method=method)
        self.status = status
        # 4xx (unknown version path, wrong verb): refused before any method ran. 5xx: unknown.
        self.may_have_reached_server = status >= 500

    def _message_values(self) -> dict[str, object]:
        return {"status": self.status}

    def details(self) -> dict[str, Any]:
        return {**super().details(), "status": self.status}


class OutcomeUnknownError(TransportError):
    """A start or call-control request may have reached the server; it is never resent.

    `cause` is the failure that left the outcome open. The agent must check the call list.
    """

    message_key = "client.outcome_unknown"

    def __init__(self, technical: str, *, method: str, cause: CallApiError) -> None:
        super().__init__(technical, method=method)
        self.cause = cause

    def _message_values(self) -> dict[str, object]:
        ru, en = ACTIONS.get(self.method, ("действие", "the action"))
        return {"action_ru": ru, "action_en": en}

    def details(self) -> dict[str, Any]:
        return {**super().details(), "cause": self.cause.details()}


# --- protocol ------------------------------------------------------------------------------


class ProtocolError(CallApiError):
    """The reply is not the JSON-RPC we expect: not JSON, id mismatch, unexpected shape."""

    message_key = "client.protocol"
    may_have_reached_server = True

    def __init__(self, technical: str, *, method: str = "") -> None:
        super().__init__(technical)
        self.method = method

    def details(self) -> dict[str, Any]:
        return {**super().details(), "method": self.method}


# --- server error objects ------------------------------------------------------------------


class RpcError(CallApiError):
    """An error object returned by the server (`error.code`, `error.data.mnemonic`, ...)."""

    def __init__(
        self,
        *,
        code: int,
        message: str,
        mnemonic: str,
        method: str,
        field: str | None = None,
        value: Any = None,
        params: Mapping[str, Any] | None = None,
        metadata: ReplyMetadata | None = None,
    ) -> None:
        where = f" field={field}" if field else ""
        super().__init__(f"{method}: {code} {mnemonic}{where}: {message}")
        self.code = code
        self.message = message
        self.mnemonic = mnemonic
        self.method = method
        self.field = field
        self.value = value
        self.params: dict[str, Any] = dict(params or {})
        self.metadata = metadata

    def _message_keys(self) -> tuple[str, ...]:
        return (
            f"{self.mnemonic}@{self.method}",
            f"{self.mnemonic}/{self.code}",
            self.mnemonic,
            "client.rpc_error",
        )

    def _message_values(self) -> dict[str, object]:
        values: dict[str, object] = {
            "code": self.code,
            "mnemonic": self.mnemonic,
            "method": self.method,
            "field": self.field,
            "value": self.value if isinstance(self.value, str | int | float) else None,
        }
        values.update({k: v for k, v in self.params.items() if v is not None})
        return values

    def details(self) -> dict[str, Any]:
        return {
            **super().details(),
            "method": self.method,
            "code": self.code,
            "mnemonic": self.mnemonic,
            "field": self.field,
            "params": self.params,
        }


class AuthError(RpcError):
    """Login or password wrong, or the access token is invalid, expired or blocked (-32001)."""


class AccessDeniedError(RpcError):
    """The IP is not whitelisted, or the user lacks the right to the API or the action (-32003)."""


class ComponentDisabledError(RpcError):
    """The component that holds the method is not enabled for the account (-32008)."""


class AccountInactiveError(RpcError):
    """The account is blocked (-32009)."""


class InvalidParamsError(RpcError):
    """A parameter the server did not accept; `field` names it (dotted for nested members)."""


class NotFoundError(RpcError):
    """Something the request names is unknown to the account (session, leg, employee, ...)."""


class CallSessionNotFoundError(NotFoundError):
    """The call session is unknown: it has ended."""


class CallRefusedError(RpcError):
    """The call was refused by the account's security rules or the blacklist (-32002)."""


class ConflictError(RpcError):
    """The requested change is already in place (duplicate tag or contact, recording on/off)."""


class SequenceError(RpcError):
    """The method cannot be called in the call's current state (invalid_state, -32004)."""


class RateLimitError(RpcError):
    """The per-minute or per-day point budget is used up (-32029).

    `limit_type` is "minute" or "day"; `retry_after` the seconds until that budget resets,
    taken from the reply's metadata when present (else None).
    """

    @property
    def limit_type(self) -> str | None:
        value = self.params.get("limit_type")
        return value if isinstance(value, str) else None

    @property
    def retry_after(self) -> int | None:
        limits = self.metadata.limits if self.metadata is not None else None
        if limits is None:
            return None
        if self.limit_type == "day":
            return limits.day_reset
        return limits.minute_reset

    def _message_keys(self) -> tuple[str, ...]:
        if self.retry_after is None and self.mnemonic == "limit_exceeded":
            return ("limit_exceeded/no_reset", *super()._message_keys())
        return super()._message_keys()

    def _message_values(self) -> dict[str, object]:
        return {**super()._message_values(), "retry_after": self.retry_after}


class ServerError(RpcError):
    """The server failed internally (internal_error, -32603)."""


class RequestRejectedError(RpcError):
    """The server could not read our request (parse, envelope, method, encoding): our bug."""


_BY_MNEMONIC: dict[str, type[RpcError]] = {
    # Authentication errors, code -32001.
    "auth_error": AuthError,
    "access_token_invalid": AuthError,
    "access_token_expired": AuthError,
    "access_token_blocked": AuthError,
    # Access, component, account and limit errors.
    "ip_not_whitelisted": AccessDeniedError,
    "forbidden": AccessDeniedError,
    "component_disabled": ComponentDisabledError,
    "account_inactive": AccountInactiveError,
    "limit_exceeded": RateLimitError,
    # Parameter validation.
    "required_parameter_missed": InvalidParamsError,
    "data_type_error": InvalidParamsError,
    "invalid_parameter_value": InvalidParamsError,
    "unexpected_parameters": InvalidParamsError,
    "invalid_parameters_combination": InvalidParamsError,
    "tts_text_exceeded": InvalidParamsError,
    "own_virtual_phone_number_not_allowed": InvalidParamsError,
    # Look-ups of named entities.
    "call_session_not_found": CallSessionNotFoundError,
    "employee_not_found": NotFoundError,
    "no_active_phone_number": NotFoundError,
    "scenario_not_found": NotFoundError,
    "media_file_not_found": NotFoundError,
    "virtual_phone_number_not_found": NotFoundError,
    "tag_not_found": NotFoundError,
    "leg_not_found": NotFoundError,
    "coach_not_found": NotFoundError,
    "talk_option_not_found": NotFoundError,
    # call rules (-32002, and -32602 for the blacklist in three start methods)
    "contact_in_blacklist": CallRefusedError,
    "call_direction_forbidden": CallRefusedError,
    # state and conflicts
    "invalid_state": SequenceError,
    "duplicate_tag": ConflictError,
    "duplicate_contact": ConflictError,
    "record_already_started": ConflictError,
    "record_already_stopped": ConflictError,
    # server
    "internal_error": ServerError,
    # our request was unreadable
    "parse_error": RequestRejectedError,
    "invalid_request": RequestRejectedError,
    "method_not_found": RequestRejectedError,
    "batch_opreations_not_supported": RequestRejectedError,
    "batch_operations_not_supported": RequestRejectedError,  # CallGear docs' spelling
    "notifications_not_supported": RequestRejectedError,
    "character_encoding_not_allowed": RequestRejectedError,
}

_BY_CODE: dict[int, type[RpcError]] = {
    -32700: RequestRejectedError,
    -32600: RequestRejectedError,
    -32601: RequestRejectedError,
    -32602: InvalidParamsError,
    -32603: ServerError,
    -32001: AuthError,
    -32002: CallRefusedError,
    -32003: AccessDeniedError,
    -32004: SequenceError,
    -32007: NotFoundError,
    -32008: ComponentDisabledError,
    -32009: AccountInactiveError,
    -32029: RateLimitError,
    -32099: RequestRejectedError,
}

# Mnemonics the CallGear docs spell differently; messages are keyed on the CoMagic spelling.
MNEMONIC_ALIASES: dict[str, str] = {
    "batch_operations_not_supported": "batch_opreations_not_supported"
}


def rpc_error_class(code: int, mnemonic: str | None) -> type[RpcError]:
    """The class for an error object: by mnemonic first, else by the code's group (SPEC §10.2)."""
    if mnemonic is not None and mnemonic in _BY_MNEMONIC:
        return _BY_MNEMONIC[mnemonic]
    return _BY_CODE.get(code, RpcError)


def rpc_error_from(
    *,
    code: int,
    message: str,
    mnemonic: str | None,
    method: str,
    field: str | None = None,
    value: Any = None,
    params: Mapping[str, Any] | None = None,
    metadata: ReplyMetadata | None = None,
) -> RpcError:
    """Build the exception for one server error object."""
    cls = rpc_error_class(code, mnemonic)
    name = MNEMONIC_ALIASES.get(mnemonic or "", mnemonic or f"code_{-code}")
    return cls(
        code=code,
        message=message,
        mnemonic=name,
        method=method,
        field=field,
        value=value,
        params=params,
        metadata=metadata,
    )

"""RpcCaller: the one path every Call API request takes (auth, retry policy, metadata, lifecycle).

`CallApiClient` (client.py) adds one typed coroutine per API method on top. Here: the keep-alive
httpx client and its closing, the key ring (login, renewal shortly before expiry, one re-login when
the server rejects the key), the retry policy of `retry.py` applied per method, and the metadata
observable.
"""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Callable, Mapping
from datetime import datetime, timedelta
from enum import Enum
from types import TracebackType
from typing import Any, Self, TypeVar

import httpx

from callpad.api.auth import KeyRing
from callpad.api.errors import (
    AuthError,
    CallApiError,
    ClientStateError,
    OutcomeUnknownError,
    ProtocolError,
    RateLimitError,
    ServerError,
    TransportError,
)
from callpad.api.models import (
    Credentials,
    EmployeeRef,
    LoginResult,
    Message,
    PasswordCredentials,
    PermanentKey,
    ReplyMetadata,
)
from callpad.api.phone import PhoneNumber
from callpad.api.providers import Provider, check_base_url
from callpad.api.replies import (
    check_success,
    parse_login,
)
from callpad.api.retry import MethodKind, backoff_delay, limit_wait, may_resend, policy_for
from callpad.api.service import MetadataListener
from callpad.api.transport import DEFAULT_TIMEOUT, JsonRpcTransport, RpcReply, create_http_client
from callpad.clock import Clock, RealClock

logger = logging.getLogger(__name__)

_T = TypeVar("_T")


class ClientState(Enum):
    """Lifecycle of a CallApiClient: a closed client is never reopened."""

    UNOPENED = 1
    OPENED = 2
    CLOSED = 3


def _encode(value: Any) -> Any:
    if isinstance(value, PhoneNumber):
        return value.digits
    if isinstance(value, Message | EmployeeRef):
        return value.to_param()
    if isinstance(value, Enum):
        return value.value
    return value


def _params(**values: Any) -> dict[str, Any]:
    return {name: _encode(value) for name, value in values.items() if value is not None}


class RpcCaller:
    """Sends requests for CallApiClient: authentication, retries, metadata, lifecycle."""

    def __init__(
        self,
        base_url: str | Provider,
        *,
        credentials: Credentials | None = None,
        http: httpx.AsyncClient | None = None,
        timeout: httpx.Timeout = DEFAULT_TIMEOUT,
        clock: Clock | None = None,
        renew_margin: timedelta = timedelta(seconds=60),
        logout_timeout: float = 3.0,
        rng: random.Random | None = None,
        on_metadata: MetadataListener | None = None,
    ) -> None:
        url = base_url.base_url() if isinstance(base_url, Provider) else base_url
        self._url = check_base_url(url)
        self._owns_http = http is None
        self._http = http if http is not None else create_http_client(timeout)
        self._clock: Clock = clock if clock is not None else RealClock()
        self._rng = rng if rng is not None else random.Random()  # noqa: S311 - jitter only
        self._keys = KeyRing(renew_margin)
        self._keys.use_credentials(credentials)
        self._logout_timeout = logout_timeout
        self._state = ClientState.UNOPENED
        self._metadata: ReplyMetadata | None = None
        self._listeners: list[MetadataListener] = []
        if on_metadata is not None:
            self._listeners.append(on_metadata)
        self._transport = JsonRpcTransport(
            self._url, http=self._http, clock=self._clock, on_metadata=self._record_metadata
        )

    # --- lifecycle -----------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        return self._url

    @property
    def state(self) -> ClientState:
        return self._state

    async def __aenter__(self) -> Self:
        if self._state is ClientState.CLOSED:
            raise ClientStateError("a closed CallApiClient cannot be reopened", reason="closed")
        self._state = ClientState.OPENED
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Log out of a password session (best effort, short timeout), then close HTTP."""
        if self._state is ClientState.CLOSED:
            return
        try:
            if self._keys.is_password_session:
                try:
                    async with asyncio.timeout(self._logout_timeout):
                        await self._logout()
                except (CallApiError, TimeoutError) as exc:
                    logger.info("logout on close failed: %s", exc)
        finally:
            self._state = ClientState.CLOSED
            self._keys.forget()
            if self._owns_http:
                await self._http.aclose()

    # --- authentication and metadata ------------------------------------------------------

    @property
    def is_authenticated(self) -> bool:
        return self._keys.token is not None

    @property
    def token_expires_at(self) -> datetime | None:
        return self._keys.expire_at

    @property
    def metadata(self) -> ReplyMetadata | None:
        return self._metadata

    def add_metadata_listener(self, listener: MetadataListener) -> Callable[[], None]:
        self._listeners.append(listener)

        def unsubscribe() -> None:
            if listener in self._listeners:
                self._listeners.remove(listener)

        return unsubscribe

    def _record_metadata(self, metadata: ReplyMetadata) -> None:
        self._metadata = metadata
        if self._listeners:
            # Scheduled, not called: a failing listener must never make a started call look failed.
            loop = asyncio.get_running_loop()
            for listener in tuple(self._listeners):
                loop.call_soon(listener, metadata)

    def use_permanent_key(self, key: PermanentKey) -> None:
        self._keys.use_credentials(key)

    async def _logout(self) -> None:
        if self._keys.token is None:
            return
        try:
            reply = await self._call("logout.user", {}, relogin=False)
            check_success(reply.data, "logout.user")
        except AuthError as exc:
            if exc.mnemonic != "access_token_invalid":
                raise
            logger.debug("logout.user: the key was already invalid")
        finally:
            self._keys.forget()

    async def _login(self, credentials: PasswordCredentials) -> LoginResult:
        reply = await self._call(
            "login.user",
            {"login": credentials.login, "password": credentials.password},
            authenticated=False,
        )
        result = parse_login(reply.data)
        self._keys.adopt_session(credentials, result, self._clock.wall())
        logger.info("logged in; session key valid until %s", result.expire_at.isoformat())
        return result

    async def _token_for(self, method: str) -> str:
        if self._keys.needs_login(self._clock.wall()):
            async with self._keys.lock:
                creds = self._keys.password_credentials
                if creds is not None and self._keys.needs_login(self._clock.wall()):
                    if self._keys.token is not None:
                        logger.info("renewing the session key before it expires")
                    await self._login(creds)
        return self._keys.require_token(method)

    async def _relogin(self, stale_token: str) -> None:
        async with self._keys.lock:
            creds = self._keys.password_credentials
            if creds is not None and self._keys.token == stale_token:
                logger.info("session key rejected; logging in again")
                await self._login(creds)

    # --- the one path every request takes ----------------------------------------------------

    async def _call(
        self,
        method: str,
        params: Mapping[str, Any],
        *,
        authenticated: bool = True,
        relogin: bool = True,
    ) -> RpcReply:
        if self._state is ClientState.CLOSED:
            raise ClientStateError(f"{method}: the client is closed", reason="closed")
        policy = policy_for(method)
        sends = 0
        relogged = not (authenticated and relogin)
        waited = 0.0
        while True:
            if not authenticated:
                token = None
            elif relogin:
                token = await self._token_for(method)
            else:  # logout.user: never log in just to log out
                token = self._keys.require_token(method)
            request = {"access_token": token, **params} if token is not None else params
            sends += 1
            try:
                return await self._transport.call(method, request)
            except AuthError as exc:
                if relogged or token is None or not self._keys.can_relogin(exc):
                    raise
                relogged = True  # nothing happened on the server: safe to resend once
                await self._relogin(token)
            except RateLimitError as exc:
                delay = limit_wait(policy, exc, waited)
                if delay is None:
                    raise
                logger.info("%s: limit reached; waiting %.1f s for the reset", method, delay)
                waited += delay
                await self._clock.sleep(delay)
            except (TransportError, ProtocolError, ServerError) as exc:
                if sends < policy.attempts and may_resend(policy, exc):
                    delay = backoff_delay(policy, sends, self._rng)
                    logger.info("%s: %s; resending in %.2f s", method, exc.technical, delay)
                    await self._clock.sleep(delay)
                    continue
                outcome = self._outcome(method, exc)
                if outcome is exc:
                    raise
                raise outcome from exc

    @staticmethod
    def _outcome(method: str, exc: CallApiError) -> CallApiError:
        """For a call-changing method, a failure after the request may have arrived is 'unknown'."""
        reached = isinstance(exc, ProtocolError) or (
            isinstance(exc, TransportError) and exc.may_have_reached_server
        )
        if policy_for(method).kind is MethodKind.CALL and reached:
            return OutcomeUnknownError(
                f"{method}: outcome unknown after {type(exc).__name__}: {exc.technical}",
                method=method,
                cause=exc,
            )
        return exc

    async def _request(self, method: str, parse: Callable[[Any, str], _T], **values: Any) -> _T:
        reply = await self._call(method, _params(**values))
        try:
            return parse(reply.data, method)
        except ProtocolError as exc:
            outcome = self._outcome(method, exc)
            if outcome is exc:
                raise
            raise outcome from exc

    async def _control(self, method: str, **values: Any) -> None:
        await self._request(method, check_success, **values)
